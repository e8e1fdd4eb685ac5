import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { quotedErrorLines } from '../support/quoted-errors.ts';
import { siteUrl } from '../support/site.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${siteUrl()}/layer/`);
  await page.keyboard.press('Control+k');
  await page.waitForSelector('#search-input:focus');
});
afterAll(async () => {
  await browser.close();
});

/** Types a query the way a person does and waits for its results. */
async function search(query: string, on: Page = page): Promise<string[]> {
  await on.fill('#search-input', '');
  await on.fill('#search-input', query);
  // The results list records the query its hits answer: wait for this one's.
  await on.waitForFunction(
    (q) => (document.querySelector('[data-search-results]') as HTMLElement | null)?.dataset['query'] === q,
    query,
  );
  return on
    .locator('.search-hit')
    .evaluateAll((hits) =>
      hits.map(
        (h) => h.querySelector('.badge--id')?.textContent ?? h.querySelector('.search-hit__title')?.textContent ?? '',
      ),
    );
}

describe('opening search', () => {
  it('loads nothing of Pagefind until search is first used, opens with / and Ctrl-K, closes with Escape', async () => {
    const fresh = await browser.newPage();
    const requests: string[] = [];
    fresh.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await fresh.goto(`${siteUrl()}/runbooks/k8s-003/`);
    expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    await fresh.keyboard.press('/');
    await fresh.waitForSelector('#search-input:focus');
    await search('CrashLoopBackOff', fresh);
    expect(requests).toContain('/pagefind/pagefind.js');
    await fresh.keyboard.press('Escape');
    expect(await fresh.locator('[data-search]').isVisible()).toBe(false);
    await fresh.goto(`${siteUrl()}/`); // the ID box has focus here: "/" types, Ctrl-K opens search
    await fresh.keyboard.press('Control+k');
    await fresh.waitForSelector('#search-input:focus');
    await fresh.close();
  });

  it('keeps the Pagefind JS API at /pagefind/pagefind.js', async () => {
    expect((await fetch(`${siteUrl()}/pagefind/pagefind.js`)).status).toBe(200);
  });
});

describe('exact IDs and alert names resolve before full-text search', () => {
  it.each([
    ['K8S-002', 'K8S-002'],
    ['k8s-002', 'K8S-002'],
    ['k8s002', 'K8S-002'],
    ['K8s 002', 'K8S-002'],
    ['POD001', 'POD001'],
    ['pod-001', 'POD001'],
    ['shep-3', 'SHEP-003'],
    ['gitclusterdrift', 'K8S-002'],
    ['DockerHubPullTimeout', 'K8S-001'],
  ])('%s finds %s first, marked as the exact match', async (query, id) => {
    const ids = await search(query);
    if (query === 'shep-3') {
      // Not an ID (SHEP-003 is): full text may still rank it, but nothing is called exact.
      expect(await page.locator('.badge--exact').count()).toBe(0);
      return;
    }
    expect(ids[0]).toBe(id);
    expect(await page.locator('.search-hit').first().locator('.badge--exact').count()).toBe(1);
  });

  it('Enter goes straight to the exact match', async () => {
    const own = await browser.newPage();
    await own.goto(`${siteUrl()}/layer/`);
    await own.keyboard.press('Control+k');
    await own.keyboard.type('k8s002');
    await own.keyboard.press('Enter');
    await own.waitForSelector('[data-runbook-id="K8S-002"]');
    await own.close();
  });
});

describe('pasted error lines find their runbook', async () => {
  const lines = await quotedErrorLines();

  it('there are error lines to check', () => {
    expect(lines.length).toBeGreaterThan(20);
  });

  it.each(lines.map((l) => [l.line, l.ids]))('%s -> a runbook quoting it in the top three', async (line, ids) => {
    const top = (await search(line as string)).slice(0, 3);
    const quoting = ids as string[];
    if (quoting.length === 1) expect(top).toContain(quoting[0]);
    else expect(top.filter((id) => quoting.includes(id)).length).toBeGreaterThan(0);
  });

  it('works with quotes, colons, slashes and an IP pasted raw', async () => {
    const top = await search('Failed to pull image "redis:7.2-alpine": dial tcp 1.2.3.4:443: i/o timeout');
    expect(top.slice(0, 3)).toContain('K8S-001');
  });

  it('finds Chinese text, whole or in part', async () => {
    expect((await search('付费模式与实际实例不一致'))[0]).toBe('K8S-003');
    expect((await search('实际实例'))[0]).toBe('K8S-003');
  });
});

describe('results and filters', () => {
  it('show the ID, title, severity and layer badges and the summary', async () => {
    await search('CrashLoopBackOff');
    const first = page.locator('.search-hit').first();
    expect(await first.locator('.badge--id').textContent()).toMatch(/^[A-Z]/);
    expect(await first.locator('.search-hit__title').textContent()).toContain('CrashLoopBackOff');
    expect(await first.locator('.badge').count()).toBeGreaterThanOrEqual(3);
    expect((await first.locator('.search-hit__summary').textContent())?.length).toBeGreaterThan(20);
  });

  it('filter by service, severity, layer and guide', async () => {
    await page.selectOption('select[data-filter="service"]', 'shepherd');
    const shepherd = await search('CrashLoopBackOff');
    expect(shepherd.length).toBeGreaterThan(0);
    expect(shepherd.every((id) => id.startsWith('SHEP-') || !/^[A-Z]+-?\d+$/.test(id))).toBe(true);
    await page.selectOption('select[data-filter="service"]', '');
    await page.selectOption('select[data-filter="severity"]', 'critical');
    await search('connection refused');
    const severities = await page
      .locator(
        '.search-hit .badge--critical, .search-hit .badge--high, .search-hit .badge--medium, .search-hit .badge--low',
      )
      .allTextContents();
    expect(severities.length).toBeGreaterThan(0);
    expect(new Set(severities)).toEqual(new Set(['Critical']));
    await page.selectOption('select[data-filter="severity"]', '');
    await page.selectOption('select[data-filter="guide"]', 'mks-playbook');
    const mks = await search('NotReady');
    expect(mks.length).toBeGreaterThan(0);
    expect(mks.every((id) => id.startsWith('MKS-') || !/^[A-Z]+-?\d+$/.test(id))).toBe(true);
    await page.selectOption('select[data-filter="guide"]', '');
    expect(await page.locator('select[data-filter="layer"] option').count()).toBeGreaterThan(3);
  });

  it('is usable by keyboard: arrows move the selection, Enter opens it', async () => {
    const own = await browser.newPage();
    await own.goto(`${siteUrl()}/layer/`);
    await own.keyboard.press('Control+k');
    await search('ImagePullBackOff', own);
    const second = await own.locator('.search-hit').nth(1).locator('a').getAttribute('href');
    await own.keyboard.press('ArrowDown');
    expect(await own.locator('.search-hit').nth(1).getAttribute('aria-selected')).toBe('true');
    await own.keyboard.press('Enter');
    await own.waitForURL((url) => url.pathname === new URL(second!, siteUrl()).pathname);
    await own.close();
  });
});
