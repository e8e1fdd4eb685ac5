import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertEntries, labelVariablesFor, templateParts, templateText } from '../../src/catalog/alerts.ts';
import { checkAlertData } from '../../src/checks/alerts.ts';
import { checkAlertCatalogFile, checkAlertMappingFile } from '../../src/checks/frontmatter.ts';
import { joinBase } from '../../src/domain/routes.ts';
import { projectRoot } from '../support/project.ts';

const catalogYaml = (names: string[], file = 'list.yaml') =>
  checkAlertCatalogFile(
    file,
    `source:
  name: test
  repository: https://example.com/rules
  path: rules/
  commit: abcdef1
  date: 2026-01-02
  license: Apache-2.0
alerts:
${names
  .map(
    (n) => `  - name: ${n}
    group: g
    component: kubernetes
    file: r.yaml
    severities: [warning]
    summary: ${n} fired.
    description: Pod {{ $labels.namespace }}/{{ $labels.pod }}.
    labels: [namespace, pod]
`,
  )
  .join('')}`,
  );

const variables = new Map<string, string[]>([
  ['POD001', ['pod']],
  ['MKS-007', ['pod', 'namespace']],
  ['APP-003', ['pending-pod']],
]);

function problems(mapping: string, lists = [catalogYaml(['KubePodCrashLooping', 'KubePodNotReady'])]) {
  const checked = checkAlertMappingFile('runbooks.yaml', mapping);
  expect(checked.diagnostics).toEqual([]);
  return checkAlertData({ catalogs: lists, mapping: checked }, variables).map((d) => `${d.line} ${d.rule}`);
}

describe('the alert mapping check', () => {
  it('accepts a mapping whose alerts, runbooks, labels and variables exist', () => {
    expect(
      problems(`alerts:
  KubePodCrashLooping:
    labels: { namespace: namespace, pod: pod }
    runbooks:
      - id: MKS-007
        when: Any workload.
      - id: POD001
        when: The klinematrix backend.
  KubePodNotReady:
    runbooks:
      - id: APP-003
        labels: { pod: pending-pod }
`),
    ).toEqual([]);
  });

  it('names the line of an unknown alert (with the nearest name), runbook, missing when, label and variable', () => {
    expect(
      problems(`alerts:
  KubePodCrashLoping:
    runbooks:
      - id: POD001
  KubePodNotReady:
    labels: { pod: pod, node: node }
    runbooks:
      - id: POD001
      - id: POD002
        when: never.
      - id: APP-003
        when: rollouts.
        labels: { pod: new-pod }
`),
    ).toEqual([
      '2 alerts/unknown-alert',
      '8 alerts/when-missing',
      '9 alerts/unknown-runbook',
      '13 alerts/unknown-variable',
      '6 alerts/unknown-label',
      '6 alerts/unknown-variable',
    ]);
    const checked = checkAlertMappingFile(
      'runbooks.yaml',
      'alerts:\n  KubePodCrashLoping:\n    runbooks: [{ id: POD001 }]\n',
    );
    const [unknown] = checkAlertData({ catalogs: [catalogYaml(['KubePodCrashLooping'])], mapping: checked }, variables);
    expect(unknown!.hint).toBe('did you mean KubePodCrashLooping?');
  });

  it('refuses one label filling two variables on one runbook, and one alert in two lists', () => {
    expect(
      problems(`alerts:
  KubePodCrashLooping:
    runbooks:
      - id: MKS-007
        labels: { pod: pod }
  KubePodNotReady:
    runbooks:
      - id: MKS-007
        labels: { pod: namespace }
`),
    ).toEqual(['8 alerts/label-conflict']);
    const twice = checkAlertData(
      { catalogs: [catalogYaml(['A', 'B'], 'one.yaml'), catalogYaml(['B'], 'two.yaml')] },
      variables,
    );
    expect(twice.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['two.yaml:9 alerts/duplicate-alert']);
  });

  it('reports bad YAML and unknown fields of the mapping with their line', () => {
    const bad = checkAlertMappingFile(
      'runbooks.yaml',
      'alerts:\n  X:\n    runbooks:\n      - id: POD001\n        why: no\n',
    );
    expect(bad.diagnostics.map((d) => `${d.line} ${d.rule} ${d.message}`)).toEqual([
      '5 alerts/unknown-field unknown field "alerts.X.runbooks.0.why"',
    ]);
    const broken = checkAlertMappingFile('runbooks.yaml', 'alerts:\n  X:\n    runbooks:\n      - id: a: b\n');
    expect(broken.diagnostics[0]).toMatchObject({ line: 4, rule: 'alerts/yaml' });
  });
});

describe('where the alerts land', () => {
  const href = (p: string) => joinBase('/', p);
  const catalog = catalogYaml(['KubePodCrashLooping', 'KubePodNotReady', 'Watchdog']).data!;
  const mapping = checkAlertMappingFile(
    'runbooks.yaml',
    `alerts:
  KubePodCrashLooping:
    labels: { pod: pod }
    runbooks:
      - { id: MKS-007, when: Any workload. }
      - { id: POD001, when: The backend. }
  KubePodNotReady:
    runbooks:
      - id: APP-003
        labels: { pod: pending-pod }
`,
  ).data!;
  const entries = alertEntries(catalog.alerts, mapping, href);

  it('on the one runbook, on a side-by-side page, or on an alert page of its own', () => {
    expect(entries.map((e) => [e.name, e.lands, e.url, e.page])).toEqual([
      ['KubePodCrashLooping', 'compare', '/alerts/kubepodcrashlooping/', '/alerts/kubepodcrashlooping/'],
      ['KubePodNotReady', 'runbook', '/runbooks/app-003/', '/alerts/kubepodnotready/'],
      ['Watchdog', 'alert-page', '/alerts/watchdog/', '/alerts/watchdog/'],
    ]);
    expect(entries[0]!.runbooks).toEqual([
      { id: 'MKS-007', when: 'Any workload.', labels: { pod: 'pod' } },
      { id: 'POD001', when: 'The backend.', labels: { pod: 'pod' } },
    ]);
  });

  it('tells a runbook page which labels fill which of its variables, where the names differ', () => {
    expect(labelVariablesFor('APP-003', entries)).toEqual({ pod: 'pending-pod' });
    expect(labelVariablesFor('POD001', entries)).toEqual({});
  });

  it('shows upstream templates with label names, never as markup', () => {
    expect(templateParts('Pod {{ $labels.namespace }}/{{$labels.pod}} at {{ $value | humanizePercentage }}.')).toEqual([
      { text: 'Pod ' },
      { label: 'namespace' },
      { text: '/' },
      { label: 'pod' },
      { text: ' at ' },
      { value: true },
      { text: '.' },
    ]);
    expect(templateText('Node {{ $labels.node }} is not ready.')).toBe('Node <node> is not ready.');
  });
});

describe("the site's own alert data", async () => {
  const dir = path.join(projectRoot, 'content/alerts');
  const list = checkAlertCatalogFile(
    'kube-prometheus.yaml',
    await readFile(path.join(dir, 'kube-prometheus.yaml'), 'utf8'),
  );
  const mapping = checkAlertMappingFile('runbooks.yaml', await readFile(path.join(dir, 'runbooks.yaml'), 'utf8'));

  it('is valid, lists the 125 kube-prometheus alerts and records their source and version', () => {
    expect(list.diagnostics).toEqual([]);
    expect(mapping.diagnostics).toEqual([]);
    expect(list.data!.alerts).toHaveLength(125);
    expect(list.data!.source).toMatchObject({
      name: 'kube-prometheus',
      commit: '4d719f1dea8853540b3823ab1fbe6be74a9953b3',
    });
  });

  it('lands every alert somewhere, and maps the ones the issue names onto runbooks', () => {
    const entries = alertEntries(list.data!.alerts, mapping.data!, (p) => `/${p}`);
    expect(entries).toHaveLength(125);
    for (const e of entries) expect(e.url, e.name).toMatch(/^\/(runbooks|alerts)\/[a-z0-9-]+\/$/);
    const lands = Object.fromEntries(entries.map((e) => [e.name, e.lands]));
    expect(lands).toMatchObject({
      KubePodCrashLooping: 'compare',
      KubeNodeNotReady: 'compare',
      KubeAPIDown: 'runbook',
      KubeletDown: 'runbook',
      Watchdog: 'alert-page',
    });
  });
});
