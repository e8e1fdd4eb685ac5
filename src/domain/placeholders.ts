/**
 * The one placeholder model. Guides write values to fill in two ways: `<pod-name>` and, in the MKS
 * playbook, ALL_CAPS words such as NODE_NAME. Each placeholder has a variable key shared by every
 * spelling of it (`<pod-name>`, `POD_NAME` -> "pod"), which is also the URL parameter that prefills it
 * (`?pod=api-7c9`), so an alert's runbook_url can carry its labels.
 *
 * A placeholder may carry the guide's value as its default: `<namespace=klinematrix-prod>`. The key is
 * the name part ("namespace"), so an alert label or the panel overrides it like any placeholder; until
 * then the page shows and copies the default, and the validator checks the command with it filled in.
 * A default is a plain word (no quotes, spaces or shell characters), so it never needs quoting.
 *
 * Angled placeholders are found by their shape anywhere in a command. ALL_CAPS ones need the shell
 * parse to tell NODE_NAME (a value to fill) from $GITHUB_TOKEN, ETCDCTL_API=3 or "SELECT ... FROM";
 * see src/commands/. `<pod-name>` also breaks every shell parser (bash reads it as a redirection),
 * so before parsing each one is masked by a run of "x" of the same length: offsets stay the same.
 */

import type { QuoteContext } from './values.ts';

export interface PlaceholderSpan {
  start: number;
  end: number;
  /** As written: "<pod-name>", "<namespace=klinematrix-prod>" or "NODE_NAME". */
  text: string;
  /** Without its default: "<namespace>". What the page shows when the variable is emptied. */
  name: string;
  /** The variable it stands for: "pod", "node". */
  key: string;
  /** How the shell reads it where it is written (set from the parse; unquoted when not known). */
  quote?: QuoteContext;
  /** The guide's value, from `<namespace=klinematrix-prod>`: used until a value is given. */
  default?: string;
}

/**
 * <pod-name> or <name=default>; also a few words (<kustomization directory>) and alternatives
 * (<filename|url>), as kubectl's own help writes them. A space may not follow "<" or precede ">", so
 * `cat <in >out` stays a pair of redirections. A default is a plain word (src/domain/values.ts), so
 * it is never quoted.
 */
const ANGLED = /<([A-Za-z][A-Za-z0-9_.-]*(?:[ |][A-Za-z0-9_.-]+)*)(?:=([A-Za-z0-9._\-/:@%+,]+))?>/g;

/** ALL_CAPS words without an underscore that are used as placeholders rather than as literals. */
const BARE_CAPS = [
  'NAMESPACE',
  'PORT',
  'POD',
  'NODE',
  'SERVICE',
  'DEPLOYMENT',
  'CONTAINER',
  'CLUSTER',
  'HOST',
  'IMAGE',
  'TAG',
  'TOKEN',
];
const CAPS = new RegExp(
  `(?<![A-Za-z0-9_$])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|${BARE_CAPS.join('|')})(?![A-Za-z0-9_=])`,
  'g',
);

/** Short names alerts and people use for the same thing. */
const KEY_ALIASES: Record<string, string> = { svc: 'service', ns: 'namespace', deploy: 'deployment' };

/** The variable a placeholder spelling stands for: "<pod-name>", "POD_NAME", "pod_name" -> "pod". */
export function variableKey(spelling: string): string {
  const words = spelling
    .replace(/^<|>$/g, '')
    .toLowerCase()
    .split(/[-_.|\s]+/)
    .filter(Boolean);
  if (words.length > 1 && words.at(-1) === 'name') words.pop();
  const key = words.join('-');
  return KEY_ALIASES[key] ?? key;
}

export function findAngledPlaceholders(text: string): PlaceholderSpan[] {
  return [...text.matchAll(ANGLED)].map((m) => {
    const name = `<${m[1]!}>`;
    const span: PlaceholderSpan = {
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      name,
      key: variableKey(name),
    };
    if (m[2] !== undefined) span.default = m[2];
    return span;
  });
}

/** What a placeholder showing its default says of itself, on the page and after a value is removed. */
export const defaultTitle = (name: string) => `Default from the guide: fill ${name} to change it`;

/**
 * The text with every placeholder that has a default replaced by it: the command as the guide wrote
 * it (`-n <namespace=klinematrix-prod>` -> `-n klinematrix-prod`). Placeholders without one stay.
 */
export function withDefaults(text: string): string {
  return text.replace(ANGLED, (whole: string, _name: string, value: string | undefined) => value ?? whole);
}

/** ALL_CAPS placeholders inside one unquoted shell word, at their offsets in the whole text. */
export function findCapsPlaceholders(word: string, offset: number): PlaceholderSpan[] {
  return [...word.matchAll(CAPS)].map((m) => ({
    start: offset + (m.index ?? 0),
    end: offset + (m.index ?? 0) + m[0].length,
    text: m[0],
    name: m[0],
    key: variableKey(m[0]),
  }));
}

/**
 * `[POD]`, `[NAMESPACE]`: a placeholder some runbooks write in brackets. The validator accepts any
 * value there; the page does not offer it for filling (bash reads it as a glob, not as a value to type).
 */
export const isBracketedPlaceholder = (word: string): boolean => /^\[[A-Z][A-Z0-9_-]*\]$/.test(word);

/** The text with every angled placeholder replaced by "x"s of the same length, for the shell parser. */
export function maskPlaceholders(text: string, spans: readonly PlaceholderSpan[]): string {
  let masked = text;
  for (const span of spans) {
    masked = masked.slice(0, span.start) + 'x'.repeat(span.end - span.start) + masked.slice(span.end);
  }
  return masked;
}

export interface Variable {
  key: string;
  /** Every spelling the page uses for it ("<namespace>", "NAMESPACE"), in order of first use. */
  spellings: string[];
  /** The guide's values it stands for on the page (its placeholders' defaults), in order of first use. */
  defaults: string[];
}

/** The variables of a page: one per key, in order of first appearance. */
export function collectVariables(spans: Iterable<PlaceholderSpan>): Variable[] {
  const byKey = new Map<string, Variable>();
  for (const span of spans) {
    const variable = byKey.get(span.key) ?? { key: span.key, spellings: [], defaults: [] };
    if (!variable.spellings.includes(span.name)) variable.spellings.push(span.name);
    if (span.default !== undefined && !variable.defaults.includes(span.default)) variable.defaults.push(span.default);
    byKey.set(span.key, variable);
  }
  return [...byKey.values()];
}

/** A URL parameter that fills a variable of the page. */
export interface AppliedParameter {
  /** As written in the URL: "pod_name". */
  parameter: string;
  /** The variable it fills: "pod". */
  key: string;
  value: string;
}

export interface QueryMatch {
  /**
   * One per variable filled (the last parameter wins when several fill the same one); those a
   * parameter names itself first, then those filled through an alert label's mapping.
   */
  applied: AppliedParameter[];
  /** Parameters with a value that fill nothing on this page, in URL order. */
  unmatched: { parameter: string; value: string }[];
}

/**
 * What a URL query does on a page: `?namespace=prod&pod=api-7c9&cluster=eu`. Parameter names are
 * normalised like placeholders (`pod_name`, `POD_NAME` and `pod` all fill "pod"); empty values are
 * ignored. `labelVariables` says which alert label also fills which other variable of this page
 * (content/alerts/runbooks.yaml: `pod: pending-pod`); a parameter named for the variable itself wins.
 * The page says both lists, so an alert label that fills nothing is seen, not silently lost.
 */
export function matchQuery(
  search: string,
  keys: Iterable<string>,
  labelVariables: Readonly<Record<string, string>> = {},
): QueryMatch {
  const wanted = new Set(keys);
  const direct = new Map<string, AppliedParameter>();
  const viaLabel = new Map<string, AppliedParameter>();
  const unmatched: QueryMatch['unmatched'] = [];
  const fill = (into: Map<string, AppliedParameter>, applied: AppliedParameter) => {
    into.delete(applied.key);
    into.set(applied.key, applied);
  };
  for (const [parameter, value] of new URLSearchParams(search)) {
    if (value.trim() === '') continue;
    const key = variableKey(parameter);
    const mapped = Object.hasOwn(labelVariables, parameter) ? labelVariables[parameter] : undefined;
    const fillsOwn = wanted.has(key);
    const fillsMapped = mapped !== undefined && wanted.has(mapped);
    if (fillsOwn) fill(direct, { parameter, key, value });
    if (fillsMapped) fill(viaLabel, { parameter, key: mapped, value });
    if (!fillsOwn && !fillsMapped) unmatched.push({ parameter, value });
  }
  const mappedOnly = [...viaLabel.values()].filter((a) => !direct.has(a.key));
  return { applied: [...direct.values(), ...mappedOnly], unmatched };
}

/** Values for a page's variables from a URL query (see matchQuery). */
export function valuesFromQuery(
  search: string,
  keys: Iterable<string>,
  labelVariables: Readonly<Record<string, string>> = {},
): Map<string, string> {
  return new Map(matchQuery(search, keys, labelVariables).applied.map((a) => [a.key, a.value]));
}
