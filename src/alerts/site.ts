/**
 * What `npm run alerts` checks rule files against: the runbooks (IDs, aliases) and the upstream
 * alerts with where they land, read from a content folder the way the build reads it. Node only.
 */
import path from 'node:path';
import { alertEntries } from '../catalog/alerts.ts';
import { readAlertSources, readSources } from '../build/content-files.ts';
import { formatDiagnostic } from '../checks/diagnostics.ts';
import { checkAlertCatalogFile, checkAlertMappingFile, checkRunbookFile } from '../checks/frontmatter.ts';
import { joinBase, routes } from '../domain/routes.ts';
import type { SiteNames } from './report.ts';

export async function readSiteNames(dir: string, siteUrl?: string, base = '/'): Promise<SiteNames> {
  const href = (p: string) => joinBase(base, p);
  const runbookFiles = await readSources(path.join(dir, 'runbooks'));
  const runbooks = runbookFiles.sources.flatMap((f) => {
    const checked = checkRunbookFile(f.path, f.text);
    return checked.data
      ? [
          {
            id: checked.data.id,
            aliases: checked.data.aliases,
            title: checked.data.title,
            url: href(routes.runbook(checked.data.id)),
          },
        ]
      : [];
  });
  const files = await readAlertSources(dir);
  const catalogs = files.catalogs.map((f) => checkAlertCatalogFile(f.path, f.text));
  const mapping = files.mapping ? checkAlertMappingFile(files.mapping.path, files.mapping.text) : undefined;
  const problems = [...catalogs.flatMap((c) => c.diagnostics), ...(mapping?.diagnostics ?? [])];
  if (problems.length > 0) {
    throw new Error(
      `the site's alert data is invalid (npm run check:content says more):\n${problems.map(formatDiagnostic).join('\n')}`,
    );
  }
  const alerts = alertEntries(
    catalogs.flatMap((c) => c.data?.alerts ?? []),
    mapping?.data ?? { alerts: {} },
    href,
  );
  const normalisedBase = base.endsWith('/') ? base : `${base}/`;
  return { runbooks, alerts, base: normalisedBase, ...(siteUrl ? { siteUrl: new URL(siteUrl) } : {}) };
}
