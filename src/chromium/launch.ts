/**
 * Debian's Chromium, driven by playwright-core, for the browser tests and the benchmarks (Playwright
 * cannot download its own browser on these machines). Node only.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** Where Chromium is: $CHROMIUM_PATH, or chromium (Debian), chromium-browser or google-chrome on PATH. */
export function findChromium(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  return undefined;
}

export function chromiumPath(): string {
  const found = findChromium();
  if (!found)
    throw new Error(
      "No Chromium found: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH to its binary.",
    );
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
