/**
 * Browser side of the ID model: resolves or suggests IDs with the very functions the build uses
 * (src/domain/ids.ts), so a spelling that works in an alert works here too.
 */
import type { ManifestEntry } from '../catalog/listing.ts';
import { buildIdIndex, resolveId, suggestIds } from '../domain/ids.ts';
import { resolveSiteUrl } from './site-data.ts';

export { loadManifest } from './site-data.ts';

export interface Lookup {
  match?: ManifestEntry;
  suggestions: ManifestEntry[];
}

export function lookUp(query: string, entries: readonly ManifestEntry[]): Lookup {
  const match = resolveId(query, buildIdIndex(entries));
  return match ? { match, suggestions: [] } : { suggestions: suggestIds(query, entries) };
}

/** Fills a list with links to suggested runbooks; values go in as text, never as markup. */
export function renderSuggestions(list: HTMLElement, suggestions: readonly ManifestEntry[], keep = ''): void {
  list.replaceChildren(
    ...suggestions.map((entry) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = resolveSiteUrl(entry.url) + keep;
      const id = document.createElement('strong');
      id.textContent = entry.id;
      link.append(id, ` — ${entry.title}`);
      item.append(link);
      return item;
    }),
  );
}
