/**
 * Words as search compares them, the same for pages and queries, online and from disk: lower case,
 * split at anything but letters and digits, reduced to a light English stem (restarts, restarting
 * and restarted are one word), CamelCase names also as their parts (ImagePullBackOff is
 * "imagepullbackoff" and image, pull, back, off), and Chinese, Japanese or Korean runs as bigrams.
 */
import { cjkBigrams, hasCjk } from '../text/cjk.ts';

export interface Token {
  /** The stem: "restart" for "Restarting". */
  stem: string;
  /** Where the word is in the text, for excerpts. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A light stemmer: plurals, -ing and -ed. Conservative on purpose: "pending" and "pend" may meet, but
 * "pods" and "pod" must. Words of three letters or fewer, and words with digits, stay as they are.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || /\d/.test(w) || CJK.test(w)) return w;
  if (w.length === 4) return /[^sui]s$/.test(w) ? w.slice(0, -1) : w;
  let s = w;
  if (s.endsWith('ies') && s.length > 5) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 6) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 5) s = undouble(s.slice(0, -2));
  return s;
}

/** "runn" -> "run", "stopp" -> "stop"; "pull" and "kill" keep their double l. */
function undouble(s: string): string {
  return /([bdgmnprt])\1$/.test(s) ? s.slice(0, -1) : s;
}

/** The words of a text with their offsets (CJK runs whole; their bigrams come from cjkTerms). */
export function words(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The parts of a CamelCase word: "ImagePullBackOff" -> image, pull, back, off; "x509" has none. */
export function camelParts(word: string): string[] {
  if (!/[a-z][A-Z]|[A-Z]{2}[a-z]/.test(word)) return [];
  const parts = word.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
  return parts.length > 1 ? parts.map((p) => p.toLowerCase()) : [];
}

/** Every stem a text holds, with offsets: each word, and the parts of CamelCase words at the word's place. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const { word, start, end } of words(text)) {
    if (CJK.test(word)) continue; // CJK runs are matched by their bigrams (cjkTerms), not as one word
    out.push({ stem: stem(word), start, end });
    for (const part of camelParts(word)) out.push({ stem: stem(part), start, end });
  }
  return out;
}

/** The stems of a text as a set, CJK bigrams included: what a page's field holds. */
export function stemsOf(text: string): string[] {
  const stems = tokenize(text).map((t) => t.stem);
  return hasCjk(text) ? [...stems, ...cjkBigrams(text).split(' ').filter(Boolean)] : stems;
}
