import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/checks/diagnostics.ts';
import { checkTreeFile } from '../../src/checks/frontmatter.ts';
import { checkTree, treeProblemToDiagnostic } from '../../src/checks/tree-graph.ts';
import { readingOrder } from '../../src/domain/tree-path.ts';
import { treeSchema, type Tree } from '../../src/schemas/tree.ts';

const tree = (nodes: Record<string, unknown>, start = 'a'): Tree =>
  treeSchema.parse({ title: 't', summary: 's', start, nodes });
const ask = (answers: object[]) => ({ question: 'q?', answers });
const rules = (t: Tree, runbooks = ['POD001']) =>
  checkTree(t, runbooks, ['g']).map((p) => `${p.path.join('.')} ${p.rule}`);

describe('checkTree', () => {
  it('accepts a tree whose every path ends in a runbook or an action', () => {
    const ok = tree({
      a: ask([
        { label: 'x', next: 'b' },
        { label: 'y', runbook: 'POD001', anchor: 'diagnosis' },
      ]),
      b: ask([
        { label: 'z', action: 'Escalate.' },
        { label: 'again', next: 'a', loop: true },
      ]),
    });
    expect(rules(ok)).toEqual([]);
    expect(readingOrder(ok)).toEqual(['a', 'b']);
  });

  it('rejects targets that do not exist: nodes, runbooks and the start', () => {
    expect(
      rules(
        tree({
          a: ask([
            { label: 'x', next: 'nope' },
            { label: 'y', runbook: 'POD404' },
          ]),
        }),
      ),
    ).toEqual(['nodes.a.answers.0.next tree/unknown-node', 'nodes.a.answers.1.runbook tree/unknown-runbook']);
    expect(rules(tree({ a: ask([{ label: 'x', action: 'a' }]) }, 'b'))).toEqual(['start tree/unknown-start']);
  });

  it('rejects a node no answer leads to', () => {
    expect(
      rules(tree({ a: ask([{ label: 'x', action: 'done' }]), orphan: ask([{ label: 'y', action: 'done' }]) })),
    ).toEqual(['nodes.orphan tree/unreachable']);
  });

  it('rejects an answer that loops back unless it says loop: true, naming the loop', () => {
    const looping = tree({
      a: ask([{ label: 'x', next: 'b' }]),
      b: ask([
        { label: 'back', next: 'a' },
        { label: 'end', action: 'a' },
      ]),
    });
    const problems = checkTree(looping, [], ['g']);
    expect(problems.map((p) => p.rule)).toEqual(['tree/loop']);
    expect(problems[0]?.message).toBe('answer "back" goes back in a loop: a → b → a');
  });

  it('rejects a node whose every answer goes back, since no path from it ends', () => {
    const stuck = tree({
      a: ask([
        { label: 'x', next: 'b' },
        { label: 'end', action: 'a' },
      ]),
      b: ask([{ label: 'back', next: 'a', loop: true }]),
    });
    expect(rules(stuck)).toEqual(['nodes.b.answers tree/no-end']);
  });

  it('needs exactly one of next, runbook or action in every answer', () => {
    expect(
      treeSchema.safeParse({
        title: 't',
        summary: 's',
        start: 'a',
        nodes: { a: ask([{ label: 'x', next: 'a', runbook: 'POD001' }]) },
      }).success,
    ).toBe(false);
    expect(
      treeSchema.safeParse({ title: 't', summary: 's', start: 'a', nodes: { a: ask([{ label: 'x' }]) } }).success,
    ).toBe(false);
  });
});

describe('the broken fixture (test/fixtures/broken-tree)', () => {
  it('fails with messages that name file, line and what to do', async () => {
    const file = 'test/fixtures/broken-tree/trees/broken.yaml';
    const checked = checkTreeFile(file, await readFile(file, 'utf8'));
    expect(checked.diagnostics).toEqual([]);
    const messages = checkTree(checked.data!, ['FIX-001'], [])
      .map(treeProblemToDiagnostic(file, checked.locate))
      .map(formatDiagnostic);
    expect(messages).toEqual([
      `${file}:9:18 error tree/unknown-runbook answer "To a runbook that does not exist" leads to runbook FIX-404, which does not exist\n    hint: use the ID of a runbook in content/runbooks/`,
      `${file}:16:15 error tree/loop answer "Back to the start, without saying it is a loop" goes back in a loop: first → second → first\n    hint: point it forward, or add loop: true if going back is intended`,
    ]);
  });
});
