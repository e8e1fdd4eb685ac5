/**
 * The offline copy's reproducible archive: a zip written by archiver, in zip64 form where it needs to
 * be (past 65,535 entries, or 4 GiB), which the copy of a large catalogue reaches: about 9 files a
 * runbook (its page, 7 redirect pages for the spellings of its ID and alias, a search fragment), so
 * 65,535 at about 7,000 runbooks.
 *
 * The archive is named by version, content date and commit, and a rebuild of the same content must
 * give the same bytes (checked by the e2e reproducibility test), so nothing in it comes from the build
 * itself: every entry has the one date passed in (not the clock or a file's mtime), entries are in
 * name order (not the order the files were read), modes are fixed (not the umask), deflate runs at a
 * fixed level, and the date is written the same way in every time zone: archiver writes the DOS date
 * and time from the Date's UTC fields (we never set its forceLocalTime) and no extended-timestamp
 * extra field.
 *
 * What is deflated (see `deflates`): text files (HTML, JavaScript, CSS, JSON, SVG, plain text,
 * scripts) of DEFLATE_FROM bytes or more; everything else is stored. Why:
 * - archiver deflates each entry in a zlib stream of its own (set up, then two trips to libuv's thread
 *   pool), a cost of its own for every entry whatever its size: about 0.05 ms on the idle 2-core
 *   build machine, up to 0.18 ms when its cores are busy. The runbook pages (about 20 KB,
 *   to about 4 KB) are where deflate pays. The redirect pages, 7 of every 9 entries, are about 1.4 KB
 *   in the offline copy (banner and script tag included) and deflate to about 0.65 KB: in a
 *   100,000-entry copy, deflating them too saved 55 MiB of 174 but made writing about twice as slow
 *   (5 s to 9 s on the idle machine, 19 s on a busy one), so they are stored. No text file of the
 *   site is between 2 and 4 KiB today: the threshold leaves room for long titles and summaries.
 * - Pagefind's files (.pagefind, which holds its WebAssembly, and .pf_fragment, .pf_index, .pf_filter,
 *   .pf_meta) are gzip already and do not shrink again, so deflating them is all cost; the same goes
 *   for images, fonts and any file type not named in TEXT, which are stored without a look.
 */
import { ZipArchive } from 'archiver';

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

/**
 * archiver emits every header field as a chunk of its own (about 30 an entry): keeping them all until
 * the end puts millions of small buffers in the old generation, and the garbage collector then takes
 * most of the time. They are copied into blocks of BLOCK bytes instead, and die young.
 */
const BLOCK = 1 << 20;
class Output {
  private readonly blocks: Buffer[] = [];
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  add(chunk: Buffer): void {
    if (chunk.length >= BLOCK / 4) {
      this.flush();
      this.blocks.push(chunk);
      return;
    }
    if (this.used + chunk.length > BLOCK) this.flush();
    chunk.copy(this.block, this.used);
    this.used += chunk.length;
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.blocks);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.blocks.push(this.block.subarray(0, this.used));
    this.block = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
  }
}

/** The archive of `entries`, every one dated `modified`; the same entries in any order give the same bytes. */
export async function createArchive(entries: readonly ArchiveEntry[], modified: Date): Promise<Buffer> {
  const zip = new ZipArchive({ zlib: { level: LEVEL } });
  const output = new Output();
  zip.on('data', (chunk: Buffer) => output.add(chunk));
  const ended = new Promise<void>((resolve, reject) => zip.once('end', resolve).once('error', reject));
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    zip.append(data, {
      name: entry.name,
      date: modified,
      // archiver adds the regular-file type bits.
      mode: EXECUTABLE.test(entry.name) ? 0o755 : 0o644,
      store: !deflates(entry.name, data.length),
    });
  }
  await Promise.all([zip.finalize(), ended]);
  return output.bytes();
}
