/**
 * The one Markdown parse. The site's pages (Astro's unified pipeline with @astrojs/mdx, see
 * astro.config.mjs) and everything that reads content without Astro (the snippet validator, the
 * content checks and tests) parse with the same syntax: CommonMark with GFM, directives
 * (remark-directive) and, for .mdx files, MDX. So what a page shows as a code block is exactly what
 * the validator checks and the catalogue records.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blankFrontmatter } from './frontmatter.ts';

/** Syntax the site adds to Astro's Markdown (GFM is Astro's own); astro.config.mjs lists these first. */
export const SYNTAX_PLUGINS = [remarkDirective];

export interface MarkdownSyntaxError {
  message: string;
  line: number;
  column: number;
}

export interface ParsedMarkdown {
  tree: Root;
  /** Set when an .mdx file is not valid MDX (the tree is then its CommonMark parse, so checks go on). */
  mdxError?: MarkdownSyntaxError;
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(SYNTAX_PLUGINS);
const mdx = unified().use(remarkParse).use(remarkGfm).use(SYNTAX_PLUGINS).use(remarkMdx);

/** Parses a Markdown or MDX file (frontmatter included: its lines are kept blank, so lines keep their numbers). */
export function parseMarkdown(source: string, { mdx: isMdx = false } = {}): ParsedMarkdown {
  const body = blankFrontmatter(source);
  if (!isMdx) return { tree: markdown.parse(body) };
  try {
    return { tree: mdx.parse(body) };
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } })
      .place;
    const at = place && 'start' in place && place.start ? place.start : place;
    const mdxError = {
      message: (error as { reason?: string }).reason ?? (error as Error).message,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
    };
    return { tree: markdown.parse(body), mdxError };
  }
}

export const isMdxFile = (file: string) => /\.mdx$/i.test(file);
