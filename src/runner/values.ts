/**
 * Values for a runbook's placeholders, and its commands filled with them, by the page's rules: every
 * value goes through prepareValue (control and invisible characters removed, typographic made ASCII,
 * the unusual marked) and quoteInto (quoted for where its placeholder is written), so a value is data
 * in the command, never code. Later sources win: an alert URL's query, then the flags, then what the
 * person types.
 */
import { variableKey } from '../domain/placeholders.ts';
import { isUnusual, prepareValue, quoteInto, type PreparedValue } from '../domain/values.ts';
import type { PlaceholderEntry, RunbookEntry, StepEntry } from '../schemas/command-catalogue.ts';

export type ValueSource = 'alert URL' | 'flag' | 'typed' | 'default';

export interface GivenValue {
  key: string;
  prepared: PreparedValue;
  source: ValueSource;
}

export type Values = Map<string, GivenValue>;

export function giveValue(values: Values, key: string, raw: string, source: ValueSource): GivenValue {
  const given = { key, prepared: prepareValue(key, raw), source };
  values.set(key, given);
  return given;
}

/** `--var name=value`: the name normalised like a placeholder (POD_NAME, pod-name and pod are "pod"). */
export function parseVar(text: string): { key: string; raw: string } {
  const at = text.indexOf('=');
  if (at <= 0) throw new Error(`--var ${text}: write it as name=value (--var pod=api-7c9)`);
  return { key: variableKey(text.slice(0, at)), raw: text.slice(at + 1) };
}

export interface RunbookVariable {
  key: string;
  /** As the commands write it: "<pod-name>", "POD_NAME". */
  spellings: string[];
  default?: string;
}

/** The runbook's variables, in order of first use. */
export function variablesOf(runbook: RunbookEntry): RunbookVariable[] {
  const byKey = new Map<string, RunbookVariable>();
  for (const p of runbook.steps.flatMap((s) => s.placeholders)) {
    const variable = byKey.get(p.key) ?? { key: p.key, spellings: [] };
    if (!variable.spellings.includes(p.text)) variable.spellings.push(p.text);
    if (variable.default === undefined && p.default !== undefined) variable.default = p.default;
    byKey.set(p.key, variable);
  }
  return [...byKey.values()];
}

/** Values the person gave that are unusual, with why: shown before anything runs. */
export const unusualValues = (values: Values) => [...values.values()].filter((v) => isUnusual(v.prepared));

export interface FilledCommand {
  /** The command with every given value quoted into its place; unfilled placeholders as written. */
  text: string;
  unfilled: PlaceholderEntry[];
  /** Keys filled with the runbook's default for want of a value. */
  defaulted: string[];
}

/** The step's command with values filled in (and, with `useDefaults`, defaults where none was given). */
export function fillCommand(step: StepEntry, values: Values, { useDefaults = false } = {}): FilledCommand {
  let text = step.command;
  const unfilled: PlaceholderEntry[] = [];
  const defaulted = new Set<string>();
  for (const p of [...step.placeholders].sort((a, b) => b.start - a.start)) {
    let value = values.get(p.key)?.prepared.value ?? '';
    if (value === '' && useDefaults && p.default !== undefined) {
      value = prepareValue(p.key, p.default).value;
      if (value !== '') defaulted.add(p.key);
    }
    if (value === '') {
      unfilled.unshift(p);
      continue;
    }
    text = text.slice(0, p.start) + quoteInto(value, p.quote) + text.slice(p.end);
  }
  return { text, unfilled, defaulted: [...defaulted] };
}
