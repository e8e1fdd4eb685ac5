/**
 * The search benchmark's arithmetic (npm run bench:search): the query set (src/bench/search-queries.yaml)
 * with its dev and held-out halves, and from what the search UI showed for each query, hit@1, hit@3,
 * MRR over the answerable queries and how many of the questions the content cannot answer were
 * answered honestly ("no close match"). Pure; src/bench/search-ui.ts drives Chromium.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export const QUERY_KINDS = ['kubectl', 'kubelet', 'app', 'alert', 'words', 'typo', 'id', 'chinese', 'none'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
export type Split = 'dev' | 'held-out';

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  /** Runbook IDs that answer it; empty when the content has no answer. */
  expect: string[];
  split: Split;
  line: number;
}

/** What the search UI showed for a query. */
export interface Observation {
  /** Each row's runbook ID (the first ID badge), or its title when it has none. */
  rows: string[];
  /** The status said "no close match" (or nothing was found) rather than offering an answer. */
  noCloseMatch: boolean;
  ms: number;
}

/** Reads the query set; within each kind, queries alternate dev, held-out, dev, … in file order. */
export function readQuerySet(file: string, text: string): BenchQuery[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const fail = (offset: number, message: string): never => {
    const { line, col } = lines.linePos(offset);
    throw new Error(`${file}:${line}:${col} ${message}`);
  };
  if (doc.errors.length > 0) fail(doc.errors[0]!.pos[0], `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (!isSeq(doc.contents)) fail(0, 'expected a list of queries (- kind: …, q: …, expect: […])');
  const seen = new Map<string, number>();
  const queries: BenchQuery[] = [];
  for (const item of (doc.contents as { items: unknown[] }).items) {
    const offset = (item as { range?: [number] }).range?.[0] ?? 0;
    if (!isMap(item)) fail(offset, 'each query is a mapping with kind, q and expect');
    const get = (key: string) => (item as { get(k: string, keep: true): unknown }).get(key, true);
    const kind = isScalar(get('kind')) ? String((get('kind') as { value: unknown }).value) : '';
    const q = isScalar(get('q')) ? String((get('q') as { value: unknown }).value) : '';
    const expectNode = get('expect');
    if (!(QUERY_KINDS as readonly string[]).includes(kind))
      fail(offset, `kind must be one of ${QUERY_KINDS.join(', ')}`);
    if (!q.trim()) fail(offset, 'q must be the query as typed or pasted');
    if (!isSeq(expectNode)) fail(offset, 'expect must be a list of runbook IDs ([] for a question without an answer)');
    const expect = (expectNode as { items: unknown[] }).items.map((i) => String((i as { value: unknown }).value));
    if ((kind === 'none') !== (expect.length === 0)) fail(offset, 'kind none goes with expect: [] and only with it');
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    queries.push({
      kind: kind as QueryKind,
      q,
      expect,
      split: n % 2 === 0 ? 'dev' : 'held-out',
      line: lines.linePos(offset).line,
    });
  }
  return queries;
}

export interface Figures {
  answerable: number;
  hit1: number;
  hit3: number;
  mrr: number;
  noAnswer: number;
  /** No-answer questions where search said "no close match". */
  honest: number;
  /** Answerable queries whose right runbook was shown but marked as a guess. */
  answeredAsGuess: number;
  medianMs: number;
}

/** The rank (0-based) of the first row that answers the query, or -1. */
export const rankOf = (query: BenchQuery, obs: Observation) => obs.rows.findIndex((id) => query.expect.includes(id));

export function figures(queries: readonly BenchQuery[], observations: readonly Observation[]): Figures {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let answerable = 0;
  let noAnswer = 0;
  let honest = 0;
  let answeredAsGuess = 0;
  queries.forEach((query, i) => {
    const obs = observations[i]!;
    if (query.expect.length === 0) {
      noAnswer++;
      if (obs.noCloseMatch) honest++;
      return;
    }
    answerable++;
    const rank = rankOf(query, obs);
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank >= 0 && rank < 3 && obs.noCloseMatch) answeredAsGuess++;
  });
  const times = observations.map((o) => o.ms).sort((a, b) => a - b);
  return {
    answerable,
    hit1,
    hit3,
    mrr: answerable ? rr / answerable : 0,
    noAnswer,
    honest,
    answeredAsGuess,
    medianMs: times.length ? times[Math.floor(times.length / 2)]! : 0,
  };
}

/** The targets of issue #14, on the held-out half: top 3 for 93%, MRR 0.85, 80% of no-answer questions honest. */
export const SEARCH_TARGETS = { hit3: 0.93, mrr: 0.85, honest: 0.8 };

export function meetsTargets(f: Figures): boolean {
  return (
    f.hit3 / f.answerable >= SEARCH_TARGETS.hit3 &&
    f.mrr >= SEARCH_TARGETS.mrr &&
    f.honest / Math.max(1, f.noAnswer) >= SEARCH_TARGETS.honest
  );
}

/** How often the offline copy showed the same first three rows, and the same rows in the same order, as the site. */
export function agreement(a: readonly Observation[], b: readonly Observation[]): { top3: number; all: number } {
  let top3 = 0;
  let all = 0;
  a.forEach((obs, i) => {
    const other = b[i]!;
    if (obs.rows.slice(0, 3).join() === other.rows.slice(0, 3).join()) top3++;
    if (obs.rows.join() === other.rows.join() && obs.noCloseMatch === other.noCloseMatch) all++;
  });
  return { top3, all };
}

const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`;

export function figuresRow(label: string, f: Figures): string {
  return `| ${label} | ${f.answerable} | ${f.hit1} (${pct(f.hit1, f.answerable)}) | ${f.hit3} (${pct(f.hit3, f.answerable)}) | ${f.mrr.toFixed(3)} | ${f.honest} of ${f.noAnswer} (${pct(f.honest, f.noAnswer)}) | ${f.answeredAsGuess} | ${f.medianMs.toFixed(0)} ms |`;
}

export const FIGURES_HEADER = [
  '| run | answerable | hit@1 | hit@3 | MRR | no-answer questions answered honestly | right answer marked as a guess | median time |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
];
