import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createArchive } from '../../src/offline/archive.ts';
import { projectRoot } from '../support/project.ts';
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

  it('deflates what shrinks and stores what would grow', async () => {
    const back = await readZip(await createArchive(entries, when));
    expect(back.map((e) => e.method)).toEqual([0, 8, 0]);
  });

  it('does not depend on the time zone of the machine that builds it', () => {
    // A fresh Node per zone: the zone is read once per process.
    const script = `import { createArchive } from './src/offline/archive.ts';
      const a = await createArchive([{ name: 'a.txt', data: Buffer.from('x') }], new Date('2026-11-21T00:00:00Z'));
      process.stdout.write(a.toString('base64'));`;
    const run = (TZ: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, env: { ...process.env, TZ }, encoding: 'utf8' });
    const utc = run('UTC');
    expect(run('America/Los_Angeles')).toBe(utc);
    expect(run('Asia/Kolkata')).toBe(utc);
    // The local file header's DOS time and date: 00:00 on 2026-11-21, the UTC date given.
    const archive = Buffer.from(utc, 'base64');
    expect(archive.readUInt16LE(10)).toBe(0);
    expect(archive.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (11 << 5) | 21);
  });

  // yazl 3.3.1 looks for the next entry to write from the first entry each time, so writing n entries
  // takes time in n squared (about 20 s for this many on a 2-core machine): this is the fewest
  // entries that need zip64.
  it('writes zip64 past 65,535 entries and reads all of them back', async () => {
    const count = 65_536;
    const many = Array.from({ length: count }, (_, i) => ({ name: `runbooks/${String(i).padStart(5, '0')}.txt`, data: Buffer.from(`runbook ${i}\n`) }));
    const archive = await createArchive(many, when);
    // The zip64 end of central directory record and its locator.
    expect(archive.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(archive.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    const back = await readZip(archive);
    expect(back.length).toBe(count);
    for (const i of [0, 1, 32_768, 65_534, count - 1]) {
      expect(back[i]!.name).toBe(`runbooks/${String(i).padStart(5, '0')}.txt`);
      expect(back[i]!.data.toString()).toBe(`runbook ${i}\n`);
    }
  }, 120_000);
});
