/**
 * Incident progress on a runbook page: a "Done" box on every command, ticks kept in this browser per
 * runbook (localStorage), "Copy notes" (the steps done, their commands as they were run, the values
 * and the times, as Markdown) and "Clear" (one click). The same command shown twice (the first-step
 * box and its place in the body) is one step. The model and the Markdown: src/domain/incident-notes.ts.
 */
import {
  formatNotes,
  matchingSteps,
  parseProgress,
  progressKey,
  withStep,
  type Progress,
} from '../domain/incident-notes.ts';
import { prepareValue } from '../domain/values.ts';
import { copyToClipboard } from './copy/clipboard.ts';
import { commandText } from './copy/command-blocks.ts';

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

export function initIncidentNotes(section: HTMLElement): void {
  const id = section.dataset['runbookId'] ?? '';
  const key = progressKey(id);
  const body = document.querySelector<HTMLElement>('.runbook-body');
  const headings = body ? [...body.querySelectorAll<HTMLElement>('h2, h3, h4')] : [];
  const commands = [...document.querySelectorAll<HTMLElement>('.cmd[data-step]')];
  if (commands.length === 0) return;
  // The body's copy of a step names its section; the first-step box's copy is the same step.
  const original = new Map<string, HTMLElement>();
  for (const command of commands) {
    const step = command.dataset['step']!;
    if (!original.has(step) || body?.contains(command)) original.set(step, command);
  }
  const sources = new Map([...original].map(([step, command]) => [step, sourceOf(command)]));
  let progress: Progress = { steps: matchingSteps(load(key), sources) };

  const summary = section.querySelector<HTMLElement>('[data-notes-summary]');
  const status = section.querySelector<HTMLElement>('[data-notes-status]');
  const barLink = document.querySelector<HTMLElement>('[data-bar-notes]');
  const boxes = commands.map((command) => {
    const label = document.createElement('label');
    label.className = 'cmd__done';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset['step'] = command.dataset['step'];
    label.append(box, ' Done');
    const tools = command.querySelector('.cmd__tools');
    tools?.insertBefore(label, tools.querySelector('.cmd__copy'));
    return box;
  });

  const render = () => {
    const done = new Set(progress.steps.map((s) => s.step));
    for (const box of boxes) {
      box.checked = done.has(box.dataset['step'] ?? '');
      box.closest('.cmd')?.classList.toggle('is-done', box.checked);
    }
    const count = done.size;
    if (summary)
      summary.textContent =
        count === 0
          ? 'Tick “Done” on a command when you have run it; the notes list what was run, with its values and times.'
          : `${count} of ${original.size} commands done. Kept in this browser for ${id}.`;
    if (barLink) {
      barLink.textContent = count === 0 ? 'Notes' : `✓ ${count} done`;
      barLink.hidden = false;
    }
  };

  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !boxes.includes(box)) return;
    const step = box.dataset['step'] ?? '';
    const command = original.get(step);
    if (!command) return;
    progress = withStep(
      progress,
      box.checked
        ? {
            step,
            source: sources.get(step) ?? '',
            command: commandText(box.closest<HTMLElement>('.cmd') ?? command),
            section: sectionOf(command, headings),
            at: new Date().toISOString(),
          }
        : step,
      box.checked,
    );
    save(key, progress);
    render();
  });

  const say = (message: string) => {
    if (status) status.textContent = message;
  };
  section.querySelector('[data-notes-copy]')?.addEventListener('click', async () => {
    const values = [...document.querySelectorAll<HTMLInputElement>('[data-var-input]')].flatMap((input) => {
      const variable = input.dataset['varInput'] ?? '';
      const { value } = prepareValue(variable, input.value);
      return value === '' ? [] : [{ key: variable, value }];
    });
    const notes = formatNotes(
      {
        id,
        title: section.dataset['title'] ?? '',
        severity: section.dataset['severity'] ?? '',
        url: location.href,
        values,
        steps: progress.steps,
      },
      new Date(),
    );
    const copied = await copyToClipboard(notes);
    say(copied ? `Copied notes of ${progress.steps.length} steps.` : 'Copying is blocked here.');
  });
  section.querySelector('[data-notes-clear]')?.addEventListener('click', () => {
    const count = progress.steps.length;
    progress = { steps: [] };
    save(key, progress);
    render();
    say(count === 0 ? 'Nothing to clear.' : `Cleared ${count} ticks.`);
  });

  section.hidden = false;
  render();
}
