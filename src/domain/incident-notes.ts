/**
 * Incident progress on a runbook page: the steps ticked as done, kept in the browser per runbook, and
 * the notes made from them for the incident channel or the postmortem (Markdown: what was run, with
 * which values, when). A step is a command of the page, keyed by its page-wide ID ("3.2") and checked
 * against the command as the page writes it, so a tick never lands on another command after the
 * runbook changes. Browser-safe and pure: the page's script (src/client/notes/) does the
 * storing and the clicking.
 */

export interface DoneStep {
  /** The command's page-wide ID (data-step). */
  step: string;
  /** The command as the page writes it, placeholders as written: what a stored tick must match. */
  source: string;
  /** The command as it was when ticked, values filled in: what was run. */
  command: string;
  /** Where it is on the page: "Diagnosis › 1. Check pod logs". */
  section: string;
  /** When it was ticked (ISO 8601). */
  at: string;
}

export interface Progress {
  steps: DoneStep[];
}

const isDoneStep = (value: unknown): value is DoneStep => {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Record<string, unknown>;
  return ['step', 'source', 'command', 'section', 'at'].every((k) => typeof step[k] === 'string');
};

/** Progress as stored; anything unreadable (another version, a hand edit) is no progress rather than an error. */
export function parseProgress(stored: string | null): Progress {
  if (!stored) return { steps: [] };
  try {
    const parsed = JSON.parse(stored) as { steps?: unknown };
    return { steps: Array.isArray(parsed.steps) ? parsed.steps.filter(isDoneStep) : [] };
  } catch {
    return { steps: [] };
  }
}

/** The ticks that still belong to the page: same ID and the same command as written. */
export function matchingSteps(progress: Progress, sources: ReadonlyMap<string, string>): DoneStep[] {
  return progress.steps.filter((s) => sources.get(s.step) === s.source);
}

/** The progress with a step ticked (replacing an earlier tick of it) or unticked. */
export function withStep(progress: Progress, step: DoneStep | string, done: boolean): Progress {
  const id = typeof step === 'string' ? step : step.step;
  const others = progress.steps.filter((s) => s.step !== id);
  return { steps: done && typeof step !== 'string' ? [...others, step] : others };
}

export interface NotesContext {
  id: string;
  title: string;
  severity: string;
  /** The page's address with its values, so the notes link back to the same filled-in page. */
  url: string;
  /** Values given (by the link or the panel), in the page's order. */
  values: { key: string; value: string }[];
  steps: readonly DoneStep[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const utcTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
};
const utcDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
};

/** Inline code that survives any backticks in it (CommonMark: a longer fence, padded with spaces). */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** A command in a list item: inline when it is one line, else a fenced block indented under the item. */
function commandMarkdown(command: string): string {
  if (!command.includes('\n')) return ` ${inlineCode(command)}`;
  const longest = Math.max(2, ...[...command.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const indented = [fence + 'bash', ...command.split('\n'), fence].map((line) => `  ${line}`.trimEnd());
  return `\n${indented.join('\n')}`;
}

/** The notes as Markdown: the runbook, its link and values, then each step done in the order done. */
export function formatNotes({ id, title, severity, url, values, steps }: NotesContext, now: Date): string {
  const ordered = [...steps].sort((a, b) => a.at.localeCompare(b.at));
  const day = utcDate(ordered[0]?.at ?? now.toISOString());
  const lines = [`**${id}: ${title}** (${severity}), notes of ${day}`, url];
  lines.push(
    values.length > 0
      ? `Values: ${values.map((v) => inlineCode(`${v.key}=${v.value}`)).join(', ')}`
      : 'Values: none given',
  );
  lines.push('');
  if (ordered.length === 0) lines.push('No steps done yet.');
  for (const step of ordered) {
    const stepDay = utcDate(step.at);
    const when = stepDay && stepDay !== day ? `${stepDay} ${utcTime(step.at)}` : utcTime(step.at);
    lines.push(`- ${when}, ${step.section || 'step'}:${commandMarkdown(step.command)}`);
  }
  return lines.join('\n');
}
