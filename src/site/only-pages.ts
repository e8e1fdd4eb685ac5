/**
 * A build that renders only some pages: a rebuild after an edit, when everything the pages share is
 * what the published site was made from (src/build/rebuild-plan.ts). RUNBOOKS_ONLY_PAGES names a JSON
 * list of the source files (absolute paths) whose runbook or guide page is rendered; the build takes
 * every other page from the published site. The pages made from shared inputs only (lists, trees,
 * alerts) are not rendered then; those without parameters always are (Astro has no way to leave them
 * out), and give the bytes they had. Unset, as in every other build: every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const listFile = process.env['RUNBOOKS_ONLY_PAGES'];
const only = listFile ? new Set(JSON.parse(readFileSync(listFile, 'utf8')) as string[]) : undefined;

/** Whether every page is rendered (not only some). */
export const rendersEveryPage = (): boolean => only === undefined;

/** Whether the page of this content entry (a runbook or a guide) is rendered. */
export const rendersPageOf = (entry: { filePath?: string | undefined }): boolean =>
  only === undefined || only.has(path.resolve(process.cwd(), entry.filePath ?? ''));
