import { describe, expect, it } from 'vitest';
import {
  buildIdIndex,
  idFromPath,
  idKey,
  idSlug,
  linkSpellings,
  resolveId,
  suggestIds,
  type IdTarget,
} from '../../src/domain/ids.ts';

const runbooks: IdTarget[] = [
  { id: 'K8S-001', aliases: ['DockerHubPullTimeout'], url: '/runbooks/k8s-001/' },
  { id: 'K8S-002', aliases: ['GitClusterDrift'], url: '/runbooks/k8s-002/' },
  { id: 'K8S-003', aliases: [], url: '/runbooks/k8s-003/' },
  { id: 'POD001', aliases: ['KubePodCrashLooping'], url: '/runbooks/pod001/' },
  { id: 'NODE001', aliases: [], url: '/runbooks/node001/' },
  { id: 'SHEP-010', aliases: [], url: '/runbooks/shep-010/' },
];
const index = buildIdIndex(runbooks);

describe('idKey', () => {
  it('ignores case and punctuation so every spelling of an ID compares equal', () => {
    for (const spelling of ['K8S-002', 'k8s-002', 'k8s002', 'K8S 002', 'k8s_002', ' K8S-002 ']) {
      expect(idKey(spelling)).toBe('K8S002');
    }
  });
  it('keeps digits that distinguish IDs', () => {
    expect(idKey('K8S-002')).not.toBe(idKey('K8S-020'));
  });
});

describe('idSlug', () => {
  it('is the lower-case ID with its hyphens, the canonical URL segment', () => {
    expect(idSlug('K8S-002')).toBe('k8s-002');
    expect(idSlug('POD001')).toBe('pod001');
  });
});

describe('linkSpellings', () => {
  it('covers the spellings alerts use: as written, lower, upper and compact', () => {
    expect(linkSpellings('K8S-002')).toEqual(['K8S-002', 'k8s-002', 'k8s002', 'K8S002']);
  });
  it('gives an alias its own case variants without duplicates', () => {
    expect(linkSpellings('KubePodCrashLooping')).toEqual([
      'KubePodCrashLooping',
      'kubepodcrashlooping',
      'KUBEPODCRASHLOOPING',
    ]);
  });
});

describe('resolveId', () => {
  it('resolves any spelling of an ID', () => {
    for (const spelling of ['K8S-002', 'k8s-002', 'k8s002', 'K8s-002', 'k8s 002']) {
      expect(resolveId(spelling, index)?.id).toBe('K8S-002');
    }
  });
  it('resolves aliases in any case', () => {
    expect(resolveId('kubepodcrashlooping', index)?.id).toBe('POD001');
    expect(resolveId('GitClusterDrift', index)?.id).toBe('K8S-002');
  });
  it('resolves nothing for unknown or empty input', () => {
    expect(resolveId('K8S-02', index)).toBeUndefined();
    expect(resolveId('', index)).toBeUndefined();
    expect(resolveId('---', index)).toBeUndefined();
  });
});

describe('suggestIds', () => {
  it('offers K8S-002 first for K8S-02 (same number, other zero padding)', () => {
    expect(suggestIds('K8S-02', runbooks)[0]?.id).toBe('K8S-002');
    expect(suggestIds('k8s-2', runbooks)[0]?.id).toBe('K8S-002');
  });
  it('lists the IDs that start with what was typed', () => {
    expect(suggestIds('k8s', runbooks).map((r) => r.id)).toEqual(['K8S-001', 'K8S-002', 'K8S-003']);
  });
  it('catches small typos', () => {
    expect(suggestIds('POD01', runbooks)[0]?.id).toBe('POD001');
    expect(suggestIds('NODE0001', runbooks)[0]?.id).toBe('NODE001');
    expect(suggestIds('KubePodCrashLoping', runbooks)[0]?.id).toBe('POD001');
  });
  it('suggests nothing for a word that is no ID at all', () => {
    expect(suggestIds('completely-unrelated', runbooks)).toEqual([]);
    expect(suggestIds('', runbooks)).toEqual([]);
  });
  it('respects the limit', () => {
    expect(suggestIds('k8s', runbooks, 2)).toHaveLength(2);
  });
});

describe('idFromPath', () => {
  it('takes the last segment, decoded, without slash or .html', () => {
    expect(idFromPath('/k8s002')).toBe('k8s002');
    expect(idFromPath('/docs/K8S-002/')).toBe('K8S-002');
    expect(idFromPath('/K8S%20002')).toBe('K8S 002');
    expect(idFromPath('/runbooks/k8s-999.html')).toBe('k8s-999');
  });
  it('returns nothing for the root and survives malformed escapes', () => {
    expect(idFromPath('/')).toBe('');
    expect(idFromPath('/%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('IDs without their zero padding, and the key table search looks names up in', () => {
  it('gives SHEP-14, SHEP-014 and shep014 one loose key', async () => {
    const { looseIdKey } = await import('../../src/domain/ids.ts');
    expect(['SHEP-14', 'SHEP-014', 'shep014', 'shep 14'].map(looseIdKey)).toEqual([
      'SHEP14',
      'SHEP14',
      'SHEP14',
      'SHEP14',
    ]);
    expect(looseIdKey('K8S-002')).toBe('K8S2');
    expect(looseIdKey('POD001')).toBe('POD1');
  });
  it('maps exact and loose keys to the folder of the forwarding page, and only names the site has', async () => {
    const { idKeyTable, lookUpIdKey } = await import('../../src/domain/ids.ts');
    const table = idKeyTable(['SHEP-014', 'K8S-002', 'GitClusterDrift', 'KubePodCrashLooping']);
    expect(lookUpIdKey('shep-14', table)).toBe('shep014');
    expect(lookUpIdKey('k8s 2', table)).toBe('k8s002');
    expect(lookUpIdKey('kubepodcrashlooping', table)).toBe('kubepodcrashlooping');
    expect(lookUpIdKey('crashloopbackoff', table)).toBeUndefined();
    expect(lookUpIdKey('pods keep restarting', table)).toBeUndefined();
  });
  it('leaves a loose key that two IDs share to the one it is exact for, or to none', async () => {
    const { idKeyTable, lookUpIdKey } = await import('../../src/domain/ids.ts');
    const table = idKeyTable(['APP-14', 'APP-014', 'X-07', 'X-007']);
    expect(lookUpIdKey('APP-14', table)).toBe('app14');
    expect(lookUpIdKey('APP-014', table)).toBe('app014');
    expect(lookUpIdKey('X-7', table)).toBeUndefined();
  });
});
