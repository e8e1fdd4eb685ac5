/**
 * The headings of a parsed Markdown file with the ids the site gives them (github-slugger, as Astro
 * does, duplicates numbered in order), and the headings a point of the file sits under. The link check
 * reads the anchors from here, and the page's first-step box the section its command comes from.
 */
import Slugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export interface HeadingRef {
  depth: number;
  text: string;
  /** The heading's id on the page. */
  slug: string;
  /** Where it starts in the file. */
  offset: number;
}

/** Every heading, in file order. */
export function headingsOf(tree: Root): HeadingRef[] {
  const slugger = new Slugger();
  const headings: HeadingRef[] = [];
  visit(tree, 'heading', (heading) => {
    const text = toString(heading);
    headings.push({
      depth: heading.depth,
      text,
      slug: slugger.slug(text),
      offset: heading.position?.start.offset ?? 0,
    });
  });
  return headings;
}

/** The headings a point sits under, outermost first: [## Diagnosis, ### 1. Check pod logs]. */
export function headingTrail(headings: readonly HeadingRef[], offset: number): HeadingRef[] {
  const trail: HeadingRef[] = [];
  for (const heading of headings) {
    if (heading.offset > offset) break;
    while (trail.length > 0 && trail.at(-1)!.depth >= heading.depth) trail.pop();
    trail.push(heading);
  }
  return trail;
}
