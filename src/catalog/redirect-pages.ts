/**
 * The small page behind every alert-link spelling of an ID or alias (/K8S-002, /k8s002, /GitClusterDrift):
 * it sends the reader on to the runbook's canonical URL keeping the query string (variables) and the
 * hash (the step). Written straight to the output by the build (scripts/build.ts), not rendered by
 * Astro: there are several per runbook, and rendering thousands of them through Astro cost more build
 * time than all the runbooks. Spellings without a page are resolved by the 404 page.
 *
 * Each page also describes its runbook (<meta name="runbook">), so search resolves an exact ID by
 * fetching the one page for its compact spelling (/k8s002/) instead of the whole manifest: the cost of
 * an exact-ID lookup does not grow with the site.
 */
import { linkSpellings } from '../domain/ids.ts';
import { routes } from '../domain/routes.ts';
import { decodeEntities, escapeHtml } from '../text/html.ts';
import { alertLinkSummary, type AlertEntry, type AlertLinkSummary } from './alerts.ts';
import { summaryOf, type ListedRunbook, type RunbookSummary } from './listing.ts';

/**
 * What search shows for an exact ID or alert name without loading the whole manifest (read from
 * <meta name="runbook">): a runbook, or an alert with the runbooks it lands on.
 */
export type RedirectSummary = RunbookSummary | AlertLinkSummary;

export const isAlertSummary = (summary: RedirectSummary): summary is AlertLinkSummary => 'alert' in summary;

/** A runbook with its canonical URL (/runbooks/k8s-002/) and the aliases that get pages of their own. */
export type RedirectTarget = RunbookSummary & Pick<ListedRunbook, 'aliases'>;

/** The runbook a redirect page describes, or undefined for any other page. */
export function readRedirectSummary(html: string): RedirectSummary | undefined {
  const match = /<meta name="runbook" content="([^"]*)">/.exec(html);
  if (!match) return undefined;
  return JSON.parse(decodeEntities(match[1]!)) as RedirectSummary;
}

export const redirectPageHtml = (target: RedirectTarget): string =>
  forwardingPageHtml(target.url, `Runbook`, `${target.id}: ${target.title}`, summaryOf(target));

/** The one forwarding page, for IDs, aliases and alert names alike: to `url`, keeping query and hash. */
export function forwardingPageHtml(target: string, kind: string, title: string, summary: RedirectSummary): string {
  const url = escapeHtml(target);
  const label = escapeHtml(title);
  const summaryMeta = escapeHtml(JSON.stringify(summary));
  // JSON.stringify makes the URL a safe JS string; </ is escaped so it cannot end the script.
  const js = JSON.stringify(target).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>(function(){const target = ${js};location.replace(target + location.search + location.hash);})();</script><noscript><meta http-equiv="refresh" content="0; url=${url}"></noscript><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="runbook" content="${summaryMeta}"><link rel="canonical" href="${url}"><title>${label}</title></head><body><p>${escapeHtml(kind)} <a href="${url}">${label}</a></p></body></html>\n`;
}

/**
 * The pages of every alert's links: /<AlertName> in the spellings alerts use (as written, lower and
 * upper case; any other case is resolved by the 404 page) and kube-prometheus's
 * /runbooks/<component>/<alertname>, each forwarding to where the alert lands.
 */
export function alertRedirectPages(
  entries: readonly AlertEntry[],
  runbooksById: ReadonlyMap<string, RunbookSummary>,
): { path: string; html: string }[] {
  return entries.flatMap((entry) => {
    const summary = alertLinkSummary(entry, runbooksById);
    const only = summary.runbooks.length === 1 ? summary.runbooks[0] : undefined;
    const html = forwardingPageHtml(
      entry.url,
      only ? `Alert ${entry.name}: runbook` : `Alert`,
      only ? `${only.id}: ${only.title}` : `${entry.name}: ${summary.title}`,
      summary,
    );
    return [
      ...linkSpellings(entry.name).map((spelling) => ({ path: `${spelling}/index.html`, html })),
      { path: `${routes.alertRunbookUrl(entry.component, entry.name)}index.html`, html },
    ];
  });
}

/** Every page to write: one per spelling of every ID and alias, as a path in the output folder. */
export function redirectPages(targets: readonly RedirectTarget[]): { path: string; html: string }[] {
  return targets.flatMap((target) => {
    const html = redirectPageHtml(target);
    return [target.id, ...target.aliases].flatMap((name) =>
      linkSpellings(name).map((spelling) => ({ path: `${spelling}/index.html`, html })),
    );
  });
}
