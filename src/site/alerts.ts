/**
 * The site's access to the alert data (content/alerts/, through the content collections): every
 * upstream alert with where it lands and its runbooks, and which alert label fills which variable of
 * a runbook page. Mapped runbooks are checked again here as a backstop for anyone running `astro
 * build` directly (`npm run build` checks everything first, with line numbers). A content folder
 * without alerts/ has no alerts, which is fine.
 */
import { getCollection } from 'astro:content';
import { alertEntries, labelVariablesFor, type AlertEntry } from '../catalog/alerts.ts';
import type { AlertSource } from '../schemas/alerts.ts';
import { href } from './href.ts';
import { loadRunbooks, type SiteRunbook } from './runbooks.ts';

export interface SiteAlerts {
  sources: AlertSource[];
  entries: AlertEntry[];
}

let loaded: Promise<SiteAlerts> | undefined;

export function loadAlerts(): Promise<SiteAlerts> {
  loaded ??= (async () => {
    const [lists, mappings, runbooks] = await Promise.all([
      getCollection('alertLists'),
      getCollection('alertMappings'),
      loadRunbooks(),
    ]);
    const entries = alertEntries(
      lists.flatMap((l) => l.data.alerts),
      mappings[0]?.data ?? { alerts: {} },
      href,
    );
    const ids = new Set(runbooks.map((r) => r.id));
    const unknown = entries.flatMap((e) => e.runbooks.filter((r) => !ids.has(r.id)).map((r) => `${e.name} -> ${r.id}`));
    if (unknown.length > 0) throw new Error(`alerts mapped onto runbooks that do not exist: ${unknown.join(', ')}`);
    return { sources: lists.map((l) => l.data.source), entries };
  })();
  return loaded;
}

/** The alerts that land on a runbook (alone or side by side), for its page and its search keywords. */
export async function alertsOf(runbook: Pick<SiteRunbook, 'id'>): Promise<AlertEntry[]> {
  return (await loadAlerts()).entries.filter((e) => e.runbooks.some((r) => r.id === runbook.id));
}

export async function labelVariablesOf(runbook: Pick<SiteRunbook, 'id'>): Promise<Record<string, string>> {
  return labelVariablesFor(runbook.id, (await loadAlerts()).entries);
}
