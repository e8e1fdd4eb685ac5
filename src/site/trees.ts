/**
 * The site's access to decision trees: each tree with its commands rendered as command blocks and its
 * runbook answers resolved to titles and URLs. The graph is checked again here, as a backstop for
 * anyone running `astro build` directly (`npm run build` checks it with line numbers first).
 */
import { getCollection } from 'astro:content';
import { toHtml } from 'hast-util-to-html';
import { buildCommandBlock } from '../commands/render.ts';
import { routes } from '../domain/routes.ts';
import type { PlaceholderSpan } from '../domain/placeholders.ts';
import { checkTree } from '../checks/tree-graph.ts';
import { readingOrder } from '../domain/tree-path.ts';
import type { Tree } from '../schemas/tree.ts';
import { href } from './href.ts';
import { loadGuides, loadRunbooks } from './runbooks.ts';

export interface SiteTree {
  id: string;
  url: string;
  tree: Tree;
  /** Node IDs in reading order. */
  order: string[];
  /** Rendered command blocks by node ID. */
  commandsHtml: Record<string, string>;
  placeholders: PlaceholderSpan[];
}

/** The triage tree lives at /triage/; every other tree at /trees/<id>/. */
export const treeUrl = (id: string) => href(id === 'triage' ? 'triage/' : routes.tree(id));

let loaded: Promise<SiteTree[]> | undefined;

export function loadTrees(): Promise<SiteTree[]> {
  loaded ??= (async () => {
    const [entries, runbooks, guides] = await Promise.all([getCollection('trees'), loadRunbooks(), loadGuides()]);
    return Promise.all(
      entries.map(async (entry) => {
        const problems = checkTree(
          entry.data,
          runbooks.map((r) => r.id),
          guides.map((g) => g.id),
        );
        if (problems.length > 0) {
          throw new Error(
            `decision tree ${entry.filePath ?? entry.id} is broken:\n${problems.map((p) => `  ${p.path.join('.')}: ${p.message}`).join('\n')}`,
          );
        }
        const commandsHtml: Record<string, string> = {};
        const placeholders: PlaceholderSpan[] = [];
        for (const [nodeId, node] of Object.entries(entry.data.nodes)) {
          if (!node.commands) continue;
          const block = await buildCommandBlock(node.commands, 'bash');
          commandsHtml[nodeId] = toHtml(block.element);
          placeholders.push(...block.placeholders);
        }
        return {
          id: entry.id,
          url: treeUrl(entry.id),
          tree: entry.data,
          order: readingOrder(entry.data),
          commandsHtml,
          placeholders,
        };
      }),
    );
  })();
  return loaded;
}
