/**
 * Incident progress, the part loaded on first use (./incident-notes.ts loads it): the ticks kept in
 * this browser per runbook (localStorage), each with the command as it was run, its section and the
 * time; "Copy notes" (as Markdown) and "Clear". A stored tick counts only while its command still
 * reads the same. The model and the Markdown: src/domain/incident-notes.ts.
 */
import { formatNotes, matchingSteps, parseProgress, withStep, type Progress } from '../../domain/incident-notes.ts';
import { progressKey } from '../../domain/browser-storage.ts';
import { prepareValue } from '../../domain/values.ts';
import { commandText } from '../copy/command-blocks.ts';

/** What the progress log needs of the page: its boxes and a way to show which steps are done. */
export interface DoneBoxes {
  readonly id: string;
  readonly section: HTMLElement;
  readonly commands: readonly HTMLElement[];
  show(done: ReadonlySet<string>): void;
  say(message: string): void;
}

/** The command as the page writes it, placeholders as written: what a stored tick must still match. */
function sourceOf(command: HTMLElement): string {
  const clone = command.querySelector('code')?.cloneNode(true) as HTMLElement | undefined;
  if (!clone) return '';
  for (const skip of clone.querySelectorAll('.no-copy')) skip.remove();
  for (const ph of clone.querySelectorAll<HTMLElement>('.ph')) {
    const name = ph.dataset['placeholder'] ?? '';
    ph.textContent = ph.dataset['default'] ? `${name.slice(0, -1)}=${ph.dataset['default']}>` : name;
  }
  return (clone.textContent ?? '').trim();
}

/** "Diagnosis › 1. Check pod logs": the headings above a command in the body. */
function sectionOf(command: HTMLElement, headings: HTMLElement[]): string {
  const trail: HTMLElement[] = [];
  for (const heading of headings) {
    if (!(heading.compareDocumentPosition(command) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    const depth = Number(heading.tagName.slice(1));
    while (trail.length > 0 && Number(trail.at(-1)!.tagName.slice(1)) >= depth) trail.pop();
    trail.push(heading);
  }
  return trail.map((h) => h.textContent?.trim() ?? '').join(' › ');
}

function load(key: string): Progress {
  try {
    return parseProgress(localStorage.getItem(key));
  } catch {
    return { steps: [] };
  }
}

function save(key: string, progress: Progress): void {
  try {
    if (progress.steps.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(progress));
  } catch {
    // Storage refused (a private window): the ticks hold until the page is left.
  }
}

export interface ProgressLog {
  /** Keeps (or drops) a step; `shown` is the command ticked, as it now reads. */
  record(step: string, done: boolean, shown: HTMLElement | null): void;
  notes(): { text: string; steps: number };
  clear(): void;
}

export function openProgressLog(page: DoneBoxes): ProgressLog {
  const key = progressKey(page.id);
  const body = document.querySelector<HTMLElement>('.runbook-body');
  const headings = body ? [...body.querySelectorAll<HTMLElement>('h2, h3, h4')] : [];
  // The body's copy of a step names its section; the first-step box's copy is the same step.
  const original = new Map<string, HTMLElement>();
  for (const command of page.commands) {
    const step = command.dataset['step']!;
    if (!original.has(step) || body?.contains(command)) original.set(step, command);
  }
  const sources = new Map([...original].map(([step, command]) => [step, sourceOf(command)]));
  let progress: Progress = { steps: matchingSteps(load(key), sources) };
  const show = () => page.show(new Set(progress.steps.map((s) => s.step)));
  show();

  return {
    record(step, done, shown) {
      const command = original.get(step);
      if (!command) return;
      progress = withStep(
        progress,
        done
          ? {
              step,
              source: sources.get(step) ?? '',
              command: commandText(shown ?? command),
              section: sectionOf(command, headings),
              at: new Date().toISOString(),
            }
          : step,
        done,
      );
      save(key, progress);
      show();
    },
    notes() {
      const values = [...document.querySelectorAll<HTMLInputElement>('[data-var-input]')].flatMap((input) => {
        const variable = input.dataset['varInput'] ?? '';
        const { value } = prepareValue(variable, input.value);
        return value === '' ? [] : [{ key: variable, value }];
      });
      const { section } = page;
      const text = formatNotes(
        {
          id: page.id,
          title: section.dataset['title'] ?? '',
          severity: section.dataset['severity'] ?? '',
          url: location.href,
          values,
          steps: progress.steps,
        },
        new Date(),
      );
      return { text, steps: progress.steps.length };
    },
    clear() {
      const count = progress.steps.length;
      progress = { steps: [] };
      save(key, progress);
      show();
      page.say(count === 0 ? 'Nothing to clear.' : `Cleared ${count} ticks.`);
    },
  };
}
