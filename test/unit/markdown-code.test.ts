import { describe, expect, it } from 'vitest';
import { codeBlocksOf, inlineCodeOf } from '../../src/markdown/code-blocks.ts';
import { parseMarkdown } from '../../src/markdown/parse.ts';

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
  '', // 16
  '> ```sh', // 17
  '> kubectl get nodes', // 18
  '> ```', // 19
].join('\n');

const blocks = (markdown: string) => codeBlocksOf(parseMarkdown(markdown).tree, markdown);

describe('code blocks', () => {
  it('finds blocks with language, attributes and first line, in lists and blockquotes too', () => {
    const found = blocks(doc);
    expect(found.map((f) => [f.lang, f.line, f.code])).toEqual([
      ['bash', 4, 'kubectl get componentstatuses'],
      ['yaml', 8, 'a:\n  b: 1'],
      ['md', 12, '```bash\ninner\n```'],
      ['sh', 18, 'kubectl get nodes'],
    ]);
    expect(found[0]?.meta).toEqual({ wrong: 'deprecated' });
  });

  it('knows the column each line of code starts at in the file', () => {
    const found = blocks(doc);
    expect(found[1]?.columns).toEqual([3, 3]);
    expect(found[3]?.columns).toEqual([2]);
  });

  it('takes a one-line ```code``` for inline code, as CommonMark does, not a fence that swallows the next block', () => {
    const found = blocks('Run ```kubectl get pods``` first.\n\n```bash\nkubectl get nodes\n```\n');
    expect(found.map((f) => f.code)).toEqual(['kubectl get nodes']);
  });

  it('keeps the lines of frontmatter, so lines are the file lines', () => {
    expect(blocks('---\nid: X\n---\n\n```bash\nkubectl get pods\n```\n')[0]?.line).toBe(6);
  });

  it('parses MDX with MDX syntax, and says where an .mdx file is not valid MDX', () => {
    expect(parseMarkdown('# Hi\n\n<Callout>text</Callout>\n', { mdx: true }).mdxError).toBeUndefined();
    const broken = parseMarkdown('# Hi\n\nWrite {a b} here.\n', { mdx: true });
    expect(broken.mdxError?.line).toBe(3);
    expect(codeBlocksOf(broken.tree)).toEqual([]);
  });
});

describe('inline code', () => {
  it('finds inline spans but not fenced code, with their positions', () => {
    expect(inlineCodeOf(parseMarkdown(doc).tree).map((s) => [s.code, s.line, s.column])).toEqual([
      ['kubectl get pods', 1, 12],
    ]);
    expect(inlineCodeOf(parseMarkdown('Use ``a `b` c`` and `d`.').tree).map((s) => s.code)).toEqual(['a `b` c', 'd']);
  });
});
