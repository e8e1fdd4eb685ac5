/**
 * The strict Content-Security-Policy holds and nothing breaks under it: no inline script runs unless
 * its hash is in the policy, no inline handler, and every part of the site still works, online with
 * the policy both as the pages' <meta> and as the headers of the `_headers` file (served by a static
 * host that applies them), and in the offline copy opened from disk. Chromium reports any violation.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { serveStatic, type StaticHost } from '../../src/fs/static-host.ts';
import { projectRoot } from '../support/project.ts';
import { readZip } from '../support/zip.ts';
import { fillVariable, linkValuesLive } from '../support/page-values.ts';

const distDir = path.join(projectRoot, process.env['BUILD_OUT_DIR'] ?? 'dist');
let browser: Browser;
let host: StaticHost;
let copyDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  host = await serveStatic(distDir);
  const downloads = path.join(distDir, 'downloads');
  const archive = (await readdir(downloads)).find((f) => f.endsWith('.zip'))!;
  const scratch = await mkdtemp(path.join(tmpdir(), 'csp-offline-'));
  for (const entry of await readZip(await readFile(path.join(downloads, archive)))) {
    await mkdir(path.dirname(path.join(scratch, entry.name)), { recursive: true });
    await writeFile(path.join(scratch, entry.name), entry.data);
  }
  copyDir = path.join(scratch, archive.replace(/\.zip$/, ''));
});
afterAll(async () => {
  await browser.close();
  host.close();
});

/** A browser context that records every CSP violation Chromium reports, in any document it opens. */
async function watched(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], host ? { origin: host.url } : {});
  const violations: string[] = [];
  await context.exposeBinding('__reportViolation', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __reportViolation: (t: string) => Promise<void> }).__reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`script error: ${e.message}`));
  return { context, page, violations };
}

describe('online, with the policy in each page and in the headers', () => {
  it('the headers file gives the policy with frame-ancestors, and the static host sends it', async () => {
    const response = await fetch(`${host.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(csp).not.toContain("'unsafe-inline' 'sha");
    expect(csp).toMatch(/script-src [^;]*/);
    expect(/script-src ([^;]*)/.exec(csp)![1]).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('no page has an inline script outside the policy or an inline event handler', async () => {
    const home = await (await fetch(`${host.url}/`)).text();
    expect(home).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/);
    expect(home).not.toMatch(/\son[a-z]+="/);
  });

  it('home, jump box, runbook with copy and variables, search, triage tree, 404 resolver and alert links: no violation', async () => {
    const { context, page, violations } = await watched();
    await page.goto(`${host.url}/`);
    await page.fill('input[name="id"]', 'k8s002');
    await page.press('input[name="id"]', 'Enter');
    await page.waitForURL(/\/runbooks\/k8s-002\//);

    await page.goto(`${host.url}/K8S-002?namespace=prod&pod=api-7c9`);
    await page.waitForURL(/\/runbooks\/k8s-002\/\?namespace=prod&pod=api-7c9/);
    await page.waitForSelector('.cmd__copy:not([hidden])');
    await linkValuesLive(page);
    expect(await page.locator('.ph[data-var="namespace"]').first().textContent()).toBe('prod');
    await page
      .locator('.cmd')
      .filter({ has: page.locator('.ph[data-var="namespace"]') })
      .first()
      .locator('.cmd__copy')
      .click();
    await fillVariable(page, 'pod', 'web-1');

    await page.keyboard.press('Control+k');
    await page.fill('#search-input', 'ImagePullBackOff');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0, undefined, {
      timeout: 30_000,
    });
    await page.keyboard.press('Escape');

    await page.goto(`${host.url}/triage/`);
    await page.locator('.tree-node:not([hidden]) a[data-next]').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#step='));

    await page.goto(`${host.url}/K8s-002?pod=x#diagnosis`);
    await page.waitForURL(/\/runbooks\/k8s-002\/\?pod=x#diagnosis/);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('alert links and alert pages', () => {
  it('land, show their runbooks or their search matches, and the home box searches in place, with no violation', async () => {
    const { context, page, violations } = await watched();
    await page.goto(`${host.url}/KubePodCrashLooping?pod=x#diagnosis`);
    await page.waitForURL(/\/alerts\/kubepodcrashlooping\/\?pod=x#diagnosis/);
    await page.goto(`${host.url}/runbooks/kubernetes/kubejobfailed`);
    await page.waitForURL(/\/alerts\/kubejobfailed\//);
    await page.waitForFunction(() => document.querySelectorAll('[data-alert-matches] .search-hit').length > 0);
    await page.goto(`${host.url}/kubeApiDown`); // resolved by the 404 page
    await page.waitForURL(/\/runbooks\/mks-003\//);
    await page.goto(`${host.url}/`);
    await page.fill('#id-jump-input', 'pods keep restarting');
    await page.waitForFunction(() => document.querySelectorAll('#id-jump-results .search-hit').length > 0);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('the offline copy, opened from disk', () => {
  const fileUrl = (relative: string) => pathToFileURL(path.join(copyDir, relative)).href;

  it('home, runbook with copy and variables, search and tree work from file:// with no violation', async () => {
    const { context, page, violations } = await watched();
    await page.goto(`${fileUrl('runbooks/k8s-002/index.html')}?namespace=prod`);
    await page.waitForSelector('.cmd__copy:not([hidden])');
    await linkValuesLive(page);
    expect(await page.locator('.ph[data-var="namespace"]').first().textContent()).toBe('prod');
    await page.locator('.cmd__copy').first().click();
    await page.keyboard.press('Control+k');
    await page.fill('#search-input', 'ImagePullBackOff');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] li').length > 0, undefined, {
      timeout: 30_000,
    });
    await page.keyboard.press('Escape');
    await page.goto(fileUrl('triage/index.html'));
    await page.locator('.tree-node:not([hidden]) a[data-next]').first().click();
    await page.goto(`${fileUrl('K8S-002/index.html')}?pod=x`);
    await page.waitForURL(/runbooks\/k8s-002\/index\.html\?pod=x/);
    expect(violations).toEqual([]);
    await context.close();
  });
});
