/**
 * The argument rules the schema generator found by running kubectl (ArgumentRules in
 * schema-types.ts), applied to one parsed command: how many arguments it takes, which flags stand
 * in for them, the KEY=VALUE update it needs, and the flags it refuses without others. The
 * messages are kubectl's own.
 */
import { flagValue, type KubectlArg, type KubectlArgv } from './argv.ts';
import type { ArgumentRules } from './schema-types.ts';

export interface ArgumentFinding {
  at: KubectlArg | undefined;
  rule: string;
  message: string;
  hint?: string;
}

/** Commands whose KEY- arguments remove a key (kubectl's label, annotate, set env and taint). */
export const KEY_REMOVALS = new Set(['label', 'annotate', 'set env', 'taint']);

/** An update argument rather than a resource: KEY=VALUE, and KEY- where the command removes keys so. */
export function isUpdate(arg: KubectlArg, path: string, rules: ArgumentRules | undefined): boolean {
  return (
    arg.value.includes('=') || ((KEY_REMOVALS.has(path) || rules?.updates !== undefined) && arg.value.endsWith('-'))
  );
}

/** A flag given and not switched off (`--rm`, `--rm=true`; not `--rm=false`). */
function given(parsed: KubectlArgv, name: string): boolean {
  const value = flagValue(parsed, name);
  return value !== undefined && value !== 'false';
}

/** "Unexpected args: [zz-a]" with the probe's words (zz-a, zz-b, …) replaced by the command's own. */
function withWords(message: string, extra: readonly KubectlArg[]): string {
  const words = ['zz-a', 'zz-b', 'zz-c'];
  let out = message;
  if (/zz-[abc]/.test(out) && extra.length > 0) {
    out = out.replace(/\[(zz-[abc] ?)+\]/, `[${extra.map((a) => a.value).join(' ')}]`);
    for (const [i, word] of words.entries()) out = out.replaceAll(word, extra[i]?.value ?? word);
  }
  return out;
}

/**
 * What the rules say about a command. `appended` is set when more arguments come at run time
 * (`xargs kubectl delete pod`): the count is then unknown.
 */
export function checkArgumentRules(
  rules: ArgumentRules | undefined,
  path: string,
  usage: string,
  parsed: KubectlArgv,
  commandWord: KubectlArg | undefined,
): ArgumentFinding[] {
  if (!rules) return [];
  const findings: ArgumentFinding[] = [];
  const anyOf = (names: readonly string[]) => names.some((n) => given(parsed, n));
  const standIns = (names: readonly string[]) =>
    names.length > 0 ? ` (or ${names.map((n) => `--${n}`).join(', ')})` : '';
  const resources = parsed.positionals.filter((p) => !isUpdate(p, path, rules));
  // An expansion ($PODS, $(…)) may stand for any number of words, what xargs appends too.
  const countKnown = !resources.some((p) => p.placeholder && (p.value === '' || /[$`]/.test(p.value)));
  const usageHint = `usage: ${usage}`;

  for (const requirement of rules.requires ?? []) {
    if (requirement.flag !== undefined && !given(parsed, requirement.flag)) continue;
    if (anyOf(requirement.unlessFlags)) continue;
    const at = requirement.flag
      ? parsed.flags.find((f) => f.spec.name === requirement.flag)?.arg
      : (commandWord ?? parsed.positionals[0]);
    findings.push({
      at,
      rule: requirement.flag ? 'kubectl/flag-requires' : 'kubectl/missing-flag',
      message: requirement.message,
      hint: `add ${requirement.unlessFlags.map((n) => `--${n}`).join(' or ')}`,
    });
  }
  if (rules.min && resources.length < rules.min.count && !anyOf(rules.min.unlessFlags) && countKnown) {
    findings.push({
      at: commandWord,
      rule: 'kubectl/missing-argument',
      message: rules.min.message,
      hint: `${usageHint}${standIns(rules.min.unlessFlags)}`,
    });
  }
  if (rules.max && resources.length > rules.max.count && countKnown) {
    const extra = resources.slice(rules.max.count);
    findings.push({
      at: extra[0],
      rule: 'kubectl/too-many-arguments',
      message: withWords(rules.max.message, extra),
      hint: usageHint,
    });
  }
  if (rules.updates && resources.length > 0 && !parsed.positionals.some((p) => isUpdate(p, path, rules))) {
    if (!anyOf(rules.updates.unlessFlags) && !parsed.positionals.some((p) => p.placeholder)) {
      findings.push({
        at: parsed.positionals.at(-1),
        rule: 'kubectl/missing-update',
        message: rules.updates.message,
        hint: `add KEY=VALUE (or KEY- to remove a key)${standIns(rules.updates.unlessFlags)}; ${usageHint}`,
      });
    }
  }
  return findings;
}
