/**
 * The 404 page: an alert link with a spelling we did not generate (K8s-002, /runbooks/K8S-002,
 * /kubePodCrashLooping, /runbooks/Kubernetes/KubePodCrashLooping) is resolved through the manifest and
 * the alert list and forwarded with its query and hash; anything else gets the nearest IDs and alerts.
 */
import { idFromPath, lookUpId } from '../../domain/ids.ts';
import { renderSuggestions } from './suggestions.ts';
import { loadLinkTargets, resolveSiteUrl } from '../site-data.ts';

export async function initNotFound(root: HTMLElement): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-status]');
  const list = root.querySelector<HTMLElement>('[data-suggestions]');
  const suggestionsBlock = root.querySelector<HTMLElement>('[data-suggestions-block]');
  const manifestUrl = root.dataset['manifest'];
  const alertsUrl = root.dataset['alerts'] ?? '';
  if (!status || !list || !suggestionsBlock || !manifestUrl) return;

  const asked = idFromPath(location.pathname);
  if (!asked) return;
  const keep = location.search + location.hash;
  try {
    const { match, suggestions } = lookUpId(asked, await loadLinkTargets(manifestUrl, alertsUrl));
    if (match) {
      status.textContent = `${asked} is ${match.id}: opening ${match.title}…`;
      location.replace(resolveSiteUrl(match.url) + keep);
      return;
    }
    status.textContent = `No runbook has the ID “${asked}”.`;
    if (suggestions.length > 0) {
      renderSuggestions(list, suggestions, keep);
      suggestionsBlock.hidden = false;
    }
  } catch {
    status.textContent = 'The runbook index could not be loaded; browse the runbooks below.';
  }
}
