/**
 * The runbook page's `npx runbook run …` line, kept in step with the variables panel: every filled
 * variable becomes a flag, its value cleaned and quoted by the rules of the commands
 * (src/domain/run-command.ts, src/domain/values.ts), so what is copied runs the runbook with exactly
 * the values the page shows.
 */
import { runCommandLine } from '../../domain/run-command.ts';
import { prepareValue } from '../../domain/values.ts';
import { copyToClipboard } from './clipboard.ts';

export function initRunCommand(line: HTMLElement, panel: HTMLElement | null): void {
  const id = line.dataset['runCommand'] ?? '';
  const code = line.querySelector<HTMLElement>('.run-command__code');
  const button = line.querySelector<HTMLButtonElement>('.run-command__copy');
  const status = line.querySelector<HTMLElement>('.run-command__status');
  if (!code || !button || !status) return;
  const inputs = [...(panel?.querySelectorAll<HTMLInputElement>('[data-var-input]') ?? [])];
  const update = () => {
    const values = inputs.map((input) => {
      const key = input.dataset['varInput'] ?? '';
      return [key, prepareValue(key, input.value).value] as const;
    });
    showWords(code, runCommandLine(id, values));
  };
  for (const input of inputs) input.addEventListener('input', update);
  update();
  button.hidden = false;
  button.addEventListener('click', async () => {
    const copied = await copyToClipboard(code.textContent ?? '');
    status.dataset['tone'] = copied ? 'info' : 'error';
    status.textContent = copied ? 'Copied.' : 'Copying is blocked here: select the command and press Ctrl+C.';
    window.setTimeout(() => (status.textContent = ''), 2500);
  });
}

/**
 * The line as words that never break (.w, as in the command blocks): on a phone it wraps at its
 * spaces only, never inside `--namespace`. The text, and so what is copied, stays the same.
 */
function showWords(code: HTMLElement, line: string): void {
  code.replaceChildren(
    ...line.split(/( +)/).map((part) => {
      if (part === '' || part.startsWith(' ')) return document.createTextNode(part);
      const word = document.createElement('span');
      word.className = 'w';
      word.textContent = part;
      return word;
    }),
  );
}
