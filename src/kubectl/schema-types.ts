/**
 * The shape of the kubectl schema the snippet validator checks commands against. It is generated from
 * a real kubectl binary by scripts/gen-kubectl-schema.ts into src/kubectl/kubectl-schema.json and
 * committed, so the build and the tests never need kubectl itself.
 */

export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'float'
  | 'duration'
  /** Repeatable, or comma-separated: --from-literal=a=b --from-literal=c=d, --image=a,b */
  | 'stringArray'
  | 'stringSlice'
  | 'map';

export interface FlagSpec {
  /** Long name without dashes: "all-namespaces". */
  name: string;
  /** One letter without dash: "A". */
  shorthand?: string;
  type: FlagType;
  /** The default as kubectl prints it ("false", "none", "0s", "[]"). */
  default: string;
  /**
   * The value a flag takes when written without one (cobra's NoOptDefVal): "true" for every bool,
   * "unchanged" for --dry-run, "background" for --cascade, "strict" for --validate.
   * Absent: the flag needs a value.
   */
  bare?: string;
  /** The allowed values, where kubectl's help states them ("Must be \"none\", \"server\", or \"client\""). */
  enum?: string[];
  /** Set when kubectl accepts the flag but warns that it is deprecated; the warning text. */
  deprecated?: string;
  /**
   * Set for a flag kubectl has only while an environment variable turns an alpha feature on:
   * "KUBECTL_APPLYSET=true" for apply --applyset.
   */
  requiresEnv?: string;
  /** One line of kubectl's help for it. */
  help: string;
}

/** A flag this kubectl no longer has, that an older one did or that docs still use. */
export interface RemovedFlag {
  name: string;
  /** What to use instead, in kubectl's words where an older kubectl said it ("Use --delete-emptydir-data."). */
  hint: string;
  /** The newest kubectl the generator found that still had it: "v1.27.16"; absent when none was at hand. */
  lastSeen?: string;
}

/**
 * What kubectl requires of a command's arguments, found by running it (see
 * src/kubectl/schema-gen/argument-probes.ts). Arguments are counted before `--`, without KEY=VALUE
 * and KEY- updates; messages are kubectl's own first line, with "error: " dropped.
 */
export interface ArgumentRules {
  /** Fewest arguments kubectl takes, what it says with fewer, and the flags that stand in for them (-f, -l, --raw). */
  min?: { count: number; message: string; unlessFlags: string[] };
  /** Most arguments kubectl takes, and what it says with more (probe arguments written zz-a, zz-b, …). */
  max?: { count: number; message: string };
  /** It needs a KEY=VALUE (or KEY-) update among its arguments (label, annotate, taint): what it says without one. */
  updates?: { message: string; unlessFlags: string[] };
  /**
   * What it refuses unless one of `unlessFlags` comes too: always (`flag` absent: patch needs --patch
   * or --patch-file), or with a flag (run --rm needs --attach or --stdin).
   */
  requires?: { flag?: string; message: string; unlessFlags: string[] }[];
}

export interface CommandSpec {
  /** The words after "kubectl": ["create", "deployment"]. */
  path: string[];
  /** Other names for the last word: ["deploy"] for create deployment. */
  aliases: string[];
  /** kubectl's usage line: "kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]". */
  usage: string;
  /** The command's own flags (not the global ones). */
  flags: FlagSpec[];
  /** Flags cobra refuses to run without: ["image"] for create deployment. */
  requiredFlags: string[];
  /** Whether the command has subcommands and cannot run on its own (kubectl rollout, kubectl create secret). */
  group: boolean;
  /** What kubectl requires of its arguments, where the probes could tell. */
  args?: ArgumentRules;
  /** Flags kubectl no longer has, with what to use instead. */
  removedFlags?: RemovedFlag[];
  /** The effects a taint may have, where the help says (kubectl taint: NoSchedule, PreferNoSchedule, NoExecute). */
  taintEffects?: string[];
}

export interface KubectlSchema {
  /** The client that produced it: "v1.32.4". */
  kubectlVersion: string;
  /** When and how it was generated, for people reading the file. */
  generatedBy: string;
  /** Flags every command takes (kubectl options). */
  globalFlags: FlagSpec[];
  /** Global flags kubectl no longer has (klog's logging flags), with what to use instead. */
  removedGlobalFlags?: RemovedFlag[];
  commands: CommandSpec[];
}

/** A built-in or custom API resource, as `kubectl api-resources` lists it. */
export interface ResourceSpec {
  /** Plural, lower case: "deployments". */
  name: string;
  singular: string;
  shortNames: string[];
  kind: string;
  /** API group, "" for the core group: "apps", "networking.k8s.io". */
  group: string;
  version: string;
  namespaced: boolean;
  /** Set for resources that still work but are deprecated: why, and what to use. */
  deprecated?: string;
  /** Other versions the group serves besides the preferred one (autoscaling serves v2 and v1). */
  otherVersions?: string[];
  /** It has a /scale subresource, so `kubectl scale` and `kubectl autoscale` work on it. */
  scale?: boolean;
  /**
   * Set for built-in APIs that v1.32 serves only when a feature gate (and its API version) is
   * turned on: what has to be on. The validator knows them and warns.
   */
  featureGate?: string;
}

/** An API kubectl can no longer reach on a v1.32 cluster: a resource type, or versions of one. */
export interface RemovedApi {
  name: string;
  singular: string;
  shortNames: string[];
  kind: string;
  group: string;
  /** The versions that went; every version when the type itself went. */
  versions: string[];
  /** Whether the type is gone altogether (not only these versions). */
  typeRemoved: boolean;
  /** The release that stopped serving them: "v1.25". */
  removedIn: string;
  /** What to use instead. */
  replacement: string;
}
