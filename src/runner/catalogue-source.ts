/**
 * Where the runner finds the command catalogue: a built site (dist/), the offline copy (extracted, or
 * its zip) or a site over HTTP(S). Without --from or --site it takes RUNBOOK_FROM or RUNBOOK_SITE from
 * the environment, then ./dist. A catalogue only ever comes from where the person said: never from the
 * host of an alert link, whose values are data (DESIGN.md).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { openPromise as openZip } from 'yauzl';
import type { CommandCatalogue } from '../schemas/command-catalogue.ts';
import { CatalogueError, parseCatalogue } from './catalogue.ts';

export const CATALOGUE_FILE = 'commands.json';
/** Larger than any real catalogue by far; a server sending more is not serving one. */
const MAX_BYTES = 64 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

export interface LoadedCatalogue {
  catalogue: CommandCatalogue;
  /** Where it was read: a path or a URL, for messages and the incident log. */
  origin: string;
  /** The site's root URL when read over HTTP(S): runbook pages link from it. */
  siteUrl?: string;
}

export interface SourceOptions {
  from?: string | undefined;
  site?: string | undefined;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

const isFile = (p: string) =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

async function fromFolder(dir: string): Promise<LoadedCatalogue> {
  const direct = path.join(dir, CATALOGUE_FILE);
  if (await isFile(direct))
    return { catalogue: parseCatalogue(await readFile(direct, 'utf8'), direct), origin: direct };
  // The offline copy extracts to one folder (runbooks-offline-…/): accept the folder it was extracted into.
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => {
    throw new CatalogueError(`${dir}: no such folder`);
  });
  const inside = entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name, CATALOGUE_FILE));
  const found = (await Promise.all(inside.map(async (f) => ((await isFile(f)) ? f : undefined)))).filter(
    (f): f is string => f !== undefined,
  );
  if (found.length === 1)
    return { catalogue: parseCatalogue(await readFile(found[0]!, 'utf8'), found[0]!), origin: found[0]! };
  throw new CatalogueError(
    `${dir}: no ${CATALOGUE_FILE} here${found.length > 1 ? ` (several in its folders: pass one of them)` : ''}: pass a built site (dist/) or the offline copy, built by this version of the project`,
  );
}

async function fromZip(file: string): Promise<LoadedCatalogue> {
  let zip;
  try {
    zip = await openZip(file, { strictFileNames: true });
  } catch (error) {
    throw new CatalogueError(`${file}: ${(error as Error).message}: is it the offline copy of a site?`);
  }
  try {
    // The offline archive holds one top folder: <name>/commands.json. Only that entry is read.
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== CATALOGUE_FILE && !/^[^/]+\/commands\.json$/.test(entry.fileName)) continue;
      const origin = `${file}!${entry.fileName}`;
      return { catalogue: parseCatalogue(await text(await zip.openReadStreamPromise(entry)), origin), origin };
    }
  } finally {
    zip.close();
  }
  throw new CatalogueError(`${file}: no ${CATALOGUE_FILE} in this archive: is it the offline copy of a site?`);
}

/** The site's root with a trailing slash: https://runbooks.example.com/ or …/docs/ under a base path. */
export function siteRoot(site: string): URL {
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new CatalogueError(`--site ${site}: not a URL (https://runbooks.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CatalogueError(`--site ${site}: only http(s) sites are read`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

async function fromSite(site: string): Promise<LoadedCatalogue> {
  const root = siteRoot(site);
  const url = new URL(CATALOGUE_FILE, root).href;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new CatalogueError(
      `${url}: could not be fetched (${cause}). If the site is down, use the offline copy: --from <its folder or zip>`,
    );
  }
  if (!response.ok)
    throw new CatalogueError(`${url}: HTTP ${response.status}: is ${root.href} a runbook site built by this version?`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES)
    throw new CatalogueError(`${url}: larger than ${MAX_BYTES} bytes`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new CatalogueError(`${url}: larger than ${MAX_BYTES} bytes`);
  return { catalogue: parseCatalogue(text, url), origin: url, siteUrl: root.href };
}

/** Loads the catalogue from --from (folder or zip), --site, the environment, or ./dist. */
export async function loadCatalogue({
  from,
  site,
  env = process.env,
  cwd = process.cwd(),
}: SourceOptions): Promise<LoadedCatalogue> {
  if (from !== undefined && site !== undefined) throw new CatalogueError('--from and --site both given: pass one');
  // An empty variable is an unset one.
  const chosenSite = site ?? (from === undefined ? env['RUNBOOK_SITE'] || undefined : undefined);
  if (chosenSite) return fromSite(chosenSite);
  const chosen = from ?? (env['RUNBOOK_FROM'] || undefined);
  if (chosen === undefined) {
    const dist = path.join(cwd, 'dist');
    if (await isFile(path.join(dist, CATALOGUE_FILE))) return fromFolder(dist);
    throw new CatalogueError(
      `no command catalogue: build the site here (npm run build writes dist/${CATALOGUE_FILE}), or pass --from <a built site, the offline copy's folder or zip> or --site <https://your runbook site>`,
    );
  }
  const resolved = path.resolve(cwd, chosen);
  if (/\.zip$/i.test(resolved) && (await isFile(resolved))) return fromZip(resolved);
  if (await isFile(resolved)) {
    return { catalogue: parseCatalogue(await readFile(resolved, 'utf8'), resolved), origin: resolved };
  }
  return fromFolder(resolved);
}
