/**
 * Reads the content folder for the pre-build check: runbook and guide files, decision trees, and the
 * URL segments the site itself uses (an ID's alert-link page must not take one). The checks
 * themselves are pure (src/checks/); this is their access to the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkContentSources, type AlertSources, type SourceFile } from '../checks/content.ts';
import { checkRunbookFile } from '../checks/frontmatter.ts';
import { pageVariables } from '../commands/page-variables.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { idSlug } from '../domain/ids.ts';
import { isMdxFile } from '../markdown/parse.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { mapPool } from '../fs/map-pool.ts';
import { contentDir, projectRoot } from './project.ts';

/**
 * Names the build and the offline copy write at the top of the site, besides its pages and public/
 * files: an ID's or alias's alert-link page (/<spelling>/index.html) must not take one, or the build
 * fails on a clash (or, on a case-insensitive disk, the offline copy does not unzip).
 */
const BUILD_WRITES = [
  '_astro',
  'pagefind',
  'downloads',
  'offline',
  'search',
  'index',
  'index.html',
  '404',
  '404.html',
  'runbooks.json',
  'commands.json',
  'search-terms.json',
  '_headers',
  'README.txt',
  'serve.mjs',
  'serve.py',
  'VERSION.json',
];

/** Top-level URL segments the site itself uses: an ID's redirect page must not take one. */
export async function reservedSegments(): Promise<string[]> {
  const pages = await readdir(path.join(projectRoot, 'src/pages')).catch(() => []);
  const publicFiles = await readdir(path.join(projectRoot, 'public')).catch(() => []);
  const fromPages = pages
    .filter((name) => !name.startsWith('['))
    .map((name) => name.replace(/\.(astro|ts|js|md|mdx)$/, ''));
  return [...new Set([...fromPages, ...publicFiles, ...BUILD_WRITES])];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The file of content/alerts/ that maps alerts onto runbooks; every other .yaml there is a list of alerts. */
export const ALERT_MAPPING_FILE = 'runbooks.yaml';

/** content/alerts/: the lists of upstream alerts and the reviewed mapping (both optional). */
export async function readAlertSources(dir = contentDir()) {
  const { sources, problems } = await readSources(path.join(dir, 'alerts'), /\.ya?ml$/);
  const mapping = sources.find((f) => path.basename(f.path) === ALERT_MAPPING_FILE);
  return { catalogs: sources.filter((f) => f !== mapping), ...(mapping ? { mapping } : {}), problems };
}

/** Reads the files, refusing those that are not UTF-8 (with where the first bad byte is). */
export async function readSources(
  dir: string,
  pattern = /\.mdx?$/,
): Promise<{ sources: SourceFile[]; problems: Diagnostic[] }> {
  const files = await filesUnder(dir, pattern);
  const sources: SourceFile[] = [];
  const problems: Diagnostic[] = [];
  // Read a few dozen at a time: the disk works in parallel (one after the other, 3,000 runbooks took 1 s).
  const contents = await mapPool(files, 32, (file) => readFile(file));
  for (const [k, file] of files.entries()) {
    const shown = path.relative(process.cwd(), file);
    const bytes = contents[k]!;
    try {
      sources.push({ path: shown, text: UTF8.decode(bytes) });
    } catch {
      problems.push({
        file: shown,
        ...firstInvalidByte(bytes),
        severity: 'error',
        rule: 'content/encoding',
        message: 'the file is not UTF-8 text',
        hint: 'save it as UTF-8 (an editor\'s "Save with encoding", or iconv -f latin1 -t utf-8)',
      });
    }
  }
  return { sources, problems };
}

/** Line and column of the first byte that is not valid UTF-8: where a lenient decoder puts U+FFFD. */
function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  const at = text.indexOf('\ufffd');
  const before = text.slice(0, Math.max(0, at));
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** The documented allowance: a runbook may import the project's own components (src/components/). */
export function importsOwnComponent(file: string, source: string): boolean {
  const resolved = path.resolve(path.dirname(path.resolve(process.cwd(), file)), source);
  return source.startsWith('.') && resolved.startsWith(path.join(projectRoot, 'src/components') + path.sep);
}

export interface ContentFiles {
  runbooks: SourceFile[];
  guides: SourceFile[];
  trees: SourceFile[];
  alerts: AlertSources;
  /** What stops a check before it starts: files that are not UTF-8, no runbooks at all. */
  problems: Diagnostic[];
}

/** Reads a content folder's runbooks, guides, decision trees and alert files. */
export async function readContent(dir = contentDir()): Promise<ContentFiles> {
  const runbooks = await readSources(path.join(dir, 'runbooks'));
  const guides = await readSources(path.join(dir, 'guides'));
  const trees = await readSources(path.join(dir, 'trees'), /\.ya?ml$/);
  const { problems: alertEncoding, ...alerts } = await readAlertSources(dir);
  const problems = [...runbooks.problems, ...guides.problems, ...trees.problems, ...alertEncoding];
  if (problems.length === 0 && runbooks.sources.length === 0) {
    problems.push({
      file: path.relative(process.cwd(), path.join(dir, 'runbooks')) || '.',
      line: 0,
      column: 0,
      severity: 'error',
      rule: 'content/empty',
      message: 'no runbooks found (*.md or *.mdx)',
      hint: 'add runbooks under content/runbooks/, or point RUNBOOKS_CONTENT_DIR at your content folder',
    });
  }
  return { runbooks: runbooks.sources, guides: guides.sources, trees: trees.sources, alerts, problems };
}

export async function checkContent(dir = contentDir()): Promise<Diagnostic[]> {
  const content = await readContent(dir);
  if (content.problems.length > 0) return content.problems;
  // A runbook's variables come from its command blocks, read as its page reads them: only needed
  // to check the labels the alert mapping maps onto them.
  const reader = content.alerts.mapping ? await loadCommandReader() : undefined;
  return checkContentSources(content, {
    reservedSegments: await reservedSegments(),
    allowImport: importsOwnComponent,
    variablesOf: (runbook) =>
      reader ? pageVariables(runbook.text, isMdxFile(runbook.path), reader).map((v) => v.key) : [],
  });
}

/** Prints diagnostics like a compiler; true when none is an error. */
export function report(diagnostics: readonly Diagnostic[], what: string): boolean {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) console.error(`\n${what}: ${errors} error(s). Fix them and run the build again.`);
  return !hasErrors(diagnostics);
}

/** Each runbook's file by the URL segment of its page (its ID in lower case), for messages about pages. */
export async function runbookFilesBySlug(dir = contentDir()): Promise<Map<string, string>> {
  const { sources } = await readSources(path.join(dir, 'runbooks'));
  const bySlug = new Map<string, string>();
  for (const source of sources) {
    const id = checkRunbookFile(source.path, source.text).data?.id;
    if (id) bySlug.set(idSlug(id), source.path);
  }
  return bySlug;
}
