import { describe, expect, it } from 'vitest';
import { searchOffline, tokens, type OfflineDoc } from '../../src/search/offline-search.ts';

const doc = (
  id: string,
  title: string,
  symptoms: string,
  content: string,
  filters: Record<string, string[]> = {},
): OfflineDoc => ({
  url: `runbooks/${id.toLowerCase()}/index.html`,
  title,
  kind: 'runbook',
  id,
  symptoms,
  content,
  filters,
});
const docs = [
  doc(
    'K8S-001',
    'ImagePullBackOff: Docker Hub access in ACK China',
    'Failed to pull image "redis:7.2-alpine": dial tcp <docker-hub-ip>:443: i/o timeout',
    'ACK clusters in China cannot reach Docker Hub.',
    { service: ['klinematrix'] },
  ),
  doc(
    'RDEV-002',
    'rdev API database connection failed',
    'Logs show dial tcp: connection refused',
    'Check the database.',
    { service: ['rdev'] },
  ),
  doc(
    'APP-002',
    'Worker pods constantly restart with "connection refused to queue service"',
    'connection refused to queue service',
    'NATS connection refused.',
    { service: ['app-workload'] },
  ),
  doc(
    'K8S-003',
    'ACK LoadBalancer annotation mismatch',
    'ACK console shows warning: 付费模式与实际实例不一致',
    'Remove the annotation.',
    { service: ['klinematrix'] },
  ),
];
const ids = (query: string, filters = {}) => searchOffline(docs, query, filters).map((h) => h.doc.id);

describe('offline search', () => {
  it('finds a pasted error line with an IP and quotes', () => {
    expect(ids('Failed to pull image "redis:7.2-alpine": dial tcp 1.2.3.4:443: i/o timeout')[0]).toBe('K8S-001');
  });
  it('puts the page that holds the line word for word first', () => {
    expect(ids('dial tcp: connection refused')[0]).toBe('RDEV-002');
    expect(ids('connection refused to queue service')[0]).toBe('APP-002');
  });
  it('finds Chinese text whole or in part', () => {
    expect(ids('付费模式与实际实例不一致')).toEqual(['K8S-003']);
    expect(ids('实际实例')).toEqual(['K8S-003']);
  });
  it('matches word prefixes, as the site search does', () => {
    expect(ids('imagepull')).toEqual(['K8S-001']);
  });
  it('applies filters', () => {
    expect(ids('connection refused', { service: ['rdev'] })).toEqual(['RDEV-002']);
  });
  it('returns nothing for nothing', () => {
    expect(ids('')).toEqual([]);
    expect(ids('zebra')).toEqual([]);
  });
  it('tokenises words in any script and adds CJK bigrams', () => {
    expect(tokens('Failed: 付费模式')).toEqual(['failed', '付费模式', '付费', '费模', '模式']);
  });
});
