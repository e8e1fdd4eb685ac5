/** `runbook list`: the runbooks of the catalogue, most urgent first, with filters. */
import { parseArgs } from 'node:util';
import { SEVERITIES } from '../domain/vocabulary.ts';
import { readSource, SOURCE_HELP, SOURCE_OPTIONS } from './options.ts';
import { paint, screenOf } from './terminal.ts';

export const LIST_HELP = `usage: runbook list [TEXT] [--severity S] [--layer L] [--service S] [--from PATH | --site URL]

Lists the runbooks: ID, severity, layer, service, number of commands, title. TEXT keeps those whose ID,
alias or title contains it (any case).
  --severity S    critical, high, medium or low
  --layer L       application, kubernetes, control-plane, node, infrastructure, orchestration
  --service S     the system: shepherd, klinematrix, rdev, app-workload, mks, …

${SOURCE_HELP}`;

export async function list(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...SOURCE_OPTIONS,
      severity: { type: 'string' },
      layer: { type: 'string' },
      service: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(LIST_HELP);
    return 0;
  }
  const { catalogue, origin } = await readSource(values);
  const text = positionals.join(' ').toLowerCase();
  const rank = (s: string) => (SEVERITIES as readonly string[]).indexOf(s);
  const rows = catalogue.runbooks
    .filter((r) => !values.severity || r.severity === values.severity)
    .filter((r) => !values.layer || r.layer === values.layer)
    .filter((r) => !values.service || r.service === values.service)
    .filter((r) => !text || [r.id, r.title, ...r.aliases].some((t) => t.toLowerCase().includes(text)))
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const screen = screenOf(process.stdout);
  const width = (pick: (r: (typeof rows)[number]) => string, title: string) =>
    Math.max(title.length, ...rows.map((r) => pick(r).length));
  const columns: [string, (r: (typeof rows)[number]) => string][] = [
    ['ID', (r) => r.id],
    ['SEVERITY', (r) => r.severity],
    ['LAYER', (r) => r.layer],
    ['SERVICE', (r) => r.service],
    ['STEPS', (r) => String(r.steps.length)],
  ];
  const widths = columns.map(([title, pick]) => width(pick, title));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  screen.write(`${paint(screen, 'bold', `${line(columns.map(([t]) => t))}  TITLE`)}\n`);
  for (const r of rows) screen.write(`${line(columns.map(([, pick]) => pick(r)))}  ${r.title}\n`);
  screen.write(paint(screen, 'dim', `${rows.length} of ${catalogue.runbooks.length} runbooks, from ${origin}\n`));
  return 0;
}
