/** Runs the generator's kubectl probes a few at a time. */
import os from 'node:os';

export { mapPool } from '../../fs/map-pool.ts';

/** How many kubectl runs at a time: twice the cores, from 2 to 6. */
export const CONCURRENCY = Math.max(2, Math.min(6, os.availableParallelism() * 2));
