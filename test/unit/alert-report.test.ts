import { describe, expect, it } from 'vitest';
import { alertEntries } from '../../src/catalog/alerts.ts';
import { readRuleFile } from '../../src/alerts/rule-files.ts';
import { formatReport, pointsOf, reportAlert, summarize, type SiteNames } from '../../src/alerts/report.ts';

const definition = (name: string) => ({
  name,
  group: 'g',
  component: 'kubernetes',
  file: 'r.yaml',
  severities: ['warning'],
  summary: `${name} fired.`,
  description: '',
  labels: ['namespace', 'pod'],
});
const site: SiteNames = {
  runbooks: [
    { id: 'POD001', aliases: [], title: 'Pods in CrashLoopBackOff', url: '/runbooks/pod001/' },
    { id: 'MKS-007', aliases: [], title: 'Pods in CrashLoopBackOff', url: '/runbooks/mks-007/' },
    { id: 'SHEP-014', aliases: ['RegistryAuth'], title: 'Registry authentication', url: '/runbooks/shep-014/' },
  ],
  alerts: alertEntries(
    [definition('KubePodCrashLooping'), definition('KubeAPIDown'), definition('KubeJobFailed')],
    {
      alerts: {
        KubePodCrashLooping: {
          labels: {},
          runbooks: [
            { id: 'MKS-007', when: 'a', labels: {} },
            { id: 'POD001', when: 'b', labels: {} },
          ],
        },
        KubeAPIDown: { labels: {}, runbooks: [{ id: 'POD001', labels: {} }] },
      },
    },
    (p) => `/${p}`,
  ),
  siteUrl: new URL('https://runbooks.example.com/'),
  base: '/',
};

const rules = (body: string) => readRuleFile('team.yaml', `groups:\n  - name: team\n    rules:\n${body}`).alerts;
const alert = (name: string, annotations: Record<string, string> = {}) =>
  rules(
    `      - alert: ${name}\n        expr: up == 0\n        annotations:\n${Object.entries(annotations)
      .map(([k, v]) => `          ${k}: "${v}"\n`)
      .join('')}${Object.keys(annotations).length === 0 ? '          summary: x\n' : ''}`,
  )[0]!;

describe('where an alert lands', () => {
  it('lands an upstream alert by its name: its runbook, its side-by-side page, or its alert page', () => {
    expect(reportAlert(alert('KubeAPIDown'), site).lands).toEqual({
      kind: 'runbook',
      id: 'POD001',
      url: '/runbooks/pod001/',
    });
    expect(reportAlert(alert('KubePodCrashLooping'), site).lands).toMatchObject({
      kind: 'compare',
      ids: ['MKS-007', 'POD001'],
    });
    const own = reportAlert(alert('KubeJobFailed'), site);
    expect(own.lands).toEqual({ kind: 'alert-page', url: '/alerts/kubejobfailed/' });
    expect(own.problems).toEqual([]);
  });

  it('follows a runbook_url of this site in every shape: /<ID>, /<alias>, /runbooks/<id>/, the alert shapes', () => {
    const at = (url: string) => pointsOf(url, site).lands;
    expect(at('https://runbooks.example.com/POD001?namespace={{ $labels.namespace }}')).toMatchObject({ id: 'POD001' });
    expect(at('https://runbooks.example.com/registryauth')).toMatchObject({ id: 'SHEP-014' });
    expect(at('https://runbooks.example.com/runbooks/shep-014/')).toMatchObject({ id: 'SHEP-014' });
    expect(at('https://runbooks.example.com/runbooks/kubernetes/kubepodcrashlooping')).toMatchObject({
      kind: 'compare',
    });
    expect(at('https://runbooks.example.com/KubeJobFailed#x')).toMatchObject({ kind: 'alert-page' });
    expect(
      pointsOf('https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping', site).points,
    ).toBe('elsewhere');
  });

  it('is a problem when an alert lands nowhere, or its link names a runbook ID that does not exist', () => {
    const nowhere = reportAlert(alert('QueueStuck', { runbook_url: 'https://wiki.example.com/queue' }), site);
    expect(nowhere.lands.kind).toBe('nowhere');
    expect(nowhere.problems[0]).toContain('lands nowhere here');
    const missing = reportAlert(alert('ApiSlow', { runbook_url: 'https://runbooks.example.com/SHEP-999' }), site);
    expect(missing.problems[0]).toBe('runbook_url names runbook SHEP-999, which does not exist on this site');
    const unpadded = reportAlert(alert('Registry', { runbook_id: 'SHEP-14' }), site);
    expect(unpadded.problems[0]).toContain('the runbook is SHEP-014');
    const dead = reportAlert(alert('KubeAPIDown', { runbook_url: 'https://runbooks.example.com/wiki/page' }), site);
    expect(dead.lands.kind).toBe('runbook'); // by its name
    expect(dead.problems).toEqual([
      'runbook_url points at this site but at no page of it: the link would reach the 404 page',
    ]);
  });

  it('says it all one line per alert, with file and line, and counts it up', () => {
    const reports = [alert('KubeAPIDown'), alert('QueueStuck')].map((a) => reportAlert(a, site));
    const text = formatReport(reports, site);
    expect(text).toContain(
      'team.yaml:4 KubeAPIDown: runbook POD001 (/runbooks/pod001/) by its alert name; runbook_url: none',
    );
    expect(text).toContain('team.yaml:4 QueueStuck: NOWHERE');
    expect(summarize(reports)).toMatchObject({ alerts: 2, runbook: 1, nowhere: 1, problems: 1 });
  });
});
