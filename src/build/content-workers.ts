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

/**
 * One worker thread per core, started before the pass knows its tasks: a worker takes a second to
 * load its modules, which it does while the pass reads the content and the cache.
 */
export function startWorkers(setup: WorkerSetup): Worker[] {
  return Array.from(
    { length: Math.max(1, availableParallelism()) },
    () => new Worker(new URL('./content-worker.ts', import.meta.url), { workerData: setup, ...WORKER_LOADER }),
  );
}
