/**
 * What every `runbook` command shares: where the catalogue comes from (--from, --site), the values
 * (--namespace, --pod, … and --var name=value, the same flags the runbook pages print), and how a
 * problem is reported (a message naming what to do, exit status 2).
 */
import type { ParseArgsConfig } from 'node:util';
import { VALUE_FLAGS } from '../domain/run-command.ts';
import { loadCatalogue, type LoadedCatalogue } from '../runner/catalogue-source.ts';
import { giveValue, parseVar, type Values } from '../runner/values.ts';

export class UsageError extends Error {}

export const SOURCE_OPTIONS = {
  from: { type: 'string' },
  site: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export const VALUE_OPTIONS = {
  ...Object.fromEntries(VALUE_FLAGS.map((key) => [key, { type: 'string' }])),
  var: { type: 'string', multiple: true },
} as Record<string, { type: 'string'; multiple?: boolean }>;

export const SOURCE_HELP = `Where the commands come from (the build's command catalogue, commands.json):
  --from PATH     a built site (dist/), the offline copy's folder, or its zip
  --site URL      a runbook site over HTTP(S): https://runbooks.example.com
                  Default: $RUNBOOK_FROM or $RUNBOOK_SITE, else ./dist.`;

export const VALUE_HELP = `Values for the placeholders (quoted as data in every command, as on the page):
  ${VALUE_FLAGS.map((k) => `--${k} VALUE`).join('  ')}
  --var NAME=VALUE   any other placeholder: --var running-pod=api-5f2 fills <running-pod-name>`;

export function readSource(values: { from?: string | undefined; site?: string | undefined }): Promise<LoadedCatalogue> {
  return loadCatalogue({ from: values.from, site: values.site });
}

/** The values given as flags, over those of an alert URL. */
export function valuesFromFlags(flags: Record<string, unknown>, urlValues: ReadonlyMap<string, string>): Values {
  const values: Values = new Map();
  for (const [key, raw] of urlValues) giveValue(values, key, raw, 'alert URL');
  for (const key of VALUE_FLAGS) {
    const raw = flags[key];
    if (typeof raw === 'string') giveValue(values, key, raw, 'flag');
  }
  for (const text of (flags['var'] as string[] | undefined) ?? []) {
    try {
      const { key, raw } = parseVar(text);
      giveValue(values, key, raw, 'flag');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return values;
}
