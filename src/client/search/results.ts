/**
 * Search results as the dialog, the home page's box and the alert pages show them: a row per hit with
 * its ID, service, severity and layer badges, title, summary and an excerpt with the matched words
 * marked. When nothing is a close match the status says so, every row is marked as a guess, and the
 * way on is offered (the triage tree, the runbooks by layer); Enter then opens nothing on its own.
 * Everything is built from text nodes: nothing of a page or a query becomes markup.
 */
import { routes } from '../../domain/routes.ts';
import { LAYER_INFO, SEVERITY_INFO, type Layer, type Severity } from '../../domain/vocabulary.ts';
import { carriedSearch, resolveSiteUrl } from '../site-data.ts';
import type { Hit, SearchResult } from './engine.ts';
import { el } from '../dom.ts';

export const severityLabel = (value: string) => SEVERITY_INFO[value as Severity]?.label ?? value;
export const layerLabel = (value: string) => LAYER_INFO[value as Layer]?.label ?? value;

function hitRow(hit: Hit, index: number, selected: boolean, guess: boolean, keep: string): HTMLLIElement {
  const item = el('li', 'search-hit');
  item.id = `search-hit-${index}`;
  item.setAttribute('aria-selected', String(selected));
  if (guess) item.dataset['guess'] = '';
  const link = el('a');
  link.href = hit.url + keep;
  const badges = el('span', 'badges');
  const badge = (text: string, className = '') => badges.append(el('span', `badge ${className}`.trim(), text));
  const runbooks = hit.alert && hit.alert.lands !== 'runbook' ? hit.alert.runbooks : [];
  if (hit.id) badge(hit.id, 'badge--id');
  else if (hit.alert) for (const r of runbooks) badge(r.id, 'badge--id');
  else badge(hit.kind === 'tree' ? 'Decision tree' : hit.kind === 'guide' ? 'Guide' : 'Page');
  // An alert that lands on one runbook is that runbook's row: it says which alert brought it.
  if (hit.alert && hit.alert.lands === 'runbook') badge(`Alert ${hit.alert.name}`, 'badge--alert');
  if (hit.alert && hit.alert.lands === 'alert-page') badge('No runbook yet');
  if (hit.exact) badge(hit.alert ? 'Exact alert' : 'Exact ID', 'badge--exact');
  if (guess) badge('Guess', 'badge--guess');
  if (hit.service) badge(hit.service, 'badge--service');
  if (hit.severity) badge(severityLabel(hit.severity), `badge--${hit.severity}`);
  if (hit.layer) badge(layerLabel(hit.layer));
  link.append(badges, el('span', 'search-hit__title', hit.title));
  if (hit.summary) link.append(el('span', 'search-hit__summary', hit.summary));
  else if (runbooks.length > 1)
    link.append(el('span', 'search-hit__summary', `${runbooks.length} runbooks side by side: pick by where it fired.`));
  if (hit.excerpt && hit.excerpt.length > 0) {
    const excerpt = el('span', 'search-hit__excerpt');
    for (const part of hit.excerpt)
      excerpt.append(part.mark ? el('mark', '', part.text) : document.createTextNode(part.text));
    link.append(excerpt);
  }
  item.append(link);
  return item;
}

/** The way on when search has no answer: the triage tree and the runbooks by layer, as links. */
function wayOn(): HTMLElement {
  const span = el('span', 'search__way-on');
  const triage = el('a', '', 'Walk the incident triage');
  triage.href = resolveSiteUrl(routes.triage());
  const layers = el('a', '', 'browse the runbooks by layer');
  layers.href = resolveSiteUrl(routes.layers());
  span.append(triage, ' or ', layers, '.');
  return span;
}

export interface ResultsView {
  list: HTMLElement;
  status: HTMLElement;
}

/** Renders a result; `selected` is the row the keyboard is on. */
export function renderResults(view: ResultsView, query: string, result: SearchResult | undefined, selected = 0): void {
  const { list, status } = view;
  const keep = carriedSearch();
  const guess = result !== undefined && !result.close;
  list.replaceChildren(...(result?.hits ?? []).map((hit, i) => hitRow(hit, i, i === selected, guess, keep)));
  list.dataset['query'] = query;
  list.dataset['close'] = String(Boolean(result?.close));
  if (!query || !result) {
    status.textContent = '';
    return;
  }
  const hits = result.hits.length;
  status.dataset['state'] = hits === 0 ? 'none' : result.close ? 'close' : 'no-close-match';
  if (hits === 0) status.textContent = `Nothing found for “${query}”.`;
  else if (!result.close)
    status.textContent = `No close match for “${query}”. ${hits === 1 ? 'This is a guess' : 'These are guesses'}, not answers: check before acting on one.`;
  else
    status.textContent = `${hits} result${hits === 1 ? '' : 's'}${result.hits[0]?.exact ? '; Enter opens the exact match' : '; Enter opens the first'}`;
  if (hits === 0 || !result.close) status.append(' ', wayOn());
}

/** Moves the keyboard's selection and marks it. */
export function markSelected(list: HTMLElement, selected: number): void {
  for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === selected));
  list.children[selected]?.scrollIntoView({ block: 'nearest' });
}
