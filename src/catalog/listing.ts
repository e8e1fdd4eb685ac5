/**
 * Pure views over the set of runbooks: ordering, grouping and the manifest that alert tooling reads.
 * Pages stay thin by asking these for what to list.
 */
import { LAYERS, SEVERITIES, type Layer, type Runbook, type Severity } from '../schemas/runbook.ts';

export interface ListedRunbook {
  id: string;
  aliases: readonly string[];
  title: string;
  summary: string;
  severity: Severity;
  layer: Layer;
  service: string;
  url: string;
  symptoms: readonly string[];
}

/** One row of runbooks.json: the contract with alert tooling, so its fields only ever grow. */
export type ManifestEntry = ListedRunbook;

export function toListed(runbook: Runbook, url: string): ListedRunbook {
  const { id, aliases, title, summary, severity, layer, service, symptoms } = runbook;
  return { id, aliases, title, summary, severity, layer, service, url, symptoms };
}

/** Most urgent first, then by ID with numbers in numeric order (K8S-2 before K8S-10). */
export function byUrgency(a: ListedRunbook, b: ListedRunbook): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.id.localeCompare(b.id, 'en', { numeric: true })
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

export const groupBySeverity = (runbooks: readonly ListedRunbook[]) =>
  groupBy(runbooks, SEVERITIES, (r) => r.severity);

export const groupByLayer = (runbooks: readonly ListedRunbook[]) =>
  groupBy(runbooks, LAYERS, (r) => r.layer);

export function servicesOf(runbooks: readonly ListedRunbook[]): string[] {
  return [...new Set(runbooks.map((r) => r.service))].sort();
}

export function toManifest(runbooks: readonly ListedRunbook[]): ManifestEntry[] {
  return [...runbooks]
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map(({ id, aliases, title, summary, severity, layer, service, url, symptoms }) => ({
      id,
      aliases,
      title,
      summary,
      severity,
      layer,
      service,
      url,
      symptoms,
    }));
}
