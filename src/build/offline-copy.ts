/**
 * The offline copy: the built site made to work opened straight from disk, zipped with a launcher
 * (src/offline/kit/). The build writes one for every site it builds (downloads/<name>.zip); the same
 * content and commit give the same archive bytes: no file carries the build's time.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { relativeFilesUnder } from '../fs/list.ts';
import path from 'node:path';
import { offlineDocs, type PagefindFragment } from '../offline/search-index.ts';
import { routes } from '../domain/routes.ts';
import { relativeUrl, toOfflinePage } from '../offline/relative-links.ts';
import { bundleName, type BuildVersion } from '../offline/version.ts';
import { createArchive, packEntry, type ArchiveEntry, type PackedEntry } from '../offline/archive.ts';
import type { AlertEntry } from '../catalog/alerts.ts';
import type { LinkPage } from './alert-link-pages.ts';
import type { ManifestEntry } from '../catalog/listing.ts';
import { escapeHtml } from '../text/html.ts';
import { bundleClassicScript } from './classic-script.ts';
import { projectRoot } from './project.ts';

const kit = path.join(projectRoot, 'src/offline/kit');
/** Where the built site keeps its downloads; never part of the offline copy itself. */
export const DOWNLOADS = 'downloads';

const siteFiles = async (siteDir: string) => siteFilesOf(await relativeFilesUnder(siteDir));

/** Of the site's files (paths in it), those the offline copy is made from. */
function siteFilesOf(files: readonly string[]): string[] {
  return (
    files
      .filter((f) => !f.startsWith(`${DOWNLOADS}/`))
      // Headers for static hosts mean nothing on a laptop disk.
      .filter((f) => f !== '_headers')
      // Sorted by name, as the archive orders its entries (filesUnder sorts by absolute path).
      .sort()
  );
}

/** Each file of the site with its bytes, read 64 at a time (the file system works in parallel; only a batch is held). */
async function eachSiteFile(
  siteDir: string,
  files: readonly string[],
  use: (file: string, data: Buffer) => void,
): Promise<void> {
  for (let i = 0; i < files.length; i += 64) {
    const batch = files.slice(i, i + 64);
    const contents = await Promise.all(batch.map((file) => readFile(path.join(siteDir, file))));
    batch.forEach((file, k) => use(file, contents[k]!));
  }
}

/** The site's pages made offline pages, ready for the search index and the archive. */
export interface OfflinePages {
  name: string;
  base: string;
  /**
   * Each page packed for the archive as soon as it is made (deflated on the thread pool): holding
   * them as they were was the whole site's bytes at once (300 MB at 3,000 runbooks).
   */
  entries: Promise<PackedEntry>[];
  /** The site's files the pages were made from. */
  files: Set<string>;
  /** Entries taken from the earlier copy as they were. */
  reused: number;
  earlier?: EarlierCopy;
}

/**
 * The published copy's archive (readPackedEntries), and which of the site's files are those it was made
 * from: a rebuild that changed a few pages takes the others' entries as they are (src/build/pipeline.ts).
 */
export interface EarlierCopy {
  entries: ReadonlyMap<string, PackedEntry>;
  /** Whether a file of the site (or a link page) is byte for byte the one the earlier copy was made from. */
  unchanged: (file: string) => boolean;
}

/** The earlier copy's entry for a file of the site, if the file is the one it was made from. */
const earlierEntry = (earlier: EarlierCopy | undefined, name: string, file: string) =>
  earlier?.unchanged(file) ? earlier.entries.get(`${name}/${file}`) : undefined;

/**
 * The first half of the offline copy: every file of the built site (its pages made to work from disk),
 * and the link pages (`links`), which the build writes to the site meanwhile (alert-link-pages.ts). It
 * needs nothing of the search index, so the build runs it while Pagefind indexes the site.
 */
export async function offlinePages(
  siteDir: string,
  version: BuildVersion,
  base = '/',
  links: readonly LinkPage[] = [],
  { earlier, listed }: { earlier?: EarlierCopy; listed?: readonly string[] } = {},
): Promise<OfflinePages> {
  const name = bundleName(version);
  const linkPaths = new Set(links.map((l) => l.path));
  // The search step may be writing its files now (Pagefind's folder, the word statistics): they join
  // in the second half. A link page replaces a file of the same path, as it does on the site.
  const files = (listed ? siteFilesOf(listed) : await siteFiles(siteDir)).filter(
    (f) => !f.startsWith('pagefind/') && f !== routes.searchTerms() && !linkPaths.has(f),
  );
  const fileSet = new Set([...files, ...linkPaths]);
  const entries: Promise<PackedEntry>[] = [];
  // An offline page is made from the site's page, its path, the set of files and the version: the
  // same for a file the earlier copy was made from, when the rest is the same (the caller's promise).
  let reused = 0;
  const reuse = (file: string) => {
    const entry = earlierEntry(earlier, name, file);
    if (!entry) return false;
    entries.push(Promise.resolve(entry));
    reused++;
    return true;
  };
  const add = (file: string, data: string | Uint8Array) => {
    const packed = packEntry({ name: `${name}/${file}`, data: typeof data === 'string' ? Buffer.from(data) : data });
    packed.catch(() => undefined); // awaited with the rest by writeOfflineBundle; not unhandled meanwhile
    entries.push(packed);
  };

  const banner = `<div class="offline-banner" role="note">Offline copy, version ${escapeHtml(version.version)}, built from the content of ${escapeHtml(version.date)} (${escapeHtml(version.commit)}). It may be out of date: use the live site when it is back.</div>`;
  await eachSiteFile(
    siteDir,
    files.filter((file) => !reuse(file)),
    (file, data) => {
      if (!file.endsWith('.html')) {
        add(file, data);
        return;
      }
      const html = data.toString('utf8').replace(/<p[^>]*data-online-only[^>]*>[\s\S]*?<\/p>/g, '');
      add(file, toOfflinePage(html, { pagePath: file, files: fileSet, base, bannerHtml: banner }));
    },
  );
  for (const link of links)
    if (!reuse(link.path))
      add(link.path, toOfflinePage(link.html, { pagePath: link.path, files: fileSet, base, bannerHtml: banner }));
  return { name, base, entries, files: fileSet, reused, ...(earlier ? { earlier } : {}) };
}

/** The second half: Pagefind's files and the offline search index, the scripts and the launchers, zipped. */
export async function writeOfflineBundle(
  siteDir: string,
  version: BuildVersion,
  pages: OfflinePages,
  fragments: readonly PagefindFragment[],
  outDir = path.join(siteDir, DOWNLOADS),
): Promise<{ file: string; bytes: number; files: number }> {
  const { name, base } = pages;
  const entries: (ArchiveEntry | PackedEntry)[] = await Promise.all(pages.entries);
  const add = (file: string, data: string | Uint8Array) =>
    entries.push({ name: `${name}/${file}`, data: typeof data === 'string' ? Buffer.from(data) : data });
  const known = new Set(pages.files);
  // What the search step wrote meanwhile: Pagefind's index (a file or more per runbook) and the word
  // statistics. Listing only those: listing the whole site again took longer than archiving it.
  const rest = [
    ...(await siteFiles(path.join(siteDir, 'pagefind'))).map((file) => `pagefind/${file}`),
    routes.searchTerms(),
  ].filter((file) => !known.has(file));
  // Of those, the files the earlier copy has as they are (the index parts a rebuild kept) are taken from it.
  const toRead = rest.filter((file) => {
    known.add(file);
    const entry = earlierEntry(pages.earlier, name, file);
    if (entry) entries.push(entry);
    return !entry;
  });
  await eachSiteFile(siteDir, toRead, (file, data) => add(file, data));
  const toFile = (sitePath: string) =>
    relativeUrl(base + sitePath, { pagePath: 'index.html', files: known, base }).replace(/^\.\//, '');

  // Data the pages would fetch, as classic scripts that set globals (fetch() is blocked on file://).
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'runbooks.json'), 'utf8')) as (ManifestEntry & {
    symptoms?: string[];
  })[];
  const offlineManifest = manifest.map((m) => ({
    ...m,
    url: toFile(m.url.startsWith(base) ? m.url.slice(base.length) : m.url),
  }));
  add('offline/manifest.js', `window.__RUNBOOKS_MANIFEST__=${JSON.stringify(offlineManifest)};\n`);
  const sitePath = (url: string) => toFile(url.startsWith(base) ? url.slice(base.length) : url);
  const alerts = JSON.parse(
    await readFile(path.join(siteDir, 'alerts.json'), 'utf8').catch(() => '[]'),
  ) as AlertEntry[];
  const offlineAlerts = alerts.map((a) => ({ ...a, url: sitePath(a.url), page: sitePath(a.page) }));
  add('offline/alerts.js', `window.__RUNBOOKS_ALERTS__=${JSON.stringify(offlineAlerts)};\n`);
  // Search from disk: the same records and word statistics the site's search ranks with.
  const docs = offlineDocs(fragments, base, toFile);
  const terms = await readFile(path.join(siteDir, routes.searchTerms()), 'utf8');
  add('offline/search-index.js', `window.__RUNBOOKS_SEARCH__=${JSON.stringify(docs)};\n`);
  add('offline/search-terms.js', `window.__RUNBOOKS_SEARCH_TERMS__=${terms.trim()};\n`);

  // The page scripts as one classic script: the same entry point as the site's module.
  add('offline/site.js', await bundleClassicScript(path.join(projectRoot, 'src/client/offline-entry.ts')));

  const fill = (text: string) =>
    text
      .replaceAll('{{version}}', version.version)
      .replaceAll('{{date}}', version.date)
      .replaceAll('{{commit}}', version.commit);
  add('README.txt', fill(await readFile(path.join(kit, 'README.txt'), 'utf8')));
  add('serve.mjs', await readFile(path.join(kit, 'serve.mjs')));
  add('serve.py', await readFile(path.join(kit, 'serve.py')));
  add('VERSION.json', `${JSON.stringify(version, null, 2)}\n`);

  const archive = await createArchive(entries, new Date(`${version.date}T00:00:00Z`));
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.zip`);
  await writeFile(file, archive);
  return { file, bytes: archive.length, files: entries.length };
}
