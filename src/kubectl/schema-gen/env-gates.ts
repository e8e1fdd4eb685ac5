/**
 * Flags behind kubectl's alpha switches: kubectl registers some flags only while an environment
 * variable turns an alpha feature on (KUBECTL_APPLYSET=true adds apply --applyset). The candidates
 * are the KUBECTL_* names in the kubectl binary itself; each is set to "true" in turn, and every
 * command's help is compared with its help without it. A flag that appears only then is recorded
 * with the variable it needs.
 */
import { readFileSync, realpathSync } from 'node:fs';
import type { FlagSpec } from '../schema-types.ts';
import type { CommandNode } from './command-tree.ts';
import { buildFlags, ordered } from './flag-specs.ts';
import { parseHelp } from './help-parser.ts';
import { CONCURRENCY, mapPool } from './pool.ts';
import type { Report } from './report.ts';
import { runKubectl, withEnvironment, type Sandbox } from './sandbox.ts';

/** The KUBECTL_* names kubectl's binary holds (KUBECTL_APPLYSET, …), sorted. */
export function envSwitchCandidates(kubectl: string): string[] {
  const binary = readFileSync(realpathSync(kubectl)).toString('latin1');
  return [...new Set(binary.match(/KUBECTL_[A-Z][A-Z0-9_]{2,}/g) ?? [])].sort();
}

/** Per command path (" "-joined; "" for the global flags), the flags that only a switch turns on. */
export async function flagsBehindSwitches(
  sb: Sandbox,
  nodes: readonly CommandNode[],
  candidates: readonly string[],
  report: Report,
): Promise<Map<string, FlagSpec[]>> {
  const found = new Map<string, FlagSpec[]>();
  for (const name of candidates) {
    const switched = withEnvironment(sb, name, 'true');
    await mapPool(nodes, CONCURRENCY, async (node) => {
      const r = await runKubectl(switched, node.path, ['--help']);
      if (r.code !== 0) return;
      const known = new Set(node.help.flags.map((f) => f.name));
      const extra = parseHelp(r.stdout).flags.filter((f) => !known.has(f.name));
      if (extra.length === 0) return;
      const specs = await buildFlags(switched, node.path, extra, report);
      const key = node.path.join(' ');
      found.set(key, [
        ...(found.get(key) ?? []),
        ...specs.map((spec) => ordered({ ...spec, requiresEnv: `${name}=true` })),
      ]);
    });
    sb.runs += switched.runs;
  }
  return found;
}
