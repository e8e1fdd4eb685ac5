/** YAML frontmatter of Markdown and MDX files: where it is, and the body without it. */
export interface Frontmatter {
  yaml: string;
  /** The file line on which the YAML text starts (the line after the opening ---). */
  firstLine: number;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Splits the YAML frontmatter off a Markdown/MDX source, or returns undefined when there is none. */
export function extractFrontmatter(source: string): Frontmatter | undefined {
  const match = FRONTMATTER.exec(source);
  if (!match || match[1] === undefined) return undefined;
  return { yaml: match[1], firstLine: 2 };
}

/** The source without its frontmatter: the body, as Astro's store keeps it. */
export function withoutFrontmatter(source: string): string {
  const match = FRONTMATTER.exec(source);
  return match ? source.slice(match[0].length) : source;
}

/**
 * The source with its frontmatter blanked (every character but newlines made a space), so a Markdown
 * parser sees only the body and every offset, line and column stays what it is in the file.
 */
export function blankFrontmatter(source: string): string {
  const match = FRONTMATTER.exec(source);
  if (!match) return source;
  return match[0].replace(/[^\n]/g, ' ') + source.slice(match[0].length);
}
