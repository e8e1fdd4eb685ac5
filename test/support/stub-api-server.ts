/**
 * A stub Kubernetes API server on 127.0.0.1, just enough for the real kubectl to get through a
 * command, so the tests can ask kubectl itself whether a command is valid: it serves discovery (the
 * resource types the validator knows: the v1.32 built-ins, those behind feature gates, and the
 * custom resources given), answers every read with a plausible object of the kind asked for (a
 * Deployment that is rolled out, a Pod that is Running and Ready with one container "app"), takes
 * every write, forgets what is deleted, and refuses the streams exec, attach and port-forward open
 * (noting that kubectl got that far). Not the wt-18 fake API server (test/support/fake-api-server.ts)
 * for the runner: this one keeps no real state and exists only to let kubectl give its verdict.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResourceSpec } from '../../src/kubectl/schema-types.ts';

/** Types `kubectl get all` lists: discovery puts them in the "all" category. */
const ALL_CATEGORY = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'horizontalpodautoscalers',
  'cronjobs',
  'jobs',
]);

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Subresources kubectl opens a stream on. */
const STREAMS = new Set(['exec', 'attach', 'portforward', 'proxy']);

export interface StubApiServer {
  url: string;
  /** Whether kubectl asked for a stream (exec, attach, port-forward) since the last reset. */
  streamed(): boolean;
  /** Requests since the last reset, as "METHOD path". */
  requests(): string[];
  reset(): void;
  close(): Promise<void>;
}

interface Route {
  resource: ResourceSpec;
  groupVersion: string;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

const groupVersionOf = (r: ResourceSpec, version = r.version) => (r.group ? `${r.group}/${version}` : version);

function objectFor(route: Route, name: string): Record<string, unknown> {
  const { resource, groupVersion, namespace } = route;
  const labels = { app: name };
  const metadata = {
    name,
    ...(resource.namespaced ? { namespace: namespace ?? 'default' } : {}),
    uid: `00000000-0000-0000-0000-${String(name.length).padStart(12, '0')}`,
    resourceVersion: '1',
    generation: 1,
    creationTimestamp: '2025-01-01T00:00:00Z',
    labels,
  };
  const container = { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] };
  const podSpec = { containers: [container], nodeName: 'node-1' };
  const template = { metadata: { labels }, spec: { containers: [container] } };
  const rolledOut = {
    replicas: 1,
    updatedReplicas: 1,
    readyReplicas: 1,
    availableReplicas: 1,
    currentReplicas: 1,
    observedGeneration: 1,
    currentRevision: 'r1',
    updateRevision: 'r1',
    conditions: [
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  };
  const byKind: Record<string, { spec?: unknown; status?: unknown; extra?: Record<string, unknown> }> = {
    Pod: {
      spec: podSpec,
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'ContainersReady', status: 'True' },
        ],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx:1.27', state: { running: {} } }],
      },
    },
    Deployment: { spec: { replicas: 1, selector: { matchLabels: labels }, template }, status: rolledOut },
    ReplicaSet: { spec: { replicas: 1, selector: { matchLabels: labels }, template }, status: rolledOut },
    StatefulSet: { spec: { replicas: 1, selector: { matchLabels: labels }, template }, status: rolledOut },
    ReplicationController: { spec: { replicas: 1, selector: labels, template }, status: rolledOut },
    DaemonSet: {
      spec: { selector: { matchLabels: labels }, template },
      status: {
        desiredNumberScheduled: 1,
        currentNumberScheduled: 1,
        updatedNumberScheduled: 1,
        numberAvailable: 1,
        numberReady: 1,
        observedGeneration: 1,
      },
    },
    Job: {
      spec: { template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } } },
      status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
    },
    CronJob: { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } } },
    Service: {
      spec: {
        selector: labels,
        ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
        type: 'ClusterIP',
        clusterIP: '10.0.0.10',
      },
    },
    Node: { spec: {}, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    Namespace: { spec: {}, status: { phase: 'Active' } },
    CertificateSigningRequest: { spec: { request: '', signerName: 'kubernetes.io/kube-apiserver-client', usages: [] } },
    ConfigMap: { extra: { data: { key: 'value' } } },
    Secret: { extra: { type: 'Opaque', data: { key: 'dmFsdWU=' } } },
  };
  const shape = byKind[resource.kind] ?? { spec: {} };
  return {
    apiVersion: groupVersion,
    kind: resource.kind,
    metadata,
    ...(shape.spec !== undefined ? { spec: shape.spec } : {}),
    ...(shape.status !== undefined ? { status: shape.status } : {}),
    ...shape.extra,
  };
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const notFound = (what: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: `${what} not found`,
  reason: 'NotFound',
  code: 404,
});

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the stub on a free port of 127.0.0.1, serving these resource types. */
export async function startStubApiServer(resources: readonly ResourceSpec[]): Promise<StubApiServer> {
  // One type per group and plural: the first served wins, as in the validator's index.
  const served = new Map<string, ResourceSpec>();
  for (const r of resources) if (!served.has(`${r.group}/${r.name}`)) served.set(`${r.group}/${r.name}`, r);
  const byGroupVersion = new Map<string, ResourceSpec[]>();
  for (const r of served.values()) {
    for (const version of [r.version, ...(r.otherVersions ?? [])]) {
      const gv = groupVersionOf(r, version);
      byGroupVersion.set(gv, [...(byGroupVersion.get(gv) ?? []), r]);
    }
  }
  const groups = new Map<string, { preferred: string; versions: string[] }>();
  for (const r of served.values()) {
    if (!r.group) continue;
    const group = groups.get(r.group) ?? { preferred: r.version, versions: [] };
    for (const v of [r.version, ...(r.otherVersions ?? [])]) if (!group.versions.includes(v)) group.versions.push(v);
    groups.set(r.group, group);
  }

  const deleted = new Set<string>();
  let log: string[] = [];
  let streamed = false;

  const resourceList = (gv: string) => ({
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: (byGroupVersion.get(gv) ?? []).flatMap((r) => [
      {
        name: r.name,
        singularName: r.singular,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: VERBS,
        ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
        ...(ALL_CATEGORY.has(r.name) && r.group !== 'events.k8s.io' ? { categories: ['all'] } : {}),
      },
      { name: `${r.name}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch'] },
      ...(r.scale
        ? [
            {
              name: `${r.name}/scale`,
              singularName: '',
              namespaced: r.namespaced,
              kind: 'Scale',
              verbs: ['get', 'patch', 'update'],
            },
          ]
        : []),
      ...(r.kind === 'Pod'
        ? ['log', 'exec', 'attach', 'portforward', 'eviction', 'ephemeralcontainers', 'binding'].map((sub) => ({
            name: `pods/${sub}`,
            singularName: '',
            namespaced: true,
            kind: sub === 'eviction' ? 'Eviction' : 'Pod',
            verbs: ['get', 'create', 'patch'],
          }))
        : []),
    ]),
  });

  /** /api/v1/namespaces/ns/pods/name/log, /apis/apps/v1/deployments, … */
  function route(parts: string[]): Route | undefined {
    let gv: string;
    let rest: string[];
    if (parts[0] === 'api') {
      gv = parts[1] ?? '';
      rest = parts.slice(2);
    } else {
      gv = `${parts[1] ?? ''}/${parts[2] ?? ''}`;
      rest = parts.slice(3);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const resource = (byGroupVersion.get(gv) ?? []).find((r) => r.name === rest[0]);
    if (!resource) return undefined;
    return { resource, groupVersion: gv, namespace, name: rest[1], subresource: rest[2] };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    log.push(`${method} ${url.pathname}`);
    const body = method === 'GET' ? '' : await bodyOf(req);
    const parts = url.pathname.split('/').filter(Boolean);

    // An OpenAPI v2 document with no definitions (an empty protobuf message): kubectl's client-side
    // validation of -f files then has a schema to load and checks the objects only for kind and apiVersion.
    if (url.pathname === '/openapi/v2')
      return send(res, 200, '', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    if (url.pathname === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0' });
    if (['/healthz', '/readyz', '/livez'].includes(url.pathname)) return send(res, 200, 'ok', 'text/plain');
    if (url.pathname === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'] });
    if (url.pathname === '/apis') {
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [...groups].map(([name, g]) => ({
          name,
          versions: g.versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
          preferredVersion: { groupVersion: `${name}/${g.preferred}`, version: g.preferred },
        })),
      });
    }
    if ((parts[0] === 'api' && parts.length === 2) || (parts[0] === 'apis' && parts.length === 3)) {
      const gv = parts[0] === 'api' ? parts[1]! : `${parts[1]}/${parts[2]}`;
      return byGroupVersion.has(gv) ? send(res, 200, resourceList(gv)) : send(res, 404, notFound(gv));
    }
    if (parts[0] !== 'api' && parts[0] !== 'apis') return send(res, 404, notFound(url.pathname));

    const r = route(parts);
    if (!r) return send(res, 404, notFound(url.pathname));
    const key = `${r.resource.group}/${r.resource.name}/${r.namespace ?? ''}/${r.name ?? ''}`;

    if (r.subresource && STREAMS.has(r.subresource)) {
      streamed = true;
      return send(res, 400, { kind: 'Status', status: 'Failure', message: 'streams are not served here', code: 400 });
    }
    if (r.subresource === 'log') return send(res, 200, 'a log line\n', 'text/plain');
    if (r.subresource === 'scale' && !r.resource.scale) return send(res, 404, notFound(`${r.resource.name}/scale`));
    if (r.subresource === 'scale') {
      const scale = {
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        metadata: { name: r.name, namespace: r.namespace ?? 'default', resourceVersion: '1' },
        spec: { replicas: 1 },
        status: { replicas: 1 },
      };
      return send(res, 200, scale);
    }
    if (r.subresource === 'token') {
      return send(res, 201, {
        kind: 'TokenRequest',
        apiVersion: 'authentication.k8s.io/v1',
        status: { token: 'stub' },
      });
    }
    if (r.subresource === 'eviction') {
      deleted.add(key);
      return send(res, 201, { kind: 'Status', apiVersion: 'v1', status: 'Success', code: 201 });
    }

    if (r.name === undefined) {
      if (method === 'POST') {
        // kubectl may send protobuf; a plausible object of the kind then stands in for what it sent.
        const posted = (() => {
          try {
            return JSON.parse(body) as Record<string, unknown>;
          } catch {
            return objectFor(r, 'created');
          }
        })();
        // Reviews answer yes: `kubectl auth can-i` exits 1 on "no".
        if (/subjectaccessreviews|selfsubjectrulesreviews|tokenreviews|selfsubjectreviews/.test(r.resource.name)) {
          posted['status'] = { allowed: true, authenticated: true, userInfo: { username: 'admin' } };
        }
        return send(res, 201, posted);
      }
      if (method === 'DELETE') return send(res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
      // A list: one object, unless the field selector names one that was deleted or selects by
      // anything but its name (pods on a node: none, so drain has nothing to evict).
      const fieldSelector = url.searchParams.get('fieldSelector') ?? '';
      const named = /^metadata\.name=(.+)$/.exec(fieldSelector)?.[1];
      const items =
        fieldSelector !== '' && named === undefined
          ? []
          : named !== undefined && deleted.has(`${r.resource.group}/${r.resource.name}/${r.namespace ?? ''}/${named}`)
            ? []
            : [objectFor(r, named ?? 'example')];
      if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
        // Watches end at once: kubectl lists again or gives up within its timeout.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return void res.end();
      }
      return send(res, 200, {
        kind: `${r.resource.kind}List`,
        apiVersion: r.groupVersion,
        metadata: { resourceVersion: '1' },
        items,
      });
    }

    if (deleted.has(key)) return send(res, 404, notFound(`${r.resource.name} "${r.name}"`));
    if (method === 'PATCH') {
      // As the API server does: a JSON patch body must be JSON, a json-patch a list of operations.
      const type = req.headers['content-type'] ?? '';
      if (!type.includes('apply-patch')) {
        let patch: unknown;
        try {
          patch = JSON.parse(body);
        } catch {
          return send(res, 400, { kind: 'Status', status: 'Failure', message: 'the patch is not JSON', code: 400 });
        }
        if (type.includes('json-patch') !== Array.isArray(patch))
          return send(res, 400, { kind: 'Status', status: 'Failure', message: 'wrong patch shape', code: 400 });
      }
      return send(res, 200, objectFor(r, r.name));
    }
    if (method === 'DELETE') {
      deleted.add(key);
      return send(res, 200, objectFor(r, r.name));
    }
    if (method === 'PUT' || method === 'POST') {
      try {
        return send(res, 200, JSON.parse(body));
      } catch {
        return send(res, 200, objectFor(r, r.name));
      }
    }
    return send(res, 200, objectFor(r, r.name));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    streamed: () => streamed,
    requests: () => [...log],
    reset() {
      deleted.clear();
      log = [];
      streamed = false;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
