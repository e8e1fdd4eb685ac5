/**
 * How fast the kubectl validator is: validates a deterministic synthetic corpus of realistic commands
 * (placeholders, pipelines, patches, JSONPath, heredocs) on one core and prints commands per second.
 *
 *   npm run bench:validator [-- <number of commands>]      (default 50,000; target: 20,000 commands/s)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadShellParser } from '../src/shell/parser.ts';
import { loadKubectlModel } from '../src/validator/load-model.ts';
import { validateMarkdown } from '../src/validator/validate-content.ts';
import { syntheticCommands } from './synthetic-commands.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VALIDATOR_TARGET_PER_SECOND = 20_000;

export async function benchValidator(count: number): Promise<{ commands: number; seconds: number; perSecond: number; errors: number }> {
  const ctx = { model: await loadKubectlModel(path.join(projectRoot, 'content/kubectl-custom-resources.yaml')), parser: await loadShellParser() };
  // Realistic documents: blocks of 2-6 commands each, as in the runbooks.
  const commands = syntheticCommands(count);
  const documents: string[] = [];
  for (let i = 0; i < commands.length; ) {
    const size = 2 + (i % 5);
    documents.push(`## Step\n\n\`\`\`bash\n${commands.slice(i, i + size).join('\n')}\n\`\`\`\n`);
    i += size;
  }
  validateMarkdown('warm-up.md', documents.slice(0, 50).join('\n'), ctx); // compile paths before timing
  const started = performance.now();
  let checked = 0;
  let errors = 0;
  for (const [i, doc] of documents.entries()) {
    const result = validateMarkdown(`doc-${i}.md`, doc, ctx);
    checked += result.commands;
    errors += result.diagnostics.filter((d) => d.severity === 'error').length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { commands: checked, seconds, perSecond: checked / seconds, errors };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = Number(process.argv[2] ?? 50_000);
  const result = await benchValidator(count);
  const met = result.perSecond >= VALIDATOR_TARGET_PER_SECOND;
  console.log(`kubectl validator: ${result.commands} commands in ${result.seconds.toFixed(2)} s = ${Math.round(result.perSecond).toLocaleString('en')} commands/s on one core (target ${VALIDATOR_TARGET_PER_SECOND.toLocaleString('en')}: ${met ? 'met' : 'NOT met'}); ${result.errors} errors in the corpus (expected 0)`);
}
