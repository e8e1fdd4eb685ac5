/**
 * npm run bundle: builds the site, then copies its offline copy to bundles/<name>.zip (the same file the
 * site offers at /downloads/<name>.zip).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DOWNLOADS } from '../src/build/offline-copy.ts';
import { outputDir, projectRoot } from '../src/build/project.ts';
import { buildVersion } from '../src/build/version.ts';
import { bundleName } from '../src/offline/version.ts';

const USAGE = `usage: npm run bundle

Builds the site (npm run build) and copies its offline copy to bundles/. Extract the archive and open
index.html, or run node serve.mjs inside it. Exit status: 0 written, 1 the build failed.`;

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const build = spawnSync(
  process.execPath,
  [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(projectRoot, 'scripts/build.ts')],
  { stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
const name = `${bundleName(await buildVersion())}.zip`;
const target = path.join(projectRoot, 'bundles', name);
await mkdir(path.dirname(target), { recursive: true });
await copyFile(path.join(outputDir(), DOWNLOADS, name), target);
console.log(
  `\nbundle: ${path.relative(process.cwd(), target)} (${((await stat(target)).size / 1024 / 1024).toFixed(1)} MiB). Extract it and open index.html, or run node serve.mjs inside it.`,
);
