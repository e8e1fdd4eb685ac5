/**
 * From what someone types or pastes to what is searched. People paste raw error lines:
 *   Failed to pull image "redis:7.2-alpine": dial tcp 1.2.3.4:443: i/o timeout
 * Pagefind returns only pages with every word, and no runbook contains that IP, so the line is cleaned
 * (addresses, ports, pod hashes, quotes and numbers carry no meaning across incidents) and, when the
 * whole line finds too little, its distinctive words are searched one by one and the pages ranked by
 * how many of them they match and how well.
 */
import { cjkBigrams, hasCjk } from '../text/cjk.ts';

// In this order: a pod name holds a hash-like part.
const NOISE: RegExp[] = [
  /\b[a-z0-9]+(-[a-z0-9]+)*-[a-z0-9]{8,10}-[a-z0-9]{5}\b/g, // pod names: redis-57f57df567-qzjmq
  /\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, // IPv4 addresses and ports
  /\b[0-9a-f]{8,}\b/gi, // hashes, digests, container IDs
  /\b\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(:\d{2})?(\.\d+)?z?\b/gi, // timestamps
];

/** Words too common in error lines to tell runbooks apart. */
const STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'to',
  'of',
  'in',
  'on',
  'for',
  'is',
  'are',
  'and',
  'or',
  'not',
  'with',
  'from',
  'at',
  'by',
  'be',
  'was',
  'has',
  'have',
  'error',
  'failed',
  'tcp',
  'dial',
  'http',
  'https',
  'get',
  'set',
]);

/** The query's words, noise removed, in order. */
export function queryWords(query: string): string[] {
  let text = query;
  for (const pattern of NOISE) text = text.replace(pattern, ' ');
  return text
    .split(/[\s"'`“”‘’:;,()[\]{}<>=|\\]+/)
    .map((w) => w.replace(/^[./-]+|[./-]+$/g, ''))
    .filter((w) => w.length > 0 && !/^\d+$/.test(w));
}

export interface SearchPlan {
  /** Searched first: the whole cleaned query (every word must match). */
  all: string;
  /** Searched one by one when `all` finds too little, most distinctive first. */
  each: string[];
}

export function planSearch(query: string, maxWords = 8): SearchPlan {
  if (hasCjk(query)) {
    const latin = queryWords(query.replace(/\P{ASCII}+/gu, ' '));
    return { all: [cjkBigrams(query), ...latin].join(' ').trim(), each: [] };
  }
  const words = queryWords(query);
  // Filler ("failed", "error", "to") would match every page that fails at anything: keep it out of the
  // whole-line search unless too little would be left.
  const meaningful = words.filter((w) => !STOPWORDS.has(w.toLowerCase()));
  const distinctive = [...new Set(meaningful.filter((w) => w.length > 2))]
    .sort((a, b) => b.length - a.length)
    .slice(0, maxWords);
  return { all: (meaningful.length >= 2 ? meaningful : words).join(' '), each: words.length > 1 ? distinctive : [] };
}

export interface RankedHit {
  id: string;
  score: number;
}

/**
 * Merges the per-word result lists: a page gains 1/(rank+1) for each word that finds it, so pages that
 * match many words, near the top of each, come first.
 */
export function mergeWordResults(lists: readonly (readonly string[])[]): RankedHit[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (rank + 1)));
  }
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Text reduced to lower-case words, for comparing a pasted line with a page: "dial tcp: connection refused" -> "dial tcp connection refused". */
export function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a page holds the query word for word (punctuation and case aside), noise removed from the query. */
export function containsPhrase(pageText: string, query: string): boolean {
  const words = queryWords(query);
  if (words.length < 2) return false;
  return ` ${phraseKey(pageText)} `.includes(` ${phraseKey(words.join(' '))} `);
}
