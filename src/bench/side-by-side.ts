/**
 * This project and a stock Starlight site building the same runbook bodies, cold, one after the other
 * and in alternating order (so neither always runs on a warmer machine), with build time and peak
 * memory of each; then, for this project, a rebuild after one runbook is edited, checked to give the
 * same bytes as a cold build of the edited content. Node only.
 */
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../build/project.ts';
import { runMeasured, type MeasuredRun } from './site-build.ts';
import { cleanStarlight, installStarlight, starlightDir, writeStarlightContent } from './starlight.ts';
import { syntheticId, writeSyntheticContent } from './synthetic-corpus.ts';

export interface SideBySideResult {
  runbooks: number;
  starlight: MeasuredRun[];
  ours: MeasuredRun[];
}

const node = process.execPath;
const tsx = path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs');

export function buildOurs(contentDir: string, outDir: string): Promise<MeasuredRun> {
  return runMeasured(node, [tsx, 'scripts/build.ts'], { RUNBOOKS_CONTENT_DIR: contentDir, BUILD_OUT_DIR: outDir });
}

async function coldOurs(contentDir: string, outDir: string): Promise<MeasuredRun> {
  await rm(outDir, { recursive: true, force: true });
  await rm(`${outDir}.builds`, { recursive: true, force: true });
  const run = await buildOurs(contentDir, outDir);
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
    }
  }
  return result;
}

/** Every file of a folder (following the output link) with a hash of its bytes. */
async function treeHashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const e of entries) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
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
  const rebuild = await buildOurs(contentDir, outDir);
  if (rebuild.code !== 0) throw new Error(`the rebuild failed:\n${rebuild.output.slice(-3000)}`);
  const coldDir = path.join(workDir, `${runbooks}`, 'cold');
  await coldOurs(contentDir, coldDir);
  const [a, b] = await Promise.all([treeHashes(outDir), treeHashes(coldDir)]);
  const differences = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
  return { runbooks, seconds: rebuild.seconds, peakMb: rebuild.peakMb, differences };
}
