import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { offlineDocs, parseFragment } from '../../src/offline/search-index.ts';
import { relativeUrl, rootPrefix, toOfflinePage } from '../../src/offline/relative-links.ts';
import { bundleName, versionFromEnv } from '../../src/offline/version.ts';

const files = new Set([
  'index.html',
  'runbooks/k8s-002/index.html',
  '_astro/site.css',
  'runbooks.json',
  'K8S-002/index.html',
  'favicon.svg',
]);
const at = (pagePath: string) => ({ pagePath, files, base: '/' });

describe('relative links for the offline copy', () => {
  it('knows how far a page is from the root', () => {
    expect(rootPrefix('index.html')).toBe('./');
    expect(rootPrefix('runbooks/k8s-002/index.html')).toBe('../../');
  });
  it('turns site-absolute links into relative links to files, keeping query and hash', () => {
    expect(relativeUrl('/runbooks/k8s-002/', at('index.html'))).toBe('./runbooks/k8s-002/index.html');
    expect(relativeUrl('/runbooks/k8s-002/?namespace=prod#diagnosis', at('layer/node/index.html'))).toBe(
      '../../runbooks/k8s-002/index.html?namespace=prod#diagnosis',
    );
    expect(relativeUrl('/K8S-002', at('index.html'))).toBe('./K8S-002/index.html');
    expect(relativeUrl('/_astro/site.css', at('runbooks/k8s-002/index.html'))).toBe('../../_astro/site.css');
    expect(relativeUrl('/', at('runbooks/k8s-002/index.html'))).toBe('../../index.html');
    expect(relativeUrl('https://example.com/x', at('index.html'))).toBe('https://example.com/x');
    expect(relativeUrl('#symptoms', at('index.html'))).toBe('#symptoms');
  });
  it('rewrites a page: links, the canonical link alert-link pages forward to, module scripts, root marker, classic script, banner', () => {
    const html = [
      '<!doctype html><html lang="en" data-base="/"><head>',
      '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>',
      '<link rel="canonical" href="/runbooks/k8s-002/"><script>location.replace(document.querySelector(\'link[rel="canonical"]\').href)</script>',
      '<noscript><meta http-equiv="refresh" content="0; url=/runbooks/k8s-002/"></noscript>',
      '</head><body><a href="/runbooks/k8s-002/#diagnosis">x</a><form action="/runbooks/"></form>',
      '<div data-manifest="/runbooks.json"></div><script type="module">import "/x.js"</script></body></html>',
    ].join('');
    const out = toOfflinePage(html, {
      ...at('layer/node/index.html'),
      bannerHtml: '<p class="offline-banner">Offline</p>',
    });
    expect(out).toContain('<html lang="en" data-site-root="../../">');
    expect(out).toContain('href="../../_astro/site.css"');
    expect(out).not.toContain('type="module"');
    expect(out).toContain('<link rel="canonical" href="../../runbooks/k8s-002/index.html">');
    expect(out).toContain('url=../../runbooks/k8s-002/index.html"');
    expect(out).toContain('<a href="../../runbooks/k8s-002/index.html#diagnosis">');
    expect(out).toContain('action="../../runbooks/index.html"');
    expect(out).toContain('data-manifest="../../runbooks.json"');
    expect(out).toContain('<script src="../../offline/site.js" defer></script></head>');
    expect(out).toContain('<body><p class="offline-banner">Offline</p>');
  });
});

describe('offline search index from Pagefind fragments', () => {
  it('reads a fragment and makes the pages search ranks, with file URLs, symptoms, keywords and headings', () => {
    const raw = gunzipSync(
      gzipSync(
        Buffer.from(
          'pagefind_dcd{"url":"/runbooks/k8s-002/","content":"Git drift","meta":{"id":"K8S-002","title":"Git drift","kind":"runbook","symptoms":"ImagePullBackOff on rollout","keywords":"GitClusterDrift"},"filters":{"service":["klinematrix"]},"anchors":[{"text":"Diagnosis"},{"text":"Resolution"}]}',
        ),
      ),
    );
    const fragment = parseFragment(raw);
    const docs = offlineDocs([fragment], '/', (p) => `${p}index.html`);
    expect(docs).toEqual([
      {
        url: 'runbooks/k8s-002/index.html',
        title: 'Git drift',
        kind: 'runbook',
        id: 'K8S-002',
        filters: { service: ['klinematrix'] },
        symptoms: 'ImagePullBackOff on rollout',
        keywords: 'GitClusterDrift',
        headings: 'Diagnosis · Resolution',
        content: 'Git drift',
      },
    ]);
  });
});

describe('bundle names', () => {
  it('carry the version, the content date and the commit', () => {
    expect(bundleName({ version: '0.1.0', date: '2026-11-21', commit: 'abc1234' })).toBe(
      'runbooks-offline-0.1.0-2026-11-21-abc1234',
    );
    expect(
      versionFromEnv({ RUNBOOKS_VERSION: '0.1.0', RUNBOOKS_COMMIT: 'abc1234', RUNBOOKS_DATE: '2026-11-21' })?.commit,
    ).toBe('abc1234');
    expect(versionFromEnv({})).toBeUndefined();
  });
});
