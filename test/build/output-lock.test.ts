/**
 * Two builds never destroy a site: a build locks its output, a second one into the same folder refuses
 * at once naming the first, a lock left by a killed build is taken over, and the switch to the new site
 * is one rename, so a reader never finds the output missing or half written. The real build script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot, runScript, type RunResult } from '../support/project.ts';

const minimal = path.join(projectRoot, 'test/fixtures/minimal-site');
let scratch: string;
let outDir: string;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-lock-'));
  outDir = path.join(scratch, 'out');
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const build = (content: string, env: Record<string, string> = {}) =>
  runScript('scripts/build.ts', [], { RUNBOOKS_CONTENT_DIR: content, BUILD_OUT_DIR: outDir, ...env });

/** Starts a build and returns the running process and its result to come. */
function startBuild(content: string) {
  // tsx as a loader, not its CLI (which runs the script in a child): the PID is the build's own.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts/build.ts')], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', RUNBOOKS_CONTENT_DIR: content, BUILD_OUT_DIR: outDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<RunResult>((resolve) =>
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr })),
  );
  return { child, done };
}

const until = async (condition: () => Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function expectCompleteSite(dir: string, id: string) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'runbooks.json'), 'utf8')) as { id: string }[];
  expect(manifest.map((m) => m.id)).toContain(id);
  expect(await exists(path.join(dir, 'runbooks', id.toLowerCase(), 'index.html'))).toBe(true);
  expect(await exists(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
  expect((await readdir(path.join(dir, 'downloads'))).some((f) => f.endsWith('.zip'))).toBe(true);
}

describe('a build locks its output', () => {
  it('a second build into the same output refuses at once, naming the first; the first completes', async () => {
    const first = startBuild(path.join(projectRoot, 'content'));
    await until(() => exists(`${outDir}.lock`));
    const started = Date.now();
    const second = await build(minimal);
    expect(second.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(second.stderr).toContain(`another build is writing this output: PID ${first.child.pid}`);
    expect(second.stderr).toMatch(/started \d{4}-\d\d-\d\dT/);
    const result = await first.done;
    expect(result.code, result.stderr).toBe(0);
    await expectCompleteSite(outDir, 'K8S-002');
    expect(await exists(`${outDir}.lock`)).toBe(false);
  });

  it('takes over a lock left by a build that was killed, and says so', async () => {
    const killed = startBuild(minimal);
    await until(() => exists(`${outDir}.lock`));
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(await exists(`${outDir}.lock`)).toBe(true);
    const next = await build(minimal);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(`took over the lock of`);
    expect(next.stderr).toContain(`PID ${killed.child.pid}`);
    await expectCompleteSite(outDir, 'MIN-001');
    // The killed build's half-written folder is gone with the next publish.
    expect((await readdir(`${outDir}.builds`)).filter((f) => f !== '.cache')).toHaveLength(1);
  });

  it('a lock whose process is gone (a reboot, say) is stale, even if the file says otherwise', async () => {
    const gone = spawnSync('true').pid;
    await writeFile(
      `${outDir}.lock`,
      JSON.stringify({ pid: gone, host: os.hostname(), started: '2026-01-01T00:00:00.000Z', what: 'content' }),
    );
    const result = await build(minimal);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`PID ${gone}`);
  });
});

describe('switching to the new site', () => {
  it('is one rename: a reader polling the output during a rebuild never finds it missing or half written', async () => {
    expect((await build(minimal)).code).toBe(0);
    expect((await lstat(outDir)).isSymbolicLink()).toBe(true);
    const seen: string[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const manifest = await readFile(path.join(outDir, 'runbooks.json'), 'utf8').catch(
          (e: Error) => `missing: ${e.message}`,
        );
        const page = await exists(path.join(outDir, 'runbooks', 'min-001', 'index.html'));
        seen.push(manifest.startsWith('[') && page ? 'whole' : `broken: ${manifest.slice(0, 80)} page=${page}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const rebuilt = await build(minimal);
    reading = false;
    await reader;
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((s) => s !== 'whole')).toEqual([]);
  });

  it('turns an output that is a real folder (an older build) into a link, keeping it until the new one is whole', async () => {
    await mkdir(outDir);
    await writeFile(path.join(outDir, 'index.html'), 'older build');
    expect((await build(minimal)).code).toBe(0);
    expect((await lstat(outDir)).isSymbolicLink()).toBe(true);
    await expectCompleteSite(outDir, 'MIN-001');
  });
});

describe('output folders the build refuses', () => {
  it.each(['public', 'src', 'test/fixtures/minimal-site', '.', 'content'])(
    'BUILD_OUT_DIR=%s is a source folder: refused, untouched',
    async (folder) => {
      const before = await readdir(path.join(projectRoot, folder));
      const result = await runScript('scripts/build.ts', [], { RUNBOOKS_CONTENT_DIR: minimal, BUILD_OUT_DIR: folder });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('build refused: BUILD_OUT_DIR');
      expect(await readdir(path.join(projectRoot, folder))).toEqual(before);
    },
  );

  it('npm run bundle works with an absolute BUILD_OUT_DIR', async () => {
    const copy = path.join(scratch, 'content');
    await cp(minimal, copy, { recursive: true });
    const result = await runScript('scripts/bundle.ts', [], { RUNBOOKS_CONTENT_DIR: copy, BUILD_OUT_DIR: outDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/bundle: bundles\/runbooks-offline-.*\.zip/);
  });
});
