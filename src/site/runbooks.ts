/**
 * The site's access to content: loads the collections once, checks the catalog (a backstop for
 * anyone running `astro build` directly; `npm run build` checks with line numbers before this runs)
 * and hands pages plain, sorted data.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { toListed, type ListedRunbook } from '../catalog/listing.ts';
import { checkCatalog } from '../checks/catalog.ts';
import { formatDiagnostic } from '../checks/diagnostics.ts';
import { routes } from '../domain/routes.ts';
import { href } from './href.ts';

export interface SiteRunbook extends ListedRunbook {
  entry: CollectionEntry<'runbooks'>;
}

export interface SiteGuide {
  id: string;
  url: string;
  entry: CollectionEntry<'guides'>;
}

// Shared by every page of the build, so frozen: a page that sorted the list in place reordered it
// under commands.json while that endpoint was reading it (runbooks twice and others missing).
let loadedRunbooks: Promise<readonly SiteRunbook[]> | undefined;
let loadedGuides: Promise<readonly SiteGuide[]> | undefined;

export function loadGuides(): Promise<readonly SiteGuide[]> {
  loadedGuides ??= getCollection('guides').then((entries) =>
    Object.freeze(
      entries
        .map((entry) => ({ id: entry.id, url: href(routes.guide(entry.id)), entry }))
        .sort((a, b) => a.entry.data.order - b.entry.data.order || a.id.localeCompare(b.id)),
    ),
  );
  return loadedGuides;
}

export function loadRunbooks(): Promise<readonly SiteRunbook[]> {
  loadedRunbooks ??= (async () => {
    const [entries, guides] = await Promise.all([getCollection('runbooks'), loadGuides()]);
    const problems = checkCatalog(
      entries.map((e) => ({
        file: e.filePath ?? e.id,
        id: e.data.id,
        aliases: e.data.aliases,
        related: e.data.related,
        guide: e.data.source.guide,
        locate: () => ({ line: 0, column: 0 }),
      })),
      [],
      guides.map((g) => g.id),
    );
    if (problems.length > 0) {
      throw new Error(`runbook catalog is inconsistent:\n${problems.map(formatDiagnostic).join('\n')}`);
    }
    return Object.freeze(
      entries.map((entry) => ({
        ...toListed(entry.data, href(routes.runbook(entry.data.id))),
        entry,
      })),
    );
  })();
  return loadedRunbooks;
}
