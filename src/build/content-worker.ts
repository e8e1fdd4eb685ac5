/**
 * A worker of the content pass (content-pass.ts): for each runbook or guide it is given, one parse for
 * the checks and the validator, and the page's HTML (src/markdown/render.ts), sent back for the pass
 * to keep under the file's key. Runs in a worker thread. Node only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkPageFile } from '../checks/content.ts';
import { variablesOfTree } from '../commands/page-variables.ts';
import type { Variable } from '../domain/placeholders.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { isMdxFile, parseMarkdown } from '../markdown/parse.ts';
import { renderTree, type RenderedPage } from '../markdown/render.ts';
import { validateMarkdown } from '../validator/validate-content.ts';
import type { PageTask, WorkerReply, WorkerSetup } from './content-pass.ts';
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
  const result = {
    facts,
    validation: { diagnostics: validation.diagnostics, commands: validation.commands },
    ...(rendered ? { commandSteps: (rendered.pluginData['commandSteps'] ?? []) as unknown[] } : {}),
  };
  // The pass writes both to the cache: opening files took a twentieth of a worker's time, and the
  // main thread has nothing else to do meanwhile.
  parentPort!.postMessage({ key: task.key, result, ...(rendered ? { rendered } : {}) } satisfies WorkerReply);
}

parentPort!.on('message', (task: PageTask) => {
  run(task).catch((error: Error) =>
    parentPort!.postMessage({ key: task.key, error: `${task.path}: ${error.stack ?? error.message}` }),
  );
});
