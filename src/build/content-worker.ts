/**
 * A worker of the content pass (content-pass.ts): for each runbook or guide it is given, one parse for
 * the checks and the validator, the page's HTML (src/markdown/render.ts), and both results written to
 * the cache under the file's key. Runs in a worker thread. Node only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkPageFile } from '../checks/content.ts';
import { variablesOfTree } from '../commands/page-variables.ts';
import type { Variable } from '../domain/placeholders.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { isMdxFile, parseMarkdown } from '../markdown/parse.ts';
import { renderTree, type RenderedPage } from '../markdown/render.ts';
import { validateMarkdown } from '../validator/validate-content.ts';
import { writeCached } from './cache.ts';
import type { PageTask, WorkerSetup } from './content-pass.ts';
import { importsOwnComponent } from './content-files.ts';

const setup = workerData as WorkerSetup;
const reader = loadCommandReader(setup.customResources);

async function run(task: PageTask): Promise<void> {
  const file = { path: task.path, text: task.text };
  const parsed = parseMarkdown(task.text, { mdx: isMdxFile(task.path) });
  const commands = await reader;
  const facts = checkPageFile(task.kind, file, (source) => importsOwnComponent(task.path, source), parsed);
  const validation = validateMarkdown(task.path, task.text, commands, parsed);
  let rendered: RenderedPage | undefined;
  // MDX pages are compiled by Astro (they may use components); a page that failed its checks is never
  // built. The checks are done with the parse: the page's render transforms it.
  if (!isMdxFile(task.path) && !facts.diagnostics.some((d) => d.severity === 'error')) {
    rendered = await renderTree(parsed.tree, task.text, task.absolutePath);
  }
  if (task.kind === 'runbook') {
    // The page's variables, for the alert mapping's check: those its render found, else (not rendered
    // here) read from the parse, which only the render changes.
    const found = rendered
      ? ((rendered.pluginData['commandVariables'] ?? []) as Variable[])
      : variablesOfTree(parsed.tree, commands);
    facts.variables = found.map((v) => v.key);
  }
  const result = { facts, validation: { diagnostics: validation.diagnostics, commands: validation.commands } };
  // The result goes back at once and the files are written meanwhile: waiting for the disk left a
  // worker idle a sixth of its time. The pass asks for them all to be written before it ends.
  parentPort!.postMessage({ key: task.key, result });
  writing.push(writeCached(task.factsFile, result));
  if (rendered) writing.push(writeCached(task.pageFile, rendered));
}

const writing: Promise<void>[] = [];

parentPort!.on('message', (message: PageTask | 'flush') => {
  if (message === 'flush') {
    Promise.all(writing.splice(0)).then(
      () => parentPort!.postMessage({ flushed: true }),
      (error: Error) => parentPort!.postMessage({ error: `writing the content cache: ${error.message}` }),
    );
    return;
  }
  run(message).catch((error: Error) =>
    parentPort!.postMessage({ key: message.key, error: `${message.path}: ${error.stack ?? error.message}` }),
  );
});
