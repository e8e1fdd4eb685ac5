/**
 * npm run bench [-- --sizes 100,1000,5000] [--starlight 1000,3000] [--rebuild 3000] [--write]:
 * builds deterministic synthetic sites with the real build and prints the figures
 * (src/bench/site-build.ts); side by side with a stock Starlight site (src/bench/side-by-side.ts);
 * BENCHMARKS.md gets the sections measured.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { updateReport } from '../src/bench/report-file.ts';
import { rebuildAfterOneEdit, sideBySide, sideBySideReport, speedRatio } from '../src/bench/side-by-side.ts';
import { benchmarkReport, benchSize, type SizeResult } from '../src/bench/site-build.ts';
import { benchValidator } from '../src/bench/validator-throughput.ts';
import { projectRoot } from '../src/build/project.ts';
import { buildVersion } from '../src/build/version.ts';

const FULL_RUN = '100,1000,5000';
const USAGE = `usage: npm run bench [-- --sizes ${FULL_RUN}] [--starlight 1000,3000] [--rebuild 3000] [--rounds 2] [--write]

Without --starlight or --rebuild: builds synthetic sites of each size with the real build and
measures build time, peak memory, output sizes, validator throughput and page weight in Chromium.
The full run (${FULL_RUN}) writes its sections of BENCHMARKS.md.

--starlight SIZES  builds a stock Starlight site (bench/starlight/, installed on first use) and this
                   project from the same bodies, cold, alternating, --rounds times each; prints both
                   and the ratio.
--rebuild SIZE     builds SIZE runbooks, edits one, rebuilds, and compares with a cold build.
--write            writes the side-by-side section of BENCHMARKS.md (other sections are kept).`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: FULL_RUN },
    starlight: { type: 'string' },
    rebuild: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function counts(option: string, text: string): number[] {
  const list = text.split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 10)) {
    console.error(`bench: --${option} takes a comma-separated list of runbook counts of 10 or more, not "${text}"`);
    process.exit(2);
  }
  return list;
}

const workDir = path.join(os.tmpdir(), 'runbooks-bench');
const reportFile = path.join(projectRoot, 'BENCHMARKS.md');
const commit = (await buildVersion()).commit;
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;

async function write(sections: string[]): Promise<void> {
  await writeFile(reportFile, updateReport(await readFile(reportFile, 'utf8').catch(() => ''), sections));
  console.log('bench: BENCHMARKS.md updated');
}

if (values.starlight !== undefined || values.rebuild !== undefined) {
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`bench: --rounds takes a whole number of 1 or more, not "${values.rounds}"`);
    process.exit(2);
  }
  const results = [];
  for (const size of values.starlight ? counts('starlight', values.starlight) : []) {
    const result = await sideBySide(size, workDir, rounds);
    results.push(result);
    console.log(`bench: ${size} runbooks: this project is ${speedRatio(result).toFixed(2)}× as fast as Starlight`);
  }
  const rebuild = values.rebuild
    ? await rebuildAfterOneEdit(counts('rebuild', values.rebuild)[0]!, workDir)
    : undefined;
  if (rebuild)
    console.log(
      `bench: rebuild after one edit of ${rebuild.runbooks} runbooks: ${rebuild.seconds.toFixed(1)} s, ${rebuild.differences.length} files differ from a cold build`,
    );
  const section = sideBySideReport(results, rebuild, machine, commit);
  console.log(`\n${section}`);
  if (values.write) await write([section]);
} else {
  const sizes = counts('sizes', values.sizes);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const result = await benchSize(size, workDir);
    results.push(result);
    console.log(`bench: ${size} runbooks built in ${result.buildSeconds.toFixed(1)} s (${result.phases})`);
  }
  const sections = benchmarkReport(results, await benchValidator(50_000), commit);
  console.log(`\n${sections.join('\n')}`);
  if (values.sizes === FULL_RUN) await write(sections);
  else console.log(`bench: not written to BENCHMARKS.md (only the full run of ${FULL_RUN} is)`);
}
