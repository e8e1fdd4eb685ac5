/**
 * The content collections' loader: reads each runbook's or guide's frontmatter and body into Astro's
 * store, and renders nothing. The pages take their HTML from the build's content pass (rendered.ts),
 * which renders in parallel and keeps what it rendered by content hash; Astro's own glob loader would
 * render every entry again, one at a time. MDX entries (pages that import components) are left for
 * Astro to compile, as the glob loader does. Entries whose file did not change keep their place in
 * Astro's store (by digest).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { filesUnder } from '../fs/list.ts';
import { extractFrontmatter } from '../markdown/frontmatter.ts';

export function contentLoader({ base, recursive = true }: { base: string; recursive?: boolean }): Loader {
  return {
    name: 'runbooks-content',
    async load({ store, parseData, generateDigest, config }) {
      const root = fileURLToPath(config.root);
      const dir = path.resolve(root, base);
      const files = (await filesUnder(dir, /\.mdx?$/)).filter((f) => recursive || path.dirname(f) === dir);
      const untouched = new Set(store.keys());
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        const id = path
          .relative(dir, file)
          .replace(/\.mdx?$/, '')
          .split(path.sep)
          .join('/');
        const filePath = path.relative(root, file).split(path.sep).join('/');
        const digest = generateDigest(text);
        untouched.delete(id);
        const existing = store.get(id);
        const mdx = file.endsWith('.mdx');
        if (existing?.digest === digest && existing.filePath === filePath) {
          if (mdx) store.addModuleImport(filePath);
          continue;
        }
        const data = (parseYaml(extractFrontmatter(text)?.yaml ?? '') ?? {}) as Record<string, unknown>;
        const parsed = await parseData({ id, data, filePath: file });
        // No body: Astro bundles its whole store into the build's server code, and the bodies were
        // nine tenths of it (21 of 23 MB at 3,000 runbooks: 6 s of Astro's 20 and 200 MB). The pages
        // read their HTML, and the little of the source that search needs, from rendered.ts.
        store.set({ id, data: parsed, filePath, digest, ...(mdx ? { deferredRender: true } : {}) });
        if (mdx) store.addModuleImport(filePath);
      }
      for (const id of untouched) store.delete(id);
    },
  };
}
