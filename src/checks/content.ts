/**
 * The whole pre-build check of content, in two stages so the build can run the first in parallel and
 * keep its results by content hash:
 *   1. each runbook and guide on its own (checkPageFile): frontmatter against its schema, the body for
 *      what a document must not hold (src/checks/body.ts), and what the second stage needs, as plain data;
 *   2. across files (checkAcrossFiles): the catalog (unique IDs, related, guides), each decision tree's
 *      graph, every internal link and the alert mapping (content/alerts/).
 * Root causes come first: problems of a file on its own, then those across files; a runbook whose
 * frontmatter is broken still counts as existing, so links to it are not reported as well. Pure: the
 * caller reads the files (src/build/, tests).
 */
import { isMdxFile, type ParsedMarkdown } from '../markdown/parse.ts';
import type { Guide, Runbook } from '../schemas/runbook.ts';
import { alertClaims, checkAlertData } from './alerts.ts';
import { readBody, type BodyLink } from './body.ts';
import { checkCatalog, type CatalogEntry } from './catalog.ts';
import { linkChecker, type LinkTargets } from './content-links.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import {
  checkAlertCatalogFile,
  checkAlertMappingFile,
  checkGuideFile,
  checkRunbookFile,
  checkTreeFile,
  type FieldPath,
  type Position,
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
  alerts?: AlertSources;
}

export interface AlertSources {
  catalogs: readonly SourceFile[];
  mapping?: SourceFile;
}

export interface ContentCheckOptions {
  /** Top-level names the site itself uses: no ID or alias may take one. */
  reservedSegments: readonly string[];
  /** Whether a runbook or guide at `file` may import `source` (the project's own components). */
  allowImport?: (file: string, source: string) => boolean;
  /** The variable keys of a runbook's page, for the labels the alert mapping maps onto them. */
  variablesOf?: (runbook: SourceFile) => readonly string[];
}

/** What the first stage found in one runbook or guide: plain data (it crosses threads and caches). */
export interface PageFacts {
  file: string;
  kind: 'runbook' | 'guide';
  /** Problems of the file on its own. */
  diagnostics: Diagnostic[];
  /** The valid frontmatter, when it is. */
  runbook?: Runbook;
  guide?: Guide;
  /** The ID the YAML gives even when the rest is invalid. */
  rawId?: string;
  /** Where the fields the cross-file checks point at sit: "id", "aliases.0", "related.1", "source.guide". */
  positions: Record<string, Position>;
  anchors: string[];
  links: BodyLink[];
  /** A runbook's variable keys, as its page shows them (the alert mapping fills them from labels). */
  variables: string[];
}

/** A guide's ID is its file name: content/guides/shepherd-deployment.md is "shepherd-deployment". */
export function guideIdOf(path: string): string {
  return (path.split(/[\\/]/).at(-1) ?? '').replace(/\.mdx?$/, '');
}

const treeIdOf = (path: string) => (path.split(/[\\/]/).at(-1) ?? '').replace(/\.ya?ml$/, '');

/** Stage 1: one runbook or guide on its own. */
export function checkPageFile(
  kind: 'runbook' | 'guide',
  file: SourceFile,
  allowImport?: (source: string) => boolean,
  parsed?: ParsedMarkdown,
  variables: readonly string[] = [],
): PageFacts {
  const checked = kind === 'runbook' ? checkRunbookFile(file.path, file.text) : checkGuideFile(file.path, file.text);
  const body = readBody(
    file.path,
    file.text,
    { mdx: isMdxFile(file.path), ...(allowImport ? { allowImport } : {}) },
    parsed,
  );
  const positions: Record<string, Position> = {};
  const runbook = kind === 'runbook' ? (checked.data as Runbook | undefined) : undefined;
  if (runbook) {
    const paths: FieldPath[] = [
      ['id'],
      ['source', 'guide'],
      ...runbook.aliases.map((_, i) => ['aliases', i]),
      ...runbook.related.map((_, i) => ['related', i]),
    ];
    for (const path of paths) positions[path.join('.')] = checked.locate(path);
  }
  return {
    file: file.path,
    kind,
    diagnostics: [...checked.diagnostics, ...body.diagnostics],
    ...(runbook ? { runbook } : {}),
    ...(kind === 'guide' && checked.data ? { guide: checked.data as Guide } : {}),
    ...(checked.rawId ? { rawId: checked.rawId } : {}),
    positions,
    anchors: [...body.anchors],
    links: body.links,
    variables: [...variables],
  };
}

/** Stage 2: what only the whole content shows, from the first stage's facts and the tree files. */
export function checkAcrossFiles(
  pages: readonly PageFacts[],
  trees: readonly SourceFile[],
  reservedSegments: readonly string[],
  alerts?: AlertSources,
): Diagnostic[] {
  const runbooks = pages.filter((p) => p.kind === 'runbook');
  const guides = pages.filter((p) => p.kind === 'guide');
  const valid: CatalogEntry[] = runbooks.flatMap((p) =>
    p.runbook
      ? [
          {
            file: p.file,
            id: p.runbook.id,
            aliases: p.runbook.aliases,
            related: p.runbook.related,
            guide: p.runbook.source.guide,
            locate: (path: FieldPath) => p.positions[path.join('.')] ?? { line: 1, column: 1 },
          },
        ]
      : [],
  );
  const catalogs = (alerts?.catalogs ?? []).map((f) => checkAlertCatalogFile(f.path, f.text));
  const mapping = alerts?.mapping ? checkAlertMappingFile(alerts.mapping.path, alerts.mapping.text) : undefined;
  const alertProblems = checkAlertData(
    mapping?.data ? { catalogs, mapping } : { catalogs },
    new Map(runbooks.flatMap((p) => (p.runbook ? [[p.runbook.id, p.variables] as const] : []))),
  );
  const brokenIds = runbooks.flatMap((p) => (!p.runbook && p.rawId ? [p.rawId] : []));
  const guideIds = guides.map((g) => guideIdOf(g.file));
  const runbookIds = [...valid.map((v) => v.id), ...brokenIds];
  const checkedTrees = trees.map((f) => checkTreeFile(f.path, f.text));
  const treeProblems = checkedTrees.flatMap((t) =>
    t.data ? checkTree(t.data, runbookIds, guideIds).map(treeProblemToDiagnostic(t.file, t.locate)) : [],
  );

  const targets: LinkTargets = {
    runbooks: runbooks.flatMap((p) => {
      const id = p.runbook?.id ?? p.rawId;
      return id ? [{ id, aliases: p.runbook?.aliases ?? [], anchors: new Set(p.anchors) }] : [];
    }),
    guides: guides.map((g) => ({ id: guideIdOf(g.file), anchors: new Set(g.anchors) })),
    trees: trees.map((t) => treeIdOf(t.path)),
    services: [...new Set(runbooks.flatMap((p) => (p.runbook ? [p.runbook.service] : [])))],
  };
  const checkLinks = linkChecker(targets);
  const links = pages.flatMap((p) => checkLinks(p.file, p.links, new Set(p.anchors)));

  const ofFiles = [
    ...pages.flatMap((p) => p.diagnostics),
    ...checkedTrees.flatMap((t) => t.diagnostics),
    ...catalogs.flatMap((c) => c.diagnostics),
    ...(mapping?.diagnostics ?? []),
  ];
  const acrossFiles = [
    ...checkCatalog(valid, reservedSegments, guideIds, brokenIds, alertClaims(catalogs)),
    ...treeProblems,
    ...links,
    ...alertProblems,
  ];
  return [...sortDiagnostics(ofFiles), ...sortDiagnostics(acrossFiles)];
}

/** Both stages over a content folder's files, in one go (the content check script, tests). */
export function checkContentSources(content: ContentSources, options: ContentCheckOptions): Diagnostic[] {
  const facts = (kind: 'runbook' | 'guide') => (f: SourceFile) =>
    checkPageFile(
      kind,
      f,
      options.allowImport ? (source) => options.allowImport!(f.path, source) : undefined,
      undefined,
      kind === 'runbook' ? (options.variablesOf?.(f) ?? []) : [],
    );
  const pages = [...content.guides.map(facts('guide')), ...content.runbooks.map(facts('runbook'))];
  return checkAcrossFiles(pages, content.trees ?? [], options.reservedSegments, content.alerts);
}
