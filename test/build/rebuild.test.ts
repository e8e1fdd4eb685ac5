/**
 * A rebuild after one edit does only what the edit changed where it can (the content pass renders one
 * page, Astro renders that page only, the search index re-indexes one part, the rest is taken from the
 * published site) and still gives the same bytes as a cold build of the edited content; an edit of
 * what every page shares (frontmatter) builds the whole site. The real content, in parts of a dozen
 * pages so that there are several; the real build script.
 */
import { appendFile, cp, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/fs/list.ts';
import { projectRoot, runScript } from '../support/project.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-rebuild-'));
  await cp(path.join(projectRoot, 'content'), path.join(scratch, 'content'), { recursive: true });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const runBuild = (out: string) =>
  runScript('scripts/build.ts', [], {
    RUNBOOKS_CONTENT_DIR: path.join(scratch, 'content'),
    BUILD_OUT_DIR: path.join(scratch, out),
    RUNBOOKS_SEARCH_PAGES_PER_INDEX: '12',
  });
const build = async (out: string) => {
  const result = await runBuild(out);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

/** Every file under a folder with its bytes, by path. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await filesUnder(dir))
    files.set(path.relative(dir, file), (await readFile(file)).toString('base64'));
  return files;
}

describe('a rebuild after one edit', () => {
  it('renders only the edited page, re-indexes its part, leaves the published site as it was, and gives the bytes of a cold build', async () => {
    await build('site');
    const unchanged = await build('site');
    expect(unchanged).toContain('0 page(s) changed since the published site: only those are rendered');
    expect(unchanged).toMatch(/\((\d+) of \1 index parts kept from the last build\)/);

    // The published build's files, before the rebuild: it must never write through them.
    const publishedDir = await realpath(path.join(scratch, 'site'));
    const published = await tree(publishedDir);
    await appendFile(
      path.join(scratch, 'content/runbooks/pod001.md'),
      '\nAn edit: check the events of the namespace before you restart anything.\n',
    );
    const rebuilt = await build('site');
    expect(rebuilt).toContain('1 page(s) changed since the published site: only those are rendered');
    expect(rebuilt).toContain('site: 1 file(s) rendered again');
    const kept = /\((\d+) of (\d+) index parts kept/.exec(rebuilt);
    expect(kept).not.toBeNull();
    expect(Number(kept![2]) - Number(kept![1])).toBe(1);
    expect(rebuilt).toContain('1 page(s) checked and rendered');
    expect(rebuilt).toMatch(/offline copy: .*; \d+ pages as in the published copy\)/);
    // The build it replaced is kept (the next one is made in its folder), byte for byte as it was.
    expect(await realpath(path.join(scratch, 'site'))).not.toBe(publishedDir);
    expect(await tree(publishedDir)).toEqual(published);

    await build('cold');
    await expectSameSites('site', 'cold');
  });

  it('builds the whole site when what every page shares changed (a frontmatter field), and still gives the bytes of a cold build', async () => {
    const file = path.join(scratch, 'content/runbooks/pod001.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: An edited title'));
    const rebuilt = await build('site');
    expect(rebuilt).toContain('astro build: the whole site (frontmatter, settings or the project changed)');
    await build('cold');
    await expectSameSites('site', 'cold');
  });
});

describe('a rebuild that fails', () => {
  it('stops the Astro it started beside the content pass and leaves the published site as it was', async () => {
    await build('site');
    const published = await realpath(path.join(scratch, 'site'));
    const file = path.join(scratch, 'content/runbooks/pod001.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^severity: .*$/m, 'severity: bogus'));
    const result = await runBuild('site');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pod001\.md:\d+/);
    expect(result.stderr).toContain('severity');
    expect(await realpath(path.join(scratch, 'site'))).toBe(published);
    // No Astro output left behind: the published build and the one kept for the next rebuild.
    expect((await readdir(path.join(scratch, 'site.builds'))).filter((f) => f !== '.cache').length).toBeLessThanOrEqual(
      2,
    );
    await writeFile(file, good);
  });
});

async function expectSameSites(one: string, other: string) {
  const [a, b] = await Promise.all([tree(path.join(scratch, `${one}/`)), tree(path.join(scratch, `${other}/`))]);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect([...a].filter(([file, bytes]) => b.get(file) !== bytes).map(([file]) => file)).toEqual([]);
}
