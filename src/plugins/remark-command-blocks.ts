/**
 * Plain fenced shell blocks (bash, sh, shell, console) become command blocks: one copy button per
 * command, a safety class on each, placeholders ready for the variables panel. The page's variables
 * are handed to the page as `commandVariables` in remarkPluginFrontmatter. Fences marked wrong="…"
 * are left alone: a command a guide got wrong is shown, never offered for copying.
 */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { buildCommandBlock } from '../commands/render.ts';
import { commandBlocksOf } from '../markdown/code-blocks.ts';
import { collectVariables, type PlaceholderSpan } from '../domain/placeholders.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function remarkCommandBlocks() {
  return async (tree: Root, file: VFile) => {
    // The same blocks the validator checks (src/markdown/code-blocks.ts), less the marked-wrong ones.
    const blocks = commandBlocksOf(tree);
    if (blocks.length === 0) return;

    const placeholders: PlaceholderSpan[] = [];
    for (const { node, code, lang } of blocks) {
      const { element, placeholders: found } = await buildCommandBlock(code, lang);
      placeholders.push(...found);
      // The block goes in as one string of HTML (<Fragment set:html="…" />), not as a tree: MDX would
      // turn every highlighted token into a JSX call, making each runbook's module about fifteen times
      // larger and slower to build. The markup is the same.
      Object.assign(node, {
        type: 'mdxJsxFlowElement',
        name: 'Fragment',
        attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: toHtml(element) }],
        children: [],
      });
    }

    const data = file.data as AstroData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['commandVariables'] = collectVariables(placeholders);
  };
}
