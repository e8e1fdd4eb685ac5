/**
 * The whole pre-build check of content: each runbook, guide, decision tree and alert file against its
 * schema, each body for what a document must not hold (src/checks/body.ts), then the catalog across
 * files, each tree's graph, every internal link and the alert mapping. Root causes come first: problems of a file on its own, then
 * those across files; a runbook whose frontmatter is broken still counts as existing, so links to it
 * are not reported as well. Pure: the caller reads the files (src/build/content-files.ts, tests) and
 * says how to find a runbook's variables.
 */
import { isMdxFile } from '../markdown/parse.ts';
import { alertClaims, checkAlertData } from './alerts.ts';
import { readBody, type BodyFacts } from './body.ts';
import { checkCatalog } from './catalog.ts';
import { checkContentLinks, type LinkTargets } from './content-links.ts';
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

export interface ContentSources {
  runbooks: readonly SourceFile[];
  guides: readonly SourceFile[];
  trees?: readonly SourceFile[];
  /** content/alerts/: lists of upstream alerts, and the reviewed mapping onto runbooks. */
  alerts?: { catalogs: readonly SourceFile[]; mapping?: SourceFile };
}

export interface ContentCheckOptions {
  /** Top-level names the site itself uses: no ID or alias may take one. */
  reservedSegments: readonly string[];
  /** Whether a runbook or guide at `file` may import `source` (the project's own components). */
  allowImport?: (file: string, source: string) => boolean;
  /** The variable keys of a runbook's page, for the labels the alert mapping maps onto them. */
  variablesOf?: (runbook: SourceFile) => readonly string[];
}

/** A guide's ID is its file name: content/guides/shepherd-deployment.mdx is "shepherd-deployment". */
export function guideIdOf(path: string): string {
  return (path.split(/[\\/]/).at(-1) ?? '').replace(/\.mdx?$/, '');
}

const treeIdOf = (path: string) => (path.split(/[\\/]/).at(-1) ?? '').replace(/\.ya?ml$/, '');

export function checkContentSources(content: ContentSources, options: ContentCheckOptions): Diagnostic[] {
  const guides = content.guides.map((f) => checkGuideFile(f.path, f.text));
  const runbooks = content.runbooks.map((f) => checkRunbookFile(f.path, f.text));
  const body = (f: SourceFile): BodyFacts =>
    readBody(f.path, f.text, {
      mdx: isMdxFile(f.path),
      allowImport: (source) => options.allowImport?.(f.path, source) ?? false,
    });
  const runbookBodies = content.runbooks.map(body);
  const guideBodies = content.guides.map(body);

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
  const variablesOf = options.variablesOf ?? (() => []);
  const alertProblems = mapping?.data
    ? checkAlertData({ catalogs, mapping }, new Map(valid.map((v) => [v.id, variablesOf(v.source)])))
    : checkAlertData({ catalogs }, new Map());
  const brokenIds = runbooks.flatMap((c) => (!c.data && c.rawId ? [c.rawId] : []));
  const guideIds = content.guides.map((g) => guideIdOf(g.path));
  const runbookIds = [...valid.map((v) => v.id), ...brokenIds];
  const trees = (content.trees ?? []).map((f) => checkTreeFile(f.path, f.text));
  const treeProblems = trees.flatMap((t) =>
    t.data ? checkTree(t.data, runbookIds, guideIds).map(treeProblemToDiagnostic(t.file, t.locate)) : [],
  );

  const targets: LinkTargets = {
    runbooks: runbooks.flatMap((c, i) => {
      const id = c.data?.id ?? c.rawId;
      return id ? [{ id, aliases: c.data?.aliases ?? [], anchors: runbookBodies[i]!.anchors }] : [];
    }),
    guides: guideIds.map((id, i) => ({ id, anchors: guideBodies[i]!.anchors })),
    trees: (content.trees ?? []).map((t) => treeIdOf(t.path)),
    services: [...new Set(runbooks.flatMap((c) => (c.data ? [c.data.service] : [])))],
  };
  const links = [
    ...content.runbooks.map((f, i) => [f, runbookBodies[i]!] as const),
    ...content.guides.map((f, i) => [f, guideBodies[i]!] as const),
  ].flatMap(([f, facts]) => checkContentLinks(f.path, facts.links, facts.anchors, targets));

  const ofFiles = [
    ...guides.flatMap((c) => c.diagnostics),
    ...runbooks.flatMap((c) => c.diagnostics),
    ...trees.flatMap((t) => t.diagnostics),
    ...runbookBodies.flatMap((b) => b.diagnostics),
    ...guideBodies.flatMap((b) => b.diagnostics),
    ...catalogs.flatMap((c) => c.diagnostics),
    ...(mapping?.diagnostics ?? []),
  ];
  const acrossFiles = [
    ...checkCatalog(valid, options.reservedSegments, guideIds, brokenIds, alertClaims(catalogs)),
    ...treeProblems,
    ...links,
    ...alertProblems,
  ];
  return [...sortDiagnostics(ofFiles), ...sortDiagnostics(acrossFiles)];
}
