/**
 * The runbook page's `npx runbook run …` line, kept in step with the variables panel
 * (./variable-values.ts calls this): every filled variable becomes a flag, its value cleaned and
 * quoted by the rules of the commands (src/domain/run-command.ts, src/domain/values.ts), so what is
 * copied runs the runbook with exactly the values the page shows. Its Copy button is a command
 * block's (./command-blocks.ts); until a value is given the line is the one the build wrote.
 */
import { runCommandLine } from '../../domain/run-command.ts';

/** `values`: cleaned values by variable key, in the panel's order. */
export function showRunCommand(line: HTMLElement, values: Iterable<readonly [string, string]>): void {
  const code = line.querySelector<HTMLElement>('.run-command__code');
  if (code) showWords(code, runCommandLine(line.dataset['runCommand'] ?? '', values));
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
