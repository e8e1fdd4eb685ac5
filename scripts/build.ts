/**
 * `npm run build`: the only way the site is built for people.
 *   1. check all content (scripts/check-content.ts) and every kubectl command in it against kubectl's
 *      own schema (scripts/validate.ts); on any error, stop before Astro runs (warnings are printed);
 *   2. run `astro build` into a staging folder, index it with Pagefind (scripts/search-index.ts) and
 *      write its offline copy into downloads/ (scripts/bundle.ts);
 *   3. swap the staging folder into place.
 * A failed step leaves the previous site (or none) untouched: never a half-built one.
 *
 * BUILD_OUT_DIR chooses the output folder (default dist); RUNBOOKS_CONTENT_DIR the content folder.
 */
import { spawn } from 'node:child_process';
import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { checkContent, contentDir, report } from './check-content.ts';
import { buildVersion, writeOfflineBundle } from './bundle.ts';
import { buildSearchIndex } from './search-index.ts';
import { validatePaths } from './validate.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(projectRoot, process.env.BUILD_OUT_DIR ?? 'dist');
const stagingDir = `${outDir}.staging`;
const previousDir = `${outDir}.previous`;

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const exists = (p: string) => stat(p).then(() => true, () => false);

async function main(): Promise<number> {
  if (!report(await checkContent(), 'content check')) return 1;
  const validation = await validatePaths([contentDir()], contentDir());
  const warnings = validation.diagnostics.filter((d) => d.severity === 'warning');
  if (!report(validation.diagnostics.filter((d) => d.severity === 'error'), 'kubectl validator')) return 1;
  for (const w of warnings) console.warn(formatDiagnostic(w));
  console.log(`kubectl validator: ${validation.commands} commands checked in ${validation.seconds.toFixed(2)}s, ${warnings.length} warning(s)`);

  await rm(stagingDir, { recursive: true, force: true });
  // The content's version and date, for the footer's download link and the offline copy's banner.
  const version = await buildVersion();
  const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const astroStatus = await run(process.execPath, [astroBin, 'build', '--outDir', stagingDir], {
    RUNBOOKS_VERSION: version.version,
    RUNBOOKS_COMMIT: version.commit,
    RUNBOOKS_DATE: version.date,
  });
  if (astroStatus !== 0) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(`\nbuild failed: astro build exited with ${astroStatus}; ${path.relative(projectRoot, outDir)}/ was left as it was.`);
    return 1;
  }

  try {
    const search = await buildSearchIndex(stagingDir);
    console.log(`search: ${search.pages} pages indexed by Pagefind (runbooks, guides, decision trees)`);
    const bundle = await writeOfflineBundle(stagingDir, version, undefined, process.env['BASE_PATH'] || '/');
    console.log(`offline copy: ${path.relative(stagingDir, bundle.file)} (${(bundle.bytes / 1024 / 1024).toFixed(1)} MiB, ${bundle.files} files)`);
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(`\nbuild failed: ${(error as Error).message}; ${path.relative(projectRoot, outDir)}/ was left as it was.`);
    return 1;
  }

  await rm(previousDir, { recursive: true, force: true });
  if (await exists(outDir)) await rename(outDir, previousDir);
  await rename(stagingDir, outDir);
  await rm(previousDir, { recursive: true, force: true });
  console.log(`\nbuild: site written to ${path.relative(process.cwd(), outDir) || '.'}/`);
  return 0;
}

process.exitCode = await main();
