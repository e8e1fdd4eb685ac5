/**
 * The decision tree schema: typed data (content/trees/*.yaml) that walks an engineer from a symptom to the right
 * runbook. A node asks a question, may offer a hint and commands that answer it, and lists answers;
 * each answer leads to another node (`next`), to a runbook (`runbook`, optionally at an `anchor`), or
 * to an action to take (`action`). Going back to an earlier node is allowed only when the answer says
 * `loop: true`, so a tree read top to bottom always ends.
 */
import { z } from 'astro/zod';
import { ID_PATTERN } from './runbook.ts';

const NODE_ID = /^[a-z0-9][a-z0-9-]*$/;

const answerSchema = z
  .object({
    label: z.string().trim().min(1, 'expected the answer as the reader would say it'),
    next: z.string().regex(NODE_ID, 'expected the ID of a node of this tree').optional(),
    runbook: z.string().regex(ID_PATTERN, 'expected a runbook ID such as POD001').optional(),
    anchor: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'expected a heading anchor such as diagnosis')
      .optional(),
    action: z.string().trim().min(1).optional(),
    loop: z.boolean().default(false),
  })
  .strict()
  .superRefine((answer, ctx) => {
    const ends = [answer.next, answer.runbook, answer.action].filter((x) => x !== undefined).length;
    if (ends !== 1) ctx.addIssue({ code: 'custom', message: 'an answer needs exactly one of next, runbook or action' });
    if (answer.anchor && !answer.runbook)
      ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'anchor goes with runbook' });
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
