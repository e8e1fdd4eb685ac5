import { describe, expect, it } from 'vitest';
import { extractFences, extractInlineCode } from '../../src/markdown/code-blocks.ts';

const doc = [
  'Intro with `kubectl get pods` inline.', // 1
  '', // 2
  '```bash wrong="deprecated"', // 3
  'kubectl get componentstatuses', // 4
  '```', // 5
  '1. Step', // 6
  '   ```yaml', // 7
  '   a:', // 8
  '     b: 1', // 9
  '   ```', // 10
  '````md', // 11
  '```bash', // 12
  'inner', // 13
  '```', // 14
  '````', // 15
].join('\n');

describe('extractFences', () => {
  it('finds blocks with language, attributes and first line, de-indenting list blocks', () => {
    const fences = extractFences(doc);
    expect(fences.map((f) => [f.lang, f.line, f.body])).toEqual([
      ['bash', 4, 'kubectl get componentstatuses'],
      ['yaml', 8, 'a:\n  b: 1'],
      ['md', 12, '```bash\ninner\n```'],
    ]);
    expect(fences[0]?.meta).toEqual({ wrong: 'deprecated' });
  });
});

describe('extractInlineCode', () => {
  it('finds inline spans but not fenced code', () => {
    expect(extractInlineCode(doc)).toEqual(['kubectl get pods']);
    expect(extractInlineCode('Use ``a `b` c`` and `d`.')).toEqual(['a `b` c', 'd']);
  });
});
