/**
 * The site the companion serves, read where the catalogue was found (src/runner/catalogue-source.ts):
 * a built site's folder (dist/, whose link is followed once at the start, so a build published while
 * the companion runs can't put pages in front of it whose steps its catalogue numbers differently) or
 * the offline copy, extracted or as its zip (entries indexed once, each read when asked for). URL paths
 * are looked up as a static host does (a folder by its index.html); nothing outside the site is served.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { openPromise as openZip, type Entry, type ZipFile } from 'yauzl';
import type { SiteFiles } from '../runner/catalogue-source.ts';
import { CONTENT_TYPES, sitePathCandidates } from '../fs/static-host.ts';

export interface SiteFile {
  /** The site path it was found at: "runbooks/pod001/index.html". */
  name: string;
  type: string;
  data: Buffer;
}

export interface Site {
  /** The file a URL path names (already decoded: "/runbooks/pod001/"), or undefined. */
  read(urlPath: string): Promise<SiteFile | undefined>;
  close(): void;
}

const typeOf = (name: string) => CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream';

/** "/a/../b" and other ways out are not names of the site; "" is its root. */
function siteNames(urlPath: string): string[] {
  return sitePathCandidates(urlPath).flatMap((candidate) => {
    const name = path.posix.normalize(candidate).replace(/^\/+/, '');
    return name.startsWith('..') || name.includes('\0') ? [] : [name];
  });
}

async function folderSite(dir: string): Promise<Site> {
  const root = await realpath(dir);
  return {
    async read(urlPath) {
      for (const name of siteNames(urlPath)) {
        const file = path.join(root, name);
        if (file !== root && !file.startsWith(root + path.sep)) continue;
        const found = await stat(file).catch(() => undefined);
        if (!found?.isFile()) continue;
        // A link inside the site that leads out of it is not served either.
        const real = await realpath(file);
        if (!real.startsWith(root + path.sep)) continue;
        return { name, type: typeOf(name), data: await readFile(real) };
      }
      return undefined;
    },
    close() {},
  };
}

async function zipSite(file: string, prefix: string): Promise<Site> {
  const zip: ZipFile = await openZip(file, { strictFileNames: true, autoClose: false });
  const entries = new Map<string, Entry>();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.startsWith(prefix) && !entry.fileName.endsWith('/'))
      entries.set(entry.fileName.slice(prefix.length), entry);
  }
  return {
    async read(urlPath) {
      for (const name of siteNames(urlPath)) {
        const entry = entries.get(name);
        if (entry) return { name, type: typeOf(name), data: await buffer(await zip.openReadStreamPromise(entry)) };
      }
      return undefined;
    },
    close: () => zip.close(),
  };
}

export function openSite(files: SiteFiles): Promise<Site> {
  return files.kind === 'folder' ? folderSite(files.dir) : zipSite(files.file, files.prefix);
}
