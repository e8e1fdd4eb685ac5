/**
 * Builds the KubectlSchema (src/kubectl/kubectl-schema.json, written by scripts/gen-kubectl-schema.ts)
 * from a real kubectl binary, so the snippet validator can check every kubectl command in the docs the
 * way kubectl itself would, without needing kubectl at build or test time. The output is
 * deterministic: commands sorted by path, flags by name, no timestamp; running it twice gives the same
 * bytes.
 *
 * What it reads from kubectl:
 *   - the command tree (command-tree.ts): `kubectl __complete <path...> ""` lists the candidates below
 *     a path, and `kubectl <path...> --help` ("Aliases:", "Usage:", "Options:" and the "... Commands:"
 *     sections, read by help-parser.ts);
 *   - the global flags: `kubectl options`;
 *   - flag types: from the default kubectl prints (its help quotes the default exactly when the flag's
 *     type is "string"), confirmed by probes where the default leaves room for doubt (see probeType in
 *     probes.ts, used by flag-specs.ts);
 *   - which flags take no value (cobra's NoOptDefVal), which flags are required, which hidden flags are
 *     accepted with a deprecation warning (hidden-flags.ts), and which commands are groups: all by
 *     probing (probes.ts), each run in the sandbox of sandbox.ts (see SAFETY there: no probe can reach
 *     a cluster).
 */
import type { CommandSpec, FlagSpec, KubectlSchema, RemovedFlag } from '../schema-types.ts';
import { probeArguments, writeProbeFiles } from './argument-probes.ts';
import { walk } from './command-tree.ts';
import { envSwitchCandidates, flagsBehindSwitches } from './env-gates.ts';
import { buildFlags } from './flag-specs.ts';
import { parseFlagBlocks, taintEffects } from './help-parser.ts';
import { DEPRECATION_PROBES, probeDeprecated, type DeprecationProbe } from './hidden-flags.ts';
import { CONCURRENCY, mapPool } from './pool.ts';
import { isGroup, requiredFlags } from './probes.ts';
import { removedFlags, type PreviousKubectl } from './removed-flags.ts';
import { emptyReport, type Report } from './report.ts';
import { makeSandbox, removeSandbox, runKubectl, type Sandbox } from './sandbox.ts';

/** "v1.32.4-dispatcher" (the Google Cloud SDK's dispatching kubectl) -> "v1.32.4"; keeps -alpha.N, -beta.N, -rc.N. */
function cleanVersion(gitVersion: string): string {
  const m = /^v\d+\.\d+\.\d+(?:-(?:alpha|beta|rc)\.\d+)?/.exec(gitVersion);
  return m ? m[0] : gitVersion;
}

/** v1.27.16 < v1.31.2: by the numbers. */
function compareVersions(a: string, b: string): number {
  const numbers = (v: string) => (v.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const byName = (a: FlagSpec, b: FlagSpec): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface GeneratedSchema {
  schema: KubectlSchema;
  /** What the probes found, for the person running the generator to review. */
  report: Report;
  /** How many times kubectl was run. */
  runs: number;
}

/**
 * Probes `kubectl` (an executable file) in a fresh sandbox, removed afterwards, and assembles the
 * schema. Progress goes to `log`.
 */
export interface GenerateOptions {
  /** Older kubectl binaries, for the flags this one removed and what replaced them. */
  previous?: readonly string[];
}

/** The client version a kubectl binary reports (`kubectl version --client -o json`). */
async function clientVersion(sb: Sandbox): Promise<string> {
  const versionRun = await runKubectl(sb, ['version'], ['--client', '-o', 'json']);
  try {
    const parsed = JSON.parse(versionRun.stdout) as { clientVersion?: { gitVersion?: unknown } };
    const v = parsed.clientVersion?.gitVersion;
    if (typeof v !== 'string') throw new Error('no clientVersion.gitVersion');
    return v;
  } catch (err) {
    throw new Error(
      `${sb.kubectl} does not look like kubectl: \`kubectl version --client -o json\` gave ${String(err)}\n${versionRun.stderr}`,
      { cause: err },
    );
  }
}

export async function generateKubectlSchema(
  kubectl: string,
  log: (line: string) => void,
  options: GenerateOptions = {},
): Promise<GeneratedSchema> {
  const sb = makeSandbox(kubectl);
  const olderSandboxes: Sandbox[] = [];
  try {
    if (sb.isolate.length === 0)
      log('note: no network namespace available (unshare); probes rely on --server=https://127.0.0.1:9 alone');

    const gitVersion = await clientVersion(sb);
    const version = cleanVersion(gitVersion);
    log(`kubectl ${gitVersion} at ${sb.kubectl} -> ${version}`);
    if (!version.startsWith('v1.32.')) log(`warning: expected a v1.32 client, got ${version}`);

    const report = emptyReport();

    const optionsRun = await runKubectl(sb, ['options']);
    const globalRaw = parseFlagBlocks(optionsRun.stdout.split('\n'));
    if (globalRaw.length === 0) throw new Error(`kubectl options printed no flags:\n${optionsRun.stderr}`);
    const globalFlags = await buildFlags(sb, [], globalRaw, report);
    const globalByName = new Map(globalFlags.map((f) => [f.name, f]));

    const allNodes = await walk(sb, report.warnings);
    const nodes = allNodes.filter((n) => n.path.length > 0);
    log(`${nodes.length} commands; probing flags…`);

    const commands: CommandSpec[] = [];
    for (const node of nodes) {
      const name = node.path[node.path.length - 1] ?? '';
      const aliases = node.help.aliases.filter((a) => a !== name);
      if (node.help.aliases.length > 0 && node.help.aliases[0] !== name) {
        report.warnings.push(
          `kubectl ${node.path.join(' ')}: aliases line "${node.help.aliases.join(', ')}" does not start with the command's name`,
        );
      }
      // The help's "Options:" lists the command's own flags only (the inherited ones are in
      // `kubectl options`). A listed flag that is the global flag again is dropped; one that shares a
      // global flag's name but is another flag (config set-cluster --server, no -s) is the command's own.
      const flags = (await buildFlags(sb, node.path, node.help.flags, report)).filter((f) => {
        const g = globalByName.get(f.name);
        if (g === undefined) return true;
        const same = g.type === f.type && g.shorthand === f.shorthand && g.default === f.default && g.help === f.help;
        if (!same)
          report.shadowing.push(`kubectl ${node.path.join(' ')} --${f.name} (its own flag, shadows the global one)`);
        return !same;
      });
      const group = await isGroup(sb, node.path, node.children, report.warnings);
      const required = group ? { flags: [], how: '' } : await requiredFlags(sb, node.path, report.warnings);
      if (required.flags.length > 0)
        report.required.push(
          `kubectl ${node.path.join(' ')}: ${required.flags.map((f) => `--${f}`).join(', ')} (${required.how})`,
        );
      const effects = taintEffects(node.help.description);
      commands.push({
        path: node.path,
        aliases,
        usage: node.help.usage,
        flags,
        requiredFlags: required.flags,
        group,
        ...(effects ? { taintEffects: effects } : {}),
      });
    }

    // Hidden flags that kubectl accepts with a deprecation warning.
    const byPath = new Map(commands.map((c) => [c.path.join(' '), c]));
    const rejected: DeprecationProbe[] = [];
    for (const probe of DEPRECATION_PROBES) {
      const key = probe.path.join(' ');
      const where = probe.path.length > 0 ? `kubectl ${key} --${probe.flag}` : `global --${probe.flag}`;
      const target = probe.path.length > 0 ? byPath.get(key)?.flags : globalFlags;
      if (target === undefined) {
        report.warnings.push(`${where}: no such command`);
        continue;
      }
      if (target.some((f) => f.name === probe.flag)) {
        report.warnings.push(`${where}: listed in the help, so not hidden or deprecated`);
        continue;
      }
      const result = await probeDeprecated(sb, probe);
      if (result === 'unknown') {
        report.deprecatedRejected.push(where);
        rejected.push(probe);
      } else {
        target.push(result);
        if (result.deprecated !== undefined)
          report.deprecatedAccepted.push(`${where} (${result.type}): "${result.deprecated}"`);
        else report.hiddenAccepted.push(`${where} (${result.type}): hidden, no deprecation warning`);
      }
    }

    // Flags behind kubectl's alpha switches (KUBECTL_APPLYSET=true).
    log('probing the KUBECTL_* switches…');
    const switched = await flagsBehindSwitches(sb, nodes, envSwitchCandidates(kubectl), report);
    for (const [key, specs] of switched) {
      const command = byPath.get(key);
      if (!command) continue;
      for (const spec of specs) {
        if (command.flags.some((f) => f.name === spec.name)) continue;
        command.flags.push(spec);
        report.switched.push(`kubectl ${key} --${spec.name} (${spec.requiresEnv})`);
      }
    }

    // Flags older kubectl releases had, with what to use instead.
    const previous: PreviousKubectl[] = [];
    for (const file of options.previous ?? []) {
      const older = makeSandbox(file);
      olderSandboxes.push(older);
      previous.push({ sb: older, version: (await clientVersion(older)).replace(/-dispatcher$/, '') });
    }
    previous.sort((a, b) => compareVersions(b.version, a.version));
    if (previous.length > 0) log(`comparing with ${previous.map((p) => p.version).join(', ')}…`);
    const removed = await removedFlags(sb, nodes, new Set(globalFlags.map((f) => f.name)), rejected, previous);
    let removedGlobalFlags: RemovedFlag[] = [];
    for (const [key, flags] of removed) {
      for (const f of flags) report.removed.push(`${key ? `kubectl ${key}` : 'global'} --${f.name}: ${f.hint}`);
      if (key === '') removedGlobalFlags = flags;
      else {
        const command = byPath.get(key);
        if (command) command.removedFlags = flags;
      }
    }

    // What each command requires of its arguments.
    log('probing arguments…');
    writeProbeFiles(sb);
    const rules = await mapPool(commands, CONCURRENCY, (c) => probeArguments(sb, c, globalFlags));
    for (const [i, c] of commands.entries()) {
      const args = rules[i];
      if (!args) continue;
      c.args = args;
      report.argumentRules.push(`kubectl ${c.path.join(' ')}: ${Object.keys(args).join(', ')}`);
    }

    for (const c of commands) c.flags.sort(byName);
    globalFlags.sort(byName);
    commands.sort((a, b) => comparePaths(a.path, b.path));

    const schema: KubectlSchema = {
      kubectlVersion: version,
      generatedBy:
        `scripts/gen-kubectl-schema.ts from kubectl ${version}` +
        (previous.length > 0 ? `, compared with ${previous.map((p) => p.version).join(', ')}` : ''),
      globalFlags,
      ...(removedGlobalFlags.length > 0 ? { removedGlobalFlags } : {}),
      commands,
    };
    return { schema, report, runs: sb.runs + olderSandboxes.reduce((n, o) => n + o.runs, 0) };
  } finally {
    removeSandbox(sb);
    for (const older of olderSandboxes) removeSandbox(older);
  }
}

/** The schema file's bytes: two-space JSON and a final newline, so a rerun on the same kubectl changes nothing. */
export function schemaJson(schema: KubectlSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
