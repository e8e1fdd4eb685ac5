/**
 * The offline copy's search data, made from what Pagefind indexed for the site (each page's fragment:
 * URL, text, meta, headings, filters) with the site's own record-to-page function, so from disk the
 * ranking (src/search/rank.ts) sees exactly the pages the site's search sees.
 */
import type { PagefindRecord } from '../search/records.ts';
import { searchDocOf } from '../search/records.ts';
import type { SearchDoc } from '../search/rank.ts';

export type PagefindFragment = PagefindRecord & { filters: Record<string, string[]> };

/** A fragment file is gzip of "pagefind_dcd" followed by JSON; this takes the decompressed bytes. */
export function parseFragment(decompressed: Uint8Array): PagefindFragment {
  const text = Buffer.from(decompressed).toString('utf8');
  const json = text.slice(text.indexOf('{'));
  return JSON.parse(json) as PagefindFragment;
}

/** The pages for the offline copy, their URLs turned into files of the copy (runbooks/k8s-002/index.html). */
export function offlineDocs(
  fragments: readonly PagefindFragment[],
  base: string,
  toFile: (sitePath: string) => string,
): SearchDoc[] {
  return fragments
    .map((f) => searchDocOf(f, toFile(f.url.startsWith(base) ? f.url.slice(base.length) : f.url.replace(/^\//, ''))))
    .sort((a, b) => a.url.localeCompare(b.url));
}
