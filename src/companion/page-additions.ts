/**
 * What the companion adds to the pages it serves, and only it: its script and stylesheet, served as
 * files of its own origin (the site's Content-Security-Policy allows scripts from 'self' and no inline
 * ones), linked from each HTML page's head. A static host and the offline copy opened from disk serve
 * the pages without them, so they show no Run buttons. The script is the same TypeScript as the rest
 * of the browser code (src/client/companion/), bundled with esbuild once per start as a classic
 * script: pages of the offline copy load no modules.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleClassicScript } from '../build/classic-script.ts';
import { escapeHtml } from '../text/html.ts';
import { SCRIPT_PATH, STYLE_PATH } from './protocol.ts';

const ENTRY = fileURLToPath(new URL('../client/companion/main.ts', import.meta.url));
const STYLES = fileURLToPath(new URL('../styles/companion.css', import.meta.url));

export interface PageAdditions {
  script: string;
  style: string;
}

export async function loadPageAdditions(): Promise<PageAdditions> {
  const [script, style] = await Promise.all([bundleClassicScript(ENTRY), readFile(STYLES, 'utf8')]);
  return { script, style };
}

const TAGS = `<link rel="stylesheet" href="${escapeHtml(STYLE_PATH)}"><script src="${escapeHtml(SCRIPT_PATH)}" defer></script>`;

/** The page with the companion's stylesheet and script at the end of its head. */
export function withCompanion(html: string): string {
  const head = html.search(/<\/head\s*>/i);
  return head < 0 ? `${TAGS}${html}` : `${html.slice(0, head)}${TAGS}${html.slice(head)}`;
}
