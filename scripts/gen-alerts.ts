/**
 * npm run gen:alerts [-- --source <folder> --out <file>]: writes the list of upstream alerts
 * (content/alerts/kube-prometheus.yaml) from the rule files themselves, with the source and version
 * its folder's source.yaml records.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { buildCatalog, catalogYaml } from '../src/alerts/catalog.ts';
import { readRuleFiles, ruleFilePaths } from '../src/alerts/files.ts';
import { contentDir, projectRoot } from '../src/build/project.ts';
import { formatDiagnostic } from '../src/checks/diagnostics.ts';
import { alertSourceSchema } from '../src/schemas/alerts.ts';

const SOURCE_FILE = 'source.yaml';
const USAGE = `usage: npm run gen:alerts [-- --source <folder> --out <file>]

Reads every rule file (Prometheus rule files or PrometheusRule manifests, *.yaml) in a folder and
writes the list of its alerts: name, group, component, severities, summary, description, labels.
  --source <folder>  rule files and their ${SOURCE_FILE} (name, repository, path, commit, date,
                     license); default upstream/kube-prometheus
  --out <file>       default content/alerts/<source name>.yaml
Exit status: 0 written, 1 bad rule files, 2 bad arguments.`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      source: { type: 'string', default: path.join(projectRoot, 'upstream/kube-prometheus') },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  console.error(`gen:alerts: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const sourceDir = path.resolve(values.source);
const sourceFile = path.join(sourceDir, SOURCE_FILE);
const sourceText = await readFile(sourceFile, 'utf8').catch(() => undefined);
if (sourceText === undefined) {
  console.error(
    `gen:alerts: ${path.relative(process.cwd(), sourceFile)}: missing; it records where the rule files come from`,
  );
  process.exit(2);
}
const source = alertSourceSchema.safeParse(parse(sourceText));
if (!source.success) {
  const issues = source.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  console.error(`gen:alerts: ${path.relative(process.cwd(), sourceFile)}: ${issues}`);
  process.exit(1);
}
const files = (await ruleFilePaths([sourceDir])).filter((f) => path.basename(f) !== SOURCE_FILE);
const read = await readRuleFiles(files);
for (const d of read.diagnostics) console.error(formatDiagnostic(d));
if (read.diagnostics.some((d) => d.severity === 'error')) process.exit(1);

const catalog = buildCatalog(source.data, read.alerts);
const out = path.resolve(values.out ?? path.join(contentDir(), 'alerts', `${source.data.name}.yaml`));
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, catalogYaml(catalog, 'npm run gen:alerts'));
console.log(
  `gen:alerts: ${catalog.alerts.length} alerts (${read.alerts.length} rules in ${files.length} files) written to ${path.relative(process.cwd(), out)}`,
);
