/**
 * A shell code block split into what a person copies: commands (each with its safety class and its
 * placeholders), the comments between them, and, in `console` blocks, the output after each prompt.
 * One command is one top-level statement of the shell parse, so a multi-line JSON patch, a heredoc, a
 * `\` continuation or a `for … done` loop is one command, and statements that share a line
 * (`a; b`, `a && b`) are copied together.
 */
import { CONSOLE_LANGS } from '../markdown/code-blocks.ts';
import {
  findAngledPlaceholders,
  findCapsPlaceholders,
  maskPlaceholders,
  type PlaceholderSpan,
} from '../domain/placeholders.ts';
import type { QuoteContext } from '../domain/values.ts';
import type { ShellNode } from '../shell/parser.ts';
import { simpleCommands, unwrap } from '../shell/words.ts';
import { lineIndex } from '../text/lines.ts';
import { plainShellText } from '../text/typography.ts';
import type { CommandReader } from './reader.ts';
import { classifyStatements, worst, type SafetyVerdict } from './safety.ts';
import { continuesAfter, hasCommandPrompt, nothingOpen, promptEnd, readPromptedCommand } from './transcript.ts';

export type PartKind = 'command' | 'comment' | 'output';

export interface BlockPart {
  kind: PartKind;
  /** Offsets of the part's whole lines in the block's code. */
  start: number;
  end: number;
  /** For commands: what is copied (no prompt, no trailing comment), as offsets in the code. */
  copy?: { start: number; end: number };
  /** Ranges shown but never copied: a `$ ` prompt, a comment after the command. */
  noCopy?: { start: number; end: number }[];
  safety?: SafetyVerdict;
}

export interface AnalyzedBlock {
  code: string;
  parts: BlockPart[];
  placeholders: PlaceholderSpan[];
}

const QUOTED = new Set([
  'string',
  'raw_string',
  'ansi_c_string',
  'translated_string',
  'heredoc_body',
  'comment',
  'simple_expansion',
  'expansion',
  'variable_name',
  'heredoc_start',
  'heredoc_end',
]);

/** Whether a shell word (an argument node) holds an ALL_CAPS placeholder such as NODE_NAME. */
export function hasCapsPlaceholder(word: ShellNode): boolean {
  const text = word.text;
  if (!/[A-Z]/.test(text)) return false;
  if (word.type === 'word') return findCapsPlaceholders(text, 0).length > 0;
  if (word.type === 'concatenation')
    return word.namedChildren.some(
      (c) => c !== null && c.type === 'word' && findCapsPlaceholders(c.text, 0).length > 0,
    );
  return false;
}

/** ALL_CAPS placeholders in unquoted words: not in strings, heredocs, expansions or assignments. */
function capsPlaceholders(root: ShellNode, code: string): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  const visit = (node: ShellNode) => {
    if (QUOTED.has(node.type)) return;
    if (node.type === 'variable_assignment') {
      const value = node.childForFieldName('value');
      if (value) visit(value);
      return;
    }
    if (node.type === 'word') {
      spans.push(...findCapsPlaceholders(code.slice(node.startIndex, node.endIndex), node.startIndex));
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  visit(root);
  return spans;
}

/**
 * Called with each top-level statement while its parse tree is alive (trees live in WebAssembly memory
 * and are freed right after): `offset` places the statement's indices in the block's code.
 */
export type StatementVisitor = (statement: ShellNode, offset: number) => void;

export interface AnalyzeOptions {
  onStatement?: StatementVisitor;
  /** Classify each command's safety (the page needs it; the validator does not). Default true. */
  classify?: boolean;
  /**
   * Find ALL_CAPS placeholders by walking every word of the parse (the page needs them all). The
   * validator only asks about the arguments it checks (isCapsPlaceholderWord). Default true.
   */
  findCaps?: boolean;
}

/**
 * How the shell reads the text at an index: inside '…', "…", a heredoc (quoted delimiter or not), or
 * as a plain word. A value is quoted into a placeholder according to it (src/domain/values.ts).
 */
function quoteContextAt(root: ShellNode, index: number): QuoteContext {
  for (let node: ShellNode | null = root.descendantForIndex(index); node; node = node.parent) {
    if (node.type === 'raw_string') return 'single';
    if (node.type === 'string' || node.type === 'translated_string') return 'double';
    if (node.type === 'ansi_c_string') return 'single';
    if (node.type === 'heredoc_body') {
      // Its heredoc_redirect holds the delimiter: <<'EOF', <<"EOF" and <<\EOF turn expansion off.
      const delimiter = node.parent?.namedChildren.find((c) => c?.type === 'heredoc_start');
      return delimiter && /['"\\]/.test(delimiter.text) ? 'heredoc-quoted' : 'heredoc';
    }
  }
  return 'unquoted';
}

interface Range {
  start: number;
  end: number;
}

/** Text with ranges turned into spaces (prompts the shell must not see), offsets unchanged. */
function blank(text: string, ranges: readonly Range[], offset: number): string {
  let out = text;
  for (const { start, end } of ranges) {
    const from = start - offset;
    const to = end - offset;
    if (from < 0 || to > out.length) continue;
    out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}

/**
 * Splits shell code (bash, sh) into commands and comments. `offset` places it in a larger block;
 * `prompts` (offsets in the larger block) are read as blanks.
 */
function analyzeShell(
  code: string,
  offset: number,
  reader: CommandReader,
  angled: PlaceholderSpan[],
  options: AnalyzeOptions,
  prompts: readonly Range[] = [],
) {
  const masked = blank(
    maskPlaceholders(
      code,
      angled.map((p) => ({ ...p, start: p.start - offset, end: p.end - offset })),
    ),
    prompts,
    offset,
  );
  const tree = reader.parser.parse(masked);
  try {
    for (const span of angled) span.quote = quoteContextAt(tree.rootNode, span.start - offset);
    return splitStatements(code, masked, offset, tree.rootNode, reader, options);
  } finally {
    tree.delete();
  }
}

function splitStatements(
  code: string,
  masked: string,
  offset: number,
  root: ShellNode,
  reader: CommandReader,
  { onStatement, classify = true, findCaps = true }: AnalyzeOptions,
) {
  const lines = lineIndex(code);
  const lineOf = (index: number) => lines.position(index).line;

  interface Unit {
    kind: 'command' | 'comment';
    firstLine: number;
    lastLine: number;
    nodes: ShellNode[];
    trailing: ShellNode[];
  }
  const units: Unit[] = [];
  for (const node of root.namedChildren) {
    if (!node) continue;
    if (node.type !== 'comment') onStatement?.(node, offset);
    const firstLine = lineOf(node.startIndex);
    const lastLine = lineOf(Math.max(node.startIndex, node.endIndex - 1));
    const previous = units.at(-1);
    const sharesLine = previous && previous.lastLine === firstLine;
    if (node.type === 'comment') {
      if (sharesLine && previous.kind === 'command') previous.trailing.push(node);
      else if (previous?.kind === 'comment' && previous.lastLine === firstLine - 1) previous.lastLine = lastLine;
      else units.push({ kind: 'comment', firstLine, lastLine, nodes: [node], trailing: [] });
      continue;
    }
    if (sharesLine && previous.kind === 'command') {
      previous.nodes.push(node);
      previous.lastLine = Math.max(previous.lastLine, lastLine);
    } else {
      units.push({ kind: 'command', firstLine, lastLine, nodes: [node], trailing: [] });
    }
  }

  const parts: BlockPart[] = units.map((unit) => {
    const part: BlockPart = {
      kind: unit.kind,
      start: offset + lines.lineStart(unit.firstLine),
      end: offset + lines.lineEnd(unit.lastLine),
    };
    if (unit.kind === 'command') {
      const first = unit.nodes[0]!;
      const last = unit.nodes.at(-1)!;
      part.copy = { start: offset + first.startIndex, end: offset + last.endIndex };
      part.noCopy = unit.trailing.map((c) => ({ start: offset + c.startIndex, end: offset + c.endIndex }));
      if (classify) part.safety = worst(unit.nodes.map((n) => classifyStatements(n, reader)));
    }
    return part;
  });
  const caps = findCaps
    ? capsPlaceholders(root, masked).map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }))
    : [];
  return { parts, caps };
}

/**
 * How a block's lines are read. `shell`: all of it is shell code (a `# kubectl …` line's prompt aside).
 * `transcript`: lines with a prompt (and what continues them) are commands, the rest is output.
 * `implicit`: a fence without a language, whose kubectl lines are the commands and the rest output.
 */
type Reading = 'shell' | 'transcript' | 'implicit';

function readingOf(lang: string, lines: readonly string[], isCommand: (text: string) => boolean): Reading {
  if (lines.some(hasCommandPrompt)) return 'transcript';
  if (lang === '') return 'implicit';
  // A console block with no prompts is shell; one with `# kubectl …` root prompts is a transcript.
  if (CONSOLE_LANGS.has(lang) && lines.some((l) => promptEnd(l, isCommand) !== undefined)) return 'transcript';
  return 'shell';
}

/**
 * Whether text starts with a kubectl command, however wrapped: `kubectl …`, `sudo kubectl …`,
 * `KUBECONFIG=x watch kubectl …`, `POD=$(kubectl get pods -o name)`; not `echo kubectl`, not `brew
 * install kubectl`.
 */
export function startsWithKubectl(text: string, reader: CommandReader): boolean {
  if (!/\bkubectl\b/.test(text)) return false;
  const tree = reader.parser.parse(maskPlaceholders(text, findAngledPlaceholders(text)));
  try {
    const first = tree.rootNode.namedChildren[0];
    if (!first || first.type === 'comment') return false;
    const command = simpleCommands(first)[0];
    return command !== undefined && unwrap(command.name, command.args)?.program === 'kubectl';
  } finally {
    tree.delete();
  }
}

/** In shell code, the `# `, `> ` and `% ` prompts before kubectl commands at the start of a statement. */
function promptsInShell(lines: readonly string[], isCommand: (text: string) => boolean): Range[] {
  const prompts: Range[] = [];
  const open = nothingOpen();
  let goesOn = false;
  let index = 0;
  for (const line of lines) {
    const end = goesOn ? undefined : promptEnd(line, isCommand);
    if (end !== undefined) {
      const indent = /^\s*/.exec(line)![0].length;
      prompts.push({ start: index + indent, end: index + end });
    }
    goesOn = continuesAfter(line.slice(end ?? 0), open);
    index += line.length + 1;
  }
  return prompts;
}

export function analyzeBlock(
  rawCode: string,
  lang: string,
  reader: CommandReader,
  options: AnalyzeOptions = {},
): AnalyzedBlock {
  const code = plainShellText(rawCode.replace(/\s+$/, ''));
  const angled = findAngledPlaceholders(code);
  const lines = code.split('\n');
  const isCommand = (text: string) => startsWithKubectl(text, reader);
  const reading = readingOf(lang, lines, isCommand);
  if (reading === 'shell') {
    const prompts = lines.some((l) => /^\s*[#>%] /.test(l)) ? promptsInShell(lines, isCommand) : [];
    const { parts, caps } = analyzeShell(code, 0, reader, angled, options, prompts);
    for (const part of parts) {
      const prompt = prompts.find((p) => p.start >= part.start && p.end <= part.end);
      if (prompt && part.kind === 'command') part.noCopy = [prompt, ...(part.noCopy ?? [])];
    }
    return { code, parts, placeholders: mergeSpans(angled, caps) };
  }

  // A transcript: prompted lines (with what continues them) are commands, the rest is output.
  const parts: BlockPart[] = [];
  const caps: PlaceholderSpan[] = [];
  const lineStarts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; i++) {
    lineStarts.push(at);
    at += lines[i]!.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = lineStarts[i]!;
    let column = promptEnd(line, isCommand);
    if (column === undefined && reading === 'implicit' && isCommand(line.trim())) {
      column = /^\s*/.exec(line)![0].length;
    }
    if (column === undefined || line.slice(column).trim() === '') {
      const previous = parts.at(-1);
      if (previous?.kind === 'output') previous.end = start + line.length;
      else parts.push({ kind: 'output', start, end: start + line.length });
      continue;
    }
    const typed = readPromptedCommand(lines, i, column);
    const end = lineStarts[typed.lastLine]! + lines[typed.lastLine]!.length;
    const commandStart = start + column;
    const continuations = typed.continuations.map(({ line: l, length }) => ({
      start: lineStarts[l]!,
      end: lineStarts[l]! + length,
    }));
    const inner = analyzeShell(
      code.slice(commandStart, end),
      commandStart,
      reader,
      angled.filter((p) => p.start >= commandStart && p.end <= end),
      options,
      continuations,
    );
    caps.push(...inner.caps);
    const prompt = { start: start + /^\s*/.exec(line)![0].length, end: commandStart };
    parts.push({
      kind: 'command',
      start,
      end,
      copy: { start: commandStart, end: inner.parts.filter((p) => p.copy).at(-1)?.copy?.end ?? end },
      noCopy: [
        ...(prompt.end > prompt.start ? [prompt] : []),
        ...continuations,
        ...inner.parts.flatMap((p) => p.noCopy ?? []),
      ],
      ...(options.classify === false
        ? {}
        : { safety: worst(inner.parts.flatMap((p) => (p.safety ? [p.safety] : []))) }),
    });
    i = typed.lastLine;
  }
  return { code, parts, placeholders: mergeSpans(angled, caps) };
}

function mergeSpans(a: PlaceholderSpan[], b: PlaceholderSpan[]): PlaceholderSpan[] {
  return [...a, ...b].sort((x, y) => x.start - y.start);
}

/** A command as its copy button copies it, with its placeholders at their offsets in that text. */
export interface CopiedCommand {
  text: string;
  placeholders: PlaceholderSpan[];
}

/**
 * What a command's copy button puts on the clipboard (its copy range less the prompt and trailing
 * comments, trimmed), with placeholders as written and placed in that text: the command catalogue
 * records it, so the runner fills exactly the spans the page fills.
 */
export function copiedCommand(block: AnalyzedBlock, part: BlockPart): CopiedCommand {
  if (!part.copy) return { text: '', placeholders: [] };
  const { start: from, end: to } = part.copy;
  // The kept pieces of the code, each with where it starts in the code and in the copied text.
  const pieces: { start: number; end: number; at: number }[] = [];
  let text = '';
  let at = from;
  const keep = (end: number) => {
    if (end <= at) return;
    pieces.push({ start: at, end, at: text.length });
    text += block.code.slice(at, end);
  };
  for (const skip of [...(part.noCopy ?? [])].sort((x, y) => x.start - y.start)) {
    if (skip.end <= at || skip.start >= to) continue;
    keep(skip.start);
    at = Math.max(at, skip.end);
  }
  keep(to);
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const placeholders = block.placeholders.flatMap((span) => {
    const piece = pieces.find((p) => span.start >= p.start && span.end <= p.end);
    if (!piece) return [];
    const start = piece.at + span.start - piece.start - lead;
    return start >= 0 && start + span.text.length <= trimmed.length
      ? [{ ...span, start, end: start + span.text.length }]
      : [];
  });
  return { text: trimmed, placeholders };
}

/** The text a command's copy button puts on the clipboard, with placeholders as written. */
export const copyText = (block: AnalyzedBlock, part: BlockPart): string => copiedCommand(block, part).text;
