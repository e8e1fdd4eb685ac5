/**
 * The code in a parsed Markdown file: fenced blocks (with language, attributes, and where each of their
 * lines sits in the file, inside lists and blockquotes too) and inline code spans. The page's command
 * blocks (src/plugins/remark-command-blocks.ts), the validator and the content tests all take their
 * code from here, over the one parse of src/markdown/parse.ts.
 */
import type { Code, InlineCode, Root } from 'mdast';
import { eachOfType } from './walk.ts';
import { parseFenceMeta, type FenceMeta } from './fence-meta.ts';

/** Fence languages that hold shell commands; console ones are transcripts with `$ ` prompts. */
export const SHELL_BLOCK_LANGS = new Set([
  'bash',
  'sh',
  'shell',
  'zsh',
  'console',
  'shell-session',
  'shellsession',
  'sh-session',
]);
export const CONSOLE_LANGS = new Set(['console', 'shell-session', 'shellsession', 'sh-session']);

export interface CodeBlock {
  /** Lower case; "" for a fence without one. */
  lang: string;
  meta: FenceMeta;
  code: string;
  /** 1-based line of the block's first line of code. */
  line: number;
  /** For each line of code, the 0-based column of the file where it starts (fences in lists and blockquotes are indented). */
  columns: number[];
  /** A fence (``` or ~~~), not a block indented by four spaces (which MDX does not have). */
  fenced: boolean;
  /**
   * Its closing fence is there. CommonMark runs an unclosed fence to the end of its container: the
   * rest of the page becomes code. (True when the source is not given.)
   */
  closed: boolean;
  /** The parse node, for plugins that replace it. */
  node: Code;
}

export interface InlineCodeSpan {
  code: string;
  /** 1-based line and column of the span's opening backtick. */
  line: number;
  column: number;
  /** 1-based column of the code's first character (after the backticks and a stripped space). */
  codeColumn: number;
}

/**
 * Where each line of a block's code starts in the file: the source line ends with the code line.
 * `firstLine` is the 1-based line of the code's first line.
 */
function columnsOf(node: Code, sourceLines: readonly string[] | undefined, firstLine: number): number[] {
  const codeLines = node.value.split('\n');
  const fenceColumn = (node.position?.start.column ?? 1) - 1;
  return codeLines.map((text, i) => {
    const source = sourceLines?.[firstLine - 1 + i];
    return source !== undefined && text !== '' && source.endsWith(text) ? source.length - text.length : fenceColumn;
  });
}

/** Whether a code node is a fence (its first line opens with ``` or ~~~) rather than indented code. */
function isFence(node: Code, sourceLines: readonly string[] | undefined): boolean {
  const start = node.position?.start;
  const opening = start && sourceLines?.[start.line - 1]?.slice(start.column - 1);
  return opening === undefined ? node.lang !== null : /^(`{3,}|~{3,})/.test(opening);
}

/** Whether a fence's last line is a closing fence as long as its opening one, of the same character. */
function isClosed(node: Code, sourceLines: readonly string[] | undefined): boolean {
  const { start, end } = node.position ?? {};
  if (!start || !end || !sourceLines) return true;
  const opening = /^(`{3,}|~{3,})/.exec(sourceLines[start.line - 1]?.slice(start.column - 1) ?? '')?.[1];
  if (!opening) return true; // indented code has no fence to close
  const closing = /^[\s>]*(`{3,}|~{3,})\s*$/.exec(sourceLines[end.line - 1] ?? '')?.[1];
  return (
    end.line > start.line && closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length
  );
}

/** Every code block of a parsed file, in document order. Pass the source for exact columns. */
export function codeBlocksOf(tree: Root, source?: string): CodeBlock[] {
  const sourceLines = source?.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  eachOfType(tree, 'code', (node: Code) => {
    const fenced = isFence(node, sourceLines);
    // A fence's code starts on the line after the opening fence; indented code on its own first line.
    const line = (node.position?.start.line ?? 0) + (fenced ? 1 : 0);
    blocks.push({
      lang: (node.lang ?? '').toLowerCase(),
      meta: parseFenceMeta(node.meta),
      code: node.value,
      line,
      columns: columnsOf(node, sourceLines, line),
      fenced,
      closed: isClosed(node, sourceLines),
      node,
    });
  });
  return blocks;
}

export const isShellBlock = (block: Pick<CodeBlock, 'lang'>) => SHELL_BLOCK_LANGS.has(block.lang);

/**
 * Whether a block may hold commands people copy: a shell block, or a block with no language at all
 * (whose kubectl lines src/commands/block.ts reads as commands, the rest as output).
 */
export const mayHoldCommands = (block: Pick<CodeBlock, 'lang'>) => block.lang === '' || isShellBlock(block);

/** The blocks a page shows as command blocks: shell blocks, less those marked wrong="…" (shown, never copied). */
export function commandBlocksOf(tree: Root): CodeBlock[] {
  return codeBlocksOf(tree).filter((b) => isShellBlock(b) && !b.meta['wrong']);
}

/**
 * Inline `code` spans, with their line and column. Pass the source for the exact column of the code
 * itself: CommonMark drops the backticks and, when the code both starts and ends with a space, one
 * space at each end.
 */
export function inlineCodeOf(tree: Root, source?: string): InlineCodeSpan[] {
  const sourceLines = source?.split(/\r?\n/);
  const spans: InlineCodeSpan[] = [];
  eachOfType(tree, 'inlineCode', (node: InlineCode) => {
    const line = node.position?.start.line ?? 0;
    const column = node.position?.start.column ?? 0;
    const opening = sourceLines?.[line - 1]?.slice(column - 1) ?? '';
    const ticks = /^`*/.exec(opening)![0].length;
    const stripped = node.value !== '' && opening[ticks] === ' ' && !node.value.startsWith(' ') ? 1 : 0;
    spans.push({ code: node.value, line, column, codeColumn: column + ticks + stripped });
  });
  return spans;
}
