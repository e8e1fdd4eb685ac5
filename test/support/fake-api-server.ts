/**
 * A small fake Kubernetes API server of the project's own, for tests that run the real kubectl:
 * plain HTTP on 127.0.0.1 and a free port, enough discovery (/version, /api, /apis and their
 * resource lists) and objects (namespaces, nodes, pods, deployments, services, events, secrets) for
 * kubectl v1.32 to get, describe, logs (-f too), delete, scale and rollout restart. It records every
 * request it receives, so a test can assert what reached "the cluster" and, above all, what did not.
 *
 * No OpenAPI document (/openapi/v2 and /v3 answer 404): kubectl get prints the server's tables and
 * describe uses its typed describers, so neither asks for one; explain, apply and edit would.
 *
 * Plain HTTP rather than TLS: there is no certificate to make, and nothing but 127.0.0.1 is ever
 * involved. Tests point kubectl at it with a kubeconfig of their own (test/support/kubeconfig.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  apiVersionOf,
  coreVersions,
  defaultObjects,
  groupList,
  resourceList,
  RESOURCE_TYPES,
  VERSION,
  type KubeObject,
  type ResourceType,
} from './fake-api/resources.ts';
import { jsonPatch, matchesFields, matchesLabels, mergePatch } from './fake-api/selectors.ts';
import { toTable, wantsTable } from './fake-api/tables.ts';

export type { KubeObject } from './fake-api/resources.ts';

export interface RecordedRequest {
  method: string;
  /** The path without the query: /api/v1/namespaces/prod/pods/api-7c9. */
  path: string;
  query: Record<string, string>;
  accept: string;
  contentType: string;
  userAgent: string;
  body: string;
  /** Milliseconds since the epoch, when the request arrived. */
  at: number;
}

export interface FakeApiServerOptions {
  /** The cluster's objects; defaultObjects() when not given. */
  objects?: KubeObject[];
  /** Log lines per pod ("prod/api-7c9"); pods without get a few generic lines. */
  logs?: Record<string, string[]>;
  /** How often `logs -f` writes another line after the pod's log, in ms. Default 200. */
  followIntervalMs?: number;
}

export interface FakeApiServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The requests that would change the cluster: POST, PUT, PATCH, DELETE. */
  mutations(): RecordedRequest[];
  /** The object as the server holds it now, or undefined. */
  object(plural: string, namespace: string | undefined, name: string): KubeObject | undefined;
  clearRequests(): void;
  close(): Promise<void>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

interface Watcher {
  type: ResourceType;
  namespace: string | undefined;
  query: URLSearchParams;
  table: boolean;
  response: ServerResponse;
}

function status(code: number, reason: string, message: string, details?: Record<string, unknown>) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code };
}

function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** /api/v1/namespaces/prod/pods/x/log, /apis/apps/v1/deployments, …: what a resource path names. */
function parseResourcePath(path: string): Target | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  let groupVersion: string;
  let rest: string[];
  if (segments[0] === 'api' && segments[1]) {
    groupVersion = segments[1];
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments[1] && segments[2]) {
    groupVersion = `${segments[1]}/${segments[2]}`;
    rest = segments.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource] = rest;
  const type = RESOURCE_TYPES.find((t) => apiVersionOf(t) === groupVersion && t.plural === plural);
  return type ? { type, namespace, name, subresource } : undefined;
}

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });

export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
  const now = Date.now();
  const requests: RecordedRequest[] = [];
  const store = new Map<string, KubeObject>();
  const watchers = new Set<Watcher>();
  let resourceVersion = 100;
  let uid = 0;

  const typeOf = (o: KubeObject) => RESOURCE_TYPES.find((t) => apiVersionOf(t) === o.apiVersion && t.kind === o.kind);
  const keyOf = (type: ResourceType, namespace: string | undefined, name: string) =>
    `${apiVersionOf(type)}|${type.plural}|${type.namespaced ? (namespace ?? '') : ''}|${name}`;
  const stamp = (o: KubeObject) => {
    o.metadata.resourceVersion = String(++resourceVersion);
    o.metadata.uid ??= `00000000-0000-4000-8000-${String(++uid).padStart(12, '0')}`;
    o.metadata.creationTimestamp ??= new Date().toISOString();
    return o;
  };
  for (const object of options.objects ?? defaultObjects(now)) {
    const type = typeOf(object);
    if (!type) throw new Error(`fake API server: no resource type for ${object.apiVersion} ${object.kind}`);
    store.set(keyOf(type, object.metadata.namespace, object.metadata.name), stamp(structuredClone(object)));
  }
  // describe finds an object's events by its uid, which the server gives out: fill it in.
  for (const event of store.values()) {
    const involved = event['involvedObject'] as { kind?: string; namespace?: string; name?: string; uid?: string };
    if (event.kind !== 'Event' || !involved || involved.uid) continue;
    const owner = [...store.values()].find(
      (o) =>
        o.kind === involved.kind && o.metadata.name === involved.name && o.metadata.namespace === involved.namespace,
    );
    if (owner?.metadata.uid) involved.uid = owner.metadata.uid;
  }

  const list = (type: ResourceType, namespace: string | undefined, query: URLSearchParams) =>
    [...store.values()].filter(
      (o) =>
        typeOf(o) === type &&
        (!type.namespaced || namespace === undefined || o.metadata.namespace === namespace) &&
        matchesLabels(o.metadata.labels, query.get('labelSelector')) &&
        matchesFields(o, query.get('fieldSelector')),
    );

  const notify = (event: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) => {
    for (const w of watchers) {
      if (typeOf(object) !== w.type) continue;
      if (w.type.namespaced && w.namespace !== undefined && object.metadata.namespace !== w.namespace) continue;
      if (!matchesLabels(object.metadata.labels, w.query.get('labelSelector'))) continue;
      if (!matchesFields(object, w.query.get('fieldSelector'))) continue;
      const shown = w.table ? toTable(object.kind, [object], Date.now(), w.query.get('includeObject')) : object;
      w.response.write(`${JSON.stringify({ type: event, object: shown })}\n`);
    }
  };

  function watch(target: Target, query: URLSearchParams, request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    const watcher: Watcher = {
      type: target.type,
      namespace: target.namespace,
      query,
      table: wantsTable(request.headers.accept),
      response,
    };
    // A watch from a list's resourceVersion gets only what changes after; one without gets the present first.
    const since = query.get('resourceVersion');
    if (!since || since === '0') {
      for (const o of list(target.type, target.namespace, query)) {
        const shown = watcher.table ? toTable(o.kind, [o], Date.now(), query.get('includeObject')) : o;
        response.write(`${JSON.stringify({ type: 'ADDED', object: shown })}\n`);
      }
    }
    watchers.add(watcher);
    const timeout = Number(query.get('timeoutSeconds') ?? 0);
    const timer = timeout > 0 ? setTimeout(() => response.end(), timeout * 1000) : undefined;
    request.on('close', () => {
      clearTimeout(timer);
      watchers.delete(watcher);
    });
  }

  function logs(target: Target, query: URLSearchParams, request: IncomingMessage, response: ServerResponse) {
    const pod = store.get(keyOf(target.type, target.namespace, target.name!));
    if (!pod) return sendJson(response, 404, status(404, 'NotFound', `pods "${target.name}" not found`));
    const lines = options.logs?.[`${target.namespace}/${target.name}`] ?? [
      `starting ${target.name}`,
      'listening on :8080',
      'GET /healthz 200',
    ];
    const tail = query.get('tailLines');
    const shown = tail ? lines.slice(-Number(tail)) : lines;
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    for (const line of shown) response.write(`${line}\n`);
    if (query.get('follow') !== 'true') return response.end();
    // -f: the log goes on until kubectl goes away (Ctrl-C), one line at a time.
    let tick = 0;
    const timer = setInterval(() => response.write(`tick ${++tick}\n`), options.followIntervalMs ?? 200);
    request.on('close', () => clearInterval(timer));
  }

  function scale(object: KubeObject, method: string, body: string, response: ServerResponse) {
    const spec = (object['spec'] ?? {}) as Record<string, unknown>;
    if (method === 'PATCH' || method === 'PUT') {
      const change = JSON.parse(body) as { spec?: { replicas?: number } };
      if (change.spec?.replicas !== undefined) {
        object['spec'] = { ...spec, replicas: change.spec.replicas };
        stamp(object);
        notify('MODIFIED', object);
      }
    }
    sendJson(response, 200, {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: object.metadata.name,
        namespace: object.metadata.namespace,
        resourceVersion: object.metadata.resourceVersion,
      },
      spec: { replicas: (object['spec'] as { replicas?: number }).replicas ?? 0 },
      status: { replicas: (object['status'] as { replicas?: number } | undefined)?.replicas ?? 0 },
    });
  }

  function resource(request: IncomingMessage, response: ServerResponse, url: URL, body: string, target: Target) {
    const method = request.method ?? 'GET';
    const { type, namespace, name, subresource } = target;
    const query = url.searchParams;
    const table = wantsTable(request.headers.accept);
    if (name === undefined) {
      if (method === 'GET') {
        if (query.get('watch') === 'true' || query.get('watch') === '1') return watch(target, query, request, response);
        const items = list(type, namespace, query);
        return sendJson(
          response,
          200,
          table
            ? toTable(type.kind, items, Date.now(), query.get('includeObject'))
            : {
                kind: `${type.kind}List`,
                apiVersion: apiVersionOf(type),
                metadata: { resourceVersion: String(resourceVersion) },
                items,
              },
        );
      }
      if (method === 'POST') {
        const object = JSON.parse(body) as KubeObject;
        if (query.get('dryRun') === 'All') return sendJson(response, 201, object);
        const key = keyOf(type, namespace ?? object.metadata.namespace, object.metadata.name);
        if (store.has(key))
          return sendJson(
            response,
            409,
            status(409, 'AlreadyExists', `${type.plural} "${object.metadata.name}" already exists`),
          );
        if (type.namespaced) object.metadata.namespace = namespace ?? object.metadata.namespace ?? 'default';
        store.set(key, stamp(object));
        notify('ADDED', object);
        return sendJson(response, 201, object);
      }
      return sendJson(response, 405, status(405, 'MethodNotAllowed', `${method} on a collection`));
    }

    const key = keyOf(type, namespace, name);
    const object = store.get(key);
    const missing = () =>
      sendJson(
        response,
        404,
        status(404, 'NotFound', `${type.plural}${type.group ? `.${type.group}` : ''} "${name}" not found`, {
          name,
          kind: type.plural,
          group: type.group,
        }),
      );
    if (subresource === 'log' && method === 'GET') return logs(target, query, request, response);
    if (!object) return missing();
    if (subresource === 'scale') return scale(object, method, body, response);
    if (subresource) return missing();
    // Deletes carry dryRun in their DeleteOptions body, other verbs in the query.
    const deleteOptions = method === 'DELETE' && body ? (JSON.parse(body) as { dryRun?: string[] }) : {};
    const dryRun = query.get('dryRun') === 'All' || (deleteOptions.dryRun ?? []).includes('All');
    switch (method) {
      case 'GET':
        return sendJson(
          response,
          200,
          table ? toTable(type.kind, [object], Date.now(), query.get('includeObject')) : object,
        );
      case 'DELETE': {
        if (dryRun) return sendJson(response, 200, object);
        store.delete(key);
        const deleted = { ...object, metadata: { ...object.metadata, deletionTimestamp: new Date().toISOString() } };
        notify('DELETED', deleted);
        return sendJson(response, 200, deleted);
      }
      case 'PATCH': {
        const contentType = request.headers['content-type'] ?? '';
        const patch = JSON.parse(body) as unknown;
        const patched = (
          contentType.includes('json-patch')
            ? jsonPatch(object, patch as Record<string, unknown>[])
            : mergePatch(object, patch)
        ) as KubeObject;
        if (dryRun) return sendJson(response, 200, patched);
        store.set(key, stamp(patched));
        notify('MODIFIED', patched);
        return sendJson(response, 200, patched);
      }
      case 'PUT': {
        const replaced = JSON.parse(body) as KubeObject;
        if (dryRun) return sendJson(response, 200, replaced);
        store.set(key, stamp(replaced));
        notify('MODIFIED', replaced);
        return sendJson(response, 200, replaced);
      }
      default:
        return sendJson(response, 405, status(405, 'MethodNotAllowed', `${method} is not supported`));
    }
  }

  let serverAddress = '';
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept: request.headers.accept ?? '',
      contentType: request.headers['content-type'] ?? '',
      userAgent: request.headers['user-agent'] ?? '',
      body,
      at: Date.now(),
    });
    try {
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (path === '/version') return sendJson(response, 200, VERSION);
      if (path === '/api') return sendJson(response, 200, coreVersions(serverAddress));
      if (path === '/apis') return sendJson(response, 200, groupList());
      const discovery = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(path);
      if (discovery) {
        const document = resourceList(discovery[1] ?? discovery[2]!);
        return document
          ? sendJson(response, 200, document)
          : sendJson(response, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      }
      const target = parseResourcePath(path);
      if (target) return resource(request, response, url, body, target);
      return sendJson(response, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    } catch (error) {
      return sendJson(response, 500, status(500, 'InternalError', (error as Error).message));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  serverAddress = `127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    mutations: () => requests.filter((r) => MUTATING.has(r.method)),
    object: (plural, namespace, name) => {
      const type = RESOURCE_TYPES.find((t) => t.plural === plural);
      return type ? store.get(keyOf(type, namespace, name)) : undefined;
    },
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const w of watchers) w.response.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
