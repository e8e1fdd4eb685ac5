/**
 * A Run button on a command of a runbook page, with what it takes to run and what came of it under
 * the command: the page asks the companion how the step would run with the panel's values (the
 * command as it will run, its class), asks the person for what the class takes (a confirming click for
 * a change, the object's name typed for a destructive command, a look at unusual values), then follows
 * the run: its output as it comes, Stop while it runs, the exit code, the step marked done. The
 * companion checks all of it again: the page only asks. Output is text, never markup, and bounded.
 */
import type { PreparedView, RunEnd, RunEvent } from '../../companion/protocol.ts';
import type { Api } from './api.ts';
import type { ContextBar } from './context-bar.ts';
import { el } from '../dom.ts';

/** Characters of output a command keeps on the page; older output gives way. */
const PAGE_OUTPUT_LIMIT = 200_000;

export interface StepElements {
  runbook: string;
  step: number;
  /** The .cmd element. */
  command: HTMLElement;
}

function button(className: string, text: string): HTMLButtonElement {
  const node = el('button', className, text);
  node.type = 'button';
  return node;
}

/** The variables panel's values as typed: the companion prepares and quotes them. */
function panelValues(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-var-input]'))
    values[input.dataset['varInput'] ?? input.name] = input.value;
  return values;
}

/** The server's reason, as the status line says it ("not run: …" from the server once, not twice). */
const notRun = (error: Error) => `Not run: ${error.message.replace(/^not run: /i, '')}`;

export const endText = (end: RunEnd): string =>
  end.interrupted
    ? `Stopped after ${end.seconds.toFixed(1)} s (exit code ${end.exitCode})`
    : `Exit code ${end.exitCode} after ${end.seconds.toFixed(1)} s${end.exitCode === 0 ? ': done' : ''}`;

export interface StepRunner {
  /** Shows a run that is going on, or the last one, as a page opened later finds it. */
  follow(run: string): void;
  /** The values changed: a confirmation given for the old command no longer holds. */
  valuesChanged(): void;
}

export function createStepRunner({ runbook, step, command }: StepElements, api: Api, bar: ContextBar): StepRunner {
  const tools = command.querySelector<HTMLElement>('.cmd__tools');
  const run = button('cmd__run', 'Run');
  run.setAttribute('aria-label', `Run step ${step + 1}`);
  tools?.prepend(run);

  const panel = el('div', 'cmd-run');
  panel.hidden = true;
  const confirm = el('div', 'cmd-run__confirm');
  confirm.hidden = true;
  const statusRow = el('div', 'cmd-run__bar');
  const status = el('span', 'cmd-run__status');
  status.setAttribute('role', 'status');
  const stop = button('cmd-run__stop', 'Stop');
  stop.hidden = true;
  statusRow.append(status, stop);
  const ran = el('pre', 'cmd-run__command');
  ran.hidden = true;
  const output = el('pre', 'cmd-run__output');
  output.hidden = true;
  output.tabIndex = 0;
  output.setAttribute('aria-label', `Output of step ${step + 1}`);
  panel.append(confirm, statusRow, ran, output);
  command.after(panel);

  let following: (() => void) | undefined;
  let running: string | undefined;

  const say = (text: string, tone: 'info' | 'warn' | 'error' | 'done' = 'info') => {
    panel.hidden = false;
    status.textContent = text;
    status.dataset['tone'] = tone;
  };
  const closeConfirm = () => {
    confirm.hidden = true;
    confirm.replaceChildren();
  };
  const append = (text: string, stream: 'stdout' | 'stderr') => {
    output.hidden = false;
    const atEnd = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
    const piece = stream === 'stderr' ? el('span', 'cmd-run__stderr', text) : document.createTextNode(text);
    output.append(piece);
    // Bounded: whole pieces from the start go first, with a note that they went.
    let length = output.textContent?.length ?? 0;
    while (length > PAGE_OUTPUT_LIMIT && output.firstChild) {
      length -= output.firstChild.textContent?.length ?? 0;
      output.firstChild.remove();
      output.dataset['dropped'] = 'true';
    }
    if (atEnd) output.scrollTop = output.scrollHeight;
  };
  const setRunning = (id: string | undefined) => {
    running = id;
    run.disabled = id !== undefined;
    stop.hidden = id === undefined;
    stop.disabled = false;
    command.classList.toggle('is-running', id !== undefined);
    // A new run: how the last one ended no longer says anything.
    if (id !== undefined) command.classList.remove('is-done', 'is-failed');
  };
  const ended = (end: RunEnd) => {
    setRunning(undefined);
    const done = end.exitCode === 0 && !end.interrupted;
    command.classList.toggle('is-done', done);
    command.classList.toggle('is-failed', !done);
    run.textContent = 'Run again';
    say(endText(end), done ? 'done' : end.interrupted ? 'warn' : 'error');
  };

  function follow(id: string): void {
    following?.();
    setRunning(id);
    say('Running…');
    following = api.follow(
      id,
      (event: RunEvent) => {
        if (event.type === 'start') {
          // Each connection replays the run from its start (a reconnect too): begin again.
          ran.textContent = `$ ${event.command}`;
          ran.hidden = false;
          output.replaceChildren();
          output.hidden = true;
          if (event.dropped > 0) append(`… ${event.dropped} earlier characters not kept …\n`, 'stderr');
        } else if (event.type === 'output') append(event.text, event.stream);
        else ended(event);
      },
      () => {
        setRunning(undefined);
        say('Lost the connection to runbook serve: is it still running?', 'error');
      },
    );
  }

  async function start(view: PreparedView, given: { confirm?: boolean; typed?: string }): Promise<void> {
    closeConfirm();
    try {
      const started = await api.run({
        runbook,
        step,
        values: panelValues(),
        shown: view.command,
        unusual: view.unusual.map((u) => u.key),
        ...given,
      });
      follow(started.run);
    } catch (error) {
      say(notRun(error as Error), 'error');
    }
  }

  function askConfirmation(view: PreparedView): void {
    closeConfirm();
    const lines: HTMLElement[] = [];
    const { confirmation } = view;
    if (view.safety !== 'read-only') {
      const label = view.safety === 'destructive' ? 'Destructive' : 'Changes the cluster';
      lines.push(
        el(
          'p',
          `cmd-run__class cmd-run__class--${view.safety}`,
          `${label}${view.reasons.length > 0 ? `: ${view.reasons.join('; ')}` : ''}.`,
        ),
      );
    }
    if (view.raised) lines.push(el('p', 'cmd-run__note', 'The values make it more dangerous than the runbook says.'));
    for (const u of view.unusual)
      lines.push(
        el(
          'p',
          'cmd-run__note',
          `Unusual value for ${u.key}: it ${u.problems.join('; it ')}. It goes in quoted, as data.`,
        ),
      );
    const will = el('p', 'cmd-run__will', 'It will run:');
    const code = el('code', 'cmd-run__code', view.command);
    will.append(' ', code);
    lines.push(will);
    if (view.defaulted.length > 0)
      lines.push(el('p', 'cmd-run__note', `The runbook's default value is used for ${view.defaulted.join(', ')}.`));

    const actions = el('div', 'cmd-run__actions');
    const go = button(`cmd-run__go cmd-run__go--${view.safety}`, 'Run it');
    const cancel = button('cmd-run__cancel', 'Cancel');
    let typed: HTMLInputElement | undefined;
    if (confirmation.kind === 'type') {
      const field = el('label', 'cmd-run__type');
      field.append(`Type ${confirmation.what} (${confirmation.word}) to run it: `);
      typed = el('input', 'cmd-run__typed');
      typed.type = 'text';
      typed.autocomplete = 'off';
      typed.spellcheck = false;
      typed.setAttribute('autocapitalize', 'off');
      field.append(typed);
      actions.append(field);
      typed.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') go.click();
      });
    }
    actions.append(go, cancel);
    go.addEventListener('click', () => {
      void start(view, confirmation.kind === 'type' ? { typed: typed?.value ?? '' } : { confirm: true });
    });
    cancel.addEventListener('click', () => {
      closeConfirm();
      say('Not run.');
    });
    confirm.append(...lines, actions);
    confirm.hidden = false;
    panel.hidden = false;
    status.textContent = '';
    (typed ?? go).focus();
  }

  run.addEventListener('click', async () => {
    if (running) return;
    if (!bar.confirmed) {
      say('Confirm the kubectl context in the bar at the top of the page first.', 'warn');
      bar.ask();
      return;
    }
    let view: PreparedView;
    try {
      view = await api.prepare({ runbook, step, values: panelValues() });
    } catch (error) {
      say(notRun(error as Error), 'error');
      return;
    }
    if (view.refusal) {
      say(`Not run: ${view.refusal}.`, 'error');
      return;
    }
    if (view.confirmation.kind === 'enter' && view.unusual.length === 0) await start(view, {});
    else askConfirmation(view);
  });
  stop.addEventListener('click', async () => {
    if (!running) return;
    const stopping = running;
    stop.disabled = true;
    try {
      await api.stop(stopping);
      // Its end may have come first (SIGINT ends most commands at once): don't say it over.
      if (running === stopping) say('Stopping…', 'warn');
    } catch (error) {
      say(`Could not stop it: ${(error as Error).message}`, 'error');
      stop.disabled = false;
    }
  });

  return {
    follow,
    valuesChanged() {
      if (!confirm.hidden) {
        closeConfirm();
        say('The values changed: click Run again to see the command with them.', 'warn');
      }
    },
  };
}
