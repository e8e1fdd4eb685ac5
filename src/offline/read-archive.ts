/**
 * Reads a zip archive (zip64 too) with yauzl: the tests of the offline copy and the search benchmark
 * (which opens the copy from disk) read the archive the build wrote. Node only.
 */
import type { Readable } from 'node:stream';
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
    entries.push({
      name: entry.fileName,
      data: await buffer(await zip.openReadStreamPromise(entry)),
      mode: entry.externalFileAttributes >>> 16,
      method: entry.compressionMethod,
    });
  }
  return entries;
}

/** The stream's bytes (node:stream/consumers' buffer() goes through a Blob and is slower per entry). */
async function buffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
