/**
 * Builds the Pagefind index of a built site into <site>/pagefind/ (the JS API stays at
 * /pagefind/pagefind.js, where other tools read it), then, from Pagefind's own records of the pages,
 * the word statistics the ranking weighs words by (search-terms.json), so the site and the offline
 * copy rank with the same numbers. Only pages marked data-pagefind-body are indexed: runbooks, guides
 * and decision trees, so Pagefind is given only their sections of the site (INDEXED_SECTIONS): the
 * rest is thousands of small link pages that it would read only to skip (a third of its time).
 *
 * A large site is indexed in parts (src/search/index-parts.ts), one after the other, each freed
 * before the next: at 3,000 pages, one index took Pagefind 1.1 GB and 13.5 s, four took 310 MB and
 * 10.8 s. The first part is pagefind/ itself; the others keep only their index files, and
 * pagefind/parts.json lists them for the browser to merge.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { routes } from '../domain/routes.ts';
import { filesUnder } from '../fs/list.ts';
import { parseFragment, type PagefindFragment } from '../offline/search-index.ts';
import { termStats } from '../search/rank.ts';
import { indexParts, PAGES_PER_INDEX, partFolder } from '../search/index-parts.ts';
import { searchDocOf } from '../search/records.ts';

/** The folders of the pages that carry data-pagefind-body (src/pages/runbooks, guides, trees; triage). */
export const INDEXED_SECTIONS = [routes.runbook('x'), routes.guide('x'), routes.tree('x'), routes.triage()].map(
  (route) => route.split('/')[0]!,
);

/**
 * The HTML files of the indexed sections, relative to the site. Listed before the link pages are
 * written (some are in runbooks/): which pages exist must not depend on how far that has got.
 */
export async function indexedPages(siteDir: string): Promise<string[]> {
  const lists = await Promise.all(INDEXED_SECTIONS.map((s) => filesUnder(path.join(siteDir, s), /\.html$/)));
  return lists.flat().map((file) => path.relative(siteDir, file).split(path.sep).join('/'));
}

/** Pages per index: RUNBOOKS_SEARCH_PAGES_PER_INDEX lets a test build a small site in several parts. */
const pagesPerIndex = () => Number(process.env['RUNBOOKS_SEARCH_PAGES_PER_INDEX']) || PAGES_PER_INDEX;

/** Paths Pagefind's glob takes as they are; any other is given to it as a file of its own. */
const GLOB_SAFE = /^[A-Za-z0-9._/-]+$/;
/** Paths per glob ({a,b,…}): a few hundred keep each glob quick to match. */
const GLOB_BATCH = 200;

/** The files a part other than the first keeps: what Pagefind loads of a merged index (never its scripts). */
const MERGED_INDEX_FILE = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter)$/;

async function writePart(siteDir: string, pages: readonly string[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  try {
    const safe = pages.filter((p) => GLOB_SAFE.test(p));
    for (let i = 0; i < safe.length; i += GLOB_BATCH) {
      const glob = `{${safe.slice(i, i + GLOB_BATCH).join(',')}}`;
      const added = await index.addDirectory({ path: siteDir, glob });
      if (added.errors.length > 0) throw new Error(`pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    }
    for (const sourcePath of pages.filter((p) => !GLOB_SAFE.test(p))) {
      const content = await readFile(path.join(siteDir, sourcePath), 'utf8');
      const added = await index.addHTMLFile({ sourcePath, content });
      if (added.errors.length > 0)
        throw new Error(`pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

export async function buildSearchIndex(
  siteDir: string,
  pages: readonly string[],
): Promise<{ pages: number; words: number }> {
  const parts = indexParts(pages, pagesPerIndex()).filter((part, k) => k === 0 || part.length > 0);
  const folders: string[] = [];
  try {
    for (const [k, part] of parts.entries()) {
      const folder = partFolder(k);
      const outputPath = path.join(siteDir, 'pagefind', folder);
      await writePart(siteDir, part, outputPath);
      if (k === 0) continue;
      folders.push(folder);
      const unused = (await readdir(outputPath)).filter((name) => !MERGED_INDEX_FILE.test(name));
      await Promise.all(unused.map((name) => rm(path.join(outputPath, name), { recursive: true })));
    }
  } finally {
    await pagefind.close();
  }
  await writeFile(path.join(siteDir, routes.searchIndexParts()), `${JSON.stringify(folders)}\n`);
  const stats = termStats((await readFragments(siteDir)).map((f) => searchDocOf(f)));
  await writeFile(path.join(siteDir, routes.searchTerms()), `${JSON.stringify(stats)}\n`);
  return { pages: stats.docs, words: Object.keys(stats.df).length };
}

/** Pagefind's record of every indexed page (the fragment files of every part), in file-name order. */
export async function readFragments(siteDir: string): Promise<PagefindFragment[]> {
  const root = path.join(siteDir, 'pagefind');
  const folders = [
    '',
    ...(JSON.parse(await readFile(path.join(siteDir, routes.searchIndexParts()), 'utf8')) as string[]),
  ];
  const files = (
    await Promise.all(
      folders.map(async (folder) =>
        (await readdir(path.join(root, folder, 'fragment'))).map((name) => ({
          name,
          file: path.join(root, folder, 'fragment', name),
        })),
      ),
    )
  ).flat();
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Promise.all(files.map(async ({ file }) => parseFragment(gunzipSync(await readFile(file)))));
}
