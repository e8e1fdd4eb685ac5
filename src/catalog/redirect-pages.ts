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
import { decodeEntities, escapeHtml } from '../text/html.ts';
import { summaryOf, type ListedRunbook, type RunbookSummary } from './listing.ts';

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

export function redirectPageHtml(target: RedirectTarget): string {
  const url = escapeHtml(target.url);
  const label = escapeHtml(`${target.id}: ${target.title}`);
  const summaryMeta = escapeHtml(JSON.stringify(summaryOf(target)));
  // JSON.stringify makes the URL a safe JS string; </ is escaped so it cannot end the script.
  const js = JSON.stringify(target.url).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>(function(){const target = ${js};location.replace(target + location.search + location.hash);})();</script><noscript><meta http-equiv="refresh" content="0; url=${url}"></noscript><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="runbook" content="${summaryMeta}"><link rel="canonical" href="${url}"><title>${label}</title></head><body><p>Runbook <a href="${url}">${label}</a></p></body></html>\n`;
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
