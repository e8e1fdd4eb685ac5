/**
 * Removed flags: flags this kubectl rejects that older kubectl releases had, with what to use
 * instead in the older kubectl's own words. Given older kubectl binaries (`--previous`, newest
 * first), every command's help there is compared with the help here, and the hidden candidates of
 * hidden-flags.ts are tried there; a flag this kubectl rejects is recorded with the deprecation
 * warning the newest older kubectl that had it printed (or its help line). Flags that went before
 * the oldest kubectl at hand keep the replacement kubectl's changelog gives (REMOVED_BEFORE).
 */
import type { FlagSpec, RemovedFlag } from '../schema-types.ts';
import type { CommandNode } from './command-tree.ts';
import { firstSentence, parseHelp } from './help-parser.ts';
import { probeDeprecated, type DeprecationProbe } from './hidden-flags.ts';
import { CONCURRENCY, mapPool } from './pool.ts';
import { probeBare } from './probes.ts';
import { runKubectl, type Sandbox } from './sandbox.ts';

/** An older kubectl to compare with: its sandbox and its version ("v1.27.16"). */
export interface PreviousKubectl {
  sb: Sandbox;
  version: string;
}

/**
 * Flags removed before any kubectl the generator is likely to have at hand, with the replacement the
 * kubectl release notes give (CHANGELOG-1.18: `kubectl get --export` removed; CHANGELOG-1.21:
 * `kubectl run` creates only Pods, its generators removed). Used only when no older kubectl has them.
 */
export const REMOVED_BEFORE: Readonly<Record<string, string>> = {
  'get --export': 'use kubectl get -o yaml, and drop the status and the fields the server sets',
  'run --generator': 'kubectl run creates a Pod and nothing else: use kubectl create deployment, job or cronjob',
  'run --replicas': 'kubectl run creates a single Pod: use kubectl create deployment --replicas',
  'run --schedule': 'kubectl run creates a Pod: use kubectl create cronjob --schedule',
  'run --service-generator': 'kubectl run creates a Pod: use kubectl expose for a Service',
  'autoscale --generator': 'generators are gone: kubectl autoscale creates an autoscaling/v2 HorizontalPodAutoscaler',
  'expose --generator': 'generators are gone: kubectl expose creates a v1 Service',
  'create deployment --generator': 'generators are gone: kubectl create deployment creates an apps/v1 Deployment',
};

const keyOf = (path: readonly string[], flag: string) => `${path.join(' ')} --${flag}`.trim();

/** probeDeprecated on an older kubectl, where a flag it has in a form this generator cannot type is "unknown". */
async function probeOlder(sb: Sandbox, candidate: DeprecationProbe): Promise<FlagSpec | 'unknown'> {
  try {
    return await probeDeprecated(sb, candidate);
  } catch {
    return 'unknown';
  }
}

/** What an older kubectl says about a flag it still has: its deprecation warning, or its help. */
function hintFrom(spec: FlagSpec, version: string): string {
  if (spec.deprecated) return `kubectl ${version} warned: ${spec.deprecated}`;
  return `kubectl ${version} had it: ${spec.help}`;
}

/**
 * The flags this kubectl (`sb`) rejects that the older ones had, by command path (" "-joined; ""
 * for the global ones). `nodes` are this kubectl's commands; `rejected` the hidden candidates it
 * rejected.
 */
export async function removedFlags(
  sb: Sandbox,
  nodes: readonly CommandNode[],
  globalNames: ReadonlySet<string>,
  rejected: readonly DeprecationProbe[],
  previous: readonly PreviousKubectl[],
): Promise<Map<string, RemovedFlag[]>> {
  const found = new Map<string, RemovedFlag>();
  const paths = new Map<string, string[]>();
  const record = (path: readonly string[], flag: RemovedFlag) => {
    const key = keyOf(path, flag.name);
    if (found.has(key)) return;
    found.set(key, flag);
    paths.set(key, [...path]);
  };

  for (const old of previous) {
    // Hidden candidates this kubectl rejects, that the older one has.
    for (const candidate of rejected) {
      if (found.has(keyOf(candidate.path, candidate.flag))) continue;
      const spec = await probeOlder(old.sb, candidate);
      if (spec !== 'unknown')
        record(candidate.path, { name: candidate.flag, hint: hintFrom(spec, old.version), lastSeen: old.version });
    }
    // Flags an older help lists that this kubectl's help does not.
    const listed = await mapPool(nodes, CONCURRENCY, async (node) => {
      const r = await runKubectl(old.sb, node.path, ['--help']);
      return r.code === 0 ? parseHelp(r.stdout).flags : [];
    });
    for (const [i, node] of nodes.entries()) {
      const current = new Set(node.help.flags.map((f) => f.name));
      for (const flag of listed[i] ?? []) {
        if (current.has(flag.name) || globalNames.has(flag.name) || found.has(keyOf(node.path, flag.name))) continue;
        if ((await probeBare(sb, node.path, flag.name)) !== 'unknown-flag') continue;
        const deprecation = await probeOlder(old.sb, { path: node.path, flag: flag.name, help: flag.description });
        const hint =
          deprecation !== 'unknown' && deprecation.deprecated
            ? hintFrom(deprecation, old.version)
            : `kubectl ${old.version} had it: ${firstSentence(flag.description)}`;
        record(node.path, { name: flag.name, hint, lastSeen: old.version });
      }
    }
  }
  for (const candidate of rejected) {
    const key = keyOf(candidate.path, candidate.flag);
    const replacement = REMOVED_BEFORE[key];
    if (!found.has(key) && replacement) record(candidate.path, { name: candidate.flag, hint: replacement });
  }

  const byPath = new Map<string, RemovedFlag[]>();
  for (const [key, flag] of found) {
    const path = (paths.get(key) ?? []).join(' ');
    byPath.set(path, [...(byPath.get(path) ?? []), flag]);
  }
  for (const flags of byPath.values()) flags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return byPath;
}
