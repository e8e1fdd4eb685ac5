import { describe, expect, it } from 'vitest';
import { redirectPageHtml, redirectPages } from '../../src/build/alert-link-pages.ts';
import { readRedirectSummary, type RedirectTarget } from '../../src/catalog/redirect-pages.ts';
import { CSP_META, FORWARD_SCRIPT } from '../../src/security/csp.ts';

const target: RedirectTarget = {
  id: 'K8S-002',
  aliases: ['GitClusterDrift'],
  title: 'Git config "out of sync" </script><b>',
  url: '/runbooks/k8s-002/',
  severity: 'critical',
  layer: 'orchestration',
  service: 'klinematrix',
  summary: 'Make Git & the cluster agree.',
};

describe('redirect pages for alert links', () => {
  it('send the reader on with query and hash, with a no-JavaScript fallback', () => {
    const html = redirectPageHtml(target);
    // The one script forwards to the canonical link, allowed by its hash in the page's policy.
    expect(html).toContain(`<script>${FORWARD_SCRIPT}</script>`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`);
    expect(html.indexOf('rel="canonical"')).toBeLessThan(html.indexOf('<script>'));
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="0; url=/runbooks/k8s-002/"></noscript>');
    expect(html).toContain('<link rel="canonical" href="/runbooks/k8s-002/">');
  });
  it('escape titles, so nothing a runbook says can end the script or add markup', () => {
    const html = redirectPageHtml(target);
    expect(html).not.toContain('</script><b>');
    expect(html).toContain('Git config &quot;out of sync&quot; &lt;/script&gt;&lt;b&gt;');
  });
  it("carry the runbook's summary for search, read back exactly", () => {
    expect(readRedirectSummary(redirectPageHtml(target))).toEqual({
      id: 'K8S-002',
      title: target.title,
      url: '/runbooks/k8s-002/',
      severity: 'critical',
      layer: 'orchestration',
      service: 'klinematrix',
      summary: target.summary,
    });
    expect(readRedirectSummary('<html><head><title>Layers</title></head></html>')).toBeUndefined();
  });
  it('exist for every spelling of every ID and alias', () => {
    expect(redirectPages([target]).map((p) => p.path)).toEqual([
      'K8S-002/index.html',
      'k8s-002/index.html',
      'k8s002/index.html',
      'K8S002/index.html',
      'GitClusterDrift/index.html',
      'gitclusterdrift/index.html',
      'GITCLUSTERDRIFT/index.html',
    ]);
  });
});
