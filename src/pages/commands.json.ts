/**
 * commands.json: the command catalogue (src/schemas/command-catalogue.ts) that `runbook` and the
 * companion read. Each runbook's steps are what the command-block plugin recorded while rendering
 * its page (remarkPluginFrontmatter.commandSteps), so the catalogue is the page's own commands.
 */
import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { catalogueEntry, commandCatalogue, type StepEntry } from '../schemas/command-catalogue.ts';
import { loadRunbooks } from '../site/runbooks.ts';

export const GET: APIRoute = async ({ site }) => {
  const entries = await Promise.all(
    (await loadRunbooks()).map(async (runbook) => {
      const { remarkPluginFrontmatter } = await render(runbook.entry);
      const steps = (remarkPluginFrontmatter['commandSteps'] ?? []) as StepEntry[];
      return catalogueEntry({ ...runbook, url: site ? new URL(runbook.url, site).href : runbook.url }, steps);
    }),
  );
  return new Response(JSON.stringify(commandCatalogue(entries), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
