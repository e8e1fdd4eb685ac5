import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentLoader } from './site/content-loader.ts';
import { guideSchema, runbookSchema } from './schemas/runbook.ts';
import { treeSchema } from './schemas/tree.ts';

// RUNBOOKS_CONTENT_DIR lets tests and other teams build the site from another content folder.
const contentDir = process.env.RUNBOOKS_CONTENT_DIR ?? './content';

export const collections = {
  runbooks: defineCollection({
    // Pages take their HTML from the build's content pass (src/site/rendered.ts): the loader renders nothing.
    loader: contentLoader({ base: `${contentDir}/runbooks` }),
    schema: runbookSchema,
  }),
  guides: defineCollection({
    // The file name is the guide's ID, which runbooks name in source.guide.
    loader: contentLoader({ base: `${contentDir}/guides`, recursive: false }),
    schema: guideSchema,
  }),
  trees: defineCollection({
    // The file name is the tree's ID: content/trees/triage.yaml is served at /triage/.
    loader: glob({ pattern: '*.{yaml,yml}', base: `${contentDir}/trees` }),
    schema: treeSchema,
  }),
};
