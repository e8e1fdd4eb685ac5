/**
 * The list of upstream alerts (content/alerts/<source>.yaml) made from their rule files: one entry per
 * alert name, however many rules define it (NodeFilesystemSpaceFillingUp is a warning at 24 hours and
 * critical at 4), with its group, component, severities, summary, description and the labels it
 * carries. `npm run gen:alerts` writes it; nobody edits it by hand.
 */
import { stringify } from 'yaml';
import type { AlertCatalog, AlertDefinition, AlertSource } from '../schemas/alerts.ts';
import { templateLabels, type RuleAlert } from './rule-files.ts';

/** kube-prometheus's runbook URLs: <base>/<component>/<alert name in lower case>. */
const RUNBOOK_URL_SHAPE = /\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9_]+)\/?(?:[?#].*)?$/;

/** The component of a runbook URL of kube-prometheus's shape, if it names this alert. */
export function componentOfRunbookUrl(url: string | undefined, alertName: string): string | undefined {
  const match = url ? RUNBOOK_URL_SHAPE.exec(url) : null;
  return match && match[2] === alertName.toLowerCase() ? match[1] : undefined;
}

/** A group name as a component when the rule carries no runbook URL: "kubernetes-apps" -> "kubernetes-apps". */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/\.rules$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Static rule labels that say nothing about what failed. */
const NOT_CARRIED = new Set(['severity']);

export function alertDefinitions(rules: readonly RuleAlert[]): AlertDefinition[] {
  const byName = new Map<string, RuleAlert[]>();
  for (const rule of rules) byName.set(rule.name, [...(byName.get(rule.name) ?? []), rule]);
  return [...byName.values()].map((defs) => {
    const first = defs[0]!;
    const runbookUrl = defs.map((d) => d.annotations['runbook_url']).find(Boolean);
    const labels = new Set<string>();
    for (const d of defs) {
      for (const label of templateLabels(d.annotations)) labels.add(label);
      for (const label of Object.keys(d.labels)) if (!NOT_CARRIED.has(label)) labels.add(label);
    }
    const severities = [...new Set(defs.map((d) => d.labels['severity'] ?? 'none'))];
    return {
      name: first.name,
      group: first.group,
      component: componentOfRunbookUrl(runbookUrl, first.name) ?? slug(first.group),
      file: first.file.split(/[\\/]/).at(-1) ?? first.file,
      severities,
      summary: oneLine(first.annotations['summary'] ?? ''),
      description: oneLine(first.annotations['description'] ?? first.annotations['message'] ?? ''),
      labels: [...labels].sort(),
      ...(runbookUrl ? { runbookUrl } : {}),
    };
  });
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The YAML of content/alerts/<source>.yaml, with a header saying where it came from and how to remake it. */
export function catalogYaml(catalog: AlertCatalog, command: string): string {
  const header = [
    `# ${catalog.alerts.length} alerts of ${catalog.source.name}, read from its rule files by \`${command}\`.`,
    `# Source: ${catalog.source.repository} (${catalog.source.path}), commit ${catalog.source.commit} of ${catalog.source.date}, ${catalog.source.license}.`,
    '# Generated: do not edit. Which runbook each alert lands on is content/alerts/runbooks.yaml.',
  ].join('\n');
  return `${header}\n${stringify(catalog, { lineWidth: 0 })}`;
}

export function buildCatalog(source: AlertSource, rules: readonly RuleAlert[]): AlertCatalog {
  return { source, alerts: alertDefinitions(rules) };
}
