/**
 * The kubectl snippet validator as a command:
 *
 *   npm run validate -- [files or folders…] [--format json]
 *
 * Checks every kubectl command in the shell blocks of .md and .mdx files (and the commands of
 * decision trees under a trees/ folder) against the schema of kubectl itself. Prints diagnostics like a
 * compiler (path:line:col severity rule message) or, with --format json, a JSON array. Exits 1 on errors.
 * With no paths it checks the site's content folder.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../src/checks/diagnostics.ts';
import { loadShellParser } from '../src/shell/parser.ts';
import { loadKubectlModel } from '../src/validator/load-model.ts';
import { validateMarkdown, validateTreeYaml, type ValidatorContext } from '../src/validator/validate-content.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function filesIn(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`${target}: no such file or folder`);
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => /\.mdx?$/.test(f) || (/\.ya?ml$/.test(f) && path.basename(path.dirname(f)) === 'trees'))
    .sort();
}

export interface ValidationRun {
  diagnostics: Diagnostic[];
  files: number;
  commands: number;
  seconds: number;
}

export async function validatePaths(targets: readonly string[], contentDir: string): Promise<ValidationRun> {
  const started = performance.now();
  const ctx: ValidatorContext = {
    model: await loadKubectlModel(path.join(contentDir, 'kubectl-custom-resources.yaml')),
    parser: await loadShellParser(),
  };
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
  return { diagnostics: sortDiagnostics(diagnostics), files: files.length, commands, seconds: (performance.now() - started) / 1000 };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const formatAt = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  let format = 'text';
  if (formatAt >= 0) {
    const arg = args[formatAt]!;
    format = arg.includes('=') ? arg.split('=')[1]! : (args[formatAt + 1] ?? '');
    args.splice(formatAt, arg.includes('=') ? 1 : 2);
  }
  if (format !== 'text' && format !== 'json') {
    console.error(`--format must be text or json, not "${format}"`);
    process.exit(2);
  }
  const contentDir = path.resolve(projectRoot, process.env['RUNBOOKS_CONTENT_DIR'] ?? 'content');
  try {
    const run = await validatePaths(args.length > 0 ? args : [contentDir], contentDir);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(run.diagnostics, null, 2)}\n`);
    } else {
      for (const d of run.diagnostics) console.log(formatDiagnostic(d));
      const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = run.diagnostics.length - errors;
      console.log(`\nkubectl validator: ${errors} error(s), ${warnings} warning(s); ${run.commands} kubectl commands in ${run.files} files checked in ${run.seconds.toFixed(2)}s`);
    }
    process.exitCode = hasErrors(run.diagnostics) ? 1 : 0;
  } catch (error) {
    console.error(`validate: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
