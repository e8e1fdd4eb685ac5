/**
 * The build of the site (`npm run build`, scripts/build.ts), the only way it is built for people:
 *   1. check all content (content-files.ts) and every kubectl command in it against kubectl's own
 *      schema (src/validator/); on any error, stop before Astro runs (warnings are printed);
 *   2. run `astro build` into a staging folder, index it with Pagefind (search-index.ts) and write its
 *      offline copy into downloads/ (offline-copy.ts);
 *   3. swap the staging folder into place.
 * A failed step leaves the previous site (or none) untouched: never a half-built one.
 *
 * BUILD_OUT_DIR chooses the output folder (default dist); RUNBOOKS_CONTENT_DIR the content folder.
 */
import { spawn } from 'node:child_process';
import { rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic } from '../checks/diagnostics.ts';
import { checkContent, report } from './content-files.ts';
import { writeAlertLinkPages, writeRedirectPages } from './link-pages.ts';
import { writeOfflineBundle } from './offline-copy.ts';
import { contentDir, outputDir, projectRoot } from './project.ts';
import { buildSearchIndex } from './search-index.ts';
import { buildVersion } from './version.ts';
import { validatePaths } from '../validator/files.ts';

const outDir = outputDir();
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

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** How long each phase took, printed at the end: where the time goes is the first thing to know. */
const phases: [string, number][] = [];
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases.push([name, (performance.now() - started) / 1000]);
  }
}

/** Builds the site; returns the exit status (0 built, 1 refused or failed). */
export async function buildSite(): Promise<number> {
  if (!report(await timed('content check', checkContent), 'content check')) return 1;
  const validation = await timed('kubectl validator', () => validatePaths([contentDir()], contentDir()));
  const warnings = validation.diagnostics.filter((d) => d.severity === 'warning');
  if (
    !report(
      validation.diagnostics.filter((d) => d.severity === 'error'),
      'kubectl validator',
    )
  )
    return 1;
  for (const w of warnings) console.warn(formatDiagnostic(w));
  console.log(
    `kubectl validator: ${validation.commands} commands checked in ${validation.seconds.toFixed(2)}s, ${warnings.length} warning(s)`,
  );

  await rm(stagingDir, { recursive: true, force: true });
  // The content's version and date, for the footer's download link and the offline copy's banner.
  const version = await buildVersion();
  const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const astroStatus = await timed('astro build', () =>
    run(process.execPath, [astroBin, 'build', '--outDir', stagingDir], {
      RUNBOOKS_VERSION: version.version,
      RUNBOOKS_COMMIT: version.commit,
      RUNBOOKS_DATE: version.date,
    }),
  );
  if (astroStatus !== 0) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(
      `\nbuild failed: astro build exited with ${astroStatus}; ${path.relative(projectRoot, outDir)}/ was left as it was.`,
    );
    return 1;
  }

  try {
    const pages = await timed('redirect pages', () => writeRedirectPages(stagingDir));
    console.log(`alert links: ${pages} redirect pages for the spellings of IDs and aliases`);
    const alertPages = await timed('alert link pages', () => writeAlertLinkPages(stagingDir));
    console.log(`alert links: ${alertPages} forwarding pages for the upstream alerts (both URL shapes)`);
    const search = await timed('search index', () => buildSearchIndex(stagingDir));
    console.log(
      `search: ${search.pages} pages indexed by Pagefind (runbooks, guides, decision trees), ${search.words} words weighed`,
    );
    const bundle = await timed('offline copy', () =>
      writeOfflineBundle(stagingDir, version, undefined, process.env['BASE_PATH'] || '/'),
    );
    console.log(
      `offline copy: ${path.relative(stagingDir, bundle.file)} (${(bundle.bytes / 1024 / 1024).toFixed(1)} MiB, ${bundle.files} files)`,
    );
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(
      `\nbuild failed: ${(error as Error).message}; ${path.relative(projectRoot, outDir)}/ was left as it was.`,
    );
    return 1;
  }

  await rm(previousDir, { recursive: true, force: true });
  if (await exists(outDir)) await rename(outDir, previousDir);
  await rename(stagingDir, outDir);
  await rm(previousDir, { recursive: true, force: true });
  console.log(`\nbuild: site written to ${path.relative(process.cwd(), outDir) || '.'}/`);
  console.log(`build: ${phases.map(([name, seconds]) => `${name} ${seconds.toFixed(1)}s`).join(', ')}`);
  return 0;
}
