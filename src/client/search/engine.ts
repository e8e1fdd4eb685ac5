/**
 * Search as the dialog, the home page's box and the alert pages use it: one pipeline online and from
 * disk. An exact ID, alias or alert name (any spelling, zero padding optional) is resolved first;
 * then the query is planned (src/search/query.ts) and ranked (src/search/rank.ts) over Pagefind's
 * records of the pages, with the same word statistics. On the site Pagefind finds the candidate pages
 * (each word and synonym searched on its own, the union ranked); from disk (file://, where Pagefind
 * cannot run) every page of the offline index is a candidate. Loaded on first use.
 */
import { alertLinkSummary, type AlertEntry } from '../../catalog/alerts.ts';
import type { ManifestEntry, RunbookSummary } from '../../catalog/listing.ts';
import { summaryOf } from '../../catalog/listing.ts';
import { isAlertSummary, readRedirectSummary, type RedirectSummary } from '../../catalog/redirect-pages.ts';
import { idKeyTable, lookUpIdKey } from '../../domain/ids.ts';
import { routes } from '../../domain/routes.ts';
import { planQuery, type QueryPlan, type TermStats } from '../../search/query.ts';
import { excerptOf, rankDocs, type ExcerptPart, type SearchDoc } from '../../search/rank.ts';
import { excerptText, searchDocOf, type PagefindRecord } from '../../search/records.ts';
import {
  isOfflineCopy,
  loadAlerts,
  loadClassicScript,
  loadManifest,
  loadOfflineSearchIndex,
  resolveSiteUrl,
  siteRootUrl,
} from '../site-data.ts';

declare global {
  interface Window {
    __RUNBOOKS_SEARCH_TERMS__?: TermStats;
  }
}

/** A result row: the page's own fields of its search record, and what the row shows of the match. */
export interface Hit extends Pick<
  SearchDoc,
  'url' | 'title' | 'kind' | 'id' | 'severity' | 'layer' | 'service' | 'summary'
> {
  excerpt?: ExcerptPart[];
  /** An ID, alias or alert name the query names exactly. */
  exact?: boolean;
  /** Set when the hit is an alert: where it lands and the runbooks it lands on. */
  alert?: { name: string; lands: string; runbooks: RunbookSummary[] };
}

export interface SearchResult {
  hits: Hit[];
  /** The first hit answers the query (exact, or a close match); otherwise every hit is a guess. */
  close: boolean;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchEngine {
  filters(): Promise<FilterCounts>;
  search(query: string, filters?: Record<string, string[]>): Promise<SearchResult>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<FilterCounts>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindRecord & { filters: Record<string, string[]> }>;
}

const MAX_RESULTS = 10;
/** How many of Pagefind's results for each word become candidates: rare words find few pages anyway. */
const CANDIDATES_PER_TERM = 30;

/** How pages are found and the exact names resolved, online or from disk. */
interface Backend {
  stats: TermStats;
  filters(): Promise<FilterCounts>;
  candidates(plan: QueryPlan, filters: Record<string, string[]>): Promise<SearchDoc[]>;
  exact(query: string): Promise<RedirectSummary | undefined>;
}

let engine: Promise<SearchEngine> | undefined;

/** The search engine of this page: Pagefind's on the site (or the launcher's), the offline index from disk. */
export function loadEngine(manifestUrl: string): Promise<SearchEngine> {
  engine ??= (async () => {
    let backend: Backend;
    try {
      // From disk (file://) import() is blocked: the offline copy searches its own index there.
      if (isOfflineCopy() && location.protocol === 'file:') throw new Error('no Pagefind from disk');
      backend = await pagefindBackend(resolveSiteUrl('pagefind/pagefind.js'), siteRootUrl().pathname);
    } catch (error) {
      if (!isOfflineCopy()) throw error;
      backend = await offlineBackend(manifestUrl);
    }
    return { filters: () => backend.filters(), search: (q, f = {}) => search(backend, q, f) };
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

async function search(backend: Backend, query: string, filters: Record<string, string[]>): Promise<SearchResult> {
  const plan = planQuery(query, backend.stats);
  const [exact, docs] = await Promise.all([
    backend.exact(query).catch(() => undefined),
    backend.candidates(plan, filters),
  ]);
  const ranking = rankDocs(docs, plan, filters, MAX_RESULTS);
  const hits: Hit[] = [];
  const exactHit = exact && matchesFilters(exact, filters) ? exactToHit(exact) : undefined;
  if (exactHit) hits.push(exactHit);
  for (const r of ranking.hits) {
    if (exactHit?.id && r.doc.id === exactHit.id) continue;
    hits.push({
      url: resolveSiteUrl(r.doc.url),
      title: r.doc.title,
      kind: r.doc.kind,
      excerpt: excerptOf(excerptText(r.doc), r.matched),
      ...pick(r.doc, ['id', 'severity', 'layer', 'service', 'summary']),
    });
  }
  return { hits: hits.slice(0, MAX_RESULTS), close: Boolean(exactHit) || ranking.close };
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}

function matchesFilters(exact: RedirectSummary, filters: Record<string, string[]>): boolean {
  const runbooks = isAlertSummary(exact) ? exact.runbooks : [exact];
  return Object.entries(filters).every(
    ([key, values]) =>
      key === 'guide' || runbooks.some((r) => values.includes(String((r as unknown as Record<string, string>)[key]))),
  );
}

function exactToHit(exact: RedirectSummary): Hit {
  if (!isAlertSummary(exact)) {
    return { ...summaryOf(exact), url: resolveSiteUrl(exact.url), kind: 'runbook', exact: true };
  }
  const only = exact.lands === 'runbook' ? exact.runbooks[0] : undefined;
  const alert = { name: exact.alert, lands: exact.lands, runbooks: exact.runbooks };
  if (only) return { ...summaryOf(only), url: resolveSiteUrl(only.url), kind: 'runbook', exact: true, alert };
  return { url: resolveSiteUrl(exact.url), title: `${exact.alert}: ${exact.title}`, kind: 'alert', exact: true, alert };
}

/** The words Pagefind is asked for: every alternative of every group (a phrase as its words together). */
function searchTerms(plan: QueryPlan): string[] {
  return [...new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.stems.join(' '))))].filter(Boolean);
}

async function pagefindBackend(scriptUrl: string, base: string): Promise<Backend> {
  const module = (await import(/* @vite-ignore */ scriptUrl)) as Pagefind;
  await module.options({ baseUrl: base });
  const [, stats, keys, parts] = await Promise.all([
    module.init(),
    fetchJson<TermStats>(resolveSiteUrl(routes.searchTerms())),
    fetchJson<Record<string, string>>(resolveSiteUrl(routes.idKeys())).catch(() => ({}) as Record<string, string>),
    // A large site's index comes in parts (src/search/index-parts.ts), searched as one.
    fetchJson<string[]>(resolveSiteUrl(routes.searchIndexParts())).catch(() => [] as string[]),
  ]);
  await Promise.all(parts.map((folder) => module.mergeIndex(resolveSiteUrl(`pagefind/${folder}`), { baseUrl: base })));
  const records = new Map<string, Promise<SearchDoc>>();
  return {
    stats,
    filters: () => module.filters(),
    async candidates(plan, filters) {
      const lists = await Promise.all(
        searchTerms(plan).map(async (term) => (await module.search(term, { filters }))?.results ?? []),
      );
      const results = new Map<string, PagefindResult>();
      for (const list of lists) for (const r of list.slice(0, CANDIDATES_PER_TERM)) results.set(r.id, r);
      return Promise.all(
        [...results.values()].map((r) => {
          let doc = records.get(r.id);
          if (!doc) {
            doc = r.data().then((data) => searchDocOf(data));
            records.set(r.id, doc);
          }
          return doc;
        }),
      );
    },
    async exact(query) {
      // Only a name the site has is asked for: typing never requests /<query>/ and logs a 404.
      const page = lookUpIdKey(query, keys);
      if (!page) return undefined;
      const response = await fetch(resolveSiteUrl(`${page}/`));
      return response.ok ? readRedirectSummary(await response.text()) : undefined;
    },
  };
}

async function offlineBackend(manifestUrl: string): Promise<Backend> {
  const [docs, manifest, alerts] = await Promise.all([
    loadOfflineSearchIndex(),
    loadManifest(manifestUrl),
    loadAlerts(resolveSiteUrl(routes.alertManifest())).catch(() => [] as AlertEntry[]),
    loadClassicScript('offline/search-terms.js'),
  ]);
  const stats = window.__RUNBOOKS_SEARCH_TERMS__ ?? { docs: 0, df: {} };
  const byPage = namePages(manifest, alerts);
  const keys = idKeyTable([...manifest.flatMap((m) => [m.id, ...m.aliases]), ...alerts.map((a) => a.name)]);
  return {
    stats,
    async filters() {
      const counts: FilterCounts = {};
      for (const doc of docs) {
        for (const [key, values] of Object.entries(doc.filters)) {
          for (const value of values) (counts[key] ??= {})[value] = (counts[key]?.[value] ?? 0) + 1;
        }
      }
      return counts;
    },
    candidates: async () => docs,
    async exact(query) {
      const page = lookUpIdKey(query, keys);
      return page ? byPage.get(page) : undefined;
    },
  };
}

/** What each forwarding page would say, from the manifest and the alert list (the offline copy has no fetch()). */
function namePages(manifest: readonly ManifestEntry[], alerts: readonly AlertEntry[]): Map<string, RedirectSummary> {
  const folder = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const pages = new Map<string, RedirectSummary>();
  const byId = new Map(manifest.map((m) => [m.id, summaryOf(m)]));
  for (const m of manifest) for (const name of [m.id, ...m.aliases]) pages.set(folder(name), summaryOf(m));
  for (const a of alerts) pages.set(folder(a.name), alertLinkSummary(a, byId));
  return pages;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
