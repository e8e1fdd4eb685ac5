import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  groupBySeverity,
  incidentsFirst,
  servicesOf,
  toManifest,
  type ListedRunbook,
} from '../../src/catalog/listing.ts';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../../src/checks/diagnostics.ts';
import { parseFenceMeta } from '../../src/markdown/fence-meta.ts';
import { splitInlineCode } from '../../src/markdown/inline-code.ts';
import { JUMP_PARAM, joinBase, routes, searchWithout } from '../../src/domain/routes.ts';
import { mapPool } from '../../src/fs/map-pool.ts';
import { astroHeapMb } from '../../src/build/project.ts';

const listed = (
  id: string,
  severity: ListedRunbook['severity'],
  service = 'svc',
  kind: ListedRunbook['kind'] = 'incident',
): ListedRunbook => ({
  id,
  kind,
  aliases: [],
  title: id,
  summary: 's',
  severity,
  layer: 'node',
  service,
  url: `/runbooks/${id.toLowerCase()}/`,
  symptoms: ['x'],
});

describe('catalog views', () => {
  it('orders by severity, then by ID with numbers in numeric order', () => {
    const sorted = [listed('A-10', 'high'), listed('A-2', 'high'), listed('B-1', 'critical')].sort(byUrgency);
    expect(sorted.map((r) => r.id)).toEqual(['B-1', 'A-2', 'A-10']);
  });
  it('keeps every severity group, empty ones included, most urgent first', () => {
    const groups = groupBySeverity([listed('A-1', 'low')]);
    expect(groups.map((g) => `${g.key}:${g.runbooks.length}`)).toEqual(['critical:0', 'high:0', 'medium:0', 'low:1']);
  });
  it('lists services once, sorted', () => {
    expect(servicesOf([listed('A', 'low', 'rdev'), listed('B', 'low', 'mks'), listed('C', 'low', 'rdev')])).toEqual([
      'mks',
      'rdev',
    ]);
  });
  it('writes the manifest fields in ID order and nothing else', () => {
    const manifest = toManifest([{ ...listed('K-2', 'low'), extra: 1 } as ListedRunbook, listed('K-1', 'low')]);
    expect(manifest.map((m) => m.id)).toEqual(['K-1', 'K-2']);
    expect(Object.keys(manifest[0]!)).toEqual([
      'id',
      'aliases',
      'title',
      'summary',
      'severity',
      'layer',
      'service',
      'url',
      'symptoms',
      'kind',
    ]);
  });
  it('lists incidents by severity before prevention and reference pages, whatever their severity', () => {
    const { incidents, others } = incidentsFirst([
      listed('P-1', 'critical', 'svc', 'prevention'),
      listed('I-2', 'high'),
      listed('R-1', 'low', 'svc', 'reference'),
      listed('I-1', 'critical'),
    ]);
    expect(incidents.map((g) => `${g.key}:${g.runbooks.map((r) => r.id).join(',')}`)).toEqual([
      'critical:I-1',
      'high:I-2',
    ]);
    expect(others.map((g) => `${g.key}:${g.runbooks.map((r) => r.id).join(',')}`)).toEqual([
      'prevention:P-1',
      'reference:R-1',
    ]);
  });
});

describe('diagnostics', () => {
  it('formats like a compiler, with the hint on its own line', () => {
    const line = formatDiagnostic({
      file: 'a.mdx',
      line: 3,
      column: 5,
      severity: 'error',
      rule: 'x/y',
      message: 'bad',
      hint: 'fix it',
    });
    expect(line).toBe('a.mdx:3:5 error x/y bad\n    hint: fix it');
    expect(formatDiagnostic({ file: 'dir', line: 0, column: 0, severity: 'warning', rule: 'r', message: 'm' })).toBe(
      'dir warning r m',
    );
  });
  it('sorts by file and position, and knows warnings are not errors', () => {
    const d = (file: string, line: number, severity: 'error' | 'warning' = 'warning') => ({
      file,
      line,
      column: 1,
      severity,
      rule: 'r',
      message: 'm',
    });
    expect(sortDiagnostics([d('b', 1), d('a', 9), d('a', 2)]).map((x) => `${x.file}${x.line}`)).toEqual([
      'a2',
      'a9',
      'b1',
    ]);
    expect(hasErrors([d('a', 1)])).toBe(false);
    expect(hasErrors([d('a', 1), d('a', 2, 'error')])).toBe(true);
  });
});

describe('parseFenceMeta', () => {
  it('reads quoted, bare and flag attributes', () => {
    expect(parseFenceMeta('wrong="componentstatuses is \\"deprecated\\"" title=x.sh novalidate')).toEqual({
      wrong: 'componentstatuses is "deprecated"',
      title: 'x.sh',
      novalidate: true,
    });
    expect(parseFenceMeta(null)).toEqual({});
  });
});

describe('splitInlineCode', () => {
  it('splits backtick spans from text, keeping the text literal', () => {
    expect(splitInlineCode('Pods stuck in `Pending` <b>status</b>')).toEqual([
      { code: false, text: 'Pods stuck in ' },
      { code: true, text: 'Pending' },
      { code: false, text: ' <b>status</b>' },
    ]);
    expect(splitInlineCode('no code')).toEqual([{ code: false, text: 'no code' }]);
  });
});

describe('paths', () => {
  it('joins any base with site paths', () => {
    expect(joinBase('/', routes.runbook('K8S-002'))).toBe('/runbooks/k8s-002/');
    expect(joinBase('/docs', routes.manifest())).toBe('/docs/runbooks.json');
    expect(joinBase('/docs/', '/layer/node/')).toBe('/docs/layer/node/');
  });

  it("drops the jump box's own parameter and keeps the placeholder values", () => {
    expect(searchWithout('?id=k8s%20002&pod=api-7c9', JUMP_PARAM)).toBe('?pod=api-7c9');
    expect(searchWithout('?id=K8S-002', JUMP_PARAM)).toBe('');
    expect(searchWithout('?pod=a%20b', JUMP_PARAM)).toBe('?pod=a%20b'); // untouched when it has none
    expect(searchWithout('', JUMP_PARAM)).toBe('');
  });
});

describe('mapPool', () => {
  it('keeps the items order and never runs more than its limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapPool([30, 5, 20, 1, 10, 0], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20, 0]);
    expect(most).toBe(2);
    expect(await mapPool([], 4, async () => 1)).toEqual([]);
  });
});

describe('astroHeapMb', () => {
  it('budgets the heap of a large site by its pages, leaves a small one to V8, and RUNBOOKS_ASTRO_HEAP_MB sets it', () => {
    expect(astroHeapMb(1000, {})).toBeUndefined();
    expect(astroHeapMb(3000, {})).toBe(333);
    expect(astroHeapMb(10000, {})).toBeGreaterThan(600);
    expect(astroHeapMb(3000, { RUNBOOKS_ASTRO_HEAP_MB: '900' })).toBe(900);
    expect(astroHeapMb(100, { RUNBOOKS_ASTRO_HEAP_MB: '24' })).toBe(24);
    expect(astroHeapMb(3000, { RUNBOOKS_ASTRO_HEAP_MB: 'lots' })).toBe(333);
  });
});

describe('eachNode', () => {
  it('visits every node in document order, as unist-util-visit does', async () => {
    const { visit } = await import('unist-util-visit');
    const { parseMarkdown } = await import('../../src/markdown/parse.ts');
    const { eachNode, eachOfType } = await import('../../src/markdown/walk.ts');
    const { tree } = parseMarkdown(
      '# A\n\n- one `x`\n  - two [l](u)\n\n> quote **b** `y`\n\n```bash\nkubectl get pods\n```\n\n| a | b |\n|---|---|\n| `c` | d |\n',
    );
    const theirs: string[] = [];
    visit(tree, (node) => void theirs.push(node.type));
    const ours: string[] = [];
    eachNode(tree, (node) => ours.push(node.type));
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(20);
    const codes: string[] = [];
    eachOfType(tree, 'inlineCode', (node) => codes.push(node.value));
    expect(codes).toEqual(['x', 'y', 'c']);
  });
});
