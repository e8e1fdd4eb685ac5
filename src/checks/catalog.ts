/**
 * What one file's schema can't see: checks across all runbooks. IDs and aliases must be unique when
 * compared the way alert links are resolved (ignoring case and punctuation), `related` must name
 * runbooks that exist, source.guide must name a guide page, and no ID may shadow a page of the site
 * (its redirect page lives at /<id>/). Upstream alerts have links of their own: no ID or alias may be
 * an alert's name (/KubePodCrashLooping belongs to the alert: map it in content/alerts/runbooks.yaml),
 * and no ID may be a component of the alerts' runbook URLs (/runbooks/kubernetes/… is theirs, and
 * /runbooks/<id>/ is the runbook's canonical URL).
 */
import type { Diagnostic } from './diagnostics.ts';
import { idKey, linkSpellings } from '../domain/ids.ts';
import type { FieldPath, Position } from './frontmatter.ts';

export interface CatalogEntry {
  file: string;
  id: string;
  aliases: readonly string[];
  related: readonly string[];
  /** The guide ID in source.guide. */
  guide: string;
  locate(path: FieldPath): Position;
}

/** What the upstream alerts claim of the site's URLs. */
export interface AlertClaims {
  /** Alert names: /<AlertName> in any case. */
  names: readonly string[];
  /** Components of their runbook URLs: /runbooks/<component>/<alert name>. */
  components: readonly string[];
}

export function checkCatalog(
  entries: readonly CatalogEntry[],
  reservedSegments: readonly string[],
  guideIds: readonly string[],
  /** IDs of runbooks whose own frontmatter is invalid: they exist, their file gets the error. */
  brokenIds: readonly string[] = [],
  alerts: AlertClaims = { names: [], components: [] },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstClaim = new Map<string, { entry: CatalogEntry; spelling: string; path: FieldPath }>();
  const reserved = new Set(reservedSegments.map((s) => s.toLowerCase()));
  const alertNames = new Map(alerts.names.map((name) => [idKey(name), name]));
  const components = new Set(alerts.components.map((c) => c.toLowerCase()));

  for (const entry of entries) {
    const spellings: { spelling: string; path: FieldPath }[] = [
      { spelling: entry.id, path: ['id'] },
      ...entry.aliases.map((spelling, i) => ({ spelling, path: ['aliases', i] as FieldPath })),
    ];
    for (const { spelling, path } of spellings) {
      const key = idKey(spelling);
      const claim = firstClaim.get(key);
      if (claim) {
        const where = claim.entry === entry ? 'this runbook already' : `${claim.entry.file} (${claim.entry.id})`;
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: path[0] === 'id' ? 'catalog/duplicate-id' : 'catalog/duplicate-alias',
          message: `"${spelling}" is the same link as "${claim.spelling}", which ${where} uses (IDs and aliases are compared ignoring case and punctuation)`,
          hint: 'give each runbook its own ID; never reuse an ID that alerts may still point at',
        });
      } else {
        firstClaim.set(key, { entry, spelling, path });
      }
      const alert = alertNames.get(key);
      if (alert) {
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: 'catalog/alert-name',
          message: `"${spelling}" is the name of the upstream alert ${alert}, whose link /${alert} is the alert's`,
          hint: `to send ${alert} here, list this runbook under ${alert} in content/alerts/runbooks.yaml; give the runbook another ${path[0] === 'id' ? 'ID' : 'alias'}`,
        });
      }
      if (path[0] === 'id' && components.has(spelling.toLowerCase())) {
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: 'catalog/reserved-id',
          message: `"${spelling}" would make /runbooks/${spelling.toLowerCase()}/ a runbook, but that path holds the ${spelling.toLowerCase()} alerts' links (/runbooks/${spelling.toLowerCase()}/<alert name>)`,
          hint: `choose an ID other than the alert components ${[...components].sort().join(', ')}`,
        });
      }
      const clash = linkSpellings(spelling).find((s) => reserved.has(s.toLowerCase()));
      if (clash) {
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: 'catalog/reserved-id',
          message: `"${spelling}" would take the URL /${clash}/, which belongs to a page of the site`,
          hint: `choose an ID or alias other than ${[...reserved].sort().join(', ')}`,
        });
      }
    }
  }

  const idKeys = new Map(entries.map((e) => [idKey(e.id), e]));
  for (const entry of entries) {
    entry.related.forEach((related, i) => {
      const target = idKeys.get(idKey(related));
      const path: FieldPath = ['related', i];
      if (!target && brokenIds.some((id) => idKey(id) === idKey(related))) return;
      if (!target) {
        const byAlias = firstClaim.get(idKey(related));
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: 'catalog/unknown-related',
          message: byAlias
            ? `related "${related}" is an alias of ${byAlias.entry.id}; related lists runbook IDs`
            : `related "${related}" is not the ID of any runbook`,
          hint: byAlias ? `write ${byAlias.entry.id}` : 'check the ID, or remove it from related',
        });
      } else if (target === entry) {
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: 'catalog/self-related',
          message: `related "${related}" is this runbook itself`,
          hint: 'remove it from related',
        });
      } else if (target.id !== related) {
        diagnostics.push({
          file: entry.file,
          ...entry.locate(path),
          severity: 'error',
          rule: 'catalog/related-spelling',
          message: `related "${related}" should be written as the ID is: ${target.id}`,
          hint: `write ${target.id}`,
        });
      }
    });
  }
  const guides = new Set(guideIds);
  for (const entry of entries) {
    if (!guides.has(entry.guide)) {
      diagnostics.push({
        file: entry.file,
        ...entry.locate(['source', 'guide']),
        severity: 'error',
        rule: 'catalog/unknown-guide',
        message: `source.guide "${entry.guide}" is not a guide of this site`,
        hint: guideIds.length
          ? `use the file name of a guide in content/guides/: ${[...guides].sort().join(', ')}`
          : 'add the guide page as content/guides/<guide>.mdx',
      });
    }
  }
  return diagnostics;
}
