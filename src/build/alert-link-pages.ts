/**
 * The small page behind every alert-link spelling of an ID or alias (/K8S-002, /k8s002, /GitClusterDrift):
 * it sends the reader on to the runbook's canonical URL keeping the query string (variables) and the
 * hash (the step). Written straight to the output by the build, not rendered by Astro: there are several
 * per runbook, and rendering thousands of them through Astro cost more build time than all the
 * runbooks. Spellings without a page are resolved by the 404 page. Each page carries the site's
 * Content-Security-Policy; its one script is allowed by its hash. Node only.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { summaryOf, type ManifestEntry } from '../catalog/listing.ts';
import type { RedirectTarget } from '../catalog/redirect-pages.ts';
import { linkSpellings } from '../domain/ids.ts';
import { CSP_META, FORWARD_SCRIPT } from '../security/csp.ts';
import { escapeHtml } from '../text/html.ts';

export function redirectPageHtml(target: RedirectTarget): string {
  const url = escapeHtml(target.url);
  const label = escapeHtml(`${target.id}: ${target.title}`);
  const summaryMeta = escapeHtml(JSON.stringify(summaryOf(target)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP_META}"><link rel="canonical" href="${url}"><script>${FORWARD_SCRIPT}</script><noscript><meta http-equiv="refresh" content="0; url=${url}"></noscript><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="runbook" content="${summaryMeta}"><title>${label}</title></head><body><p>Runbook <a href="${url}">${label}</a></p></body></html>\n`;
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

/** /K8S-002, /k8s002, /GitClusterDrift, …: one small page per spelling, from the built manifest. */
export async function writeRedirectPages(siteDir: string): Promise<number> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'runbooks.json'), 'utf8')) as ManifestEntry[];
  // With SITE_URL set the manifest holds full URLs; the pages redirect within the site.
  const targets = manifest.map((m) => ({ ...m, url: m.url.startsWith('http') ? new URL(m.url).pathname : m.url }));
  const pages = redirectPages(targets);
  // Thousands of tiny files: written a batch at a time, so the file system works in parallel.
  for (let i = 0; i < pages.length; i += 64) {
    await Promise.all(
      pages.slice(i, i + 64).map(async (page) => {
        const file = path.join(siteDir, page.path);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, page.html);
      }),
    );
  }
  return pages.length;
}
