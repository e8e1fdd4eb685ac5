/**
 * Reads the content folder for the pre-build check: runbook and guide files, decision trees, and the
 * URL segments the site itself uses (an ID's alert-link page must not take one). The checks
 * themselves are pure (src/checks/); this is their access to the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkContentSources, type SourceFile } from '../checks/content.ts';
import { pageVariables } from '../commands/page-variables.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { isMdxFile } from '../markdown/parse.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { contentDir, projectRoot } from './project.ts';

/** The file of content/alerts/ that maps alerts onto runbooks; every other .yaml there is a list of alerts. */
export const ALERT_MAPPING_FILE = 'runbooks.yaml';

/** content/alerts/: the lists of upstream alerts and the reviewed mapping (both optional). */
export async function readAlertSources(dir = contentDir()) {
  const files = await readSources(path.join(dir, 'alerts'), /\.ya?ml$/);
  const mapping = files.find((f) => path.basename(f.path) === ALERT_MAPPING_FILE);
  return { catalogs: files.filter((f) => f !== mapping), ...(mapping ? { mapping } : {}) };
}

/** Top-level URL segments the site itself uses: an ID's redirect page must not take one. */
export async function reservedSegments(): Promise<string[]> {
  const pages = await readdir(path.join(projectRoot, 'src/pages')).catch(() => []);
  const publicFiles = await readdir(path.join(projectRoot, 'public')).catch(() => []);
  const fromPages = pages
    .filter((name) => !name.startsWith('['))
    .map((name) => name.replace(/\.(astro|ts|js|md|mdx)$/, ''));
  return [...new Set([...fromPages, ...publicFiles, '_astro', 'pagefind', 'index', 'search-terms.json'])];
}

/** The files of a content folder matching a pattern, with their text; paths relative to the working folder. */
export async function readSources(dir: string, pattern = /\.mdx?$/): Promise<SourceFile[]> {
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
  const alerts = await readAlertSources(dir);
  // A runbook's variables come from its command blocks, read as its page reads them: only needed
  // to check the labels the alert mapping maps onto them.
  const reader = alerts.mapping ? await loadCommandReader() : undefined;
  return checkContentSources({ runbooks, guides, trees, alerts }, await reservedSegments(), (runbook) =>
    reader ? pageVariables(runbook.text, isMdxFile(runbook.path), reader).map((v) => v.key) : [],
  );
}

/** Prints diagnostics like a compiler; true when none is an error. */
export function report(diagnostics: readonly Diagnostic[], what: string): boolean {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) console.error(`\n${what}: ${errors} error(s). Fix them and run the build again.`);
  return !hasErrors(diagnostics);
}
