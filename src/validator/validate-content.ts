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
import { analyzeBlock, hasCapsPlaceholder, startsWithKubectl } from '../commands/block.ts';
import { memoOf, type BoundedMemo } from '../commands/memo.ts';
import { promptEnd } from '../commands/transcript.ts';
import { isUsageSynopsis } from '../kubectl/usage-synopsis.ts';
import type { CommandReader } from '../commands/reader.ts';
import type { Diagnostic } from '../checks/diagnostics.ts';
import { checkKubectl, isMention, type KubectlArg } from '../kubectl/check.ts';
import {
  isBracketedPlaceholder,
  maskPlaceholders,
  withDefaults,
  type PlaceholderSpan,
} from '../domain/placeholders.ts';
import { prepareValue } from '../domain/values.ts';
import { codeBlocksOf, inlineCodeOf, mayHoldCommands } from '../markdown/code-blocks.ts';
import { isMdxFile, parseMarkdown, type ParsedMarkdown } from '../markdown/parse.ts';
import { lineIndex } from '../text/lines.ts';
import { factsOfMarkdown, modelWithFacts } from './docs-facts.ts';
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
  /** Offsets in the block of the word "kubectl" and of the end of its statement. */
  start: number;
  statementEnd: number;
  /** Variables set for it (`KUBECTL_APPLYSET=true kubectl …`). */
  env: ReadonlyMap<string, string>;
}

/** The kubectl invocations in a statement, with their argument words and offsets. */
function kubectlInvocations(statement: ShellNode, offset: number, parser: ShellParser): Invocation[] {
  const invocations: Invocation[] = [];
  visitInvocations(
    statement,
    parser,
    (invocation) => {
      if (invocation.program !== 'kubectl') return;
      // An expansion ($VAR, $(…)), an ALL_CAPS placeholder or what xargs puts in makes a value
      // unknown until run time.
      const replaced = invocation.fromInput?.replaces;
      const args = invocation.args.map((w) => ({
        value: w.value,
        start: w.start,
        end: w.end,
        expansion:
          w.expansion ||
          (w.node !== undefined && hasCapsPlaceholder(w.node)) ||
          (replaced !== undefined && w.value.includes(replaced)),
      }));
      if (invocation.fromInput?.appended) {
        const end = args.at(-1)?.end ?? invocation.name.end;
        args.push({ value: '', start: end, end, expansion: true });
      }
      invocations.push({
        start: invocation.name.start,
        args,
        statementEnd: offset + statement.endIndex,
        env: invocation.assignments ?? new Map(),
      });
    },
    offset,
  );
  return invocations;
}

/**
 * An argument as kubectl gets it when the page copies it: with the guide's defaults filled in, so
 * `-n <namespace=prod>` is checked as `-n prod` and `deploy/<deployment=api>` as a deployment. An
 * expansion or a placeholder without a default (or one inside quotes) accepts any value.
 */
function argumentOf(
  arg: Invocation['args'][number],
  code: string,
  placeholders: readonly PlaceholderSpan[],
): KubectlArg {
  const { value, start, end } = arg;
  if (isBracketedPlaceholder(value)) return { value, start, end, placeholder: true };
  const inside = placeholders.filter((p) => p.start < end && p.end > start);
  if (!arg.expansion && inside.length === 0) return { value, start, end, placeholder: false };
  const whole = inside.every((p) => p.start >= start && p.end <= end && p.default !== undefined);
  if (!arg.expansion && whole) {
    const raw = code.slice(start, end);
    const local = inside.map((p) => ({ ...p, start: p.start - start, end: p.end - start }));
    // The parse saw the masked word; when it is the word's value, the word is unquoted and plain.
    if (maskPlaceholders(raw, local) === value) return { value: withDefaults(raw), start, end, placeholder: false };
  }
  return { value, start, end, placeholder: true };
}

/** A default is a value like any other: it must be one the page would not call unusual. */
function defaultProblems(placeholders: readonly PlaceholderSpan[]) {
  return placeholders.flatMap((p) => {
    if (p.default === undefined) return [];
    const { problems } = prepareValue(p.key, p.default);
    return problems.length > 0 ? [{ span: p, problems }] : [];
  });
}

/**
 * The text of a kubectl command, from the word "kubectl" to the end of its line, so a synopsis the
 * shell reads as several statements (`kubectl get (TYPE | TYPE/NAME)`) is read whole; but not what
 * follows its last word in a pipeline, list, redirection or comment (`| grep ERROR`).
 */
function commandText(code: string, invocation: Invocation): string {
  const lineEnd = code.indexOf('\n', Math.max(invocation.statementEnd, invocation.start));
  const line = code.slice(invocation.start, lineEnd < 0 ? code.length : lineEnd);
  const ownEnd = (invocation.args.at(-1)?.end ?? invocation.start) - invocation.start;
  const tail = line.slice(Math.max(0, ownEnd));
  return /^\s*(\||&&|;|>|<|\d>|#|\)|`|$)/.test(tail) ? line.slice(0, Math.max(0, ownEnd)) : line;
}

export interface ShellCodeOptions {
  /** The code is an inline code span: a mere mention of a command (`kubectl logs`) is not checked. */
  inline?: boolean;
  /** Variables the page exports for its commands (`export KUBECTL_APPLYSET=true`). */
  env?: ReadonlyMap<string, string>;
}

/** The variables a text exports: `export KUBECTL_APPLYSET=true`. */
export function exportsIn(text: string): Map<string, string> {
  const env = new Map<string, string>();
  if (!text.includes('export')) return env;
  for (const m of text.matchAll(/(?:^|[\s;&|(])export\s+([A-Za-z_]\w*)=("[^"\n]*"|'[^'\n]*'|[^\s;&|)]*)/g)) {
    env.set(m[1]!, m[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return env;
}

/** What a block's check found, before it is placed in its file: offsets into its code. */
interface BlockFindings {
  /** The code as the block's analysis reads it (findings with `inSource: false` are offsets into it). */
  code: string;
  findings: (Omit<Diagnostic, 'file' | 'line' | 'column'> & { offset: number; inSource: boolean })[];
  commands: number;
}

/**
 * One check per distinct block (memo.ts), for each kubectl model: runbooks repeat their commands from
 * page to page, and where a block sits changes only the line and column of what it finds.
 */
const checkedBlocks = new WeakMap<ValidatorContext['kubectl'], BoundedMemo<string, BlockFindings>>();

/** A block to check, and what its check depends on besides the kubectl model. */
interface BlockToCheck {
  code: string;
  lang: string;
  /** An inline code span: a mere mention of a command is not checked. */
  inline: boolean;
  env: ReadonlyMap<string, string>;
}

function findingsOf(block: BlockToCheck, ctx: ValidatorContext): BlockFindings {
  const key = JSON.stringify([block.lang, block.inline, [...block.env], block.code]);
  return memoOf(checkedBlocks, ctx.kubectl).get(key, () => checkBlock(block, ctx));
}

function checkBlock({ code, lang, inline, env }: BlockToCheck, ctx: ValidatorContext): BlockFindings {
  const invocations: Invocation[] = [];
  const block = analyzeBlock(code, lang, ctx, {
    classify: false,
    findCaps: false,
    onStatement: (statement, offset) => invocations.push(...kubectlInvocations(statement, offset, ctx.parser)),
  });

  const findings: BlockFindings['findings'] = [];
  let checked = 0;
  for (const invocation of invocations) {
    if (isUsageSynopsis(commandText(block.code, invocation))) continue;
    const args = invocation.args.map((a) => argumentOf(a, block.code, block.placeholders));
    if (inline && isMention(args, ctx.kubectl)) continue;
    checked++;
    const kubectlEnv = new Map([...env, ...invocation.env]);
    for (const finding of checkKubectl(args, ctx.kubectl, { env: kubectlEnv })) {
      findings.push({
        offset: finding.start,
        inSource: false,
        severity: finding.severity,
        rule: finding.rule,
        message: finding.message,
        ...(finding.hint ? { hint: finding.hint } : {}),
      });
    }
  }
  for (const { span, problems } of defaultProblems(block.placeholders)) {
    findings.push({
      offset: span.start,
      inSource: false,
      severity: 'error',
      rule: 'placeholder/default',
      message: `the default of ${span.name}, "${span.default}", ${problems.join('; ')}`,
      hint: 'a default is copied as it is: write one the page would not quote or mark (e.g. <namespace=klinematrix-prod>)',
    });
  }
  for (const { index, character, plain } of typographicCharacters(code)) {
    findings.push({
      offset: index,
      inSource: true,
      severity: 'warning',
      rule: 'shell/typographic-character',
      message: `"${character}" is not a shell character; the page shows and copies "${plain}"`,
      hint: 'type plain ASCII quotes, dashes and spaces in commands',
    });
  }
  return { code: block.code, findings, commands: checked };
}

/** Validates one block of shell code. */
export function validateShellCode(
  code: string,
  lang: string,
  origin: Origin,
  ctx: ValidatorContext,
  { inline = false, env = exportsIn(code) }: ShellCodeOptions = {},
): ValidationResult {
  const found = findingsOf({ code, lang, inline, env }, ctx);
  const position = positionIn(found.code, origin);
  const sourcePosition = positionIn(code, origin);
  const diagnostics = found.findings.map(({ offset, inSource, ...finding }): Diagnostic => {
    const at = inSource ? sourcePosition(offset) : position(offset);
    const { severity, rule, message, hint } = finding;
    return { file: origin.file, ...at, severity, rule, message, ...(hint ? { hint } : {}) };
  });
  return { diagnostics, commands: found.commands };
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
  // Custom resources the page defines and plugins it installs hold for its commands.
  const facts = factsOfMarkdown(tree, text);
  if (facts.resources.length > 0 || facts.plugins.size > 0)
    ctx = { ...ctx, kubectl: modelWithFacts(ctx.kubectl, facts) };
  const pageEnv = exportsIn(text);
  for (const fence of codeBlocksOf(tree, text)) {
    if (!mayHoldCommands(fence)) continue;
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
    const block = validateShellCode(fence.code, fence.lang, { file, line: fence.line, indent: fence.columns }, ctx, {
      env: pageEnv,
    });
    result.diagnostics.push(...block.diagnostics);
    result.commands += block.commands;
  }
  for (const span of inlineCodeOf(tree, text)) {
    const command = inlineCommand(span.code, ctx);
    if (!command) continue;
    const origin = { file, line: span.line, indent: span.codeColumn - 1 + command.offset };
    const checked = validateShellCode(command.code, 'bash', origin, ctx, { inline: true, env: pageEnv });
    result.diagnostics.push(...checked.diagnostics);
    result.commands += checked.commands;
  }
  return result;
}

/**
 * The command an inline code span holds, without a prompt (`$ kubectl get pods`), or undefined when
 * it holds none: kubectl must be the command (not `brew install kubectl`).
 */
function inlineCommand(code: string, ctx: ValidatorContext): { code: string; offset: number } | undefined {
  const offset = promptEnd(code, () => true) ?? 0;
  const command = code.slice(offset);
  return startsWithKubectl(command, ctx) ? { code: command, offset } : undefined;
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
