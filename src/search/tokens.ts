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

/**
 * A word's stems: its own, then its CamelCase parts'; none for a CJK run (matched by its bigrams,
 * cjkTerms). Kept per word: a site of thousands of pages repeats a few thousand words millions of
 * times, and stemming them is most of the work of weighing words at build time and of ranking.
 */
const wordStems = new Map<string, readonly string[]>();
const WORD_STEMS_KEPT = 50_000;
function stemsOfWord(word: string): readonly string[] {
  let stems = wordStems.get(word);
  if (stems) return stems;
  stems = CJK.test(word) ? [] : [stem(word), ...camelParts(word).map(stem)];
  if (wordStems.size >= WORD_STEMS_KEPT) wordStems.clear();
  wordStems.set(word, stems);
  return stems;
}

/** Every stem a text holds, with offsets: each word, and the parts of CamelCase words at the word's place. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    for (const s of stemsOfWord(m[0])) out.push({ stem: s, start, end });
  }
  return out;
}

/** The stems of a text in order, CJK bigrams after them: what a page's field holds. */
export function stemsOf(text: string): string[] {
  const stems: string[] = [];
  for (const m of text.matchAll(WORD)) for (const s of stemsOfWord(m[0])) stems.push(s);
  if (hasCjk(text)) for (const bigram of cjkBigrams(text).split(' ')) if (bigram) stems.push(bigram);
  return stems;
}
