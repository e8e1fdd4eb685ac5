/**
 * Site-relative URLs. Every internal link goes through here so the site works under any `base`
 * (e.g. https://example.com/runbooks/) and so the offline bundle has one place to rewrite links.
 */
import { idSlug } from './ids.ts';

/** Joins the configured base ("/", "/docs" or "/docs/") with a site path ("runbooks/k8s-002/"). */
export function joinBase(base: string, path: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return head + path.replace(/^\/+/, '');
}

/**
 * The home page's box sends what was typed as `?id=` to the runbook list (routes.allRunbooks), which
 * finishes the jump there when the box's script had not loaded yet; the parameter is the box's own and
 * is not carried on to the runbook (whose parameters fill its placeholders).
 */
export const JUMP_PARAM = 'id';

/** A query string ("?id=x&pod=a") without one parameter ("?pod=a"); "" when nothing is left. */
export function searchWithout(search: string, name: string): string {
  const params = new URLSearchParams(search);
  if (!params.has(name)) return search;
  params.delete(name);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

export const routes = {
  home: () => '',
  runbook: (id: string) => `runbooks/${idSlug(id)}/`,
  allRunbooks: () => 'runbooks/',
  layers: () => 'layer/',
  layer: (layer: string) => `layer/${layer}/`,
  severities: () => 'severity/',
  severity: (severity: string) => `severity/${severity}/`,
  services: () => 'service/',
  service: (service: string) => `service/${service}/`,
  guides: () => 'guides/',
  guide: (guideId: string) => `guides/${guideId}/`,
  triage: () => 'triage/',
  trees: () => 'trees/',
  tree: (treeId: string) => `trees/${treeId}/`,
  manifest: () => 'runbooks.json',
  commandCatalogue: () => 'commands.json',
  alerts: () => 'alerts/',
  /** An alert's own page: the side-by-side page, or its "no runbook yet" page. */
  alert: (name: string) => `alerts/${name.toLowerCase()}/`,
  /** kube-prometheus's runbook URL path: <base>/<component>/<alert name in lower case>. */
  alertRunbookUrl: (component: string, name: string) => `runbooks/${component}/${name.toLowerCase()}/`,
  alertManifest: () => 'alerts.json',
  /** Every ID, alias and alert name as its key, to the page of its link: search looks up exact names here. */
  idKeys: () => 'id-keys.json',
  /** The word statistics search ranks by (written by the build with the Pagefind index). */
  searchTerms: () => 'search-terms.json',
  /** The folders of the search index's other parts, which the browser merges into pagefind/'s (src/search/index-parts.ts). */
  searchIndexParts: () => 'pagefind/parts.json',
};
