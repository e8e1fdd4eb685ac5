/**
 * Astro keeps each entry's parsed frontmatter in its content store (data-store.json in the cache) and
 * clears it only when the text of src/content.config.ts changes, not when a schema it imports does: a
 * new field with a default (kind: incident) would be missing from every page until the cache went.
 * So the build keeps a digest of the schema sources beside the store and drops the store when it
 * differs. Node only.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The files the content collections' schemas are made of (content.config.ts imports them). */
async function schemaSources(root: string): Promise<string[]> {
  const schemas = (await readdir(path.join(root, 'src/schemas'))).filter((f) => f.endsWith('.ts'));
  return [
    'src/content.config.ts',
    'src/domain/vocabulary.ts',
    ...schemas.sort().map((f) => path.join('src/schemas', f)),
  ];
}

export async function schemaDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await schemaSources(root)) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(root, file)));
  }
  return hash.digest('hex');
}

const DIGEST_FILE = 'content-schema.sha256';

/** Removes Astro's content store from `cacheDir` when the schemas changed since it was written. */
export async function dropStaleContentStore(root: string, cacheDir: string): Promise<boolean> {
  const digest = await schemaDigest(root);
  const recorded = await readFile(path.join(cacheDir, DIGEST_FILE), 'utf8').catch(() => undefined);
  if (recorded === digest) return false;
  await rm(path.join(cacheDir, 'data-store.json'), { force: true });
  await mkdir(cacheDir, { recursive: true });
  await writeFile(path.join(cacheDir, DIGEST_FILE), digest);
  return recorded !== undefined;
}
