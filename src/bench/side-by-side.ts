/**
 * This project and a stock Starlight site building the same runbook bodies, cold, one after the other
 * and in alternating order (so neither always runs on a warmer machine), with build time and peak
 * memory of each; then, for this project, a rebuild after one runbook is edited, checked to give the
 * same bytes as a cold build of the edited content. Node only.
 */
import { createHash } from 'node:crypto';
import { appendFile, readFile, rm } from 'node:fs/promises';
import { filesUnder } from '../fs/list.ts';
import path from 'node:path';
import { projectRoot } from '../build/project.ts';
import { phasesOf, runBuild, runMeasured, type MeasuredRun } from './site-build.ts';
import { cleanStarlight, installStarlight, starlightDir, writeStarlightContent } from './starlight.ts';
import { syntheticId, writeSyntheticContent } from './synthetic-corpus.ts';

export interface SideBySideResult {
  runbooks: number;
  starlight: MeasuredRun[];
  ours: MeasuredRun[];
}

const node = process.execPath;

async function coldOurs(contentDir: string, outDir: string): Promise<MeasuredRun> {
  await rm(outDir, { recursive: true, force: true });
  await rm(`${outDir}.builds`, { recursive: true, force: true });
  const run = await runBuild(contentDir, outDir);
  if (run.code !== 0) throw new Error(`this project's build failed:\n${run.output.slice(-3000)}`);
  return run;
}

async function coldStarlight(): Promise<MeasuredRun> {
  await cleanStarlight();
  const run = await runMeasured(
    node,
    [path.join(starlightDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {},
    starlightDir,
  );
  if (run.code !== 0) throw new Error(`the Starlight build failed:\n${run.output.slice(-3000)}`);
  return run;
}

export async function sideBySide(runbooks: number, workDir: string, rounds = 2): Promise<SideBySideResult> {
  installStarlight();
  const contentDir = path.join(workDir, `${runbooks}`, 'content');
  const outDir = path.join(workDir, `${runbooks}`, 'site');
  await writeSyntheticContent(contentDir, runbooks, projectRoot);
  await writeStarlightContent(runbooks);
  const result: SideBySideResult = { runbooks, starlight: [], ours: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['starlight', 'ours'] as const) : (['ours', 'starlight'] as const);
    for (const which of order) {
      console.log(
        `bench: ${runbooks} runbooks, round ${round + 1}: ${which === 'ours' ? 'this project' : 'Starlight'}…`,
      );
      const run = which === 'ours' ? await coldOurs(contentDir, outDir) : await coldStarlight();
      result[which].push(run);
      console.log(`bench:   ${run.seconds.toFixed(1)} s, ${run.peakMb.toFixed(0)} MiB`);
      if (which === 'ours') console.log(`bench:   ${phasesOf(run)}`);
    }
  }
  return result;
}

/** Every file of a folder (following the output link) with a hash of its bytes. */
async function treeHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await filesUnder(dir)) {
    hashes.set(
      path.relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return hashes;
}

export interface RebuildResult {
  runbooks: number;
  seconds: number;
  peakMb: number;
  /** Files that differ between the rebuild and a cold build of the same content (none is the goal). */
  differences: string[];
}

/** Edits one runbook of a built site, rebuilds it, and compares with a cold build of the edited content. */
export async function rebuildAfterOneEdit(runbooks: number, workDir: string): Promise<RebuildResult> {
  const contentDir = path.join(workDir, `${runbooks}`, 'content');
  const outDir = path.join(workDir, `${runbooks}`, 'site');
  await writeSyntheticContent(contentDir, runbooks, projectRoot);
  await coldOurs(contentDir, outDir);
  const edited = path.join(contentDir, 'runbooks', `${syntheticId(Math.floor(runbooks / 2)).toLowerCase()}.md`);
  await appendFile(edited, '\nAn edit: check the events of the namespace before you restart anything.\n');
  console.log(`bench: ${runbooks} runbooks, rebuild after editing ${path.basename(edited)}…`);
  const rebuild = await runBuild(contentDir, outDir);
  if (rebuild.code !== 0) throw new Error(`the rebuild failed:\n${rebuild.output.slice(-3000)}`);
  const coldDir = path.join(workDir, `${runbooks}`, 'cold');
  await coldOurs(contentDir, coldDir);
  const [a, b] = await Promise.all([treeHashes(outDir), treeHashes(coldDir)]);
  const differences = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
  return { runbooks, seconds: rebuild.seconds, peakMb: rebuild.peakMb, differences };
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The goals of issue #17, as the report checks them. */
export const SIDE_BY_SIDE_TARGETS = { ratioAt1000: 2, ratioAt3000: 3, peakMbAt3000: 1024, rebuildSeconds: 10 };

/** Starlight's median build time over this project's, from the same run. */
export const speedRatio = (r: SideBySideResult) =>
  median(r.starlight.map((m) => m.seconds)) / median(r.ours.map((m) => m.seconds));

/** BENCHMARKS.md's section of the side-by-side run: every build of both, the ratios, the rebuild. */
export function sideBySideReport(
  results: readonly SideBySideResult[],
  rebuild: RebuildResult | undefined,
  machine: string,
  commit: string,
): string {
  const runs = (ms: readonly MeasuredRun[]) =>
    ms.map((m) => `${m.seconds.toFixed(1)} s, ${m.peakMb.toFixed(0)} MiB`).join('; ');
  const goal = (n: number) =>
    n === 1000 ? `≥ ${SIDE_BY_SIDE_TARGETS.ratioAt1000}×` : n === 3000 ? `≥ ${SIDE_BY_SIDE_TARGETS.ratioAt3000}×` : '';
  const lines = [
    '## Side by side with Starlight',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; commit ${commit}. Produced by \`npm run bench -- --starlight ${results.map((r) => r.runbooks).join(',')}${rebuild ? ` --rebuild ${rebuild.runbooks}` : ''} --write\` (src/bench/side-by-side.ts): a stock Starlight site (bench/starlight/, its own package) and this project build the same generated bodies (src/bench/bodies.ts: 4–8 KB of Markdown with 6–12 bash blocks; here with typed frontmatter), cold (no output, no cache), in alternating order. Absolute times on this machine are noisy; the ratio compares medians from the same run.`,
    '',
    '| runbooks | Starlight: each build | this project: each build | ratio (Starlight / this project) | goal |',
    '|---:|---|---|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.runbooks.toLocaleString('en')} | ${runs(r.starlight)} | ${runs(r.ours)} | ${speedRatio(r).toFixed(2)}× | ${goal(r.runbooks)} |`,
    ),
    '',
    "Where this project's last build of each size spent its time:",
    '',
    ...results.map((r) => `- ${r.runbooks.toLocaleString('en')} runbooks: ${phasesOf(r.ours.at(-1)!)}`),
    '',
  ];
  if (rebuild) {
    lines.push(
      `After editing one runbook of the ${rebuild.runbooks.toLocaleString('en')}-runbook site, the rebuild took ${rebuild.seconds.toFixed(1)} s (${rebuild.peakMb.toFixed(0)} MiB peak; goal ≤ ${SIDE_BY_SIDE_TARGETS.rebuildSeconds} s) and ${rebuild.differences.length === 0 ? 'gave the same bytes as a cold build of the edited content' : `differed from a cold build in ${rebuild.differences.length} files (${rebuild.differences.slice(0, 5).join(', ')}${rebuild.differences.length > 5 ? ', …' : ''})`}.`,
      '',
    );
  }
  return lines.join('\n');
}
