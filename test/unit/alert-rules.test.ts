import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertDefinitions, componentOfRunbookUrl } from '../../src/alerts/catalog.ts';
import { readRuleFiles } from '../../src/alerts/files.ts';
import { readRuleFile, templateLabels } from '../../src/alerts/rule-files.ts';
import { projectRoot } from '../support/project.ts';

const RULE_FILE = `groups:
  - name: pods
    rules:
      - record: namespace:restarts:sum
        expr: sum(kube_pod_container_status_restarts_total) by (namespace)
      - alert: PodRestarting
        expr: increase(kube_pod_container_status_restarts_total[10m]) > 3
        labels:
          severity: warning
        annotations:
          summary: Pod {{ $labels.namespace }}/{{ $labels.pod }} restarts
          runbook_url: https://runbooks.example.com/runbooks/team/podrestarting
`;

const MANIFESTS = `apiVersion: v1
kind: ConfigMap
metadata: { name: unrelated }
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: { name: one }
spec:
  groups:
    - name: nodes
      rules:
        - alert: NodeDown
          expr: up{job="node"} == 0
          labels: { severity: critical, team: infra }
---
# an empty document
---
apiVersion: v1
kind: List
items:
  - apiVersion: monitoring.coreos.com/v1
    kind: PrometheusRule
    metadata: { name: two }
    spec:
      groups:
        - name: disks
          rules:
            - alert: DiskFull
              expr: node_filesystem_avail_bytes == 0
`;

describe('reading rule files', () => {
  it('reads a Prometheus rule file, skipping recording rules, with the line of each alert', () => {
    const { alerts, diagnostics } = readRuleFile('rules.yaml', RULE_FILE);
    expect(diagnostics).toEqual([]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      name: 'PodRestarting',
      group: 'pods',
      file: 'rules.yaml',
      line: 6,
      labels: { severity: 'warning' },
    });
    expect(alerts[0]!.annotations['runbook_url']).toBe('https://runbooks.example.com/runbooks/team/podrestarting');
  });

  it('reads PrometheusRule manifests among other documents, and Lists of them', () => {
    const { alerts, diagnostics } = readRuleFile('manifests.yaml', MANIFESTS);
    expect(diagnostics).toEqual([]);
    expect(alerts.map((a) => [a.name, a.group, a.line])).toEqual([
      ['NodeDown', 'nodes', 12],
      ['DiskFull', 'disks', 28],
    ]);
    expect(alerts[0]!.labels).toEqual({ severity: 'critical', team: 'infra' });
  });

  it.each([
    ['groups:\n  - name: a\n    rules:\n      - alert: X: Y\n', 'alerts/yaml', 4],
    ['spec: {}\n', 'alerts/not-rules', 1],
    ['groups: nope\n', 'alerts/groups', 1],
    ['groups:\n  - rules: []\n', 'alerts/group', 2],
    ['groups:\n  - name: a\n    rules:\n      - alert: "Bad Name"\n        expr: up\n', 'alerts/name', 4],
    ['groups:\n  - name: a\n    rules:\n      - alert: NoExpr\n', 'alerts/expr', 4],
    ['groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        labels: [a]\n', 'alerts/map', 6],
    ['kind: PrometheusRule\nmetadata: {}\n', 'alerts/not-rules', 1],
  ])('bad input %#: names file, line and rule', (text, rule, line) => {
    const { diagnostics } = readRuleFile('bad.yaml', text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ file: 'bad.yaml', rule, line, severity: 'error' });
    expect(diagnostics[0]!.hint).toBeTruthy();
  });

  it('finds the labels templates name, both spellings', () => {
    expect(
      templateLabels({
        description: 'Pod {{ $labels.namespace }}/{{ $labels.pod}} ({{$labels.container }})',
        summary: '{{ .Labels.node }} and {{ $value }}',
      }),
    ).toEqual(['namespace', 'pod', 'container', 'node']);
  });
});

describe('the alert list', () => {
  it('takes the component from a runbook URL of kube-prometheus shape naming the alert', () => {
    expect(
      componentOfRunbookUrl(
        'https://runbooks.prometheus-operator.dev/runbooks/kube-state-metrics/kubestatemetricslisterrors',
        'KubeStateMetricsListErrors',
      ),
    ).toBe('kube-state-metrics');
    expect(componentOfRunbookUrl('https://wiki.example.com/x/other', 'KubeStateMetricsListErrors')).toBeUndefined();
    expect(componentOfRunbookUrl(undefined, 'X')).toBeUndefined();
  });

  it('merges the rules of one alert: severities in order, labels from all, first summary', () => {
    const rule = (severity: string, description: string) =>
      readRuleFile(
        'f.yaml',
        `groups:\n  - name: node-exporter\n    rules:\n      - alert: Fill\n        expr: up\n        labels: { severity: ${severity} }\n        annotations:\n          summary: Filling.\n          description: "${description}"\n`,
      ).alerts[0]!;
    const [def] = alertDefinitions([
      rule('warning', '{{ $labels.device }} 24h'),
      rule('critical', '{{ $labels.mountpoint }}'),
    ]);
    expect(def).toMatchObject({
      name: 'Fill',
      component: 'node-exporter',
      severities: ['warning', 'critical'],
      summary: 'Filling.',
      description: '{{ $labels.device }} 24h',
      labels: ['device', 'mountpoint'],
    });
  });

  it("reads kube-prometheus's own rule files: 139 rules, 125 alerts, each with a component and summary or description", async () => {
    const dir = path.join(projectRoot, 'upstream/kube-prometheus');
    const read = await readRuleFiles([dir]);
    const rules = read.alerts;
    expect(read.diagnostics.filter((d) => !d.file.endsWith('source.yaml'))).toEqual([]);
    expect(rules).toHaveLength(139);
    const defs = alertDefinitions(rules);
    expect(defs).toHaveLength(125);
    expect(defs.find((d) => d.name === 'KubePodCrashLooping')).toMatchObject({
      component: 'kubernetes',
      group: 'kubernetes-apps',
      labels: ['cluster', 'container', 'namespace', 'pod'],
    });
    expect(new Set(defs.map((d) => d.component))).toEqual(
      new Set([
        'alertmanager',
        'grafana',
        'general',
        'kube-state-metrics',
        'kubernetes',
        'node',
        'prometheus',
        'prometheus-operator',
      ]),
    );
    for (const d of defs) expect(d.summary || d.description, d.name).not.toBe('');
  });
});
