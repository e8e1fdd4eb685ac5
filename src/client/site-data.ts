/**
 * Where the browser gets site data and how it builds links, on the site and in the offline copy.
 * On the site, data comes with fetch() and URLs are site-absolute. In the offline copy (opened from
 * disk, where fetch() and module scripts are blocked) every page says where the site root is
 * (html[data-site-root], a relative path) and data comes as classic scripts that set a global.
 */
import { summaryOf, type ManifestEntry } from '../catalog/listing.ts';
import { idKey, lookUpId } from '../domain/ids.ts';
import { readRedirectSummary, type RedirectSummary } from '../catalog/redirect-pages.ts';
import type { OfflineDoc } from '../search/offline-search.ts';

declare global {
  interface Window {
    __RUNBOOKS_MANIFEST__?: ManifestEntry[];
    __RUNBOOKS_SEARCH__?: OfflineDoc[];
  }
}

/** The offline copy sets this on every page; the site does not. */
export const isOfflineCopy = (): boolean => document.documentElement.dataset['siteRoot'] !== undefined;

/** The site's root: html[data-site-root] (relative) in the offline copy, html[data-base] on the site. */
export function siteRootUrl(): URL {
  const { siteRoot, base } = document.documentElement.dataset;
  return new URL(siteRoot ?? base ?? '/', location.href);
}

/** A site path ("runbooks/k8s-002/index.html", "/runbooks/k8s-002/") made absolute for this page. */
export function resolveSiteUrl(path: string): string {
  return new URL(path, siteRootUrl()).href;
}

const loadedScripts = new Map<string, Promise<void>>();

/** Loads a classic script once (works from file://, unlike fetch() and import()). */
export function loadClassicScript(path: string): Promise<void> {
  const src = resolveSiteUrl(path);
  let loading = loadedScripts.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
    loadedScripts.set(src, loading);
  }
  return loading;
}

let manifest: Promise<ManifestEntry[]> | undefined;

/** runbooks.json: fetched on the site, loaded as offline/manifest.js in the offline copy. */
export function loadManifest(url: string): Promise<ManifestEntry[]> {
  manifest ??= isOfflineCopy()
    ? loadClassicScript('offline/manifest.js').then(() => window.__RUNBOOKS_MANIFEST__ ?? [])
    : fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json() as Promise<ManifestEntry[]>;
      });
  return manifest;
}

/** The offline search index (offline/search-index.js), present in the offline copy only. */
export function loadOfflineSearchIndex(): Promise<OfflineDoc[]> {
  return loadClassicScript('offline/search-index.js').then(() => window.__RUNBOOKS_SEARCH__ ?? []);
}

/**
 * The runbook an exact ID or alias names, in any spelling, or undefined. On the site: one small request
 * for the redirect page of its compact spelling (/k8s002/), whatever the size of the site. In the
 * offline copy (no fetch() from disk): through the manifest script.
 */
export async function resolveExactId(query: string, manifestUrl: string): Promise<RedirectSummary | undefined> {
  const key = idKey(query).toLowerCase();
  if (!key) return undefined;
  if (isOfflineCopy()) {
    const match = lookUpId(query, await loadManifest(manifestUrl)).match;
    return match ? summaryOf(match) : undefined;
  }
  const response = await fetch(resolveSiteUrl(`${key}/`)).catch(() => undefined);
  if (!response?.ok) return undefined;
  return readRedirectSummary(await response.text());
}
