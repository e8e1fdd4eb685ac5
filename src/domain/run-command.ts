/**
 * The terminal command that runs a runbook with a page's values: `npx runbook run POD001 --namespace
 * prod --pod api-7c9`. The runbook page shows it under the variables panel, and the runner's flags
 * are these: the typed placeholders have a flag of their own, every other is `--var key=value`.
 * Values are quoted by the same rules as in the commands (src/domain/values.ts). Browser-safe.
 */
import { KUBERNETES_NAME_KEYS, quoteInto } from './values.ts';

/** Variables with a flag of their own (--namespace, --pod, …): the typed ones. */
export const VALUE_FLAGS: readonly string[] = Object.keys(KUBERNETES_NAME_KEYS);

/** `values`: cleaned values (prepareValue) by variable key, in the order to write them. */
export function runCommandLine(id: string, values: Iterable<readonly [string, string]>): string {
  const words = ['npx', 'runbook', 'run', quoteInto(id, 'unquoted')];
  for (const [key, value] of values) {
    if (value === '') continue;
    const flag = VALUE_FLAGS.includes(key) ? `--${key}` : '--var';
    const word = quoteInto(flag === '--var' ? `${key}=${value}` : value, 'unquoted');
    // A value that starts with a dash would read as a flag of its own: attach it.
    if (word.startsWith('-')) words.push(`${flag}=${word}`);
    else words.push(flag, word);
  }
  return words.join(' ');
}
