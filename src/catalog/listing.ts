/**
 * Pure views over the set of runbooks: what a listing carries of a runbook, ordering, grouping and the
 * manifest that alert tooling reads. Pages stay thin by asking these for what to list. Browser-safe.
 */
import { KINDS, LAYERS, SEVERITIES } from '../domain/vocabulary.ts';
import type { Runbook } from '../schemas/runbook.ts';

/** What listings, runbooks.json and alert tooling carry of a runbook, in the manifest's order. */
export const LISTED_FIELDS = [
  'id',
  'aliases',
  'title',
  'summary',
  'severity',
  'layer',
  'service',
  'url',
  'symptoms',
  'kind',
] as const;

export type ListedRunbook = Pick<Runbook, Exclude<(typeof LISTED_FIELDS)[number], 'url'>> & { url: string };

/** One row of runbooks.json: the contract with alert tooling, so its fields only ever grow. */
export type ManifestEntry = ListedRunbook;

/** What search shows of a runbook for an exact ID (an alert-link page carries it): no aliases, no symptoms. */
export const SUMMARY_FIELDS = ['id', 'title', 'url', 'severity', 'layer', 'service', 'summary'] as const;

export type RunbookSummary = Pick<ListedRunbook, (typeof SUMMARY_FIELDS)[number]>;

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;
}

export const toListed = (runbook: Runbook, url: string): ListedRunbook => pick({ ...runbook, url }, LISTED_FIELDS);

export const summaryOf = (runbook: RunbookSummary): RunbookSummary => pick(runbook, SUMMARY_FIELDS);

/** Most urgent first, then by ID with numbers in numeric order (K8S-2 before K8S-10). */
export function byUrgency(a: ListedRunbook, b: ListedRunbook): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id.localeCompare(b.id, 'en', { numeric: true })
  );
}

export interface Group<K extends string> {
  key: K;
  runbooks: ListedRunbook[];
}

/** Groups in the given order, each sorted by urgency; empty groups are kept so pages can say "none". */
export function groupBy<K extends string>(
  runbooks: readonly ListedRunbook[],
  keys: readonly K[],
  keyOf: (r: ListedRunbook) => K,
): Group<K>[] {
  return keys.map((key) => ({
    key,
    runbooks: runbooks.filter((r) => keyOf(r) === key).sort(byUrgency),
  }));
}

export const groupBySeverity = (runbooks: readonly ListedRunbook[]) => groupBy(runbooks, SEVERITIES, (r) => r.severity);

export const groupByKind = (runbooks: readonly ListedRunbook[]) => groupBy(runbooks, KINDS, (r) => r.kind);

/**
 * The home page's order: incidents by severity (empty severities left out), then the prevention and
 * reference pages by kind, so a list scanned under stress never opens with an article.
 */
export function incidentsFirst(runbooks: readonly ListedRunbook[]) {
  return {
    incidents: groupBySeverity(runbooks.filter((r) => r.kind === 'incident')).filter((g) => g.runbooks.length > 0),
    others: groupByKind(runbooks.filter((r) => r.kind !== 'incident')).filter((g) => g.runbooks.length > 0),
  };
}

export const groupByLayer = (runbooks: readonly ListedRunbook[]) => groupBy(runbooks, LAYERS, (r) => r.layer);

export function servicesOf(runbooks: readonly ListedRunbook[]): string[] {
  return [...new Set(runbooks.map((r) => r.service))].sort();
}

export function toManifest(runbooks: readonly ListedRunbook[]): ManifestEntry[] {
  return [...runbooks]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((runbook) => pick(runbook, LISTED_FIELDS));
}
