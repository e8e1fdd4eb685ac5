/**
 * What the fake API server serves: the resource types it announces in discovery (the legacy
 * /api and /apis documents, which kubectl falls back to when the server does not answer with the
 * aggregated kind) and the objects of a small cluster for the runbooks' commands to find.
 */

/** A Kubernetes object as JSON. */
export type KubeObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
};

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

export interface ResourceType {
  /** "" for the core group. */
  group: string;
  version: string;
  kind: string;
  /** The URL segment: "pods". */
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** Subresources served: "log" (pods), "scale" (deployments). */
  subresources: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function type(
  group: string,
  version: string,
  kind: string,
  plural: string,
  shortNames: string[],
  namespaced: boolean,
  subresources: string[] = [],
): ResourceType {
  return { group, version, kind, plural, singular: kind.toLowerCase(), shortNames, namespaced, subresources };
}

/** The types kubectl get, describe, logs, delete, scale and rollout restart need, and what describe looks up. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type('', 'v1', 'Namespace', 'namespaces', ['ns'], false),
  type('', 'v1', 'Node', 'nodes', ['no'], false),
  type('', 'v1', 'Pod', 'pods', ['po'], true, ['log']),
  type('', 'v1', 'Service', 'services', ['svc'], true),
  type('', 'v1', 'Endpoints', 'endpoints', ['ep'], true),
  type('', 'v1', 'Event', 'events', ['ev'], true),
  type('', 'v1', 'ConfigMap', 'configmaps', ['cm'], true),
  type('', 'v1', 'Secret', 'secrets', [], true),
  type('apps', 'v1', 'Deployment', 'deployments', ['deploy'], true, ['scale']),
  type('apps', 'v1', 'ReplicaSet', 'replicasets', ['rs'], true, ['scale']),
  type('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', [], true),
  type('coordination.k8s.io', 'v1', 'Lease', 'leases', [], true),
];

export const apiVersionOf = (t: Pick<ResourceType, 'group' | 'version'>) =>
  t.group ? `${t.group}/${t.version}` : t.version;

/** GET /api */
export const coreVersions = (serverAddress: string) => ({
  kind: 'APIVersions',
  versions: ['v1'],
  serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
});

/** GET /apis */
export function groupList() {
  const groups = [...new Set(RESOURCE_TYPES.filter((t) => t.group).map((t) => `${t.group}/${t.version}`))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((groupVersion) => {
      const [name, version] = groupVersion.split('/') as [string, string];
      const preferred = { groupVersion, version };
      return { name, versions: [preferred], preferredVersion: preferred };
    }),
  };
}

/** GET /api/v1, /apis/apps/v1, …: undefined for a group version the server does not have. */
export function resourceList(groupVersion: string) {
  const types = RESOURCE_TYPES.filter((t) => apiVersionOf(t) === groupVersion);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: types.flatMap((t) => [
      {
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ALL_VERBS,
        ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      },
      ...t.subresources.map((sub) => ({
        name: `${t.plural}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: sub === 'scale' ? 'Scale' : t.kind,
        ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : {}),
        verbs: sub === 'scale' ? ['get', 'patch', 'update'] : ['get'],
      })),
    ]),
  };
}

/** The server's version: kubectl's dispatcher (Google Cloud SDK) picks its kubectl by it. */
export const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T00:00:00Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const minutesAgo = (now: number, minutes: number) => new Date(now - minutes * 60_000).toISOString();

function meta(
  now: number,
  name: string,
  namespace: string | undefined,
  minutes: number,
  labels?: Record<string, string>,
) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    creationTimestamp: minutesAgo(now, minutes),
    ...(labels ? { labels } : {}),
  };
}

export interface PodSpec {
  name: string;
  namespace: string;
  node: string;
  phase?: string;
  ready?: boolean;
  restarts?: number;
  waiting?: string;
  labels?: Record<string, string>;
}

export function pod(now: number, spec: PodSpec): KubeObject {
  const ready = spec.ready ?? true;
  const state = spec.waiting
    ? { waiting: { reason: spec.waiting, message: `back-off restarting failed container app in pod ${spec.name}` } }
    : { running: { startedAt: minutesAgo(now, 30) } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(now, spec.name, spec.namespace, 42, spec.labels ?? { app: spec.name.split('-')[0]! }),
    spec: {
      nodeName: spec.node,
      containers: [
        { name: 'app', image: 'registry.example.com/app:1.4.2', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
      ],
      restartPolicy: 'Always',
    },
    status: {
      phase: spec.phase ?? 'Running',
      podIP: '10.244.1.17',
      hostIP: '192.168.10.11',
      startTime: minutesAgo(now, 42),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [
        {
          name: 'app',
          image: 'registry.example.com/app:1.4.2',
          imageID: 'registry.example.com/app@sha256:0000',
          ready,
          restartCount: spec.restarts ?? 0,
          started: ready,
          state,
        },
      ],
    },
  };
}

/** A small cluster: namespaces default, kube-system and prod; two nodes; an api Deployment in prod with its pods. */
export function defaultObjects(now = Date.now()): KubeObject[] {
  const namespace = (name: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(now, name, undefined, 600, { 'kubernetes.io/metadata.name': name }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  const node = (name: string, ready: boolean): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(now, name, undefined, 900, { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/worker': '' }),
    spec: {},
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
        {
          type: 'Ready',
          status: ready ? 'True' : 'Unknown',
          reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
          message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
        },
      ],
      addresses: [{ type: 'InternalIP', address: ready ? '192.168.10.11' : '192.168.10.12' }],
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '15Gi', pods: '110' },
      nodeInfo: {
        kubeletVersion: 'v1.32.4',
        osImage: 'Debian GNU/Linux 12',
        containerRuntimeVersion: 'containerd://1.7',
      },
    },
  });
  const labels = { app: 'api' };
  return [
    namespace('default'),
    namespace('kube-system'),
    namespace('prod'),
    node('node-1', true),
    node('node-2', false),
    pod(now, { name: 'api-7c9', namespace: 'prod', node: 'node-1', labels }),
    pod(now, {
      name: 'api-5f2',
      namespace: 'prod',
      node: 'node-1',
      labels,
      ready: false,
      restarts: 7,
      waiting: 'CrashLoopBackOff',
    }),
    pod(now, { name: 'worker-1', namespace: 'prod', node: 'node-2', labels: { app: 'worker' } }),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(now, 'api', 'prod', 120, labels),
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.4.2' }] },
        },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      },
      status: { replicas: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(now, 'api', 'prod', 120, labels),
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        selector: labels,
        ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(now, 'api-credentials', 'prod', 120),
      type: 'Opaque',
      data: { password: Buffer.from('hunter2-not-a-real-password').toString('base64') },
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta(now, 'api-5f2.17a', 'prod', 3),
      involvedObject: { kind: 'Pod', namespace: 'prod', name: 'api-5f2', apiVersion: 'v1' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod api-5f2',
      type: 'Warning',
      count: 7,
      firstTimestamp: minutesAgo(now, 40),
      lastTimestamp: minutesAgo(now, 3),
      source: { component: 'kubelet', host: 'node-1' },
    },
  ];
}
