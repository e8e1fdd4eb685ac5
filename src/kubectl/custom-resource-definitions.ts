/**
 * The resource types CustomResourceDefinitions define, read from YAML as docs show it (a CRD in a
 * YAML block or file, followed by commands on its objects): every name kubectl takes for the type
 * (plural, singular, short names, kind, group-qualified), its version and scope, and whether it has
 * a /scale subresource. Pure: text in, ResourceSpecs out.
 */
import { parseAllDocuments } from 'yaml';
import type { ResourceSpec } from './schema-types.ts';

interface CrdVersion {
  name?: unknown;
  served?: unknown;
  storage?: unknown;
  subresources?: { scale?: unknown };
}

interface Crd {
  apiVersion?: unknown;
  kind?: unknown;
  items?: unknown;
  spec?: {
    group?: unknown;
    scope?: unknown;
    version?: unknown;
    versions?: unknown;
    subresources?: { scale?: unknown };
    names?: { plural?: unknown; singular?: unknown; kind?: unknown; shortNames?: unknown };
  };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function fromCrd(crd: Crd): ResourceSpec | undefined {
  if (crd.kind !== 'CustomResourceDefinition' || !String(crd.apiVersion ?? '').startsWith('apiextensions.k8s.io/'))
    return undefined;
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  const plural = text(names.plural)?.toLowerCase();
  const kind = text(names.kind);
  const group = text(spec.group);
  if (!plural || !kind || !group) return undefined;
  const versions = Array.isArray(spec.versions) ? (spec.versions as CrdVersion[]) : [];
  const served = versions.filter((v) => v.served !== false);
  const preferred = served.find((v) => v.storage === true) ?? served[0];
  const version = text(preferred?.name) ?? text(spec.version) ?? 'v1';
  const otherVersions = served.map((v) => text(v.name)).filter((v): v is string => v !== undefined && v !== version);
  const scale = spec.subresources?.scale !== undefined || versions.some((v) => v.subresources?.scale !== undefined);
  const shortNames = Array.isArray(names.shortNames)
    ? names.shortNames.filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase())
    : [];
  return {
    name: plural,
    singular: text(names.singular)?.toLowerCase() ?? kind.toLowerCase(),
    shortNames,
    kind,
    group,
    version,
    namespaced: spec.scope !== 'Cluster',
    ...(otherVersions.length > 0 ? { otherVersions } : {}),
    ...(scale ? { scale: true } : {}),
  };
}

/** The resource types the CustomResourceDefinitions in a YAML text define (every document, and List items). */
export function resourcesDefinedIn(yaml: string): ResourceSpec[] {
  if (!yaml.includes('CustomResourceDefinition')) return [];
  const found: ResourceSpec[] = [];
  let documents;
  try {
    documents = parseAllDocuments(yaml);
  } catch {
    return [];
  }
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length > 0) continue;
    const value = document.toJS() as Crd | null;
    if (!value || typeof value !== 'object') continue;
    const items = Array.isArray(value.items) ? (value.items as Crd[]) : [value];
    for (const item of items) {
      const resource = item && typeof item === 'object' ? fromCrd(item) : undefined;
      if (resource) found.push(resource);
    }
  }
  return found;
}

/** The YAML a shell block feeds to a command in heredocs (`kubectl apply -f - <<EOF … EOF`). */
export function heredocBodies(shell: string): string[] {
  const bodies: string[] = [];
  const pattern = /<<-?\s*(['"]?)([\w.-]+)\1[^\n]*\n([\s\S]*?)\n[ \t]*\2[ \t]*(?:\n|$)/g;
  for (const match of shell.matchAll(pattern)) bodies.push(match[3] ?? '');
  return bodies;
}
