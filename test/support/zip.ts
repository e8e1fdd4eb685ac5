/** Reads a zip archive (zip64 too) with yauzl, for tests of the offline copy. */
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';

export interface ReadEntry {
  name: string;
  data: Buffer;
  /** Unix file type and permission bits. */
  mode: number;
  /** 0 stored, 8 deflated. */
  method: number;
}

export async function readZip(archive: Buffer): Promise<ReadEntry[]> {
  const zip = await fromBufferPromise(archive, { strictFileNames: true });
  const entries: ReadEntry[] = [];
  for await (const entry of zip.eachEntry()) {
    entries.push({ name: entry.fileName, data: await buffer(await zip.openReadStreamPromise(entry)), mode: entry.externalFileAttributes >>> 16, method: entry.compressionMethod });
  }
  return entries;
}
