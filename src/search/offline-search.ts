/**
 * Search for the offline copy, where Pagefind cannot run (it needs fetch() and WebAssembly over http).
 * The index is built from Pagefind's own records of each page (same text, meta and filters), plus the
 * runbooks' symptoms, and loaded as a plain script. Scoring follows the site's: titles and symptoms
 * weigh most, then the summary, then the text; a page holding the query word for word comes first;
 * Chinese is matched by bigrams. Fine for the few thousand pages a runbook site has.
 */
import { cjkBigrams, hasCjk } from '../text/cjk.ts';
import { containsPhrase, planSearch } from './query.ts';

export interface OfflineDoc {
  /** Relative to the site root: runbooks/k8s-002/index.html */
  url: string;
  title: string;
  /** runbook, guide or tree */
  kind: string;
  id?: string;
  severity?: string;
  layer?: string;
  summary?: string;
  filters: Record<string, string[]>;
  symptoms: string;
  content: string;
}

export interface OfflineHit {
  doc: OfflineDoc;
  score: number;
  excerpt: string;
}

interface Prepared {
  title: Set<string>;
  symptoms: Set<string>;
  summary: Set<string>;
  content: Map<string, number>;
  text: string;
}

const WEIGHT = { title: 10, symptoms: 10, summary: 5 } as const;

/** Lower-case words, and the bigrams of any CJK text. */
export function tokens(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return hasCjk(text) ? [...words, ...cjkBigrams(text).split(' ')] : words;
}

const prepared = new WeakMap<OfflineDoc, Prepared>();

function prepare(doc: OfflineDoc): Prepared {
  let p = prepared.get(doc);
  if (!p) {
    const content = new Map<string, number>();
    for (const t of tokens(doc.content)) content.set(t, (content.get(t) ?? 0) + 1);
    p = {
      title: new Set(tokens(`${doc.title} ${doc.id ?? ''}`)),
      symptoms: new Set(tokens(doc.symptoms)),
      summary: new Set(tokens(doc.summary ?? '')),
      content,
      text: `${doc.title} ${doc.symptoms} ${doc.content}`,
    };
    prepared.set(doc, p);
  }
  return p;
}

/** A query word matches a token exactly, or as its start when it has three letters or more (as Pagefind does). */
const matches = (token: string, word: string) => token === word || (word.length >= 3 && token.startsWith(word));
const inSet = (set: Set<string>, word: string) =>
  set.has(word) || (word.length >= 3 && [...set].some((t) => matches(t, word)));

function queryTerms(query: string): string[] {
  if (hasCjk(query)) return planSearch(query).all.toLowerCase().split(/\s+/).filter(Boolean);
  return [
    ...new Set(
      planSearch(query)
        .all.toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ];
}

export function searchOffline(
  docs: readonly OfflineDoc[],
  query: string,
  filters: Record<string, string[]> = {},
  limit = 10,
): OfflineHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: (OfflineHit & { matched: number })[] = [];
  for (const doc of docs) {
    if (!Object.entries(filters).every(([key, values]) => values.some((v) => doc.filters[key]?.includes(v)))) continue;
    const p = prepare(doc);
    let score = 0;
    let matched = 0;
    for (const term of terms) {
      let termScore = 0;
      if (inSet(p.title, term)) termScore += WEIGHT.title;
      if (inSet(p.symptoms, term)) termScore += WEIGHT.symptoms;
      if (inSet(p.summary, term)) termScore += WEIGHT.summary;
      let count = p.content.get(term) ?? 0;
      if (count === 0 && term.length >= 3) for (const [t, c] of p.content) if (matches(t, term)) count += c;
      termScore += Math.min(3, count);
      if (termScore > 0) matched++;
      score += termScore;
    }
    if (matched === 0) continue;
    if (containsPhrase(p.text, query)) score += 100;
    hits.push({ doc, score, matched, excerpt: excerptOf(doc.content, terms) });
  }
  // Pages matching more of the query's words first, then by weight.
  hits.sort((a, b) => b.matched - a.matched || b.score - a.score || a.doc.url.localeCompare(b.doc.url));
  return hits.slice(0, limit).map(({ doc, score, excerpt }) => ({ doc, score, excerpt }));
}

function excerptOf(content: string, terms: readonly string[]): string {
  const lower = content.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), content.length);
  const start = Math.max(0, at - 60);
  const text = content.slice(start, start + 180).trim();
  return `${start > 0 ? '… ' : ''}${text}${start + 180 < content.length ? ' …' : ''}`;
}
