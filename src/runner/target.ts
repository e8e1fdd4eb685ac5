/**
 * What `runbook run` was asked to run: an ID in any spelling, an alias or alert name, or an alert's
 * runbook_url (https://runbooks.example.com/POD001?namespace=prod&pod=x, or kube-prometheus's
 * /runbooks/kubernetes/kubepodcrashlooping), which names the runbook by its last path segment and
 * brings values in its query. The same ID model as the site's links (src/domain/ids.ts), and the same
 * alert mapping (src/catalog/alerts.ts): an upstream alert that one runbook covers runs that runbook,
 * its labels filling the variables the mapping names (as on the runbook's page, whichever way it was
 * reached); one that several cover, or none, is refused
 * with where to go instead.
 */
import { findAlert, labelVariablesFor } from '../catalog/alerts.ts';
import { idFromPath, lookUpId } from '../domain/ids.ts';
import { valuesFromQuery, variableKey } from '../domain/placeholders.ts';
import type { CatalogueAlert, RunbookEntry } from '../schemas/command-catalogue.ts';

export interface Target {
  runbook: RunbookEntry;
  /** Values from an alert URL's query, by variable key, as given (not yet prepared). */
  urlValues: Map<string, string>;
  /** Query parameters of an alert URL that name no variable of the runbook. */
  unmatched: string[];
  /** The upstream alert named, when the runbook was reached by an alert's name. */
  alert?: string;
}

export class TargetError extends Error {}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

export function variableKeysOf(runbook: RunbookEntry): Set<string> {
  return new Set(runbook.steps.flatMap((s) => s.placeholders.map((p) => p.key)));
}

/** The alert's labels under the variable names its mapping gives them on this runbook (pod -> pod-name). */
function renameLabels(query: string, labels: Readonly<Record<string, string>>): string {
  const params = new URLSearchParams(query);
  const renamed = new URLSearchParams();
  for (const [name, value] of params) renamed.append(labels[name] ?? name, value);
  return renamed.toString();
}

function alertRefusal(alert: CatalogueAlert): TargetError {
  const page = ` Its page: ${alert.page}`;
  if (alert.lands === 'compare')
    return new TargetError(
      [
        `${alert.name} is covered by ${alert.runbooks.length} runbooks: pick one and run it by its ID:`,
        ...alert.runbooks.map((r) => `  ${r.id}${r.when ? `: ${r.when}` : ''}`),
        page.trim(),
      ].join('\n'),
    );
  return new TargetError(
    `no runbook for the alert ${alert.name} yet${alert.summary ? ` (${alert.summary})` : ''}: start from the triage tree.${page}`,
  );
}

export function resolveTarget(
  input: string,
  runbooks: readonly RunbookEntry[],
  alerts: readonly CatalogueAlert[] = [],
): Target {
  let spelling = input;
  let query = '';
  if (isUrl(input)) {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new TargetError(`${input}: not a URL`);
    }
    spelling = idFromPath(url.pathname);
    query = url.search;
    if (!spelling) throw new TargetError(`${input}: the link names no runbook (its path is empty)`);
  }
  const { match: byId, suggestions } = lookUpId(spelling, runbooks);
  let match = byId;
  let alert: CatalogueAlert | undefined;
  if (!match) {
    alert = findAlert(spelling, alerts);
    if (alert) {
      if (alert.lands !== 'runbook') throw alertRefusal(alert);
      const landing = alert.runbooks[0]!;
      match = runbooks.find((r) => r.id === landing.id);
      query = renameLabels(query, landing.labels);
    }
  }
  // As on the page: the labels of every alert landing on the runbook fill the variables they map to.
  if (match) query = renameLabels(query, labelVariablesFor(match.id, alerts));
  if (!match) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => s.id).join(', ')}?` : '';
    throw new TargetError(
      `no runbook ${JSON.stringify(spelling)} in the catalogue${hint} (runbook list shows them all)`,
    );
  }
  const keys = variableKeysOf(match);
  const unmatched = [...new URLSearchParams(query).keys()].filter((name) => !keys.has(variableKey(name)));
  return {
    runbook: match,
    urlValues: valuesFromQuery(query, keys),
    unmatched,
    ...(alert ? { alert: alert.name } : {}),
  };
}
