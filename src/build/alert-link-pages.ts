/**
 * The small pages behind alert links, written straight to the output by the build, not rendered by
 * Astro (there are several per runbook and per alert, and rendering thousands of them through Astro
 * cost more build time than all the runbooks): /K8S-002, /k8s002, /GitClusterDrift for every
 * spelling of IDs and aliases, from runbooks.json; /KubePodCrashLooping (as written, lower and upper
 * case) and kube-prometheus's /runbooks/<component>/<alertname> for every upstream alert, from
 * alerts.json. Each sends the reader on to where it leads, keeping the query string (variables) and
 * the hash (the step); spellings without a page are resolved by the 404 page. Each page carries the
 * site's Content-Security-Policy; its one script is allowed by its hash. Node only.
 */
import { link, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { alertLinkSummary, type AlertEntry } from '../catalog/alerts.ts';
import { summaryOf, type ManifestEntry, type RunbookSummary } from '../catalog/listing.ts';
import type { RedirectSummary, RedirectTarget } from '../catalog/redirect-pages.ts';
import { linkSpellings } from '../domain/ids.ts';
import { routes } from '../domain/routes.ts';
import { CSP_META, FORWARD_SCRIPT } from '../security/csp.ts';
import { escapeHtml } from '../text/html.ts';

/** The one forwarding page, for IDs, aliases and alert names alike: to `target`, keeping query and hash. */
export function forwardingPageHtml(target: string, kind: string, title: string, summary: RedirectSummary): string {
  const url = escapeHtml(target);
  const label = escapeHtml(title);
  const summaryMeta = escapeHtml(JSON.stringify(summary));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP_META}"><link rel="canonical" href="${url}"><script>${FORWARD_SCRIPT}</script><noscript><meta http-equiv="refresh" content="0; url=${url}"></noscript><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="runbook" content="${summaryMeta}"><title>${label}</title></head><body><p>${escapeHtml(kind)} <a href="${url}">${label}</a></p></body></html>\n`;
}

export const redirectPageHtml = (target: RedirectTarget): string =>
  forwardingPageHtml(target.url, 'Runbook', `${target.id}: ${target.title}`, summaryOf(target));

/** Every page to write: one per spelling of every ID and alias, as a path in the output folder. */
export function redirectPages(targets: readonly RedirectTarget[]): LinkPage[] {
  return targets.flatMap((target) => {
    const html = redirectPageHtml(target);
    return [target.id, ...target.aliases].flatMap((name) =>
      linkSpellings(name).map((spelling) => ({ path: `${spelling}/index.html`, html })),
    );
  });
}

/** Every alert's pages: its name's spellings and kube-prometheus's path, each forwarding to where it lands. */
export function alertRedirectPages(
  entries: readonly AlertEntry[],
  runbooksById: ReadonlyMap<string, RunbookSummary>,
): LinkPage[] {
  return entries.flatMap((entry) => {
    const summary = alertLinkSummary(entry, runbooksById);
    const only = summary.lands === 'runbook' ? summary.runbooks[0] : undefined;
    const html = only
      ? forwardingPageHtml(entry.url, `Alert ${entry.name}: runbook`, `${only.id}: ${only.title}`, summary)
      : forwardingPageHtml(entry.url, 'Alert', `${entry.name}: ${summary.title}`, summary);
    return [
      ...linkSpellings(entry.name).map((spelling) => ({ path: `${spelling}/index.html`, html })),
      { path: `${routes.alertRunbookUrl(entry.component, entry.name)}index.html`, html },
    ];
  });
}

export interface LinkPage {
  /** Where it goes in the output folder: `K8S-002/index.html`. */
  path: string;
  html: string;
}

/**
 * Thousands of tiny files, written a batch at a time so the file system works in parallel. The
 * spellings of one ID or alias are the same page: the first is written, the others are hard links to
 * it, which the disk records faster than new files (at 1,000 runbooks the step took about 1.8 s less
 * right after the previous build was deleted). Nothing writes to a built site's files afterwards,
 * and a copy of the site (a host's upload, the archive) holds them as separate files.
 */
export async function writeLinkPages(siteDir: string, pages: readonly LinkPage[]): Promise<number> {
  const groups = new Map<string, string[]>();
  for (const page of pages) {
    const group = groups.get(page.html);
    if (group) group.push(page.path);
    else groups.set(page.html, [page.path]);
  }
  const entries = [...groups];
  for (let i = 0; i < entries.length; i += 16) {
    await Promise.all(
      entries.slice(i, i + 16).map(async ([html, paths]) => {
        const [first, ...rest] = paths.map((p) => path.join(siteDir, p));
        await mkdir(path.dirname(first!), { recursive: true });
        await writeFile(first!, html);
        for (const file of rest) {
          await mkdir(path.dirname(file), { recursive: true });
          // A file system without hard links gets a copy.
          await link(first!, file).catch(() => writeFile(file, html));
        }
      }),
    );
  }
  return pages.length;
}

/** The built manifest's runbooks; with SITE_URL set it holds full URLs, and the pages redirect within the site. */
async function builtRunbooks(siteDir: string): Promise<ManifestEntry[]> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'runbooks.json'), 'utf8')) as ManifestEntry[];
  return manifest.map((m) => ({ ...m, url: m.url.startsWith('http') ? new URL(m.url).pathname : m.url }));
}

/**
 * Every link page of a built site, from its runbooks.json and alerts.json: /K8S-002, /k8s002,
 * /GitClusterDrift, … for the runbooks; /KubePodCrashLooping, /kubepodcrashlooping,
 * /runbooks/kubernetes/kubepodcrashlooping, … for the alerts. Made in memory: the search index and
 * the offline copy need not wait for them to be on disk.
 */
export async function linkPages(siteDir: string): Promise<{ runbooks: LinkPage[]; alerts: LinkPage[] }> {
  const built = await builtRunbooks(siteDir);
  const alerts = JSON.parse(
    await readFile(path.join(siteDir, 'alerts.json'), 'utf8').catch(() => '[]'),
  ) as AlertEntry[];
  const summaries = new Map<string, RunbookSummary>(built.map((r) => [r.id, summaryOf(r)]));
  return { runbooks: redirectPages(built), alerts: alertRedirectPages(alerts, summaries) };
}
