import { lookUpId } from '../../domain/ids.ts';
import { renderSuggestions } from './suggestions.ts';
import { loadManifest, resolveSiteUrl } from '../site-data.ts';

export function initIdJump(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="id"]');
  const result = form.querySelector<HTMLElement>('[data-result]');
  const manifestUrl = form.dataset['manifest'];
  if (!input || !result || !manifestUrl) return;

  form.addEventListener('submit', async (event) => {
    const query = input.value.trim();
    if (!query) return;
    event.preventDefault();
    try {
      const { match, suggestions } = lookUpId(query, await loadManifest(manifestUrl));
      if (match) {
        location.assign(resolveSiteUrl(match.url));
        return;
      }
      const message = document.createElement('p');
      message.textContent = suggestions.length
        ? `No runbook is called “${query}”. Did you mean:`
        : `No runbook is called “${query}”, and none is close. Browse by layer or severity below.`;
      const list = document.createElement('ul');
      renderSuggestions(list, suggestions);
      result.replaceChildren(message, ...(suggestions.length ? [list] : []));
    } catch {
      // Without the manifest, let the ID's own redirect page (or the 404 page) resolve it.
      location.assign(new URL(encodeURIComponent(query), new URL(manifestUrl, location.href)).href);
    }
  });
}
