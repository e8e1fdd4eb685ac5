import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project.ts';

/** Runs `npm run --silent alerts -- …` as the README tells a team to. */
const alerts = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'alerts', '--', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SITE_URL: '' },
  });

const dir = mkdtempSync(path.join(tmpdir(), 'alerts-cli-'));
writeFileSync(
  path.join(dir, 'team.yaml'),
  [
    'groups:',
    '  - name: team',
    '    rules:',
    '      - alert: ApiDown',
    '        expr: up == 0',
    '        annotations:',
    '          runbook_url: https://runbooks.example.com/POD001?namespace={{ $labels.namespace }}',
    '      - alert: ApiSlow',
    '        expr: latency > 1',
    '        annotations:',
    '          runbook_url: https://runbooks.example.com/SHEP-999',
    '---',
    'apiVersion: monitoring.coreos.com/v1',
    'kind: PrometheusRule',
    'metadata: { name: more }',
    'spec:',
    '  groups:',
    '    - name: more',
    '      rules:',
    '        - alert: KubePodCrashLooping',
    '          expr: x > 0',
    '          annotations:',
    '            runbook_url: https://runbooks.example.com/runbooks/kubernetes/kubepodcrashlooping',
    '',
  ].join('\n'),
);
writeFileSync(path.join(dir, 'broken.yaml'), 'groups:\n  - name: a\n    rules:\n      - alert: X: Y\n');

describe('npm run alerts', () => {
  it("reads kube-prometheus's own rule files: every one of its 125 alerts lands here, exit 0", () => {
    const run = alerts(path.join(projectRoot, 'upstream/kube-prometheus'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('139 alerting rules (125 alerts) in 8 file(s)');
    expect(run.stdout).toContain(' 0 nowhere;');
    expect(run.stdout).toMatch(
      /kubernetesControlPlane-prometheusRule\.yaml:\d+ KubePodCrashLooping: 5 runbooks side by side, MKS-007, POD001, SHEP-003, RDEV-001, APP-002 \(\/alerts\/kubepodcrashlooping\/\) by its alert name; runbook_url: elsewhere \(runbooks\.prometheus-operator\.dev\)/,
    );
    expect(run.stdout).toMatch(/KubeJobFailed: its alert page, no runbook yet \(\/alerts\/kubejobfailed\/\)/);
    expect(run.stderr).toContain('source.yaml: no rules in it, passed over');
  });

  it("checks a team's links to this site: exit 1 naming the alert whose runbook ID does not exist", () => {
    const run = alerts('--site-url', 'https://runbooks.example.com', path.join(dir, 'team.yaml'));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/team\.yaml:4 ApiDown: runbook POD001 \(\/runbooks\/pod001\/\); runbook_url: this site/);
    expect(run.stdout).toMatch(
      /team\.yaml:8 ApiSlow: NOWHERE[^\n]*\n {4}error: runbook_url names runbook SHEP-999, which does not exist/,
    );
    expect(run.stdout).toMatch(/team\.yaml:20 KubePodCrashLooping: 5 runbooks side by side/);
    const json = JSON.parse(
      alerts('--format', 'json', '--site-url', 'https://runbooks.example.com', path.join(dir, 'team.yaml')).stdout,
    );
    expect(json.map((r: { alert: string; problems: string[] }) => [r.alert, r.problems.length])).toEqual([
      ['ApiDown', 0],
      ['ApiSlow', 2],
      ['KubePodCrashLooping', 0],
    ]);
  });

  it('names file, line and column of bad input, and exits 2', () => {
    const run = alerts(path.join(dir, 'broken.yaml'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.yaml:4:\d+ error alerts\/yaml not valid YAML/);
  });

  it('says how to use it', () => {
    const help = alerts('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: npm run alerts');
    expect(alerts().status).toBe(2);
  });
});
