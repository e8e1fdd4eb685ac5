/**
 * The home page's first box takes whatever the engineer has: an ID or alias in any spelling, an alert
 * name, a pasted error line, their own words. Results show in place as they type (the same search as
 * the dialog, src/client/search/controller.ts); Enter opens an exact match or a close first result,
 * never a guess. The search code loads on the first keystroke, not with the page.
 */
import { lookUpId } from '../../domain/ids.ts';
import { loadLinkTargets, resolveSiteUrl } from '../site-data.ts';

export function initIdJump(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="id"]');
  const list = form.querySelector<HTMLElement>('[data-search-results]');
  const status = form.querySelector<HTMLElement>('[data-result]');
  const manifestUrl = form.dataset['manifest'];
  const alertsUrl = form.dataset['alerts'] ?? '';
  if (!input || !list || !status || !manifestUrl) return;

  let box: Promise<import('../search/controller.ts').SearchBox> | undefined;
  const load = () =>
    (box ??= import('../search/controller.ts').then(({ bindSearchBox }) => {
      const bound = bindSearchBox({
        input,
        view: { list, status },
        manifestUrl,
        unavailable: 'Search could not load here; IDs and alert names still work: press Enter.',
      });
      void bound.run();
      return bound;
    }));
  input.addEventListener('input', () => void load(), { once: true });
  // Typed before this script arrived (a slow phone, a busy laptop): show its results now, not on the next key.
  if (input.value.trim()) void load();

  form.addEventListener('submit', async (event) => {
    const query = input.value.trim();
    if (!query) return;
    event.preventDefault();
    try {
      if ((await (await load()).submit()) !== 'nothing') return;
    } catch {
      // Search could not load: an ID or alert name still resolves through the manifest.
    }
    try {
      const { match } = lookUpId(query, await loadLinkTargets(manifestUrl, alertsUrl));
      if (match) location.assign(resolveSiteUrl(match.url) + location.search);
    } catch {
      // Without the manifest, let the name's own forwarding page (or the 404 page) resolve it.
      location.assign(new URL(encodeURIComponent(query), new URL(manifestUrl, location.href)).href);
    }
  });
}
