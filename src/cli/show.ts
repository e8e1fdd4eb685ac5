/** `runbook show`: a runbook's steps as they would run, values filled, each with its safety class. */
import { parseArgs } from 'node:util';
import { loadCommandReader } from '../commands/reader.ts';
import { resolveTarget } from '../runner/target.ts';
import { prepareStep } from '../runner/step.ts';
import { variablesOf } from '../runner/values.ts';
import {
  readSource,
  SOURCE_HELP,
  SOURCE_OPTIONS,
  UsageError,
  VALUE_HELP,
  VALUE_OPTIONS,
  valuesFromFlags,
} from './options.ts';
import { describeStep } from './run-ui.ts';
import { paint, screenOf } from './terminal.ts';

export const SHOW_HELP = `usage: runbook show <ID | alias | alert name | alert URL> [values] [--from PATH | --site URL]

Prints the runbook's steps as \`runbook run\` would run them: the heading, the command with the values
filled in (defaults where none is given), its safety class. Runs nothing, reads no kubeconfig.

${VALUE_HELP}

${SOURCE_HELP}`;

export async function show(args: string[]): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    args,
    options: { ...SOURCE_OPTIONS, ...VALUE_OPTIONS },
    allowPositionals: true,
  });
  if (flags.help) {
    console.log(SHOW_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError('runbook show takes one runbook: an ID, alias, alert name or alert URL');
  const { catalogue } = await readSource(flags as { from?: string; site?: string });
  const target = resolveTarget(positionals[0]!, catalogue.runbooks, catalogue.alerts);
  const values = valuesFromFlags(flags, target.urlValues);
  const reader = await loadCommandReader();
  const screen = screenOf(process.stdout);
  const { runbook } = target;
  screen.write(
    `${paint(screen, 'bold', `${runbook.id}: ${runbook.title}`)} (${runbook.severity}, ${runbook.layer}, ${runbook.service})\n`,
  );
  const variables = variablesOf(runbook);
  if (variables.length > 0) {
    screen.write(
      `Values: ${variables
        .map(
          (v) =>
            `${v.key} = ${values.get(v.key)?.prepared.value || (v.default !== undefined ? `${v.default} (default)` : v.spellings[0])}`,
        )
        .join(', ')}\n`,
    );
  }
  if (target.unmatched.length > 0) screen.write(`Not a variable of this runbook: ${target.unmatched.join(', ')}\n`);
  runbook.steps.forEach((step, i) => {
    const prepared = prepareStep(step, i, values, { reader, context: undefined, useDefaults: true });
    screen.write(describeStep(screen, prepared, i + 1, runbook.steps.length));
    if (prepared.refusal) screen.write(`  ${paint(screen, 'dim', `would not run: ${prepared.refusal}`)}\n`);
  });
  return 0;
}
