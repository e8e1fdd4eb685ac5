/**
 * The runbook page, the home page and the triage as someone paged at night uses them: on a 390x844
 * phone and a 1280x900 desktop, with and without JavaScript. Placeholder defaults and what overrides
 * them, what the panel says of a link's parameters, the first command on the first screen, the sticky
 * bar, code that wraps only between words, incident notes, and the home page and triage first screens.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { fetchManifest, siteUrl } from '../support/site.ts';
import { fillVariable, linkValuesLive } from '../support/page-values.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

interface OpenOptions {
  viewport?: { width: number; height: number };
  javaScript?: boolean;
  colorScheme?: 'light' | 'dark';
}

async function open(path: string, { viewport = DESKTOP, javaScript = true, colorScheme = 'light' }: OpenOptions = {}) {
  const context: BrowserContext = await browser.newContext({ viewport, javaScriptEnabled: javaScript, colorScheme });
  if (javaScript) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${siteUrl()}${path}`);
  if (javaScript) {
    await page.waitForSelector('.cmd__copy:not([hidden]), [data-tree], .jump', { state: 'attached' });
    await linkValuesLive(page);
  }
  return { page, context, errors };
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);
/** The command in the runbook's body (not its first-step copy) whose code contains `text`. */
const bodyCommand = (page: Page, text: string) =>
  page
    .locator('.runbook-body .cmd')
    .filter({ has: page.locator('code', { hasText: text }) })
    .first();

describe('placeholder defaults', () => {
  it("shows the guide's value, marked as a default, and copies it without asking", async () => {
    const { page, context, errors } = await open('/runbooks/node001/');
    // The guide's namespace is the default; its "delete pod <pod-name> -n <namespace>" (any
    // namespace) has none and stays a placeholder to fill.
    const namespaces = page.locator('.ph[data-default][data-var="namespace"]');
    expect(await namespaces.count()).toBeGreaterThan(1);
    expect(new Set(await namespaces.allTextContents())).toEqual(new Set(['klinematrix-prod']));
    expect(await namespaces.first().getAttribute('title')).toBe(
      'Default from the guide: fill <namespace> to change it',
    );
    expect(await namespaces.evaluateAll((els) => els.every((e) => e.classList.contains('is-default')))).toBe(true);
    expect(await page.locator('.ph:not([data-default])[data-var="namespace"]').first().textContent()).toBe(
      '<namespace>',
    );
    const target = bodyCommand(page, 'kubectl top pods');
    await setClipboard(page, 'unchanged');
    await target.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl top pods -n klinematrix-prod --containers');
    expect(await target.locator('.cmd__status').textContent()).toBe('Copied.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an alert label overrides the default everywhere on the page, the destructive commands included', async () => {
    const { page, context } = await open('/runbooks/node001/?namespace=prod&pod=api-7c9');
    // The issue: a delete in -n prod under a scale in -n klinematrix-prod. Now both say prod.
    expect(new Set(await page.locator('.ph[data-var="namespace"]').allTextContents())).toEqual(new Set(['prod']));
    expect(await page.locator('.ph.is-default[data-var="namespace"]').count()).toBe(0);
    const scale = bodyCommand(page, 'kubectl scale deployment');
    await setClipboard(page, 'unchanged');
    await scale.locator('.cmd__copy').click();
    // Destructive: a confirming second click, but no "not filled in" for the defaulted deployment.
    expect(await scale.locator('.cmd__status').textContent()).not.toContain('Not filled in');
    expect(await clipboard(page)).toBe('unchanged');
    await scale.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl scale deployment frontend --replicas=0 -n prod');
    const remove = bodyCommand(page, 'kubectl delete pod');
    await remove.locator('.cmd__copy').click();
    await remove.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl delete pod api-7c9 -n prod');
    await context.close();
  });

  it("the panel overrides it too, and emptying the field brings the guide's value back", async () => {
    const { page, context } = await open('/runbooks/pod001/');
    await fillVariable(page, 'namespace', 'staging');
    expect(new Set(await page.locator('.ph[data-var="namespace"]').allTextContents())).toEqual(new Set(['staging']));
    expect(new URL(page.url()).searchParams.get('namespace')).toBe('staging');
    await fillVariable(page, 'namespace', '');
    expect(new Set(await page.locator('.ph[data-var="namespace"]').allTextContents())).toEqual(
      new Set(['klinematrix-prod']),
    );
    expect(await page.locator('.ph.is-default[data-var="namespace"]').count()).toBeGreaterThan(0);
    // The field says what the default is.
    expect(await page.locator('[data-var-input="namespace"]').getAttribute('placeholder')).toBe('klinematrix-prod');
    await context.close();
  });

  it('a command whose only unfilled placeholders have defaults copies on the first click; one without still asks', async () => {
    const { page, context } = await open('/runbooks/pod001/');
    await setClipboard(page, 'unchanged');
    const edit = bodyCommand(page, 'kubectl edit deploy');
    await edit.locator('.cmd__copy').click();
    expect(await edit.locator('.cmd__status').textContent()).not.toContain('Not filled in');
    await edit.locator('.cmd__copy').click();
    expect(await clipboard(page)).toBe('kubectl edit deploy backend -n klinematrix-prod');
    const logs = bodyCommand(page, 'kubectl logs <pod-name>');
    await logs.locator('.cmd__copy').click();
    expect(await logs.locator('.cmd__status').textContent()).toContain('Not filled in: <pod-name>');
    await context.close();
  });

  it('without JavaScript, commands read as the guide wrote them, defaults filled in', async () => {
    const { page, context } = await open('/runbooks/node001/', { javaScript: false });
    expect(await bodyCommand(page, 'kubectl scale').locator('code').textContent()).toBe(
      'kubectl scale deployment frontend --replicas=0 -n klinematrix-prod',
    );
    await context.close();
  });
});

describe('URL parameters in the panel', () => {
  it('says which parameters of the link were applied and which matched nothing on this page', async () => {
    const { page, context } = await open('/runbooks/node001/?namespace=prod&POD_NAME=api-7c9&cluster=eu-1');
    const report = page.locator('[data-variables-from-url]');
    expect(await report.isVisible()).toBe(true);
    const text = await report.textContent();
    expect(text).toContain('Applied from the link: namespace=prod → <namespace>, POD_NAME=api-7c9 → <pod-name>');
    expect(text).toContain('Matched nothing on this page: cluster=eu-1');
    expect(await page.inputValue('[data-var-input="pod"]')).toBe('api-7c9');
    await context.close();
  });

  it('says nothing when the link has no parameters, and shows values as text', async () => {
    const { page, context } = await open('/runbooks/node001/');
    expect(await page.locator('[data-variables-from-url]').isVisible()).toBe(false);
    await page.goto(`${siteUrl()}/runbooks/node001/?x=${encodeURIComponent('<b>bold</b>')}`);
    await page.waitForSelector('[data-variables-from-url]:not([hidden])');
    expect(await page.locator('[data-variables-from-url] b').count()).toBe(0);
    expect(await page.locator('[data-variables-from-url]').textContent()).toContain('x=<b>bold</b>');
    await context.close();
  });
});

describe('the first command on the first screen', () => {
  /** Where the first command, the severity and the summary are, in the first screen's coordinates. */
  const firstScreen = (page: Page) =>
    page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      const command = box('.cmd');
      return {
        command: command && { top: command.top, bottom: command.bottom },
        severity: box('.runbook-bar [class*="badge--"]:not(.badge--id)')?.bottom,
        summary: box('.runbook-header .summary')?.bottom,
        inFirstStep: document.querySelector('.cmd')?.closest('.first-step') !== null,
      };
    });

  for (const [size, viewport] of SIZES) {
    for (const javaScript of [true, false]) {
      it(`every incident's first command is above the fold of a ${size} (${viewport.width}x${viewport.height}), ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
        const incidents = (await fetchManifest()).filter((r) => r.kind === 'incident');
        expect(incidents.length).toBeGreaterThan(50);
        const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
        const page = await context.newPage();
        const below: string[] = [];
        for (const runbook of incidents) {
          await page.goto(`${siteUrl()}${runbook.url}`);
          const at = await firstScreen(page);
          if (!at.command) continue; // a runbook without commands has no first step
          expect(at.inFirstStep, runbook.id).toBe(true);
          // The severity and the one-line meaning stay above it.
          expect(at.severity!, runbook.id).toBeLessThanOrEqual(at.command.top);
          expect(at.summary!, runbook.id).toBeLessThanOrEqual(at.command.top);
          if (at.command.bottom > viewport.height) below.push(`${runbook.id} at ${Math.round(at.command.bottom)}`);
        }
        expect(below).toEqual([]);
        await context.close();
      });
    }
  }

  it('links to where the command comes from, and is the same step as that command', async () => {
    const { page, context } = await open('/runbooks/pod001/');
    const link = page.locator('[data-first-step-link]');
    expect(await link.textContent()).toBe('Diagnosis › 1. Check pod logs');
    expect(await link.getAttribute('href')).toBe('#1-check-pod-logs');
    const step = await page.locator('.first-step .cmd').getAttribute('data-step');
    expect(await page.locator(`.runbook-body .cmd[data-step="${step}"] code`).textContent()).toBe(
      await page.locator('.first-step .cmd code').textContent(),
    );
    await context.close();
  });

  it('is left out of prevention and reference pages', async () => {
    const { page, context } = await open('/runbooks/env001/');
    expect(await page.locator('.first-step').count()).toBe(0);
    await context.close();
  });
});

describe('the sticky bar', () => {
  for (const [size, viewport] of SIZES) {
    it(`keeps ID, severity and title in sight after #diagnosis on a ${size}, with one tap to the variables`, async () => {
      const { page, context } = await open('/runbooks/k8s-002/#diagnosis', { viewport });
      await page.evaluate(() => document.querySelector('#diagnosis')!.scrollIntoView());
      await page.waitForTimeout(100);
      const bar = page.locator('.runbook-bar');
      const box = (await bar.boundingBox())!;
      expect(box.y).toBe(0);
      expect(box.height).toBeLessThanOrEqual(size === 'phone' ? 80 : 56);
      expect(await bar.locator('.badge--id').isVisible()).toBe(true);
      expect(await bar.locator('.badge--critical').isVisible()).toBe(true);
      expect(await bar.locator('.runbook-bar__title').isVisible()).toBe(true);
      expect(await bar.locator('.runbook-bar__title').textContent()).toBe(await page.locator('h1').textContent());
      // The Diagnosis heading is below the bar, not under it.
      const heading = (await page.locator('#diagnosis').boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(box.y + box.height);
      await bar.locator('[data-bar-variables]').click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-var-input'))).toBe('pod');
      // The page scrolls there (smoothly, unless the reader asked for reduced motion).
      const fieldIsInSight = async () => {
        const field = (await page.locator('[data-var-input="pod"]').boundingBox())!;
        return field.y > box.height && field.y + field.height < viewport.height;
      };
      await expect.poll(fieldIsInSight, { timeout: 3000 }).toBe(true);
      // The address still says where the alert pointed.
      expect(new URL(page.url()).hash).toBe('#diagnosis');
      await context.close();
    });
  }

  for (const [size, viewport] of SIZES) {
    it(`on a ${size}, shows no title at the top, where the heading is, and moves nothing when it sticks`, async () => {
      const { page, context } = await open('/runbooks/k8s-002/', { viewport });
      expect(await page.locator('.runbook-bar__title').isVisible()).toBe(false);
      const bodyTop = () =>
        page.evaluate(() => document.querySelector('.runbook-body')!.getBoundingClientRect().top + window.scrollY);
      const before = await bodyTop();
      await page.evaluate(() => window.scrollTo({ top: 1200, behavior: 'instant' }));
      await expect.poll(() => page.locator('.runbook-bar__title').isVisible()).toBe(true);
      expect(await bodyTop()).toBe(before);
      await context.close();
    });
  }
});

describe('filling a placeholder where it is', () => {
  it('a click opens an editor under the command; typing fills every command and the address; Enter goes to Copy', async () => {
    const { page, context, errors } = await open('/runbooks/node001/', { viewport: PHONE });
    const ph = page.locator('.runbook-body .ph[data-var="deployment-to-scale-down"]').first();
    await ph.click();
    // The editor's code loads on the first click (src/client/copy/placeholder-editor.ts).
    const editor = page.locator('.ph-editor');
    await editor.waitFor({ state: 'visible', timeout: 5000 });
    expect(await editor.locator('label').textContent()).toBe('Fill <deployment-to-scale-down> (default frontend)');
    // Under the whole command, which stays in sight (both measured in one frame: the page may be scrolling).
    const gap = await ph.evaluate(
      (e) =>
        document.querySelector('.ph-editor')!.getBoundingClientRect().top -
        e.closest('.cmd')!.getBoundingClientRect().bottom,
    );
    expect(gap).toBeGreaterThanOrEqual(0);
    await page.keyboard.type('web');
    expect(await ph.textContent()).toBe('web');
    expect(await page.inputValue('[data-var-input="deployment-to-scale-down"]')).toBe('web');
    expect(new URL(page.url()).searchParams.get('deployment-to-scale-down')).toBe('web');
    await page.keyboard.press('Enter');
    expect(await editor.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('.cmd')?.textContent)).toContain(
      'kubectl scale deployment web',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('code on a phone', () => {
  it.each(['/runbooks/node001/', '/runbooks/shep-003/', '/runbooks/app-005/', '/runbooks/k8s-002/', '/triage/'])(
    '%s wraps commands only between words, never inside a flag or a name, and never scrolls the page sideways',
    async (path) => {
      const { page, context } = await open(path, { viewport: PHONE });
      const found = await page.evaluate(() => {
        const words = [...document.querySelectorAll<HTMLElement>('.cmd-block code .w')].filter(
          (w) => w.getClientRects().length > 0,
        );
        return {
          words: words.length,
          // A word broken over two lines has client rects on two lines (one per line, or per piece).
          broken: words
            .filter((w) => new Set([...w.getClientRects()].map((r) => Math.round(r.bottom))).size > 1)
            .map((w) => w.textContent),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(found.words).toBeGreaterThan(10);
      expect(found.broken).toEqual([]);
      expect(found.overflow).toBeLessThanOrEqual(0);
      await context.close();
    },
  );

  it('keeps --replicas=0 whole where the command wraps', async () => {
    const { page, context } = await open('/runbooks/node001/', { viewport: { width: 320, height: 700 } });
    const code = bodyCommand(page, 'kubectl scale').locator('code');
    const lines = await code.evaluate((e) => Math.round(e.getBoundingClientRect().height / 16));
    expect(lines).toBeGreaterThan(1); // it does wrap at 320 px
    const flag = code.locator('.w', { hasText: '--replicas=0' });
    expect(await flag.evaluate((w) => new Set([...w.getClientRects()].map((r) => Math.round(r.bottom))).size)).toBe(1);
    await context.close();
  });

  it("keeps the terminal line's flags whole where it wraps: the line wraps only at its spaces", async () => {
    const { page, context } = await open('/runbooks/pod001/?namespace=prod&pod=api-7c9', { viewport: PHONE });
    const code = page.locator('.run-command__code');
    expect(await code.textContent()).toBe('npx runbook run POD001 --pod api-7c9 --namespace prod');
    const lines = await code.evaluate(
      (e) => new Set([...e.querySelectorAll('.w')].map((w) => Math.round(w.getBoundingClientRect().bottom))).size,
    );
    expect(lines).toBeGreaterThan(1); // it does wrap on a phone
    expect(await code.locator('.w').count()).toBe(8);
    const broken = await code.evaluate((e) =>
      [...e.querySelectorAll('.w')]
        .filter((w) => new Set([...w.getClientRects()].map((r) => Math.round(r.bottom))).size > 1)
        .map((w) => w.textContent),
    );
    expect(broken).toEqual([]);
    await context.close();
  });
});

describe('code loaded on first use', () => {
  it('a page only read loads one script; a value or a tick loads its code, and a copy waits for it', async () => {
    const { page, context, errors } = await open('/runbooks/pod001/');
    await page.waitForLoadState('networkidle');
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .flatMap((r) => (r.name.endsWith('.js') ? [new URL(r.name).pathname] : [])),
    );
    expect(scripts).toHaveLength(1);
    // From here on the chunks arrive late, as on a slow link: what is clicked meanwhile must wait for them.
    const requested: string[] = [];
    await context.route(/\/_astro\/.*\.js$/, async (route) => {
      requested.push(new URL(route.request().url()).pathname);
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await fillVariable(page, 'pod', 'api-7c9');
    const logs = bodyCommand(page, 'kubectl logs');
    await logs.locator('.cmd__copy').click();
    await expect.poll(() => logs.locator('.cmd__status').textContent()).toBe('Copied.');
    expect(await clipboard(page)).toBe('kubectl logs api-7c9 -n klinematrix-prod --previous');
    expect(requested.some((p) => p.includes('variable-values'))).toBe(true);

    await bodyCommand(page, 'kubectl describe pod').locator('.cmd__done input').check();
    // Shown at once, before the notes' code has arrived.
    expect(await page.locator('[data-bar-notes]').textContent()).toBe('✓ 1 done');
    await page.click('[data-notes-copy]');
    await expect.poll(() => page.locator('[data-notes-status]').textContent()).toBe('Copied notes of 1 steps.');
    const notes = (await clipboard(page)).split('\n');
    expect(notes[2]).toBe('Values: `pod=api-7c9`');
    expect(notes[4]).toMatch(
      /^- \d\d:\d\d UTC, Diagnosis › 2\. Describe pod for events: `kubectl describe pod api-7c9/,
    );
    expect(page.url()).toBe(`${siteUrl()}/runbooks/pod001/?pod=api-7c9`);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('when the host goes down after the page opened, values and notes say so, and a copy still warns of placeholders', async () => {
    const { page, context, errors } = await open('/runbooks/pod001/');
    await page.waitForLoadState('networkidle');
    await context.route(/\/_astro\/.*\.js$/, (route) => route.abort('connectionrefused'));
    await page.fill('[data-var-input="pod"]', 'api-7c9');
    await page.locator('[data-values-failed]').waitFor();
    expect(await page.locator('[data-values-failed]').textContent()).toContain('did not load');
    const logs = bodyCommand(page, 'kubectl logs');
    await logs.locator('.cmd__copy').click();
    await expect.poll(() => logs.locator('.cmd__status').textContent()).toContain('Not filled in: <pod-name>');

    await bodyCommand(page, 'kubectl describe pod').locator('.cmd__done input').check();
    expect(await page.locator('[data-bar-notes]').textContent()).toBe('✓ 1 done');
    await expect.poll(() => page.locator('[data-notes-status]').textContent()).toContain('did not load');
    await page.click('[data-notes-copy]');
    await expect.poll(() => page.locator('[data-notes-status]').textContent()).toContain('notes cannot be copied');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('incident notes', () => {
  it('ticks a step (both places it is shown), keeps it across a reload, copies the notes as Markdown and clears in one click', async () => {
    const { page, context, errors } = await open('/runbooks/pod001/?pod=api-7c9');
    const logs = bodyCommand(page, 'kubectl logs api-7c9');
    await logs.locator('.cmd__done input').check();
    // The first-step box shows the same command: it is the same step.
    expect(await page.locator('.first-step .cmd__done input').isChecked()).toBe(true);
    await bodyCommand(page, 'kubectl describe pod').locator('.cmd__done input').check();
    expect(await page.locator('[data-bar-notes]').textContent()).toBe('✓ 2 done');

    await page.reload();
    await page.waitForSelector('.cmd__done');
    expect(await bodyCommand(page, 'kubectl logs api-7c9').locator('.cmd__done input').isChecked()).toBe(true);
    expect(await page.locator('[data-notes-summary]').textContent()).toContain('2 of');

    await page.click('[data-notes-copy]');
    const notes = await clipboard(page);
    const lines = notes.split('\n');
    expect(lines[0]).toMatch(/^\*\*POD001: Pods in CrashLoopBackOff\*\* \(critical\), notes of \d{4}-\d\d-\d\d$/);
    expect(lines[1]).toBe(`${siteUrl()}/runbooks/pod001/?pod=api-7c9`);
    expect(lines[2]).toBe('Values: `pod=api-7c9`');
    expect(lines[4]).toMatch(
      /^- \d\d:\d\d UTC, Diagnosis › 1\. Check pod logs: `kubectl logs api-7c9 -n klinematrix-prod --previous`$/,
    );
    expect(lines[5]).toMatch(
      /^- \d\d:\d\d UTC, Diagnosis › 2\. Describe pod for events: `kubectl describe pod api-7c9/,
    );

    await page.click('[data-notes-clear]');
    expect(await page.locator('.cmd__done input:checked').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('runbook-progress:POD001'))).toBeNull();
    await page.reload();
    await page.waitForSelector('.cmd__done');
    expect(await page.locator('.cmd__done input:checked').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps ticks per runbook', async () => {
    const { page, context } = await open('/runbooks/pod001/');
    await bodyCommand(page, 'kubectl describe pod').locator('.cmd__done input').check();
    await page.goto(`${siteUrl()}/runbooks/node001/`);
    await page.waitForSelector('.cmd__done');
    expect(await page.locator('.cmd__done input:checked').count()).toBe(0);
    await context.close();
  });

  it('is not offered without JavaScript', async () => {
    const { page, context } = await open('/runbooks/pod001/', { javaScript: false });
    expect(await page.locator('[data-notes]').isVisible()).toBe(false);
    expect(await page.locator('.cmd__done').count()).toBe(0);
    await context.close();
  });
});

describe('the home page under stress', () => {
  for (const [size, viewport] of SIZES) {
    it(`on a ${size}: the box and the jump links on the first screen, incidents first, bounded height`, async () => {
      const manifest = await fetchManifest();
      const kindOf = new Map(manifest.map((r) => [r.id, r.kind]));
      const { page, context } = await open('/', { viewport });
      const jump = (await page.locator('.jump-links').boundingBox())!;
      expect(jump.y + jump.height).toBeLessThanOrEqual(viewport.height);
      expect((await page.locator('#id-jump-input').boundingBox())!.y).toBeLessThan(viewport.height / 3);
      // The first row under Critical is an incident, and every row before the prevention and
      // reference section is one.
      const rows = await page
        .locator('.compact-list a')
        .evaluateAll((as) => as.map((a) => ({ id: a.querySelector('.badge--id')?.textContent ?? '' })));
      const firstOther = rows.findIndex((r) => kindOf.get(r.id) !== 'incident');
      expect(firstOther).toBeGreaterThan(0);
      expect(rows.slice(0, firstOther).every((r) => kindOf.get(r.id) === 'incident')).toBe(true);
      expect(rows.slice(firstOther).every((r) => kindOf.get(r.id) !== 'incident')).toBe(true);
      expect(await page.locator('#severity-critical + .compact-list .badge--id').first().textContent()).not.toBe(
        'APP-001',
      );
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      // Was 8,961 px (10 screens) on a desktop and 16,275 (19) on a phone.
      expect(height).toBeLessThan(viewport.height * (size === 'phone' ? 6 : 4));
      await page.click('.jump-links a[href="#severity-high"]');
      await page.waitForTimeout(600);
      const high = (await page.locator('#severity-high').boundingBox())!;
      expect(high.y).toBeGreaterThanOrEqual(0);
      expect(high.y).toBeLessThan(viewport.height / 2);
      await context.close();
    });
  }
});

describe('the triage under stress', () => {
  for (const [size, viewport] of SIZES) {
    for (const javaScript of [true, false]) {
      it(`shows the first answers on the first screen of a ${size}, ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
        const { page, context } = await open('/triage/', { viewport, javaScript });
        const answers = page.locator('.tree-node').first().locator('.tree-answer');
        expect(await answers.count()).toBeGreaterThan(3);
        const third = (await answers.nth(2).boundingBox())!;
        expect(third.y + third.height).toBeLessThanOrEqual(viewport.height);
        await context.close();
      });
    }
  }

  it('with the stepper, where no numbers are shown, says what comes next instead of "go to question 10"', async () => {
    const { page, context } = await open('/triage/', { viewport: PHONE });
    const targets = await page
      .locator('.tree-node:not([hidden]) a[data-next] .tree-answer__target')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) expect(target).not.toMatch(/question \d/);
    expect(targets).toContain("next: What do the node's conditions say?");
    expect(await page.locator('[data-tree-keys]').isVisible()).toBe(false);
    await context.close();
  });

  it('without JavaScript on a phone, numbered questions, and the runbook column keeps its width', async () => {
    const { page, context } = await open('/triage/', { viewport: PHONE, javaScript: false });
    expect(await page.locator('a[data-next] .tree-answer__target').first().innerText()).toMatch(/^go to question \d+$/);
    const widths = await page
      .locator('.tree-answer--runbook .tree-answer__target')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThan(250);
    // Was 76,000 px with the runbook column one character wide.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(20_000);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it.each(['/', '/runbooks/k8s-002/', '/triage/'])(
    '%s hides the header Search button, which could do nothing',
    async (path) => {
      const { page, context } = await open(path, { javaScript: false });
      expect(await page.locator('.search-open').count()).toBe(1);
      expect(await page.locator('.search-open').isVisible()).toBe(false);
      await context.close();
      const withScript = await open(path);
      expect(await withScript.page.locator('.search-open').isVisible()).toBe(true);
      await withScript.context.close();
    },
  );
});
