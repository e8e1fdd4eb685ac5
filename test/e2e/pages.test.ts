import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { fetchManifest, openPage, pathAndRest, siteUrl } from '../support/site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('home page', () => {
  it('jumps to a runbook from any spelling of its ID or an alias', async () => {
    for (const [typed, id] of [
      ['k8s 002', 'K8S-002'],
      ['gitclusterdrift', 'K8S-002'],
      ['K8S-001', 'K8S-001'],
    ] as const) {
      const { page, errors } = await openPage(browser);
      await page.goto(`${siteUrl()}/`);
      // The box has focus on arrival: an engineer can type the ID at once.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('id-jump-input');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-runbook-id="${id}"]`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('groups runbooks by severity, most urgent first, and links every layer', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${siteUrl()}/`);
    const severities = await page.locator('[id^="severity-"]').evaluateAll((els) => els.map((e) => e.id));
    const order = ['severity-critical', 'severity-high', 'severity-medium', 'severity-low'];
    expect(severities).toEqual(order.filter((s) => severities.includes(s)));
    expect(await page.locator('#severity-critical + .compact-list [data-severity="critical"]').count()).toBeGreaterThan(
      0,
    );
    expect(await page.locator('.layer-grid a[href^="/layer/"]').count()).toBe(6);
    await page.close();
  });

  it('filters by service in place, keeps the choice in the URL, and restores it from the URL', async () => {
    const services = [...new Set((await fetchManifest()).map((r) => r.service))];
    const service = services[0]!;
    const { page } = await openPage(browser);
    await page.goto(`${siteUrl()}/`);
    // The filter's script loads after the page (src/client/init.ts): it marks every link when it is ready.
    await page.waitForSelector('[data-service-filter][aria-pressed]');
    await page.click(`[data-service-filter="${service}"]`);
    expect(new URL(page.url()).searchParams.get('service')).toBe(service);
    expect(await page.getAttribute(`[data-service-filter="${service}"]`, 'aria-pressed')).toBe('true');
    const visible = await page
      .locator('[data-filterable] [data-service]:visible')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['service']));
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set([service]));
    await page.reload();
    await page.waitForSelector('[data-service-filter][aria-pressed]');
    expect(await page.getAttribute(`[data-service-filter="${service}"]`, 'aria-pressed')).toBe('true');
    await page.click('[data-service-filter=""]');
    expect(new URL(page.url()).searchParams.has('service')).toBe(false);
    await page.close();
  });

  it('without JavaScript, the service filters are links to the service pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/`);
    await page.click('[data-service-filter="klinematrix"]');
    expect(pathAndRest(page).path).toBe('/service/klinematrix/');
    expect(await page.locator('h1').textContent()).toBe('klinematrix');
    await context.close();
  });
});

describe('runbook page', () => {
  it('puts ID, severity, layer, service and the summary at the top, then the first step, symptoms, body, related and source', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${siteUrl()}/runbooks/k8s-002/`);
    expect(await page.locator('.runbook-bar .badge').allTextContents()).toEqual(['K8S-002', 'Severity: Critical']);
    expect(await page.locator('.runbook-header__place .badge').allTextContents()).toEqual([
      'Layer: Orchestration',
      'Service: klinematrix',
    ]);
    expect(await page.locator('.runbook-header .summary').textContent()).toContain('Make Git match the cluster first');
    const headings = await page.locator('article h2').allTextContents();
    expect(headings[0]).toMatch(/^First step from Diagnosis/);
    expect(headings[1]).toBe('Symptoms');
    expect(headings.indexOf('Diagnosis')).toBeGreaterThan(0);
    expect(headings.slice(-2)).toEqual(['Related runbooks', 'Source']);
    expect(await page.locator('.symptoms li code').first().textContent()).toBe('kubectl describe pod');
    expect(await page.locator('#related ~ .runbook-list a').first().getAttribute('href')).toBe('/runbooks/k8s-001/');
    expect(await page.locator('.source a').getAttribute('href')).toBe('/guides/klinematrix-k8s/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the characters the guide meant (arrows, emoji, Chinese console text)', async () => {
    const text = await (await fetch(`${siteUrl()}/runbooks/k8s-003/`)).text();
    expect(text).toContain('付费模式与实际实例不一致');
    expect(text).toContain('✅');
    expect(await (await fetch(`${siteUrl()}/runbooks/k8s-002/`)).text()).toContain('→ ImagePullBackOff');
    for (const mojibake of ['‚Üí', '‚úÖ', 'â†’', 'Ã']) expect(text).not.toContain(mojibake);
  });
});

describe('listing pages', () => {
  it.each([
    ['/layer/infrastructure/', ['K8S-001', 'K8S-003']],
    ['/severity/critical/', ['K8S-002']],
    ['/service/klinematrix/', ['K8S-001', 'K8S-002', 'K8S-003']],
    ['/runbooks/', ['K8S-001', 'K8S-002', 'K8S-003']],
  ])('%s lists its runbooks', async (path, ids) => {
    const html = await (await fetch(`${siteUrl()}${path}`)).text();
    for (const id of ids) expect(html).toContain(`>${id}</a>`);
  });

  it('every layer, severity and service in the manifest has a listing page', async () => {
    const manifest = await fetchManifest();
    const paths = new Set(
      manifest.flatMap((r) => [`/layer/${r.layer}/`, `/severity/${r.severity}/`, `/service/${r.service}/`]),
    );
    for (const path of [...paths, '/layer/', '/severity/', '/service/', '/guides/', '/trees/', '/triage/']) {
      expect((await fetch(`${siteUrl()}${path}`)).status, path).toBe(200);
    }
  });
});

// WCAG relative luminance and contrast of two computed CSS colours.
async function contrastOf(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      // rgb()/rgba(), or color(srgb r g b / a) as color-mix() computes to, as 0-255 channels and alpha.
      const parse = (c: string): [number, number, number, number] => {
        const n = (c.match(/[\d.]+/g) ?? []).map(Number);
        const scale = c.startsWith('color(') ? 255 : 1;
        return [(n[0] ?? 0) * scale, (n[1] ?? 0) * scale, (n[2] ?? 0) * scale, n[3] ?? 1];
      };
      // The backdrop as painted: translucent layers composited over the nearest opaque one (or white).
      const background = (el: Element | null): number[] => {
        const layers: [number, number, number, number][] = [];
        for (let e = el; e; e = e.parentElement) {
          const layer = parse(getComputedStyle(e).backgroundColor);
          if (layer[3] === 0) continue;
          layers.push(layer);
          if (layer[3] >= 1) break;
        }
        return layers.reduceRight<number[]>(
          (under, [r, g, b, a]) => [
            r * a + under[0]! * (1 - a),
            g * a + under[1]! * (1 - a),
            b * a + under[2]! * (1 - a),
          ],
          [255, 255, 255],
        );
      };
      const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
        [r, g, b]
          .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const fg = luminance(parse(getComputedStyle(element).color));
      const bg = luminance(background(element));
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
}

describe('themes, phones, print and accessibility', () => {
  it.each(['light', 'dark'] as const)('%s theme: text, links and badges meet WCAG AA contrast', async (colorScheme) => {
    const { page } = await openPage(browser, { colorScheme });
    // Defaults, the first step, the bar, the notes and the panel's words on a runbook with defaults.
    await page.goto(`${siteUrl()}/runbooks/node001/?namespace=prod&cluster=eu`);
    await page.waitForSelector('.cmd__done');
    await page.evaluate(() => document.querySelector('#diagnosis')!.scrollIntoView());
    for (const selector of [
      '.runbook-body .ph.is-default',
      '.runbook-body .ph.is-filled',
      '.first-step__from',
      '.first-step__from a',
      '.runbook-bar__title',
      '.runbook-bar__link',
      '.variables__default',
      '.variables__from-url',
      '.notes__summary',
      '.cmd__done',
      '.cmd__safety--destructive',
    ]) {
      expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
      expect(await contrastOf(page, selector), `${colorScheme} ${selector}`).toBeGreaterThanOrEqual(4.5);
    }
    // The home page's compact lists and jump links.
    await page.goto(`${siteUrl()}/`);
    for (const selector of [
      '.compact-list__title',
      '.compact-list__service',
      '.compact-list .badge--id',
      '.jump-links .badge--critical',
      '.jump-links .badge--high',
      '.jump-links .badge--medium',
      '.severity-group__title--critical',
      '.severity-group__title--high',
      '.severity-group__rubric',
    ]) {
      expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
      expect(await contrastOf(page, selector), `${colorScheme} ${selector}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.goto(`${siteUrl()}/runbooks/k8s-002/`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(15, 20, 25)' : 'rgb(255, 255, 255)');
    // Code is highlighted in the theme's colours: a comment is not the colour of a command.
    const [comment, command] = await Promise.all([
      page
        .locator('.runbook-body pre code .tok-comment:text-matches("^#")')
        .first()
        .evaluate((e) => getComputedStyle(e).color),
      page
        .locator('.runbook-body pre code .tok-command:text-matches("^kubectl")')
        .first()
        .evaluate((e) => getComputedStyle(e).color),
    ]);
    expect(comment).not.toBe(command);
    // Command blocks colour tokens by class (src/commands/highlight.ts), other code by Shiki's styles.
    const codeSelectors = [
      '.runbook-body pre code span[style]',
      '.runbook-body pre code span[style*="--shiki"]:text-matches("^#")',
      ...['comment', 'command', 'argument', 'option', 'operator'].map((kind) => `.runbook-body pre code .tok-${kind}`),
    ];
    for (const kind of ['comment', 'command', 'argument', 'option', 'operator'])
      expect(await page.locator(`.runbook-body pre code .tok-${kind}`).count(), kind).toBeGreaterThan(0);
    for (const selector of [
      '.summary',
      '.muted',
      '.site-nav a',
      '.runbook-body p',
      '.badge--critical',
      '.badge--id',
      '.source',
      ...codeSelectors,
    ]) {
      if ((await page.locator(selector).count()) === 0) continue;
      expect(await contrastOf(page, selector), `${colorScheme} ${selector}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.close();
  });

  it('the theme switch overrides the OS preference and is remembered', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${siteUrl()}/`);
    await page.click('[data-theme-toggle]');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(`${siteUrl()}/runbooks/k8s-001/`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 25)');
    expect(await page.locator('[data-theme-toggle]').textContent()).toBe('Light theme');
    await context.close();
  });

  it.each(['/', '/runbooks/k8s-002/', '/runbooks/k8s-003/', '/layer/', '/guides/klinematrix-k8s/'])(
    '%s fits a phone screen without sideways scrolling',
    async (path) => {
      const { page } = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true });
      await page.goto(`${siteUrl()}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    },
  );

  it('prints a runbook without navigation or controls, with its URL', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${siteUrl()}/runbooks/k8s-002/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    expect(await page.locator('.print-url').isVisible()).toBe(true);
    expect(await page.locator('#symptoms').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it.each(['/', '/runbooks/k8s-002/', '/layer/node/', '/guides/', '/K8S-02'])(
    '%s has landmarks, one h1 and a working skip link',
    async (path) => {
      const { page } = await openPage(browser);
      await page.goto(`${siteUrl()}${path}`);
      for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
        expect(await page.getByRole(role).count(), role).toBeGreaterThan(0);
      }
      expect(await page.locator('h1').count()).toBe(1);
      // The skip link is the first stop in tab order. The home page puts focus in the ID box on arrival
      // (people come to type an ID), so there the skip link is reached by focusing it directly.
      const firstFocusable = await page.evaluate(() => document.querySelector('a[href], button, input')?.textContent);
      expect(firstFocusable).toBe('Skip to content');
      if (path === '/') await page.focus('.skip-link');
      else await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      expect(await page.locator('.skip-link').isVisible()).toBe(true);
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.close();
    },
  );
});
