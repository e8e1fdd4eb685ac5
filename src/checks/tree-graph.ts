/**
 * What a decision tree's schema can't see: targets exist, every node is reachable from `start`, no
 * cycle except through answers marked `loop: true`, and every path ends in a runbook or an action.
 */
import { idKey } from '../domain/ids.ts';
import type { Tree } from '../schemas/tree.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { FieldPath } from './frontmatter.ts';

export interface TreeProblem {
  path: FieldPath;
  rule: string;
  message: string;
  hint?: string;
}

/**
 * What the schema cannot see: targets exist, every node is reachable from `start`, no cycle except
 * through answers marked `loop: true`, and every path ends in a runbook or an action.
 */
export function checkTree(tree: Tree, runbookIds: readonly string[], guideIds: readonly string[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const ids = Object.keys(tree.nodes);
  const runbooks = new Map(runbookIds.map((id) => [idKey(id), id]));

  if (!tree.nodes[tree.start]) {
    problems.push({
      path: ['start'],
      rule: 'tree/unknown-start',
      message: `start "${tree.start}" is not a node of this tree`,
      hint: `nodes are: ${ids.join(', ')}`,
    });
  }
  tree.guides.forEach((guide, i) => {
    if (!guideIds.includes(guide))
      problems.push({
        path: ['guides', i],
        rule: 'tree/unknown-guide',
        message: `guide "${guide}" is not a guide of this site`,
        hint: `guides are: ${guideIds.join(', ')}`,
      });
  });

  for (const [id, node] of Object.entries(tree.nodes)) {
    node.answers.forEach((answer, i) => {
      const at = (field: string): FieldPath => ['nodes', id, 'answers', i, field];
      if (answer.next !== undefined && !tree.nodes[answer.next]) {
        problems.push({
          path: at('next'),
          rule: 'tree/unknown-node',
          message: `answer "${answer.label}" leads to "${answer.next}", which is not a node of this tree`,
          hint: `nodes are: ${ids.join(', ')}`,
        });
      }
      if (answer.runbook !== undefined) {
        const known = runbooks.get(idKey(answer.runbook));
        if (!known)
          problems.push({
            path: at('runbook'),
            rule: 'tree/unknown-runbook',
            message: `answer "${answer.label}" leads to runbook ${answer.runbook}, which does not exist`,
            hint: 'use the ID of a runbook in content/runbooks/',
          });
        else if (known !== answer.runbook)
          problems.push({
            path: at('runbook'),
            rule: 'tree/runbook-spelling',
            message: `write the runbook ID as it is: ${known}`,
          });
      }
    });
  }
  if (problems.some((p) => p.rule === 'tree/unknown-start' || p.rule === 'tree/unknown-node')) return problems;

  // Reachability over every answer, loops included.
  const reachable = new Set<string>();
  const pending = [tree.start];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const answer of tree.nodes[id]!.answers) if (answer.next) pending.push(answer.next);
  }
  for (const id of ids) {
    if (!reachable.has(id))
      problems.push({
        path: ['nodes', id],
        rule: 'tree/unreachable',
        message: `node "${id}" cannot be reached from "${tree.start}"`,
        hint: 'link it from an answer, or remove it',
      });
  }

  // Cycles over answers not marked loop: depth-first search with the path kept for the message.
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    trail.push(id);
    tree.nodes[id]!.answers.forEach((answer, i) => {
      if (!answer.next || answer.loop) return;
      const seen = state.get(answer.next);
      if (seen === 'open') {
        const cycle = [...trail.slice(trail.indexOf(answer.next)), answer.next].join(' → ');
        problems.push({
          path: ['nodes', id, 'answers', i, 'next'],
          rule: 'tree/loop',
          message: `answer "${answer.label}" goes back in a loop: ${cycle}`,
          hint: 'point it forward, or add loop: true if going back is intended',
        });
      } else if (seen === undefined) {
        visit(answer.next);
      }
    });
    trail.pop();
    state.set(id, 'done');
  };
  for (const id of ids) if (!state.has(id)) visit(id);

  // Every path ends: each node has an answer that does not go back.
  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.answers.every((a) => a.loop)) {
      problems.push({
        path: ['nodes', id, 'answers'],
        rule: 'tree/no-end',
        message: `every answer of "${id}" goes back: a reader there can never reach a runbook or an action`,
        hint: 'add an answer that leads on to a node, a runbook or an action',
      });
    }
  }
  return problems;
}

export const treeProblemToDiagnostic =
  (file: string, locate: (path: FieldPath) => { line: number; column: number }) =>
  (p: TreeProblem): Diagnostic => ({
    file,
    ...locate(p.path),
    severity: 'error',
    rule: p.rule,
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
  });
