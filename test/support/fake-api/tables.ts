/**
 * Server-side printing: kubectl get asks for a meta.k8s.io Table (Accept: …;as=Table;…) and prints
 * its columns. The columns here follow the real API server's for the kinds the fake one holds.
 */
import type { KubeObject } from './resources.ts';

interface Column {
  name: string;
  /** Shown only with -o wide. */
  wide?: boolean;
  integer?: boolean;
  cell: (o: KubeObject, now: number) => string | number;
}

type Json = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o);

/** "42m", "10h", "3d": kubectl's short durations. */
export function age(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string') return '<unknown>';
  const seconds = Math.max(0, Math.round((now - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

const name: Column = { name: 'Name', cell: (o) => o.metadata.name };
const ageColumn: Column = { name: 'Age', cell: (o, now) => age(o.metadata.creationTimestamp, now) };

function podStatus(o: KubeObject): string {
  const statuses = (at(o, 'status', 'containerStatuses') as Json[] | undefined) ?? [];
  const waiting = statuses.map((s) => at(s, 'state', 'waiting', 'reason')).find((r) => typeof r === 'string');
  if (o.metadata['deletionTimestamp']) return 'Terminating';
  return (waiting as string | undefined) ?? String(at(o, 'status', 'phase') ?? 'Unknown');
}

const COLUMNS: Record<string, Column[]> = {
  Pod: [
    name,
    {
      name: 'Ready',
      cell: (o) => {
        const statuses = (at(o, 'status', 'containerStatuses') as Json[] | undefined) ?? [];
        return `${statuses.filter((s) => s['ready'] === true).length}/${statuses.length}`;
      },
    },
    { name: 'Status', cell: podStatus },
    {
      name: 'Restarts',
      integer: true,
      cell: (o) =>
        ((at(o, 'status', 'containerStatuses') as Json[] | undefined) ?? []).reduce(
          (n, s) => n + Number(s['restartCount'] ?? 0),
          0,
        ),
    },
    ageColumn,
    { name: 'IP', wide: true, cell: (o) => String(at(o, 'status', 'podIP') ?? '<none>') },
    { name: 'Node', wide: true, cell: (o) => String(at(o, 'spec', 'nodeName') ?? '<none>') },
  ],
  Deployment: [
    name,
    { name: 'Ready', cell: (o) => `${at(o, 'status', 'readyReplicas') ?? 0}/${at(o, 'spec', 'replicas') ?? 0}` },
    { name: 'Up-to-date', integer: true, cell: (o) => Number(at(o, 'status', 'updatedReplicas') ?? 0) },
    { name: 'Available', integer: true, cell: (o) => Number(at(o, 'status', 'availableReplicas') ?? 0) },
    ageColumn,
  ],
  Node: [
    name,
    {
      name: 'Status',
      cell: (o) => {
        const conditions = (at(o, 'status', 'conditions') as Json[] | undefined) ?? [];
        return conditions.find((c) => c['type'] === 'Ready')?.['status'] === 'True' ? 'Ready' : 'NotReady';
      },
    },
    {
      name: 'Roles',
      cell: (o) =>
        Object.keys(o.metadata.labels ?? {})
          .filter((l) => l.startsWith('node-role.kubernetes.io/'))
          .map((l) => l.slice('node-role.kubernetes.io/'.length))
          .join(',') || '<none>',
    },
    ageColumn,
    { name: 'Version', cell: (o) => String(at(o, 'status', 'nodeInfo', 'kubeletVersion') ?? '') },
  ],
  Service: [
    name,
    { name: 'Type', cell: (o) => String(at(o, 'spec', 'type') ?? 'ClusterIP') },
    { name: 'Cluster-IP', cell: (o) => String(at(o, 'spec', 'clusterIP') ?? '<none>') },
    { name: 'External-IP', cell: () => '<none>' },
    {
      name: 'Port(s)',
      cell: (o) =>
        ((at(o, 'spec', 'ports') as Json[] | undefined) ?? [])
          .map((p) => `${p['port']}/${p['protocol'] ?? 'TCP'}`)
          .join(','),
    },
    ageColumn,
  ],
  Namespace: [name, { name: 'Status', cell: (o) => String(at(o, 'status', 'phase') ?? 'Active') }, ageColumn],
  Event: [
    { name: 'Last Seen', cell: (o, now) => age(o['lastTimestamp'], now) },
    { name: 'Type', cell: (o) => String(o['type'] ?? '') },
    { name: 'Reason', cell: (o) => String(o['reason'] ?? '') },
    {
      name: 'Object',
      cell: (o) =>
        `${String(at(o, 'involvedObject', 'kind')).toLowerCase()}/${String(at(o, 'involvedObject', 'name'))}`,
    },
    { name: 'Message', cell: (o) => String(o['message'] ?? '') },
  ],
  Secret: [
    name,
    { name: 'Type', cell: (o) => String(o['type'] ?? 'Opaque') },
    { name: 'Data', integer: true, cell: (o) => Object.keys((o['data'] as Json | undefined) ?? {}).length },
    ageColumn,
  ],
};

/** Whether a request asked for server-side printing. */
export const wantsTable = (accept: string | undefined) => /\bas=Table\b/.test(accept ?? '');

/** The objects as a Table, with each row's object as its metadata (as the API server does unless includeObject=Object). */
export function toTable(kind: string, objects: readonly KubeObject[], now: number, includeObject: string | null) {
  const columns = COLUMNS[kind] ?? [name, ageColumn];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '1' },
    columnDefinitions: columns.map((c) => ({
      name: c.name,
      type: c.integer ? 'integer' : 'string',
      format: c === name ? 'name' : '',
      description: '',
      priority: c.wide ? 1 : 0,
    })),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o, now)),
      object:
        includeObject === 'Object'
          ? o
          : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
    })),
  };
}
