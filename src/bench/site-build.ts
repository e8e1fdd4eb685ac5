/**
 * The site benchmark (npm run bench): builds a synthetic site of a given size with the real build and
 * measures build time and peak memory, output sizes, validator throughput over the corpus, and what a
 * typical runbook page loads in Chromium (gzip bytes before and after search is opened). Node only.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { filesUnder } from '../fs/list.ts';
import path from 'node:path';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../build/project.ts';
import { launchChromium } from '../chromium/launch.ts';
import { serveStatic } from '../fs/static-host.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { validateMarkdown } from '../validator/validate-content.ts';
import { syntheticId, writeSyntheticContent } from './synthetic-corpus.ts';
import { VALIDATOR_TARGET_PER_SECOND } from './validator-throughput.ts';

export const TARGETS = { jsBeforeSearchKb: 15, jsTotalKb: 60, build1000Seconds: 60, flatCostRatio: 1.25 };

export interface SizeResult {
  runbooks: number;
  pages: number;
  buildSeconds: number;
  phases: string;
  peakMemoryMb: number;
  msPerRunbook: number;
  siteMb: number;
  pagefindKb: number;
  validatorPerSecond: number;
  page: PageWeight;
}

interface PageWeight {
  html: number;
  css: number;
  js: number;
  /** Added when search is opened and one query typed. */
  searchJs: number;
  searchWasm: number;
  searchData: number;
}

/** Runs a command and samples the resident memory of its whole process tree every 100 ms. */
export interface MeasuredRun {
  code: number;
  seconds: number;
  /** The most the process and all its children held in memory at once (sampled every 100 ms). */
  peakMb: number;
  output: string;
}

/** `npm run build` as it runs it (one process, Node's own type stripping), measured. */
export function runBuild(contentDir: string, outDir: string): Promise<MeasuredRun> {
  return runMeasured(process.execPath, ['scripts/build.ts'], {
    RUNBOOKS_CONTENT_DIR: contentDir,
    BUILD_OUT_DIR: outDir,
  });
}

export async function runMeasured(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = projectRoot,
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let peak = 0;
  const sample = setInterval(() => void treeRssKb(child.pid!).then((kb) => (peak = Math.max(peak, kb))), 100);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(sample);
  return { code, seconds: (performance.now() - started) / 1000, peakMb: peak / 1024, output };
}

/** The build's own account of where its time went (it prints it last). */
export const phasesOf = (run: Pick<MeasuredRun, 'output'>) => /^build: (content pass.*)$/m.exec(run.output)?.[1] ?? '';

/** Sum of VmRSS over a process and its descendants (Linux /proc). */
async function treeRssKb(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    const ppid = /PPid:\s+(\d+)/.exec(status)?.[1];
    const vmRss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    if (ppid) parents.set(Number(name), Number(ppid));
    if (vmRss) rss.set(Number(name), Number(vmRss));
  }
  let total = 0;
  for (const pid of rss.keys()) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        total += rss.get(pid)!;
        break;
      }
    }
  }
  return total;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesUnder(dir)) total += (await stat(file)).size;
  return total;
}

/** What a typical runbook page loads, gzip bytes by kind, before and after search is opened. */
async function pageWeight(siteDir: string, runbookUrl: string): Promise<PageWeight> {
  const site = await serveStatic(siteDir);
  const browser = await launchChromium();
  const weight: PageWeight = { html: 0, css: 0, js: 0, searchJs: 0, searchWasm: 0, searchData: 0 };
  let searching = false;
  const pending: Promise<void>[] = [];
  try {
    const page = await browser.newPage();
    page.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const bytes = gzipSync(body, { level: 9 }).length;
            const type = response.request().resourceType();
            const url = response.url();
            if (!searching) {
              if (type === 'document') weight.html += bytes;
              else if (type === 'stylesheet') weight.css += bytes;
              else if (type === 'script') weight.js += bytes;
            } else if (url.endsWith('.js')) weight.searchJs += bytes;
            else if (url.endsWith('.wasm') || url.includes('wasm')) weight.searchWasm += bytes;
            else weight.searchData += bytes;
          },
          () => undefined,
        ),
      );
    });
    await page.goto(`${site.url}${runbookUrl}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    searching = true;
    await page.keyboard.press('Control+k');
    await page.fill('#search-input', 'connection refused');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-search-results]') as HTMLElement | null)?.dataset['query'] ===
        'connection refused',
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
  } finally {
    await browser.close();
    site.close();
  }
  return weight;
}

export async function benchSize(runbooks: number, workDir: string): Promise<SizeResult> {
  const contentDir = path.join(workDir, `${runbooks}`, 'content');
  const siteDir = path.join(workDir, `${runbooks}`, 'site');
  await writeSyntheticContent(contentDir, runbooks, projectRoot);
  await rm(siteDir, { recursive: true, force: true });
  console.log(`bench: building ${runbooks} runbooks…`);
  const build = await runBuild(contentDir, siteDir);
  if (build.code !== 0) throw new Error(`the build of ${runbooks} runbooks failed:\n${build.output.slice(-3000)}`);

  // Validator throughput over this corpus, in this process (one core).
  const ctx = await loadCommandReader(path.join(contentDir, 'kubectl-custom-resources.yaml'));
  const files = (await readdir(path.join(contentDir, 'runbooks'))).map((f) => path.join(contentDir, 'runbooks', f));
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  // One pass to warm the code paths up (as in a long build), then the measured pass.
  texts.forEach((text, i) => validateMarkdown(files[i]!, text, ctx));
  const started = performance.now();
  let commands = 0;
  texts.forEach((text, i) => (commands += validateMarkdown(files[i]!, text, ctx).commands));
  const validatorPerSecond = commands / ((performance.now() - started) / 1000);

  const pages = (await filesUnder(siteDir, /\.html$/)).length;
  const typical = syntheticId(Math.floor(runbooks / 2)).toLowerCase();
  return {
    runbooks,
    pages,
    buildSeconds: build.seconds,
    phases: phasesOf(build),
    peakMemoryMb: build.peakMb,
    msPerRunbook: (build.seconds * 1000) / runbooks,
    siteMb: (await folderBytes(siteDir)) / 1024 / 1024,
    pagefindKb: (await folderBytes(path.join(siteDir, 'pagefind'))) / 1024,
    validatorPerSecond,
    page: await pageWeight(siteDir, `/runbooks/${typical}/`),
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const verdict = (met: boolean) => (met ? 'met' : '**not met**');

/** BENCHMARKS.md's sections of this benchmark: the table of every size, where the build time goes, and which targets are met. */
export function benchmarkReport(
  results: readonly SizeResult[],
  oneCore: { perSecond: number },
  commit: string,
): string[] {
  const at = (n: number) => results.find((r) => r.runbooks === n);
  const typical = results.at(-1)!.page;
  const jsBefore = typical.js / 1024;
  const jsTotal = (typical.js + typical.searchJs) / 1024;
  const build1000 = at(1000)?.buildSeconds;
  const largest = results.at(-1)!;
  const middle = at(1000) ?? results[0]!;
  const flatRatio = largest.msPerRunbook / middle.msPerRunbook;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';

  const builds = [
    '## Site builds',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}; commit ${commit}.`,
    'Produced by `npm run bench` (src/bench/site-build.ts): synthetic, deterministic corpora (src/bench/synthetic-corpus.ts) built with the real `npm run build`.',
    '',
    '| runbooks | pages | build | peak memory | per runbook | site | Pagefind index | validator | HTML | CSS | JS before search | search opens: JS / WASM / data |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.runbooks.toLocaleString('en')} | ${r.pages.toLocaleString('en')} | ${r.buildSeconds.toFixed(1)} s | ${r.peakMemoryMb.toFixed(0)} MB | ${r.msPerRunbook.toFixed(1)} ms | ${r.siteMb.toFixed(1)} MB | ${r.pagefindKb.toFixed(0)} KB | ${Math.round(r.validatorPerSecond).toLocaleString('en')} cmd/s | ${kb(r.page.html)} KB | ${kb(r.page.css)} KB | ${kb(r.page.js)} KB | ${kb(r.page.searchJs)} / ${kb(r.page.searchWasm)} / ${kb(r.page.searchData)} KB |`,
    ),
    '',
    'Page sizes are gzip bytes (level 9) of what Chromium loads for a typical runbook page; "search opens" is what opening search and typing one query adds.',
    '',
    'Where the build time goes (npm run build prints it):',
    '',
    ...results.map((r) => `- ${r.runbooks.toLocaleString('en')} runbooks: ${r.phases}`),
    '',
  ];
  const targets = [
    '## Targets',
    '',
    '| target | measured | |',
    '|---|---|---|',
    `| a runbook page loads at most ${TARGETS.jsBeforeSearchKb} KB of gzip JavaScript before search is used | ${jsBefore.toFixed(1)} KB | ${verdict(jsBefore <= TARGETS.jsBeforeSearchKb)} |`,
    `| and at most ${TARGETS.jsTotalKb} KB of JavaScript in all, search included | ${jsTotal.toFixed(1)} KB | ${verdict(jsTotal <= TARGETS.jsTotalKb)} |`,
    `| the 1,000-runbook build takes at most ${TARGETS.build1000Seconds} s on this machine | ${build1000 === undefined ? 'not measured' : `${build1000.toFixed(1)} s`} | ${build1000 === undefined ? '' : verdict(build1000 <= TARGETS.build1000Seconds)} |`,
    `| the cost per runbook stays flat (at ${largest.runbooks.toLocaleString('en')} at most ${TARGETS.flatCostRatio}× its cost at ${middle.runbooks.toLocaleString('en')}) | ${largest.msPerRunbook.toFixed(1)} ms vs ${middle.msPerRunbook.toFixed(1)} ms (×${flatRatio.toFixed(2)}) | ${verdict(flatRatio <= TARGETS.flatCostRatio)} |`,
    `| the validator checks at least ${VALIDATOR_TARGET_PER_SECOND.toLocaleString('en')} commands/s on one core | ${Math.round(oneCore.perSecond).toLocaleString('en')} commands/s (synthetic, 50,000 commands) | ${verdict(oneCore.perSecond >= VALIDATOR_TARGET_PER_SECOND)} |`,
    '',
  ];
  return [builds.join('\n'), targets.join('\n')];
}
