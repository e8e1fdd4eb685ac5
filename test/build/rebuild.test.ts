/**
 * A rebuild after one edit does only what the edit changed where it can (the content pass renders one
 * page, the search index re-indexes one part and copies the others from the published site) and still
 * gives the same bytes as a cold build of the edited content. The real content, in parts of a dozen
 * pages so that there are several; the real build script.
 */
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../support/project.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-rebuild-'));
  await cp(path.join(projectRoot, 'content'), path.join(scratch, 'content'), { recursive: true });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const build = async (out: string) => {
  const result = await runScript('scripts/build.ts', [], {
    RUNBOOKS_CONTENT_DIR: path.join(scratch, 'content'),
    BUILD_OUT_DIR: path.join(scratch, out),
    RUNBOOKS_SEARCH_PAGES_PER_INDEX: '12',
  });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

/** Every file under a folder with its bytes, by path. */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await readFile(file)).toString('base64'));
  }
  return files;
}

describe('a rebuild after one edit', () => {
  it('re-indexes only the edited page part and gives the bytes of a cold build', async () => {
    await build('site');
    const unchanged = await build('site');
    expect(unchanged).toMatch(/\((\d+) of \1 index parts kept from the last build\)/);

    await appendFile(
      path.join(scratch, 'content/runbooks/pod001.md'),
      '\nAn edit: check the events of the namespace before you restart anything.\n',
    );
    const rebuilt = await build('site');
    const kept = /\((\d+) of (\d+) index parts kept/.exec(rebuilt);
    expect(kept).not.toBeNull();
    expect(Number(kept![2]) - Number(kept![1])).toBe(1);
    expect(rebuilt).toContain('1 page(s) checked and rendered');

    await build('cold');
    const [a, b] = await Promise.all([tree(path.join(scratch, 'site/')), tree(path.join(scratch, 'cold/'))]);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a].filter(([file, bytes]) => b.get(file) !== bytes).map(([file]) => file)).toEqual([]);
  });
});
