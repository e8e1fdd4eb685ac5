/**
 * The incident log: a Markdown file a run writes as it goes (so a crash or a closed laptop keeps what
 * happened), ready to paste into the incident channel or the postmortem. A header with the runbook,
 * where its commands came from, the context, cluster, user and namespace it ran on, the mode and the
 * values; then each step with its time, the command as run, how it ended (exit code, skipped and why)
 * and the first and last lines of its output. Everything in it is masked (src/runner/mask.ts) by the
 * caller; this module only writes Markdown, with fences that no backtick in the text can close.
 */
import type { CapturedOutput } from './capture.ts';
import type { KubeContext } from './context.ts';

export interface LogHeader {
  runbook: { id: string; title: string; url: string };
  origin: string;
  context: KubeContext | undefined;
  mode: 'interactive' | 'read-only' | 'dry run';
  startedAt: Date;
  /** key -> value as given (masked), with where it came from. */
  values: { key: string; value: string; source: string }[];
}

export type StepOutcome =
  | { kind: 'ran'; exitCode: number; seconds: number; interrupted: boolean }
  | { kind: 'skipped'; why: string }
  | { kind: 'not run'; why: string };

export interface LogStep {
  number: number;
  total: number;
  heading: string | undefined;
  at: Date;
  safety: string;
  command: string;
  outcome: StepOutcome;
  output?: CapturedOutput;
}

/** A fence longer than any run of backticks in the text. */
function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Inline text that can't break the Markdown around it (headings, table cells). */
const inline = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');

const time = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');

export function logHeader(header: LogHeader): string {
  const { runbook, context } = header;
  const lines = [
    `# Incident log: ${inline(runbook.id)}, ${inline(runbook.title)}`,
    '',
    `- Runbook: ${inline(runbook.id)} (${inline(runbook.url)})`,
    `- Commands from: ${inline(header.origin)}`,
    context
      ? `- Context: ${inline(context.context)} (cluster ${inline(context.cluster)} at ${inline(context.server)}, user ${inline(context.user)}, namespace ${inline(context.namespace)}); every kubectl ran with --context=${inline(context.context)}`
      : '- Context: none (kubectl not found or not configured)',
    `- Mode: ${header.mode}`,
    `- Started: ${time(header.startedAt)}`,
  ];
  if (header.values.length > 0)
    lines.push(
      `- Values: ${header.values.map((v) => `${inline(v.key)} = \`${v.value.replace(/`/g, "'")}\` (${v.source})`).join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}

function outcomeLine(outcome: StepOutcome): string {
  switch (outcome.kind) {
    case 'ran':
      return outcome.interrupted
        ? `Stopped with Ctrl-C after ${outcome.seconds.toFixed(1)} s (exit code ${outcome.exitCode})`
        : `Exit code ${outcome.exitCode} after ${outcome.seconds.toFixed(1)} s`;
    case 'skipped':
      return `Skipped: ${inline(outcome.why)}`;
    case 'not run':
      return `Not run: ${inline(outcome.why)}`;
  }
}

export function logStep(step: LogStep): string {
  const parts = [
    `## Step ${step.number} of ${step.total}${step.heading ? `: ${inline(step.heading)}` : ''}`,
    '',
    `${time(step.at)} · ${step.safety} · ${outcomeLine(step.outcome)}`,
    '',
    fenced(step.command, 'sh'),
  ];
  const output = step.output;
  if (output && output.lines > 0) {
    const shown = [...output.head];
    if (output.omitted > 0) shown.push(`… ${output.omitted} more line${output.omitted === 1 ? '' : 's'} …`);
    shown.push(...output.tail);
    parts.push(
      '',
      `Output (${output.lines} line${output.lines === 1 ? '' : 's'}):`,
      '',
      fenced(shown.join('\n'), 'text'),
    );
  }
  return `\n${parts.join('\n')}\n`;
}

export function logSummary(
  ran: number,
  failed: number,
  skipped: { number: number; why: string }[],
  endedAt: Date,
): string {
  const lines = [
    `\n## Summary\n`,
    `${time(endedAt)}: ${ran} step(s) ran, ${failed} failed, ${skipped.length} skipped.`,
  ];
  if (skipped.length > 0) lines.push('', ...skipped.map((s) => `- Step ${s.number}: ${inline(s.why)}`));
  return `${lines.join('\n')}\n`;
}

/** `POD001-20261201-231500.md`: the ID and the local time, in the folder the runner was started in. */
export function defaultLogName(id: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${id.replace(/[^A-Za-z0-9-]/g, '_')}-${stamp}.md`;
}
