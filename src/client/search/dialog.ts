/**
 * The search dialog. An exact ID, alias or alert name resolves first (the ID model of src/domain/ids.ts,
 * through runbooks.json), so `k8s002` puts K8S-002 at the top and Enter opens it; then full-text
 * results, searched as src/search/query.ts plans (pasted error lines, Chinese): Pagefind's on the
 * site, or the offline copy's own index where Pagefind cannot run (opened from disk).
 * This module itself loads on first use (launcher.ts), and so does either index.
 */
import { decodeEntities, escapeHtml } from '../../text/html.ts';
import type { OfflineDoc } from '../../search/offline-search.ts';
import { LAYER_INFO, SEVERITY_INFO, type Layer, type Severity } from '../../domain/vocabulary.ts';
import { containsPhrase, mergeWordResults, planSearch } from '../../search/query.ts';
import { isOfflineCopy, loadOfflineSearchIndex, resolveExactId, resolveSiteUrl, siteRootUrl } from '../site-data.ts';

interface PagefindData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface Hit {
  url: string;
  title: string;
  id?: string;
  kind: string;
  severity?: string;
  layer?: string;
  summary?: string;
  excerpt?: string;
  exact?: boolean;
}

type FilterCounts = Record<string, Record<string, number>>;

/** What the dialog needs of a full-text search, whichever one runs. */
interface SearchEngine {
  filters(): Promise<FilterCounts>;
  search(query: string, filters: Record<string, string[]>): Promise<Hit[]>;
}

const FILTERS = ['severity', 'layer', 'service', 'guide'] as const;
const MAX_RESULTS = 10;
/** How many of Pagefind's best results are checked for the query word for word. */
const PHRASE_WINDOW = 15;

export interface SearchController {
  /** Enter: search what is typed if its results are not shown yet, then open the selected result. */
  submit(): Promise<void>;
}

/** Sets up the open search dialog (once): results, filters, keyboard. */
export function setUpSearch(dialog: HTMLDialogElement): SearchController {
  const input = dialog.querySelector<HTMLInputElement>('#search-input')!;
  const list = dialog.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = dialog.querySelector<HTMLElement>('#search-status')!;
  const filterBox = dialog.querySelector<HTMLElement>('[data-search-filters]')!;
  const guides = JSON.parse(dialog.dataset['guides'] ?? '{}') as Record<string, string>;
  let hits: Hit[] = [];
  let selected = 0;
  let generation = 0;
  /** The query the current hits belong to: Enter on a newer one searches before it opens anything. */
  let hitsFor = '';

  let engine: Promise<SearchEngine> | undefined;
  const loadEngine = () => {
    engine ??= (async () => {
      let chosen: SearchEngine;
      try {
        // From disk (file://) import() is blocked: the offline copy searches its own index there.
        if (isOfflineCopy() && location.protocol === 'file:') throw new Error('no Pagefind from disk');
        chosen = await pagefindEngine(resolveSiteUrl('pagefind/pagefind.js'), siteRootUrl().pathname);
      } catch (error) {
        if (!isOfflineCopy()) throw error;
        chosen = await offlineEngine(await loadOfflineSearchIndex());
      }
      await renderFilters(chosen);
      return chosen;
    })();
    return engine;
  };

  const label = (key: string, value: string) =>
    key === 'severity'
      ? (SEVERITY_INFO[value as Severity]?.label ?? value)
      : key === 'layer'
        ? (LAYER_INFO[value as Layer]?.label ?? value)
        : key === 'guide'
          ? (guides[value] ?? value)
          : value;

  async function renderFilters(chosen: SearchEngine) {
    const available = await chosen.filters();
    filterBox.replaceChildren(
      ...FILTERS.filter((key) => available[key]).map((key) => {
        const select = document.createElement('select');
        select.dataset['filter'] = key;
        select.setAttribute('aria-label', `Filter by ${key}`);
        select.append(new Option(`Any ${key}`, ''));
        for (const value of Object.keys(available[key]!).sort()) select.append(new Option(label(key, value), value));
        select.addEventListener('change', () => void run());
        return select;
      }),
    );
  }

  const activeFilters = () => {
    const filters: Record<string, string[]> = {};
    for (const select of filterBox.querySelectorAll<HTMLSelectElement>('select')) {
      if (select.value) filters[select.dataset['filter']!] = [select.value];
    }
    return filters;
  };

  async function run() {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      hits = [];
      hitsFor = '';
      render('');
      return;
    }
    status.textContent = 'Searching…';
    const filters = activeFilters();
    let chosen: SearchEngine;
    let exact: Awaited<ReturnType<typeof resolveExactId>>;
    try {
      [chosen, exact] = await Promise.all([
        loadEngine(),
        resolveExactId(query, dialog!.dataset['manifest']!).catch(() => undefined),
      ]);
    } catch {
      status.textContent = 'Search could not load. The ID box on the home page and the listings still work.';
      return;
    }
    const found: Hit[] = [];
    if (
      exact &&
      Object.entries(filters).every(
        ([k, v]) => k === 'guide' || v.includes(String((exact as unknown as Record<string, string>)[k])),
      )
    ) {
      found.push({
        url: resolveSiteUrl(exact.url),
        title: exact.title,
        id: exact.id,
        kind: 'runbook',
        severity: exact.severity,
        layer: exact.layer,
        summary: exact.summary,
        exact: true,
      });
    }
    for (const hit of await chosen.search(query, filters)) {
      if (!found.some((h) => h.id !== undefined && h.id === hit.id)) found.push(hit);
    }
    if (mine !== generation) return; // a newer query is on its way
    hits = found.slice(0, MAX_RESULTS);
    hitsFor = query;
    list.dataset['query'] = query;
    selected = 0;
    render(query);
  }

  function render(query: string) {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = document.createElement('li');
        item.className = 'search-hit';
        item.id = `search-hit-${i}`;
        item.setAttribute('aria-selected', String(i === selected));
        const link = document.createElement('a');
        link.href = hit.url + location.search;
        const badges = document.createElement('span');
        badges.className = 'badges';
        const badge = (text: string, className: string) => {
          const b = document.createElement('span');
          b.className = `badge ${className}`;
          b.textContent = text;
          badges.append(b);
        };
        if (hit.id) badge(hit.id, 'badge--id');
        else badge(hit.kind === 'tree' ? 'Decision tree' : hit.kind === 'guide' ? 'Guide' : 'Page', '');
        if (hit.exact) badge('Exact ID', 'badge--exact');
        if (hit.severity) badge(label('severity', hit.severity), `badge--${hit.severity}`);
        if (hit.layer) badge(label('layer', hit.layer), '');
        const title = document.createElement('span');
        title.className = 'search-hit__title';
        title.textContent = hit.title;
        link.append(badges, title);
        if (hit.summary)
          link.append(
            Object.assign(document.createElement('span'), {
              className: 'search-hit__summary',
              textContent: hit.summary,
            }),
          );
        if (hit.excerpt) link.append(excerptElement(hit.excerpt));
        item.append(link);
        return item;
      }),
    );
    status.textContent = !query
      ? ''
      : hits.length === 0
        ? `Nothing found for “${query}”. Try fewer words, or the triage tree.`
        : `${hits.length} result${hits.length === 1 ? '' : 's'}${hits[0]?.exact ? '; Enter opens the exact match' : '; Enter opens the first'}`;
  }

  const move = (delta: number) => {
    if (hits.length === 0) return;
    selected = (selected + delta + hits.length) % hits.length;
    for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === selected));
    list.children[selected]?.scrollIntoView({ block: 'nearest' });
  };

  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    }
  });
  void loadEngine().catch(() => undefined);
  // Whatever was typed while this module loaded is searched now.
  if (input.value.trim()) void run();
  return {
    async submit() {
      window.clearTimeout(timer);
      if (input.value.trim() !== hitsFor) await run();
      const hit = hits[selected];
      if (hit) location.assign(hit.url + location.search);
    },
  };
}

/** Pagefind, loaded from the site (or from the offline copy's launcher) on first use. */
async function pagefindEngine(scriptUrl: string, base: string): Promise<SearchEngine> {
  const module = (await import(/* @vite-ignore */ scriptUrl)) as Pagefind;
  await module.options({ baseUrl: base, excerptLength: 24 });
  await module.init();
  return {
    filters: () => module.filters(),
    async search(query, filters) {
      const plan = planSearch(query);
      let results = (await module.search(plan.all, { filters }))?.results ?? [];
      if (results.length < 3 && plan.each.length > 0) {
        // Too little matches every word of a pasted line: rank by how many of its words a page matches.
        const byId = new Map(results.map((r) => [r.id, r]));
        const lists = await Promise.all(
          plan.each.map(async (word) => (await module.search(word, { filters }))?.results ?? []),
        );
        for (const r of lists.flat()) if (!byId.has(r.id)) byId.set(r.id, r);
        const merged = mergeWordResults(lists.map((l) => l.map((r) => r.id)));
        const order = [
          ...results.map((r) => r.id),
          ...merged.map((m) => m.id).filter((id) => !results.some((w) => w.id === id)),
        ];
        results = order.map((id) => byId.get(id)!);
      }
      const top = await Promise.all(results.slice(0, PHRASE_WINDOW).map((r) => r.data()));
      // A page that holds the pasted line word for word is the one that quotes it: move it to the front.
      const ordered = [
        ...top.filter((d) => containsPhrase(d.content, query)),
        ...top.filter((d) => !containsPhrase(d.content, query)),
      ];
      return ordered.map((data) => ({
        url: data.url,
        title: data.meta['title'] ?? data.url,
        kind: data.meta['kind'] ?? 'page',
        excerpt: data.excerpt,
        ...(data.meta['id'] ? { id: data.meta['id'] } : {}),
        ...(data.meta['severity'] ? { severity: data.meta['severity'] } : {}),
        ...(data.meta['layer'] ? { layer: data.meta['layer'] } : {}),
        ...(data.meta['summary'] ? { summary: data.meta['summary'] } : {}),
      }));
    },
  };
}

/** The offline copy's own index, for when it is opened from disk. */
async function offlineEngine(docs: OfflineDoc[]): Promise<SearchEngine> {
  const { searchOffline } = await import('../../search/offline-search.ts');
  return {
    async filters() {
      const counts: FilterCounts = {};
      for (const doc of docs) {
        for (const [key, values] of Object.entries(doc.filters)) {
          for (const value of values) (counts[key] ??= {})[value] = (counts[key]?.[value] ?? 0) + 1;
        }
      }
      return counts;
    },
    async search(query, filters) {
      return searchOffline(docs, query, filters, MAX_RESULTS).map(({ doc, excerpt }) => ({
        url: resolveSiteUrl(doc.url),
        title: doc.title,
        kind: doc.kind,
        excerpt: escapeHtml(excerpt),
        ...(doc.id ? { id: doc.id } : {}),
        ...(doc.severity ? { severity: doc.severity } : {}),
        ...(doc.layer ? { layer: doc.layer } : {}),
        ...(doc.summary ? { summary: doc.summary } : {}),
      }));
    },
  };
}

/** Pagefind's excerpt marks matches with <mark>; rebuild it from text so nothing else becomes markup. */
function excerptElement(excerpt: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'search-hit__excerpt';
  for (const [i, part] of excerpt.split(/<\/?mark>/).entries()) {
    if (i % 2 === 1)
      element.append(Object.assign(document.createElement('mark'), { textContent: decodeEntities(part) }));
    else element.append(decodeEntities(part));
  }
  return element;
}
