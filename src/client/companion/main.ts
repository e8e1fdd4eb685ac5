/**
 * The companion's page script (`runbook serve` adds it to the pages it serves, and only it: a static
 * host and the offline copy opened from disk never load it). Every page gets the kubectl context bar;
 * a runbook page gets a Run button on each of its commands, named by the runbook's ID and the
 * command's index in the catalogue (data-step, written by the build), never by its text. Steps that
 * ran or run in this start are shown as they are, also after a reload.
 */
import { ApiError, companionApi } from './api.ts';
import { createContextBar } from './context-bar.ts';
import { createStepRunner, type StepRunner } from './step-runner.ts';

// The API is next to this script: /__runbook/companion.js -> /__runbook/.
const script = document.currentScript as HTMLScriptElement | null;
const api = companionApi(new URL('./', script?.src ?? location.href));

async function start(): Promise<void> {
  const article = document.querySelector<HTMLElement>('article[data-runbook-id]');
  const runbook = article?.dataset['runbookId'];
  let state;
  try {
    state = await api.state(runbook);
  } catch (error) {
    const banner = document.createElement('div');
    banner.className = 'companion-bar is-lost';
    banner.setAttribute('role', 'alert');
    banner.textContent =
      error instanceof ApiError && error.status === 404
        ? `runbook serve does not know this runbook (${runbook}): its catalogue is of another build. Nothing here can run.`
        : `runbook serve can't be reached (${(error as Error).message}): open the URL it printed when it started.`;
    document.body.prepend(banner);
    return;
  }
  const bar = createContextBar(state, api);
  if (!article || !runbook) return;
  const runners: StepRunner[] = [];
  for (const command of article.querySelectorAll<HTMLElement>('.runbook-body .cmd[data-step]')) {
    const step = Number(command.dataset['step']);
    const runner = createStepRunner({ runbook, step, command }, api, bar);
    runners[step] = runner;
  }
  for (const known of state.steps) {
    const id = known.running ?? known.last?.run;
    if (id) runners[known.step]?.follow(id);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('[data-var-input]'))
    input.addEventListener('input', () => runners.forEach((r) => r.valuesChanged()));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
