/**
 * The content pass (content-pass.ts) in a process of its own, which the build starts and reads the
 * result of (runContentPassApart). When it exits, what the pass held goes with it: its workers'
 * leftovers, the parsers, kubectl's schema. Run in the build's own process, that stayed with it while
 * Astro, Pagefind and the offline copy ran (230 MB at 3,000 runbooks, of a 1 GiB budget). Node only.
 */
import { fork } from 'node:child_process';
import type { ContentPass } from './content-pass.ts';
import { startWorkers, WORKER_LOADER, workerSetup } from './content-workers.ts';
import { isMain } from './project.ts';

/**
 * Runs the content pass in a child process; its output (and any error) shows as it comes. `rebuild`:
 * most pages are likely kept from the earlier build, so it starts its workers once it knows it has
 * pages to render (content-workers.ts).
 */
export function runContentPassApart(contentDir: string, cacheDir: string, rebuild = false): Promise<ContentPass> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), [contentDir, cacheDir, rebuild ? 'rebuild' : 'cold'], {
      ...WORKER_LOADER,
      serialization: 'advanced',
    });
    let result: ContentPass | undefined;
    child.once('message', (pass: ContentPass) => (result = pass));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      result
        ? resolve(result)
        : reject(
            new Error(`the content pass stopped (${signal ?? `exit status ${code}`}) before its result: see above`),
          ),
    );
  });
}

// Started by runContentPassApart: do the pass, send its result, end.
if (process.send && isMain(import.meta.url)) {
  const [contentDir, cacheDir, kind] = process.argv.slice(2) as [string, string, string];
  // The workers first: they load their modules while this process loads the pass's.
  const workers = startWorkers(workerSetup(contentDir), kind === 'rebuild' ? 0 : undefined);
  const { runContentPass } = await import('./content-pass.ts');
  const pass = await runContentPass(contentDir, cacheDir, workers);
  // Ends once the result is handed over: nothing of the pass should keep this process, or the build, waiting.
  process.send(pass, () => process.exit(0));
}
