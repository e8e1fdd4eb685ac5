/**
 * `runbook serve` as a person uses it: the real command serving a site built by the real build, the
 * page in Chromium, the real kubectl against the project's fake API server. What reached the fake
 * server is the proof: nothing before the context is confirmed, no destructive step whose name was
 * not typed, nothing a request from elsewhere asked for. And the same site from a static host or
 * opened from disk has no Run buttons.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { cookieName } from '../../src/companion/guard.ts';
import { serveStatic } from '../../src/fs/static-host.ts';
import { buildCompanionSite, rawRequest, startCompanion, type ServedCompanion } from '../support/companion.ts';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server.ts';
import { kubectlOnPath, writeKubeconfig, type TestKubeconfig } from '../support/kubeconfig.ts';
import { projectRoot } from '../support/project.ts';
import { readZip } from '../support/zip.ts';
import { fillVariable, linkValuesLive } from '../support/page-values.ts';

const hasKubectl = kubectlOnPath() !== undefined;
if (!hasKubectl)
  console.warn('test/e2e/companion.test.ts: skipped, no kubectl on PATH (apt-get install kubernetes-client)');

const bin = path.join(projectRoot, 'bin/runbook.mjs');
const RUNBOOK = '/runbooks/srv-001/';
/** The fixture's steps, by their index in the catalogue (test/fixtures/companion/srv-001.mdx). */
const STEP = { get: 0, follow: 1, restart: 2, delete: 3, print: 4 } as const;

let site: { scratch: string; out: string };
let browser: Browser;
let server: FakeApiServer;
let kubeconfig: TestKubeconfig;
let logDir: string;
let companion: ServedCompanion;
let cookie: string;

/** Requests for objects: what "the cluster" saw, discovery and the dispatcher's /version aside. */
const objectRequests = () =>
  server.requests.filter((r) => r.path !== '/version' && !/^\/(api|apis)(\/[^/]+){0,2}$/.test(r.path));

const own = () => ({ host: `127.0.0.1:${companion.port}`, cookie });
const api = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(companion.port, {
    method: 'POST',
    path: `/__runbook/${route}`,
    headers: { ...own(), origin: companion.origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function openRunbook(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[39]/.test(message.text())) errors.push(message.text());
  });
  await page.goto(companion.url.replace('/?', `${RUNBOOK}?`));
  await page.locator('.companion-bar').waitFor();
  await linkValuesLive(page);
  return { page, errors };
}
const command = (page: Page, step: number) => page.locator(`.runbook-body .cmd[data-step="${step}"]`);
const panelOf = (page: Page, step: number) => command(page, step).locator('xpath=following-sibling::div[1]');

describe.skipIf(!hasKubectl)('runbook serve, in Chromium, against the fake API server', () => {
  beforeAll(async () => {
    [site, browser, server] = await Promise.all([
      buildCompanionSite(),
      launchChromium(),
      startFakeApiServer({ followIntervalMs: 150, logs: { 'prod/api-7c9': ['starting api', 'listening on :8080'] } }),
    ]);
    kubeconfig = await writeKubeconfig(server.url, {
      others: [{ name: 'fake-staging', cluster: 'fake-cluster', user: 'fake-admin', namespace: 'default' }],
    });
    logDir = await mkdtemp(path.join(tmpdir(), 'runbook-companion-logs-'));
    companion = await startCompanion(['--from', site.out, '--log-dir', logDir], {
      ...kubeconfig.env,
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/',
    });
    const first = await rawRequest(companion.port, {
      path: `/?token=${companion.token}`,
      headers: { host: `127.0.0.1:${companion.port}` },
    });
    cookie = String(first.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  }, 120_000);
  afterAll(async () => {
    await companion?.stop();
    await browser?.close();
    await server?.close();
    await kubeconfig?.remove();
    await rm(logDir, { recursive: true, force: true });
    await rm(site.scratch, { recursive: true, force: true });
  });

  it('prints a URL on 127.0.0.1 with a token of at least 128 bits, which becomes an HttpOnly, SameSite=Strict cookie', async () => {
    expect(companion.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
    expect(Buffer.from(companion.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(companion.output()).toContain('kubectl context fake-prod: cluster fake-cluster');
    expect(cookie).toBe(`${cookieName(companion.port)}=${companion.token}`);
    const first = await rawRequest(companion.port, {
      path: `${RUNBOOK}?pod=api-7c9&token=${companion.token}`,
      headers: { host: `localhost:${companion.port}` },
    });
    expect(first.status).toBe(303);
    expect(first.headers['location']).toBe(`${RUNBOOK}?pod=api-7c9`);
    expect(first.headers['set-cookie']?.[0]).toMatch(/; HttpOnly; SameSite=Strict; Path=\/$/);
  });

  it('runs nothing before the context is confirmed in the bar at the top of the page', async () => {
    const { page, errors } = await openRunbook();
    try {
      expect(page.url()).toBe(`${companion.origin}${RUNBOOK}`); // the token left the address bar
      const bar = page.locator('.companion-bar');
      await expect.poll(() => bar.innerText()).toContain('kubectl context fake-prod');
      expect(await bar.innerText()).toContain('cluster fake-cluster');
      expect(await bar.innerText()).toContain('Not confirmed');
      await fillVariable(page, 'namespace', 'prod');
      await command(page, STEP.get).locator('.cmd__run').click();
      await expect.poll(() => panelOf(page, STEP.get).innerText()).toContain('Confirm the kubectl context');
      // The server refuses too, whatever the page does.
      const refused = await api('run', { runbook: 'SRV-001', step: STEP.get, values: { namespace: 'prod' } });
      expect(refused.status).toBe(409);
      expect(JSON.parse(refused.body).error).toContain('not confirmed');
      const wrong = await api('context', { context: 'fake-staging' });
      expect(wrong.status).toBe(409);
      // Every page has the bar, not only runbooks.
      await page.goto(`${companion.origin}/guides/`);
      await expect.poll(() => page.locator('.companion-bar').innerText()).toContain('kubectl context fake-prod');
      expect(objectRequests()).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs a read-only step on a click: its output below it, the exit code, the step marked done, the incident log', async () => {
    const { page, errors } = await openRunbook();
    try {
      await page.locator('.companion-bar__confirm').click();
      await expect.poll(() => page.locator('.companion-bar').innerText()).toContain('Confirmed');
      await fillVariable(page, 'namespace', 'prod');
      await command(page, STEP.get).locator('.cmd__run').click();
      const panel = panelOf(page, STEP.get);
      await expect
        .poll(() => panel.locator('.cmd-run__status').innerText())
        .toMatch(/^Exit code 0 after \d+\.\d s: done$/);
      expect(await panel.locator('.cmd-run__command').innerText()).toBe(
        '$ kubectl --context=fake-prod get pods -n prod',
      );
      const output = await panel.locator('.cmd-run__output').innerText();
      expect(output).toMatch(/^NAME\s+READY\s+STATUS/);
      expect(output).toContain('api-5f2');
      expect(await command(page, STEP.get).getAttribute('class')).toContain('is-done');
      expect(objectRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/namespaces/prod/pods']);

      // A reload finds the step as it was.
      await page.reload();
      await expect.poll(() => panelOf(page, STEP.get).locator('.cmd-run__output').innerText()).toContain('api-5f2');
      expect(await command(page, STEP.get).getAttribute('class')).toContain('is-done');

      const [log] = await readdir(logDir);
      const text = await readFile(path.join(logDir, log!), 'utf8');
      expect(log).toMatch(/^SRV-001-\d{8}-\d{6}\.md$/);
      expect(text).toContain('- Mode: from the page (runbook serve)');
      expect(text).toContain('every kubectl ran with --context=fake-prod');
      expect(text).toMatch(/## Step 1 of 5: Look\n\n\S+ · read-only · Exit code 0/);
      expect(text).toContain('kubectl --context=fake-prod get pods -n prod');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows output as text, never as markup or terminal colours', async () => {
    const { page } = await openRunbook();
    try {
      await command(page, STEP.print).locator('.cmd__run').click();
      const output = panelOf(page, STEP.print).locator('.cmd-run__output');
      await expect.poll(() => output.innerText()).toBe('<img src=x data-injected=1> red done\n');
      expect(await page.locator('[data-injected]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("never sends a destructive step to the cluster without the object's name typed", async () => {
    const { page } = await openRunbook();
    try {
      server.clearRequests();
      await fillVariable(page, 'namespace', 'prod');
      await fillVariable(page, 'pod', 'api-5f2');
      await command(page, STEP.delete).locator('.cmd__run').click();
      const panel = panelOf(page, STEP.delete);
      await expect.poll(() => panel.locator('.cmd-run__confirm').innerText()).toContain('Destructive');
      expect(await panel.locator('.cmd-run__code').innerText()).toBe(
        'kubectl --context=fake-prod delete pod api-5f2 -n prod',
      );
      expect(await panel.locator('.cmd-run__type').innerText()).toContain('Type the pod name (api-5f2)');

      // A click without the name, then the wrong name: refused by the server.
      await panel.locator('.cmd-run__go').click();
      await expect.poll(() => panel.locator('.cmd-run__status').innerText()).toContain('runs only with the pod name');
      await command(page, STEP.delete).locator('.cmd__run').click();
      await panel.locator('.cmd-run__typed').fill('api-5f');
      await panel.locator('.cmd-run__typed').press('Enter');
      await expect.poll(() => panel.locator('.cmd-run__status').innerText()).toContain('runs only with the pod name');
      // Straight to the API, with a confirming click but no name: refused.
      const shown = 'kubectl --context=fake-prod delete pod api-5f2 -n prod';
      const values = { namespace: 'prod', pod: 'api-5f2' };
      const raw = await api('run', { runbook: 'SRV-001', step: STEP.delete, values, shown, confirm: true });
      expect(raw.status).toBe(403);
      await new Promise((r) => setTimeout(r, 500));
      expect(server.mutations()).toEqual([]);
      expect(objectRequests()).toEqual([]);
      expect(server.object('pods', 'prod', 'api-5f2')).toBeDefined();

      // With the name typed it runs, and only then does the DELETE reach the cluster.
      await command(page, STEP.delete).locator('.cmd__run').click();
      await panel.locator('.cmd-run__typed').fill('api-5f2');
      await panel.locator('.cmd-run__go').click();
      await expect.poll(() => panel.locator('.cmd-run__status').innerText()).toContain('Exit code 0');
      expect(await panel.locator('.cmd-run__output').innerText()).toContain('pod "api-5f2" deleted');
      expect(server.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
        'DELETE /api/v1/namespaces/prod/pods/api-5f2',
      ]);
    } finally {
      await page.close();
    }
  });

  it('runs a change only after a confirming click for the command shown', async () => {
    const { page } = await openRunbook();
    try {
      server.clearRequests();
      await fillVariable(page, 'namespace', 'prod');
      await command(page, STEP.restart).locator('.cmd__run').click();
      const panel = panelOf(page, STEP.restart);
      await expect.poll(() => panel.locator('.cmd-run__confirm').innerText()).toContain('Changes the cluster');
      await panel.locator('.cmd-run__cancel').click();
      const values = { namespace: 'prod' };
      const unconfirmed = await api('run', { runbook: 'SRV-001', step: STEP.restart, values });
      expect(unconfirmed.status).toBe(409);
      const shown = 'kubectl --context=fake-prod rollout restart deployment/api -n prod';
      const noClick = await api('run', { runbook: 'SRV-001', step: STEP.restart, values, shown });
      expect(noClick.status).toBe(403);
      expect(JSON.parse(noClick.body).error).toContain('confirming click');
      expect(server.mutations()).toEqual([]);

      await command(page, STEP.restart).locator('.cmd__run').click();
      await panel.locator('.cmd-run__go').click();
      await expect.poll(() => panel.locator('.cmd-run__status').innerText()).toContain('Exit code 0');
      expect(server.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
        'PATCH /apis/apps/v1/namespaces/prod/deployments/api',
      ]);
    } finally {
      await page.close();
    }
  });

  it('runs a step with an unusual value only once it is accepted, and then as data', async () => {
    const { page } = await openRunbook();
    const witness = path.join(logDir, 'pwned');
    const hostile = `prod$(touch ${witness})`;
    try {
      server.clearRequests();
      await fillVariable(page, 'namespace', hostile);
      const quoted = `kubectl --context=fake-prod get pods -n 'prod$(touch ${witness})'`;
      const values = { namespace: hostile };
      const unaccepted = await api('run', { runbook: 'SRV-001', step: STEP.get, values, shown: quoted });
      expect(unaccepted.status).toBe(403);
      expect(JSON.parse(unaccepted.body).error).toContain('the value of namespace is unusual');

      await command(page, STEP.get).locator('.cmd__run').click();
      const panel = panelOf(page, STEP.get);
      await expect.poll(() => panel.locator('.cmd-run__confirm').innerText()).toContain('Unusual value for namespace');
      expect(await panel.locator('.cmd-run__code').innerText()).toBe(quoted);
      await panel.locator('.cmd-run__go').click();
      await expect.poll(() => panel.locator('.cmd-run__status').innerText()).toMatch(/^Exit code \d+/);
      expect(await panel.locator('.cmd-run__command').innerText()).toBe(`$ ${quoted}`);
      // kubectl got the value as a namespace's name (and refused it); no shell ran it on this machine.
      expect(await panel.locator('.cmd-run__output').innerText()).toContain(hostile);
      await expect(stat(witness)).rejects.toThrow(/ENOENT/);
      expect(objectRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('stops a command that runs until stopped (logs -f) from the page, one run at a time per step', async () => {
    const { page } = await openRunbook();
    try {
      await fillVariable(page, 'namespace', 'prod');
      await fillVariable(page, 'pod', 'api-7c9');
      await command(page, STEP.follow).locator('.cmd__run').click();
      const panel = panelOf(page, STEP.follow);
      const output = panel.locator('.cmd-run__output');
      await expect.poll(() => output.innerText(), { timeout: 15_000 }).toContain('tick 3');
      expect(await output.innerText()).toMatch(/^starting api\nlistening on :8080\ntick 1\n/);
      const stop = panel.locator('.cmd-run__stop');
      expect(await stop.isVisible()).toBe(true);
      expect(await command(page, STEP.follow).locator('.cmd__run').isDisabled()).toBe(true);

      const again = await api('run', {
        runbook: 'SRV-001',
        step: STEP.follow,
        values: { namespace: 'prod', pod: 'api-7c9' },
      });
      expect(again.status).toBe(409);
      expect(JSON.parse(again.body).error).toContain('one run at a time per step');

      await stop.click();
      await expect.poll(() => panel.locator('.cmd-run__status').innerText()).toMatch(/^Stopped after \d+\.\d s/);
      expect(await stop.isVisible()).toBe(false);
      const ended = await output.innerText();
      await new Promise((r) => setTimeout(r, 600));
      expect(await output.innerText()).toBe(ended); // nothing more comes
      const [log] = await readdir(logDir);
      expect(await readFile(path.join(logDir, log!), 'utf8')).toMatch(
        /## Step 2 of 5: Follow the log\n\n\S+ · read-only · Stopped with Ctrl-C/,
      );
    } finally {
      await page.close();
    }
  });

  describe('raw HTTP: what it refuses', () => {
    const page = (headers: Record<string, string>) => rawRequest(companion.port, { path: RUNBOOK, headers });

    it('a request without the token, or with a wrong one', async () => {
      const none = await page({ host: `127.0.0.1:${companion.port}` });
      expect(none.status).toBe(403);
      expect(none.body).not.toContain('<html');
      const wrongCookie = await page({
        host: `127.0.0.1:${companion.port}`,
        cookie: `${cookieName(companion.port)}=x`,
      });
      expect(wrongCookie.status).toBe(403);
      const wrongUrl = await rawRequest(companion.port, {
        // The token with its last character changed.
        path: `/?token=${companion.token.slice(0, -1)}${companion.token.endsWith('A') ? 'B' : 'A'}`,
        headers: { host: `127.0.0.1:${companion.port}` },
      });
      expect(wrongUrl.status).toBe(403);
      expect(wrongUrl.headers['set-cookie']).toBeUndefined();
      const script = await rawRequest(companion.port, {
        path: '/__runbook/companion.js',
        headers: { host: `127.0.0.1:${companion.port}` },
      });
      expect(script.status).toBe(403);
      expect((await page(own())).status).toBe(200);
    });

    it('a foreign Host, even with the token (DNS rebinding)', async () => {
      for (const host of [`evil.example:${companion.port}`, `127.0.0.1.nip.io:${companion.port}`, '127.0.0.1']) {
        const response = await page({ host, cookie });
        expect(response.status, host).toBe(403);
        expect(response.body).toContain('DNS rebinding');
      }
    });

    it('a state-changing request from a foreign Origin, or without one, and a GET where a POST is due', async () => {
      server.clearRequests();
      const body = { runbook: 'SRV-001', step: STEP.get, values: { namespace: 'prod' } };
      for (const origin of ['https://evil.example', `http://127.0.0.1:${companion.port + 1}`, 'null']) {
        const response = await api('run', body, { origin });
        expect(response.status, origin).toBe(403);
        expect(response.body).toContain('Origin');
      }
      const missing = await rawRequest(companion.port, {
        method: 'POST',
        path: '/__runbook/run',
        headers: { ...own(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(missing.status).toBe(403);
      const get = await rawRequest(companion.port, { path: '/__runbook/run', headers: own() });
      expect(get.status).toBe(405);
      const form = await api('run', body, { 'content-type': 'text/plain' });
      expect(form.status).toBe(415);
      for (const method of ['PUT', 'DELETE', 'OPTIONS']) {
        const response = await rawRequest(companion.port, { method, path: '/__runbook/run', headers: own() });
        expect(response.status, method).toBe(405);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(objectRequests()).toEqual([]);
    });

    it('a runbook not in the catalogue, a step index that does not exist, a command sent as text', async () => {
      server.clearRequests();
      const values = { namespace: 'prod' };
      const cases: [unknown, number, string][] = [
        [{ runbook: 'NOPE-001', step: 0, values }, 404, 'no runbook "NOPE-001" in the catalogue'],
        [{ runbook: 'srv001', step: 0, values }, 404, 'in the catalogue'],
        [{ runbook: 'SRV-001', step: 5, values }, 404, 'SRV-001 has no step 5'],
        [{ runbook: 'SRV-001', step: -1, values }, 404, 'has no step -1'],
        [{ runbook: 'SRV-001', step: '0', values }, 400, 'step'],
        [{ runbook: 'SRV-001', step: 0, values, command: 'kubectl delete pod api-7c9' }, 400, 'command'],
      ];
      for (const [body, status, message] of cases) {
        for (const route of ['prepare', 'run']) {
          const response = await api(route, body);
          expect(response.status, `${route} ${JSON.stringify(body)}`).toBe(status);
          expect(JSON.parse(response.body).error).toContain(message);
        }
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(objectRequests()).toEqual([]);
    });

    it('sends no CORS header and the CSP as a header, on pages and API alike', async () => {
      const responses = [
        await page(own()),
        await page({ host: 'evil.example' }),
        await rawRequest(companion.port, {
          path: '/__runbook/state',
          headers: { ...own(), origin: 'https://evil.example' },
        }),
        await rawRequest(companion.port, { method: 'OPTIONS', path: '/__runbook/run', headers: own() }),
        await api('prepare', { runbook: 'SRV-001', step: 0, values: {} }),
      ];
      for (const response of responses) {
        expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
        expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      }
      // The page the companion serves is the site's, plus its script from its own origin, and no inline script.
      const html = (await page(own())).body;
      expect(html).toContain('<script src="/__runbook/companion.js" defer></script>');
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual(
        (await readFile(path.join(site.out, 'runbooks/srv-001/index.html'), 'utf8')).match(
          /<script(?![^>]*\bsrc=)[^>]*>/g,
        ) ?? [],
      );
    });
  });

  it('serves the offline copy from its zip, with the Run buttons', async () => {
    const downloads = path.join(site.out, 'downloads');
    const zip = path.join(
      downloads,
      (await readdir(downloads)).find((f) => f.endsWith('.zip'))!,
    );
    const fromZip = await startCompanion(['--from', zip, '--log-dir', logDir], {
      ...kubeconfig.env,
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/',
    });
    const page = await browser.newPage();
    try {
      expect(fromZip.output()).toContain(`${zip}!`);
      await page.goto(fromZip.url.replace('/?', `${RUNBOOK}?`));
      await page.locator('.companion-bar__confirm').click();
      await fillVariable(page, 'namespace', 'prod');
      await command(page, STEP.get).locator('.cmd__run').click();
      await expect.poll(() => panelOf(page, STEP.get).locator('.cmd-run__output').innerText()).toContain('api-7c9');
    } finally {
      await page.close();
      expect(await fromZip.stop()).toBe(0);
    }
  });

  it('refuses to start without a site to serve, a kubectl context or a usable port', async () => {
    const serve = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, [bin, 'serve', ...args], { env }, (error, _stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
        );
      });
    const env = { ...kubeconfig.env, PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/' };
    const alone = await serve(['--from', path.join(site.out, 'commands.json')], env);
    expect(alone).toMatchObject({ code: 2, stderr: expect.stringContaining("a catalogue alone can't be served") });
    const port = await serve(['--from', site.out, '--port', '70000'], env);
    expect(port).toMatchObject({ code: 2, stderr: expect.stringContaining('--port 70000: a port number') });
    const busy = await serve(['--from', site.out, '--port', String(companion.port)], env);
    expect(busy).toMatchObject({ code: 2, stderr: expect.stringContaining(`127.0.0.1:${companion.port}`) });
    const empty = path.join(kubeconfig.dir, 'empty');
    await writeFile(empty, '');
    const noContext = await serve(['--from', site.out], { ...env, KUBECONFIG: empty });
    expect(noContext).toMatchObject({ code: 2, stderr: expect.stringContaining('nothing is served') });
  });

  describe('without the companion: no Run buttons', () => {
    async function runButtonsOn(url: string): Promise<{ commands: number; buttons: number; bars: number }> {
      const page = await browser.newPage();
      try {
        await page.goto(url);
        // The site's own script has run (it shows the variables panel); the companion's would have by now.
        await page.locator('[data-variables]:not([hidden])').waitFor();
        await page.waitForTimeout(500);
        return {
          commands: await page.locator('.runbook-body .cmd[data-step]').count(),
          buttons: await page.locator('.cmd__run').count(),
          bars: await page.locator('.companion-bar').count(),
        };
      } finally {
        await page.close();
      }
    }

    it('the site from a static host', async () => {
      const host = await serveStatic(site.out);
      try {
        expect(await runButtonsOn(`${host.url}${RUNBOOK}`)).toEqual({ commands: 5, buttons: 0, bars: 0 });
        expect((await fetch(`${host.url}/__runbook/companion.js`)).status).toBe(404);
        expect(await (await fetch(`${host.url}${RUNBOOK}`)).text()).not.toContain('__runbook');
      } finally {
        host.close();
      }
    });

    it('the offline copy opened from disk', async () => {
      const downloads = path.join(site.out, 'downloads');
      const archive = (await readdir(downloads)).find((f) => f.endsWith('.zip'))!;
      const scratch = await mkdtemp(path.join(tmpdir(), 'runbook-companion-offline-'));
      try {
        for (const entry of await readZip(await readFile(path.join(downloads, archive)))) {
          const target = path.join(scratch, entry.name);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, entry.data);
        }
        const page = path.join(scratch, archive.replace(/\.zip$/, ''), 'runbooks/srv-001/index.html');
        expect(await runButtonsOn(pathToFileURL(page).href)).toEqual({ commands: 5, buttons: 0, bars: 0 });
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    });
  });
});
