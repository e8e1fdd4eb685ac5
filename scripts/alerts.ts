/**
 * npm run alerts -- FILE…: for every alert of Prometheus rule files or PrometheusRule manifests,
 * where it lands on this site and where its runbook_url points (src/alerts/report.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readRuleFiles } from '../src/alerts/files.ts';
import { formatReport, reportAlert, summarize } from '../src/alerts/report.ts';
import { readSiteNames } from '../src/alerts/site.ts';
import { contentDir } from '../src/build/project.ts';
import { formatDiagnostic } from '../src/checks/diagnostics.ts';

const USAGE = `usage: npm run alerts -- [--site-url URL] [--format text|json] FILE|FOLDER…

Reads Prometheus rule files and PrometheusRule manifests (YAML, several documents a file, Lists of
them; every .yaml/.yml in a folder) and prints, for every alert, where it lands on this site (its
runbook, the page setting several side by side, its own alert page, or nowhere) and where its
runbook_url points.
  --site-url URL   where this site is served (default: $SITE_URL, with $BASE_PATH); runbook_url links
                   there are checked: they must lead to a page, and name runbook IDs that exist
  --format json    the same as a JSON array
Exit status: 0 every alert lands, 1 an alert lands nowhere or names a runbook ID that does not
exist, 2 the files could not be read (bad YAML or not rule files: file:line:column says where).`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      'site-url': { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
} catch (error) {
  console.error(`alerts: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(`alerts: name the rule files or folders to read\n\n${USAGE}`);
  process.exit(2);
}
if (values.format !== 'text' && values.format !== 'json') {
  console.error(`alerts: --format must be text or json, not "${values.format}"`);
  process.exit(2);
}

try {
  const read = await readRuleFiles(positionals);
  if (read.diagnostics.length > 0) {
    for (const d of read.diagnostics) console.error(formatDiagnostic(d));
    console.error(`\nalerts: ${read.diagnostics.length} problem(s) reading the rule files; nothing was checked.`);
    process.exit(2);
  }
  for (const file of read.skipped) console.error(`alerts: ${file}: no rules in it, passed over`);
  const siteUrl = values['site-url'] ?? process.env['SITE_URL'];
  const site = await readSiteNames(contentDir(), siteUrl, process.env['BASE_PATH'] || '/');
  const reports = read.alerts.map((a) => reportAlert(a, site));
  const summary = summarize(reports);
  if (values.format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        reports.map((r) => ({
          file: r.alert.file,
          line: r.alert.line,
          alert: r.alert.name,
          lands: r.lands,
          by: r.by ?? null,
          runbookUrl: r.runbookUrl ?? null,
          problems: r.problems,
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    console.log(formatReport(reports, site));
    console.log(
      `\nalerts: ${summary.rules} alerting rules (${summary.alerts} alerts) in ${read.files.length} file(s), against the site of ${path.relative(process.cwd(), contentDir()) || '.'}/: ${summary.runbook} land on a runbook, ${summary.compare} on runbooks side by side, ${summary.alertPage} on their alert page, ${summary.nowhere} nowhere; ${summary.pointingHere} runbook_url(s) point at this site${siteUrl ? '' : ' (pass --site-url or set SITE_URL to check them)'}; ${summary.problems} with problems.`,
    );
  }
  process.exitCode = summary.problems > 0 ? 1 : 0;
} catch (error) {
  console.error(`alerts: ${(error as Error).message}`);
  process.exitCode = 2;
}
