import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/checks/body.ts';
import { checkContentLinks } from '../../src/checks/content-links.ts';

const rules = (text: string, mdx = true, allowImport = () => false) =>
  readBody('x.mdx', text, { mdx, allowImport }).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);

describe('what a runbook body may hold', () => {
  it("allows the documented import of the project's own components, and MDX comments", () => {
    expect(
      rules("import Badges from '../../src/components/Badges.astro'\n\n{/* a note */}\n\nText.\n", true, () => true),
    ).toEqual([]);
  });

  it('refuses other imports, exports and expressions', () => {
    expect(rules("import x from 'x'\n\nText {1 + 1}.\n")).toEqual(['1:1 content/code', '3:6 content/code']);
  });

  it("refuses script elements, handlers and javascript: URLs in plain Markdown's raw HTML too", () => {
    expect(rules('<script>x()</script>\n\n<div onclick="x()">a</div>\n\n[a](javascript:x())\n', false)).toEqual([
      '1:1 content/code',
      '3:1 content/code',
      '5:1 content/code',
    ]);
  });

  it('leaves code alone: <script> and {…} in code blocks and inline code are text', () => {
    expect(rules('```bash\necho "<script>" {a}\n```\n\nUse `{.items}` and `<pod>`.\n')).toEqual([]);
  });

  it('finds an unclosed fence in a list item, and not a closed one in a blockquote', () => {
    expect(rules('1. Step\n   ```bash\n   kubectl get pods\n\n## Next\n', false)).toEqual([
      '2:4 markdown/unclosed-fence',
    ]);
    expect(rules('> ```bash\n> kubectl get pods\n> ```\n', false)).toEqual([]);
  });

  it('gives headings the ids the site gives them', () => {
    expect([
      ...readBody('x.md', '## Diagnosis\n\n## 1. DNS `resolution` failure\n\n## Diagnosis\n', { mdx: false }).anchors,
    ]).toEqual(['diagnosis', '1-dns-resolution-failure', 'diagnosis-1']);
  });
});

describe('links between pages', () => {
  const targets = {
    runbooks: [{ id: 'K8S-002', aliases: ['GitClusterDrift'], anchors: new Set(['diagnosis']) }],
    guides: [{ id: 'mks-playbook', anchors: new Set(['overview']) }],
    trees: ['triage', 'mks-layer'],
    services: ['klinematrix'],
  };
  const dead = (href: string) =>
    checkContentLinks('x.md', [{ href, line: 1, column: 1 }], new Set(['here']), targets).map((d) => d.message);

  it.each([
    '/runbooks/k8s-002/',
    '/runbooks/k8s-002/#diagnosis',
    '/K8S-002',
    '/k8s002/',
    '/GitClusterDrift',
    '/guides/mks-playbook/#overview',
    '/triage/',
    '/trees/mks-layer/',
    '/layer/node/',
    '/severity/high/',
    '/service/klinematrix/',
    '/runbooks.json',
    '#here',
    'https://kubernetes.io/docs/',
    'mailto:oncall@example.com',
  ])('%s leads somewhere', (href) => expect(dead(href)).toEqual([]));

  it.each([
    '/runbooks/nope-999/',
    '/guides/nope/',
    '/NOPE-999',
    '/runbooks/k8s-002/#nope',
    '#nowhere',
    'runbooks/k8s-002/',
    '/trees/triage/',
    '/service/nope/',
  ])('%s is dead', (href) => {
    expect(dead(href)).toHaveLength(1);
  });
});

describe('components', () => {
  it('refuses a component the page does not import, and takes one it imports', () => {
    expect(rules('Run <NoSuch>x</NoSuch>.\n')).toEqual(['1:5 mdx/unknown-component']);
    expect(rules("import Badges from '../../src/components/Badges.astro'\n\n<Badges />\n", true, () => true)).toEqual(
      [],
    );
  });
});
