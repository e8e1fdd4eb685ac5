/**
 * Checks a content file's YAML (a runbook's or guide's frontmatter, a tree file) against its schema
 * and says where each problem is:
 * file, line and column of the offending field, what was expected, and what to do.
 */
import type { ZodType } from 'astro/zod';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { extractFrontmatter, type Frontmatter } from '../markdown/frontmatter.ts';
import { guideSchema, runbookSchema, type Guide, type Runbook } from '../schemas/runbook.ts';
import { treeSchema, type Tree } from '../schemas/tree.ts';

export type FieldPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface CheckedFile<T> {
  file: string;
  /** Present only when the frontmatter is valid. */
  data?: T;
  /** The ID the file's YAML gives, even when the rest of it is invalid (so others' links to it are not errors too). */
  rawId?: string;
  diagnostics: Diagnostic[];
  /** Where a frontmatter field sits in the file, for checks that run across files. */
  locate(path: FieldPath): Position;
}

const RUNBOOK_FIELD_HINTS: Record<string, string> = {
  id: 'an upper-case ID that alerts link to, e.g. id: K8S-002',
  aliases: 'a list of other IDs or alert names, e.g. aliases: [KubePodCrashLooping]',
  title: 'a short title, e.g. title: "Pods in CrashLoopBackOff"',
  summary: 'one line saying what this means for the person on call',
  layer:
    'one of application, kubernetes, control-plane, node, infrastructure, orchestration (see the layer rubric in README.md)',
  severity: 'one of critical, high, medium, low (see the severity rubric in README.md)',
  kind: 'one of incident (the default), prevention, reference (see the kind rubric in README.md)',
  service: 'the lower-case name of the system the guide covers, e.g. service: klinematrix',
  symptoms: 'a list of the literal error lines and statuses people see',
  related: 'a list of IDs of other runbooks, e.g. related: [POD001]',
  source: 'where this came from: source: { guide: <guide file name>, section: <heading> }',
};

const GUIDE_FIELD_HINTS: Record<string, string> = {
  title: 'the guide title, e.g. title: "Troubleshooting deployment issues (Shepherd)"',
  summary: 'one line saying what the guide covers',
  service: 'the lower-case name of the system the guide covers, e.g. service: shepherd',
  order: 'a number that places the guide in listings (smaller first)',
  source: 'the original document: source: { file: <path>, title: <its heading> }',
};

export const checkRunbookFile = (file: string, source: string): CheckedFile<Runbook> =>
  checkFrontmatterFile(file, source, runbookSchema, RUNBOOK_FIELD_HINTS);

export const checkGuideFile = (file: string, source: string): CheckedFile<Guide> =>
  checkFrontmatterFile(file, source, guideSchema, GUIDE_FIELD_HINTS);

const TREE_FIELD_HINTS: Record<string, string> = {
  title: 'the tree title, e.g. title: Incident triage',
  summary: 'one line saying where the tree leads',
  guides: 'the guide IDs the tree is built from, e.g. guides: [mks-playbook]',
  start: 'the ID of the first node, e.g. start: scope',
  nodes: 'a map of node IDs to { question, hint, commands, answers }',
};

/** A decision tree file (content/trees/*.yaml): the whole file is YAML data. */
export const checkTreeFile = (file: string, source: string): CheckedFile<Tree> =>
  checkYaml(file, { yaml: source, firstLine: 1 }, treeSchema, TREE_FIELD_HINTS, 'tree');

function checkFrontmatterFile<T>(
  file: string,
  source: string,
  schema: ZodType<T>,
  fieldHints: Record<string, string>,
): CheckedFile<T> {
  const frontmatter = extractFrontmatter(source);
  const fileStart: Position = { line: 1, column: 1 };
  if (!frontmatter) {
    return {
      file,
      diagnostics: [
        {
          file,
          ...fileStart,
          severity: 'error',
          rule: 'frontmatter/missing',
          message: 'no frontmatter: a runbook starts with a --- block of YAML fields',
          hint: `start the file with ---, then the fields ${Object.keys(fieldHints).join(', ')}, then ---`,
        },
      ],
      locate: () => fileStart,
    };
  }
  return checkYaml(file, frontmatter, schema, fieldHints, 'frontmatter');
}

function checkYaml<T>(
  file: string,
  frontmatter: Frontmatter,
  schema: ZodType<T>,
  fieldHints: Record<string, string>,
  /** Names the kind of YAML in rules and messages: "frontmatter" or "tree". */
  kind: string,
): CheckedFile<T> {
  const fileStart: Position = { line: 1, column: 1 };
  const lineCounter = new LineCounter();
  const doc = parseDocument(frontmatter.yaml, { lineCounter, prettyErrors: false });
  const toFilePosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + frontmatter.firstLine - 1, column: col };
  };

  if (doc.errors.length > 0) {
    return {
      file,
      diagnostics: doc.errors.map((error) => ({
        file,
        ...toFilePosition(error.pos[0]),
        severity: 'error' as const,
        rule: `${kind}/yaml`,
        message: `${kind === 'tree' ? 'the tree' : 'frontmatter'} is not valid YAML: ${error.message.split('\n')[0]}`,
        hint: 'quote values that contain a colon followed by a space, or that start with [ { * & ! | > % @ `',
      })),
      locate: () => fileStart,
    };
  }

  const locate = (path: FieldPath): Position => {
    const node = nodeAt(doc.contents, path);
    const offset = node?.range?.[0];
    return offset === undefined ? fileStart : toFilePosition(offset);
  };
  const locateKey = (parent: FieldPath, key: string): Position => {
    const container = nodeAt(doc.contents, parent);
    if (isMap(container)) {
      const pair = container.items.find((p) => isScalar(p.key) && p.key.value === key);
      const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      if (offset !== undefined) return toFilePosition(offset);
    }
    return locate(parent);
  };

  const data: unknown = doc.toJS();
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return { file, data: parsed.data, diagnostics: [], locate };
  const rawId = typeof (data as { id?: unknown } | null)?.id === 'string' ? (data as { id: string }).id : undefined;

  const diagnostics: Diagnostic[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = String(path[0] ?? '');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        diagnostics.push({
          file,
          ...locateKey(path, key),
          severity: 'error',
          rule: `${kind}/unknown-field`,
          message: `unknown field "${[...path, key].join('.')}"`,
          hint: `the fields are ${Object.keys(fieldHints).join(', ')}; check the spelling`,
        });
      }
      continue;
    }
    const missing = valueAt(data, path) === undefined;
    diagnostics.push({
      file,
      ...(missing ? locate(path.slice(0, -1)) : locate(path)),
      severity: 'error',
      rule: `${kind}/${field || 'shape'}`,
      message: missing ? `missing required field "${path.join('.')}"` : `${path.join('.')}: ${issue.message}`,
      ...(fieldHints[field] ? { hint: `${field} is ${fieldHints[field]}` } : {}),
    });
  }
  return { file, diagnostics, locate, ...(rawId ? { rawId } : {}) };
}

function nodeAt(root: unknown, path: FieldPath): Node | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) node = node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
    else if (isSeq(node) && typeof key === 'number') node = node.items[key];
    else return undefined;
  }
  return node as Node | undefined;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
