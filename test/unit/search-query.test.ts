import { describe, expect, it } from 'vitest';
import { cjkBigrams, hasCjk } from '../../src/text/cjk.ts';
import { containsPhrase, mergeWordResults, phraseKey, planSearch, queryWords } from '../../src/search/query.ts';

describe('queryWords', () => {
  it('drops what changes from incident to incident: addresses, ports, hashes, pod names, quotes, numbers', () => {
    expect(queryWords('Failed to pull image "redis:7.2-alpine": dial tcp 1.2.3.4:443: i/o timeout')).toEqual([
      'Failed',
      'to',
      'pull',
      'image',
      'redis',
      '7.2-alpine',
      'dial',
      'tcp',
      'i/o',
      'timeout',
    ]);
    expect(queryWords('kubectl describe pod redis-57f57df567-qzjmq')).toEqual(['kubectl', 'describe', 'pod']);
    expect(queryWords('0/3 nodes are available: insufficient memory')).toEqual([
      '0/3',
      'nodes',
      'are',
      'available',
      'insufficient',
      'memory',
    ]);
  });
});

describe('planSearch', () => {
  it('searches a pasted line whole, then by its distinctive words, longest first', () => {
    const plan = planSearch('Failed to pull image "redis:7.2-alpine": dial tcp 1.2.3.4:443: i/o timeout');
    expect(plan.all).toBe('pull image redis 7.2-alpine i/o timeout');
    expect(plan.each).toEqual(['7.2-alpine', 'timeout', 'image', 'redis', 'pull', 'i/o']);
  });
  it('keeps filler words when too little would be left without them', () => {
    expect(planSearch('Name resolution failed').all).toBe('Name resolution');
    expect(planSearch('Certificate expired').all).toBe('Certificate expired');
    expect(planSearch('failed to get').all).toBe('failed to get');
  });
  it('searches one word as it is', () => {
    expect(planSearch('CrashLoopBackOff')).toEqual({ all: 'CrashLoopBackOff', each: [] });
  });
  it('searches Chinese by its bigrams', () => {
    expect(planSearch('实际实例').all).toBe('实际 际实 实例');
  });
});

describe('CJK bigrams', () => {
  it('turns runs into overlapping pairs and leaves Latin text out', () => {
    expect(cjkBigrams('警告 付费模式 ok')).toBe('警告 付费 费模 模式');
    expect(hasCjk('x509 expired')).toBe(false);
    expect(hasCjk('付费')).toBe(true);
  });
});

describe('mergeWordResults', () => {
  it('ranks pages that many words find, near the top, first', () => {
    expect(mergeWordResults([['a', 'b'], ['b', 'c'], ['b']]).map((h) => h.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('containsPhrase', () => {
  it('finds a pasted line in a page word for word, punctuation and case aside', () => {
    expect(phraseKey('Logs show `dial tcp: connection refused`')).toBe('logs show dial tcp connection refused');
    expect(containsPhrase('Logs show dial tcp: connection refused here', 'dial tcp: connection refused')).toBe(true);
    expect(containsPhrase('connection to tcp refused', 'dial tcp: connection refused')).toBe(false);
    expect(containsPhrase('anything', 'single')).toBe(false);
  });
});
