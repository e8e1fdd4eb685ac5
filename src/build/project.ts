/**
 * Where the project's folders are, for the build and the scripts: the project root, the content folder
 * (RUNBOOKS_CONTENT_DIR, default content/) and the output folder (BUILD_OUT_DIR, default dist/).
 * Relative settings are taken from the project root, absolute ones as they are.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env['RUNBOOKS_CONTENT_DIR'] ?? 'content');
}

export function outputDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot, env['BUILD_OUT_DIR'] ?? 'dist');
}

/** Whether this module is the script node was started with (`tsx scripts/x.ts`), not an import. */
export function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && fileURLToPath(moduleUrl) === path.resolve(process.argv[1]!);
}
