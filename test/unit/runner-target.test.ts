import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/runner/target.ts';
import { catalogueOf } from '../support/catalogue.ts';

const catalogue = await catalogueOf([
  {
    id: 'POD001',
    title: 'Pods in CrashLoopBackOff',
    aliases: ['KubePodCrashLooping'],
    body: '```bash\nkubectl logs <pod-name> -n <namespace>\n```',
  },
  { id: 'K8S-002', title: 'Drift', body: '```bash\nkubectl get pods\n```' },
]);
const ids = (input: string) => resolveTarget(input, catalogue.runbooks).runbook.id;

describe('what runbook run is asked to run', () => {
  it('takes an ID in any spelling, and an alias or alert name', () => {
    expect(['POD001', 'pod001', 'Pod-001', 'k8s002', 'K8S 002'].map(ids)).toEqual([
      'POD001',
      'POD001',
      'POD001',
      'K8S-002',
      'K8S-002',
    ]);
    expect(ids('kubepodcrashlooping')).toBe('POD001');
  });

  it("takes an alert's runbook URL: the runbook from its path, the values from its query", () => {
    const target = resolveTarget(
      'https://runbooks.example.com/POD001?namespace=prod&pod_name=api-7c9&cluster=eu1#diagnosis',
      catalogue.runbooks,
    );
    expect(target.runbook.id).toBe('POD001');
    expect([...target.urlValues]).toEqual([
      ['namespace', 'prod'],
      ['pod', 'api-7c9'],
    ]);
    expect(target.unmatched).toEqual(['cluster']);
  });

  it("reads the canonical page URL and kube-prometheus's runbook_url path", () => {
    expect(ids('https://runbooks.example.com/runbooks/pod001/')).toBe('POD001');
    expect(ids('https://runbooks.example.com/runbooks/kubernetes/kubepodcrashlooping')).toBe('POD001');
  });

  it('suggests the nearest IDs for one that names nothing', () => {
    expect(() => resolveTarget('POD01', catalogue.runbooks)).toThrow(
      'no runbook "POD01" in the catalogue; did you mean POD001? (runbook list shows them all)',
    );
    expect(() => resolveTarget('https://runbooks.example.com/', catalogue.runbooks)).toThrow(/names no runbook/);
  });
});
