/**
 * Every kube-prometheus alert lands somewhere useful, in both URL shapes, keeping query and hash: on
 * its runbook, on its side-by-side page, or on its own honest alert page. Never a bare 404.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEntry } from '../../src/catalog/alerts.ts';
import { launchChromium } from '../../src/chromium/launch.ts';
import { openPage, pathAndRest, siteUrl } from '../support/site.ts';
import { linkValuesLive } from '../support/page-values.ts';

let browser: Browser;
let alerts: AlertEntry[];
beforeAll(async () => {
  browser = await launchChromium();
  alerts = (await (await fetch(`${siteUrl()}/alerts.json`)).json()) as AlertEntry[];
});
afterAll(async () => {
  await browser.close();
});

/** Opens an alert link and waits until the page it lands on has settled. */
async function follow(link: string) {
  const { page, errors } = await openPage(browser);
  await page.goto(`${siteUrl()}${link}`);
  await page.waitForFunction(
    () => document.querySelector('[data-runbook-id]') || document.querySelector('[data-alert]'),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForLoadState('load');
  await linkValuesLive(page);
  return { page, errors };
}

describe('alerts.json', () => {
  it("lists kube-prometheus's 125 alerts, each landing on a runbook, a side-by-side page or its own page", () => {
    expect(alerts).toHaveLength(125);
    const lands = new Set(alerts.map((a) => a.lands));
    expect(lands).toEqual(new Set(['runbook', 'compare', 'alert-page']));
    for (const a of alerts) {
      expect(a.url, a.name).toBe(a.lands === 'runbook' ? `/runbooks/${a.runbooks[0]!.id.toLowerCase()}/` : a.page);
    }
  });

  it('has both link shapes of every alert forwarding to where it lands, and every landing page exists', async () => {
    for (const a of alerts) {
      for (const link of [
        `/${a.name}/`,
        `/${a.name.toLowerCase()}/`,
        `/runbooks/${a.component}/${a.name.toLowerCase()}/`,
      ]) {
        const response = await fetch(`${siteUrl()}${link}`);
        expect(response.status, link).toBe(200);
        expect(await response.text(), link).toContain(`<link rel="canonical" href="${a.url}">`);
      }
      expect((await fetch(`${siteUrl()}${a.url}`)).status, a.url).toBe(200);
    }
  });
});

describe('alert links', () => {
  it.each([
    ['/KubeAPIDown', '/runbooks/mks-003/'],
    ['/kubeapidown', '/runbooks/mks-003/'],
    ['/KUBEAPIDOWN', '/runbooks/mks-003/'],
    ['/runbooks/kubernetes/kubeapidown', '/runbooks/mks-003/'],
    ['/KubePodCrashLooping', '/alerts/kubepodcrashlooping/'],
    ['/runbooks/kubernetes/kubepodcrashlooping/', '/alerts/kubepodcrashlooping/'],
    ['/KubeJobFailed', '/alerts/kubejobfailed/'],
    // Spellings no page is written for: the 404 page resolves them through alerts.json.
    ['/kubeApiDown', '/runbooks/mks-003/'],
    ['/runbooks/Kubernetes/KubePodCrashLooping', '/alerts/kubepodcrashlooping/'],
    ['/runbooks/node/NodeFilesystemSpaceFillingUp', '/runbooks/mks-001/'],
  ])('%s lands on %s keeping query and hash', async (link, path) => {
    const { page } = await follow(`${link}?namespace=prod&pod=api-7c9#diagnosis`);
    expect(pathAndRest(page)).toEqual({ path, search: '?namespace=prod&pod=api-7c9', hash: '#diagnosis' });
    await page.close();
  });
});

describe('the side-by-side page', () => {
  it('sets the runbooks side by side with a line each on when to pick which, and the links keep the query', async () => {
    const { page, errors } = await follow('/KubePodCrashLooping?namespace=prod&pod=api-7c9#diagnosis');
    expect(await page.locator('h1').textContent()).toBe('KubePodCrashLooping');
    const cards = page.locator('.compare .runbook-card');
    expect(await cards.count()).toBe(5);
    expect(await cards.locator('.badge--id').allTextContents()).toEqual([
      'MKS-007',
      'POD001',
      'SHEP-003',
      'RDEV-001',
      'APP-002',
    ]);
    expect(await cards.locator('.compare__when').allTextContents()).toHaveLength(5);
    expect(await page.getByText('Pod is crash looping.').count()).toBeGreaterThan(0);
    await cards.nth(2).locator('h3 a').click();
    await page.waitForSelector('[data-runbook-id="SHEP-003"]');
    await linkValuesLive(page);
    expect(pathAndRest(page)).toEqual({
      path: '/runbooks/shep-003/',
      search: '?namespace=prod&pod=api-7c9',
      hash: '#diagnosis',
    });
    // The alert's pod label fills the runbook's <pod-name>.
    expect(await page.inputValue('[data-var-input="pod"]')).toBe('api-7c9');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fills a variable of another name from the label the mapping names (KubePodNotReady's pod -> <pending-pod>)", async () => {
    const { page } = await follow('/KubePodNotReady?pod=api-7c9-x&namespace=prod');
    await page.locator('.compare .runbook-card', { hasText: 'APP-003' }).locator('h3 a').click();
    await page.waitForSelector('[data-runbook-id="APP-003"]');
    await linkValuesLive(page);
    expect(await page.inputValue('[data-var-input="pending-pod"]')).toBe('api-7c9-x');
    expect(await page.locator('.cmd .ph[data-var="pending-pod"]').first().textContent()).toBe('api-7c9-x');
    await page.close();
  });

  it('treats label values as data: markup in a value stays text, and an unusual value is quoted', async () => {
    const { page } = await follow(`/KubePodNotReady?pod=${encodeURIComponent('x$(reboot)<b>')}`);
    await page.locator('.compare .runbook-card', { hasText: 'APP-003' }).locator('h3 a').click();
    await page.waitForSelector('[data-runbook-id="APP-003"]');
    await linkValuesLive(page);
    const filled = page.locator('.cmd .ph[data-var="pending-pod"]').first();
    expect(await filled.textContent()).toBe("'x$(reboot)<b>'");
    expect(await page.locator('.cmd .ph[data-var="pending-pod"] b').count()).toBe(0);
    expect(await filled.getAttribute('class')).toContain('is-unusual');
    await page.close();
  });
});

describe('the page of an alert without a runbook', () => {
  it('says so, says what the alert means, shows the best matches, the way on and how to add one', async () => {
    const { page, errors } = await follow('/KubeJobFailed?namespace=batch');
    expect(await page.locator('.notice--none').textContent()).toContain('No runbook for this alert yet.');
    const meaning = await page.locator('#meaning + p').textContent();
    expect(meaning).toContain('failed to complete');
    expect(meaning).toContain('job_name');
    await page.waitForFunction(() => document.querySelectorAll('[data-alert-matches] .search-hit').length > 0);
    const status = page.locator('[data-alert-matches-status]');
    expect(await status.getAttribute('data-state')).toMatch(/close|no-close-match/);
    const triage = await page.getByRole('link', { name: 'Walk the incident triage' }).first().getAttribute('href');
    expect(new URL(triage!, siteUrl()).pathname).toBe('/triage/');
    expect(await page.locator('#add ~ ol .snippet').textContent()).toContain('KubeJobFailed:');
    expect(await page.locator('#add ~ ol').textContent()).toContain('content/alerts/runbooks.yaml');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the alerts index lists every alert with where it lands', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${siteUrl()}/alerts/`);
    expect(await page.locator('.alert-list li').count()).toBe(125);
    expect(await page.locator('.alert-list li[data-lands="alert-page"]').count()).toBe(
      alerts.filter((a) => a.lands === 'alert-page').length,
    );
    await page.close();
  });
});
