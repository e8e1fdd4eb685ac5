/**
 * A runbook page loads what values do on first use (src/client/copy/variables-panel.ts): right after
 * the first value is typed, or as a page with parameters opens, the commands may not show it yet.
 * Tests that read the page then wait for the panel to be live, as the copy buttons do.
 */
import type { Page } from 'playwright-core';

/** Waits until the page's values are applied (a page without a variables panel has none to wait for). */
export async function valuesLive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const panel = document.querySelector<HTMLElement>('[data-variables]');
    return !panel || panel.dataset['values'] === 'live';
  });
}

/** Types a value into the variables panel's field for `key` and waits until the page shows it. */
export async function fillVariable(page: Page, key: string, value: string): Promise<void> {
  await page.fill(`[data-var-input="${key}"]`, value);
  await valuesLive(page);
}

/** After opening a page: waits for the values its address carries (if any) to be applied. */
export async function linkValuesLive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const panel = document.querySelector<HTMLElement>('[data-variables]');
    return !panel || location.search === '' || panel.dataset['values'] === 'live';
  });
}
