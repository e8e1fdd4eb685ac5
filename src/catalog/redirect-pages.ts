/**
 * What an alert-link page (/K8S-002, /k8s002, /GitClusterDrift, /KubePodCrashLooping; written by
 * src/build/alert-link-pages.ts) says of its runbook or alert, in <meta name="runbook">: search resolves an exact ID by fetching the one page
 * for its compact spelling (/k8s002/) instead of the whole manifest, so the cost of an exact-ID lookup
 * does not grow with the site. Browser-safe.
 */
import { decodeEntities } from '../text/html.ts';
import type { AlertLinkSummary } from './alerts.ts';
import type { ListedRunbook, RunbookSummary } from './listing.ts';

/**
 * What search shows for an exact ID or alert name without loading the whole manifest (read from
 * <meta name="runbook">): a runbook, or an alert with the runbooks it lands on.
 */
export type RedirectSummary = RunbookSummary | AlertLinkSummary;

export const isAlertSummary = (summary: RedirectSummary): summary is AlertLinkSummary => 'alert' in summary;

/** A runbook with its canonical URL (/runbooks/k8s-002/) and the aliases that get pages of their own. */
export type RedirectTarget = RunbookSummary & Pick<ListedRunbook, 'aliases'>;

/** The runbook or alert a redirect page describes, or undefined for any other page. */
export function readRedirectSummary(html: string): RedirectSummary | undefined {
  const match = /<meta name="runbook" content="([^"]*)">/.exec(html);
  if (!match) return undefined;
  return JSON.parse(decodeEntities(match[1]!)) as RedirectSummary;
}
