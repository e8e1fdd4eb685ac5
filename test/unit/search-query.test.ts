import { describe, expect, it } from 'vitest';
import { cjkBigrams, cjkRuns, hasCjk } from '../../src/text/cjk.ts';
import {
  cleanQuery,
  correctSpelling,
  isPastedLine,
  planQuery,
  queryWords,
  type TermStats,
} from '../../src/search/query.ts';
import { SYNONYMS, synonymRules } from '../../src/search/synonyms.ts';
import { camelParts, stem, stemsOf, tokenize } from '../../src/search/tokens.ts';
import { typingDistance } from '../../src/text/edit-distance.ts';

/** Statistics of a small imaginary site: what is common, what is rare, what exists. */
const stats: TermStats = {
  docs: 50,
  df: {
    pod: 40,
    oomkill: 3,
    crashloopbackoff: 4,
    imagepullbackoff: 5,
    nats: 1,
    certificate: 4,
    expir: 3,
    evict: 2,
    disk: 6,
    pressure: 5,
    apiserver: 2,
    connection: 20,
    refus: 10,
    rollback: 4,
    x509: 1,
    state: 6,
    exit: 4,
    code: 12,
  },
};
const texts = (query: string) => planQuery(query, stats).groups.map((g) => g.text);
const group = (query: string, text: string) => planQuery(query, stats).groups.find((g) => g.text === text)!;

describe('cleaning pasted lines', () => {
  it('drops what changes from incident to incident and keeps what tells', () => {
    const line =
      'E0301 10:12:44.123456 1234 pod_workers.go:1298] "Error syncing pod" pod="worker-5f7c9d8b6-abcde_app-workload(1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d)" containerID="containerd://4f5e6d7c8b9a0f1e2d3c4b5a69788776655443322110ffeeddccbbaa99887766" at 2026-03-01T10:00:00.123Z';
    const cleaned = cleanQuery(line);
    for (const gone of ['E0301', '10:12:44', 'pod_workers.go', '1a2b3c4d', 'containerd://', '5f7c9d8b6', '2026-03-01'])
      expect(cleaned).not.toContain(gone);
    expect(queryWords(line)).toEqual(
      ['1234', 'error', 'syncing', 'pod', 'pod', 'worker', 'app', 'workload', 'containerid', 'at'].filter(
        (w) => w !== '1234',
      ),
    );
  });

  it('drops addresses but keeps a well-known port as the signal it is', () => {
    expect(queryWords('dial tcp 10.0.12.4:6443: i/o timeout')).toEqual(['dial', 'tcp', '6443', 'i', 'o', 'timeout']);
    expect(queryWords('dial tcp 10.0.12.4:31337: i/o timeout')).toEqual(['dial', 'tcp', 'i', 'o', 'timeout']);
    expect(queryWords('connect to 10.1.2.3 failed')).toEqual(['connect', 'to', 'failed']);
  });

  it('keeps HTTP statuses and exit codes, drops sizes, durations, versions and counts', () => {
    expect(queryWords('Exit Code: 137 after 3m5s using 1.9Gi on v1.28.3 (0/3 nodes)')).toEqual([
      'exit',
      'code',
      '137',
      'after',
      'using',
      'on',
      'nodes',
    ]);
    expect(queryWords('HTTP/1.1 429 Too Many Requests')).toContain('429');
  });

  it('keeps the name of the workload from a pod name', () => {
    expect(queryWords('kubectl logs shepherd-7c9d8f6b5-x2x7q')).toEqual(['kubectl', 'logs', 'shepherd']);
    expect(queryWords('calico-node-x7k2p is not ready')).toEqual(['calico', 'node', 'is', 'not', 'ready']);
  });

  it('tells pasted lines from typed words', () => {
    expect(isPastedLine('Last State: Terminated Reason: OOMKilled')).toBe(true);
    expect(isPastedLine('pods keep restarting')).toBe(false);
  });
});

describe('the query plan', () => {
  it('lets the one telling word outweigh the boilerplate of an error line', () => {
    const plan = planQuery('Last State: Terminated Reason: OOMKilled Exit Code: 137', stats);
    const weight = (t: string) => plan.groups.find((g) => g.text === t)!.weight;
    for (const filler of ['last', 'state', 'reason']) expect(weight('oomkilled')).toBeGreaterThan(3 * weight(filler));
    expect(group('Last State: Terminated Reason: OOMKilled Exit Code: 137', 'last').kind).toBe('boilerplate');
    // "Exit Code: 137" is how a container killed for memory is reported: it searches for OOMKilled too.
    const exit = group('Last State: Terminated Reason: OOMKilled Exit Code: 137', 'exit code 137');
    expect(exit.alternatives.map((a) => a.stems.join(' '))).toContain(stem('OOMKilled'));
  });

  it('drops filler words and searches synonyms of what is left', () => {
    expect(texts('why are my pods crashing again')).toEqual(['pods', 'crashing']);
    expect(group('pods keep restarting', 'keep restarting').alternatives.map((a) => a.stems.join(' '))).toContain(
      'crashloopbackoff',
    );
    expect(group('pvc full', 'pvc').alternatives.map((a) => a.stems.join(' '))).toEqual(
      expect.arrayContaining(['pvc', 'persistentvolumeclaim', 'persistent volume claim']),
    );
    expect(group('out of memory again', 'out of memory').alternatives.map((a) => a.stems.join(' '))).toContain(
      stem('oomkilled'),
    );
  });

  it('searches a well-known port as its component', () => {
    const port = group('dial tcp 10.0.12.4:6443: i/o timeout', '6443');
    expect(port.kind).toBe('signal');
    expect(port.alternatives.map((a) => a.stems.join(' '))).toContain('apiserver');
  });

  it('joins words the site writes as one, and corrects typed misspellings, but not pasted ones', () => {
    expect(texts('image pull backoff')).toEqual(['image pull backoff']);
    expect(group('crashloopbakoff', 'crashloopbakoff').alternatives.map((a) => [a.stems[0], a.via])).toContainEqual([
      'crashloopbackoff',
      'spelling',
    ]);
    expect(group('evcited pods', 'evcited').alternatives.map((a) => a.stems[0])).toContain('evict');
    expect(group('error: evcited: pods', 'evcited').alternatives).toHaveLength(1);
  });

  it('marks words the site has nowhere, and weighs them less in pasted lines', () => {
    const typed = group('kafka consumer lag', 'kafka');
    const pasted = group('kafka: consumer lag', 'kafka');
    expect(typed.unknown).toBe(true);
    expect(pasted.weight).toBeLessThan(typed.weight);
  });

  it('searches Chinese by the table of operations terms and by bigrams', () => {
    const plan = planQuery('镜像拉取失败', stats);
    expect(plan.groups.map((g) => g.text)).toEqual(['镜像', '拉取', '失败']);
    expect(plan.groups[0]!.alternatives.map((a) => a.stems.join(' '))).toContain('image');
    expect(planQuery('付费模式', stats).groups.map((g) => g.text)).toEqual(['付费', '费模', '模式']);
  });
});

describe('the synonym table', () => {
  it('covers the shorthand and phrases operators use', () => {
    const rules = synonymRules();
    const expands = (from: string) =>
      rules.filter((r) => r.match.join(' ') === from).flatMap((r) => r.expand.map((e) => e.join(' ')));
    expect(expands('img')).toContain('image');
    expect(expands('pvc')).toContain('persistentvolumeclaim');
    expect(expands('pv')).toContain('persistentvolume');
    expect(expands('hpa')).toContain('horizontalpodautoscaler');
    expect(expands('cm')).toContain('configmap');
    expect(expands('svc')).toContain('service');
    expect(expands('deploy')).toContain('deployment');
    expect(expands('ns')).toContain('namespace');
    expect(expands('sts')).toContain('statefulset');
    expect(expands('ds')).toContain('daemonset');
    expect(expands('po')).toContain('pod');
    expect(expands('oom')).toContain('oomkilled');
    expect(expands('out of memory')).toContain('oomkilled');
    expect(expands('502')).toEqual(expect.arrayContaining(['ingress', 'load balancer']));
    expect(expands('bad gateway')).toContain('ingress');
    expect(expands('rolling out')).toContain('rollout');
    expect(expands('down from outside')).toEqual(['ingress', 'load balancer']);
    expect(expands('6443')).toEqual(['apiserver']);
  });

  it('has no entry that points at itself or is empty, and tries the longest trigger first', () => {
    for (const entry of SYNONYMS) {
      const terms = 'same' in entry ? entry.same : [...entry.from, ...entry.to];
      expect(terms.length).toBeGreaterThan(1);
      for (const t of terms) expect(t.trim()).toBe(t);
    }
    const rules = synonymRules();
    const lengths = rules.map((r) => r.match.join(' ').length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});

describe('words as search compares them', () => {
  it('stems plurals, -ing and -ed, and leaves short words and words with digits alone', () => {
    expect(['restarts', 'restarting', 'restarted'].map(stem)).toEqual(['restart', 'restart', 'restart']);
    expect(['nodes', 'node', 'probes', 'policies', 'running', 'pulled', 'pods', 'logs'].map(stem)).toEqual([
      'node',
      'node',
      'probe',
      'policy',
      'run',
      'pull',
      'pod',
      'log',
    ]);
    expect(['x509', 'k8s', 'dns', 'status', 'address'].map(stem)).toEqual(['x509', 'k8s', 'dns', 'status', 'address']);
  });

  it('splits CamelCase names into their parts as well', () => {
    expect(camelParts('ImagePullBackOff')).toEqual(['image', 'pull', 'back', 'off']);
    expect(camelParts('OOMKilled')).toEqual(['oom', 'killed']);
    expect(camelParts('x509')).toEqual([]);
    expect(tokenize('CrashLoopBackOff now').map((t) => t.stem)).toEqual([
      'crashloopbackoff',
      'crash',
      'loop',
      'back',
      'off',
      'now',
    ]);
  });

  it('adds the bigrams of CJK text', () => {
    expect(stemsOf('Warning: 付费模式')).toEqual(['warn', '付费', '费模', '模式']);
    expect(cjkBigrams('警告 付费模式 ok')).toBe('警告 付费 费模 模式');
    expect(hasCjk('x509 expired')).toBe(false);
  });

  it('keeps of a text only its CJK runs, which give the same bigrams', () => {
    const texts = [
      '## 排查\n\n运行 `kubectl get pods`：**付费**模式与实际实例不一致。ノード 노드 x',
      'no CJK here at all',
      '单',
      '重复 重复 重复',
    ];
    for (const text of texts) expect(cjkBigrams(cjkRuns(text))).toBe(cjkBigrams(text));
    expect(cjkRuns('a 付费 b **模式** c')).toBe('付费 模式');
    expect(cjkRuns('plain English')).toBe('');
  });

  it('counts a swap of neighbouring letters as one typo', () => {
    expect(typingDistance('evcit', 'evict')).toBe(1);
    expect(typingDistance('rollbak', 'rollback')).toBe(1);
    expect(typingDistance('same', 'same')).toBe(0);
    expect(correctSpelling('certifcate', { docs: 3, df: { certificate: 2, certify: 1 } })).toBe('certificate');
    expect(correctSpelling('zebra', stats)).toBeUndefined();
  });
});
