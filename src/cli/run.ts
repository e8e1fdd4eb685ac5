/** `runbook run`: a runbook's commands, one at a time, on a confirmed kubectl context, with an incident log. */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCommandReader } from '../commands/reader.ts';
import { findKubectl } from '../kubectl/find.ts';
import { readKubeContext, type KubeContext } from '../runner/context.ts';
import { defaultLogName } from '../runner/incident-log.ts';
import { runSession, type RunMode } from '../runner/session.ts';
import { resolveTarget } from '../runner/target.ts';
import {
  readSource,
  SOURCE_HELP,
  SOURCE_OPTIONS,
  UsageError,
  VALUE_HELP,
  VALUE_OPTIONS,
  valuesFromFlags,
} from './options.ts';
import { plainUi, terminalUi } from './run-ui.ts';
import { keyboard, paint, screenOf, terminalInput } from './terminal.ts';

export const RUN_HELP = `usage: runbook run <ID | alias | alert name | alert URL> [values] [options]

Runs the runbook's commands one at a time, on the kubectl context you confirm first; --context NAME
is passed to every kubectl it runs. Each step shows its heading, the command with the values filled
in and its safety class:
  read-only     Enter runs it, s skips, q quits
  changes       y runs it
  destructive   type the object's name (or the namespace) to run it
A placeholder nobody filled in is asked for (Enter takes its default). Ctrl-C stops the running
command, not the runner; a failed step asks: r retries, s skips, q quits.

An alert URL gives the runbook and the values: runbook run 'https://runbooks.example.com/POD001?namespace=prod&pod=api-7c9'

${VALUE_HELP}

Options:
  --context NAME  the kubectl context (default: kubectl's current context)
  --dry-run       print every step as it would run; run nothing
  --read-only     run the read-only steps without asking, skip (and list) the others
  --log FILE      the incident log (Markdown); default: ./<ID>-<date>-<time>.md
Without a terminal only --dry-run and --read-only run; anything else is refused before kubectl is touched.

${SOURCE_HELP}

Exit status: 0 every step that ran succeeded, 1 a step failed or the run was stopped, 2 refused.`;

export async function run(args: string[]): Promise<number> {
  const { values: flags, positionals } = parseArgs({
    args,
    options: {
      ...SOURCE_OPTIONS,
      ...VALUE_OPTIONS,
      context: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'read-only': { type: 'boolean' },
      log: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (flags.help) {
    console.log(RUN_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      'runbook run takes one runbook: an ID, alias, alert name or alert URL (quote a URL with & in it)',
    );
  if (flags['dry-run'] && flags['read-only']) throw new UsageError('--dry-run and --read-only: pick one');
  const mode: RunMode = flags['dry-run'] ? 'dry run' : flags['read-only'] ? 'read-only' : 'interactive';
  const input = terminalInput();
  if (mode === 'interactive' && !input) {
    throw new UsageError(
      'no terminal here, so no step can be confirmed: nothing was run and kubectl was not touched. Use --dry-run to print the steps, or --read-only to run only the read-only ones',
    );
  }

  const screen = screenOf(process.stdout);
  const { catalogue, origin } = await readSource(flags as { from?: string; site?: string });
  const target = resolveTarget(positionals[0]!, catalogue.runbooks, catalogue.alerts);
  const values = valuesFromFlags(flags, target.urlValues);
  const { runbook } = target;
  screen.write(
    `${paint(screen, 'bold', `${runbook.id}: ${runbook.title}`)} (${runbook.severity}) · ${runbook.steps.length} step${runbook.steps.length === 1 ? '' : 's'}, from ${origin}\n`,
  );
  if (target.unmatched.length > 0)
    screen.write(`Not a variable of this runbook, ignored: ${target.unmatched.join(', ')}\n`);

  let kubectlPath: string | undefined;
  let context: KubeContext | undefined;
  try {
    kubectlPath = findKubectl(undefined, process.env['PATH'] ?? '');
    context = await readKubeContext(kubectlPath, flags.context);
  } catch (error) {
    // A dry run only shows commands: it goes on without a context, and says so.
    if (mode !== 'dry run') throw new UsageError((error as Error).message);
    screen.write(`No kubectl context (${(error as Error).message}): commands are shown without --context.\n`);
  }
  if (context && mode !== 'interactive') {
    screen.write(
      `Context ${paint(screen, 'yellow', context.context)}: cluster ${context.cluster} (${context.server}), user ${context.user}, namespace ${context.namespace}\n`,
    );
  }

  const started = new Date();
  const logFile = path.resolve(flags.log ?? defaultLogName(runbook.id, started));
  screen.write(`Incident log: ${logFile}\n`);
  if (mode === 'dry run') screen.write(paint(screen, 'bold', 'Dry run: nothing is run.\n'));

  // Ctrl-C reaches the running command (it shares the terminal); the runner stays, and q quits it.
  const ignoreInterrupt = () => {};
  process.on('SIGINT', ignoreInterrupt);
  try {
    const summary = await runSession({
      runbook,
      origin,
      values,
      mode,
      context,
      kubectlPath,
      reader: await loadCommandReader(),
      ui: mode === 'interactive' && input ? terminalUi(screen, keyboard(input, screen)) : plainUi(screen),
      log: (markdown) => appendFile(logFile, markdown),
      inheritStdin: input !== undefined,
      now: () => new Date(),
    });
    screen.write(
      `\n${summary.ran} command(s) ran, ${summary.failed} failed, ${summary.skipped.length} skipped${summary.quit ? ', stopped before the end' : ''}.\n`,
    );
    for (const s of summary.skipped) screen.write(`  skipped step ${s.number}: ${s.why}\n`);
    screen.write(`Incident log: ${logFile}\n`);
    return summary.failed > 0 || summary.quit ? 1 : 0;
  } finally {
    process.off('SIGINT', ignoreInterrupt);
  }
}
