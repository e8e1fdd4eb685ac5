import { describe, expect, it } from 'vitest';
import { createArchive } from '../../src/offline/archive.ts';
import { readZip } from '../support/zip.ts';

const when = new Date('2026-11-21T00:00:00Z');
const entries = [
  { name: 'b/index.html', data: Buffer.from('<p>'.repeat(200)) },
  { name: 'a.txt', data: Buffer.from('x') },
  { name: 'serve.mjs', data: Buffer.from('// launcher') },
];

describe('the offline copy archive', () => {
  it('gives the same bytes for the same files, twice and in any order', async () => {
    const first = await createArchive(entries, when);
    expect((await createArchive(entries, when)).equals(first)).toBe(true);
    expect((await createArchive([...entries].reverse(), when)).equals(first)).toBe(true);
  });

  it('round-trips names, contents and modes, in name order', async () => {
    const back = await readZip(await createArchive(entries, when));
    expect(back.map((e) => e.name)).toEqual(['a.txt', 'b/index.html', 'serve.mjs']);
    expect(back[1]!.data.toString()).toBe('<p>'.repeat(200));
    expect(back.map((e) => e.mode)).toEqual([0o100644, 0o100644, 0o100755]);
  });
});
