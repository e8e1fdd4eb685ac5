/**
 * Incident progress on a runbook page, the part that loads with it: a "Done" box on every command,
 * the count in the notes panel and the bar. The same command shown twice (the first-step box and its
 * place in the body) is one step, so ticking one ticks both. Keeping the ticks, "Copy notes" and
 * "Clear" live in ./progress-log.ts, loaded only when there are ticks stored for this runbook or on the
 * first tick or click: most pages are read, not worked through, and that code is a third of the
 * page's script.
 */
import { progressKey } from '../../domain/browser-storage.ts';
import { copyToClipboard } from '../copy/clipboard.ts';
import type { DoneBoxes, ProgressLog } from './progress-log.ts';

function hasStoredTicks(id: string): boolean {
  try {
    return localStorage.getItem(progressKey(id)) !== null;
  } catch {
    return false;
  }
}

function addBox(command: HTMLElement): HTMLInputElement {
  const label = document.createElement('label');
  label.className = 'cmd__done';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.dataset['step'] = command.dataset['step'];
  label.append(box, ' Done');
  const tools = command.querySelector('.cmd__tools');
  tools?.insertBefore(label, tools.querySelector('.cmd__copy'));
  return box;
}

export function initIncidentNotes(section: HTMLElement): void {
  const commands = [...document.querySelectorAll<HTMLElement>('.cmd[data-step]')];
  if (commands.length === 0) return;
  const id = section.dataset['runbookId'] ?? '';
  const steps = new Set(commands.map((c) => c.dataset['step']));
  const boxes = commands.map(addBox);
  const summary = section.querySelector<HTMLElement>('[data-notes-summary]');
  const status = section.querySelector<HTMLElement>('[data-notes-status]');
  const barLink = document.querySelector<HTMLElement>('[data-bar-notes]');

  const page: DoneBoxes = {
    id,
    section,
    commands,
    show(done) {
      for (const box of boxes) {
        box.checked = done.has(box.dataset['step'] ?? '');
        box.closest('.cmd')?.classList.toggle('is-done', box.checked);
      }
      const count = done.size;
      if (summary)
        summary.textContent =
          count === 0
            ? 'Tick “Done” on a command when you have run it; the notes list what was run, with its values and times.'
            : `${count} of ${steps.size} commands done. Kept in this browser for ${id}.`;
      if (barLink) {
        barLink.textContent = count === 0 ? 'Notes' : `✓ ${count} done`;
        barLink.hidden = false;
      }
    },
    say(message) {
      if (status) status.textContent = message;
    },
  };
  let log: Promise<ProgressLog> | undefined;
  const opened = () =>
    (log ??= import('./progress-log.ts').then(
      ({ openProgressLog }) => openProgressLog(page),
      (error: unknown) => {
        log = undefined; // the next tick or click tries again
        page.say(CANNOT_LOAD);
        throw error;
      },
    ));

  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !boxes.includes(box)) return;
    const step = box.dataset['step'] ?? '';
    const done = box.checked;
    // Shown at once, both places; kept (with the command as it now reads) once the log is loaded.
    page.show(
      new Set(boxes.filter((b) => (b.dataset['step'] === step ? done : b.checked)).map((b) => b.dataset['step'] ?? '')),
    );
    const command = box.closest<HTMLElement>('.cmd');
    opened().then((progress) => progress.record(step, done, command), ignore);
  });
  // The click's user activation carries the copy through the load (copyToClipboard takes a promise).
  section.querySelector('[data-notes-copy]')?.addEventListener(
    'click',
    () =>
      void copyNotes(
        opened().then((progress) => progress.notes()),
        page,
      ),
  );
  section.querySelector('[data-notes-clear]')?.addEventListener('click', () => opened().then((p) => p.clear(), ignore));

  section.hidden = false;
  page.show(new Set());
  if (hasStoredTicks(id)) opened().catch(ignore);
}

/** Said when the log's code did not load; the failure itself is shown, not thrown further. */
const CANNOT_LOAD =
  'The notes’ code did not load (is the docs’ host down?): ticks are not kept and notes cannot be copied. Write down what you run.';
const ignore = () => undefined;

async function copyNotes(notes: Promise<{ text: string; steps: number }>, page: DoneBoxes): Promise<void> {
  try {
    const copied = await copyToClipboard(notes.then((n) => n.text));
    const { steps } = await notes;
    page.say(copied ? `Copied notes of ${steps} steps.` : 'Copying is blocked here.');
  } catch {
    page.say(CANNOT_LOAD);
  }
}
