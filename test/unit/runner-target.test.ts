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

describe('runbook run given an upstream alert', () => {
  const alerts = [
    {
      name: 'KubeDeploymentRolloutStuck',
      summary: 'Deployment rollout is not progressing.',
      lands: 'runbook' as const,
      page: '/alerts/kubedeploymentrolloutstuck/',
      runbooks: [{ id: 'K8S-002', labels: { namespace: 'namespace', deployment: 'deployment' } }],
    },
    {
      name: 'KubePodNotReady',
      summary: 'Pod has been in a non-ready state for more than 15 minutes.',
      lands: 'compare' as const,
      page: '/alerts/kubepodnotready/',
      runbooks: [
        { id: 'POD001', when: 'The backend pods.', labels: { exported_pod: 'pod' } },
        { id: 'K8S-002', when: 'After a drift.', labels: {} },
      ],
    },
    {
      name: 'KubeletTooManyPods',
      summary: 'Kubelet is running at capacity.',
      lands: 'alert-page' as const,
      page: '/alerts/kubelettoomanypods/',
      runbooks: [],
    },
  ];
  const resolve = (input: string) => resolveTarget(input, catalogue.runbooks, alerts);

  it('runs the one runbook an alert lands on, by its name in any case and by its kube-prometheus URL', () => {
    expect(resolve('KubeDeploymentRolloutStuck').runbook.id).toBe('K8S-002');
    expect(resolve('kubedeploymentrolloutstuck').alert).toBe('KubeDeploymentRolloutStuck');
    expect(
      resolve('https://runbooks.example.com/runbooks/kubernetes/kubedeploymentrolloutstuck?namespace=prod').runbook.id,
    ).toBe('K8S-002');
  });

  it('fills variables from the labels the mapping names, also when the runbook is reached by its ID', () => {
    const target = resolve('https://runbooks.example.com/POD001?exported_pod=api-7c9&namespace=prod');
    expect(target.urlValues.get('pod')).toBe('api-7c9');
    expect(target.urlValues.get('namespace')).toBe('prod');
    expect(target.alert).toBeUndefined();
  });

  it('refuses an alert several runbooks cover, naming each with when to pick it', () => {
    expect(() => resolve('KubePodNotReady')).toThrow(
      /KubePodNotReady is covered by 2 runbooks: pick one and run it by its ID:\n {2}POD001: The backend pods\.\n {2}K8S-002: After a drift\.\nIts page: \/alerts\/kubepodnotready\//,
    );
  });

  it('says so when no runbook covers an alert yet, with its page', () => {
    expect(() => resolve('KubeletTooManyPods')).toThrow(
      'no runbook for the alert KubeletTooManyPods yet (Kubelet is running at capacity.): start from the triage tree. Its page: /alerts/kubelettoomanypods/',
    );
  });

  it('a runbook ID or alias comes before an alert of the same spelling', () => {
    expect(resolve('KubePodCrashLooping').runbook.id).toBe('POD001');
  });
});
