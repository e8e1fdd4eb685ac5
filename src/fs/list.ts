/** Listing files on disk, the one way every script and build step does it. Node only. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file under a folder (recursively) whose name matches, sorted; none when the folder is missing.
 * Folders named node_modules are never entered.
 */
export async function filesUnder(dir: string, pattern: RegExp = /./): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name) && !e.parentPath.split(path.sep).includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
