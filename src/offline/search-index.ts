/**
 * The offline copy's search index, made from what Pagefind indexed for the site (each page's
 * fragment: URL, text, meta, filters), plus the runbooks' symptoms from the manifest, so the offline
 * search weighs them as the site does.
 */
import type { OfflineDoc } from '../search/offline-search.ts';

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A fragment file is gzip of "pagefind_dcd" followed by JSON; this takes the decompressed bytes. */
export function parseFragment(decompressed: Uint8Array): PagefindFragment {
  const text = Buffer.from(decompressed).toString('utf8');
  const json = text.slice(text.indexOf('{'));
  return JSON.parse(json) as PagefindFragment;
}

export function offlineDocs(
  fragments: readonly PagefindFragment[],
  symptomsById: ReadonlyMap<string, readonly string[]>,
  base: string,
  toFile: (sitePath: string) => string,
): OfflineDoc[] {
  return fragments
    .map((f) => {
      const id = f.meta['id'];
      return {
        url: toFile(f.url.startsWith(base) ? f.url.slice(base.length) : f.url.replace(/^\//, '')),
        title: f.meta['title'] ?? f.url,
        kind: f.meta['kind'] ?? 'page',
        ...(id ? { id } : {}),
        ...(f.meta['severity'] ? { severity: f.meta['severity'] } : {}),
        ...(f.meta['layer'] ? { layer: f.meta['layer'] } : {}),
        ...(f.meta['summary'] ? { summary: f.meta['summary'] } : {}),
        filters: f.filters,
        symptoms: id ? (symptomsById.get(id) ?? []).join('\n') : '',
        content: f.content,
      };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}
