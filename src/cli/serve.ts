/**
 * `runbook serve`: the site, on 127.0.0.1, with a Run button on each command of a runbook page (the
 * companion, src/companion/). Thin: it reads the catalogue and the kubectl context as `runbook run`
 * does, starts the server, prints the URL with its token, and on Ctrl-C stops what runs and closes the
 * incident logs.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCommandReader } from '../commands/reader.ts';
import { loadPageAdditions } from '../companion/page-additions.ts';
import { incidentLogs } from '../companion/incident-logs.ts';
import { runRegistry } from '../companion/runs.ts';
import { startCompanion } from '../companion/server.ts';
import { openSite } from '../companion/site-files.ts';
import { findKubectl } from '../kubectl/find.ts';
import { readKubeContext } from '../runner/context.ts';
import { loadCatalogue } from '../runner/catalogue-source.ts';
import { writeContextShim } from '../runner/pin-context.ts';
import { UsageError } from './options.ts';
import { paint, screenOf } from './terminal.ts';

export const SERVE_HELP = `usage: runbook serve [--from PATH] [--port N] [--context NAME] [--log-dir DIR]

Serves the site on http://127.0.0.1 (this machine only) with a Run button on each command of a
runbook page: the output appears under the command, with its exit code, and the step is marked done.
Open the URL it prints: it holds a token, new at every start, without which nothing is served.

The kubectl context is shown in a bar at the top of every page and must be confirmed there once
before anything runs; --context NAME is passed to every kubectl a step runs. Read-only commands run
on a click; a command that changes the cluster takes a confirming click; a destructive one runs only
when the object's name is typed. Stop ends a command that runs until stopped (logs -f, get -w).
Each runbook run from the page gets an incident log, as with runbook run.

Options:
  --from PATH     the site: a built dist/ (default ./dist), the offline copy's folder, or its zip
  --port N        the port on 127.0.0.1 (default: a free one)
  --context NAME  the kubectl context (default: kubectl's current context)
  --log-dir DIR   where the incident logs go (default: the current folder)`;

export async function serve(args: string[]): Promise<number> {
  const { values: flags } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      port: { type: 'string' },
      context: { type: 'string' },
      'log-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (flags.help) {
    console.log(SERVE_HELP);
    return 0;
  }
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${flags.port}: a port number (0 to 65535; 0 picks a free one)`);

  const loaded = await loadCatalogue({ from: flags.from });
  if (!loaded.files)
    throw new UsageError(
      `${loaded.origin}: a catalogue alone can't be served: pass the built site (dist/) or the offline copy (its folder or zip)`,
    );
  let kubectlPath: string;
  let context;
  try {
    kubectlPath = findKubectl(undefined, process.env['PATH'] ?? '');
    context = await readKubeContext(kubectlPath, flags.context);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}: nothing is served`);
  }
  const logDir = path.resolve(flags['log-dir'] ?? '.');
  const [site, reader, additions, shim] = await Promise.all([
    openSite(loaded.files),
    loadCommandReader(),
    loadPageAdditions(),
    writeContextShim(kubectlPath, context.context),
  ]);
  const logs = incidentLogs({ dir: logDir, origin: loaded.origin, context });
  const runs = runRegistry({ logs, pathFirst: [shim.dir] });
  let companion;
  try {
    companion = await startCompanion({
      catalogue: loaded.catalogue,
      site,
      context,
      reader,
      runs,
      additions,
      logDir,
      port,
    });
  } catch (error) {
    await shim.remove();
    site.close();
    throw new UsageError(`127.0.0.1:${port}: ${(error as Error).message}`);
  }

  const screen = screenOf(process.stdout);
  screen.write(
    [
      `${paint(screen, 'bold', 'runbook serve')}: ${loaded.catalogue.runbooks.length} runbooks from ${loaded.origin}`,
      `kubectl context ${paint(screen, 'yellow', context.context)}: cluster ${context.cluster} (${context.server}), user ${context.user}, namespace ${context.namespace}`,
      `Incident logs: ${logDir}`,
      '',
      `Open: ${paint(screen, 'bold', companion.url)}`,
      paint(screen, 'dim', 'The token in it is new at every start; keep the URL to yourself. Ctrl-C stops.'),
      '',
    ].join('\n'),
  );

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  screen.write('Stopping: ending what runs, closing the incident logs…\n');
  await runs.stopAll();
  await logs.close();
  await companion.close();
  await shim.remove();
  site.close();
  for (const file of logs.files()) screen.write(`Incident log: ${file}\n`);
  return 0;
}
