import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import remarkCallouts from '../../src/plugins/remark-callouts.ts';
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
