/**
 * The command catalogue (commands.json) holds exactly what the pages show and copy: for every
 * runbook, its command elements in Chromium, in page order, copy to the catalogue's commands, with
 * the same safety class, under the heading the catalogue names, each numbered (data-step) with its
 * index in the catalogue, which is how the companion names it; the offline copy carries the same file.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/chromium/launch.ts';
import { readZip } from '../support/zip.ts';
import { giveValue, fillCommand, type Values } from '../../src/runner/values.ts';
import { commandCatalogueSchema, type CommandCatalogue } from '../../src/schemas/command-catalogue.ts';
import { projectRoot } from '../support/project.ts';
import { siteUrl } from '../support/site.ts';
import { valuesLive } from '../support/page-values.ts';

let browser: Browser;
let catalogue: CommandCatalogue;
beforeAll(async () => {
  browser = await launchChromium();
  const response = await fetch(`${siteUrl()}/commands.json`);
  expect(response.headers.get('content-type') ?? 'application/json').toMatch(/json/);
  catalogue = commandCatalogueSchema.parse(await response.json());
});
afterAll(async () => {
  await browser.close();
});

describe('commands.json', () => {
  it('lists every runbook of runbooks.json', async () => {
    const manifest = (await (await fetch(`${siteUrl()}/runbooks.json`)).json()) as { id: string }[];
    expect(catalogue.runbooks.map((r) => r.id)).toEqual(manifest.map((m) => m.id));
    expect(catalogue.runbooks.reduce((n, r) => n + r.steps.length, 0)).toBeGreaterThan(100);
  });

  it("carries every upstream alert with where alerts.json says it lands, so the runner lands where the site's links do", async () => {
    const alerts = (await (await fetch(`${siteUrl()}/alerts.json`)).json()) as {
      name: string;
      lands: string;
      runbooks: { id: string }[];
    }[];
    expect(catalogue.alerts.length).toBe(alerts.length);
    expect(catalogue.alerts.length).toBeGreaterThanOrEqual(125);
    for (const alert of alerts) {
      const entry = catalogue.alerts.find((a) => a.name === alert.name);
      expect(entry?.lands, alert.name).toBe(alert.lands);
      expect(entry?.runbooks.map((r) => r.id)).toEqual(alert.runbooks.map((r) => r.id));
    }
  });

  it('holds, for every runbook, the commands its page copies (defaults as the page shows them), in order and numbered, with their safety class and heading', async () => {
    const page = await browser.newPage();
    try {
      for (const runbook of catalogue.runbooks) {
        await page.goto(`${siteUrl()}${runbook.url}`);
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.runbook-body .cmd')].map((command) => {
            // What the copy button copies (src/client/copy/command-blocks.ts): the code less its .no-copy parts.
            const code = command.querySelector('code')!.cloneNode(true) as HTMLElement;
            for (const skip of code.querySelectorAll('.no-copy')) skip.remove();
            let heading: Element | null = null;
            for (const h of document.querySelectorAll('.runbook-body :is(h1,h2,h3,h4,h5,h6)'))
              if (h.compareDocumentPosition(command) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h;
            return {
              command: (code.textContent ?? '').trim(),
              safety: command.dataset['safety'],
              anchor: heading?.id ?? null,
              step: Number(command.dataset['step']),
            };
          }),
        );
        // Until a value is given, the page shows a placeholder's default: the runner's command with defaults.
        const noValues: Values = new Map();
        expect(shown, runbook.id).toEqual(
          runbook.steps.map((s, step) => ({
            command: fillCommand(s, noValues, { useDefaults: true }).text,
            safety: s.safety,
            anchor: s.heading?.anchor ?? null,
            step,
          })),
        );
      }
    } finally {
      await page.close();
    }
  });

  it('fills every command with a value exactly as the runner does: cleaned, and quoted for its place', async () => {
    // A value with everything a shell reads as code, an invisible character and a typographic quote.
    const hostile = "it's $(reboot) `id` \u200b\u2019;|&";
    const page = await browser.newPage();
    try {
      for (const runbook of catalogue.runbooks.filter((r) => r.steps.some((s) => s.placeholders.length > 0))) {
        await page.goto(`${siteUrl()}${runbook.url}`);
        const values: Values = new Map();
        for (const input of await page.locator('[data-var-input]').all()) {
          await input.fill(hostile);
          giveValue(values, (await input.getAttribute('data-var-input'))!, hostile, 'typed');
        }
        await valuesLive(page);
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.runbook-body .cmd')].map((command) => {
            const code = command.querySelector('code')!.cloneNode(true) as HTMLElement;
            for (const skip of code.querySelectorAll('.no-copy')) skip.remove();
            return (code.textContent ?? '').trim();
          }),
        );
        expect(shown, runbook.id).toEqual(runbook.steps.map((s) => fillCommand(s, values).text));
      }
    } finally {
      await page.close();
    }
  });

  it('is in the offline copy, byte for byte', async () => {
    const downloads = path.join(projectRoot, process.env['BUILD_OUT_DIR'] ?? 'dist', 'downloads');
    const archive = (await readdir(downloads)).find((f) => f.endsWith('.zip'))!;
    const entries = await readZip(await readFile(path.join(downloads, archive)));
    const inCopy = entries.find((e) => e.name.endsWith('/commands.json') && e.name.split('/').length === 2);
    const served = Buffer.from(await (await fetch(`${siteUrl()}/commands.json`)).arrayBuffer());
    expect(inCopy && Buffer.from(inCopy.data).equals(served)).toBe(true);
  });
});
