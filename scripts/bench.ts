/**
 * npm run bench [-- --sizes 100,1000,5000]: builds deterministic synthetic sites of each size with the
 * real build and writes the figures to BENCHMARKS.md (src/bench/site-build.ts measures them).
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarkReport, benchSize, type SizeResult } from '../src/bench/site-build.ts';
import { benchValidator } from '../src/bench/validator-throughput.ts';
import { projectRoot } from '../src/build/project.ts';
import { buildVersion } from '../src/build/version.ts';

const FULL_RUN = '100,1000,5000';
const USAGE = `usage: npm run bench [-- --sizes ${FULL_RUN}]

Builds synthetic sites of each size with the real build and measures build time, peak memory, output
sizes, validator throughput and page weight in Chromium. Only the full run (${FULL_RUN}) is written
to BENCHMARKS.md.`;

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: FULL_RUN }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 10)) {
  console.error(`bench: --sizes takes a comma-separated list of runbook counts of 10 or more, not "${values.sizes}"`);
  process.exit(2);
}
const workDir = path.join(os.tmpdir(), 'runbooks-bench');
const results: SizeResult[] = [];
for (const size of sizes) {
  const result = await benchSize(size, workDir);
  results.push(result);
  console.log(`bench: ${size} runbooks built in ${result.buildSeconds.toFixed(1)} s (${result.phases})`);
}
const report = benchmarkReport(results, await benchValidator(50_000), (await buildVersion()).commit);
console.log(`\n${report}`);
if (values.sizes === FULL_RUN) {
  await writeFile(path.join(projectRoot, 'BENCHMARKS.md'), report);
  console.log('bench: written to BENCHMARKS.md');
} else {
  console.log(`bench: not written to BENCHMARKS.md (only the full run of ${FULL_RUN} is)`);
}
