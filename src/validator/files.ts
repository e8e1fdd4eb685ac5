/**
 * The snippet validator over files on disk: every .md and .mdx file under the paths given (and the
 * decision trees in a trees/ folder), each checked against the kubectl schema. Node only.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { validateMarkdown, validateTreeYaml, type ValidatorContext } from './validate-content.ts';

const isTreeFile = (file: string) => /\.ya?ml$/.test(file) && path.basename(path.dirname(file)) === 'trees';

async function filesIn(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`${target}: no such file or folder`);
  if (info.isFile()) return [target];
  return (await filesUnder(target, /\.(mdx?|ya?ml)$/)).filter((f) => /\.mdx?$/.test(f) || isTreeFile(f));
}

export interface ValidationRun {
  diagnostics: Diagnostic[];
  files: number;
  commands: number;
  seconds: number;
}

/** Validates files and folders; custom resources come from <contentDir>/kubectl-custom-resources.yaml. */
export async function validatePaths(targets: readonly string[], contentDir: string): Promise<ValidationRun> {
  const started = performance.now();
  const ctx: ValidatorContext = await loadCommandReader(path.join(contentDir, 'kubectl-custom-resources.yaml'));
  const files = (await Promise.all(targets.map(filesIn))).flat();
  const diagnostics: Diagnostic[] = [];
  let commands = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const shown = path.relative(process.cwd(), file) || file;
    const result = /\.ya?ml$/.test(file) ? validateTreeYaml(shown, text, ctx) : validateMarkdown(shown, text, ctx);
    diagnostics.push(...result.diagnostics);
    commands += result.commands;
  }
  return {
    diagnostics: sortDiagnostics(diagnostics),
    files: files.length,
    commands,
    seconds: (performance.now() - started) / 1000,
  };
}
