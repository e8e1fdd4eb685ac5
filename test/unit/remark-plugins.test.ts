import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import remarkStringify from 'remark-stringify';
import { unified as plainUnified } from 'unified';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/build/project.ts';
import { filesUnder } from '../../src/fs/list.ts';
import remarkCallouts from '../../src/plugins/remark-callouts.ts';
import remarkSmartQuotes from '../../src/plugins/remark-smart-quotes.ts';
import remarkWrongCommands from '../../src/plugins/remark-wrong-commands.ts';

// The same processor configuration as astro.config.mjs, without syntax highlighting.
const processor = unified({
  remarkPlugins: [remarkDirective, remarkCallouts, remarkWrongCommands],
  smartypants: { dashes: false, backticks: false },
});
const renderer = await processor.createRenderer({ syntaxHighlight: false });
const render = async (markdown: string) => (await renderer.render(markdown)).code;

describe('callouts', () => {
  it('turns :::caution[title] into a titled callout', async () => {
    const html = await render(':::caution[Flushes every rule]\nThis drops traffic.\n:::');
    expect(html).toContain('<aside class="callout callout--caution" role="note" aria-label="Caution">');
    expect(html).toContain('<p class="callout__title">Flushes every rule</p>');
    expect(html).toContain('<p>This drops traffic.</p>');
  });
  it('gives an untitled callout its kind as title', async () => {
    expect(await render(':::note\nKeep it.\n:::')).toContain('<p class="callout__title">Note</p>');
  });
});

describe('text that looks like a directive', () => {
  it('survives exactly as written', async () => {
    const prose = 'Open localhost:8080 at 12:30, see ratio 1:abc and :badge[x]{y=1} or host:port.';
    const html = await render(prose);
    expect(html).toContain('localhost:8080 at 12:30, see ratio 1:abc and :badge[x]{y=1} or host:port.');
  });
  it('keeps an unknown block directive as its text', async () => {
    const html = await render('::something\n\n:::unknown\nbody\n:::');
    expect(html).toContain('::something');
    expect(html).toContain(':::unknown');
  });
});

describe('smart punctuation', () => {
  it('never touches code, and leaves -- in prose alone', async () => {
    const html = await render(
      'Use `kubectl logs --previous` or --previous "quoted".\n\n```bash\nkubectl get pods -o jsonpath="{.items}" -- "x"\n```',
    );
    expect(html).toContain('<code>kubectl logs --previous</code>');
    expect(html).toContain(' or --previous ');
    expect(html).toContain('kubectl get pods -o jsonpath="{.items}" -- "x"');
  });
});

describe('wrong commands', () => {
  it('wraps a fence marked wrong="reason" with a visible warning and keeps the command', async () => {
    const html = await render('```bash wrong="componentstatuses is deprecated"\nkubectl get componentstatuses\n```');
    expect(html).toMatch(
      /<div class="wrong-command" data-wrong="">\s*<p class="wrong-command__label"><strong>Wrong in the original guide, do not run:<\/strong> componentstatuses is deprecated<\/p>/,
    );
    expect(html).toContain('kubectl get componentstatuses');
  });
  it('leaves ordinary fences alone', async () => {
    expect(await render('```bash\nkubectl get pods\n```')).not.toContain('wrong-command');
  });
});

describe('smart quotes (src/plugins/remark-smart-quotes.ts)', () => {
  // The build's own pass must give what remark-smartypants (Astro's, on MDX pages) gives, byte for byte.
  const options = { dashes: false, backticks: false } as const;
  const base = () => plainUnified().use(remarkParse).use(remarkGfm);
  const ours = (markdown: string) =>
    String(base().use(remarkSmartQuotes, options).use(remarkStringify).processSync(markdown));
  const reference = (markdown: string) =>
    String(base().use(remarkSmartypants, options).use(remarkStringify).processSync(markdown));
  const samples = [
    'He said "restart it" and left.',
    "Don't restart the pod's container; it's the '80s again.",
    '"Quoted at the start" of a paragraph, and "across *emphasis*" and "[a link](/x)".',
    `He said, "'Quoted' words in a larger quote."`,
    'Wait... then . . . look.. and .... more',
    'Run `kubectl get "pods"` then say "done".',
    '# A "heading" with quotes\n\n| a "cell" | b\'s |\n|---|---|\n| "x" | y |',
    'No quotes and no dots at all here',
    'A sentence ending with a quote "like this".\n\n"Another paragraph."',
    "'single' and 'nested \"double\" inside'",
    'Dots in v1.2.3 and example.com, and an ellipsis at the end...',
    '- "item one"\n- item\'s two\n\n> "quoted block"',
  ];
  it.each(samples)('gives the same text as remark-smartypants: %s', (sample) => {
    expect(ours(sample)).toBe(reference(sample));
  });
  it('gives the same text as remark-smartypants on every page of the content and the source guides', async () => {
    const files = [
      ...(await filesUnder(path.join(projectRoot, 'content'), /\.md$/)),
      ...(await filesUnder(path.join(projectRoot, 'test/fixtures/seeds'), /\.md$/)),
    ];
    expect(files.length).toBeGreaterThan(50);
    let changed = 0;
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const expected = reference(text);
      expect(ours(text), file).toBe(expected);
      if (expected !== String(base().use(remarkStringify).processSync(text))) changed++;
    }
    // The comparison means something only if quotes are curled on real pages.
    expect(changed).toBeGreaterThan(10);
  });
});
