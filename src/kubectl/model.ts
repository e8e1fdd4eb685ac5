/**
 * Lookups over the generated kubectl schema and the resource tables: the command tree with aliases,
 * each command's flags merged with the global ones, and every way of naming a resource type.
 */
import type { CommandSpec, FlagSpec, KubectlSchema, RemovedApi, RemovedFlag, ResourceSpec } from './schema-types.ts';

export interface FlagIndex {
  byName: ReadonlyMap<string, FlagSpec>;
  byShort: ReadonlyMap<string, FlagSpec>;
}

export interface CommandNode {
  /** "kubectl create deployment" */
  display: string;
  spec?: CommandSpec;
  children: Map<string, CommandNode>;
  flags: FlagIndex;
}

export interface ResourceIndex {
  resolve(type: string): ResourceSpec | undefined;
  /** The removed API a name refers to (`psp`, `ingresses.v1beta1.extensions`), when it names no served one. */
  removed(type: string): RemovedApi | undefined;
  /** Every name kubectl accepts for a type, for "did you mean" hints. */
  names: readonly string[];
}

export interface KubectlModel {
  version: string;
  root: CommandNode;
  resources: ResourceIndex;
  /** kubectl plugins the docs install (`kubectl krew install ctx`, a `kubectl-foo` binary): `ctx`, `foo`. */
  plugins?: ReadonlySet<string>;
  /** Global flags kubectl no longer has, by name. */
  removedGlobalFlags: ReadonlyMap<string, RemovedFlag>;
}

function indexFlags(flags: readonly FlagSpec[]): FlagIndex {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const flag of flags) {
    byName.set(flag.name, flag);
    if (flag.shorthand) byShort.set(flag.shorthand, flag);
  }
  return { byName, byShort };
}

/** The names of a type without a group: plural, singular, kind, short names; lower case. */
const bareNames = (r: { name: string; singular: string; kind: string; shortNames: readonly string[] }) => [
  ...new Set([r.name, r.singular, r.kind, ...r.shortNames].map((n) => n.toLowerCase())),
];

/**
 * Resource types in every spelling kubectl takes: plural, singular, short name and kind, each alone,
 * as name.group and as name.version.group (for every version served).
 */
export function indexResources(
  resources: readonly ResourceSpec[],
  removedApis: readonly RemovedApi[] = [],
): ResourceIndex {
  const byName = new Map<string, ResourceSpec>();
  const add = (name: string, resource: ResourceSpec) => {
    if (!byName.has(name)) byName.set(name, resource);
  };
  // Core and apps first, so a short name both define (ev) resolves as kubectl resolves it.
  const ordered = [...resources].sort((a, b) => Number(a.group !== '') - Number(b.group !== ''));
  for (const r of ordered) {
    const names = bareNames(r);
    for (const name of names) add(name, r);
    for (const version of [r.version, ...(r.otherVersions ?? [])]) {
      for (const name of names) {
        if (r.group) add(`${name}.${r.group}`, r);
        if (r.group) add(`${name}.${version}.${r.group}`, r);
      }
    }
  }
  // kubectl expands a short name before it looks at the rest: `deploy.v1.apps`, even `deploy.v9.apps`,
  // is a Deployment (its RESTMapper then takes the group's served version).
  const byShortName = new Map<string, ResourceSpec>();
  for (const r of ordered) for (const s of r.shortNames) byShortName.set(`${s.toLowerCase()}/${r.group}`, r);
  const resolve = (type: string): ResourceSpec | undefined => {
    const lower = type.toLowerCase();
    const found = byName.get(lower);
    if (found) return found;
    const parts = lower.split('.');
    return parts.length >= 3 ? byShortName.get(`${parts[0]}/${parts.slice(2).join('.')}`) : undefined;
  };
  const removed = new Map<string, RemovedApi>();
  for (const api of removedApis) {
    for (const name of bareNames(api)) {
      if (api.typeRemoved) removed.set(name, api);
      removed.set(`${name}.${api.group}`, api);
      for (const version of api.versions) removed.set(`${name}.${version}.${api.group}`, api);
    }
  }
  return {
    resolve,
    removed: (type) => (resolve(type) ? undefined : removed.get(type.toLowerCase())),
    names: [...byName.keys()],
  };
}

/** The model with kubectl plugins the docs install. */
export function withPlugins(model: KubectlModel, plugins: Iterable<string>): KubectlModel {
  const all = new Set([...(model.plugins ?? []), ...plugins]);
  return all.size === (model.plugins?.size ?? 0) ? model : { ...model, plugins: all };
}

/** The model with more resource types: the custom resources a page or a docs tree defines. */
export function withResources(model: KubectlModel, extra: readonly ResourceSpec[]): KubectlModel {
  if (extra.length === 0) return model;
  const more = indexResources(extra);
  const base = model.resources;
  return {
    ...model,
    resources: {
      resolve: (type) => base.resolve(type) ?? more.resolve(type),
      removed: (type) => (more.resolve(type) ? undefined : base.removed(type)),
      names: [...base.names, ...more.names],
    },
  };
}

/**
 * -h/--help: cobra gives every command this flag, and lists it in no help's "Options" (so the
 * generator never sees it). With it kubectl still parses every flag, then prints the help instead
 * of checking arguments or running anything.
 */
export const HELP_FLAG: FlagSpec = {
  name: 'help',
  shorthand: 'h',
  type: 'bool',
  default: 'false',
  bare: 'true',
  help: 'help for the command',
};

export function buildKubectlModel(
  schema: KubectlSchema,
  resources: readonly ResourceSpec[],
  removedApis: readonly RemovedApi[] = [],
): KubectlModel {
  const globalFlags = [...schema.globalFlags, HELP_FLAG];
  const root: CommandNode = { display: 'kubectl', children: new Map(), flags: indexFlags(globalFlags) };
  const commands = [...schema.commands].sort((a, b) => a.path.length - b.path.length);
  for (const spec of commands) {
    let parent = root;
    for (const word of spec.path.slice(0, -1)) {
      parent = parent.children.get(word) ?? parent;
    }
    const name = spec.path.at(-1)!;
    const node: CommandNode = {
      display: `kubectl ${spec.path.join(' ')}`,
      spec,
      children: new Map(),
      flags: indexFlags([...globalFlags, ...spec.flags]),
    };
    parent.children.set(name, node);
    for (const alias of spec.aliases) if (!parent.children.has(alias)) parent.children.set(alias, node);
  }
  return {
    version: schema.kubectlVersion,
    root,
    resources: indexResources(resources, removedApis),
    removedGlobalFlags: new Map((schema.removedGlobalFlags ?? []).map((f) => [f.name, f])),
  };
}
