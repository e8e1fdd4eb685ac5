/**
 * runbooks.json: the manifest that alert tooling, the CLI and the browser's ID lookup read.
 * `url` is site-absolute (/runbooks/k8s-002/), or a full URL when SITE_URL is set at build time.
 */
import type { APIRoute } from 'astro';
import { toManifest } from '../catalog/listing.ts';
import { loadRunbooks } from '../site/runbooks.ts';

export const GET: APIRoute = async ({ site }) => {
  const runbooks = (await loadRunbooks()).map((r) => ({
    ...r,
    url: site ? new URL(r.url, site).href : r.url,
  }));
  return new Response(JSON.stringify(toManifest(runbooks), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
