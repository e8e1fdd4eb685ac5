/**
 * The snippet validator over content: every shell block of a Markdown/MDX file (and every `commands`
 * of a decision tree) goes through the same split and parse as the command blocks on the page
 * (src/commands/block.ts), and every kubectl invocation in it, however nested (pipelines, lists,
 * `$(…)`, `sh -c '…'`, behind sudo, watch, env, timeout, xargs: src/shell/words.ts), is checked
 * against the kubectl schema. Findings come back as
 * diagnostics at the file's line and column.
 *
 * A block opts out only with a written reason: ```bash wrong="why the guide's command fails" (shown
 * as the guide's wrong original) or ```bash novalidate="why this must not be checked".
 */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { analyzeBlock, hasCapsPlaceholder } from '../commands/block.ts';
import type { CommandReader } from '../commands/reader.ts';
import type { Diagnostic } from '../checks/diagnostics.ts';
import { checkKubectl, type KubectlArg } from '../kubectl/check.ts';
import { codeBlocksOf, isShellBlock } from '../markdown/code-blocks.ts';
import { isMdxFile, parseMarkdown, type ParsedMarkdown } from '../markdown/parse.ts';
import { lineIndex } from '../text/lines.ts';
import { typographicCharacters } from '../text/typography.ts';
import type { ShellNode, ShellParser } from '../shell/parser.ts';
import { visitInvocations } from '../shell/words.ts';

/** The parser and the kubectl model (with the team's custom resources) commands are checked with. */
export type ValidatorContext = CommandReader;

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** kubectl invocations checked. */
  commands: number;
}

/** Where a block's code sits in its file. */
export interface Origin {
  file: string;
  /** 1-based line of the block's first line. */
  line: number;
  /** Columns to add to each line's offsets (indentation removed from the block): one for all, or one per line. */
  indent: number | readonly number[];
}

interface Invocation {
  args: { value: string; start: number; end: number; expansion: boolean }[];
  start: number;
}

/** The kubectl invocations in a statement, with their argument words and offsets. */
function kubectlInvocations(statement: ShellNode, offset: number, parser: ShellParser): Invocation[] {
  const invocations: Invocation[] = [];
  visitInvocations(
    statement,
    parser,
    (invocation) => {
      if (invocation.program !== 'kubectl') return;
      // An expansion ($VAR, $(…)) or an ALL_CAPS placeholder makes a value unknown until run time.
      const args = invocation.args.map((w) => ({
        value: w.value,
        start: w.start,
        end: w.end,
        expansion: w.expansion || (w.node !== undefined && hasCapsPlaceholder(w.node)),
      }));
      invocations.push({ start: invocation.name.start, args });
    },
    offset,
  );
  return invocations;
}

/** Validates one block of shell code. */
export function validateShellCode(code: string, lang: string, origin: Origin, ctx: ValidatorContext): ValidationResult {
  const invocations: Invocation[] = [];
  const block = analyzeBlock(code, lang, ctx, {
    classify: false,
    findCaps: false,
    onStatement: (statement, offset) => invocations.push(...kubectlInvocations(statement, offset, ctx.parser)),
  });

  const position = positionIn(block.code, origin);

  const diagnostics: Diagnostic[] = [];
  for (const invocation of invocations) {
    const args: KubectlArg[] = invocation.args.map((a) => ({
      value: a.value,
      start: a.start,
      end: a.end,
      placeholder: a.expansion || block.placeholders.some((p) => p.start < a.end && p.end > a.start),
    }));
    for (const finding of checkKubectl(args, ctx.kubectl)) {
      diagnostics.push({
        file: origin.file,
        ...position(finding.start),
        severity: finding.severity,
        rule: finding.rule,
        message: finding.message,
        ...(finding.hint ? { hint: finding.hint } : {}),
      });
    }
  }
  const sourcePosition = positionIn(code, origin);
  for (const { index, character, plain } of typographicCharacters(code)) {
    diagnostics.push({
      file: origin.file,
      ...sourcePosition(index),
      severity: 'warning',
      rule: 'shell/typographic-character',
      message: `"${character}" is not a shell character; the page shows and copies "${plain}"`,
      hint: 'type plain ASCII quotes, dashes and spaces in commands',
    });
  }
  return { diagnostics, commands: invocations.length };
}

/** File line and column of an offset in a block's code. */
function positionIn(code: string, origin: Origin): (offset: number) => { line: number; column: number } {
  const lines = lineIndex(code);
  return (offset) => {
    const { line, column } = lines.position(offset);
    const indent = typeof origin.indent === 'number' ? origin.indent : (origin.indent[line] ?? 0);
    return { line: origin.line + line, column: indent + column + 1 };
  };
}

/** Validates the shell blocks of a Markdown or MDX file: the blocks the page shows (src/markdown/). */
/** `parsed` is the file's parse when the caller has it already (the build parses each file once). */
export function validateMarkdown(
  file: string,
  text: string,
  ctx: ValidatorContext,
  parsed?: ParsedMarkdown,
): ValidationResult {
  const result: ValidationResult = { diagnostics: [], commands: 0 };
  const { tree } = parsed ?? parseMarkdown(text, { mdx: isMdxFile(file) });
  for (const fence of codeBlocksOf(tree, text)) {
    if (!isShellBlock(fence)) continue;
    const optOut = fence.meta['wrong'] ?? fence.meta['novalidate'];
    if (optOut !== undefined) {
      if (optOut === true || optOut.trim() === '') {
        result.diagnostics.push({
          file,
          line: fence.line - 1,
          column: fence.node.position?.start.column ?? 1,
          severity: 'error',
          rule: 'validate/opt-out-reason',
          message: 'a block may skip validation only with a written reason',
          hint: 'write the reason: ```bash wrong="why the command fails" or novalidate="why it must not be checked"',
        });
      }
      continue;
    }
    const block = validateShellCode(fence.code, fence.lang, { file, line: fence.line, indent: fence.columns }, ctx);
    result.diagnostics.push(...block.diagnostics);
    result.commands += block.commands;
  }
  return result;
}

/** Validates the `commands` of every node of a decision tree file (content/trees/*.yaml). */
export function validateTreeYaml(file: string, text: string, ctx: ValidatorContext): ValidationResult {
  const result: ValidationResult = { diagnostics: [], commands: 0 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return result; // the content check reports YAML errors
  const nodes = isMap(doc.contents)
    ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'nodes')?.value
    : undefined;
  if (!isMap(nodes)) return result;
  const lines = text.split('\n');
  for (const pair of nodes.items) {
    if (!isMap(pair.value)) continue;
    const commands = pair.value.items.find((p) => isScalar(p.key) && p.key.value === 'commands')?.value;
    if (!isScalar(commands) || typeof commands.value !== 'string' || !commands.range) continue;
    // A block scalar (|) starts on the line after its indicator; its content is indented.
    const indicatorLine = lineCounter.linePos(commands.range[0]).line;
    const firstLine =
      commands.type === 'BLOCK_LITERAL' || commands.type === 'BLOCK_FOLDED' ? indicatorLine + 1 : indicatorLine;
    const indent = /^\s*/.exec(lines[firstLine - 1] ?? '')![0].length;
    const block = validateShellCode(commands.value, 'bash', { file, line: firstLine, indent }, ctx);
    result.diagnostics.push(...block.diagnostics);
    result.commands += block.commands;
  }
  return result;
}
