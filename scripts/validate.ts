/**
 * npm run validate -- [files or folders…] [--format text|json]: the kubectl snippet validator as a
 * command, for this site's content or any team's Markdown.
 */
import { parseArgs } from 'node:util';
import { formatDiagnostic, hasErrors } from '../src/checks/diagnostics.ts';
import { contentDir } from '../src/build/project.ts';
import { validatePaths } from '../src/validator/files.ts';

const USAGE = `usage: npm run validate -- [files or folders…] [--format text|json]

Checks every kubectl command in the shell blocks of .md and .mdx files (and the commands of decision
trees in a trees/ folder) against kubectl's own schema. With no paths: the site's content folder.
  --format text   compiler-style lines: path:line:col severity rule message (default)
  --format json   a JSON array of diagnostics (file, line, column, severity, rule, message, hint)
Exit status: 0 no errors, 1 errors found, 2 the validator could not run (bad arguments, missing files).`;

let parsed;
try {
  parsed = parseArgs({
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
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
if (values.format !== 'text' && values.format !== 'json') {
  console.error(`validate: --format must be text or json, not "${values.format}"`);
  process.exit(2);
}
try {
  const content = contentDir();
  const run = await validatePaths(positionals.length > 0 ? positionals : [content], content);
  if (values.format === 'json') {
    process.stdout.write(`${JSON.stringify(run.diagnostics, null, 2)}\n`);
  } else {
    for (const d of run.diagnostics) console.log(formatDiagnostic(d));
    const errors = run.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = run.diagnostics.length - errors;
    console.log(
      `\nkubectl validator: ${errors} error(s), ${warnings} warning(s); ${run.commands} kubectl commands in ${run.files} files checked in ${run.seconds.toFixed(2)}s`,
    );
  }
  process.exitCode = hasErrors(run.diagnostics) ? 1 : 0;
} catch (error) {
  console.error(`validate: ${(error as Error).message}`);
  process.exitCode = 2;
}
