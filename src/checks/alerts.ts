/**
 * What the alert data's schemas can't see: the reviewed mapping (content/alerts/runbooks.yaml) must
 * name alerts that a list has and runbooks that exist, say when to pick which where an alert has
 * several, and map only labels the alert carries onto variables the runbook has. Two lists must not
 * define one alert. Pure: src/build/content-files.ts reads the files and each runbook's variables.
 */
import type { AlertCatalog, AlertMapping } from '../schemas/alerts.ts';
import { closest } from '../text/edit-distance.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { CheckedFile } from './frontmatter.ts';

export interface AlertData {
  catalogs: readonly CheckedFile<AlertCatalog>[];
  mapping?: CheckedFile<AlertMapping>;
}

export function checkAlertData(data: AlertData, variablesById: ReadonlyMap<string, readonly string[]>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const labelsOf = new Map<string, readonly string[]>();
  const definedIn = new Map<string, string>();
  for (const catalog of data.catalogs) {
    catalog.data?.alerts.forEach((alert, i) => {
      const other = definedIn.get(alert.name);
      if (other !== undefined) {
        diagnostics.push({
          file: catalog.file,
          ...catalog.locate(['alerts', i, 'name']),
          severity: 'error',
          rule: 'alerts/duplicate-alert',
          message: `alert ${alert.name} is already listed in ${other}`,
          hint: 'an alert name lands in one place: keep it in one list',
        });
        return;
      }
      definedIn.set(alert.name, catalog.file);
      labelsOf.set(alert.name, alert.labels);
    });
  }

  const mapping = data.mapping;
  if (!mapping?.data) return diagnostics;
  const file = mapping.file;
  const error = (path: (string | number)[], rule: string, message: string, hint: string) =>
    diagnostics.push({ file, ...mapping.locate(path), severity: 'error', rule, message, hint });
  /** runbook ID -> label -> [variable, alert], to refuse one label filling two variables on one page. */
  const filled = new Map<string, Map<string, [string, string]>>();

  for (const [name, entry] of Object.entries(mapping.data.alerts)) {
    const labels = labelsOf.get(name);
    if (!labels) {
      const near = closest(name, labelsOf.keys(), 3);
      diagnostics.push({
        file,
        ...mapping.locateKey(['alerts'], name),
        severity: 'error',
        rule: 'alerts/unknown-alert',
        message: `no alert list in content/alerts/ has an alert called ${name}`,
        hint: near
          ? `did you mean ${near}?`
          : 'map only alerts of a list (npm run gen:alerts makes one from rule files)',
      });
      continue;
    }
    const seen = new Set<string>();
    entry.runbooks.forEach((runbook, i) => {
      const path = ['alerts', name, 'runbooks', i];
      if (seen.has(runbook.id)) {
        error([...path, 'id'], 'alerts/duplicate-runbook', `${runbook.id} is listed twice for ${name}`, 'list it once');
      }
      seen.add(runbook.id);
      const variables = variablesById.get(runbook.id);
      if (!variables) {
        const near = closest(runbook.id, variablesById.keys(), 2);
        error(
          [...path, 'id'],
          'alerts/unknown-runbook',
          `${name} is mapped onto ${runbook.id}, which is not a runbook`,
          near ? `did you mean ${near}?` : 'use the ID of a runbook in content/runbooks/',
        );
        return;
      }
      if (entry.runbooks.length > 1 && !runbook.when) {
        error(
          path,
          'alerts/when-missing',
          `${name} lands on ${entry.runbooks.length} runbooks; ${runbook.id} needs a when: line saying when to pick it`,
          'add when: with one line, e.g. "Shepherd\'s pods (namespace production)."',
        );
      }
      for (const [label, variable] of Object.entries(runbook.labels)) {
        checkLabel([...path, 'labels', label], name, label, labels);
        if (!variables.includes(variable)) {
          error(
            [...path, 'labels', label],
            'alerts/unknown-variable',
            `${runbook.id} has no variable "${variable}" for the label ${label} to fill`,
            variables.length ? `its variables are ${variables.join(', ')}` : `${runbook.id} has no placeholders`,
          );
        }
      }
      const effective = { ...entry.labels, ...runbook.labels };
      for (const [label, variable] of Object.entries(effective)) {
        if (!variables.includes(variable)) continue; // an alert-wide label this runbook has no use for
        const byLabel = filled.get(runbook.id) ?? new Map<string, [string, string]>();
        const before = byLabel.get(label);
        if (before && before[0] !== variable) {
          error(
            [...path, 'id'],
            'alerts/label-conflict',
            `on ${runbook.id} the label ${label} fills "${variable}" for ${name} but "${before[0]}" for ${before[1]}`,
            'one label fills one variable on a page: map it the same way for both alerts',
          );
        }
        byLabel.set(label, [variable, name]);
        filled.set(runbook.id, byLabel);
      }
    });
    for (const [label, variable] of Object.entries(entry.labels)) {
      checkLabel(['alerts', name, 'labels', label], name, label, labels);
      const anywhere = entry.runbooks.some((r) => variablesById.get(r.id)?.includes(variable));
      if (!anywhere) {
        error(
          ['alerts', name, 'labels', label],
          'alerts/unknown-variable',
          `none of ${name}'s runbooks has a variable "${variable}" for the label ${label} to fill`,
          'map the label under the runbook that has the variable, or drop it',
        );
      }
    }
  }
  return diagnostics;

  function checkLabel(path: (string | number)[], alert: string, label: string, labels: readonly string[]) {
    if (labels.includes(label)) return;
    error(
      path,
      'alerts/unknown-label',
      `${alert} does not carry the label ${label}`,
      labels.length ? `its labels are ${labels.join(', ')}` : `${alert} carries no labels`,
    );
  }
}

/** The names and components the alert lists claim, for the catalog check of IDs. */
export function alertClaims(catalogs: readonly CheckedFile<AlertCatalog>[]) {
  const alerts = catalogs.flatMap((c) => c.data?.alerts ?? []);
  return { names: alerts.map((a) => a.name), components: [...new Set(alerts.map((a) => a.component))] };
}
