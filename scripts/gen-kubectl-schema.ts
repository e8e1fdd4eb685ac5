/**
 * npm run gen:kubectl-schema [-- --kubectl path] [--out file]: writes src/kubectl/kubectl-schema.json
 * (type KubectlSchema) from a real kubectl binary, so the snippet validator can check every kubectl
 * command in the docs the way kubectl itself would, without needing kubectl at build or test time.
 *
 * What is read from kubectl and how: src/kubectl/schema-gen/generate.ts. Why no probe can reach a
 * cluster: the SAFETY notes in src/kubectl/schema-gen/sandbox.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/build/project.ts';
import { generateKubectlSchema, schemaJson } from '../src/kubectl/schema-gen/generate.ts';
import { formatReport } from '../src/kubectl/schema-gen/report.ts';
import { findKubectl } from '../src/kubectl/find.ts';

const DEFAULT_OUT = path.join(projectRoot, 'src/kubectl/kubectl-schema.json');

const USAGE = `usage: tsx scripts/gen-kubectl-schema.ts [--kubectl path] [--previous path …] [--out file]

Reads kubectl's commands, flags, flag types and required flags from a kubectl binary (its help and
probes that stop while kubectl parses its flags, each in a sandbox that cannot reach a cluster) and
writes them as JSON. Running it twice on the same kubectl gives the same bytes.
  --kubectl path   the kubectl to read (default: the kubectl on PATH)
  --previous path  an older kubectl (repeatable), for the flags this one removed and what replaced them;
                   the committed schema is made with the Google Cloud SDK's kubectl.1.27 … kubectl.1.31
  --out file       where to write (default: src/kubectl/kubectl-schema.json)
Progress and what the probes found go to stderr. Exit status: 0 written, 1 failed.`;

function fail(message: string): never {
  process.stderr.write(`gen-kubectl-schema: ${message}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      kubectl: { type: 'string' },
      previous: { type: 'string', multiple: true },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const started = Date.now();
const log = (line: string): void => void process.stderr.write(`${line}\n`);
try {
  const out = values.out !== undefined ? path.resolve(values.out) : DEFAULT_OUT;
  const { schema, report, runs } = await generateKubectlSchema(
    findKubectl(values.kubectl, process.env['PATH'] ?? ''),
    log,
    { previous: (values.previous ?? []).map((p) => findKubectl(p, '')) },
  );
  const json = schemaJson(schema);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, json);

  for (const line of formatReport(report)) log(line);
  const { commands, globalFlags } = schema;
  const flagCount = commands.reduce((n, c) => n + c.flags.length, 0);
  log(
    `\nwrote ${path.relative(process.cwd(), out)}: ${json.length} bytes, ${commands.length} commands ` +
      `(${commands.filter((c) => c.group).length} groups), ${flagCount} command flags, ${globalFlags.length} global flags; ` +
      `${runs} kubectl runs in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  fail((error as Error).message);
}
