/**
 * The content pass's worker threads (content-worker.ts), in a module of their own that loads nothing
 * else: the pass's process starts them before it loads the pass (content-pass.ts, its checks and its
 * validator), so the two load at the same time. Node only.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WorkerSetup {
  customResources: string;
}

export const workerSetup = (contentDir: string): WorkerSetup => ({
  customResources: path.join(contentDir, 'kubectl-custom-resources.yaml'),
});

/**
 * Workers load their TypeScript with Node's own type stripping where Node has it (22.18 and later),
 * not through tsx's loader, which the build's process hands on by default: resolving every package
 * through it took a worker 1.6 s to start instead of 1.1 s. tsconfig.json's erasableSyntaxOnly keeps
 * the source within what stripping reads.
 */
export const WORKER_LOADER = process.features.typescript ? { execArgv: [] } : {};

/** One per core: two workers on the build machine's two cores. */
export const WORKERS = Math.max(1, availableParallelism());

/**
 * Worker threads, started before the pass knows its tasks: a worker takes a second to load its
 * modules, which it does while the pass reads the content and the cache. One per core (WORKERS) when
 * most pages are likely to be rendered; a rebuild of a published site starts none, and the pass
 * those it needs once it knows how many pages it renders (content-pass.ts): there, Astro starts
 * beside the pass (src/build/pipeline.ts), and two workers loading for the one page an edit changed
 * took the processor from it.
 */
export function startWorkers(setup: WorkerSetup, count = WORKERS): Worker[] {
  return Array.from(
    { length: count },
    () => new Worker(new URL('./content-worker.ts', import.meta.url), { workerData: setup, ...WORKER_LOADER }),
  );
}
