/**
 * Values for placeholders are data, never code. They come from alert links (`?namespace=prod`), from
 * the variables panel, from the runner's flags and from the companion, and a link in a chat is enough to
 * send one, so every consumer prepares them here, the one way:
 *   - control characters (ESC, BEL, TAB, newlines: ESC [201~ ends a terminal's bracketed paste) and
 *     invisible ones (zero-width, bidi overrides, BOM) are removed, and said to be;
 *   - typographic quotes and dashes become the ASCII a shell reads;
 *   - a value that is not a plain word, or (for the typed placeholders: namespace, pod, node, container,
 *     deployment, service) not a valid Kubernetes name, is unusual: it is quoted for the shell where it
 *     is substituted, and copying or running a command with it takes a confirmation that says why.
 * Browser-safe.
 */
import { plainShellText } from '../text/typography.ts';

/** How a placeholder is written in its command, which decides how a value is quoted into it. */
export type QuoteContext = 'unquoted' | 'single' | 'double' | 'heredoc' | 'heredoc-quoted';

/** Placeholders whose values are Kubernetes object names: DNS-1123 labels or subdomains. */
export const KUBERNETES_NAME_KEYS: Readonly<Record<string, 'label' | 'subdomain'>> = {
  namespace: 'label',
  pod: 'subdomain',
  node: 'subdomain',
  container: 'label',
  deployment: 'subdomain',
  service: 'label',
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A word every shell reads as itself, quoted or not: no spaces, quotes, $, `, \, ;, |, &, <, >, (, ), *, ?, [, ], {, }, ~, #, !. */
const PLAIN_WORD = /^[A-Za-z0-9._\-/:@%+=,]+$/;

/**
 * Control characters (C0, DEL, C1: ESC, BEL, TAB, newlines), format characters (the invisible:
 * zero-width, bidi marks and overrides, soft hyphen, BOM) and the line and paragraph separators.
 */
const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export interface PreparedValue {
  /** As given. */
  raw: string;
  /** Cleaned: unsafe characters removed, typographic ones made ASCII. This is the value. */
  value: string;
  /** What was removed, for the person to see: "ESC (U+001B)". */
  removed: string[];
  /** Why the value is unusual, empty when it is a plain word (and a valid name where one is expected). */
  problems: string[];
}

const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x07: 'BEL',
  0x08: 'backspace',
  0x09: 'TAB',
  0x0a: 'newline',
  0x0d: 'carriage return',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x200b: 'zero-width space',
  0x200d: 'zero-width joiner',
  0x202e: 'right-to-left override',
  0xfeff: 'byte order mark',
};

function describe(character: string): string {
  const code = character.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return CHARACTER_NAMES[code] ? `${CHARACTER_NAMES[code]} (${hex})` : hex;
}

export function isKubernetesName(key: string, value: string): boolean {
  const kind = KUBERNETES_NAME_KEYS[key];
  if (!kind) return true;
  return (kind === 'label' ? DNS_LABEL : DNS_SUBDOMAIN).test(value);
}

/** Cleans a value for a placeholder and says whether it is unusual, and why. */
export function prepareValue(key: string, raw: string): PreparedValue {
  const removed = [...new Set([...raw.matchAll(UNSAFE_CHARACTER)].map((m) => describe(m[0])))];
  const value = plainShellText(raw.replace(UNSAFE_CHARACTER, ''));
  const problems: string[] = [];
  if (removed.length > 0) problems.push(`removed ${removed.join(', ')}`);
  if (value !== '' && !PLAIN_WORD.test(value)) {
    const shellCharacters = [...new Set(value.replace(/[A-Za-z0-9._\-/:@%+=,]/g, ''))].map((c) =>
      c === ' ' ? 'space' : c,
    );
    problems.push(`holds ${shellCharacters.join(' ')}, which the shell would read as code`);
  }
  if (value !== '' && !isKubernetesName(key, value)) problems.push(`is not a valid Kubernetes ${key} name`);
  return { raw, value, removed, problems };
}

export const isUnusual = (prepared: PreparedValue) => prepared.problems.length > 0;

/** The value quoted for a single-quoted shell word: 'it'\''s'. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The text that stands for the value where the placeholder is written: as it is when it is a plain
 * word, otherwise quoted so the shell reads it as data in that place.
 */
export function quoteInto(value: string, context: QuoteContext): string {
  if (value === '' || PLAIN_WORD.test(value)) return value;
  switch (context) {
    case 'unquoted':
      return shellQuote(value);
    case 'single':
      // Inside '…': close, an escaped quote, reopen.
      return value.replace(/'/g, `'\\''`);
    case 'double':
      // Inside "…" a backslash can't escape everything (! stays history expansion in an interactive
      // shell): close the double quotes, put the value in single quotes, reopen.
      return `"${shellQuote(value)}"`;
    case 'heredoc':
      // An unquoted heredoc expands $ and ` (and \ escapes them).
      return value.replace(/[\\$`]/g, '\\$&');
    case 'heredoc-quoted':
      return value;
  }
}
