/**
 * npm run check:content [-- <content dir>]: only the pre-build content check (frontmatter, IDs, links
 * between runbooks, decision trees). Prints compiler-style diagnostics; exits 1 on any error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, report } from '../src/build/content-files.ts';
import { contentDir } from '../src/build/project.ts';

const USAGE = `usage: npm run check:content [-- <content dir>]

Checks every runbook, guide page and decision tree of a content folder before the site is built.
  <content dir>   default: $RUNBOOKS_CONTENT_DIR, or content/
Exit status: 0 valid, 1 errors found.`;

const { values, positionals } = parseArgs({
  options: { help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
});
if (values.help) {
  console.log(USAGE);
} else {
  const dir = positionals[0] ? path.resolve(positionals[0]) : contentDir();
  const ok = report(await checkContent(dir), 'content check');
  if (ok) console.log(`content check: runbooks in ${path.relative(process.cwd(), dir) || '.'} are valid`);
  process.exitCode = ok ? 0 : 1;
}
