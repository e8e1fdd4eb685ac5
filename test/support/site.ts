import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { ManifestEntry } from '../../src/catalog/listing.ts';

export const siteUrl = () => inject('siteUrl');

export async function fetchManifest(): Promise<ManifestEntry[]> {
  const response = await fetch(`${siteUrl()}/runbooks.json`);
  if (!response.ok) throw new Error(`runbooks.json: HTTP ${response.status}`);
  return (await response.json()) as ManifestEntry[];
}

/** A page that records script errors and failed requests other than the 404 page's own document. */
export async function openPage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}) {
  const page = await browser.newPage(options);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 404')) errors.push(message.text());
  });
  return { page, errors };
}

export const pathAndRest = (page: Page) => {
  const url = new URL(page.url());
  return { path: url.pathname, search: url.search, hash: url.hash };
};
