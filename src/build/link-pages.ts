/**
 * The small forwarding pages behind alert links, written straight into the built site (not rendered
 * by Astro: there are several per runbook and per alert): /K8S-002, /k8s002, /GitClusterDrift for
 * IDs and aliases, from runbooks.json; /KubePodCrashLooping and /runbooks/kubernetes/kubepodcrashlooping
 * for alerts, from alerts.json. Node only.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AlertEntry } from '../catalog/alerts.ts';
import { summaryOf, type ManifestEntry, type RunbookSummary } from '../catalog/listing.ts';
import { alertRedirectPages, redirectPages } from '../catalog/redirect-pages.ts';

/** Writes pages into the site, a batch at a time so the file system works in parallel. */
async function writePages(siteDir: string, pages: readonly { path: string; html: string }[]): Promise<number> {
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

/** The runbooks of the built manifest; with SITE_URL set it holds full URLs, and pages forward within the site. */
async function builtRunbooks(siteDir: string): Promise<ManifestEntry[]> {
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'runbooks.json'), 'utf8')) as ManifestEntry[];
  return manifest.map((m) => ({ ...m, url: m.url.startsWith('http') ? new URL(m.url).pathname : m.url }));
}

/** /K8S-002, /k8s002, /GitClusterDrift, …: one page per spelling of every ID and alias. */
export async function writeRedirectPages(siteDir: string): Promise<number> {
  return writePages(siteDir, redirectPages(await builtRunbooks(siteDir)));
}

/** /KubePodCrashLooping (as written, lower and upper case) and /runbooks/<component>/<alert>/ for every alert. */
export async function writeAlertLinkPages(siteDir: string): Promise<number> {
  const alerts = JSON.parse(
    await readFile(path.join(siteDir, 'alerts.json'), 'utf8').catch(() => '[]'),
  ) as AlertEntry[];
  const runbooks = new Map<string, RunbookSummary>((await builtRunbooks(siteDir)).map((r) => [r.id, summaryOf(r)]));
  return writePages(siteDir, alertRedirectPages(alerts, runbooks));
}
