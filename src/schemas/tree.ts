/**
 * Decision trees: typed data (content/trees/*.yaml) that walks an engineer from a symptom to the right
 * runbook. A node asks a question, may offer a hint and commands that answer it, and lists answers;
 * each answer leads to another node (`next`), to a runbook (`runbook`, optionally at an `anchor`), or
 * to an action to take (`action`). Going back to an earlier node is allowed only when the answer says
 * `loop: true`, so a tree read top to bottom always ends.
 */
import { z } from 'astro/zod';
import type { Diagnostic } from '../checks/diagnostics.ts';
import type { FieldPath } from '../checks/frontmatter.ts';
import { idKey } from '../domain/ids.ts';
import { ID_PATTERN } from './runbook.ts';

const NODE_ID = /^[a-z0-9][a-z0-9-]*$/;

const answerSchema = z
  .object({
    label: z.string().trim().min(1, 'expected the answer as the reader would say it'),
    next: z.string().regex(NODE_ID, 'expected the ID of a node of this tree').optional(),
    runbook: z.string().regex(ID_PATTERN, 'expected a runbook ID such as POD001').optional(),
    anchor: z.string().regex(/^[a-z0-9-]+$/, 'expected a heading anchor such as diagnosis').optional(),
    action: z.string().trim().min(1).optional(),
    loop: z.boolean().default(false),
  })
  .strict()
  .superRefine((answer, ctx) => {
    const ends = [answer.next, answer.runbook, answer.action].filter((x) => x !== undefined).length;
    if (ends !== 1) ctx.addIssue({ code: 'custom', message: 'an answer needs exactly one of next, runbook or action' });
    if (answer.anchor && !answer.runbook) ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'anchor goes with runbook' });
    if (answer.loop && !answer.next) ctx.addIssue({ code: 'custom', path: ['loop'], message: 'loop goes with next' });
  });

const nodeSchema = z
  .object({
    question: z.string().trim().min(1, 'expected a question'),
    hint: z.string().trim().min(1).optional(),
    /** Shell commands that answer the question; rendered as command blocks. */
    commands: z.string().trim().min(1).optional(),
    answers: z.array(answerSchema).min(1, 'expected at least one answer'),
  })
  .strict();

export const treeSchema = z
  .object({
    title: z.string().trim().min(1, 'expected a title'),
    summary: z.string().trim().min(1, 'expected a one-line summary'),
    /** The guides whose material the tree is built from (guide IDs). */
    guides: z.array(z.string()).default([]),
    start: z.string().regex(NODE_ID, 'expected the ID of the first node'),
    nodes: z.record(z.string().regex(NODE_ID, 'node IDs are lower case words with hyphens'), nodeSchema),
  })
  .strict();

export type Tree = z.output<typeof treeSchema>;
export type TreeNode = Tree['nodes'][string];
export type TreeAnswer = TreeNode['answers'][number];

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
    problems.push({ path: ['start'], rule: 'tree/unknown-start', message: `start "${tree.start}" is not a node of this tree`, hint: `nodes are: ${ids.join(', ')}` });
  }
  tree.guides.forEach((guide, i) => {
    if (!guideIds.includes(guide)) problems.push({ path: ['guides', i], rule: 'tree/unknown-guide', message: `guide "${guide}" is not a guide of this site`, hint: `guides are: ${guideIds.join(', ')}` });
  });

  for (const [id, node] of Object.entries(tree.nodes)) {
    node.answers.forEach((answer, i) => {
      const at = (field: string): FieldPath => ['nodes', id, 'answers', i, field];
      if (answer.next !== undefined && !tree.nodes[answer.next]) {
        problems.push({ path: at('next'), rule: 'tree/unknown-node', message: `answer "${answer.label}" leads to "${answer.next}", which is not a node of this tree`, hint: `nodes are: ${ids.join(', ')}` });
      }
      if (answer.runbook !== undefined) {
        const known = runbooks.get(idKey(answer.runbook));
        if (!known) problems.push({ path: at('runbook'), rule: 'tree/unknown-runbook', message: `answer "${answer.label}" leads to runbook ${answer.runbook}, which does not exist`, hint: 'use the ID of a runbook in content/runbooks/' });
        else if (known !== answer.runbook) problems.push({ path: at('runbook'), rule: 'tree/runbook-spelling', message: `write the runbook ID as it is: ${known}` });
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
    if (!reachable.has(id)) problems.push({ path: ['nodes', id], rule: 'tree/unreachable', message: `node "${id}" cannot be reached from "${tree.start}"`, hint: 'link it from an answer, or remove it' });
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
        problems.push({ path: ['nodes', id, 'answers', i, 'next'], rule: 'tree/loop', message: `answer "${answer.label}" goes back in a loop: ${cycle}`, hint: 'point it forward, or add loop: true if going back is intended' });
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
      problems.push({ path: ['nodes', id, 'answers'], rule: 'tree/no-end', message: `every answer of "${id}" goes back: a reader there can never reach a runbook or an action`, hint: 'add an answer that leads on to a node, a runbook or an action' });
    }
  }
  return problems;
}

/** Nodes in the order a reader meets them from the start (breadth first), for the top-to-bottom page. */
export function readingOrder(tree: Tree): string[] {
  const order: string[] = [];
  const queue = [tree.start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const answer of tree.nodes[id]?.answers ?? []) {
      if (answer.next && !seen.has(answer.next)) {
        seen.add(answer.next);
        queue.push(answer.next);
      }
    }
  }
  return order;
}

export const treeProblemToDiagnostic = (file: string, locate: (path: FieldPath) => { line: number; column: number }) =>
  (p: TreeProblem): Diagnostic => ({ file, ...locate(p.path), severity: 'error', rule: p.rule, message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
