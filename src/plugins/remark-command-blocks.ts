/**
 * Plain fenced shell blocks (bash, sh, shell, console) become command blocks: one copy button per
 * command, a safety class on each, placeholders ready for the variables panel. The page's variables
 * are handed to the page as `commandVariables` in remarkPluginFrontmatter; its commands, as they
 * were rendered and are copied, as `commandSteps` (with the heading each sits under): the command
 * catalogue (commands.json) is made of those, so it holds exactly what the page shows; and its first
 * step as `firstStep`: the first command under a Diagnosis heading (or else the page's first
 * command), which the runbook page shows on its first screen. Fences marked wrong="…" are left alone:
 * a command a guide got wrong is shown, never offered for copying or running.
 */
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { copyText } from '../commands/block.ts';
import { commandBlockHtml } from '../commands/render.ts';
import { blockSteps, stepParts } from '../commands/steps.ts';
import { commandBlocksOf } from '../markdown/code-blocks.ts';
import { headingAt, headingsOf, headingTrail, type Heading } from '../markdown/headings.ts';
import { collectVariables, type PlaceholderSpan } from '../domain/placeholders.ts';
import type { StepEntry } from '../schemas/command-catalogue.ts';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

/** The command a person arriving from an alert runs first, shown again at the top of the page. */
export interface FirstStep {
  /** A command block of that command alone; its step ID is the original's, so ticking one ticks both. */
  html: string;
  /** The headings it sits under, outermost first: where it is on the page. */
  trail: { text: string; anchor: string }[];
}

const isDiagnosis = (trail: readonly Heading[]) => trail.some((h) => /^diagnos/i.test(h.text.trim()));

const isMdx = (file: VFile) => /\.mdx$/i.test(file.path ?? '');

export default function remarkCommandBlocks() {
  return async (tree: Root, file: VFile) => {
    // The same blocks the validator checks (src/markdown/code-blocks.ts), less the marked-wrong ones.
    const blocks = commandBlocksOf(tree);
    if (blocks.length === 0) return;
    const headings = headingsOf(tree);

    const placeholders: PlaceholderSpan[] = [];
    const steps: StepEntry[] = [];
    let first: { code: string; step: number; trail: Heading[] } | undefined;
    for (const { node, code, lang, line } of blocks) {
      // Numbered from the steps before it, so each command element's data-step is its catalogue index.
      const firstStep = steps.length;
      const built = await commandBlockHtml(code, lang, firstStep);
      placeholders.push(...built.placeholders);
      const offset = node.position?.start.offset ?? 0;
      const at = headingAt(headings, offset);
      const heading = at && { text: at.text, anchor: at.anchor, depth: at.depth };
      steps.push(...blockSteps(built.block, line).map((step) => ({ heading, ...step })));
      const command = stepParts(built.block)[0]?.part;
      if (command && !(first && isDiagnosis(first.trail))) {
        const trail = headingTrail(headings, offset);
        if (!first || isDiagnosis(trail)) first = { code: copyText(built.block, command), step: firstStep, trail };
      }
      // The block goes in as one string of HTML, not as a tree: in Markdown as raw HTML, in MDX as
      // <Fragment set:html="…" /> (MDX would turn every highlighted token into a JSX call, making each
      // runbook's module about fifteen times larger and slower to build). The markup is the same.
      const { html } = built;
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
    if (first) {
      // The box's one command is the same step as in the body: the same catalogue index.
      const { html } = await commandBlockHtml(first.code, 'bash', first.step);
      const firstStep: FirstStep = {
        html,
        trail: first.trail.map(({ text, anchor }) => ({ text, anchor })),
      };
      data.astro.frontmatter['firstStep'] = firstStep;
    }
  };
}
