/**
 * The one ranking of search results, for the site and for the offline copy opened from disk: both hand
 * it the same records of the same pages (what Pagefind indexed of each: text, meta, headings) and the
 * same word statistics, so the same query gives the same order. On the site Pagefind finds the
 * candidate pages; from disk every page is a candidate. Scoring:
 *   - each group of the query plan (a word with its synonyms and spelling) counts by its weight (how
 *     rare the word is on the site, light for boilerplate), times where it is found: in the page's
 *     names (ID, aliases, the alerts that land on it) most, then title and symptoms, summary, headings,
 *     and the body;
 *   - pages that match more of the query's weight come first: a page with the one telling word beats a
 *     page with three common ones;
 *   - a page quoting a run of the pasted line word for word gains by the length of the run.
 * The top result is "close" only when it covers enough of the query in the fields that say what a
 * page is about; otherwise search says there is no close match and marks the results as guesses.
 */
import { isFiller, type QueryPlan, type TermGroup, type TermStats } from './query.ts';
import { stem, stemsOf, tokenize, words } from './tokens.ts';

/** A page as search knows it: Pagefind's record of it (src/search/records.ts makes one). */
export interface SearchDoc {
  /** Site-absolute on the site ("/runbooks/k8s-002/"), relative to the site root in the offline copy. */
  url: string;
  title: string;
  /** runbook, guide or tree */
  kind: string;
  id?: string;
  severity?: string;
  layer?: string;
  service?: string;
  summary?: string;
  /** The runbook's symptoms, one per line. */
  symptoms: string;
  /** Other names that lead to it: its aliases and the alerts that land on it. */
  keywords: string;
  headings: string;
  content: string;
  filters: Record<string, string[]>;
}

interface Prepared {
  names: Set<string>;
  title: Set<string>;
  symptoms: Set<string>;
  summary: Set<string>;
  headings: Set<string>;
  content: Map<string, number>;
  /** The body's word stems in order, with where each stem occurs, for runs quoted word for word. */
  sequence: string[];
  positions: Map<string, number[]>;
}

const FIELD_WEIGHT = { names: 12, title: 7, symptoms: 7, summary: 4, headings: 3 } as const;
type Field = keyof typeof FIELD_WEIGHT;
const FIELDS = Object.keys(FIELD_WEIGHT) as Field[];
/** A prefix match ("crashloop" in "crashloopbackoff") counts this much of a whole word. */
const PREFIX = 0.7;
/** Runbooks answer incidents; guides and trees are the way there. */
const KIND_FACTOR: Record<string, number> = { runbook: 1, tree: 0.85, guide: 0.7 };

const prepared = new WeakMap<SearchDoc, Prepared>();

/** The stems of a page's fields other than its body, the same for ranking and for weighing words. */
function fieldStems(doc: SearchDoc): Record<Field, Set<string>> {
  return {
    // Names count whole (KubeNodeNotReady is one word here, not kube, node, not, ready).
    names: new Set([...words(doc.id ?? '').map((w) => stem(w.word)), ...namesAsWords(doc)]),
    title: new Set(stemsOf(doc.title)),
    symptoms: new Set(stemsOf(doc.symptoms)),
    summary: new Set(stemsOf(doc.summary ?? '')),
    headings: new Set(stemsOf(doc.headings)),
  };
}

function prepare(doc: SearchDoc): Prepared {
  let p = prepared.get(doc);
  if (p) return p;
  const content = new Map<string, number>();
  for (const s of stemsOf(doc.content)) content.set(s, (content.get(s) ?? 0) + 1);
  const sequence = tokenize(doc.content)
    .filter((t, i, all) => i === 0 || all[i - 1]!.start !== t.start) // words, not their CamelCase parts
    .map((t) => t.stem);
  const positions = new Map<string, number[]>();
  sequence.forEach((s, i) => {
    const at = positions.get(s);
    if (at) at.push(i);
    else positions.set(s, [i]);
  });
  p = { ...fieldStems(doc), content, sequence, positions };
  prepared.set(doc, p);
  return p;
}

/** An ID as one word too: "K8S-002" is also "k8s002". */
function namesAsWords(doc: SearchDoc): string[] {
  return [doc.id ?? '', ...doc.keywords.split(/\s+/)]
    .filter(Boolean)
    .map((n) => n.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase());
}

/** The statistics search weighs words by, over every page: built once with the index. */
export function termStats(docs: readonly SearchDoc[]): TermStats {
  return statsOfStems(docs.map(docStems));
}

/** The stems a page holds, each once (what termStats counts of it): the build keeps them per index part. */
export function docStems(doc: SearchDoc): string[] {
  // Only which stems each page holds: not the body's order and positions that ranking needs.
  const all = new Set<string>();
  for (const field of Object.values(fieldStems(doc))) for (const s of field) all.add(s);
  for (const s of stemsOf(doc.content)) all.add(s);
  return [...all];
}

/** termStats from each page's docStems, in the pages' order. */
export function statsOfStems(pages: readonly (readonly string[])[]): TermStats {
  const df: Record<string, number> = {};
  for (const stems of pages) for (const s of stems) df[s] = (df[s] ?? 0) + 1;
  return { docs: pages.length, df };
}

function inSet(set: Set<string>, s: string): number {
  if (set.has(s)) return 1;
  if (s.length >= 4) for (const t of set) if (t.startsWith(s)) return PREFIX;
  return 0;
}

/** A phrase in the body: its stems in order, a filler word or two between them allowed. */
function phraseInBody(p: Prepared, stems: readonly string[]): number {
  let count = 0;
  for (const start of p.positions.get(stems[0]!) ?? []) {
    let at = start;
    const ok = stems.slice(1).every((s) => {
      for (let gap = 1; gap <= 3; gap++) {
        if (p.sequence[at + gap] === s) {
          at += gap;
          return true;
        }
      }
      return false;
    });
    if (ok) count++;
  }
  return count === 0 ? 0 : 1 + 0.3 * Math.min(count, 5);
}

function inContent(content: Map<string, number>, s: string): number {
  let count = content.get(s) ?? 0;
  let factor = 1;
  if (count === 0 && s.length >= 4) {
    for (const [t, c] of content) if (t.startsWith(s)) count += c;
    factor = PREFIX;
  }
  return count === 0 ? 0 : factor * (1 + 0.3 * Math.min(count, 5));
}

/**
 * How well a page holds a group: its best alternative in its best field, a little more for each other
 * field that has it too (a title and the symptoms beat the symptoms alone), and a little for the body.
 */
function groupScore(p: Prepared, group: TermGroup): { score: number; strong: boolean; stems: readonly string[] } {
  let best = 0;
  let strong = false;
  let stems: readonly string[] = [];
  for (const alt of group.alternatives) {
    let top = 0;
    let others = 0;
    for (const f of FIELDS) {
      const m = Math.min(...alt.stems.map((s) => inSet(p[f], s)));
      if (m === 0) continue;
      const w = FIELD_WEIGHT[f] * m;
      others += Math.min(w, top);
      top = Math.max(top, w);
    }
    const body =
      alt.stems.length > 1
        ? phraseInBody(p, alt.stems)
        : alt.stems.length === 1
          ? inContent(p.content, alt.stems[0]!)
          : 0;
    const score = alt.factor * (Math.max(top, body) + 0.3 * others + (top > 0 && body > 0 ? 0.5 : 0));
    if (score > best) {
      best = score;
      strong = top > 0;
      stems = alt.stems;
    }
  }
  return { score: best, strong, stems };
}

/** The longest run of the query's words (filler included) that the page's body holds in order. */
function quotedRun(p: Prepared, sequence: readonly string[]): number {
  const stems = sequence.map(stem);
  let longest = 0;
  for (let i = 0; i < stems.length; i++) {
    for (const at of p.positions.get(stems[i]!) ?? []) {
      let n = 1;
      while (i + n < stems.length && p.sequence[at + n] === stems[i + n]) n++;
      longest = Math.max(longest, n);
    }
  }
  return longest;
}

export interface RankedDoc {
  doc: SearchDoc;
  score: number;
  /** The share of the query's weight the page matches (0-1). */
  coverage: number;
  /** Share of the query's weight matched in names, title, symptoms, summary or headings. */
  strongCoverage: number;
  /** Words of the pasted line the page quotes in a row. */
  run: number;
  /** The stems that matched, for marking them in the excerpt. */
  matched: string[];
}

export interface Ranking {
  hits: RankedDoc[];
  /** Whether the first hit is a close match; when not, every hit is a guess. */
  close: boolean;
}

/** Ranks candidate pages for a planned query; pages matching nothing are left out. */
export function rankDocs(
  docs: readonly SearchDoc[],
  plan: QueryPlan,
  filters: Record<string, readonly string[]> = {},
  limit = 10,
): Ranking {
  const total = plan.groups.reduce((sum, g) => sum + g.weight, 0);
  if (total === 0) return { hits: [], close: false };
  const hits: RankedDoc[] = [];
  for (const doc of docs) {
    if (!Object.entries(filters).every(([key, values]) => values.some((v) => doc.filters[key]?.includes(v)))) continue;
    const p = prepare(doc);
    let score = 0;
    let covered = 0;
    let strongCovered = 0;
    const matched: string[] = [];
    for (const group of plan.groups) {
      const g = groupScore(p, group);
      if (g.score === 0) continue;
      score += group.weight * g.score;
      covered += group.weight;
      if (g.strong) strongCovered += group.weight;
      matched.push(...g.stems.filter((st) => !isFiller(st)));
    }
    if (covered === 0) continue;
    const coverage = covered / total;
    const run = quotedRun(p, plan.sequence);
    const runBonus = run >= 3 ? (run - 2) * 4 * (total / Math.max(1, plan.groups.length)) : 0;
    const strongCoverage = strongCovered / total;
    const final =
      (score * (0.25 + 0.75 * coverage * coverage) * (0.6 + 0.4 * strongCoverage) + runBonus) *
      (KIND_FACTOR[doc.kind] ?? 0.7);
    hits.push({ doc, score: final, coverage, strongCoverage, run, matched });
  }
  hits.sort((a, b) => b.score - a.score || a.doc.url.localeCompare(b.doc.url));
  const top = hits[0];
  return { hits: hits.slice(0, limit), close: top !== undefined && isClose(top, plan) };
}

/**
 * A close match covers most of what the query asks, much of it where a page says what it is about,
 * or quotes a good run of the pasted line. Otherwise the best pages are only guesses.
 */
export function isClose(top: RankedDoc, plan: QueryPlan): boolean {
  if (top.run >= 4) return true;
  const telling = plan.groups.filter((g) => g.kind !== 'boilerplate');
  if (telling.length === 0) return top.coverage >= 0.99;
  // Typed words the site has nowhere are what was asked about: the site has no page on it.
  if (!plan.pasted && telling.some((g) => g.unknown && g.kind === 'word' && g.text.length >= 4)) return false;
  return top.coverage >= 0.6 && top.strongCoverage >= 0.35;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * The part of a page's text around the most matched words, as text with the matches marked: built
 * from text nodes, so nothing of a page becomes markup and the spaces between words stay.
 */
export function excerptOf(content: string, matched: readonly string[], length = 180): ExcerptPart[] {
  const wanted = new Set(matched);
  // Whole words only: "node" is not marked inside KubeNodeEviction.
  const tokens = tokenize(content).filter((t, i, all) => i === 0 || all[i - 1]!.start !== t.start);
  const isMatch = (s: string) => wanted.has(s) || [...wanted].some((w) => w.length >= 4 && s.startsWith(w));
  const hits = tokens.filter((t) => isMatch(t.stem));
  // The excerpt begins a few words before its first match: the window counted is what is shown.
  const lead = 40;
  let start = 0;
  let bestCount = -1;
  for (const h of hits) {
    const inWindow = hits.filter((o) => o.start >= h.start && o.end <= h.start + length - lead);
    const count = new Set(inWindow.map((o) => o.stem)).size;
    if (count > bestCount) {
      bestCount = count;
      start = h.start;
    }
  }
  let from = Math.max(0, start - lead);
  if (from > 0) from = content.indexOf(' ', from) + 1 || from;
  let to = Math.min(content.length, from + length);
  if (to < content.length) to = content.lastIndexOf(' ', to) > from ? content.lastIndexOf(' ', to) : to;
  const parts: ExcerptPart[] = [];
  let at = from;
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (from > 0) push('… ', false);
  for (const t of tokens) {
    if (t.start < from || t.end > to || t.start < at || !isMatch(t.stem)) continue;
    push(content.slice(at, t.start), false);
    push(content.slice(t.start, t.end), true);
    at = t.end;
  }
  push(content.slice(at, to), false);
  if (to < content.length) push(' …', false);
  return parts;
}
