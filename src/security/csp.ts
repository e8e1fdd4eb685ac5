/**
 * The site's Content-Security-Policy, the one place it is written. Every page carries it as a <meta>
 * (so it holds on any host and in the offline copy opened from disk), and the build writes it with
 * the directives a <meta> can't carry (frame-ancestors) into a `_headers` file for static hosts; the
 * README shows the same as an nginx snippet. Scripts come only from the site's own files: the two
 * inline scripts a page may have (the theme applied before the first paint, the alert-link forward)
 * are allowed by their hashes, so no 'unsafe-inline' for scripts and no inline event handlers.
 * 'wasm-unsafe-eval' lets Pagefind run its WebAssembly. Node only (hashes with node:crypto).
 */
import { createHash } from 'node:crypto';
import { THEME_KEY } from '../domain/browser-storage.ts';

/** Applies a chosen theme before the first paint, so a dark-mode reader never sees a white flash at 3 a.m. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('${THEME_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** An alert-link page forwards to its canonical URL, keeping the query (variables) and the hash (the step). */
export const FORWARD_SCRIPT =
  'location.replace(document.querySelector(\'link[rel="canonical"]\').href+location.search+location.hash)';

const scriptHash = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

const DIRECTIVES: [string, string[]][] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'", scriptHash(THEME_SCRIPT), scriptHash(FORWARD_SCRIPT)]],
  // Highlighted code carries its colours as style attributes (Shiki's CSS variables).
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['worker-src', ["'self'"]],
  ['manifest-src', ["'self'"]],
  ['frame-src', ["'none'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
];

/** The policy as a page's <meta http-equiv="Content-Security-Policy"> carries it. */
export const CSP_META = DIRECTIVES.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');

/** The policy as a response header: the meta's, plus what only a header can say. */
export const CSP_HEADER = `${CSP_META}; frame-ancestors 'none'`;

/** Headers every response of the site should carry. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** `_headers` for static hosts that read one (Netlify, Cloudflare Pages): every path gets the headers. */
export function headersFile(base = '/'): string {
  const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return `# Security headers for every page (written by the build from src/security/csp.ts).\n${base}*\n${lines.join('\n')}\n`;
}

/** The same for nginx, as the README shows it. */
export function nginxSnippet(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `add_header ${name} "${value}" always;`)
    .join('\n');
}
