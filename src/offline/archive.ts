/**
 * The offline copy's reproducible archive: a zip written by yazl, in zip64 form where it needs to be
 * (past 65,535 entries, or 4 GiB), which the copy of a large catalogue reaches.
 *
 * The archive is named by version, content date and commit, and a rebuild of the same content must
 * give the same bytes (checked by the e2e reproducibility test), so nothing in it comes from the build
 * itself: every entry has the one date passed in (not the clock or a file's mtime), entries are in
 * name order (not the order the files were read), modes are fixed (not the umask), deflate runs at a
 * fixed level, and the date is written the same way in every time zone.
 */
import { deflateRawSync } from 'node:zlib';
import { ZipFile } from 'yazl';

export interface ArchiveEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array;
}

const LEVEL = 6;
const EXECUTABLE = /\.(sh|py|mjs)$/;

/**
 * yazl writes the DOS date and time fields (the only timestamp with forceDosTimestamp) from a Date's
 * local fields; this gives it a Date whose local fields are `date`'s UTC ones, so the bytes do not
 * depend on the build machine's time zone.
 */
function utcFieldsAsLocal(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
}

/** The archive of `entries`, every one dated `modified`; the same entries in any order give the same bytes. */
export async function createArchive(entries: readonly ArchiveEntry[], modified: Date): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = utcFieldsAsLocal(modified);
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    // Deflate unless it would grow the entry (tiny or already compressed files are stored).
    const compress = deflateRawSync(data, { level: LEVEL }).length < data.length;
    zip.addBuffer(data, entry.name, {
      mtime,
      mode: EXECUTABLE.test(entry.name) ? 0o100755 : 0o100644,
      forceDosTimestamp: true,
      ...(compress ? { compress: true, compressionLevel: LEVEL } : { compress: false }),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
