/**
 * The site's search index in parts. Pagefind builds an index whole in memory before it writes it
 * (1.1 GB for 3,000 runbook pages) and takes longer per page the larger the index, so a large site is
 * indexed as several indexes of at most PAGES_PER_INDEX pages (up to MAX_PARTS), one after the other,
 * and the browser merges them (Pagefind's mergeIndex: one search over all, results by score). A
 * page's part is a hash of its path: the same content gives the same parts in any build, and editing
 * a page changes only its own part's index. Pure; the build (src/build/search-index.ts) and the
 * browser's search (src/client/search/engine.ts) share it.
 */

/**
 * At most this many pages per index, up to MAX_PARTS parts: 400 pages take Pagefind about 1.3 s to
 * index (a rebuild after one edit indexes one part again: 3.3 s for parts of 750) and 200 MB.
 */
export const PAGES_PER_INDEX = 400;

/**
 * And at most this many parts: each part a query touches brings its own metadata and word chunks
 * (about 70 KB a part for one query), so searching a 10,000-runbook site in 25 parts of 400 loaded
 * 1.7 MB. Past 3,200 pages the parts grow instead (1,250 pages each at 10,000), which makes a
 * rebuild there re-index more; at 3,000 runbooks (the rebuild goal's size) it changes nothing.
 */
export const MAX_PARTS = 8;

/** Under the site's pagefind/: part 0 is pagefind/ itself (where its JS API is), then part-1/, part-2/… */
export const partFolder = (part: number): string => (part === 0 ? '' : `part-${part}/`);

/** Whether a name in pagefind/ is the folder of a part other than the first (partFolder, less its slash). */
export const isPartFolder = (name: string): boolean => /^part-[1-9]\d*$/.test(name);

/** FNV-1a, 32 bits: a stable hash with no dependency, for spreading paths over parts. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The pages of each part, each part's in path order; one part for a site of up to pagesPerIndex pages,
 * at most maxParts parts.
 */
export function indexParts(
  paths: readonly string[],
  pagesPerIndex = PAGES_PER_INDEX,
  maxParts = MAX_PARTS,
): string[][] {
  const count = Math.min(maxParts, Math.max(1, Math.ceil(paths.length / pagesPerIndex)));
  const parts = Array.from({ length: count }, () => [] as string[]);
  for (const p of [...paths].sort()) parts[fnv1a(p) % count]!.push(p);
  return parts;
}
