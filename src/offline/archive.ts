/**
 * The offline copy's reproducible archive: a zip written here, in zip64 form where it needs to be
 * (past 65,535 entries, or 4 GiB), which the copy of a large catalogue reaches: about 9 files a
 * runbook (its page, 7 redirect pages for the spellings of its ID and alias, a search fragment), so
 * 65,535 at about 7,000 runbooks.
 *
 * The archive is named by version, content date and commit, and a rebuild of the same content must
 * give the same bytes (checked by the e2e reproducibility test), so nothing in it comes from the build
 * itself: every entry has the one date passed in (not the clock or a file's mtime), entries are in
 * name order (not the order the files were read), modes are fixed (not the umask), deflate runs at a
 * fixed level, and the date is written the same way in every time zone: the DOS date and time come
 * from the Date's UTC fields, and no extended-timestamp extra field is written.
 *
 * Written here rather than by a zip library (archiver, before) because a library deflates one entry
 * after the other: here the entries are deflated several at a time on libuv's thread pool while
 * they are written out in name order, which made the offline copy of 1,000 runbooks three times
 * faster to write. The format is the plain part of APPNOTE.TXT: a local header and the data for
 * each entry (sizes and CRC known, so no data descriptor), the central directory, its end record.
 *
 * What is deflated (see `deflates`): text files (HTML, JavaScript, CSS, JSON, SVG, plain text,
 * scripts) of DEFLATE_FROM bytes or more; everything else is stored. Why:
 * - each deflated entry is a trip to libuv's thread pool, a cost of its own whatever its size
 *   (with archiver it was about 0.05 ms on the idle 2-core build machine, up to 0.18 ms when its
 *   cores are busy). The runbook pages (about 20 KB,
 *   to about 4 KB) are where deflate pays. The redirect pages, 7 of every 9 entries, are about 1.4 KB
 *   in the offline copy (banner and script tag included) and deflate to about 0.65 KB: in a
 *   100,000-entry copy, deflating them too saved 55 MiB of 174 but made writing about twice as slow
 *   (5 s to 9 s on the idle machine, 19 s on a busy one), so they are stored. No text file of the
 *   site is between 2 and 4 KiB today: the threshold leaves room for long titles and summaries.
 * - Pagefind's files (.pagefind, which holds its WebAssembly, and .pf_fragment, .pf_index, .pf_filter,
 *   .pf_meta) are gzip already and do not shrink again, so deflating them is all cost; the same goes
 *   for images, fonts and any file type not named in TEXT, which are stored without a look.
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

export interface ArchiveEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

const LEVEL = 6;
/** Text files at least this big are deflated; smaller ones are stored. */
export const DEFLATE_FROM = 4096;
const TEXT = /\.(html?|m?js|cjs|css|json|svg|txt|md|xml|map|py|sh)$/;
const EXECUTABLE = /\.(sh|py|mjs)$/;

/** Whether the entry `name` of `size` bytes is deflated (otherwise it is stored). */
export function deflates(name: string, size: number): boolean {
  return size >= DEFLATE_FROM && TEXT.test(name);
}

const deflate = promisify(deflateRaw);
/** Entries deflated at a time, ahead of the one being written: enough to keep the thread pool busy. */
const AHEAD = 16;
const STORE = 0;
const DEFLATE = 8;
/** Names are UTF-8 (general purpose flag bit 11). */
const UTF8 = 0x0800;
const VERSION = 20;
const VERSION_ZIP64 = 45;
/** "Made by" Unix (3), so readers take the mode from the external attributes. */
const MADE_BY_UNIX = (3 << 8) | VERSION_ZIP64;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** MS-DOS time and date of `date`, from its UTC fields (2-second steps, years from 1980). */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  stored: number;
  offset: number;
  mode: number;
}

/** An entry as the archive keeps it: deflated (or stored), with the CRC and size of what it was. */
export interface PackedEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  bytes: Uint8Array;
}

/**
 * An entry packed for the archive now, on libuv's thread pool: a caller that makes thousands of
 * entries (the offline copy's pages) keeps each one deflated, not the whole site's bytes at once.
 */
export async function packEntry({ name, data }: ArchiveEntry): Promise<PackedEntry> {
  const packed = { name, crc: crc32(data), size: data.length };
  return deflates(name, data.length)
    ? { ...packed, method: DEFLATE, bytes: await deflate(data, { level: LEVEL }) }
    : { ...packed, method: STORE, bytes: data };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The archive of `entries` (as they are, or packed already by packEntry), every one dated `modified`;
 * the same entries in any order, packed or not, give the same bytes.
 */
export async function createArchive(entries: readonly (ArchiveEntry | PackedEntry)[], modified: Date): Promise<Buffer> {
  const sorted = [...entries].sort(byName);
  const { time, day } = dosDateTime(modified);
  const packed = sorted.map(() => undefined as Promise<PackedEntry> | undefined);
  const pack = (i: number) => {
    const entry = sorted[i]!;
    return (packed[i] ??= 'bytes' in entry ? Promise.resolve(entry) : packEntry(entry));
  };

  const chunks: Uint8Array[] = [];
  let offset = 0;
  const emit = (chunk: Uint8Array) => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  const written: Written[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let k = i; k < Math.min(sorted.length, i + AHEAD); k++) void pack(k);
    const { name: entryName, method, crc, size, bytes } = await pack(i);
    packed[i] = undefined; // what is written is not kept twice
    const name = Buffer.from(entryName, 'utf8');
    const entry: Written = {
      name,
      method,
      crc,
      size,
      stored: bytes.length,
      offset,
      mode: 0o100000 | (EXECUTABLE.test(entryName) ? 0o755 : 0o644),
    };
    if (entry.size >= MAX_32 || entry.stored >= MAX_32)
      throw new Error(`${entryName}: files of 4 GiB or more are not archived`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.stored, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    emit(Buffer.concat([local, name]));
    emit(bytes);
    written.push(entry);
  }

  const directoryStart = offset;
  for (const entry of written) {
    // An offset past 4 GiB goes in a zip64 extra field.
    const far = entry.offset >= MAX_32;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    central.writeUInt16LE(far ? VERSION_ZIP64 : VERSION, 6);
    central.writeUInt16LE(UTF8, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.stored, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(entry.name.length, 28);
    central.writeUInt16LE(far ? 12 : 0, 30);
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(entry.mode * 0x10000, 38);
    central.writeUInt32LE(far ? MAX_32 : entry.offset, 42);
    const extra = Buffer.alloc(far ? 12 : 0);
    if (far) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(entry.offset), 4);
    }
    emit(Buffer.concat([central, entry.name, extra]));
  }
  const directorySize = offset - directoryStart;

  const zip64 = written.length > MAX_16 || directoryStart >= MAX_32 || directorySize >= MAX_32;
  if (zip64) {
    const recordStart = offset;
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4); // the size of the rest of the record
    record.writeUInt16LE(MADE_BY_UNIX, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    record.writeUInt32LE(0, 16); // this disk
    record.writeUInt32LE(0, 20); // the directory's disk
    record.writeBigUInt64LE(BigInt(written.length), 24);
    record.writeBigUInt64LE(BigInt(written.length), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(directoryStart), 48);
    emit(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(recordStart), 8);
    locator.writeUInt32LE(1, 16); // disks
    emit(locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(Math.min(written.length, MAX_16), 8);
  end.writeUInt16LE(Math.min(written.length, MAX_16), 10);
  end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
  end.writeUInt32LE(Math.min(directoryStart, MAX_32), 16);
  end.writeUInt16LE(0, 20);
  emit(end);
  return Buffer.concat(chunks);
}

/**
 * The entries of an archive this module wrote, as packed entries (their bytes as stored): a rebuild
 * takes the pages it did not change from the published copy's archive instead of converting and
 * deflating them again. The same entries give the same archive bytes (createArchive).
 */
export function readPackedEntries(archive: Buffer): Map<string, PackedEntry> {
  // No archive comment is written: the end record is the last 22 bytes.
  const end = archive.length - 22;
  if (end < 0 || archive.readUInt32LE(end) !== 0x06054b50)
    throw new Error('not an archive of the offline copy: no end of central directory record at its end');
  let count = archive.readUInt16LE(end + 10);
  let start = archive.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && archive.readUInt32LE(locator) === 0x07064b50) {
    const record = Number(archive.readBigUInt64LE(locator + 8));
    count = Number(archive.readBigUInt64LE(record + 32));
    start = Number(archive.readBigUInt64LE(record + 48));
  }
  const entries = new Map<string, PackedEntry>();
  for (let at = start, k = 0; k < count; k++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a zip archive: entry ${k} has no header`);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    let offset = archive.readUInt32LE(at + 42);
    // The only zip64 field this module writes in the directory: an offset past 4 GiB.
    if (offset === MAX_32) offset = Number(archive.readBigUInt64LE(at + 46 + nameLength + 4));
    const stored = archive.readUInt32LE(at + 20);
    const data = offset + 30 + archive.readUInt16LE(offset + 26) + archive.readUInt16LE(offset + 28);
    entries.set(name, {
      name,
      method: archive.readUInt16LE(at + 10),
      crc: archive.readUInt32LE(at + 16),
      size: archive.readUInt32LE(at + 24),
      bytes: archive.subarray(data, data + stored),
    });
    at += 46 + nameLength + extraLength + archive.readUInt16LE(at + 32);
  }
  return entries;
}
