/**
 * Publishing a build in one step. The output folder is a symbolic link to the build it serves
 * (dist -> dist.builds/<build>), so switching to a new site is one rename(2) of a new link over the
 * old one: whoever reads the output sees the old site or the new one, never neither and never half of
 * one. A build is written in a folder of its own under <output>.builds/; the previous site stays whole
 * until the new one is complete and published. Where links can't be made (Windows without the right
 * to), the switch falls back to two renames. The build it replaces is kept beside it: a rebuild
 * makes its site in that folder (sparedBuildDir), changing only the files that differ. Node only.
 */
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

export const buildsDirOf = (outDir: string) => `${outDir}.builds`;

/** Where tools keep what they cache between builds of this output; kept when old builds are removed. */
export const buildCacheDir = (outDir: string) => path.join(buildsDirOf(outDir), CACHE);
const CACHE = '.cache';

const newBuildName = () => `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;

/** A new, empty folder for a build of this output. */
export async function newBuildDir(outDir: string): Promise<string> {
  const dir = path.join(buildsDirOf(outDir), newBuildName());
  await mkdir(dir, { recursive: true });
  return dir;
}

/** The build folder the output serves (absolute), if it is a link to one. */
export async function publishedBuildDir(outDir: string): Promise<string | undefined> {
  const target = await readlink(outDir).catch(() => undefined);
  if (!target) return undefined;
  const dir = path.resolve(path.dirname(outDir), target);
  return path.dirname(dir) === buildsDirOf(outDir) ? dir : undefined;
}

/**
 * A folder for a new build made from the published one: the build the published one replaced (kept
 * by publishBuild), under a new name, whose files are mostly those of the published site already
 * (src/fs/mirror.ts links the rest); a new, empty folder when there is none. Never one of `besides`
 * (the folders this build is using already).
 */
export async function sparedBuildDir(outDir: string, besides: readonly string[] = []): Promise<string> {
  const builds = buildsDirOf(outDir);
  const taken = new Set([await publishedBuildDir(outDir), ...besides]);
  const spared = (await readdir(builds).catch(() => [] as string[]))
    .filter((entry) => entry !== CACHE && !taken.has(path.join(builds, entry)))
    .sort()
    .at(-1);
  if (!spared) return newBuildDir(outDir);
  const dir = path.join(builds, newBuildName());
  await rename(path.join(builds, spared), dir);
  return dir;
}

/**
 * Makes `buildDir` what `outDir` serves, in one rename; removes the builds before, but keeps the one
 * it replaces for the next build to make its site in (sparedBuildDir).
 */
export async function publishBuild(buildDir: string, outDir: string): Promise<void> {
  const replaced = await publishedBuildDir(outDir);
  const current = await lstat(outDir).catch(() => undefined);
  if (current && !current.isSymbolicLink()) {
    // A real folder (a build of an older version of this project, or one made by hand): keep it
    // whole under the builds folder until the link replaces it. This happens once per output.
    await rename(outDir, path.join(buildsDirOf(outDir), `previous-${process.pid}`));
  }
  const next = `${outDir}.switch-${process.pid}`;
  await rm(next, { force: true });
  try {
    await symlink(path.relative(path.dirname(outDir), buildDir), next, 'junction');
    await rename(next, outDir);
  } catch (error) {
    await rm(next, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    await rm(outDir, { recursive: true, force: true });
    await rename(buildDir, outDir);
  }
  await pruneBuilds(outDir, [buildDir, ...(replaced ? [replaced] : [])]);
}

/** Removes every build of the output but those kept (the one it serves, the one that one replaced). */
async function pruneBuilds(outDir: string, keep: readonly string[]): Promise<void> {
  const builds = buildsDirOf(outDir);
  for (const entry of await readdir(builds).catch(() => [] as string[])) {
    const dir = path.join(builds, entry);
    if (!keep.includes(dir) && entry !== CACHE) await rm(dir, { recursive: true, force: true });
  }
}
