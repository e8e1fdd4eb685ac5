import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema, runbookSchema } from './schemas/runbook.ts';
import { treeSchema } from './schemas/tree.ts';

// RUNBOOKS_CONTENT_DIR lets tests and other teams build the site from another content folder.
const contentDir = process.env.RUNBOOKS_CONTENT_DIR ?? './content';

export const collections = {
  runbooks: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: `${contentDir}/runbooks` }),
    schema: runbookSchema,
  }),
  guides: defineCollection({
    // The file name is the guide's ID, which runbooks name in source.guide.
    loader: glob({ pattern: '*.{md,mdx}', base: `${contentDir}/guides` }),
    schema: guideSchema,
  }),
  trees: defineCollection({
    // The file name is the tree's ID: content/trees/triage.yaml is served at /triage/.
    loader: glob({ pattern: '*.{yaml,yml}', base: `${contentDir}/trees` }),
    schema: treeSchema,
  }),
};
