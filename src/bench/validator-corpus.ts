/**
 * How well the validator does on docs written like other people's (test/fixtures/validator/): pages
 * in the style of the Kubernetes docs and of public alert-runbook collections, with a labels file
 * naming the known bugs (each must be reported) and the known-valid commands and non-commands (none
 * may be flagged); and a labelled set of commands with the real kubectl's verdict on each
 * (kubectl-agreement.txt: `accepts` or `rejects`, then the command), compared with the validator's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../checks/diagnostics.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { projectRoot } from '../build/project.ts';
import { validatePaths } from '../validator/files.ts';
import { validateShellCode } from '../validator/validate-content.ts';

export const CORPUS_DIR = path.join(projectRoot, 'test/fixtures/validator');
export const AGREEMENT_FILE = path.join(CORPUS_DIR, 'kubectl-agreement.txt');

interface Label {
  file: string;
  text: string;
  rule?: string;
}

export interface LabelOutcome extends Label {
  line: number;
  /** The errors the validator reported on the label's line. */
  errors: Diagnostic[];
}

export interface CorpusResult {
  files: number;
  commands: number;
  seconds: number;
  bugs: { total: number; found: LabelOutcome[]; missed: LabelOutcome[] };
  valid: { total: number; flagged: LabelOutcome[] };
}

/**
 * The 1-based line of a file that holds the text: the only one, or the one that is exactly it. A
 * text starting with "^" must start the line.
 */
function lineOf(lines: readonly string[], label: Label): number {
  const anchored = label.text.startsWith('^');
  const text = anchored ? label.text.slice(1) : label.text;
  const hits = lines.flatMap((l, i) => ((anchored ? l.trimStart().startsWith(text) : l.includes(text)) ? [i] : []));
  const exact = hits.filter((i) => lines[i]!.trim() === text.trim());
  const chosen = hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : undefined;
  if (chosen === undefined)
    throw new Error(`labels.yaml: "${label.text}" is on ${hits.length} lines of ${label.file}, not exactly one`);
  return chosen + 1;
}

/** Validates the corpus and scores it against labels.yaml. */
export async function measureCorpus(dir = CORPUS_DIR): Promise<CorpusResult> {
  const labels = parse(await readFile(path.join(dir, 'labels.yaml'), 'utf8')) as { bugs: Label[]; valid: Label[] };
  const run = await validatePaths([dir], path.join(projectRoot, 'content'));
  const errorsByPlace = new Map<string, Diagnostic[]>();
  for (const d of run.diagnostics) {
    if (d.severity !== 'error') continue;
    const key = `${path.resolve(d.file)}:${d.line}`;
    errorsByPlace.set(key, [...(errorsByPlace.get(key) ?? []), d]);
  }
  const outcome = async (label: Label): Promise<LabelOutcome> => {
    const file = path.join(dir, label.file);
    const line = lineOf((await readFile(file, 'utf8')).split('\n'), label);
    return { ...label, line, errors: errorsByPlace.get(`${path.resolve(file)}:${line}`) ?? [] };
  };
  const bugs = await Promise.all(labels.bugs.map(outcome));
  const valid = await Promise.all(labels.valid.map(outcome));
  const found = bugs.filter((b) => b.errors.some((e) => !b.rule || e.rule === b.rule));
  return {
    files: run.files,
    commands: run.commands,
    seconds: run.seconds,
    bugs: { total: bugs.length, found, missed: bugs.filter((b) => !found.includes(b)) },
    valid: { total: valid.length, flagged: valid.filter((v) => v.errors.length > 0) },
  };
}

export type Verdict = 'accepts' | 'rejects';

export interface LabelledCommand {
  /** The command as docs write it: `kubectl get pods -o wide`. */
  command: string;
  /** The real kubectl's verdict (see test/build/kubectl-agreement.test.ts). */
  kubectl: Verdict;
  line: number;
}

/** The labelled commands of kubectl-agreement.txt: `accepts  kubectl get pods`, `#` comments. */
export async function labelledCommands(file = AGREEMENT_FILE): Promise<LabelledCommand[]> {
  const text = await readFile(file, 'utf8');
  return text.split('\n').flatMap((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return [];
    const m = /^(accepts|rejects)\s+(.+)$/.exec(line);
    if (!m) throw new Error(`${path.basename(file)}:${i + 1}: expected "accepts" or "rejects" and a command`);
    return [{ kubectl: m[1] as Verdict, command: m[2]!, line: i + 1 }];
  });
}

/** The validator's verdict on one command: it rejects it when it reports an error. */
export async function validatorVerdict(command: string): Promise<{ verdict: Verdict; errors: Diagnostic[] }> {
  const reader = await loadCommandReader(path.join(projectRoot, 'content/kubectl-custom-resources.yaml'));
  const errors = validateShellCode(
    command,
    'bash',
    { file: 'agreement', line: 1, indent: 0 },
    reader,
  ).diagnostics.filter((d) => d.severity === 'error');
  return { verdict: errors.length > 0 ? 'rejects' : 'accepts', errors };
}
