/**
 * Plain fenced shell blocks (bash, sh, shell, console) become command blocks: one copy button per
 * command, a safety class on each, placeholders ready for the variables panel. The page's variables
 * are handed to the page as `commandVariables` in remarkPluginFrontmatter. Fences marked wrong="…"
 * are left alone: a command a guide got wrong is shown, never offered for copying.
 */
import type { Code, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { SHELL_BLOCK_LANGS } from '../lib/commands/block.ts';
import { buildCommandBlock } from '../lib/commands/render.ts';
import { parseFenceMeta } from '../lib/fence-meta.ts';
import { collectVariables, type PlaceholderSpan } from '../lib/placeholders.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkCommandBlocks() {
  return async (tree: Root, file: VFile) => {
    const blocks: Code[] = [];
    visit(tree, 'code', (node: Code) => {
      if (node.lang && SHELL_BLOCK_LANGS.has(node.lang.toLowerCase()) && !parseFenceMeta(node.meta)['wrong']) blocks.push(node);
    });
    if (blocks.length === 0) return;

    const placeholders: PlaceholderSpan[] = [];
    for (const node of blocks) {
      const { element, placeholders: found } = await buildCommandBlock(node.value, node.lang!.toLowerCase());
      placeholders.push(...found);
      // Replace the code node in place with one that mdast-util-to-hast renders as our element.
      Object.assign(node, {
        type: 'commandBlock',
        data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children },
      });
    }

    const data = file.data as AstroData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['commandVariables'] = collectVariables(placeholders);
  };
}
