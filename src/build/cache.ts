/**
 * What the build keeps between builds, by content hash (in <output>.builds/.cache/): a result is used
 * again only when the file and every piece of the toolchain that made it are the same, so a rebuild
 * gives the same bytes as a cold build. Node only.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { filesUnder } from '../fs/list.ts';
import { projectRoot } from './project.ts';

export const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

/**
 * A hash of everything of the project that decides what the build makes of the content: its source,
 * its static files, its locked dependencies, the Astro and TypeScript configs, and the content's own
 * settings (custom resources).
 */
export async function toolchainHash(contentDir: string): Promise<string> {
  const files = [
    ...(await filesUnder(path.join(projectRoot, 'src'))),
    ...(await filesUnder(path.join(projectRoot, 'public'))),
    path.join(projectRoot, 'astro.config.mjs'),
    path.join(projectRoot, 'tsconfig.json'),
    path.join(projectRoot, 'package-lock.json'),
    path.join(contentDir, 'kubectl-custom-resources.yaml'),
  ];
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(projectRoot, file)).update('\0');
    hash.update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
  }
  return hash.digest('hex');
}

export async function readCached<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes by rename, so a reader (or a build killed halfway) never sees half a file. */
export async function writeCached(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  const text = JSON.stringify(value);
  // Thousands of writes go into the same two folders: make a folder only when it is missing.
  await writeFile(temporary, text).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, text);
  });
  await rename(temporary, file);
}

/**
 * The content pass's files for Astro, in the pass's cache folder: its pages (source path -> rendered
 * page file) and each Markdown page's command steps. Known before the pass ends: Astro may be started
 * first (src/site/build-inputs.ts).
 */
export const passFiles = (passCacheDir: string) => ({
  pagesManifest: path.join(passCacheDir, 'pages-manifest.json'),
  commandSteps: path.join(passCacheDir, 'command-steps.json'),
});
