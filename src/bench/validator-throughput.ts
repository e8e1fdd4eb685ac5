/**
 * How fast the kubectl validator is: validates a deterministic synthetic corpus of realistic commands
 * (placeholders, pipelines, patches, JSONPath, heredocs) on one core (npm run bench:validator, npm run bench).
 */
import path from 'node:path';
import { loadCommandReader } from '../commands/reader.ts';
import { validateMarkdown } from '../validator/validate-content.ts';
import { projectRoot } from '../build/project.ts';
import { syntheticCommands } from './synthetic-commands.ts';

export const VALIDATOR_TARGET_PER_SECOND = 20_000;

export async function benchValidator(
  count: number,
): Promise<{ commands: number; seconds: number; perSecond: number; errors: number }> {
  const ctx = await loadCommandReader(path.join(projectRoot, 'content/kubectl-custom-resources.yaml'));
  // Realistic documents: blocks of 2-6 commands each, as in the runbooks.
  const commands = syntheticCommands(count);
  const documents: string[] = [];
  for (let i = 0; i < commands.length;) {
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
