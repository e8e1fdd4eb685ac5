/**
 * The offline copy as a person uses it when the cluster is down: the archive the site offers,
 * extracted on disk, opened over file:// with no server; then through its own launcher.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { linkValuesLive } from '../support/page-values.ts';
import { projectRoot } from '../support/project.ts';
import { siteUrl } from '../support/site.ts';
import { readZip } from '../support/zip.ts';

const distDir = path.join(projectRoot, process.env['BUILD_OUT_DIR'] ?? 'dist');
let browser: Browser;
let copyDir: string;
let archiveName: string;

beforeAll(async () => {
  browser = await launchChromium();
  const downloads = path.join(distDir, 'downloads');
  archiveName = (await readdir(downloads)).find((f) => f.endsWith('.zip'))!;
  const scratch = await mkdtemp(path.join(tmpdir(), 'offline-copy-'));
  for (const entry of await readZip(await readFile(path.join(downloads, archiveName)))) {
    const target = path.join(scratch, entry.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.data);
  }
  copyDir = path.join(scratch, archiveName.replace(/\.zip$/, ''));
});
afterAll(async () => {
  await browser.close();
});

const fileUrl = (relative: string) => pathToFileURL(path.join(copyDir, relative)).href;

async function openCopy(relative: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(fileUrl(relative));
  return { context, page, errors };
}

describe('the offline copy, opened from disk (file://)', () => {
  it('is the archive the site links to, named with its version and date, with a launcher and a README', async () => {
    expect(archiveName).toMatch(/^runbooks-offline-\d+\.\d+\.\d+-\d{4}-\d{2}-\d{2}-[0-9a-f]+\.zip$/);
    const home = await readFile(path.join(distDir, 'index.html'), 'utf8');
    expect(home).toContain(`href="/downloads/${archiveName}"`);
    const readme = await readFile(path.join(copyDir, 'README.txt'), 'utf8');
    expect(readme).toContain('node serve.mjs');
    expect(readme).toMatch(/Version \d+\.\d+\.\d+, built from the content of \d{4}-\d{2}-\d{2}/);
  });

  it('has only relative links, each pointing at a file of the copy', async () => {
    const pages = [
      'index.html',
      'runbooks/k8s-002/index.html',
      'triage/index.html',
      'guides/mks-playbook/index.html',
      'K8S-002/index.html',
    ];
    for (const relative of pages) {
      const html = await readFile(path.join(copyDir, relative), 'utf8');
      expect(html, relative).not.toMatch(/\s(href|src|action)="\/(?!\/)/);
      expect(html, relative).not.toContain('type="module"');
      for (const [, href] of html.matchAll(/\s(?:href|src)="((?:\.\.?\/)[^"#?]*)/g)) {
        const target = path.resolve(path.dirname(path.join(copyDir, relative)), href!);
        await expect(
          readFile(target).then(
            () => true,
            () => false,
          ),
          `${relative} -> ${href}`,
        ).resolves.toBe(true);
      }
    }
  });

  it('home: says how old it is, lists runbooks, and a runbook opens by its link', async () => {
    const { context, page, errors } = await openCopy('index.html');
    expect(await page.locator('.offline-banner').textContent()).toMatch(
      /Offline copy, version \d+\.\d+\.\d+, built from the content of \d{4}-\d{2}-\d{2}/,
    );
    await page.locator('a', { hasText: 'Git config out of sync with cluster reality' }).first().click();
    await page.waitForSelector('[data-runbook-id="K8S-002"]');
    expect(page.url()).toBe(fileUrl('runbooks/k8s-002/index.html'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runbooks: copy buttons, and variables from the address', async () => {
    const { context, page, errors } = await openCopy('runbooks/k8s-002/index.html');
    await page.goto(`${fileUrl('runbooks/k8s-002/index.html')}?namespace=prod&pod=api-7c9`);
    await page.waitForSelector('.cmd__copy:not([hidden])');
    await linkValuesLive(page);
    expect(new Set(await page.locator('.ph[data-var="namespace"]').allTextContents())).toEqual(new Set(['prod']));
    await page
      .locator('.runbook-body .cmd')
      .filter({ has: page.locator('code', { hasText: 'describe pod api-7c9' }) })
      .locator('.cmd__copy')
      .click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'kubectl describe pod api-7c9 -n prod | grep "Image:"',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('search finds IDs in any spelling and text, with no server', async () => {
    const { context, page, errors } = await openCopy('layer/index.html');
    await page.keyboard.press('Control+k');
    const search = async (query: string) => {
      await page.fill('#search-input', query);
      await page.waitForFunction(
        (q) => (document.querySelector('[data-search-results]') as HTMLElement).dataset['query'] === q,
        query,
      );
      return page.locator('.search-hit .badge--id').allTextContents();
    };
    expect((await search('k8s002'))[0]).toBe('K8S-002');
    expect(await page.locator('.search-hit').first().locator('.badge--exact').count()).toBe(1);
    expect(
      (await search('Failed to pull image "redis:7.2-alpine": dial tcp 1.2.3.4:443: i/o timeout')).slice(0, 3),
    ).toContain('K8S-001');
    expect((await search('connection refused to queue service'))[0]).toBe('APP-002');
    expect((await search('实际实例'))[0]).toBe('K8S-003');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-runbook-id="K8S-003"]');
    expect(page.url()).toBe(fileUrl('runbooks/k8s-003/index.html'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the triage tree steps, and the ID box jumps, from disk', async () => {
    const { context, page, errors } = await openCopy('triage/index.html');
    await page.locator('.tree-node:not([hidden]) a[data-next="pods"]').click();
    expect(new URL(page.url()).hash).toBe('#step=scope/pods');
    await page.locator('.tree-node:not([hidden]) a[data-next="crashloop"]').click();
    await page.locator('.tree-node:not([hidden]) a[data-runbook="POD001"]').click();
    await page.waitForSelector('[data-runbook-id="POD001"]');
    await page.goto(fileUrl('index.html'));
    await page.fill('#id-jump-input', 'shep-003');
    await page.press('#id-jump-input', 'Enter');
    await page.waitForSelector('[data-runbook-id="SHEP-003"]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('alert links land from disk too: on the side-by-side page and on the runbook, keeping query and hash', async () => {
    const { context, page, errors } = await openCopy('index.html');
    await page.goto(`${fileUrl('KubePodCrashLooping/index.html')}?pod=api-7c9#diagnosis`);
    await page.waitForSelector('[data-alert="KubePodCrashLooping"]');
    expect(page.url()).toBe(`${fileUrl('alerts/kubepodcrashlooping/index.html')}?pod=api-7c9#diagnosis`);
    await page.locator('.compare .runbook-card', { hasText: 'SHEP-003' }).locator('h3 a').click();
    await page.waitForSelector('[data-runbook-id="SHEP-003"]');
    expect(page.url()).toBe(`${fileUrl('runbooks/shep-003/index.html')}?pod=api-7c9#diagnosis`);
    await page.goto(`${fileUrl('runbooks/kubernetes/kubeapidown/index.html')}?x=1`);
    await page.waitForSelector('[data-runbook-id="MKS-003"]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ranks like the site: the same rows and the same verdict for the same queries', async () => {
    const queries = [
      'Last State: Terminated Reason: OOMKilled Exit Code: 137',
      'pods keep restarting',
      'KubePodCrashLooping',
      'SHEP-14',
      'crashloopbakoff',
      '镜像拉取失败',
      'kafka consumer lag growing',
    ];
    const read = async (page: Page) => {
      const rows: string[][] = [];
      for (const query of queries) {
        await page.fill('#search-input', '');
        await page.fill('#search-input', query);
        await page.waitForFunction(
          (q) => (document.querySelector('#search-results') as HTMLElement).dataset['query'] === q,
          query,
        );
        rows.push([
          await page.locator('#search-status').getAttribute('data-state').then(String),
          ...(await page
            .locator('#search-results .search-hit')
            .evaluateAll((hits) => hits.map((h) => h.querySelector('a')!.textContent!.slice(0, 40)))),
        ]);
      }
      return rows;
    };
    const { context, page } = await openCopy('layer/index.html');
    await page.keyboard.press('Control+k');
    const fromDisk = await read(page);
    const online = await browser.newPage();
    await online.goto(`${siteUrl()}/layer/`);
    await online.keyboard.press('Control+k');
    expect(fromDisk).toEqual(await read(online));
    expect(fromDisk.map((r) => r[0])).toContain('no-close-match');
    await online.close();
    await context.close();
  });

  it('dark mode switches and is remembered between pages', async () => {
    const { context, page } = await openCopy('index.html');
    await page.click('[data-theme-toggle]');
    await page.goto(fileUrl('runbooks/mks-001/index.html'));
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 25)');
    await context.close();
  });
});

describe('the offline copy through its launcher', () => {
  let server: ChildProcess;
  let url: string;
  beforeAll(async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    server = spawn(process.execPath, [path.join(copyDir, 'serve.mjs'), String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = `http://127.0.0.1:${port}/`;
    await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
  });
  afterAll(() => {
    server.kill();
  });

  it('serves the copy on 127.0.0.1 with full Pagefind search', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${url}runbooks/`);
    await page.keyboard.press('Control+k');
    await page.fill('#search-input', 'CrashLoopBackOff');
    await page.waitForFunction(
      () => (document.querySelector('[data-search-results]') as HTMLElement).dataset['query'] === 'CrashLoopBackOff',
    );
    expect(requests).toContain('/pagefind/pagefind.js');
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(3);
    await page.locator('.search-hit a').first().click();
    await page.waitForSelector('[data-runbook-id]');
    await page.close();
  });
});

describe('reproducibility', () => {
  it('a second build of the same content gives the same archive bytes', async () => {
    const { runScript } = await import('../support/project.ts');
    const again = await mkdtemp(path.join(tmpdir(), 'rebuild-'));
    const result = await runScript('scripts/build.ts', [], { BUILD_OUT_DIR: path.join(again, 'site') });
    expect(result.code, result.stderr).toBe(0);
    const first = await readFile(path.join(distDir, 'downloads', archiveName));
    const second = await readFile(path.join(again, 'site', 'downloads', archiveName));
    expect(second.equals(first)).toBe(true);
  }, 240_000);
});
