/**
 * Renders a runbook's or guide's Markdown to the HTML of its page: the site's pipeline
 * (site-pipeline.ts) with Astro's own Shiki and heading-id passes (@astrojs/markdown-remark), over
 * the one parse (parse.ts), so the build parses each file once for its checks, its validation and its
 * page. Raw HTML (command blocks among it) goes out as written: nothing here needs it as elements, and
 * re-parsing it was a third of the cost of a page. Node only.
 */
import { rehypeHeadingIds, rehypeShiki, type MarkdownHeading } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkSmartQuotes from '../plugins/remark-smart-quotes.ts';
import { cjkRuns } from '../text/cjk.ts';
import { withoutFrontmatter } from './frontmatter.ts';
import { parseMarkdown } from './parse.ts';
import { REMARK_PLUGINS, SHIKI_CONFIG, SMARTYPANTS, SYNTAX_HIGHLIGHT } from './site-pipeline.ts';

export interface RenderedPage {
  html: string;
  headings: MarkdownHeading[];
  /** What the remark plugins found: the page's command variables. */
  pluginData: Record<string, unknown>;
  /** The body's Chinese, Japanese and Korean runs, which the page's search fields index as bigrams. */
  cjkText: string;
}

const pipeline = unified()
  .use(remarkSmartQuotes, SMARTYPANTS)
  .use(REMARK_PLUGINS)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeShiki, SHIKI_CONFIG, SYNTAX_HIGHLIGHT.excludeLangs)
  .use(rehypeHeadingIds)
  .use(rehypeStringify, { allowDangerousHtml: true });

interface AstroData {
  astro: { frontmatter: Record<string, unknown>; headings?: MarkdownHeading[] };
}

/**
 * Renders a parsed Markdown file (src/markdown/parse.ts). The tree is transformed in place: parse the
 * file again for anything else. `source` is the file's text, which plugins read directives from.
 */
export async function renderTree(tree: Root, source: string, filePath: string): Promise<RenderedPage> {
  const file = new VFile({ value: source, path: filePath, data: { astro: { frontmatter: {} } } satisfies AstroData });
  const hast = await pipeline.run(tree, file);
  const html = String(pipeline.stringify(hast, file));
  const { astro } = file.data as unknown as AstroData;
  return {
    html,
    headings: astro.headings ?? [],
    pluginData: astro.frontmatter,
    cjkText: cjkRuns(withoutFrontmatter(source)),
  };
}

/** Renders a Markdown file's text (frontmatter included: its lines are kept blank). */
export function renderMarkdown(source: string, filePath: string): Promise<RenderedPage> {
  return renderTree(parseMarkdown(source).tree, source, filePath);
}
