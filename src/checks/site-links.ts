import { decodeEntities } from '../text/html.ts';

/**
 * Finds internal links and anchors of a built site that lead nowhere. Works on the output folder's
 * files as a map from site path to content, so it serves the build tests and the offline bundle alike.
 */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const LINK_ATTRIBUTE = /<(?:a|link|script|img|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"/gi;
const ID_ATTRIBUTE = /\s(?:id|name)="([^"]*)"/gi;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function linksOf(html: string): string[] {
  return [...html.matchAll(LINK_ATTRIBUTE)].map((m) => decodeEntities(m[1]!));
}

export function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID_ATTRIBUTE)].map((m) => decodeEntities(m[1]!)));
}

/** The file a site path is served from: "/runbooks/k8s-002/" -> "runbooks/k8s-002/index.html". */
export function fileFor(pathname: string, files: ReadonlySet<string>): string | undefined {
  const path = decodeURIComponent(pathname).replace(/^\/+/, '');
  const candidates =
    path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`, `${path}.html`];
  return candidates.find((c) => files.has(c));
}

/**
 * @param pages  HTML files by their path in the output folder ("runbooks/k8s-002/index.html")
 * @param files  every file in the output folder
 */
export function findBrokenLinks(pages: ReadonlyMap<string, string>, files: ReadonlySet<string>): BrokenLink[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsIn = (file: string) => {
    let set = anchors.get(file);
    if (!set) anchors.set(file, (set = anchorsOf(pages.get(file) ?? '')));
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const [page, html] of pages) {
    const pageUrl = new URL(`http://site/${page.replace(/index\.html$/, '')}`);
    for (const href of linksOf(html)) {
      if (href === '' || EXTERNAL.test(href)) continue;
      const url = new URL(href, pageUrl);
      const target = fileFor(url.pathname, files);
      if (!target) {
        broken.push({ page, href, reason: 'no such page or file' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !anchorsIn(target).has(anchor)) {
        broken.push({ page, href, reason: `${target} has no element with id "${anchor}"` });
      }
    }
  }
  return broken;
}
