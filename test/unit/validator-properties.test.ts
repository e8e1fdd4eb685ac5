import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeBlock } from '../../src/commands/block.ts';
import { validateDoc, validateCommand, validatorContext } from '../support/validator.ts';

// Shell-ish material, including what breaks naive parsers: placeholders, unbalanced quotes, heredocs,
// substitutions, continuations, braces, non-ASCII.
const token = fc.constantFrom(
  'kubectl',
  'get',
  'pods',
  'delete',
  'exec',
  'rollout',
  'undo',
  'patch',
  '-n',
  '-it',
  '--',
  '-o',
  'jsonpath={.a[0]}',
  '--type',
  'json',
  '-p',
  "'{",
  "}'",
  '"',
  "'",
  '<pod-name>',
  'NODE_NAME',
  '$GITHUB_TOKEN',
  '$(',
  ')',
  '|',
  '&&',
  ';',
  '\\\n',
  '\n',
  '<<EOF',
  'EOF',
  '{',
  '}',
  '[',
  ']',
  '#',
  'for',
  'do',
  'done',
  '–',
  '“',
  '付费',
  '\t',
  '=',
  ',',
  '/',
);
const shellish = fc
  .array(fc.oneof(token, fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(' '));

describe('the parser and the validator on any input', () => {
  it('never throw, and always return diagnostics with sane positions', async () => {
    const ctx = await validatorContext();
    await fc.assert(
      fc.asyncProperty(shellish, async (code) => {
        const diagnostics = await validateCommand(code);
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
        const block = analyzeBlock(code, 'bash', ctx);
        for (const part of block.parts) expect(part.end).toBeGreaterThanOrEqual(part.start);
      }),
      { numRuns: 400 },
    );
  }, 30_000);

  it('never throw on arbitrary Markdown, console transcripts included', async () => {
    await fc.assert(
      fc.asyncProperty(shellish, fc.constantFrom('bash', 'console', 'sh'), async (code, lang) => {
        await validateDoc(`# T\n\n\`\`\`${lang}\n${code}\n\`\`\`\n\n\`\`\`${lang}\n$ ${code}\n\`\`\`\n`);
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('never throw on fully random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300, unit: 'binary' }), async (code) => {
        await validateCommand(code);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
