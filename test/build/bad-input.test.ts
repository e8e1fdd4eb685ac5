import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from '../support/project.ts';

const fixture = (name: string) => path.join('test/fixtures', name);
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

let outDir: string;
let scratch: string;

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-build-'));
  outDir = path.join(scratch, 'site');
  // A previous good build: a failed build must leave it exactly as it was.
  await mkdir(outDir);
  await writeFile(path.join(outDir, 'index.html'), 'previous site');
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const build = (contentDir: string, env: Record<string, string> = {}) =>
  runScript('scripts/build.ts', [], { RUNBOOKS_CONTENT_DIR: contentDir, BUILD_OUT_DIR: outDir, ...env });

async function expectPreviousSiteKept() {
  expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('previous site');
  // No half-written build and no lock left behind.
  expect((await readdir(`${outDir}.builds`).catch(() => [])).filter((f) => f !== '.cache')).toEqual([]);
  expect(await exists(`${outDir}.lock`)).toBe(false);
}

describe('npm run build on bad input', () => {
  it('stops on a bad frontmatter field, naming file, line, field and the allowed values', async () => {
    const result = await build(fixture('broken-frontmatter'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'test/fixtures/broken-frontmatter/runbooks/bad-severity.mdx:6:11 error frontmatter/severity severity: expected one of critical, high, medium, low; got "urgent"',
    );
    expect(result.stderr).toContain('hint: severity is one of critical, high, medium, low');
    expect(result.stdout).not.toContain('astro'); // stopped before Astro ran
    await expectPreviousSiteKept();
  });

  it('stops on what the schema cannot see: duplicate IDs and related IDs that resolve to nothing', async () => {
    const result = await build(fixture('broken-catalog'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'test/fixtures/broken-catalog/runbooks/first.mdx:9:11 error catalog/unknown-related related "FIX-404" is not the ID of any runbook',
    );
    expect(result.stderr).toMatch(
      /second\.mdx:2:5 error catalog\/duplicate-id "FIX001" is the same link as "FIX-001", which test\/fixtures\/broken-catalog\/runbooks\/first\.mdx \(FIX-001\) uses/,
    );
    await expectPreviousSiteKept();
  });

  it('stops on a broken decision tree, naming file, line and the broken link', async () => {
    const result = await build(fixture('broken-tree'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/broken-tree/trees/broken.yaml:9:18 error tree/unknown-runbook');
    expect(result.stderr).toContain('test/fixtures/broken-tree/trees/broken.yaml:16:15 error tree/loop');
    await expectPreviousSiteKept();
  });

  it('stops on a kubectl command kubectl would reject, with file:line:col and a hint, before Astro runs', async () => {
    const result = await build(fixture('broken-command'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'test/fixtures/broken-command/runbooks/fix-001.mdx:16:18 error kubectl/unknown-flag unknown flag: --all-namespace for "kubectl get"',
    );
    expect(result.stderr).toContain('hint: did you mean --all-namespaces?');
    expect(result.stdout).not.toContain('[build]');
    await expectPreviousSiteKept();
  });

  it('stops when Astro itself fails (a component that fails to render), and keeps the previous site', async () => {
    const result = await build(fixture('broken-mdx'));
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('bad-jsx.mdx');
    expect(result.stderr).toMatch(
      /build failed: astro build failed rendering \/runbooks\/fix-001 \(test\/fixtures\/broken-mdx\/runbooks\/bad-jsx\.mdx\)/,
    );
    expect(result.stderr).toContain('was left as it was');
    await expectPreviousSiteKept();
  });

  it('says what to set when Astro runs out of its heap, and keeps the previous site', async () => {
    const result = await build(fixture('minimal-site'), { RUNBOOKS_ASTRO_HEAP_MB: '24' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'build failed: astro build failed: it needed more than its 24 MB of heap; set RUNBOOKS_ASTRO_HEAP_MB=48 and build again',
    );
    await expectPreviousSiteKept();
  });
});
