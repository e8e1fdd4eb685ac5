import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/fs/list.ts';
import { mirrorFiles } from '../../src/fs/mirror.ts';

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-mirror-'));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function put(file: string, text: string): Promise<string> {
  const full = path.join(scratch, file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, text);
  return full;
}
const listing = async (dir: string) => (await filesUnder(dir)).map((f) => path.relative(dir, f));

describe('mirroring files into a folder', () => {
  it('makes the folder hold exactly the files given, linked to their sources', async () => {
    const sources = new Map([
      ['index.html', await put('published/index.html', 'home')],
      ['runbooks/a/index.html', await put('published/runbooks/a/index.html', 'a')],
      ['runbooks/b/index.html', await put('rendered/runbooks/b/index.html', 'b, edited')],
    ]);
    // The folder holds an older build: a file that is gone since, one that changed, one that is the same.
    await put('spare/runbooks/gone/index.html', 'gone');
    await put('spare/runbooks/b/index.html', 'b');
    const dir = path.join(scratch, 'spare');
    const first = await mirrorFiles(dir, sources);
    expect(first).toEqual({ linked: 3, removed: 1 });
    expect(await listing(dir)).toEqual(['index.html', 'runbooks/a/index.html', 'runbooks/b/index.html']);
    expect(await readFile(path.join(dir, 'runbooks/b/index.html'), 'utf8')).toBe('b, edited');
    // The folder that only held the removed file is gone too.
    await expect(stat(path.join(dir, 'runbooks/gone'))).rejects.toThrow();
    // Linked, not copied: the same file as its source.
    expect((await stat(path.join(dir, 'index.html'))).ino).toBe((await stat(sources.get('index.html')!)).ino);
    // A second time, nothing differs: nothing is touched.
    expect(await mirrorFiles(dir, sources)).toEqual({ linked: 0, removed: 0 });
  });

  it('never writes through a shared file: the source keeps its bytes when the folder gets another', async () => {
    const published = await put('published/page.html', 'published');
    const dir = path.join(scratch, 'next');
    await mirrorFiles(dir, new Map([['page.html', published]]));
    const rendered = await put('rendered/page.html', 'rendered again');
    expect(await mirrorFiles(dir, new Map([['page.html', rendered]]))).toEqual({ linked: 1, removed: 0 });
    expect(await readFile(path.join(dir, 'page.html'), 'utf8')).toBe('rendered again');
    expect(await readFile(published, 'utf8')).toBe('published');
  });

  it('puts a file where a folder was, and a folder where a file was', async () => {
    await put('spare/a/inner.html', 'inner');
    await put('spare/b', 'a file');
    const dir = path.join(scratch, 'spare');
    const sources = new Map([
      ['a', await put('src/a', 'now a file')],
      ['b/inner.html', await put('src/b/inner.html', 'now in a folder')],
    ]);
    await mirrorFiles(dir, sources);
    expect(await listing(dir)).toEqual(['a', 'b/inner.html']);
    expect(await readFile(path.join(dir, 'a'), 'utf8')).toBe('now a file');
  });
});
