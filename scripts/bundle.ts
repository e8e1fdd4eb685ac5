/**
 * The offline copy: the built site made to work opened straight from disk, zipped with a launcher.
 *
 *   npm run bundle        builds the site, then writes bundles/<name>.zip (the same file the site
 *                         offers at /downloads/<name>.zip)
 *
 * writeOfflineBundle() is called by the build (scripts/build.ts) for every site it builds. Same content
 * and commit give the same archive bytes: no file carries the build's time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { offlineDocs, parseFragment } from '../src/offline/search-index.ts';
import { relativeUrl, toOfflinePage } from '../src/offline/relative-links.ts';
import { bundleName, type BuildVersion } from '../src/offline/version.ts';
import { createZip, type ZipEntry } from '../src/offline/zip.ts';
import type { ManifestEntry } from '../src/catalog/listing.ts';
import { escapeHtml } from '../src/text/html.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kit = path.join(projectRoot, 'scripts/offline-kit');
/** Where the built site keeps its downloads; never part of the offline copy itself. */
export const DOWNLOADS = 'downloads';

/** The version a build is made from: package version, and the last commit's hash and date. */
export async function buildVersion(): Promise<BuildVersion> {
  const { version } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  try {
    const [commit, date] = execFileSync('git', ['log', '-1', '--format=%h%n%cs'], { cwd: projectRoot, encoding: 'utf8' }).trim().split('\n');
    if (commit && date) return { version, commit, date };
  } catch {
    // Not a git checkout: fall through.
  }
  return { version, commit: 'unknown', date: process.env['SOURCE_DATE'] ?? '1980-01-01' };
}

async function siteFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith(`${DOWNLOADS}/`))
    .sort();
}

/** Builds the offline copy of a built site and writes it as a zip; returns the archive's path. */
export async function writeOfflineBundle(siteDir: string, version: BuildVersion, outDir = path.join(siteDir, DOWNLOADS), base = '/'): Promise<{ file: string; bytes: number; files: number }> {
  const name = bundleName(version);
  const files = await siteFiles(siteDir);
  const fileSet = new Set(files);
  const toFile = (sitePath: string) => relativeUrl(base + sitePath, { pagePath: 'index.html', files: fileSet, base }).replace(/^\.\//, '');
  const entries: ZipEntry[] = [];
  const add = (file: string, data: string | Uint8Array) => entries.push({ name: `${name}/${file}`, data: typeof data === 'string' ? Buffer.from(data) : data });

  const banner = `<div class="offline-banner" role="note">Offline copy, version ${escapeHtml(version.version)}, built from the content of ${escapeHtml(version.date)} (${escapeHtml(version.commit)}). It may be out of date: use the live site when it is back.</div>`;
  for (let i = 0; i < files.length; i += 64) {
    const batch = files.slice(i, i + 64);
    const contents = await Promise.all(batch.map((file) => readFile(path.join(siteDir, file))));
    batch.forEach((file, k) => {
      const data = contents[k]!;
      if (!file.endsWith('.html')) {
        add(file, data);
        return;
      }
      const html = data.toString('utf8').replace(/<p[^>]*data-online-only[^>]*>[\s\S]*?<\/p>/g, '');
      add(file, toOfflinePage(html, { pagePath: file, files: fileSet, base, bannerHtml: banner }));
    });
  }

  // Data the pages would fetch, as classic scripts that set globals (fetch() is blocked on file://).
  const manifest = JSON.parse(await readFile(path.join(siteDir, 'runbooks.json'), 'utf8')) as (ManifestEntry & { symptoms?: string[] })[];
  const offlineManifest = manifest.map((m) => ({ ...m, url: toFile(m.url.startsWith(base) ? m.url.slice(base.length) : m.url) }));
  add('offline/manifest.js', `window.__RUNBOOKS_MANIFEST__=${JSON.stringify(offlineManifest)};\n`);
  const fragmentDir = path.join(siteDir, 'pagefind/fragment');
  const fragments = await Promise.all((await readdir(fragmentDir)).sort().map(async (f) => parseFragment(gunzipSync(await readFile(path.join(fragmentDir, f))))));
  const symptoms = new Map(manifest.map((m) => [m.id, m.symptoms ?? []]));
  add('offline/search-index.js', `window.__RUNBOOKS_SEARCH__=${JSON.stringify(offlineDocs(fragments, symptoms, base, toFile))};\n`);

  // The page scripts as one classic script: the same entry point as the site's module.
  const script = await esbuild({ entryPoints: [path.join(projectRoot, 'src/client/offline-entry.ts')], bundle: true, format: 'iife', minify: true, target: 'es2020', write: false, legalComments: 'none' });
  add('offline/site.js', script.outputFiles[0]!.contents);

  const fill = (text: string) => text.replaceAll('{{version}}', version.version).replaceAll('{{date}}', version.date).replaceAll('{{commit}}', version.commit);
  add('README.txt', fill(await readFile(path.join(kit, 'README.txt'), 'utf8')));
  add('serve.mjs', await readFile(path.join(kit, 'serve.mjs')));
  add('serve.py', await readFile(path.join(kit, 'serve.py')));
  add('VERSION.json', `${JSON.stringify(version, null, 2)}\n`);

  const archive = createZip(entries, new Date(`${version.date}T00:00:00Z`));
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.zip`);
  await writeFile(file, archive);
  return { file, bytes: archive.length, files: entries.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(projectRoot, 'scripts/build.ts')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const version = await buildVersion();
  const built = path.join(projectRoot, process.env['BUILD_OUT_DIR'] ?? 'dist', DOWNLOADS, `${bundleName(version)}.zip`);
  const target = path.join(projectRoot, 'bundles', `${bundleName(version)}.zip`);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(built, target);
  console.log(`\nbundle: ${path.relative(process.cwd(), target)} (${((await stat(target)).size / 1024 / 1024).toFixed(1)} MiB). Extract it and open index.html, or run node serve.mjs inside it.`);
}
