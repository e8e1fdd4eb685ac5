/**
 * The one placeholder model. Guides write values to fill in two ways: `<pod-name>` and, in the MKS
 * playbook, ALL_CAPS words such as NODE_NAME. Each placeholder has a variable key shared by every
 * spelling of it (`<pod-name>`, `POD_NAME` -> "pod"), which is also the URL parameter that prefills it
 * (`?pod=api-7c9`), so an alert's runbook_url can carry its labels.
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
  /** As written: "<pod-name>" or "NODE_NAME". */
  text: string;
  /** The variable it stands for: "pod", "node". */
  key: string;
  /** How the shell reads it where it is written (set from the parse; unquoted when not known). */
  quote?: QuoteContext;
  /** The guide's own value, when the runbook gives one: offered where nothing else fills it. */
  default?: string;
}

/**
 * <pod-name>; also a few words (<kustomization directory>) and alternatives (<filename|url>), as
 * kubectl's own help writes them. A space may not follow "<" or precede ">", so `cat <in >out`
 * stays a pair of redirections.
 */
const ANGLED = /<([A-Za-z][A-Za-z0-9_.-]*(?:[ |][A-Za-z0-9_.-]+)*)>/g;

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
  return [...text.matchAll(ANGLED)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    text: m[0],
    key: variableKey(m[0]),
  }));
}

/** ALL_CAPS placeholders inside one unquoted shell word, at their offsets in the whole text. */
export function findCapsPlaceholders(word: string, offset: number): PlaceholderSpan[] {
  return [...word.matchAll(CAPS)].map((m) => ({
    start: offset + (m.index ?? 0),
    end: offset + (m.index ?? 0) + m[0].length,
    text: m[0],
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
  /** Every spelling the page uses for it, in order of first use. */
  spellings: string[];
}

/** The variables of a page: one per key, in order of first appearance. */
export function collectVariables(spans: Iterable<PlaceholderSpan>): Variable[] {
  const byKey = new Map<string, Variable>();
  for (const span of spans) {
    const variable = byKey.get(span.key) ?? { key: span.key, spellings: [] };
    if (!variable.spellings.includes(span.text)) variable.spellings.push(span.text);
    byKey.set(span.key, variable);
  }
  return [...byKey.values()];
}

/**
 * Values for a page's variables from a URL query: `?namespace=prod&pod=api-7c9`. Parameter names are
 * normalised like placeholders (`pod_name`, `POD_NAME` and `pod` all fill "pod"); empty values are ignored.
 * `labelVariables` says which alert label also fills which other variable of this page
 * (content/alerts/runbooks.yaml: `pod: pending-pod`); a parameter named for the variable itself wins.
 */
export function valuesFromQuery(
  search: string,
  keys: Iterable<string>,
  labelVariables: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const wanted = new Set(keys);
  const values = new Map<string, string>();
  const viaLabel = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(search)) {
    if (value.trim() === '') continue;
    const key = variableKey(name);
    if (wanted.has(key)) values.set(key, value);
    const mapped = Object.hasOwn(labelVariables, name) ? labelVariables[name] : undefined;
    if (mapped && wanted.has(mapped)) viaLabel.set(mapped, value);
  }
  for (const [key, value] of viaLabel) if (!values.has(key)) values.set(key, value);
  return values;
}
