/**
 * Checks all content before Astro runs: runbook and guide frontmatter against the schemas, IDs and
 * aliases unique, related IDs and source guides resolve. Prints compiler-style diagnostics; exits 1 on any error.
 *
 *   npm run check:content [-- <content dir>]     (default: $RUNBOOKS_CONTENT_DIR or content)
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentSources, type SourceFile } from '../src/checks/content.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../src/checks/diagnostics.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function contentDir(): string {
  return path.resolve(projectRoot, process.env.RUNBOOKS_CONTENT_DIR ?? 'content');
}

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Top-level URL segments the site itself uses: an ID's redirect page must not take one. */
async function reservedSegments(): Promise<string[]> {
  const pages = await readdir(path.join(projectRoot, 'src/pages')).catch(() => []);
  const publicFiles = await readdir(path.join(projectRoot, 'public')).catch(() => []);
  const fromPages = pages
    .filter((name) => !name.startsWith('['))
    .map((name) => name.replace(/\.(astro|ts|js|md|mdx)$/, ''));
  return [...new Set([...fromPages, ...publicFiles, '_astro', 'pagefind', 'index'])];
}

async function readSources(dir: string, pattern = /\.mdx?$/): Promise<SourceFile[]> {
  const files = await listFiles(dir, pattern);
  return Promise.all(
    files.map(async (file) => ({ path: path.relative(process.cwd(), file), text: await readFile(file, 'utf8') })),
  );
}

export async function checkContent(dir = contentDir()): Promise<Diagnostic[]> {
  const runbooks = await readSources(path.join(dir, 'runbooks'));
  const guides = await readSources(path.join(dir, 'guides'));
  const trees = await readSources(path.join(dir, 'trees'), /\.ya?ml$/);
  if (runbooks.length === 0) {
    return [
      {
        file: path.relative(process.cwd(), path.join(dir, 'runbooks')) || '.',
        line: 0,
        column: 0,
        severity: 'error',
        rule: 'content/empty',
        message: 'no runbooks found (*.md or *.mdx)',
        hint: 'add runbooks under content/runbooks/, or point RUNBOOKS_CONTENT_DIR at your content folder',
      },
    ];
  }
  return checkContentSources({ runbooks, guides, trees }, await reservedSegments());
}

export function report(diagnostics: readonly Diagnostic[], what: string): boolean {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) console.error(`\n${what}: ${errors} error(s). Fix them and run the build again.`);
  return !hasErrors(diagnostics);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : contentDir();
  const ok = report(await checkContent(dir), 'content check');
  if (ok) console.log(`content check: runbooks in ${path.relative(process.cwd(), dir) || '.'} are valid`);
  process.exitCode = ok ? 0 : 1;
}
