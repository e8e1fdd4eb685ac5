/**
 * What an alert-link page (/K8S-002, /k8s002, /GitClusterDrift; written by src/build/alert-link-pages.ts)
 * says of its runbook, in <meta name="runbook">: search resolves an exact ID by fetching the one page
 * for its compact spelling (/k8s002/) instead of the whole manifest, so the cost of an exact-ID lookup
 * does not grow with the site. Browser-safe.
 */
import { decodeEntities } from '../text/html.ts';
import type { ListedRunbook, RunbookSummary } from './listing.ts';

/** What search shows for an exact ID without loading the whole manifest (read from <meta name="runbook">). */
export type RedirectSummary = RunbookSummary;

/** A runbook with its canonical URL (/runbooks/k8s-002/) and the aliases that get pages of their own. */
export type RedirectTarget = RunbookSummary & Pick<ListedRunbook, 'aliases'>;

/** The runbook a redirect page describes, or undefined for any other page. */
export function readRedirectSummary(html: string): RedirectSummary | undefined {
  const match = /<meta name="runbook" content="([^"]*)">/.exec(html);
  if (!match) return undefined;
  return JSON.parse(decodeEntities(match[1]!)) as RedirectSummary;
}
