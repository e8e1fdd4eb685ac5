import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropStaleContentStore } from '../../src/build/content-cache.ts';
import { projectRoot } from '../support/project.ts';

const root = await mkdtemp(path.join(tmpdir(), 'content-cache-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe("Astro's content store", () => {
  it('is dropped when a schema the content config imports changes, and kept otherwise', async () => {
    for (const dir of ['src/schemas', 'src/domain']) await mkdir(path.join(root, dir), { recursive: true });
    await cp(path.join(projectRoot, 'src/schemas'), path.join(root, 'src/schemas'), { recursive: true });
    await cp(path.join(projectRoot, 'src/domain/vocabulary.ts'), path.join(root, 'src/domain/vocabulary.ts'));
    await cp(path.join(projectRoot, 'src/content.config.ts'), path.join(root, 'src/content.config.ts'));
    const cache = path.join(root, 'cache');
    const store = path.join(cache, 'data-store.json');
    const exists = () =>
      stat(store).then(
        () => true,
        () => false,
      );

    expect(await dropStaleContentStore(root, cache)).toBe(false); // a first build: nothing recorded yet
    await writeFile(store, '{}');
    expect(await dropStaleContentStore(root, cache)).toBe(false);
    expect(await exists()).toBe(true);

    const schema = path.join(root, 'src/schemas/runbook.ts');
    await writeFile(schema, `${await readFile(schema, 'utf8')}\n// a new field\n`);
    expect(await dropStaleContentStore(root, cache)).toBe(true);
    expect(await exists()).toBe(false);
  });
});
