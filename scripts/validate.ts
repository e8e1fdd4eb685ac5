/**
 * npm run validate -- [files or folders…] [--format text|json|sarif] [--custom-resources file]: the
 * kubectl snippet validator as a command, for this site's content or any team's Markdown.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors } from '../src/checks/diagnostics.ts';
import { githubAnnotation, toSarif } from '../src/checks/report-formats.ts';
import { contentDir } from '../src/build/project.ts';
import { loadCommandReader } from '../src/commands/reader.ts';
import { validatePaths } from '../src/validator/files.ts';

const USAGE = `usage: npm run validate -- [files or folders…] [--format text|json|sarif] [--custom-resources file]

Checks every kubectl command people copy from .md and .mdx files (shell blocks with or without
prompts, console transcripts, fences without a language, inline code that is a whole command) and
the commands of decision trees in a trees/ folder, against kubectl's own rules. With no paths: the
site's content folder. Custom resources come from the CustomResourceDefinitions the docs show, any
kubectl-custom-resources.yaml among them, and the files given.
  --format text      compiler-style lines: path:line:col severity rule message, then a hint (default)
  --format json      a JSON array of diagnostics (file, line, column, severity, rule, message, hint)
  --format sarif     SARIF 2.1.0, for GitHub code scanning (upload with github/codeql-action/upload-sarif)
  --custom-resources file
                     a file declaring custom resources (as content/kubectl-custom-resources.yaml); repeatable
When GITHUB_ACTIONS is set, every diagnostic is also printed as a workflow command
(::error file=…,line=…,col=…::message), on stdout with --format text and on stderr otherwise.
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the validator could not run (bad
arguments, missing files).`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      format: { type: 'string', default: 'text' },
      'custom-resources': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
} catch (error) {
  console.error(`validate: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const format = values.format;
if (format !== 'text' && format !== 'json' && format !== 'sarif') {
  console.error(`validate: --format must be text, json or sarif, not "${format}"\n\n${USAGE}`);
  process.exit(2);
}
try {
  const content = contentDir();
  const run = await validatePaths(positionals.length > 0 ? positionals : [content], content, {
    customResources: values['custom-resources'] ?? [],
  });
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(run.diagnostics, null, 2)}\n`);
  } else if (format === 'sarif') {
    const { kubectl } = await loadCommandReader();
    const sarif = toSarif(run.diagnostics, { name: 'kubectl-snippet-validator', version: kubectl.version });
    process.stdout.write(`${JSON.stringify(sarif, null, 2)}\n`);
  } else {
    for (const d of run.diagnostics) console.log(formatDiagnostic(d));
    const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = run.diagnostics.length - errors;
    console.log(
      `\nkubectl validator: ${errors} error(s), ${warnings} warning(s); ${run.commands} kubectl commands in ${run.files} files checked in ${run.seconds.toFixed(2)}s`,
    );
  }
  if (process.env['GITHUB_ACTIONS']) {
    const annotations = run.diagnostics.map(githubAnnotation).join('\n');
    if (annotations) (format === 'text' ? process.stdout : process.stderr).write(`${annotations}\n`);
  }
  process.exitCode = hasErrors(run.diagnostics) ? 1 : 0;
} catch (error) {
  console.error(`validate: ${(error as Error).message}`);
  process.exitCode = 2;
}
