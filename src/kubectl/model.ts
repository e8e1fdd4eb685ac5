/**
 * Lookups over the generated kubectl schema and the resource tables: the command tree with aliases,
 * each command's flags merged with the global ones, and every way of naming a resource type.
 */
import type { CommandSpec, FlagSpec, KubectlSchema, ResourceSpec } from './schema-types.ts';

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
  /** Every name kubectl accepts for a type, for "did you mean" hints. */
  names: readonly string[];
}

export interface KubectlModel {
  version: string;
  root: CommandNode;
  resources: ResourceIndex;
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

/** Resource types in every spelling kubectl takes: plural, singular, short, kind, name.group, name.version.group. */
export function indexResources(resources: readonly ResourceSpec[]): ResourceIndex {
  const byName = new Map<string, ResourceSpec>();
  const add = (name: string, resource: ResourceSpec) => {
    if (!byName.has(name)) byName.set(name, resource);
  };
  // Core and apps first, so a short name both define (ev) resolves as kubectl resolves it.
  const ordered = [...resources].sort((a, b) => Number(a.group !== '') - Number(b.group !== ''));
  for (const r of ordered) {
    for (const name of [r.name, r.singular, r.kind.toLowerCase(), ...r.shortNames]) add(name.toLowerCase(), r);
    if (r.group) {
      add(`${r.name}.${r.group}`, r);
      add(`${r.singular}.${r.group}`, r);
      add(`${r.name}.${r.version}.${r.group}`, r);
    }
  }
  return {
    resolve: (type) => byName.get(type.toLowerCase()),
    names: [...byName.keys()],
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

export function buildKubectlModel(schema: KubectlSchema, resources: readonly ResourceSpec[]): KubectlModel {
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
  return { version: schema.kubectlVersion, root, resources: indexResources(resources) };
}
