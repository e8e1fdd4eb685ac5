/**
 * The build of the site (`npm run build`, scripts/build.ts), the only way it is built for people:
 *   1. check all content (content-files.ts) and every kubectl command in it against kubectl's own
 *      schema (src/validator/); on any error, stop before Astro runs (warnings are printed);
 *   2. run `astro build` into a staging folder, index it with Pagefind (search-index.ts) and write its
 *      offline copy into downloads/ (offline-copy.ts);
 *   3. publish it: the output folder becomes a link to it in one rename (src/fs/publish.ts).
 * A failed step leaves the previous site (or none) untouched: never a half-built one. A build holds a
 * lock on its output (src/fs/lock.ts): a second build into the same folder refuses at once.
 *
 * BUILD_OUT_DIR chooses the output folder (default dist); RUNBOOKS_CONTENT_DIR the content folder.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic } from '../checks/diagnostics.ts';
import { headersFile } from '../security/csp.ts';
import { linkPages, writeLinkPages } from './alert-link-pages.ts';
import { passFiles } from './cache.ts';
import { dropStaleContentStore } from './content-cache.ts';
import { report, runbookFilesBySlug } from './content-files.ts';
import { runContentPassApart } from './content-pass-process.ts';
import {
  buildSettings,
  earlierOfflineCopy,
  linkPublished,
  readBuiltFrom,
  withRenderedPages,
  writeBuiltFrom,
  type PublishedCopy,
  type SiteFromPublished,
} from './from-published.ts';
import { offlinePages, writeOfflineBundle } from './offline-copy.ts';
import { planRebuild, sharedKey } from './rebuild-plan.ts';
import { LockHeldError, lockOutput, type OutputLock } from '../fs/lock.ts';
import { buildCacheDir, newBuildDir, publishBuild, publishedBuildDir, sparedBuildDir } from '../fs/publish.ts';
import { astroHeapMb, contentDir, outputDir, outputDirProblem, projectRoot } from './project.ts';
import { buildSearchIndex, indexedPages, indexedPagesOf, partKeysFile, readPartKeys } from './search-index.ts';
import { buildVersion } from './version.ts';

interface Running {
  done: Promise<{ status: number; tail: string }>;
  /** Stops it (and waits until it has). */
  stop(): Promise<void>;
}

/** Starts a command with its output shown as it comes; `done` gives its status and the end of its output. */
function start(command: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(command, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  const done = new Promise<{ status: number; tail: string }>((resolve, reject) => {
    let tail = '';
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-64 * 1024));
    child.stdout.on('data', (chunk: Buffer) => (process.stdout.write(chunk), keep(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (process.stderr.write(chunk), keep(chunk)));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ status: signal ? 1 : (code ?? 1), tail }));
  });
  return {
    done,
    stop: async () => {
      child.kill('SIGTERM');
      await done.catch(() => undefined);
    },
  };
}

const astroBin = () => path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** The content files of the pages Astro says it could not render ("Caught error rendering /runbooks/x"). */
async function failedPages(astroOutput: string): Promise<string[]> {
  const routes = [...new Set([...astroOutput.matchAll(/error rendering (\/\S+?):/g)].map((m) => m[1]!))];
  if (routes.length === 0) return [];
  const files = await runbookFilesBySlug();
  return routes.map((route) => {
    const slug = /^\/runbooks\/([^/]+)\/?$/.exec(route)?.[1];
    const file = slug ? files.get(slug) : undefined;
    return file ? `${route} (${file})` : route;
  });
}

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
  const outDir = outputDir();
  const shown = path.relative(process.cwd(), outDir) || '.';
  const problem = outputDirProblem(outDir);
  if (problem) {
    console.error(
      `build refused: BUILD_OUT_DIR: ${problem}. The build replaces its output folder whole: choose a folder of its own, such as dist.`,
    );
    return 1;
  }
  let lock: OutputLock;
  try {
    lock = await lockOutput(outDir, path.relative(projectRoot, contentDir()) || contentDir());
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    console.error(`build refused: ${shown}/: ${error.message}`);
    return 1;
  }
  if (lock.tookOverFrom) {
    console.warn(
      `build: took over the lock of ${shown}/ left by a build that is no longer running (PID ${lock.tookOverFrom.pid}, started ${lock.tookOverFrom.started})`,
    );
  }
  // Ctrl-C or a kill: leave no lock and no half-written build behind (the published site stays).
  let buildDir: string | undefined;
  const stop = (signal: NodeJS.Signals) => {
    void (async () => {
      if (buildDir) await rm(buildDir, { recursive: true, force: true });
      await lock.release();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    return await buildLocked(outDir, (dir) => (buildDir = dir));
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await lock.release();
  }
}

async function buildLocked(outDir: string, building: (dir: string) => void): Promise<number> {
  // A published site and the record of what it was made from: this is likely a rebuild (rebuild-plan.ts).
  const cacheDir = buildCacheDir(outDir);
  const passCacheDir = path.join(cacheDir, 'content');
  const published = await publishedBuildDir(outDir);
  const before = await readBuiltFrom(cacheDir);
  const likelyRebuild = published !== undefined && before?.build === path.basename(published);
  // The content's version and date, for the footer's download link and the offline copy's banner.
  const version = await buildVersion();
  if (await dropStaleContentStore(projectRoot, cacheDir))
    console.log("astro build: the content schemas changed, so Astro's content store was rebuilt");

  const onlyPages = path.join(cacheDir, 'only-pages.json');
  const inputsReady = path.join(cacheDir, 'inputs-ready');
  await rm(inputsReady, { force: true });
  const kept = passFiles(passCacheDir);
  const astroRun = async (only: boolean, heapMb?: number) => {
    const dir = await newBuildDir(outDir);
    building(dir);
    const heapFlag = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
    const running = start(process.execPath, [...heapFlag, astroBin(), 'build', '--outDir', dir], {
      RUNBOOKS_VERSION: version.version,
      RUNBOOKS_COMMIT: version.commit,
      RUNBOOKS_DATE: version.date,
      // Astro's cache (its content store among others) belongs to this output, which only this build
      // writes now: builds into other folders, running at the same time, must not share one.
      RUNBOOKS_ASTRO_CACHE: cacheDir,
      // The pages' HTML and commands, as the content pass rendered them (src/site/rendered.ts), read
      // once the build says they are complete (src/site/build-inputs.ts).
      RUNBOOKS_PAGES_MANIFEST: kept.pagesManifest,
      RUNBOOKS_COMMAND_STEPS: kept.commandSteps,
      RUNBOOKS_INPUTS_READY: inputsReady,
      ...(only ? { RUNBOOKS_ONLY_PAGES: onlyPages } : {}),
    });
    return { dir, heapMb, running, started: performance.now() };
  };
  // On a likely rebuild Astro starts now, beside the content pass: its start, its content store and
  // its bundling (4 s at 3,000 runbooks) need nothing of the pass, which then has little to do.
  let astro = likelyRebuild ? await astroRun(true) : undefined;
  const stopEarlyAstro = async () => {
    if (!astro) return;
    await astro.running.stop();
    await rm(astro.dir, { recursive: true, force: true });
    astro = undefined;
  };

  // One parse of every page for the content check, the validator and its HTML, in parallel and kept
  // by content hash (content-pass.ts): a rebuild works only on what changed. In a process of its
  // own, so that what it held is gone before Astro starts.
  const passing = timed('content pass', () => runContentPassApart(contentDir(), passCacheDir, likelyRebuild));
  passing.catch(() => undefined); // awaited below; not unhandled while the published site is linked
  // And, beside both, the published site linked into the folder of the build it replaced (they work
  // the processor, this the disk), for the new pages to go over if it is a rebuild indeed.
  // Awaited only once Astro has its inputs: linking all 24,000 files of a 3,000-runbook site (the
  // first rebuild after a cold build) takes longer than the pass, and Astro must not wait for it.
  let copying: Promise<PublishedCopy> | undefined;
  if (likelyRebuild) {
    const dir = await sparedBuildDir(outDir, [astro!.dir]);
    copying = timed('published site linked (beside the content pass and Astro)', () =>
      linkPublished(published, dir),
    ).catch(async (error: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw error;
    });
    copying.catch(() => undefined); // awaited below, or settled before an early return
  }
  // Leaving early: Astro stopped, and the linking finished, so nothing writes once the lock is released.
  const abandon = async () => {
    await stopEarlyAstro();
    await copying?.catch(() => undefined);
  };
  const pass = await passing.catch(async (error: unknown) => {
    await abandon();
    throw error;
  });
  const { validation } = pass;
  const warnings = validation.diagnostics.filter((d) => d.severity === 'warning');
  if (
    !report(pass.content, 'content check') ||
    !report(
      validation.diagnostics.filter((d) => d.severity === 'error'),
      'kubectl validator',
    )
  ) {
    await abandon();
    return 1;
  }
  for (const w of warnings) console.warn(formatDiagnostic(w));
  console.log(`content pass: ${pass.worked} page(s) checked and rendered, ${pass.reused} kept from an earlier build`);
  console.log(`kubectl validator: ${validation.commands} commands checked, ${warnings.length} warning(s)`);

  const builtFrom = { shared: sharedKey(pass.sharedContent, version, buildSettings()), pages: pass.pageKeys };
  const plan = planRebuild(before, published && path.basename(published), builtFrom);
  // A rebuild whose pages share what the published site's did renders only the pages whose file
  // changed (rebuild-plan.ts), into a folder of its own, then makes its site in the build the
  // published one replaced: the published site's files linked, the new pages over them.
  const partial = !plan.whole && published ? { published, pages: plan.pages } : undefined;
  console.log(
    partial
      ? `astro build: ${partial.pages.length} page(s) changed since the published site: only those are rendered`
      : `astro build: the whole site (${plan.whole ? plan.reason : 'no earlier build'})`,
  );
  if (partial) await writeFile(onlyPages, `${JSON.stringify(partial.pages)}\n`);
  else {
    // Not a rebuild after all: the whole site, with the heap budget of its size.
    await stopEarlyAstro();
    astro = await astroRun(false, astroHeapMb(pass.worked + pass.reused));
  }
  await writeFile(inputsReady, '');
  const { dir: astroDir, heapMb, running, started } = astro!;
  let stagingDir = astroDir;
  // A partial build makes its site in the linked copy of the published one. The whole site after
  // all is made in a folder of its own: the linked one stays, spared for the next build.
  let copy: PublishedCopy | undefined;
  if (partial && copying) {
    copy = await copying.catch(async (error: unknown) => {
      await running.stop();
      await rm(astroDir, { recursive: true, force: true });
      throw error;
    });
  } else await copying?.catch(() => undefined);
  if (copy) {
    stagingDir = copy.stagingDir;
    building(stagingDir);
  }
  const result = await running.done;
  const beside = partial ? ' (started beside the content pass)' : '';
  phases.push([`astro build${beside}`, (performance.now() - started) / 1000]);
  if (result.status !== 0) {
    await Promise.all([astroDir, stagingDir].map((dir) => rm(dir, { recursive: true, force: true })));
    const pages = await failedPages(result.tail);
    const where =
      heapMb && /heap out of memory|Reached heap limit/.test(result.tail)
        ? `: it needed more than its ${heapMb} MB of heap; set RUNBOOKS_ASTRO_HEAP_MB=${heapMb * 2} and build again`
        : pages.length > 0
          ? ` rendering ${pages.join(', ')}`
          : '';
    console.error(
      `\nbuild failed: astro build failed${where}; ${path.relative(projectRoot, outDir)}/ was left as it was.`,
    );
    return 1;
  }

  let partKeys: Record<string, string>;
  try {
    let site: SiteFromPublished | undefined;
    if (copy) {
      site = await timed('changed pages put in', () => withRenderedPages(copy, astroDir));
      await rm(astroDir, { recursive: true, force: true });
      console.log(
        `site: ${site.rendered.size} file(s) rendered again, ${site.mirrored.linked} linked in, ${site.mirrored.removed} removed; the rest as published`,
      );
    }
    // Security headers for static hosts that read a _headers file (the policy itself is in every page).
    await writeFile(path.join(stagingDir, '_headers'), headersFile(process.env['BASE_PATH'] || '/'));
    // The link pages are made in memory first, then written while Pagefind indexes the site in a
    // process of its own and this one makes the pages of the offline copy: creating thousands of
    // small folders waits on the disk, not the processor. Pagefind is given the pages of the sections
    // it indexes as listed before (search-index.ts): a link page there (kube-prometheus's
    // /runbooks/<component>/…) is never one of them; the offline copy takes them from memory.
    const [links, listed] = site
      ? [site.links, indexedPagesOf(site.files)]
      : await Promise.all([linkPages(stagingDir), indexedPages(stagingDir)]);
    console.log(`alert links: ${links.runbooks.length} redirect pages for the spellings of IDs and aliases`);
    console.log(`alert links: ${links.alerts.length} forwarding pages for the upstream alerts (both URL shapes)`);
    // An alert's page takes the place of a runbook's at the same path, as it always has.
    const all = [...new Map([...links.runbooks, ...links.alerts].map((page) => [page.path, page])).values()];
    const linkPaths = new Set(all.map((page) => page.path));
    // Made from the published site, the link pages are there already (and must not be indexed).
    const indexed = site ? listed.filter((page) => !linkPaths.has(page)) : listed;
    // The published site's index: its parts whose pages did not change are copied, not indexed again.
    const earlierIndex = {
      siteDir: outDir,
      keys: await readPartKeys(partKeysFile(cacheDir)),
      ...(site ? { unchanged: (page: string) => !site.rendered.has(page) } : {}),
    };
    const earlierCopy = site ? await earlierOfflineCopy(site, version) : undefined;
    const [search, offline] = await timed('search index, link pages and offline pages', () =>
      Promise.all([
        buildSearchIndex(stagingDir, indexed, earlierIndex, {
          recordsDir: path.join(cacheDir, 'search-records'),
          recordsSalt: pass.toolchain,
        }),
        offlinePages(stagingDir, version, process.env['BASE_PATH'] || '/', all, {
          ...(earlierCopy ? { earlier: earlierCopy } : {}),
          ...(site ? { listed: site.files } : {}),
        }),
        site ? 0 : writeLinkPages(stagingDir, all),
      ]),
    );
    partKeys = search.keys;
    const kept =
      search.reused > 0
        ? ` (${search.reused} of ${Object.keys(search.keys).length} index parts kept from the last build)`
        : '';
    console.log(
      `search: ${search.pages} pages indexed by Pagefind (runbooks, guides, decision trees)${kept}, ${search.words} words weighed`,
    );
    const bundle = await timed('offline copy', () =>
      writeOfflineBundle(stagingDir, version, offline, search.fragments),
    );
    const reused = offline.reused > 0 ? `; ${offline.reused} pages as in the published copy` : '';
    console.log(
      `offline copy: ${path.relative(stagingDir, bundle.file)} (${(bundle.bytes / 1024 / 1024).toFixed(1)} MiB, ${bundle.files} files${reused})`,
    );
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(
      `\nbuild failed: ${(error as Error).message}; ${path.relative(projectRoot, outDir)}/ was left as it was.`,
    );
    return 1;
  }

  await publishBuild(stagingDir, outDir);
  // Only now: the records must describe the published site, which the next build may take from.
  await writeFile(partKeysFile(cacheDir), `${JSON.stringify(partKeys)}\n`);
  await writeBuiltFrom(cacheDir, { build: path.basename(stagingDir), ...builtFrom });
  console.log(`\nbuild: site written to ${path.relative(process.cwd(), outDir) || '.'}/`);
  console.log(`build: ${phases.map(([name, seconds]) => `${name} ${seconds.toFixed(1)}s`).join(', ')}`);
  return 0;
}
