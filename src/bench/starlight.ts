/**
 * The side-by-side benchmark's other site: a stock Astro Starlight site (bench/starlight/, its own
 * package, installed only by the bench) given the same runbook bodies as this project builds
 * (bodies.ts), each with the title and description Starlight needs. Node only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../build/project.ts';
import { runbookBody } from './bodies.ts';
import { syntheticId, syntheticTitle } from './synthetic-corpus.ts';

export const starlightDir = path.join(projectRoot, 'bench/starlight');

/** Installs the Starlight site's packages once (the project's own install leaves them out). */
export function installStarlight(): void {
  if (existsSync(path.join(starlightDir, 'node_modules/@astrojs/starlight'))) return;
  console.log('bench: installing the Starlight site (bench/starlight) for the side-by-side run…');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: starlightDir, stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm install in bench/starlight failed');
}

/** Writes N runbook pages into the Starlight site, with the bodies this project's corpus has. */
export async function writeStarlightContent(count: number): Promise<void> {
  const dir = path.join(starlightDir, 'src/content/docs/runbooks');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const title = syntheticTitle(i);
    const front = `---\ntitle: ${JSON.stringify(title)}\ndescription: ${JSON.stringify(`${title}: find the failing layer with the commands below, then apply the fix and verify.`)}\n---\n\n`;
    await writeFile(path.join(dir, `${syntheticId(i).toLowerCase()}.md`), front + runbookBody(i, count));
  }
}

/** What a cold build starts from: no output, no cache. */
export async function cleanStarlight(): Promise<void> {
  for (const dir of ['dist', '.astro', 'node_modules/.astro'])
    await rm(path.join(starlightDir, dir), { recursive: true, force: true });
}
