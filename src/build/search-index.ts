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
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { routes } from '../domain/routes.ts';
import { filesUnder, relativeFilesUnder } from '../fs/list.ts';
import { mapPool } from '../fs/map-pool.ts';
import { sha256 } from './cache.ts';
import { mirrorFiles } from '../fs/mirror.ts';
import { parseFragment, type PagefindFragment } from '../offline/search-index.ts';
import { docStems, statsOfStems } from '../search/rank.ts';
import { indexParts, isPartFolder, PAGES_PER_INDEX, partFolder } from '../search/index-parts.ts';
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

/** indexedPages of a site whose files (paths in it) are known already. */
export const indexedPagesOf = (files: readonly string[]): string[] =>
  files.filter((file) => file.endsWith('.html') && INDEXED_SECTIONS.includes(file.split('/')[0]!)).sort();

/** Pagefind's version (its package.json, above the file its name resolves to: it exports no package.json). */
function pagefindVersion(): string {
  for (
    let dir = path.dirname(fileURLToPath(import.meta.resolve('pagefind')));
    dir !== path.dirname(dir);
    dir = path.dirname(dir)
  ) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'pagefind' && pkg.version) return pkg.version;
    } catch {
      // not this folder
    }
  }
  throw new Error('pagefind: its package.json was not found above the file its name resolves to');
}
const PAGEFIND_VERSION = pagefindVersion();

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

/** What a part's index is made from: Pagefind's version and each of its pages' path and bytes. */
async function partKey(siteDir: string, part: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`pagefind ${PAGEFIND_VERSION}\n`);
  // Read a few dozen at a time (the disk works in parallel), hashed in order.
  for (let i = 0; i < part.length; i += 32) {
    const batch = part.slice(i, i + 32);
    const bytes = await Promise.all(batch.map((page) => readFile(path.join(siteDir, page))));
    batch.forEach((page, k) => hash.update(`${page}\n`).update(bytes[k]!));
  }
  return hash.digest('hex');
}

/**
 * Where an earlier build left its index: its site (the published output) and the keys of its parts
 * (which the build keeps in its cache once that site is published). A part whose pages are byte for
 * byte the same is copied from there, not indexed again: after one edit, one part is.
 */
export interface EarlierIndex {
  siteDir: string;
  keys: Readonly<Record<string, string>>;
  /**
   * Whether a page is byte for byte the earlier site's, known without reading it: given by a build
   * made from the earlier site, which has the same pages (src/build/from-published.ts). A part of
   * such pages only has the earlier part's key; the others are hashed.
   */
  unchanged?: (page: string) => boolean;
}

/** Where the build keeps the keys of the published site's index parts (in its cache). */
export const partKeysFile = (cacheDir: string) => path.join(cacheDir, 'search-parts.json');

export async function readPartKeys(file: string): Promise<Record<string, string>> {
  try {
    const keys = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return keys && typeof keys === 'object' ? (keys as Record<string, string>) : {};
  } catch {
    return {}; // no earlier build, or an unreadable record: every part is indexed
  }
}

/**
 * Takes an earlier build's part (part 0: pagefind/ without the other parts) by linking its files, which
 * nothing writes to once built (a copy took 1.9 s at 3,000 runbooks); false when there is none.
 */
async function copyPart(from: string, to: string, first: boolean): Promise<boolean> {
  const files = await relativeFilesUnder(from);
  if (files.length === 0) return false;
  const others = (file: string) => {
    const top = file.split('/')[0]!;
    return top === path.basename(routes.searchIndexParts()) || (file.includes('/') && isPartFolder(top));
  };
  const wanted = files.filter((file) => !(first && others(file)));
  await mirrorFiles(to, new Map(wanted.map((file) => [file, path.join(from, file)])));
  return true;
}

export interface SearchIndex {
  pages: number;
  words: number;
  /** Parts copied from the earlier build. */
  reused: number;
  /** Each part's key (partKey), for the next build. */
  keys: Record<string, string>;
  /** Pagefind's records of the pages, which the offline copy's search index is made from. */
  fragments: PagefindFragment[];
}

export interface SearchIndexOptions {
  /** Where each part's page records are kept between builds (by part key); none: read each time. */
  recordsDir?: string;
  /** What else the records are made with (the project's code: the stems), part of their key. */
  recordsSalt?: string;
}

export async function buildSearchIndex(
  siteDir: string,
  pages: readonly string[],
  earlier?: EarlierIndex,
  options: SearchIndexOptions = {},
): Promise<SearchIndex> {
  const parts = indexParts(pages, pagesPerIndex()).filter((part, k) => k === 0 || part.length > 0);
  // Hashing every page takes a while: only waited for when there are parts that could be copied.
  const keyed = Promise.all(
    parts.map((part, k) => {
      // Only where the site is cut into as many parts as the earlier one (so each part holds the same pages).
      const sameCut = earlier !== undefined && Object.keys(earlier.keys).length === parts.length;
      const known =
        sameCut && earlier.unchanged && part.every(earlier.unchanged) ? earlier.keys[partFolder(k)] : undefined;
      return known ? Promise.resolve(known) : partKey(siteDir, part);
    }),
  );
  keyed.catch(() => undefined); // awaited below; not unhandled meanwhile
  const keys = earlier && Object.keys(earlier.keys).length > 0 ? await keyed : undefined;
  const folders: string[] = [];
  let reused = 0;
  try {
    for (const [k, part] of parts.entries()) {
      const folder = partFolder(k);
      const outputPath = path.join(siteDir, 'pagefind', folder);
      const same = earlier && keys && earlier.keys[folder] === keys[k];
      if (same && (await copyPart(path.join(earlier.siteDir, 'pagefind', folder), outputPath, k === 0))) reused++;
      else await writePart(siteDir, part, outputPath);
      if (k === 0) continue;
      folders.push(folder);
      const unused = (await readdir(outputPath)).filter((name) => !MERGED_INDEX_FILE.test(name));
      await Promise.all(unused.map((name) => rm(path.join(outputPath, name), { recursive: true })));
    }
  } finally {
    await pagefind.close();
  }

  await writeFile(path.join(siteDir, routes.searchIndexParts()), `${JSON.stringify(folders)}\n`);
  const done = await keyed;
  const partKeys = Object.fromEntries(parts.map((_, k) => [partFolder(k), done[k]!]));
  const recordsFile = (key: string) =>
    options.recordsDir && path.join(options.recordsDir, `${sha256(options.recordsSalt ?? '', key)}.json`);
  // Each part's records of its pages, with the stems the word statistics count: kept by part key, as
  // a part's index is (reading 3,000 fragment files and stemming their pages took 1.2 s of a rebuild
  // that re-indexed one part).
  const earlierRecords = (folder: string) => {
    const key = earlier?.keys[folder];
    return key === undefined ? undefined : recordsFile(key);
  };
  const perPart = await Promise.all(
    [partFolder(0), ...folders].map((folder, k) =>
      partRecords(siteDir, folder, recordsFile(done[k]!), earlierRecords(folder)),
    ),
  );
  // Every part's pages in file-name order, as one index would list them.
  const records = perPart.flat().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const stats = statsOfStems(records.map((record) => record.stems));
  await writeFile(path.join(siteDir, routes.searchTerms()), `${JSON.stringify(stats)}\n`);
  if (options.recordsDir)
    await dropOtherRecords(
      options.recordsDir,
      Object.values(partKeys).map((key) => recordsFile(key)!),
    );
  const fragments = records.map((record) => record.fragment);
  return { pages: stats.docs, words: Object.keys(stats.df).length, reused, keys: partKeys, fragments };
}

/** A page as the search step reads it from Pagefind's index: its fragment file's name and record. */
interface PageRecord {
  name: string;
  fragment: PagefindFragment;
  /** What the word statistics count of it (docStems). */
  stems: string[];
}

/**
 * A part's page records, read from where they were kept for its key, else from its files (and kept).
 * A part indexed again keeps the fragment file of every page that did not change (Pagefind names a
 * fragment by a hash of its content), so those pages' records are taken from the part's records of
 * the last build (`earlierFile`), and only the others are read and stemmed (0.3 s for 400 pages).
 */
async function partRecords(
  siteDir: string,
  folder: string,
  file: string | undefined,
  earlierFile: string | undefined,
): Promise<PageRecord[]> {
  const kept = await readRecords(file);
  if (kept) return kept;
  const before = new Map(((await readRecords(earlierFile)) ?? []).map((record) => [record.name, record]));
  const dir = path.join(siteDir, 'pagefind', folder, 'fragment');
  const names = (await readdir(dir)).sort();
  const records = await mapPool(names, 32, async (name): Promise<PageRecord> => {
    const known = before.get(name);
    if (known) return known;
    const fragment = parseFragment(gunzipSync(await readFile(path.join(dir, name))));
    return { name, fragment, stems: docStems(searchDocOf(fragment)) };
  });
  if (file) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(records));
  }
  return records;
}

async function readRecords(file: string | undefined): Promise<PageRecord[] | undefined> {
  const text = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
  return text === undefined ? undefined : (JSON.parse(text) as PageRecord[]);
}

/** Removes the kept records of parts that are no longer any part of the site. */
async function dropOtherRecords(recordsDir: string, files: readonly string[]): Promise<void> {
  const wanted = new Set(files.map((file) => path.basename(file)));
  const names = await readdir(recordsDir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => !wanted.has(n)).map((n) => rm(path.join(recordsDir, n), { force: true })));
}
