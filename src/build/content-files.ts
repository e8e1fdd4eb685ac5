/**
 * Reads the content folder for the pre-build check: runbook and guide files, decision trees, and the
 * URL segments the site itself uses (an ID's alert-link page must not take one). The checks
 * themselves are pure (src/checks/); this is their access to the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkContentSources, type SourceFile } from '../checks/content.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { contentDir, projectRoot } from './project.ts';

/** Top-level URL segments the site itself uses: an ID's redirect page must not take one. */
export async function reservedSegments(): Promise<string[]> {
  const pages = await readdir(path.join(projectRoot, 'src/pages')).catch(() => []);
  const publicFiles = await readdir(path.join(projectRoot, 'public')).catch(() => []);
  const fromPages = pages
    .filter((name) => !name.startsWith('['))
    .map((name) => name.replace(/\.(astro|ts|js|md|mdx)$/, ''));
  return [...new Set([...fromPages, ...publicFiles, '_astro', 'pagefind', 'index'])];
}

async function readSources(dir: string, pattern = /\.mdx?$/): Promise<SourceFile[]> {
  const files = await filesUnder(dir, pattern);
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

/** Prints diagnostics like a compiler; true when none is an error. */
export function report(diagnostics: readonly Diagnostic[], what: string): boolean {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) console.error(`\n${what}: ${errors} error(s). Fix them and run the build again.`);
  return !hasErrors(diagnostics);
}
