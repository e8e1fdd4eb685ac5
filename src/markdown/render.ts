/**
 * Renders a runbook's or guide's Markdown to the HTML of its page, with Astro's own Markdown processor
 * (@astrojs/markdown-remark) and the site's pipeline (site-pipeline.ts): the same HTML Astro would
 * make, made here so the build can render pages in parallel and keep what it rendered by content hash.
 * Node only.
 */
import { createMarkdownProcessor, type MarkdownHeading } from '@astrojs/markdown-remark';
import { pathToFileURL } from 'node:url';
import { REMARK_PLUGINS, SHIKI_CONFIG, SMARTYPANTS, SYNTAX_HIGHLIGHT } from './site-pipeline.ts';

export interface RenderedPage {
  html: string;
  headings: MarkdownHeading[];
  /** What the remark plugins add to the frontmatter (the page's command variables). */
  pluginData: Record<string, unknown>;
}

let processor: ReturnType<typeof createMarkdownProcessor> | undefined;

/** Renders the body of a Markdown file (the text after its frontmatter). */
export async function renderMarkdown(
  body: string,
  filePath: string,
  frontmatter: Record<string, unknown>,
): Promise<RenderedPage> {
  processor ??= createMarkdownProcessor({
    remarkPlugins: REMARK_PLUGINS,
    smartypants: SMARTYPANTS,
    syntaxHighlight: SYNTAX_HIGHLIGHT,
    shikiConfig: SHIKI_CONFIG,
  });
  const result = await (
    await processor
  ).render(body, { fileURL: pathToFileURL(filePath), frontmatter: { ...frontmatter } });
  const pluginData = Object.fromEntries(
    Object.entries(result.metadata.frontmatter).filter(([key]) => !(key in frontmatter)),
  );
  return { html: result.code, headings: result.metadata.headings, pluginData };
}
