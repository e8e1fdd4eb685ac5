import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/checks/site-links.ts';
import { launchChromium } from '../../src/chromium/launch.ts';
import { projectRoot } from '../support/project.ts';
import { fetchManifest, openPage, siteUrl } from '../support/site.ts';

const distDir = path.join(projectRoot, process.env['BUILD_OUT_DIR'] ?? 'dist');

describe('the built site', () => {
  it('every internal link and anchor resolves', async () => {
    const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
    const files = new Set(
      entries
        .filter((e) => e.isFile())
        .map((e) => path.relative(distDir, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
    );
    const htmlFiles = [...files].filter((f) => f.endsWith('.html'));
    const pages = new Map(
      await Promise.all(htmlFiles.map(async (f) => [f, await readFile(path.join(distDir, f), 'utf8')] as const)),
    );
    expect(pages.size).toBeGreaterThan(100);
    expect(findBrokenLinks(pages, files)).toEqual([]);
  });
});

describe('every runbook', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('renders in Chromium: its title, symptoms and body, no script errors, no raw Markdown', async () => {
    const manifest = await fetchManifest();
    expect(manifest.length).toBeGreaterThan(50);
    const { page, errors } = await openPage(browser);
    const problems: string[] = [];
    for (const runbook of manifest) {
      const response = await page.goto(`${siteUrl()}${runbook.url}`);
      if (response?.status() !== 200) problems.push(`${runbook.id}: HTTP ${response?.status()}`);
      const h1 = await page.locator('h1').textContent();
      if (h1 !== runbook.title) problems.push(`${runbook.id}: h1 is "${h1}"`);
      if ((await page.locator('.symptoms li').count()) === 0) problems.push(`${runbook.id}: no symptoms`);
      const body = (await page.locator('.runbook-body').innerText()).trim();
      if (body.length < 100) problems.push(`${runbook.id}: body is almost empty`);
      for (const leftover of [':::', '```', 'undefined', '[object Object]']) {
        if (body.includes(leftover)) problems.push(`${runbook.id}: shows "${leftover}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
