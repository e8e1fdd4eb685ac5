/**
 * commands.json: the command catalogue (src/schemas/command-catalogue.ts) that `runbook` and the
 * companion read. Each runbook's steps are what the command-block plugin recorded while rendering
 * its page (the content pass's plugin data: commandSteps), so the catalogue is the page's own commands;
 * and every upstream alert with the runbooks it lands on and which label fills which variable.
 */
import type { APIRoute } from 'astro';
import { catalogueAlert, catalogueEntry, commandCatalogue } from '../schemas/command-catalogue.ts';
import { mapPool } from '../fs/map-pool.ts';
import { loadAlerts } from '../site/alerts.ts';
import { commandStepsOf } from '../site/rendered.ts';
import { loadRunbooks } from '../site/runbooks.ts';

export const GET: APIRoute = async ({ site }) => {
  // A few at a time where a page file is read (MDX pages, astro dev): all 3,000 of a large site at
  // once held 250 MB of page files together.
  const entries = await mapPool(await loadRunbooks(), 8, async (runbook) => {
    const steps = await commandStepsOf(runbook.entry);
    return catalogueEntry({ ...runbook, url: site ? new URL(runbook.url, site).href : runbook.url }, steps);
  });
  // Alerts too, so `runbook run KubePodCrashLooping` (or its runbook_url) lands where the site's links do.
  const alerts = (await loadAlerts()).entries.map((a) =>
    catalogueAlert({ ...a, page: site ? new URL(a.page, site).href : a.page }),
  );
  // Compact: programs read it (`runbook`, the companion), and indented it was 43 MB at 3,000 runbooks
  // instead of 26, which Astro holds twice while it writes it and the archive deflates.
  return new Response(JSON.stringify(commandCatalogue(entries, alerts)) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
