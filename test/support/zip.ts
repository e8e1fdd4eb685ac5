/** Reads a zip archive (zip64 too) with yauzl, for tests of the offline copy: the one reader of src/offline/. */
export { readZip, type ReadEntry } from '../../src/offline/read-archive.ts';
