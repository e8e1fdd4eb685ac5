import { describe, expect, it } from 'vitest';
import { checkCatalog, type CatalogEntry } from '../../src/checks/catalog.ts';

const entry = (file: string, id: string, extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  file,
  id,
  aliases: [],
  related: [],
  guide: 'g',
  locate: (path) => ({ line: path[0] === 'id' ? 2 : 10 + Number(path[1] ?? 0), column: 3 }),
  ...extra,
});
const reserved = ['runbooks', 'layer', '404'];

describe('checkCatalog', () => {
  it('accepts distinct IDs whose related IDs resolve', () => {
    const entries = [entry('a.mdx', 'K8S-001', { related: ['K8S-002'] }), entry('b.mdx', 'K8S-002')];
    expect(checkCatalog(entries, reserved, ['g'])).toEqual([]);
  });

  it('rejects IDs that differ only in case or punctuation, naming both files', () => {
    const problems = checkCatalog([entry('a.mdx', 'K8S-001'), entry('b.mdx', 'K8S001')], reserved, ['g']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'b.mdx', line: 2, rule: 'catalog/duplicate-id' });
    expect(problems[0]?.message).toContain('a.mdx (K8S-001)');
  });

  it("rejects an alias that is another runbook's ID or alias", () => {
    const problems = checkCatalog(
      [
        entry('a.mdx', 'POD001', { aliases: ['KubePodCrashLooping'] }),
        entry('b.mdx', 'SHEP-003', { aliases: ['kube-pod-crash-looping', 'pod-001'] }),
      ],
      reserved,
      ['g'],
    );
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([
      'b.mdx:10 catalog/duplicate-alias',
      'b.mdx:11 catalog/duplicate-alias',
    ]);
  });

  it('rejects related IDs that resolve to nothing, to an alias, to itself or to another spelling', () => {
    const entries = [
      entry('a.mdx', 'A-1', { related: ['B-9', 'ALIAS-B', 'A-1', 'B1'] }),
      entry('b.mdx', 'B-1', { aliases: ['ALIAS-B'] }),
    ];
    expect(checkCatalog(entries, reserved, ['g']).map((p) => p.rule)).toEqual([
      'catalog/unknown-related',
      'catalog/unknown-related',
      'catalog/self-related',
      'catalog/related-spelling',
    ]);
  });

  it('rejects an ID or alias whose redirect page would take a page of the site, in any case', () => {
    const problems = checkCatalog([entry('a.mdx', 'LAYER', { aliases: ['Runbooks'] })], reserved, ['g']);
    expect(problems.map((p) => p.rule)).toEqual(['catalog/reserved-id', 'catalog/reserved-id']);
  });

  it('rejects a source.guide that is not a guide page', () => {
    const problems = checkCatalog([entry('a.mdx', 'A-1', { guide: 'nope' })], reserved, ['g', 'h']);
    expect(problems[0]).toMatchObject({ rule: 'catalog/unknown-guide' });
    expect(problems[0]?.hint).toContain('g, h');
  });
});

describe('checkCatalog and the upstream alerts', () => {
  const alerts = { names: ['KubePodCrashLooping', 'KubeNodeNotReady'], components: ['kubernetes', 'node'] };
  it("refuses an ID or alias that is an alert's name, in any spelling, and says where to map the alert", () => {
    const problems = checkCatalog(
      [entry('a.mdx', 'POD001', { aliases: ['kubepodcrashlooping'] }), entry('b.mdx', 'KUBENODENOTREADY')],
      reserved,
      ['g'],
      [],
      alerts,
    );
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([
      'a.mdx:10 catalog/alert-name',
      'b.mdx:2 catalog/alert-name',
    ]);
    expect(problems[0]!.hint).toContain('content/alerts/runbooks.yaml');
  });
  it('refuses an ID that is a component of the alert runbook URLs, which /runbooks/<id>/ would shadow', () => {
    const problems = checkCatalog([entry('a.mdx', 'NODE'), entry('b.mdx', 'NODE-001')], reserved, ['g'], [], alerts);
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['a.mdx catalog/reserved-id']);
    expect(problems[0]!.message).toContain('/runbooks/node/');
  });
});
