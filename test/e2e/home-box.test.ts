/**
 * The home page's first box takes whatever the engineer has: an ID or alert name jumps, anything else
 * shows search results in place; "/" in the empty box opens search.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { openPage, pathAndRest, siteUrl } from '../support/site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function typeInBox(page: Page, text: string) {
  await page.fill('#id-jump-input', text);
  await page.waitForFunction(
    (q) => (document.querySelector('#id-jump-results') as HTMLElement | null)?.dataset['query'] === q,
    text.trim(),
  );
  return page
    .locator('#id-jump-results .search-hit')
    .evaluateAll((rows) =>
      rows.map((r) => r.querySelector('.badge--id')?.textContent ?? r.querySelector('.search-hit__title')?.textContent),
    );
}

describe("the home page's box", () => {
  it('shows search results in place for words, and Enter opens a close first result', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${siteUrl()}/?namespace=prod`);
    const rows = await typeInBox(page, 'ImagePullBackOff docker hub china');
    expect(rows[0]).toBe('K8S-001');
    expect(new URL(page.url()).pathname).toBe('/'); // in place: nothing was opened yet
    expect(await page.locator('.jump [data-result]').textContent()).toContain('Enter opens the first');
    await page.press('#id-jump-input', 'Enter');
    await page.waitForSelector('[data-runbook-id="K8S-001"]');
    expect(pathAndRest(page)).toMatchObject({ path: '/runbooks/k8s-001/', search: '?namespace=prod' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('jumps on an ID without its zero padding and on an alert name', async () => {
    for (const [typed, path] of [
      ['K8S-02', '/runbooks/k8s-002/'],
      ['kubeschedulerdown', '/runbooks/mks-004/'],
      ['KubeNodeNotReady', '/alerts/kubenodenotready/'],
    ] as const) {
      const { page } = await openPage(browser);
      await page.goto(`${siteUrl()}/`);
      await typeInBox(page, typed);
      await page.press('#id-jump-input', 'Enter');
      await page.waitForURL((url) => url.pathname === path);
      await page.close();
    }
  });

  it('shows the results of what was typed before its script arrived, without another key', async () => {
    const { page, errors } = await openPage(browser);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/jump-box\.[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${siteUrl()}/`, { waitUntil: 'domcontentloaded' });
    await page.fill('#id-jump-input', 'ImagePullBackOff docker hub china');
    release();
    await page.waitForFunction(
      () => (document.querySelector('#id-jump-results') as HTMLElement | null)?.dataset['query'] !== undefined,
    );
    expect(await page.locator('#id-jump-results .search-hit .badge--id').first().textContent()).toBe('K8S-001');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finishes a jump sent before its script arrived on the runbook list, which Back then skips', async () => {
    const { page } = await openPage(browser);
    // The jump box's script never arrives on the home page: Enter there submits the plain form.
    await page.route(/\/_astro\/jump-box\.[^/]*\.js$/, async (route) =>
      new URL(page.url()).pathname === '/' ? route.abort() : route.continue(),
    );
    await page.goto(`${siteUrl()}/`, { waitUntil: 'domcontentloaded' });
    await page.keyboard.type('gitclusterdrift');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-runbook-id="K8S-002"]');
    expect(pathAndRest(page)).toMatchObject({ path: '/runbooks/k8s-002/', search: '' });
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/'); // the list it passed through is not in the history
    await page.close();
  });

  it('on the runbook list, opens an ID from the URL with the values carried on, and shows guesses in place', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${siteUrl()}/runbooks/?id=k8s+002&namespace=prod`);
    await page.waitForSelector('[data-runbook-id="K8S-002"]');
    expect(pathAndRest(page)).toMatchObject({ path: '/runbooks/k8s-002/', search: '?namespace=prod' });

    // No close match: nothing opens on its own, the guesses show in place above the list.
    const words = '<img src=x onerror=alert(1)> terraform state lock error';
    await page.goto(`${siteUrl()}/runbooks/?id=${encodeURIComponent(words)}`);
    await page.waitForFunction(
      () => (document.querySelector('#id-jump-results') as HTMLElement | null)?.dataset['query'] !== undefined,
    );
    expect(await page.inputValue('#id-jump-input')).toBe(words);
    expect(await page.locator('main img').count()).toBe(0); // the query is text, never markup
    expect(new URL(page.url()).pathname).toBe('/runbooks/');
    expect(['no-close-match', 'none']).toContain(await page.locator('.jump [data-result]').getAttribute('data-state'));
    expect(await page.locator('.runbook-card').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without JavaScript, sends what was typed to the list of all runbooks', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/`);
    await page.fill('#id-jump-input', 'K8S-002');
    await page.press('#id-jump-input', 'Enter');
    await page.waitForURL((url) => url.pathname === '/runbooks/');
    expect(new URL(page.url()).searchParams.get('id')).toBe('K8S-002');
    expect(await page.locator('h1').textContent()).toBe('All runbooks');
    expect(await page.locator('a[href="/runbooks/k8s-002/"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('says "no close match" for what the site has no answer to, and Enter opens no guess', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${siteUrl()}/`);
    const rows = await typeInBox(page, 'terraform state lock error');
    expect(rows.length).toBeGreaterThan(0);
    const status = page.locator('.jump [data-result]');
    expect(await status.getAttribute('data-state')).toBe('no-close-match');
    expect(await page.locator('#id-jump-results [data-guess]').count()).toBe(rows.length);
    expect(await status.getByRole('link', { name: 'Walk the incident triage' }).count()).toBe(1);
    await page.press('#id-jump-input', 'Enter');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('opens search with "/" while empty, and loads no search code before the first keystroke', async () => {
    const { page } = await openPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${siteUrl()}/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/') || p === '/search-terms.json')).toEqual([]);
    await page.keyboard.press('/');
    await page.waitForSelector('#search-input:focus');
    expect(await page.inputValue('#id-jump-input')).toBe('');
    await page.close();
  });
});
