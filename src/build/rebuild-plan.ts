/**
 * What a rebuild must make again. Every page of the site is made from two kinds of input: what every
 * page shares (the project's code and settings, the version, each runbook's and guide's frontmatter,
 * the decision trees, the alert files: the lists, the navigation, the link pages and the search data
 * all come from these) and, for a runbook's or a guide's own page, that file's body. When the shared
 * inputs are those the published site was made from, only the pages whose file changed are rendered
 * again and everything else is taken from the published site; otherwise the whole site is built.
 * Bodies are all that an edit usually changes: one runbook edited in a 3,000-runbook site renders one
 * page instead of 3,030.
 *
 * Which pages read a body is what decides this (src/site/rendered.ts: a runbook's page, a guide's page,
 * commands.json, which is rendered on every build); Astro's content store holds no body
 * (src/site/content-loader.ts). MDX files count as shared whole: Astro compiles them into the site's
 * code, which every page is made by. Pure: no disk, no clock.
 */
import { extractFrontmatter } from '../markdown/frontmatter.ts';
import { isMdxFile } from '../markdown/parse.ts';
import { sha256 } from './cache.ts';

/** What the published site was made from, which the build keeps in its cache for the next one. */
export interface BuiltFrom {
  /** The build folder it describes (the one the output links to). */
  build: string;
  /** The key of the inputs every page shares (sharedKey). */
  shared: string;
  /** Each runbook's and guide's own key (its content-pass key), by absolute source path. */
  pages: Record<string, string>;
}

export type RebuildPlan =
  | { whole: true; reason: string }
  /** Only these pages (absolute source paths) are rendered again; none when no file changed. */
  | { whole: false; pages: string[] };

/** What every page is made from: the content's part of it (the content pass computes this). */
export function sharedContentKey(
  toolchain: string,
  pages: readonly { path: string; text: string }[],
  others: readonly { path: string; bytes: Uint8Array }[],
): string {
  const parts = [toolchain];
  for (const page of [...pages].sort(byPath)) {
    // An MDX page's body is compiled into the site's code; a Markdown page's is read by its own page only.
    const shared = isMdxFile(page.path) ? page.text : (extractFrontmatter(page.text)?.yaml ?? '');
    parts.push(`page ${page.path}`, shared);
  }
  for (const file of [...others].sort(byPath))
    parts.push(`file ${file.path}`, Buffer.from(file.bytes).toString('base64'));
  return sha256(...parts);
}

/** The whole key: the content's part, the version the pages show, and the settings the build reads. */
export function sharedKey(
  contentKey: string,
  version: unknown,
  settings: Readonly<Record<string, string | undefined>>,
): string {
  return sha256(contentKey, JSON.stringify(version), JSON.stringify(Object.entries(settings).sort()));
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The plan for a build whose inputs are `now`, the output serving build folder `published` (none
 * when there is no site yet), and `before` the record of what that site was made from.
 */
export function planRebuild(
  before: BuiltFrom | undefined,
  published: string | undefined,
  now: Omit<BuiltFrom, 'build'>,
): RebuildPlan {
  if (!before || !published) return { whole: true, reason: 'no earlier build' };
  if (before.build !== published) return { whole: true, reason: 'the published site is not the last build' };
  if (before.shared !== now.shared) return { whole: true, reason: 'frontmatter, settings or the project changed' };
  const paths = Object.keys(now.pages);
  if (paths.length !== Object.keys(before.pages).length || paths.some((p) => !(p in before.pages)))
    return { whole: true, reason: 'pages were added or removed' };
  return { whole: false, pages: paths.filter((p) => before.pages[p] !== now.pages[p]).sort() };
}
