/**
 * A rebuild that renders only the pages whose file changed (rebuild-plan.ts) takes the rest of its site
 * from the published one: every file of it linked into the new build's folder (src/fs/mirror.ts), the
 * pages Astro rendered again over them, and the offline copy's entries of the pages that did not
 * change taken from the published archive. The build keeps, in its cache, what the published site was
 * made from (BuiltFrom), for the next build to compare with. Node only.
 */
import { statSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { routes } from '../domain/routes.ts';
import { relativeFilesUnder } from '../fs/list.ts';
import { isSameFile, linkOver, mirrorFiles, type Mirrored } from '../fs/mirror.ts';
import { readPackedEntries } from '../offline/archive.ts';
import { bundleName, type BuildVersion } from '../offline/version.ts';
import { linkPages, type LinkPage } from './alert-link-pages.ts';
import { DOWNLOADS, type EarlierCopy } from './offline-copy.ts';
import type { BuiltFrom } from './rebuild-plan.ts';

/**
 * What the build writes after Astro, never taken from the published site: written in place, these
 * would change the published site's own files through the link (Pagefind writes its folder itself).
 */
const WRITTEN_AFTER_ASTRO = (file: string) =>
  file === '_headers' ||
  file === routes.searchTerms() ||
  file.startsWith('pagefind/') ||
  file.startsWith(`${DOWNLOADS}/`);

/** The settings the build reads besides the content (rebuild-plan.ts: sharedKey). */
export const buildSettings = () => ({
  BASE_PATH: process.env['BASE_PATH'],
  SITE_URL: process.env['SITE_URL'],
  // How the search index is cut into parts (search-index.ts): which part a page is in.
  RUNBOOKS_SEARCH_PAGES_PER_INDEX: process.env['RUNBOOKS_SEARCH_PAGES_PER_INDEX'],
  node: process.version,
});

const builtFromFile = (cacheDir: string) => path.join(cacheDir, 'built-from.json');

export async function readBuiltFrom(cacheDir: string): Promise<BuiltFrom | undefined> {
  try {
    return JSON.parse(await readFile(builtFromFile(cacheDir), 'utf8')) as BuiltFrom;
  } catch {
    return undefined; // no earlier build, or an unreadable record: the whole site is built
  }
}

/** Written once the site it describes is published. */
export const writeBuiltFrom = (cacheDir: string, record: BuiltFrom) =>
  writeFile(builtFromFile(cacheDir), `${JSON.stringify(record)}\n`);

export interface SiteFromPublished {
  published: string;
  stagingDir: string;
  /** The files Astro rendered again (paths in the site), in place of the published ones. */
  rendered: Set<string>;
  /** Whether the site has the published site's files, no more and no fewer. */
  sameFiles: boolean;
  /** Every file of the site (paths in it), as made: the later steps need not list it again. */
  files: string[];
  /** The link pages, which are the published ones: they come from what every page shares. */
  links: { runbooks: LinkPage[]; alerts: LinkPage[] };
  mirrored: Mirrored;
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a), stat(b)]);
  return x.size === y.size && (await readFile(a)).equals(await readFile(b));
}

/** The published site's files linked into a build's folder, before Astro's pages are put over them. */
export interface PublishedCopy {
  published: string;
  stagingDir: string;
  /** Path in the site -> the file it is linked to. */
  files: Map<string, string>;
  mirrored: Mirrored;
}

/**
 * Makes `stagingDir` the published site, less what the build writes after Astro: done while Astro
 * renders the changed pages (it waits on the disk, Astro on the processor).
 */
export async function linkPublished(published: string, stagingDir: string): Promise<PublishedCopy> {
  const files = new Map<string, string>();
  for (const file of await relativeFilesUnder(published))
    if (!WRITTEN_AFTER_ASTRO(file)) files.set(file, path.join(published, file));
  return { published, stagingDir, files, mirrored: await mirrorFiles(stagingDir, files) };
}

/** Puts the pages Astro rendered into `astroDir` over the published site linked by linkPublished. */
export async function withRenderedPages(copy: PublishedCopy, astroDir: string): Promise<SiteFromPublished> {
  const links = await linkPages(astroDir);
  // A link page takes the place of a page at the same path, as the whole build writes them after Astro.
  const linkPaths = new Set([...links.runbooks, ...links.alerts].map((page) => page.path));
  const files = new Map(copy.files);
  const rendered = new Map<string, string>();
  for (const file of await relativeFilesUnder(astroDir)) {
    if (linkPaths.has(file)) continue;
    // Astro renders the lists and the home page on every build: where they came out the same, the
    // published file stays (and what is made from it, its search part and offline page, is kept).
    const before = files.get(file);
    if (before && (await sameBytes(before, path.join(astroDir, file)))) continue;
    files.set(file, path.join(astroDir, file));
    rendered.set(file, path.join(astroDir, file));
  }
  linkOver(copy.stagingDir, rendered);
  return {
    published: copy.published,
    stagingDir: copy.stagingDir,
    rendered: new Set(rendered.keys()),
    sameFiles: files.size === copy.files.size,
    files: [...files.keys()],
    links,
    mirrored: { linked: copy.mirrored.linked + rendered.size, removed: copy.mirrored.removed },
  };
}

/**
 * The published offline copy's entries for the files that did not change. None when the site's set of
 * files changed: every offline page is made from that set (its links), so each would be made again.
 */
export async function earlierOfflineCopy(
  site: SiteFromPublished,
  version: BuildVersion,
): Promise<EarlierCopy | undefined> {
  if (!site.sameFiles) return undefined;
  const archive = await readFile(path.join(site.published, DOWNLOADS, `${bundleName(version)}.zip`)).catch(
    () => undefined,
  );
  if (!archive) return undefined;
  // What the build writes after Astro is the published file where it is that file, linked (the index
  // parts it kept); the rest of the site is, but for the pages rendered again.
  const linked = (file: string) => {
    const [a, b] = [path.join(site.stagingDir, file), path.join(site.published, file)].map((f) =>
      statSync(f, { throwIfNoEntry: false }),
    );
    return a !== undefined && b !== undefined && isSameFile(a, b);
  };
  return {
    entries: readPackedEntries(archive),
    unchanged: (file) => (WRITTEN_AFTER_ASTRO(file) ? linked(file) : !site.rendered.has(file)),
  };
}
