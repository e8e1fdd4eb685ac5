import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { fetchManifest, openPage, pathAndRest, siteUrl } from '../support/site.ts';
import { linkValuesLive } from '../support/page-values.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Opens an alert link and waits until the runbook page (or the 404 page) has settled. */
async function follow(link: string) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${siteUrl()}${link}`);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-runbook-id]') ||
      document.querySelector('[data-suggestions-block]:not([hidden])') ||
      document.title.startsWith('Not found'),
  );
  await page.waitForLoadState('load');
  await linkValuesLive(page);
  return { page, errors };
}

describe('alert links', () => {
  it('/k8s002?namespace=prod#diagnosis shows runbook K8S-002 and keeps the query and the hash', async () => {
    const { page, errors } = await follow('/k8s002?namespace=prod#diagnosis');
    await page.waitForSelector('[data-runbook-id="K8S-002"]');
    expect(pathAndRest(page)).toEqual({ path: '/runbooks/k8s-002/', search: '?namespace=prod', hash: '#diagnosis' });
    expect(await page.locator('h1').textContent()).toBe('Git config out of sync with cluster reality');
    expect(await page.locator('.runbook-bar .badge--id').textContent()).toBe('K8S-002');
    // The hash names a real section, so the browser lands on it.
    expect(await page.locator('#diagnosis').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    '/K8S-002',
    '/k8s-002',
    '/k8s002',
    '/K8S002',
    '/K8S-002/',
    '/GitClusterDrift',
    '/gitclusterdrift',
    // Not generated as pages: resolved by the 404 page through the manifest.
    '/K8s-002',
    '/runbooks/K8S-002/',
    '/gitClusterDrift',
  ])('%s lands on the one canonical URL with query and hash', async (link) => {
    const { page } = await follow(`${link}?pod=api-7c9&namespace=prod#symptoms`);
    await page.waitForSelector('[data-runbook-id="K8S-002"]');
    expect(pathAndRest(page)).toEqual({
      path: '/runbooks/k8s-002/',
      search: '?pod=api-7c9&namespace=prod',
      hash: '#symptoms',
    });
    await page.close();
  });

  it('every runbook in the manifest is reachable by its ID and each alias', async () => {
    const manifest = await fetchManifest();
    expect(manifest.length).toBeGreaterThan(0);
    for (const entry of manifest) {
      for (const name of [entry.id, ...entry.aliases]) {
        const response = await fetch(`${siteUrl()}/${name}/`);
        expect(response.status, name).toBe(200);
        expect(await response.text(), name).toContain(`"${entry.url}"`);
      }
    }
  });
});

describe('the 404 page', () => {
  it('offers K8S-002 for /K8S-02, keeping the alert query, with a line for people from alerts', async () => {
    const response = await fetch(`${siteUrl()}/K8S-02`);
    expect(response.status).toBe(404);
    const { page, errors } = await follow('/K8S-02?namespace=prod');
    await page.waitForSelector('[data-suggestions-block]:not([hidden])');
    const first = page.locator('[data-suggestions] a').first();
    expect(await first.textContent()).toBe('K8S-002 — Git config out of sync with cluster reality');
    const suggested = new URL((await first.getAttribute('href'))!, siteUrl());
    expect(suggested.pathname + suggested.search).toBe('/runbooks/k8s-002/?namespace=prod');
    expect(await page.locator('[data-status]').textContent()).toBe('No runbook has the ID “K8S-02”.');
    expect(await page.getByText('Came here from an alert?').count()).toBe(1);
    expect(errors).toEqual([]);
    await first.click();
    await page.waitForSelector('[data-runbook-id="K8S-002"]');
    expect(pathAndRest(page).search).toBe('?namespace=prod');
    await page.close();
  });

  it('says plainly when nothing is close', async () => {
    const { page } = await follow('/no-such-thing-at-all');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.includes('No runbook'));
    expect(await page.locator('[data-suggestions-block]').isHidden()).toBe(true);
    expect(await page.getByText('Came here from an alert?').count()).toBe(1);
    await page.close();
  });
});

describe('runbooks.json', () => {
  it('lists every runbook with the fields alert tooling reads, and each url serves its page', async () => {
    const manifest = await fetchManifest();
    for (const entry of manifest) {
      expect(Object.keys(entry)).toEqual([
        'id',
        'aliases',
        'title',
        'summary',
        'severity',
        'layer',
        'service',
        'url',
        'symptoms',
        'kind',
      ]);
      const page = await fetch(`${siteUrl()}${entry.url}`);
      expect(page.status, entry.url).toBe(200);
      expect(await page.text()).toContain(`data-runbook-id="${entry.id}"`);
    }
    expect(manifest.map((e) => e.id)).toEqual(expect.arrayContaining(['K8S-001', 'K8S-002', 'K8S-003']));
  });
});
