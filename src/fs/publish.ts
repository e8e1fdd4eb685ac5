/**
 * Publishing a build in one step. The output folder is a symbolic link to the build it serves
 * (dist -> dist.builds/<build>), so switching to a new site is one rename(2) of a new link over the
 * old one: whoever reads the output sees the old site or the new one, never neither and never half of
 * one. A build is written in a folder of its own under <output>.builds/; the previous site stays whole
 * until the new one is complete and published. Where links can't be made (Windows without the right
 * to), the switch falls back to two renames. Node only.
 */
import { lstat, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

export const buildsDirOf = (outDir: string) => `${outDir}.builds`;

/** Where tools keep what they cache between builds of this output; kept when old builds are removed. */
export const buildCacheDir = (outDir: string) => path.join(buildsDirOf(outDir), CACHE);
const CACHE = '.cache';

/** A new, empty folder for a build of this output. */
export async function newBuildDir(outDir: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(buildsDirOf(outDir), `${stamp}-${process.pid}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Makes `buildDir` what `outDir` serves, in one rename; removes the builds it replaces. */
export async function publishBuild(buildDir: string, outDir: string): Promise<void> {
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
  await pruneBuilds(outDir, buildDir);
}

/** Removes every build of the output but the one it serves. */
async function pruneBuilds(outDir: string, keep: string): Promise<void> {
  const builds = buildsDirOf(outDir);
  for (const entry of await readdir(builds).catch(() => [] as string[])) {
    const dir = path.join(builds, entry);
    if (dir !== keep && entry !== CACHE) await rm(dir, { recursive: true, force: true });
  }
}
