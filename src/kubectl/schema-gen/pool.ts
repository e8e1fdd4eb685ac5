/** Runs the generator's kubectl probes a few at a time. */
import os from 'node:os';

/** fn over items, at most `limit` at a time, results in the items' order (so the output does not depend on timing). */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

/** How many kubectl runs at a time: twice the cores, from 2 to 6. */
export const CONCURRENCY = Math.max(2, Math.min(6, os.availableParallelism() * 2));
