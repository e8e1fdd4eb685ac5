/**
 * Where every upstream alert lands, from the alert list (content/alerts/<source>.yaml) and the reviewed
 * mapping (content/alerts/runbooks.yaml). An alert that one runbook covers lands on that runbook;
 * one that several cover lands on its alert page, which sets them side by side with a line each on when
 * to pick which; one that no runbook covers yet lands on its alert page too, which says so and offers
 * what there is. Never a 404.
 *
 * Alert links arrive in two shapes, both kept with their query and hash: /<AlertName> in any case (like
 * an ID), and kube-prometheus's own path with only the host swapped: /runbooks/<component>/<alertname>.
 * Browser-safe: the 404 page and search resolve alert names with it.
 */
import { idKey, type IdTarget } from '../domain/ids.ts';
import { routes } from '../domain/routes.ts';
import type { AlertDefinition, AlertMapping } from '../schemas/alerts.ts';
import type { RunbookSummary } from './listing.ts';

export type Landing = 'runbook' | 'compare' | 'alert-page';

export interface AlertRunbook {
  id: string;
  /** When to pick this one, where the alert has several. */
  when?: string;
  /** Alert label -> variable key on this runbook (the alert's labels and this runbook's own). */
  labels: Record<string, string>;
}

/** One row of alerts.json: an alert and where its links land. */
export interface AlertEntry {
  name: string;
  group: string;
  component: string;
  severities: string[];
  summary: string;
  description: string;
  labels: string[];
  lands: Landing;
  /** Where its links land: the runbook's canonical URL, or the alert's own page. */
  url: string;
  /** The alert's own page (alerts/<name in lower case>/), whatever it lands on. */
  page: string;
  runbooks: AlertRunbook[];
  /** Its runbook_url upstream (kube-prometheus's own runbook), if it has one. */
  upstreamUrl?: string;
}

/** Joins the list of alerts with the reviewed mapping. `href` makes site paths into the site's URLs. */
export function alertEntries(
  alerts: readonly AlertDefinition[],
  mapping: AlertMapping,
  href: (sitePath: string) => string,
): AlertEntry[] {
  return alerts.map((alert) => {
    const mapped = mapping.alerts[alert.name];
    const runbooks: AlertRunbook[] = (mapped?.runbooks ?? []).map((r) => ({
      id: r.id,
      ...(r.when ? { when: r.when } : {}),
      labels: { ...mapped!.labels, ...r.labels },
    }));
    const lands: Landing = runbooks.length === 1 ? 'runbook' : runbooks.length > 1 ? 'compare' : 'alert-page';
    const page = href(routes.alert(alert.name));
    return {
      name: alert.name,
      group: alert.group,
      component: alert.component,
      severities: alert.severities,
      summary: alert.summary,
      description: alert.description,
      labels: alert.labels,
      lands,
      url: lands === 'runbook' ? href(routes.runbook(runbooks[0]!.id)) : page,
      page,
      runbooks,
      ...(alert.runbookUrl ? { upstreamUrl: alert.runbookUrl } : {}),
    };
  });
}

/** What search and the 404 page learn of an alert link from its forwarding page (or alerts.json). */
export interface AlertLinkSummary {
  alert: string;
  /** The alert's summary line. */
  title: string;
  url: string;
  lands: Landing;
  /** The runbooks it lands on, in the mapping's order (none for an alert page of its own). */
  runbooks: RunbookSummary[];
}

export function alertLinkSummary(
  entry: AlertEntry,
  runbooksById: ReadonlyMap<string, RunbookSummary>,
): AlertLinkSummary {
  return {
    alert: entry.name,
    title: entry.summary || entry.description,
    url: entry.url,
    lands: entry.lands,
    runbooks: entry.runbooks.flatMap((r) => runbooksById.get(r.id) ?? []),
  };
}

/** An alert as the ID model sees it: its name is what a link or a search spells. */
export const alertIdTarget = (entry: AlertEntry): IdTarget & { title: string } => ({
  id: entry.name,
  aliases: [],
  url: entry.url,
  title: entry.summary || entry.description,
});

/** The alert named by a path's last segment or a query, in any case, or undefined. */
export function findAlert<T extends Pick<AlertEntry, 'name'>>(name: string, entries: readonly T[]): T | undefined {
  const key = idKey(name);
  return key ? entries.find((e) => idKey(e.name) === key) : undefined;
}

/**
 * For a runbook page: which alert label fills which of its variables, from every alert landing on it,
 * where the label's name differs from the variable's (?pod= already fills <pod-name>).
 */
export function labelVariablesFor(
  runbookId: string,
  entries: readonly { runbooks: readonly Pick<AlertRunbook, 'id' | 'labels'>[] }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    for (const runbook of entry.runbooks) {
      if (runbook.id !== runbookId) continue;
      for (const [label, variable] of Object.entries(runbook.labels)) if (label !== variable) out[label] = variable;
    }
  }
  return out;
}

/** Pieces of an upstream annotation for display: text, and {{ $labels.x }} / {{ $value }} as names. */
export type TemplatePart = { text: string } | { label: string } | { value: true };

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    const inner = m[1]!;
    const label = /(?:\$labels|\.Labels)\.([A-Za-z_][A-Za-z0-9_]*)/.exec(inner);
    if (label) parts.push({ label: label[1]! });
    else if (/\$value|\.Value/.test(inner)) parts.push({ value: true });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The annotation as plain text: "Pod <namespace>/<pod> is crash looping". */
export const templateText = (template: string) =>
  templateParts(template)
    .map((p) => ('text' in p ? p.text : 'label' in p ? `<${p.label}>` : 'N'))
    .join('');
