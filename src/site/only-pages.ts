/**
 * A build that renders only some pages: a rebuild after an edit, when everything the pages share is
 * what the published site was made from (src/build/rebuild-plan.ts). RUNBOOKS_ONLY_PAGES names a JSON
 * list of the source files (absolute paths) whose runbook or guide page is rendered; the build takes
 * every other page from the published site. The pages made from shared inputs only (lists, trees,
 * alerts) are not rendered then; those without parameters always are (Astro has no way to leave them
 * out), and give the bytes they had. Unset, as in every other build: every page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildInputsReady } from './build-inputs.ts';

export interface PagesToRender {
  /** Whether every page is rendered (not only some). */
  every: boolean;
  /** Whether the page of this content entry (a runbook or a guide) is rendered. */
  includes(entry: { filePath?: string | undefined }): boolean;
}

let pages: Promise<PagesToRender> | undefined;

export function pagesToRender(): Promise<PagesToRender> {
  pages ??= (async () => {
    const listFile = process.env['RUNBOOKS_ONLY_PAGES'];
    if (!listFile) return { every: true, includes: () => true };
    await buildInputsReady();
    const only = new Set(JSON.parse(await readFile(listFile, 'utf8')) as string[]);
    return { every: false, includes: (entry) => only.has(path.resolve(process.cwd(), entry.filePath ?? '')) };
  })();
  return pages;
}
