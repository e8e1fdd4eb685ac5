/**
 * The `runbook` command (bin/runbook.mjs): list, show and run the runbooks of a built site, its
 * offline copy or a site over HTTP(S), from the command catalogue the build writes. Thin: the work is
 * in src/runner/.
 */
import { CatalogueError } from '../runner/catalogue.ts';
import { TargetError } from '../runner/target.ts';
import { list, LIST_HELP } from './list.ts';
import { UsageError } from './options.ts';
import { run, RUN_HELP } from './run.ts';
import { show, SHOW_HELP } from './show.ts';

export const HELP = `usage: runbook <command> [arguments]

  runbook list [TEXT] [filters]        the runbooks: ID, severity, layer, service, title
  runbook show <ID | alert URL> [...]  a runbook's steps as they would run, with their safety class
  runbook run <ID | alert URL> [...]   run them one at a time, on a confirmed kubectl context

runbook <command> --help says more. An ID may be written any way (POD001, pod001, K8S-002, k8s002), or
be an alias, an alert name, or an alert's runbook URL, whose query gives the values.`;

const COMMANDS: Record<string, { handler: (args: string[]) => Promise<number>; help: string }> = {
  list: { handler: list, help: LIST_HELP },
  show: { handler: show, help: SHOW_HELP },
  run: { handler: run, help: RUN_HELP },
};

export async function main(argv: readonly string[]): Promise<number> {
  // `runbook list | head`: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`runbook: no command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.handler(args);
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof CatalogueError ||
      error instanceof TargetError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!known) throw error;
    console.error(`runbook ${name}: ${(error as Error).message}`);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(`\n${command.help}`);
    return 2;
  }
}
