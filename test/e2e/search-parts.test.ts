/**
 * A site large enough to be indexed in parts (src/search/index-parts.ts) searches as one index. The
 * real content, built with a dozen pages per part, is searched in Chromium beside the e2e site (one
 * index) with a sample of the search benchmark's queries: the same rows, in the same order, and the
 * same word statistics, while the parts are merged by the page and hold only their index files.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readQuerySet } from '../../src/bench/search-quality.ts';
import { observe, openSearch } from '../../src/bench/search-ui.ts';
import { launchChromium } from '../../src/chromium/launch.ts';
import { serveStatic, type StaticHost } from '../../src/fs/static-host.ts';
import { projectRoot, runScript } from '../support/project.ts';
import { siteUrl } from '../support/site.ts';

let scratch: string;
let host: StaticHost;
let browser: Browser;
let whole: Page;
let parted: Page;
const requests: string[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-parts-'));
  const built = await runScript('scripts/build.ts', [], {
    BUILD_OUT_DIR: path.join(scratch, 'site'),
    RUNBOOKS_SEARCH_PAGES_PER_INDEX: '12',
  });
  expect(built.code, built.stderr).toBe(0);
  host = await serveStatic(path.join(scratch, 'site'));
  browser = await launchChromium();
  whole = await openSearch(browser, `${siteUrl()}/layer/`);
  parted = await openSearch(browser, `${host.url}/layer/`);
  parted.on('request', (r) => requests.push(new URL(r.url()).pathname));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  host?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('a search index in parts', () => {
  it('keeps only the index files in the other parts, which parts.json lists', async () => {
    const pagefind = path.join(scratch, 'site/pagefind');
    const parts = JSON.parse(await readFile(path.join(pagefind, 'parts.json'), 'utf8')) as string[];
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const part of parts) {
      expect(part).toMatch(/^part-\d+\/$/);
      const files = await readdir(path.join(pagefind, part));
      expect(
        files.filter((f) => !/^(index|fragment|filter|pagefind-entry\.json|pagefind\..+\.pf_meta)$/.test(f)),
      ).toEqual([]);
    }
    const oneIndex = await (await fetch(`${siteUrl()}/search-terms.json`)).text();
    expect(await readFile(path.join(scratch, 'site/search-terms.json'), 'utf8')).toBe(oneIndex);
  });

  it('finds what one index finds, in the same order', async () => {
    const file = path.join(projectRoot, 'src/bench/search-queries.yaml');
    const sample = readQuerySet(file, await readFile(file, 'utf8')).filter((_, i) => i % 6 === 0);
    expect(sample.length).toBeGreaterThan(15);
    for (const query of sample) {
      const [one, parts] = [await observe(whole, query.q), await observe(parted, query.q)];
      expect({ q: query.q, rows: parts.rows, close: !parts.noCloseMatch }).toEqual({
        q: query.q,
        rows: one.rows,
        close: !one.noCloseMatch,
      });
    }
    const merged = requests.filter((p) => /^\/pagefind\/part-\d+\/pagefind-entry\.json$/.test(p));
    expect(merged.length).toBeGreaterThanOrEqual(4);
  });
});
