/**
 * The headings of a parsed Markdown file with the anchors the page gives them: Astro slugs each
 * heading's text with github-slugger, in document order, one slugger per page (so a second
 * "Diagnosis" is "diagnosis-1"). The link check reads the anchors from here, the command catalogue
 * the heading each command sits under (so a step links to its place on the page), and the page's
 * first-step box the section its command comes from.
 */
import Slugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { eachOfType } from './walk.ts';

export interface Heading {
  depth: number;
  text: string;
  /** The heading's id on the page. */
  anchor: string;
  /** Offset of the heading in the parsed text. */
  offset: number;
}

/** Every heading, in file order. */
export function headingsOf(tree: Root): Heading[] {
  const slugger = new Slugger();
  const headings: Heading[] = [];
  eachOfType(tree, 'heading', (node) => {
    const text = toString(node);
    headings.push({ depth: node.depth, text, anchor: slugger.slug(text), offset: node.position?.start.offset ?? 0 });
  });
  return headings;
}

/** The headings a point sits under, outermost first: [## Diagnosis, ### 1. Check pod logs]. */
export function headingTrail(headings: readonly Heading[], offset: number): Heading[] {
  const trail: Heading[] = [];
  for (const heading of headings) {
    if (heading.offset > offset) break;
    while (trail.length > 0 && trail.at(-1)!.depth >= heading.depth) trail.pop();
    trail.push(heading);
  }
  return trail;
}

/** The last heading before an offset, or null. */
export const headingAt = (headings: readonly Heading[], offset: number): Heading | null =>
  headingTrail(headings, offset).at(-1) ?? null;
