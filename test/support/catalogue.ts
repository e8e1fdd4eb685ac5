/**
 * Command catalogues from Markdown, for tests: the one Markdown parse and the page's own command-block
 * plugin, which records the steps the build's commands.json is made of (without Astro around it).
 * The runner's tests use it to make small sites whose commands suit the fake API server.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseMarkdown } from '../../src/markdown/parse.ts';
import remarkCommandBlocks from '../../src/plugins/remark-command-blocks.ts';
import {
  catalogueEntry,
  commandCatalogue,
  type CommandCatalogue,
  type StepEntry,
} from '../../src/schemas/command-catalogue.ts';

/** The steps the plugin records for a page's Markdown. */
export async function stepsOfMarkdown(markdown: string): Promise<StepEntry[]> {
  const { tree } = parseMarkdown(markdown, { mdx: true });
  const file = new VFile({ value: markdown, path: 'runbook.mdx' });
  await remarkCommandBlocks()(tree, file);
  const data = file.data as { astro?: { frontmatter?: { commandSteps?: StepEntry[] } } };
  return data.astro?.frontmatter?.commandSteps ?? [];
}

export interface TestRunbook {
  id: string;
  title: string;
  aliases?: string[];
  severity?: string;
  body: string;
}

export async function catalogueOf(runbooks: readonly TestRunbook[]): Promise<CommandCatalogue> {
  const entries = await Promise.all(
    runbooks.map(async (r) =>
      catalogueEntry(
        {
          id: r.id,
          aliases: r.aliases ?? [],
          title: r.title,
          severity: r.severity ?? 'critical',
          layer: 'kubernetes',
          service: 'test',
          url: `/runbooks/${r.id.toLowerCase()}/`,
        },
        await stepsOfMarkdown(r.body),
      ),
    ),
  );
  return commandCatalogue(entries);
}

/** A folder shaped like a built site, as far as the runner reads one: commands.json at its root. */
export async function writeSite(catalogue: CommandCatalogue, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), 'runbook-site-')));
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'commands.json'), JSON.stringify(catalogue, null, 2));
  return root;
}
