/**
 * The build's content pass: every runbook and guide checked, validated and rendered to its page's HTML
 * in one parse, in parallel (one worker thread per core, content-worker.ts), each result kept by content
 * hash (cache.ts), so a rebuild only does this for the files that changed. Then what only the whole
 * content shows (catalog, trees, links) and the decision trees' commands. Astro reads the rendered pages
 * through the manifest this writes (src/site/rendered.ts). Node only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { filesUnder } from '../fs/list.ts';
import type { Worker } from 'node:worker_threads';
import { checkAcrossFiles, type PageFacts, type SourceFile } from '../checks/content.ts';
import { sortDiagnostics, type Diagnostic } from '../checks/diagnostics.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { isMdxFile } from '../markdown/parse.ts';
import type { RenderedPage } from '../markdown/render.ts';
import { validateTreeYaml } from '../validator/validate-content.ts';
import { passFiles, readCached, sha256, toolchainHash, writeCached } from './cache.ts';
import { readContent, reservedSegments } from './content-files.ts';
import { sharedContentKey } from './rebuild-plan.ts';
import { startWorkers, WORKERS, workerSetup } from './content-workers.ts';

export type { WorkerSetup } from './content-workers.ts';

export interface PageTask {
  key: string;
  kind: 'runbook' | 'guide';
  /** As messages show it. */
  path: string;
  absolutePath: string;
  text: string;
  factsFile: string;
  pageFile: string;
}

interface PageResult {
  facts: PageFacts;
  validation: { diagnostics: Diagnostic[]; commands: number };
  /**
   * The commands its render recorded (plugin data `commandSteps`), for the site's command catalogue
   * (commands.json), which then reads one file instead of every page's (1.2 s of a rebuild's Astro at
   * 3,000 runbooks). Markdown pages only: Astro renders the MDX ones.
   */
  commandSteps?: unknown[];
}

/** What a worker sends back for a task: its result and page, or what went wrong. */
export type WorkerReply = { key: string; result: PageResult; rendered?: RenderedPage } | { key: string; error: string };

export interface ContentPass {
  /** The content check's findings (before Astro, like the validator's). */
  content: Diagnostic[];
  validation: { diagnostics: Diagnostic[]; commands: number };
  /** What Astro reads the rendered pages through: absolute source path -> rendered page file. */
  pagesManifest: string;
  /** Each Markdown page's command steps (PageResult.commandSteps): absolute source path -> steps. */
  commandSteps: string;
  /** The hash of the project's code and settings the pass was made with (cache.ts: toolchainHash). */
  toolchain: string;
  /** The key of what every page shares, the content's part (rebuild-plan.ts: sharedContentKey). */
  sharedContent: string;
  /** Each runbook's and guide's own key, by absolute source path. */
  pageKeys: Record<string, string>;
  /** Pages worked on in this build, and pages whose result was kept from an earlier one. */
  worked: number;
  reused: number;
}

/**
 * Runs tasks on the workers, each taking the next task as it finishes one; each result and page is
 * written to the cache (the task's files) as it comes. Ends the workers, used or not.
 */
async function runOnWorkers(workers: Worker[], tasks: readonly PageTask[]): Promise<Map<string, PageResult>> {
  const results = new Map<string, PageResult>();
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const writing: Promise<void>[] = [];
  let next = 0;
  const used = workers.slice(0, tasks.length);
  try {
    await Promise.all(
      used.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= tasks.length) return resolve();
              worker.postMessage(tasks[next++]);
            };
            worker.on('message', (reply: WorkerReply) => {
              if ('error' in reply) return reject(new Error(reply.error));
              const task = byKey.get(reply.key)!;
              results.set(reply.key, reply.result);
              writing.push(writeCached(task.factsFile, reply.result));
              if (reply.rendered) writing.push(writeCached(task.pageFile, reply.rendered));
              give();
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await Promise.allSettled(writing);
  }
  await Promise.all(writing);
  return results;
}

/** Pages that one worker renders in about the time another takes to start. */
const MANY_PAGES = 40;

/** The shared part of the content: the pages' frontmatter and every other file of the folder, whole. */
async function sharedContentOf(contentDir: string, toolchain: string, pages: readonly PageTask[]): Promise<string> {
  const pageFiles = new Set(pages.map((p) => p.absolutePath));
  const others = (await filesUnder(path.resolve(contentDir))).filter((file) => !pageFiles.has(file));
  return sharedContentKey(
    toolchain,
    pages.map((p) => ({ path: p.path, text: p.text })),
    await Promise.all(
      others.map(async (file) => ({ path: path.relative(contentDir, file), bytes: await readFile(file) })),
    ),
  );
}

/** The pass over a content folder; `workers` (startWorkers) may have been started already. */
export async function runContentPass(
  contentDir: string,
  cacheDir: string,
  workers = startWorkers(workerSetup(contentDir)),
): Promise<ContentPass> {
  try {
    return await contentPass(contentDir, cacheDir, workerSetup(contentDir).customResources, workers);
  } finally {
    // Already ended when they had work; not when the pass stopped before it (bad content, an error).
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function contentPass(
  contentDir: string,
  cacheDir: string,
  customResources: string,
  workers: Worker[],
): Promise<ContentPass> {
  const content = await readContent(contentDir);
  const { pagesManifest, commandSteps } = passFiles(cacheDir);
  if (content.problems.length > 0)
    return {
      content: content.problems,
      validation: { diagnostics: [], commands: 0 },
      pagesManifest,
      commandSteps,
      toolchain: '',
      sharedContent: '',
      pageKeys: {},
      worked: 0,
      reused: 0,
    };

  const toolchain = await toolchainHash(contentDir);
  const all: PageTask[] = [];
  const add = (kind: PageTask['kind']) => (file: SourceFile) => {
    const key = sha256(toolchain, kind, file.path, file.text);
    all.push({
      key,
      kind,
      path: file.path,
      absolutePath: path.resolve(process.cwd(), file.path),
      text: file.text,
      factsFile: path.join(cacheDir, 'facts', `${key}.json`),
      pageFile: path.join(cacheDir, 'pages', `${key}.json`),
    });
  };
  content.guides.forEach(add('guide'));
  content.runbooks.forEach(add('runbook'));

  const results = new Map<string, PageResult>();
  const todo: PageTask[] = [];
  const cached = await Promise.all(all.map((task) => readCached<PageResult>(task.factsFile)));
  all.forEach((task, i) => (cached[i] ? results.set(task.key, cached[i]) : todo.push(task)));
  // Fewer workers started than there is work for (a rebuild starts none): the others now.
  const wanted = todo.length === 0 ? 0 : todo.length > MANY_PAGES ? WORKERS : 1;
  if (workers.length < wanted) workers.push(...startWorkers({ customResources }, wanted - workers.length));
  // The main thread's own command reader (for the decision trees), loaded while the workers work.
  const reader = loadCommandReader(customResources);
  for (const [key, result] of await runOnWorkers(workers, todo)) results.set(key, result);

  const ordered = all.map((task) => results.get(task.key)!);
  const contentDiagnostics = checkAcrossFiles(
    ordered.map((r) => r.facts),
    content.trees,
    await reservedSegments(),
    content.alerts,
  );
  const commands = await reader;
  const trees = content.trees.map((t) => validateTreeYaml(t.path, t.text, commands));
  const validation = {
    diagnostics: sortDiagnostics([
      ...ordered.flatMap((r) => r.validation.diagnostics),
      ...trees.flatMap((t) => t.diagnostics),
    ]),
    commands:
      ordered.reduce((sum, r) => sum + r.validation.commands, 0) + trees.reduce((sum, t) => sum + t.commands, 0),
  };
  // The pages Astro renders from what this pass made: Markdown pages (MDX ones Astro compiles itself).
  const markdown = all.filter((t) => !isMdxFile(t.path));
  await Promise.all([
    writeCached(pagesManifest, Object.fromEntries(markdown.map((t) => [t.absolutePath, t.pageFile]))),
    writeCached(
      commandSteps,
      Object.fromEntries(markdown.map((t) => [t.absolutePath, results.get(t.key)!.commandSteps ?? []])),
    ),
  ]);
  return {
    content: contentDiagnostics,
    validation,
    pagesManifest,
    commandSteps,
    toolchain,
    sharedContent: await sharedContentOf(contentDir, toolchain, all),
    pageKeys: Object.fromEntries(all.map((t) => [t.absolutePath, t.key])),
    worked: todo.length,
    reused: all.length - todo.length,
  };
}
