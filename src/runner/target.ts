/**
 * What `runbook run` was asked to run: an ID in any spelling, an alias or alert name, or an alert's
 * runbook_url (https://runbooks.example.com/POD001?namespace=prod&pod=x, or kube-prometheus's
 * /runbooks/kubernetes/kubepodcrashlooping), which names the runbook by its last path segment and
 * brings values in its query. The same ID model as the site's links (src/domain/ids.ts).
 */
import { idFromPath, lookUpId } from '../domain/ids.ts';
import { valuesFromQuery, variableKey } from '../domain/placeholders.ts';
import type { RunbookEntry } from '../schemas/command-catalogue.ts';

export interface Target {
  runbook: RunbookEntry;
  /** Values from an alert URL's query, by variable key, as given (not yet prepared). */
  urlValues: Map<string, string>;
  /** Query parameters of an alert URL that name no variable of the runbook. */
  unmatched: string[];
}

export class TargetError extends Error {}

const isUrl = (text: string) => /^https?:\/\//i.test(text);

export function variableKeysOf(runbook: RunbookEntry): Set<string> {
  return new Set(runbook.steps.flatMap((s) => s.placeholders.map((p) => p.key)));
}

export function resolveTarget(input: string, runbooks: readonly RunbookEntry[]): Target {
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
  const { match, suggestions } = lookUpId(spelling, runbooks);
  if (!match) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => s.id).join(', ')}?` : '';
    throw new TargetError(
      `no runbook ${JSON.stringify(spelling)} in the catalogue${hint} (runbook list shows them all)`,
    );
  }
  const keys = variableKeysOf(match);
  const unmatched = [...new URLSearchParams(query).keys()].filter((name) => !keys.has(variableKey(name)));
  return { runbook: match, urlValues: valuesFromQuery(query, keys), unmatched };
}
