/**
 * A runbook's or guide's body as its page shows it. In a build, the content pass has rendered it
 * already (src/build/content-pass.ts) and the page reads the HTML it kept; with `astro dev`, or an
 * `astro build` run by hand, it is rendered here with the same renderer. MDX pages are compiled by
 * Astro. Either way: the same HTML.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { render, type CollectionEntry } from 'astro:content';
import { withoutFrontmatter } from '../markdown/frontmatter.ts';
import { renderMarkdown, type RenderedPage } from '../markdown/render.ts';
import { cjkRuns } from '../text/cjk.ts';
import { buildInputsReady } from './build-inputs.ts';
import type { StepEntry } from '../schemas/command-catalogue.ts';

export interface PageBody {
  /** The rendered HTML of a Markdown page. */
  html?: string;
  /** The component of an MDX page. */
  Content?: Awaited<ReturnType<typeof render>>['Content'];
  headings: MarkdownHeading[];
  /** What the remark plugins found: the page's command variables. */
  pluginData: Record<string, unknown>;
  /** The body's CJK runs, for the page's search fields (the store keeps no body: content-loader.ts). */
  cjkText: string;
}

/** A JSON file the build names in an environment variable (none outside a build: an empty record). */
function buildRecord<T>(variable: string): () => Promise<Record<string, T>> {
  let record: Promise<Record<string, T>> | undefined;
  return () => {
    const file = process.env[variable];
    record ??= file
      ? buildInputsReady()
          .then(() => readFile(file, 'utf8'))
          .then((text) => JSON.parse(text) as Record<string, T>)
      : Promise.resolve({});
    return record;
  };
}

const pagesManifest = buildRecord<string>('RUNBOOKS_PAGES_MANIFEST');
const keptCommandSteps = buildRecord<StepEntry[]>('RUNBOOKS_COMMAND_STEPS');

/** The commands a runbook's page shows (its render's `commandSteps`), for the command catalogue. */
export async function commandStepsOf(entry: CollectionEntry<'runbooks'>): Promise<StepEntry[]> {
  // As the content pass kept them: one file for the whole site, where each page's was 30 KB to read.
  const kept = (await keptCommandSteps())[path.resolve(process.cwd(), entry.filePath ?? '')];
  if (kept) return kept;
  return ((await pageBody(entry)).pluginData['commandSteps'] ?? []) as StepEntry[];
}

export async function pageBody(entry: CollectionEntry<'runbooks'> | CollectionEntry<'guides'>): Promise<PageBody> {
  const file = path.resolve(process.cwd(), entry.filePath ?? '');
  if (file.endsWith('.mdx')) {
    const { Content, headings, remarkPluginFrontmatter } = await render(entry);
    const cjkText = cjkRuns(withoutFrontmatter(await readFile(file, 'utf8')));
    return { Content, headings, pluginData: remarkPluginFrontmatter, cjkText };
  }
  const kept = (await pagesManifest())[file];
  const page: RenderedPage = kept
    ? (JSON.parse(await readFile(kept, 'utf8')) as RenderedPage)
    : await renderMarkdown(await readFile(file, 'utf8'), file);
  return { html: page.html, headings: page.headings, pluginData: page.pluginData, cjkText: page.cjkText };
}
