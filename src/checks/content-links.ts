/**
 * Links in runbooks and guides that would lead nowhere on the built site (`[x](/runbooks/nope-999/)`,
 * `/guides/nope/`, `/NOPE-999`, `#no-such-heading`), found before the site is built. Links are
 * resolved as the site serves them: its routes (src/domain/routes.ts), every runbook, guide and tree,
 * and the short alert links, any spelling of an ID or alias (the 404 page forwards those).
 */
import { idKey, suggestIds } from '../domain/ids.ts';
import { routes } from '../domain/routes.ts';
import { LAYERS, SEVERITIES } from '../domain/vocabulary.ts';
import type { BodyLink } from './body.ts';
import type { Diagnostic } from './diagnostics.ts';

/** Elements every runbook page has besides its headings (src/pages/runbooks/[slug].astro). */
export const RUNBOOK_PAGE_ANCHORS = ['main', 'symptoms', 'related', 'source', 'variables-title'];

export interface LinkTargets {
  runbooks: readonly { id: string; aliases: readonly string[]; anchors: ReadonlySet<string> }[];
  guides: readonly { id: string; anchors: ReadonlySet<string> }[];
  trees: readonly string[];
  services: readonly string[];
}

interface Page {
  anchors?: ReadonlySet<string>;
}

/** Every page of the site by its path without slashes at either end ("runbooks/k8s-002"). */
function sitePages(targets: LinkTargets): Map<string, Page> {
  const pages = new Map<string, Page>();
  const add = (path: string, page: Page = {}) => pages.set(path.replace(/^\/+|\/+$/g, ''), page);
  for (const path of [
    routes.home(),
    routes.allRunbooks(),
    routes.layers(),
    routes.severities(),
    routes.services(),
    routes.guides(),
    routes.trees(),
    routes.triage(),
    routes.manifest(),
    'favicon.svg',
  ])
    add(path);
  for (const layer of LAYERS) add(routes.layer(layer));
  for (const severity of SEVERITIES) add(routes.severity(severity));
  for (const service of targets.services) add(routes.service(service));
  for (const tree of targets.trees) if (tree !== 'triage') add(routes.tree(tree));
  for (const guide of targets.guides) add(routes.guide(guide.id), { anchors: guide.anchors });
  for (const runbook of targets.runbooks)
    add(routes.runbook(runbook.id), { anchors: new Set([...runbook.anchors, ...RUNBOOK_PAGE_ANCHORS]) });
  return pages;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export type LinkCheck = (file: string, links: readonly BodyLink[], ownAnchors: ReadonlySet<string>) => Diagnostic[];

/** A checker for the links of any page of the site, built once for all of them. */
export function linkChecker(targets: LinkTargets): LinkCheck {
  const pages = sitePages(targets);
  const byKey = new Map(targets.runbooks.flatMap((r) => [r.id, ...r.aliases].map((s) => [idKey(s), r] as const)));
  const suggestible = targets.runbooks.map((r) => ({ ...r, url: '' }));
  return (file, links, ownAnchors) => checkLinks(file, links, ownAnchors, pages, byKey, suggestible);
}

export const checkContentLinks = (
  file: string,
  links: readonly BodyLink[],
  ownAnchors: ReadonlySet<string>,
  targets: LinkTargets,
) => linkChecker(targets)(file, links, ownAnchors);

function checkLinks(
  file: string,
  links: readonly BodyLink[],
  ownAnchors: ReadonlySet<string>,
  pages: ReadonlyMap<string, Page>,
  byKey: ReadonlyMap<string, LinkTargets['runbooks'][number]>,
  suggestible: readonly (LinkTargets['runbooks'][number] & { url: string })[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const dead = (link: BodyLink, message: string, hint: string) =>
    diagnostics.push({
      file,
      line: link.line,
      column: link.column,
      severity: 'error',
      rule: 'links/dead',
      message,
      hint,
    });

  for (const link of links) {
    const { href } = link;
    if (href === '' || EXTERNAL.test(href)) continue;
    const [beforeHash, hash = ''] = href.split('#', 2) as [string, string?];
    const path = beforeHash.split('?')[0]!;
    const anchor = decodeURIComponent(hash);
    if (path === '') {
      if (anchor && !ownAnchors.has(anchor) && !RUNBOOK_PAGE_ANCHORS.includes(anchor)) {
        dead(
          link,
          `#${anchor} is not a heading of this page`,
          `headings here: ${[...ownAnchors].map((a) => `#${a}`).join(', ') || 'none'}`,
        );
      }
      continue;
    }
    if (!path.startsWith('/')) {
      dead(
        link,
        `${href} is a relative link: it would lead somewhere else on every page it is shown`,
        'write site links from the root: /runbooks/<id>/, /guides/<guide>/',
      );
      continue;
    }
    const key = decodeURIComponent(path)
      .replace(/^\/+|\/+$/g, '')
      .replace(/\/index\.html$/, '');
    const runbook = key.includes('/') ? undefined : byKey.get(idKey(key));
    const page = pages.get(key) ?? (runbook ? pages.get(routes.runbook(runbook.id).replace(/\/$/, '')) : undefined);
    if (!page) {
      const guess =
        key.startsWith('runbooks/') || !key.includes('/')
          ? suggestIds(key.split('/').at(-1) ?? key, suggestible, 1)[0]
          : undefined;
      dead(
        link,
        `${href} leads nowhere: the site has no page ${path}`,
        guess
          ? `did you mean /runbooks/${guess.id.toLowerCase()}/ (${guess.id})?`
          : 'link to a runbook as /runbooks/<id>/, a guide as /guides/<guide>/',
      );
      continue;
    }
    if (anchor && page.anchors && !page.anchors.has(anchor)) {
      dead(
        link,
        `${href}: the page has no heading #${anchor}`,
        `its headings: ${[...page.anchors].map((a) => `#${a}`).join(', ')}`,
      );
    }
  }
  return diagnostics;
}
