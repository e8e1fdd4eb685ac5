/**
 * Colours for shell code, from the same tree-sitter parse that splits blocks into commands, classes
 * their safety and feeds the validator: command names, arguments and strings, flags and numbers,
 * operators and keywords, comments, in the two GitHub high-contrast palettes (light and dark). A token
 * is marked with the class of its kind (`tok-option`), whose colours site.css holds (TOKEN_COLOURS,
 * checked against it by a unit test): the same fifty bytes of inline style on every token were a
 * third of a runbook page's HTML. The site shows each command on its own, with placeholders as their
 * own elements, so it cuts the tokens itself. A TextMate highlighter cost a third of the build for
 * what the parse already knows.
 */
import type { ShellNode, ShellParser } from '../shell/parser.ts';

export const CODE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

export interface CodeToken {
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * The palettes of Shiki's github-light/dark-high-contrast themes for bash, by what a token is:
 * [light, dark]. Plain text takes the block's own colours.
 */
export const TOKEN_COLOURS = {
  plain: ['#0E1116', '#F0F3F6'],
  comment: ['#66707B', '#BDC4CC'],
  command: ['#702C00', '#FFB757'],
  argument: ['#032563', '#ADDCFF'],
  option: ['#023B95', '#91CBFF'],
  operator: ['#A0111F', '#FF9492'],
} as const;
export type TokenKind = keyof typeof TOKEN_COLOURS;
type Kind = TokenKind;
const KINDS = Object.keys(TOKEN_COLOURS) as Kind[];

/** The class of a token's kind; plain text has none. */
export const tokenClass = (kind: TokenKind): string | undefined => (kind === 'plain' ? undefined : `tok-${kind}`);

const BUILTINS = new Set([
  'echo',
  'printf',
  'cd',
  'export',
  'set',
  'unset',
  'test',
  'read',
  'source',
  '.',
  'true',
  'false',
  'exit',
  'return',
  'eval',
  'exec',
  'local',
  'declare',
  'shift',
  'trap',
  'wait',
  'alias',
]);
const STRINGS = new Set(['string', 'raw_string', 'ansi_c_string', 'translated_string']);
const EXPANSIONS = new Set([
  'simple_expansion',
  'expansion',
  'command_substitution',
  'process_substitution',
  'arithmetic_expansion',
]);
const OPERATORS = new Set([
  '|',
  '|&',
  '>',
  '>>',
  '<',
  '<<',
  '<<-',
  '<<<',
  '&>',
  '&>>',
  '>&',
  '<&',
  '>|',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'case',
  'esac',
  'function',
  'select',
  '=',
  '!',
]);

/** Every node under a node, named or not, in document order. */
function eachNode(root: ShellNode, visit: (node: ShellNode) => void): void {
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) return;
        depth--;
      }
      if (depth === 0) return;
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Tokens of shell code, offsets as in `code` plus `offset`. Pass code whose angled placeholders are
 * masked (src/domain/placeholders.ts), so the parse reads `<pod-name>` as a word.
 */
export function highlightShell(code: string, parser: ShellParser, offset = 0): CodeToken[] {
  const kinds = new Uint8Array(code.length); // 0: plain
  const paint = (node: ShellNode, kind: Kind) => kinds.fill(KINDS.indexOf(kind), node.startIndex, node.endIndex);
  const tree = parser.parse(code);
  try {
    const nodes: ShellNode[] = [];
    eachNode(tree.rootNode, (n) => nodes.push(n));
    // Later paint wins: strings, then what expands inside them, then commands and their words,
    // operators and keywords, comments last.
    for (const n of nodes) if (STRINGS.has(n.type)) paint(n, 'argument');
    for (const n of nodes) if (EXPANSIONS.has(n.type)) paint(n, 'plain');
    for (const n of nodes) {
      if (n.type === 'command_name')
        paint(n, BUILTINS.has(code.slice(n.startIndex, n.endIndex)) ? 'option' : 'command');
      else if ((n.type === 'word' || n.type === 'number') && n.parent && isArgument(n)) {
        const text = code.slice(n.startIndex, n.endIndex);
        paint(n, text.startsWith('-') || /^\d+$/.test(text) ? 'option' : 'argument');
      } else if (n.type === 'variable_assignment') {
        const value = n.childForFieldName('value');
        if (value && (value.type === 'word' || value.type === 'number')) paint(value, 'argument');
      }
    }
    for (const n of nodes) if (!n.isNamed && OPERATORS.has(n.type)) paint(n, 'operator');
    for (const n of nodes) if (n.type === 'comment') paint(n, 'comment');
  } finally {
    tree.delete();
  }
  const tokens: CodeToken[] = [];
  for (let i = 0; i < kinds.length;) {
    let j = i + 1;
    while (j < kinds.length && kinds[j] === kinds[i]) j++;
    tokens.push({ start: offset + i, end: offset + j, kind: KINDS[kinds[i]!]! });
    i = j;
  }
  return tokens;
}

/** A word the command receives as an argument (directly, or as part of a concatenation). */
function isArgument(word: ShellNode): boolean {
  const parent = word.parent!;
  if (parent.type === 'command') return word.type !== 'command_name';
  return parent.type === 'concatenation' && parent.parent?.type === 'command';
}
