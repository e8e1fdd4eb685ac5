/** Listing files on disk, the one way every script and build step does it. Node only. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under a folder (recursively) whose name matches, sorted; none when the folder is missing.
 * Folders named node_modules are never entered.
 *
 * A walk of its own, one folder after the other: Node's `readdir(dir, { recursive: true })` took
 * 2.4 s on Node 22 (16 s on Node 20) to list a built site of 3,000 runbooks (27,000 files in 24,000
 * folders, most of them link pages), where this takes 0.3 s. Synchronous because each step is a
 * short system call: a promise per folder made it three times slower.
 */
export async function filesUnder(dir: string, pattern: RegExp = /./): Promise<string[]> {
  const files: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === dir) return; // a missing folder holds no files
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.isFile() && pattern.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

/** filesUnder, as paths relative to the folder with forward slashes (a path in the site). */
export const relativeFilesUnder = async (dir: string, pattern?: RegExp): Promise<string[]> =>
  (await filesUnder(dir, pattern)).map((file) => path.relative(dir, file).split(path.sep).join('/'));
