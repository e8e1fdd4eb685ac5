import { describe, expect, it } from 'vitest';
import { planQuery } from '../../src/search/query.ts';
import { excerptOf, rankDocs, termStats, type SearchDoc } from '../../src/search/rank.ts';
import { searchDocOf } from '../../src/search/records.ts';

const doc = (
  id: string,
  title: string,
  symptoms: string,
  content: string,
  extra: Partial<SearchDoc> = {},
): SearchDoc => ({
  url: `/runbooks/${id.toLowerCase()}/`,
  title,
  kind: 'runbook',
  id,
  symptoms,
  keywords: '',
  headings: 'Symptoms · Diagnosis · Resolution',
  content: `${title}. ${symptoms}. ${content}`,
  filters: { service: [extra.service ?? 'x'] },
  ...extra,
});

const docs = [
  doc(
    'SHEP-007',
    'Shepherd memory issues (OOMKilled)',
    'Pods getting OOMKilled; memory limit exceeded',
    'Raise the memory limit.',
    { service: 'shepherd' },
  ),
  doc(
    'RDEV-002',
    'rdev API database connection failed',
    'Logs show dial tcp: connection refused',
    'Check the last state of the database connection and the exit code.',
    { service: 'rdev' },
  ),
  doc(
    'APP-002',
    'Worker pods constantly restart with "connection refused to queue service"',
    'connection refused to queue service',
    'Workers cannot reach NATS on port 4222.',
    { service: 'app-workload' },
  ),
  doc(
    'MKS-003',
    'kubectl fails / API server down',
    'kubectl get nodes hangs or returns connection refused',
    'Check kube-apiserver on the control-plane node.',
    { service: 'mks' },
  ),
  doc('MKS-007', 'Pods in CrashLoopBackOff', 'CrashLoopBackOff', 'Read the previous logs.', {
    service: 'mks',
    keywords: 'KubePodCrashLooping',
  }),
  doc(
    'NODE001',
    'Node resource exhaustion',
    'Events show Insufficient cpu or Insufficient memory',
    'Pods stay Pending: 0/3 nodes are available: Insufficient cpu.',
    { service: 'klinematrix' },
  ),
  (({ id: _id, ...guide }) => ({ ...guide, kind: 'guide', url: '/guides/shepherd/' }))(
    doc('GUIDE', 'The Shepherd guide', '', 'OOMKilled connection refused memory limit exceeded nodes pods cpu'),
  ),
];
const stats = termStats(docs);
const rank = (query: string, filters = {}) => rankDocs(docs, planQuery(query, stats), filters);
const ids = (query: string, filters = {}) => rank(query, filters).hits.map((h) => h.doc.id ?? h.doc.kind);

describe('ranking', () => {
  it('lets the one telling word decide over the boilerplate of a pasted line', () => {
    expect(ids('Last State: Terminated Reason: OOMKilled Exit Code: 137')[0]).toBe('SHEP-007');
    expect(ids('nats: error: dial tcp 10.96.14.2:4222: connect: connection refused')[0]).toBe('APP-002');
    expect(ids('Unable to connect to the server: dial tcp 10.0.12.4:6443: i/o timeout')[0]).toBe('MKS-003');
  });

  it('puts the page quoting the pasted line word for word first', () => {
    const ranking = rank('Logs show dial tcp: connection refused');
    expect(ranking.hits[0]!.doc.id).toBe('RDEV-002');
    expect(ranking.hits[0]!.run).toBeGreaterThanOrEqual(4);
    expect(ranking.close).toBe(true);
  });

  it('finds a runbook by the alerts that land on it, and ranks guides below runbooks', () => {
    expect(ids('KubePodCrashLooping')[0]).toBe('MKS-007');
    const all = ids('OOMKilled memory limit exceeded');
    expect(all.indexOf('SHEP-007')).toBeLessThan(all.indexOf('guide'));
  });

  it('applies filters, and finds nothing for nothing', () => {
    expect(ids('connection refused', { service: ['rdev'] })).toEqual(['RDEV-002']);
    expect(rank('').hits).toEqual([]);
    expect(rank('the of and').hits).toEqual([]);
  });

  it('says when nothing is a close match, rather than offering a guess as the answer', () => {
    expect(rank('kafka consumer lag growing').close).toBe(false);
    expect(rank('how do I restore a velero backup').close).toBe(false);
    expect(rank('Insufficient cpu').close).toBe(true);
  });

  it('gives the same order for any candidate set holding the matching pages (online and from disk)', () => {
    for (const query of ['connection refused', 'OOMKilled', 'Insufficient cpu pods pending', 'CrashLoopBackOff logs']) {
      const plan = planQuery(query, stats);
      const everything = rankDocs(docs, plan).hits.map((h) => h.doc.url);
      const matching = docs.filter((d) => rankDocs([d], plan).hits.length > 0);
      const shuffled = [...matching].reverse();
      expect(rankDocs(shuffled, plan).hits.map((h) => h.doc.url)).toEqual(everything);
    }
  });
});

describe('excerpts', () => {
  it('mark the matched words and keep the spaces around them (no markup is parsed)', () => {
    const content = 'Pods stay Pending: 0/3 nodes are available: Insufficient cpu. Scale the pool.';
    const parts = excerptOf(content, ['insufficient', 'cpu']);
    expect(parts.map((p) => p.text).join('')).toContain('available: Insufficient cpu. Scale');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Insufficient', 'cpu']);
    expect(parts.find((p) => !p.mark && p.text.startsWith(' '))?.text).toBe(' ');
  });

  it('show a window around the best matches of a long text, with ellipses', () => {
    const content = `${'filler words here. '.repeat(30)}kube-scheduler and the controller-manager ${'more text. '.repeat(30)}`;
    const text = excerptOf(content, ['schedul', 'controller'])
      .map((p) => p.text)
      .join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text).toContain('kube-scheduler and the controller-manager');
  });
});

describe('records', () => {
  it('make the same page from a Pagefind record on the site and from disk', () => {
    const record = {
      url: '/runbooks/k8s-002/',
      content: 'Git drift',
      meta: { id: 'K8S-002', title: 'Git drift', kind: 'runbook', symptoms: 'a', keywords: 'GitClusterDrift' },
      filters: { service: ['klinematrix'] },
      anchors: [{ text: 'Diagnosis' }],
    };
    expect(searchDocOf(record)).toEqual({ ...searchDocOf(record, 'runbooks/k8s-002/index.html'), url: record.url });
    expect(searchDocOf(record)).toMatchObject({ keywords: 'GitClusterDrift', headings: 'Diagnosis', symptoms: 'a' });
  });
});
