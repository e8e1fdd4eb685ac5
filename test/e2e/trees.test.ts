import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { linkValuesLive } from '../support/page-values.ts';
import { siteUrl } from '../support/site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** The question shown, once the stepper (loaded after the page, src/client/tree-stepper.ts) has taken over. */
const visibleQuestion = async (page: Page) => {
  await page.waitForSelector('.is-stepper');
  return page.locator('.tree-node:not([hidden]) .tree-node__question').textContent();
};
const hash = (page: Page) => new URL(page.url()).hash;

describe('/triage/ without JavaScript', () => {
  it('reads top to bottom: every question and answer visible, answers are links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/triage/`);
    const questions = page.locator('.tree-node__question');
    expect(await questions.count()).toBeGreaterThan(10);
    for (let i = 0; i < (await questions.count()); i++) expect(await questions.nth(i).isVisible()).toBe(true);
    expect(await page.locator('.tree__progress').isVisible()).toBe(false);
    const runbookLinks = await page
      .locator('a.tree-answer--runbook')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(runbookLinks).toContain('/runbooks/mks-003/');
    // An answer that leads to another question jumps to it on the same page.
    await page.locator('a[data-next="pods"]').first().click();
    expect(hash(page)).toBe('#step-pods');
    await page.locator('#step-pods a[data-next="crashloop"]').click();
    await page.locator('#step-crashloop a[data-runbook="SHEP-003"]').click();
    await page.waitForSelector('[data-runbook-id="SHEP-003"]');
    await context.close();
  });
});

describe('/triage/ with JavaScript', () => {
  it('steps one question at a time, goes back, starts over, and keeps the step in the hash', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${siteUrl()}/triage/`);
    expect(await page.locator('.tree-node:not([hidden])').count()).toBe(1);
    expect(await visibleQuestion(page)).toContain('What is failing?');
    expect(await page.locator('[data-tree-back]').isDisabled()).toBe(true);

    await page.locator('.tree-node:not([hidden]) a[data-next="pods"]').click();
    expect(await visibleQuestion(page)).toContain('What status do the failing pods show?');
    expect(hash(page)).toBe('#step=scope/pods');
    await page.locator('.tree-node:not([hidden]) a[data-next="image-pull"]').click();
    expect(hash(page)).toBe('#step=scope/pods/image-pull');
    expect(await page.locator('.tree__crumb').allTextContents()).toEqual([
      'What is failing? Pods fail to start, keep crashing or are not Ready',
      'What status do the failing pods show? ImagePullBackOff or ErrImagePull',
    ]);
    // The question gets focus, so keyboard and screen-reader users land on it.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tree-node__question'))).toBe(true);

    await page.click('[data-tree-back]');
    expect(hash(page)).toBe('#step=scope/pods');
    expect(await visibleQuestion(page)).toContain('What status do the failing pods show?');
    await page.goBack();
    expect(await visibleQuestion(page)).toContain('Where does the image come from');

    await page.click('[data-tree-restart]');
    expect(hash(page)).toBe('#step=scope');
    expect(await page.locator('.tree__crumb').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores the exact step and the breadcrumb from a shared link', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl()}/triage/?pod=api-7c9#step=scope/pods/crashloop`);
    expect(await visibleQuestion(page)).toContain('Whose pods are crash-looping?');
    expect(await page.locator('.tree__crumb').count()).toBe(2);
    // Commands in a tree are command blocks: variables from the link fill them.
    await linkValuesLive(page);
    expect(await page.locator('.tree-node:not([hidden]) .ph[data-var="pod"]').first().textContent()).toBe('api-7c9');
    // Going to the runbook carries the variables along.
    await page.locator('.tree-node:not([hidden]) a[data-runbook="POD001"]').click();
    await page.waitForSelector('[data-runbook-id="POD001"]');
    expect(new URL(page.url()).search).toBe('?pod=api-7c9');
    await page.close();
  });

  it('is usable by keyboard: number keys pick answers, Backspace goes back', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl()}/trees/worker-restarts/`);
    expect(await visibleQuestion(page)).toContain('Does the NATS service name resolve');
    await page.keyboard.press('2');
    expect(await visibleQuestion(page)).toContain('Does a network policy block traffic');
    await page.keyboard.press('2');
    expect(hash(page)).toBe('#step=dns/network-policy/nats-ready');
    await page.keyboard.press('Backspace');
    expect(hash(page)).toBe('#step=dns/network-policy');
    await page.keyboard.press('1');
    await page.waitForSelector('[data-runbook-id="APP-002"]');
    expect(hash(page)).toBe('#2-network-policy-blocking-traffic');
    await page.close();
  });

  it('turns a no-JavaScript anchor into the stepper position', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl()}/triage/#step-latency`);
    expect(await visibleQuestion(page)).toContain('What does the slowness look like?');
    expect(await page.locator('.tree__crumb').count()).toBe(2);
    await page.close();
  });
});

describe('the home page', () => {
  it('links to the incident triage', async () => {
    const page = await browser.newPage();
    await page.goto(`${siteUrl()}/`);
    await page.getByRole('link', { name: /walk the incident triage/i }).click();
    await page.waitForSelector('[data-tree]');
    expect(new URL(page.url()).pathname).toBe('/triage/');
    await page.close();
  });
});
