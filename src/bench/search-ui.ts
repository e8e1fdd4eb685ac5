/**
 * Runs queries through the real search UI in Chromium, the way a person does: open search (Ctrl-K),
 * type the query, wait for its results, read the rows (each row's runbook ID badge) and whether the
 * status says "no close match". Against the built site served on 127.0.0.1, and against the offline
 * copy extracted from its archive and opened from disk (file://). Node only.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../chromium/launch.ts';
import { serveStatic } from '../fs/static-host.ts';
import { readZip } from '../offline/read-archive.ts';
import type { BenchQuery, Observation } from './search-quality.ts';

export async function openSearch(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.keyboard.press('Control+k');
  await page.waitForSelector('#search-input:focus');
  return page;
}

/** Types one query and reads what the UI shows once its results are in. */
export async function observe(page: Page, query: string): Promise<Observation> {
  const started = performance.now();
  await page.fill('#search-input', '');
  await page.fill('#search-input', query);
  const wanted = query.trim();
  await page.waitForFunction(
    (q) => (document.querySelector('#search-results') as HTMLElement | null)?.dataset['query'] === q,
    wanted,
    { timeout: 30_000 },
  );
  const ms = performance.now() - started;
  const { rows, state } = await page.evaluate(() => ({
    rows: [...document.querySelectorAll('#search-results .search-hit')].map(
      (row) =>
        row.querySelector('.badge--id')?.textContent ?? row.querySelector('.search-hit__title')?.textContent ?? '',
    ),
    state: (document.querySelector('#search-status') as HTMLElement | null)?.dataset['state'] ?? '',
  }));
  return { rows, noCloseMatch: state !== 'close', ms };
}

async function observeAll(page: Page, queries: readonly BenchQuery[]): Promise<Observation[]> {
  const out: Observation[] = [];
  for (const query of queries) out.push(await observe(page, query.q));
  return out;
}

/** The offline copy of a built site, extracted into a scratch folder: the folder of its index.html. */
export async function extractOfflineCopy(siteDir: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const downloads = path.join(siteDir, 'downloads');
  const archive = (await readdir(downloads)).find((f) => f.endsWith('.zip'));
  if (!archive) throw new Error(`${downloads}: no offline copy (run npm run build first)`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'search-bench-'));
  for (const entry of await readZip(await readFile(path.join(downloads, archive)))) {
    const target = path.join(scratch, entry.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.data);
  }
  return { dir: path.join(scratch, archive.replace(/\.zip$/, '')), remove: () => rm(scratch, { recursive: true }) };
}

export interface UiRuns {
  online: Observation[];
  offline: Observation[];
}

/** Every query through the site's search (served) and the offline copy's (from disk). */
export async function runSearchUi(siteDir: string, queries: readonly BenchQuery[]): Promise<UiRuns> {
  const site = await serveStatic(siteDir);
  const copy = await extractOfflineCopy(siteDir);
  const browser = await launchChromium();
  try {
    const online = await observeAll(await openSearch(browser, `${site.url}/layer/`), queries);
    const offlinePage = await openSearch(browser, pathToFileURL(path.join(copy.dir, 'layer/index.html')).href);
    const offline = await observeAll(offlinePage, queries);
    return { online, offline };
  } finally {
    await browser.close();
    site.close();
    await copy.remove();
  }
}
