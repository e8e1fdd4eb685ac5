/**
 * Rule files from disk: files and folders (every .yaml/.yml in a folder, sorted), read with
 * rule-files.ts. Paths in messages are as given, relative to the working folder. Node only.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sortDiagnostics } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { readRuleFile, type RuleFileRead } from './rule-files.ts';

/** The YAML files a list of files and folders names, in order, and which came from a folder; a missing path is an error. */
export async function ruleFilePaths(targets: readonly string[]): Promise<string[]> {
  return (await listTargets(targets)).map((t) => t.file);
}

async function listTargets(targets: readonly string[]): Promise<{ file: string; inFolder: boolean }[]> {
  const files: { file: string; inFolder: boolean }[] = [];
  for (const target of targets) {
    const info = await stat(target).catch(() => undefined);
    if (!info) throw new Error(`${target}: no such file or folder`);
    if (info.isFile()) files.push({ file: target, inFolder: false });
    else for (const file of await filesUnder(target, /\.ya?ml$/)) files.push({ file, inFolder: true });
  }
  return files;
}

export interface RuleFilesRead extends RuleFileRead {
  files: string[];
  /** YAML files of a folder that hold no rules at all (a kustomization.yaml, a source.yaml): passed over. */
  skipped: string[];
}

/**
 * Reads every rule file named, and every YAML file in the folders named. A file named on its own must
 * be a rule file; a YAML file found in a folder that is not one at all is passed over (and said to be).
 */
export async function readRuleFiles(targets: readonly string[]): Promise<RuleFilesRead> {
  const listed = await listTargets(targets);
  const reads = await Promise.all(
    listed.map(async ({ file, inFolder }) => ({
      file,
      inFolder,
      read: readRuleFile(path.relative(process.cwd(), file) || file, await readFile(file, 'utf8')),
    })),
  );
  const notRules = (r: RuleFileRead) =>
    r.alerts.length === 0 && r.diagnostics.length > 0 && r.diagnostics.every((d) => d.rule === 'alerts/not-rules');
  const skipped = reads.filter((r) => r.inFolder && notRules(r.read));
  const kept = reads.filter((r) => !skipped.includes(r));
  return {
    files: kept.map((r) => r.file),
    skipped: skipped.map((r) => r.file),
    alerts: kept.flatMap((r) => r.read.alerts),
    diagnostics: sortDiagnostics(kept.flatMap((r) => r.read.diagnostics)),
  };
}
