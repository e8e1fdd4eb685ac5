/**
 * Command blocks in the browser: per-command copy and "copy all" (and the run line's Copy), a
 * confirming second click for destructive commands, for commands with placeholders left unfilled and
 * for commands holding an unusual value. What is copied is what the command shows, less its
 * `.no-copy` parts (prompt, trailing comment), so values (./variables-panel.ts) are copied as they
 * were put in: cleaned and quoted. A placeholder with a default shows the guide's value until the
 * variable is given one, and copying it needs no confirmation.
 */
import { copyToClipboard } from './clipboard.ts';
import { initVariablesPanel, type Values } from './variables-panel.ts';

const CONFIRM_WINDOW_MS = 6000;

/** The command as it stands on the page: placeholders as filled in, without prompt or comments. */
export function commandText(command: HTMLElement): string {
  const code = command.querySelector('code');
  if (!code) return '';
  const clone = code.cloneNode(true) as HTMLElement;
  for (const skip of clone.querySelectorAll('.no-copy')) skip.remove();
  return (clone.textContent ?? '').trim();
}

function unfilledIn(commands: HTMLElement[]): string[] {
  const names = commands.flatMap((c) =>
    [...c.querySelectorAll<HTMLElement>('.ph:not(.is-filled):not(.is-default)')].map(
      (p) => p.dataset['placeholder'] ?? '',
    ),
  );
  return [...new Set(names)];
}

/** "namespace holds $ ( ), which the shell would read as code", once per variable. */
function unusualIn(commands: HTMLElement[]): string[] {
  const found = commands.flatMap((c) =>
    [...c.querySelectorAll<HTMLElement>('.ph.is-unusual')].map(
      (p) => `${p.dataset['var']} ${p.dataset['problems'] ?? ''}`,
    ),
  );
  return [...new Set(found)];
}

interface CopyRequest {
  button: HTMLButtonElement;
  status: HTMLElement;
  commands: HTMLElement[];
  label: string;
  values: Values | undefined;
}

function wireCopy({ button, status, commands, label, values }: CopyRequest): void {
  let armedUntil = 0;
  let reset: number | undefined;
  const say = (message: string, tone: 'info' | 'warn' | 'error' = 'info') => {
    status.textContent = message;
    status.dataset['tone'] = tone;
  };
  button.hidden = false;
  button.addEventListener('click', async () => {
    window.clearTimeout(reset);
    // A value typed the moment the page loaded may not be in the commands yet: never copy without it.
    const pending = values?.pending();
    if (pending) await pending;
    const destructive = commands.filter((c) => c.dataset['safety'] === 'destructive');
    const unfilled = unfilledIn(commands);
    const unusual = unusualIn(commands);
    const needsConfirm = destructive.length > 0 || unfilled.length > 0 || unusual.length > 0;
    if (needsConfirm && Date.now() > armedUntil) {
      const warnings: string[] = [];
      if (destructive.length > 0) {
        const reasons = [...new Set(destructive.map((c) => c.dataset['reasons'] ?? ''))].filter(Boolean).join('; ');
        warnings.push(`Destructive${reasons ? `: ${reasons}` : ''}.`);
      }
      if (unfilled.length > 0) {
        warnings.push(`Not filled in: ${unfilled.join(', ')} (bash reads <…> as a redirection).`);
      }
      if (unusual.length > 0) {
        warnings.push(
          `Unusual value: ${unusual.join('; ')}. It is quoted, so the shell reads it as text: check it is what you meant.`,
        );
      }
      say(`${warnings.join(' ')} Click again to copy.`, 'warn');
      button.textContent = 'Click again to copy';
      button.classList.add('is-armed');
      armedUntil = Date.now() + CONFIRM_WINDOW_MS;
      reset = window.setTimeout(() => {
        armedUntil = 0;
        button.textContent = label;
        button.classList.remove('is-armed');
        say('');
      }, CONFIRM_WINDOW_MS);
      return;
    }
    armedUntil = 0;
    button.classList.remove('is-armed');
    const text = commands.map(commandText).join('\n');
    const copied = await copyToClipboard(text);
    button.textContent = copied ? 'Copied' : label;
    say(
      copied
        ? commands.length > 1
          ? `Copied ${commands.length} commands.`
          : 'Copied.'
        : 'Copying is blocked here: select the command and press Ctrl+C.',
      copied ? 'info' : 'error',
    );
    reset = window.setTimeout(() => {
      button.textContent = label;
      say('');
    }, 2500);
  });
}

function statusFor(container: HTMLElement): HTMLElement {
  const status = document.createElement('span');
  status.className = 'cmd__status';
  status.setAttribute('role', 'status');
  container.append(status);
  return status;
}

export function initCommandBlocks(): void {
  const panel = document.querySelector<HTMLElement>('[data-variables]');
  const values = panel ? initVariablesPanel(panel) : undefined;
  for (const block of document.querySelectorAll<HTMLElement>('.cmd-block')) {
    const commands = [...block.querySelectorAll<HTMLElement>('.cmd')];
    for (const command of commands) {
      const button = command.querySelector<HTMLButtonElement>('.cmd__copy');
      const tools = command.querySelector<HTMLElement>('.cmd__tools');
      if (button && tools) wireCopy({ button, status: statusFor(tools), commands: [command], label: 'Copy', values });
    }
    const all = block.querySelector<HTMLButtonElement>('.cmd-block__copy-all');
    const bar = block.querySelector<HTMLElement>('.cmd-block__bar');
    if (all && bar)
      wireCopy({ button: all, status: statusFor(bar), commands, label: all.textContent ?? 'Copy all', values });
  }
  // The run line (`npx runbook run …`) is copied like a command; ./variable-values.ts keeps it in step.
  const runLine = document.querySelector<HTMLElement>('[data-run-command]');
  const runCopy = runLine?.querySelector<HTMLButtonElement>('.run-command__copy');
  const runStatus = runLine?.querySelector<HTMLElement>('.run-command__status');
  if (runLine && runCopy && runStatus)
    wireCopy({ button: runCopy, status: runStatus, commands: [runLine], label: 'Copy', values });
}
