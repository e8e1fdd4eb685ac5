/**
 * The whole pre-build check of content: each runbook, guide and decision tree against its schema,
 * then the catalog across files and each tree's graph. Pure: the caller reads the files (src/build/content-files.ts, tests).
 */
import { checkCatalog } from './catalog.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { checkGuideFile, checkRunbookFile, checkTreeFile } from './frontmatter.ts';
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

export function checkContentSources(
  content: { runbooks: readonly SourceFile[]; guides: readonly SourceFile[]; trees?: readonly SourceFile[] },
  reservedSegments: readonly string[],
): Diagnostic[] {
  const guides = content.guides.map((f) => checkGuideFile(f.path, f.text));
  const runbooks = content.runbooks.map((f) => checkRunbookFile(f.path, f.text));
  const valid = runbooks.flatMap((c) =>
    c.data
      ? [
          {
            file: c.file,
            id: c.data.id,
            aliases: c.data.aliases,
            related: c.data.related,
            guide: c.data.source.guide,
            locate: c.locate,
          },
        ]
      : [],
  );
  const guideIds = content.guides.map((g) => guideIdOf(g.path));
  const runbookIds = valid.map((v) => v.id);
  const trees = (content.trees ?? []).map((f) => checkTreeFile(f.path, f.text));
  const treeProblems = trees.flatMap((t) =>
    t.data ? checkTree(t.data, runbookIds, guideIds).map(treeProblemToDiagnostic(t.file, t.locate)) : t.diagnostics,
  );
  return sortDiagnostics([
    ...guides.flatMap((c) => c.diagnostics),
    ...runbooks.flatMap((c) => c.diagnostics),
    ...checkCatalog(valid, reservedSegments, guideIds),
    ...treeProblems,
  ]);
}
