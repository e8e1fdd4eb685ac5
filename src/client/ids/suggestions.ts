/**
 * The runbooks an ID that resolves to none probably meant, as links (the 404 page, the jump box). The
 * suggestions come from the ID model (src/domain/ids.ts), so a spelling that works in an alert works here too.
 */
import { resolveSiteUrl } from '../site-data.ts';

/** Fills a list with links to suggested runbooks (or alerts); values go in as text, never as markup. */
export function renderSuggestions(
  list: HTMLElement,
  suggestions: readonly { id: string; title: string; url: string }[],
  keep = '',
): void {
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
