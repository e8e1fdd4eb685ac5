/**
 * The home page's first box takes whatever the engineer has: an ID or alias in any spelling, an alert
 * name, a pasted error line, their own words. Results show in place as they type (the same search as
 * the dialog, src/client/search/controller.ts); Enter opens an exact match or a close first result,
 * never a guess. The search code loads on the first keystroke, not with the page.
 *
 * Enter pressed before this script arrived (a slow phone, a busy laptop, an engineer who types the
 * moment the page shows) sends the form to the runbook list, whose own box (`data-lands-here`) takes
 * the query from the URL and finishes the jump, replacing the list in the history.
 */
import { lookUpId } from '../../domain/ids.ts';
import { JUMP_PARAM } from '../../domain/routes.ts';
import type { Navigation } from '../search/controller.ts';
import { carriedSearch, loadLinkTargets, resolveSiteUrl } from '../site-data.ts';

export function initIdJump(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>(`input[name="${JUMP_PARAM}"]`);
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

  const open = async (query: string, how: Navigation) => {
    try {
      if ((await (await load()).submit(how)) !== 'nothing') return;
    } catch {
      // Search could not load: an ID or alert name still resolves through the manifest.
    }
    try {
      const { match } = lookUpId(query, await loadLinkTargets(manifestUrl, alertsUrl));
      if (match) location[how](resolveSiteUrl(match.url) + carriedSearch());
    } catch {
      // Without the manifest, let the name's own forwarding page (or the 404 page) resolve it.
      location[how](new URL(encodeURIComponent(query), new URL(manifestUrl, location.href)).href);
    }
  };

  input.addEventListener('input', () => void load(), { once: true });
  const arrived = new URLSearchParams(location.search).get(JUMP_PARAM)?.trim();
  if (form.dataset['landsHere'] !== undefined && arrived && !input.value.trim()) {
    input.value = arrived; // a value, never markup
    void open(arrived, 'replace');
  } else if (input.value.trim()) {
    // Typed before this script arrived: show its results now, not on the next key.
    void load();
  }

  form.addEventListener('submit', (event) => {
    const query = input.value.trim();
    if (!query) return;
    event.preventDefault();
    void open(query, 'assign');
  });
}
