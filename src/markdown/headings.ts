/**
 * The headings of a parsed Markdown file with the anchors the page gives them: Astro slugs each
 * heading's text with github-slugger, in document order, one slugger per page (so a second
 * "Diagnosis" is "diagnosis-1"). The command catalogue names the heading each command sits under,
 * with its anchor, so a step links to its place on the page.
 */
import Slugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export interface Heading {
  depth: number;
  text: string;
  anchor: string;
  /** Offset of the heading in the parsed text. */
  offset: number;
}

export function headingsOf(tree: Root): Heading[] {
  const slugger = new Slugger();
  const headings: Heading[] = [];
  visit(tree, 'heading', (node) => {
    const text = toString(node);
    headings.push({ depth: node.depth, text, anchor: slugger.slug(text), offset: node.position?.start.offset ?? 0 });
  });
  return headings;
}

/** The last heading before an offset, or null. */
export function headingAt(headings: readonly Heading[], offset: number): Heading | null {
  let found: Heading | null = null;
  for (const heading of headings) {
    if (heading.offset > offset) break;
    found = heading;
  }
  return found;
}
