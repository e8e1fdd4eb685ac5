/**
 * Browser side of the ID model: fetches the manifest once and resolves or suggests IDs with the very
 * functions the build uses (src/lib/ids.ts), so a spelling that works in an alert works here too.
 */
import type { ManifestEntry } from '../lib/catalog.ts';
import { buildIdIndex, resolveId, suggestIds } from '../lib/ids.ts';

let manifest: Promise<ManifestEntry[]> | undefined;

export function loadManifest(url: string): Promise<ManifestEntry[]> {
  manifest ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json() as Promise<ManifestEntry[]>;
  });
  return manifest;
}

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
      link.href = entry.url + keep;
      const id = document.createElement('strong');
      id.textContent = entry.id;
      link.append(id, ` — ${entry.title}`);
      item.append(link);
      return item;
    }),
  );
}
