/**
 * Rule files from disk: files and folders (every .yaml/.yml in a folder, sorted), read with
 * rule-files.ts. Paths in messages are as given, relative to the working folder. Node only.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sortDiagnostics } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { readRuleFile, type RuleFileRead } from './rule-files.ts';

/** The rule files a list of files and folders names, in order; a missing path is an error. */
export async function ruleFilePaths(targets: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    const info = await stat(target).catch(() => undefined);
    if (!info) throw new Error(`${target}: no such file or folder`);
    if (info.isFile()) files.push(target);
    else files.push(...(await filesUnder(target, /\.ya?ml$/)).sort());
  }
  return files;
}

export async function readRuleFiles(targets: readonly string[]): Promise<RuleFileRead & { files: string[] }> {
  const files = await ruleFilePaths(targets);
  const reads = await Promise.all(
    files.map(async (file) => readRuleFile(path.relative(process.cwd(), file) || file, await readFile(file, 'utf8'))),
  );
  return {
    files,
    alerts: reads.flatMap((r) => r.alerts),
    diagnostics: sortDiagnostics(reads.flatMap((r) => r.diagnostics)),
  };
}
