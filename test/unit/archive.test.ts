import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createArchive, DEFLATE_FROM, deflates, packEntry, readPackedEntries } from '../../src/offline/archive.ts';
import { projectRoot } from '../support/project.ts';
import { readZip } from '../support/zip.ts';

const when = new Date('2026-11-21T00:00:00Z');
const entries = [
  { name: 'b/index.html', data: Buffer.from('<p>'.repeat(2000)) },
  { name: 'a.txt', data: Buffer.from('x') },
  { name: 'serve.mjs', data: Buffer.from('// launcher') },
];

describe('the offline copy archive', () => {
  it('gives the same bytes for the same files, twice and in any order', async () => {
    const first = await createArchive(entries, when);
    expect((await createArchive(entries, when)).equals(first)).toBe(true);
    expect((await createArchive([...entries].reverse(), when)).equals(first)).toBe(true);
  });

  it('gives the same bytes from entries packed ahead (deflated as they are made) as from the files', async () => {
    const first = await createArchive(entries, when);
    const packed = await Promise.all(entries.map((e) => packEntry(e)));
    expect(packed.map((p) => p.method)).toEqual([8, 0, 0]);
    expect(packed[0]!.bytes.length).toBeLessThan(entries[0]!.data.length / 10);
    expect((await createArchive(packed, when)).equals(first)).toBe(true);
    expect((await createArchive([packed[2]!, entries[0]!, packed[1]!], when)).equals(first)).toBe(true);
  });

  it('reads its entries back as packed entries that give the same archive again', async () => {
    const first = await createArchive(entries, when);
    const packed = readPackedEntries(first);
    expect([...packed.keys()]).toEqual(['a.txt', 'b/index.html', 'serve.mjs']);
    expect(packed.get('b/index.html')).toEqual(await packEntry(entries[0]!));
    expect((await createArchive([...packed.values()], when)).equals(first)).toBe(true);
    // One entry changed, the others taken from the old archive: what the files would give.
    const edited = { name: 'a.txt', data: Buffer.from('y') };
    const mixed = await createArchive([edited, packed.get('b/index.html')!, packed.get('serve.mjs')!], when);
    expect(mixed.equals(await createArchive([edited, entries[0]!, entries[2]!], when))).toBe(true);
    expect(() => readPackedEntries(Buffer.from('not a zip at all, but long enough to look'))).toThrow(/not an archive/);
  });

  it('round-trips names, contents and modes, in name order', async () => {
    const back = await readZip(await createArchive(entries, when));
    expect(back.map((e) => e.name)).toEqual(['a.txt', 'b/index.html', 'serve.mjs']);
    expect(back[1]!.data.toString()).toBe('<p>'.repeat(2000));
    expect(back.map((e) => e.mode)).toEqual([0o100644, 0o100644, 0o100755]);
  });

  it('deflates text files of 4 KiB or more and stores the rest', async () => {
    const back = await readZip(await createArchive(entries, when));
    expect(back.map((e) => e.method)).toEqual([0, 8, 0]);
    const big = DEFLATE_FROM;
    for (const name of [
      'runbooks/k8s-002/index.html',
      '_astro/site.js',
      'offline/site.js',
      'serve.mjs',
      '_astro/a.css',
      'runbooks.json',
      'favicon.svg',
      'README.txt',
    ]) {
      expect(deflates(name, big), name).toBe(true);
      expect(deflates(name, big - 1), name).toBe(false);
    }
    // Pagefind's files are gzip already (the .pagefind ones hold its WebAssembly); images, fonts and
    // file types not known to be text are stored too.
    for (const name of [
      'pagefind/wasm.en.pagefind',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/index/en_1.pf_index',
      'pagefind/filter/en_1.pf_filter',
      'pagefind/pagefind.en_1.pf_meta',
      'a.wasm',
      'a.png',
      'a.woff2',
      'a.gz',
      'LICENSE',
    ]) {
      expect(deflates(name, 1 << 20), name).toBe(false);
    }
    const fragment = gzipSync(Buffer.from('pagefind_dcd{"content":"Git drift"}'.repeat(500)), { level: 0 });
    expect(fragment.length).toBeGreaterThan(big);
    const [stored] = await readZip(
      await createArchive([{ name: 'pagefind/fragment/en_1.pf_fragment', data: fragment }], when),
    );
    expect(stored!.method).toBe(0);
    expect(stored!.data.equals(fragment)).toBe(true);
  });

  it('does not depend on the time zone of the machine that builds it', () => {
    // A fresh Node per zone: the zone is read once per process.
    const script = `import { createArchive } from './src/offline/archive.ts';
      const a = await createArchive([{ name: 'a.txt', data: Buffer.from('x') }], new Date('2026-11-21T00:00:00Z'));
      process.stdout.write(a.toString('base64'));`;
    const run = (TZ: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: projectRoot,
        env: { ...process.env, TZ },
        encoding: 'utf8',
      });
    const utc = run('UTC');
    expect(run('America/Los_Angeles')).toBe(utc);
    expect(run('Asia/Kolkata')).toBe(utc);
    // The local file header's and the central directory's DOS time and date: 00:00 on 2026-11-21,
    // the UTC date given; and no extra field in either, so no other timestamp (extended or NTFS).
    const archive = Buffer.from(utc, 'base64');
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
    expect(central).toBeGreaterThan(0);
    const day = ((2026 - 1980) << 9) | (11 << 5) | 21;
    expect([archive.readUInt16LE(10), archive.readUInt16LE(12), archive.readUInt16LE(28)]).toEqual([0, day, 0]);
    expect([
      archive.readUInt16LE(central + 12),
      archive.readUInt16LE(central + 14),
      archive.readUInt16LE(central + 30),
    ]).toEqual([0, day, 0]);
  }, 60_000); // three fresh Node processes: slow on a loaded machine, and not a timing test

  // The fewest entries that need zip64, small so that they are stored: the test is about the count.
  it('writes zip64 past 65,535 entries and reads all of them back', async () => {
    const count = 65_536;
    const name = (i: number) => `runbooks/${String(i).padStart(5, '0')}.txt`;
    const many = Array.from({ length: count }, (_, i) => ({ name: name(i), data: Buffer.from(`runbook ${i}\n`) }));
    const archive = await createArchive(many, when);
    // The zip64 end of central directory record and its locator, then the classic record saying so.
    const zip64End = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    expect(zip64End).toBeGreaterThan(0);
    expect(archive.readBigUInt64LE(zip64End + 32)).toBe(BigInt(count));
    expect(archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBeGreaterThan(zip64End);
    expect(archive.readUInt16LE(archive.length - 22 + 10)).toBe(0xffff);
    const back = await readZip(archive);
    expect(back.length).toBe(count);
    const wrong = back.filter(
      (e, i) => e.name !== name(i) || e.data.toString() !== `runbook ${i}\n` || e.mode !== 0o100644,
    );
    expect(wrong).toEqual([]);
    const packed = readPackedEntries(archive);
    expect(packed.size).toBe(count);
    expect((await createArchive([...packed.values()], when)).equals(archive)).toBe(true);
  }, 60_000);
});
