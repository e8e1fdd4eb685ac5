/**
 * Where the browser gets site data and how it builds links, on the site and in the offline copy.
 * On the site, data comes with fetch() and URLs are site-absolute. In the offline copy (opened from
 * disk, where fetch() and module scripts are blocked) every page says where the site root is
 * (html[data-site-root], a relative path) and data comes as classic scripts that set a global.
 */
import type { ManifestEntry } from '../catalog/listing.ts';
import type { SearchDoc } from '../search/rank.ts';
import { alertIdTarget, type AlertEntry } from '../catalog/alerts.ts';
import { JUMP_PARAM, searchWithout } from '../domain/routes.ts';

declare global {
  interface Window {
    __RUNBOOKS_MANIFEST__?: ManifestEntry[];
    __RUNBOOKS_ALERTS__?: AlertEntry[];
    __RUNBOOKS_SEARCH__?: SearchDoc[];
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

/** This page's query as a link to a runbook carries it on (placeholder values), without the jump box's own. */
export const carriedSearch = (): string => searchWithout(location.search, JUMP_PARAM);

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

let alerts: Promise<AlertEntry[]> | undefined;

/** alerts.json (offline/alerts.js in the offline copy): every upstream alert and where it lands; [] when absent. */
export function loadAlerts(url: string): Promise<AlertEntry[]> {
  alerts ??= isOfflineCopy()
    ? loadClassicScript('offline/alerts.js').then(
        () => window.__RUNBOOKS_ALERTS__ ?? [],
        () => [],
      )
    : fetch(url).then((response) => (response.ok ? (response.json() as Promise<AlertEntry[]>) : []));
  return alerts;
}

/** Runbooks and alerts as the ID model looks them up: an alert's name leads where its links land. */
export async function loadLinkTargets(manifestUrl: string, alertsUrl: string) {
  const [runbooks, alertList] = await Promise.all([loadManifest(manifestUrl), loadAlerts(alertsUrl).catch(() => [])]);
  return [...runbooks, ...alertList.map(alertIdTarget)];
}

/** The offline search index (offline/search-index.js), present in the offline copy only. */
export function loadOfflineSearchIndex(): Promise<SearchDoc[]> {
  return loadClassicScript('offline/search-index.js').then(() => window.__RUNBOOKS_SEARCH__ ?? []);
}
