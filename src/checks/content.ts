/**
 * The whole pre-build check of content: each runbook, guide, decision tree and alert file against its
 * schema, then the catalog across files, each tree's graph and the alert mapping. Pure: the caller
 * reads the files (src/build/content-files.ts, tests) and says how to find a runbook's variables.
 */
import { alertClaims, checkAlertData } from './alerts.ts';
import { checkCatalog } from './catalog.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import {
  checkAlertCatalogFile,
  checkAlertMappingFile,
  checkGuideFile,
  checkRunbookFile,
  checkTreeFile,
} from './frontmatter.ts';
import { checkTree, treeProblemToDiagnostic } from './tree-graph.ts';

export interface SourceFile {
  /** As it should appear in messages: relative to the project root. */
  path: string;
  text: string;
}

/** A guide's ID is its file name: content/guides/shepherd-deployment.mdx is "shepherd-deployment". */
export function guideIdOf(path: string): string {
  return (path.split(/[\\/]/).at(-1) ?? '').replace(/\.mdx?$/, '');
}

export interface ContentSources {
  runbooks: readonly SourceFile[];
  guides: readonly SourceFile[];
  trees?: readonly SourceFile[];
  /** content/alerts/: lists of upstream alerts, and the reviewed mapping onto runbooks. */
  alerts?: { catalogs: readonly SourceFile[]; mapping?: SourceFile };
}

export function checkContentSources(
  content: ContentSources,
  reservedSegments: readonly string[],
  /** The variable keys of a runbook's page (for the alert mapping); none when not given. */
  variablesOf: (runbook: SourceFile) => readonly string[] = () => [],
): Diagnostic[] {
  const guides = content.guides.map((f) => checkGuideFile(f.path, f.text));
  const runbooks = content.runbooks.map((f) => checkRunbookFile(f.path, f.text));
  const valid = runbooks.flatMap((c, i) =>
    c.data
      ? [
          {
            file: c.file,
            id: c.data.id,
            aliases: c.data.aliases,
            related: c.data.related,
            guide: c.data.source.guide,
            locate: c.locate,
            source: content.runbooks[i]!,
          },
        ]
      : [],
  );
  const catalogs = (content.alerts?.catalogs ?? []).map((f) => checkAlertCatalogFile(f.path, f.text));
  const mappingFile = content.alerts?.mapping;
  const mapping = mappingFile ? checkAlertMappingFile(mappingFile.path, mappingFile.text) : undefined;
  const alertProblems = mapping?.data
    ? checkAlertData({ catalogs, mapping }, new Map(valid.map((v) => [v.id, variablesOf(v.source)])))
    : checkAlertData({ catalogs }, new Map());
  const guideIds = content.guides.map((g) => guideIdOf(g.path));
  const runbookIds = valid.map((v) => v.id);
  const trees = (content.trees ?? []).map((f) => checkTreeFile(f.path, f.text));
  const treeProblems = trees.flatMap((t) =>
    t.data ? checkTree(t.data, runbookIds, guideIds).map(treeProblemToDiagnostic(t.file, t.locate)) : t.diagnostics,
  );
  return sortDiagnostics([
    ...guides.flatMap((c) => c.diagnostics),
    ...runbooks.flatMap((c) => c.diagnostics),
    ...checkCatalog(valid, reservedSegments, guideIds, alertClaims(catalogs)),
    ...treeProblems,
    ...catalogs.flatMap((c) => c.diagnostics),
    ...(mapping?.diagnostics ?? []),
    ...alertProblems,
  ]);
}
