/**
 * Builds the Pagefind index of a built site into <site>/pagefind/ (the JS API stays at
 * /pagefind/pagefind.js, where other tools read it), then, from Pagefind's own records of the pages,
 * the word statistics the ranking weighs words by (search-terms.json), so the site and the offline
 * copy rank with the same numbers. Only pages marked data-pagefind-body are indexed: runbooks, guides
 * and decision trees, so Pagefind is given only their sections of the site (INDEXED_SECTIONS): the
 * rest is thousands of small link pages that it would read only to skip (a third of its time).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { routes } from '../domain/routes.ts';
import { parseFragment, type PagefindFragment } from '../offline/search-index.ts';
import { termStats } from '../search/rank.ts';
import { searchDocOf } from '../search/records.ts';

/** The folders of the pages that carry data-pagefind-body (src/pages/runbooks, guides, trees; triage). */
export const INDEXED_SECTIONS = [routes.runbook('x'), routes.guide('x'), routes.tree('x'), routes.triage()].map(
  (route) => route.split('/')[0]!,
);

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; words: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: `{${INDEXED_SECTIONS.join(',')}}/**/*.html` });
    if (added.errors.length > 0) throw new Error(`pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const stats = termStats((await readFragments(siteDir)).map((f) => searchDocOf(f)));
  await writeFile(path.join(siteDir, routes.searchTerms()), `${JSON.stringify(stats)}\n`);
  return { pages: stats.docs, words: Object.keys(stats.df).length };
}

/** Pagefind's record of every indexed page (its fragment files), in file order. */
export async function readFragments(siteDir: string): Promise<PagefindFragment[]> {
  const dir = path.join(siteDir, 'pagefind/fragment');
  return Promise.all(
    (await readdir(dir)).sort().map(async (f) => parseFragment(gunzipSync(await readFile(path.join(dir, f))))),
  );
}
