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

/** Folders of the project a build must never write into or replace. */
const SOURCE_FOLDERS = ['content', 'src', 'public', 'scripts', 'test', 'bench', 'node_modules', '.git', '.ci'];

const isInside = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Why an output folder must not be built into, or undefined when it is fine: the build replaces the
 * folder whole, so it must be neither a source folder (BUILD_OUT_DIR=public would replace public/),
 * inside one, nor a folder that holds one.
 */
export function outputDirProblem(outDir: string, content = contentDir()): string | undefined {
  const sources = [content, ...SOURCE_FOLDERS.map((f) => path.join(projectRoot, f))];
  if (isInside(projectRoot, outDir)) return `${outDir} is the project folder or holds it`;
  for (const source of sources) {
    if (isInside(outDir, source))
      return `${outDir} is inside the source folder ${path.relative(projectRoot, source) || source}`;
    if (isInside(source, outDir))
      return `${outDir} holds the source folder ${path.relative(projectRoot, source) || source}`;
  }
  return undefined;
}

/** From this many pages on, Astro's build gets a heap budget (astroHeapMb); below, V8 sizes its heap itself. */
export const ASTRO_HEAP_BUDGET_FROM = 2000;

/**
 * The JavaScript heap Astro's build may use, in MB, or undefined for V8's own sizing:
 * RUNBOOKS_ASTRO_HEAP_MB when set, else for a site of ASTRO_HEAP_BUDGET_FROM pages or more 192 MB
 * and 48 KB a page. Left to itself, V8 lets a heap fill with garbage while the machine has memory to
 * spare: about 400 MB at 3,000 runbooks, where 160 MB is enough, which took the build past 1 GiB.
 * The budget gives twice the room the build was seen to need (333 MB at 3,000 pages); a site whose
 * pages need more gets a message naming the setting (pipeline.ts). A smaller site is left alone: its
 * heap stays well under that anyway, and a budget there only costs collections (6.3 s → 7.3 s at
 * 1,000 runbooks).
 */
export function astroHeapMb(pages: number, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const set = Number(env['RUNBOOKS_ASTRO_HEAP_MB']);
  if (set > 0) return Math.round(set);
  return pages >= ASTRO_HEAP_BUDGET_FROM ? 192 + Math.ceil((pages * 48) / 1024) : undefined;
}
