/**
 * Plain fenced shell blocks (bash, sh, shell, console) become command blocks: one copy button per
 * command, a safety class on each, placeholders ready for the variables panel. The page's variables
 * are handed to the page as `commandVariables` in remarkPluginFrontmatter, and its commands, as they
 * were rendered and are copied, as `commandSteps` (with the heading each sits under): the command
 * catalogue (commands.json) is made of those, so it holds exactly what the page shows. Fences marked
 * wrong="…" are left alone: a command a guide got wrong is shown, never offered for copying or running.
 */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { buildCommandBlock } from '../commands/render.ts';
import { blockSteps } from '../commands/steps.ts';
import { commandBlocksOf } from '../markdown/code-blocks.ts';
import { headingAt, headingsOf } from '../markdown/headings.ts';
import { collectVariables, type PlaceholderSpan } from '../domain/placeholders.ts';
import type { StepEntry } from '../schemas/command-catalogue.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

const isMdx = (file: VFile) => /\.mdx$/i.test(file.path ?? '');

export default function remarkCommandBlocks() {
  return async (tree: Root, file: VFile) => {
    // The same blocks the validator checks (src/markdown/code-blocks.ts), less the marked-wrong ones.
    const blocks = commandBlocksOf(tree);
    if (blocks.length === 0) return;

    const headings = headingsOf(tree);
    const placeholders: PlaceholderSpan[] = [];
    const steps: StepEntry[] = [];
    for (const { node, code, lang, line } of blocks) {
      // Numbered from the steps before it, so each command element's data-step is its catalogue index.
      const { element, placeholders: found, block } = await buildCommandBlock(code, lang, steps.length);
      placeholders.push(...found);
      const at = headingAt(headings, node.position?.start.offset ?? 0);
      const heading = at && { text: at.text, anchor: at.anchor, depth: at.depth };
      steps.push(...blockSteps(block, line).map((step) => ({ heading, ...step })));
      // The block goes in as one string of HTML, not as a tree: in Markdown as raw HTML, in MDX as
      // <Fragment set:html="…" /> (MDX would turn every highlighted token into a JSX call, making each
      // runbook's module about fifteen times larger and slower to build). The markup is the same.
      const html = toHtml(element);
      if (isMdx(file)) {
        Object.assign(node, {
          type: 'mdxJsxFlowElement',
          name: 'Fragment',
          attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
          children: [],
        });
      } else Object.assign(node, { type: 'html', value: html });
    }

    const data = file.data as AstroData;
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['commandVariables'] = collectVariables(placeholders);
    data.astro.frontmatter['commandSteps'] = steps;
  };
}
