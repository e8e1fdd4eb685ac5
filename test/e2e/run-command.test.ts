/**
 * The runbook page's `npx runbook run …` line: it carries the page's values as the runner's flags,
 * follows the variables panel, quotes what is not a plain word, and copies what it shows.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { siteUrl } from '../support/site.ts';
import { fillVariable, linkValuesLive } from '../support/page-values.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string) {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${siteUrl()}${path}`);
  await page.waitForSelector('.run-command__copy:not([hidden])');
  await linkValuesLive(page);
  return { page, context, errors };
}

describe('the runbook command on a runbook page', () => {
  it("carries an alert link's values as the runner's flags, in the panel's order", async () => {
    const { page, context, errors } = await open('/runbooks/mks-002/?namespace=prod&pod=api-7c9&service=api');
    expect(await page.locator('.run-command__code').textContent()).toBe(
      'npx runbook run MKS-002 --pod api-7c9 --service api --namespace prod',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the variables panel, quotes an unusual value, and copies exactly what it shows', async () => {
    const { page, context } = await open('/runbooks/k8s-002/');
    const code = page.locator('.run-command__code');
    expect(await code.textContent()).toBe('npx runbook run K8S-002');
    await fillVariable(page, 'pod', 'api-7c9');
    await fillVariable(page, 'running-pod', 'web $(reboot)');
    expect(await code.textContent()).toBe("npx runbook run K8S-002 --pod api-7c9 --var 'running-pod=web $(reboot)'");
    await page.locator('.run-command__copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "npx runbook run K8S-002 --pod api-7c9 --var 'running-pod=web $(reboot)'",
    );
    expect(await page.locator('.run-command__status').textContent()).toBe('Copied.');
    await context.close();
  });

  it('is on runbooks with commands only, and reads as plain text without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/runbooks/pod001/`);
    expect(await page.locator('.run-command__code').textContent()).toBe('npx runbook run POD001');
    expect(await page.locator('.run-command__copy').isVisible()).toBe(false);
    await page.goto(`${siteUrl()}/runbooks/app-001/`);
    expect(await page.locator('.run-command').count()).toBe(0);
    await context.close();
  });
});
