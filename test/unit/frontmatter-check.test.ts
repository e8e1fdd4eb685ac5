import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/checks/diagnostics.ts';
import { checkGuideFile, checkRunbookFile } from '../../src/checks/frontmatter.ts';
import { extractFrontmatter, withoutFrontmatter } from '../../src/markdown/frontmatter.ts';

const valid = `---
id: K8S-002
aliases: [GitClusterDrift]
title: Git config out of sync
summary: The cluster runs something Git does not describe.
layer: orchestration
severity: critical
service: klinematrix
symptoms:
  - Rolling updates cause \`ImagePullBackOff\`
related: [K8S-001]
source:
  guide: klinematrix-k8s
  section: "K8S-002: Git Config Out of Sync"
---

Body.
`;
const file = 'content/runbooks/k8s-002.mdx';

describe('checkRunbookFile', () => {
  it('accepts a complete runbook and fills defaults', () => {
    const result = checkRunbookFile(file, valid.replace('aliases: [GitClusterDrift]\n', ''));
    expect(result.diagnostics).toEqual([]);
    expect(result.data?.id).toBe('K8S-002');
    expect(result.data?.aliases).toEqual([]);
  });

  it('names the file, line, column and field of a bad enum value, with the allowed values', () => {
    const result = checkRunbookFile(file, valid.replace('severity: critical', 'severity: urgent'));
    expect(result.data).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ file, line: 7, column: 11, rule: 'frontmatter/severity', severity: 'error' });
    expect(d?.message).toBe('severity: expected one of critical, high, medium, low; got "urgent"');
    expect(formatDiagnostic(d!)).toMatch(/^content\/runbooks\/k8s-002\.mdx:7:11 error frontmatter\/severity /);
  });

  it('takes kind incident by default, and refuses a kind that is not one, naming the kinds', () => {
    expect(checkRunbookFile(file, valid).data?.kind).toBe('incident');
    expect(
      checkRunbookFile(file, valid.replace('severity: critical', 'severity: critical\nkind: prevention')).data?.kind,
    ).toBe('prevention');
    const result = checkRunbookFile(file, valid.replace('severity: critical', 'severity: critical\nkind: article'));
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ line: 8, column: 7, rule: 'frontmatter/kind', severity: 'error' });
    expect(d?.message).toBe('kind: expected one of incident, prevention, reference; got "article"');
    expect(d?.hint).toContain('kind rubric');
  });

  it('reports a missing required field at the frontmatter it is missing from', () => {
    const result = checkRunbookFile(
      file,
      valid.replace('summary: The cluster runs something Git does not describe.\n', ''),
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual(['missing required field "summary"']);
    expect(result.diagnostics[0]?.hint).toMatch(/one line/);
  });

  it('points into nested fields and list items', () => {
    const nested = checkRunbookFile(file, valid.replace('  guide: klinematrix-k8s\n', ''));
    expect(nested.diagnostics[0]?.message).toBe('missing required field "source.guide"');
    expect(nested.diagnostics[0]?.line).toBe(13); // at "source:"
    const item = checkRunbookFile(file, valid.replace('related: [K8S-001]', 'related: [K8S-001, pod001]'));
    expect(item.diagnostics[0]).toMatchObject({ line: 11, column: 20, rule: 'frontmatter/related' });
  });

  it('flags unknown fields such as typos, at the key', () => {
    const result = checkRunbookFile(file, valid.replace('severity: critical', 'severty: critical'));
    const rules = result.diagnostics.map((d) => `${d.line} ${d.rule}`);
    expect(rules).toContain('7 frontmatter/unknown-field');
    expect(rules).toContain('2 frontmatter/severity'); // missing: at the start of the frontmatter
  });

  it('rejects a multi-line summary and an empty symptoms list', () => {
    const result = checkRunbookFile(
      file,
      valid
        .replace('summary: The cluster runs something Git does not describe.', 'summary: |\n  line one\n  line two')
        .replace('symptoms:\n  - Rolling updates cause `ImagePullBackOff`', 'symptoms: []'),
    );
    expect(result.diagnostics.map((d) => d.rule).sort()).toEqual(['frontmatter/summary', 'frontmatter/symptoms']);
  });

  it('reports YAML syntax errors with their line', () => {
    const result = checkRunbookFile(file, valid.replace('title: Git config out of sync', 'title: [unclosed'));
    expect(result.diagnostics[0]?.rule).toBe('frontmatter/yaml');
    expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(4);
  });

  it('reports a file without frontmatter', () => {
    const result = checkRunbookFile(file, '# Just a heading\n');
    expect(result.diagnostics[0]).toMatchObject({ rule: 'frontmatter/missing', line: 1 });
  });
});

describe('checkGuideFile', () => {
  it('checks guides against their own schema', () => {
    const guide = '---\ntitle: T\nsummary: S\nservice: Shepherd\nsource: { file: a.md, title: A }\n---\n';
    const result = checkGuideFile('content/guides/x.mdx', guide);
    expect(result.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['4 frontmatter/service']);
  });
});

describe('extractFrontmatter', () => {
  it('finds the YAML between the first two --- lines only', () => {
    expect(extractFrontmatter('---\na: 1\n---\nbody\n---\n')?.yaml).toBe('a: 1');
    expect(extractFrontmatter('no frontmatter')).toBeUndefined();
  });

  it('leaves the body whole when it takes the frontmatter off', () => {
    expect(withoutFrontmatter('---\na: 1\n---\nbody\n---\n')).toBe('body\n---\n');
    expect(withoutFrontmatter('\uFEFF---\r\na: 1\r\n---\r\n# Title')).toBe('# Title');
    expect(withoutFrontmatter('# no frontmatter\n---\n')).toBe('# no frontmatter\n---\n');
  });
});
