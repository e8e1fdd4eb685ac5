/**
 * ARGUMENT PROBES. What kubectl requires of a command's arguments, found by running it in the
 * sandbox (sandbox.ts: no cluster can be reached; the server named is a refused 127.0.0.1 port)
 * with probe arguments, and reading whether kubectl gets as far as the server (the command is
 * accepted) or stops on its own (the command is refused, and kubectl says why):
 *   - counts: the command with 0, 1, 2 and 3 plain arguments (zz-a, zz-b, zz-c), with a `-- zz-cmd`
 *     after them where its usage line has `--`, and with its required flags given: the fewest and
 *     the most it takes, and what kubectl says outside that range;
 *   - stand-ins: with too few arguments, which of its flags make it accepted (-f, -l, --raw, --all);
 *   - updates: whether a KEY=VALUE argument is what it misses (label, annotate, taint);
 *   - requirements: when no count is accepted, which flag it cannot do without (patch --patch,
 *     debug --image, wait --for), and, with the fewest arguments, which of its yes/no flags kubectl
 *     refuses alone and which other flags make them accepted (run --rm needs --attach or --stdin).
 * Flags get plausible values of their type (values.ts): a file that exists for -f, `{}` for --patch.
 * Nothing runs: kubectl stops while parsing or fails to reach the refused server.
 */
import type { ArgumentRules, CommandSpec, FlagSpec } from '../schema-types.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runKubectl, withEnvironment, type RunResult, type Sandbox } from './sandbox.ts';

/** Commands whose arguments are not probed: they edit the kubeconfig, print, or run until stopped. */
export const NOT_PROBED =
  /^(config (?!view$)|config$|proxy$|help$|options$|completion$|plugin( |$)|kustomize$|edit$|cp$|attach$)/;

const WORDS = ['zz-a', 'zz-b', 'zz-c'];
/** Updates tried on commands that need one: a label or annotation, then a taint. */
const UPDATES = ['zz-k=zz-v', 'zz-k=zz-v:NoSchedule'];

/** A manifest and a kustomization for -f and -k, in the sandbox's working directory. */
export const PROBE_FILE = 'probe.yaml';
export const PROBE_KUSTOMIZATION = 'probe-kustomization';
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: zz-probe\ndata:\n  key: value\n';

export function writeProbeFiles(sb: Sandbox): void {
  writeFileSync(path.join(sb.cwd, PROBE_FILE), MANIFEST);
  const dir = path.join(sb.cwd, PROBE_KUSTOMIZATION);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'configmap.yaml'), MANIFEST);
  writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - configmap.yaml\n');
}

/** A value kubectl accepts for a flag, as an argument list (a yes/no flag is given bare). */
export function probeValue(flag: FlagSpec): string[] {
  if (flag.type === 'bool') return [`--${flag.name}`];
  const byName: Record<string, string> = {
    filename: PROBE_FILE,
    kustomize: PROBE_KUSTOMIZATION,
    patch: '{}',
    verb: 'get',
    resource: 'pods',
    selector: 'zz=a',
    'field-selector': 'metadata.name=zz',
    for: 'delete',
    raw: '/zz',
    template: '{{.metadata.name}}',
  };
  const value =
    byName[flag.name] ??
    (/file(name)?$/.test(flag.name) ? PROBE_FILE : undefined) ??
    flag.enum?.[0] ??
    { int: '1', float: '1', duration: '1s', map: 'zz=a', stringArray: 'zz=a', stringSlice: 'zz' }[
      flag.type as string
    ] ??
    'zz';
  return [`--${flag.name}=${value}`];
}

type Outcome = { accepted: true } | { accepted: false; message: string };

/** kubectl's first words of refusal, without "error: " and the "See 'kubectl … -h'" line. */
function refusal(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[EWI]\d{4} /.test(l) && !/^See 'kubectl/.test(l));
  return (lines[0] ?? 'kubectl refused it').replace(/^error:\s*/i, '').trim();
}

function outcomeOf(r: RunResult, sb: Sandbox): Outcome {
  const output = `${r.stderr}\n${r.stdout}`;
  // Reaching for the server (refused, or unreachable inside the network namespace) means kubectl
  // took the command; so does running until the sandbox's timeout, or succeeding offline.
  if (r.timedOut || r.code === 0) return { accepted: true };
  if (/connection refused|was refused|dial tcp|network is unreachable|Unable to connect to the server/.test(output))
    return { accepted: true };
  return { accepted: false, message: refusal(output).split(sb.dir).join('…') };
}

/**
 * The flags kubectl's message names as the way out ("either --image or --from must be specified",
 * "must specify one of -f and -k"), besides the one it is about: a probe value may not be good enough
 * to show them (--from wants cronjob/NAME), but kubectl's own words are.
 */
function flagsNamedIn(message: string, flags: readonly FlagSpec[], except?: string): string[] {
  const named = new Set<string>();
  for (const m of message.matchAll(/(?<![\w-])--([a-z][\w-]*)|(?<![\w-])-([a-zA-Z])(?![\w-])/g)) {
    const flag = m[1] ? flags.find((f) => f.name === m[1]) : flags.find((f) => f.shorthand === m[2]);
    if (flag && flag.name !== except) named.add(flag.name);
  }
  return [...named];
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

/** The argument rules of one command (undefined when the probes tell nothing). */
export async function probeArguments(
  sb: Sandbox,
  command: CommandSpec,
  globalFlags: readonly FlagSpec[],
): Promise<ArgumentRules | undefined> {
  const key = command.path.join(' ');
  if (command.group || NOT_PROBED.test(key)) return undefined;
  const flags = command.flags.filter((f) => f.deprecated === undefined && f.requiresEnv === undefined);
  const byName = new Map([...globalFlags, ...flags].map((f) => [f.name, f]));
  const tail = / -- /.test(command.usage) ? ['--', 'zz-cmd'] : [];
  let base = command.requiredFlags.flatMap((name) => {
    const flag = byName.get(name);
    return flag ? probeValue(flag) : [`--${name}=zz`];
  });
  let updates: string[] = [];
  const run = async (extra: readonly string[], n: number, on: Sandbox = sb): Promise<Outcome> =>
    outcomeOf(await runKubectl(on, command.path, [...base, ...extra, ...WORDS.slice(0, n), ...updates, ...tail]), sb);
  // Flags behind an alpha switch are tried with their switch on.
  const switched = command.flags.filter((f) => f.requiresEnv !== undefined);
  const withSwitch = (flag: FlagSpec) => {
    const [name = '', value = 'true'] = (flag.requiresEnv ?? '').split('=');
    return withEnvironment(sb, name, value);
  };
  const counts = () => Promise.all([0, 1, 2, 3].map((n) => run([], n)));
  /** The command's own flags that, added, make it accepted with n arguments. */
  const standIns = async (n: number, except: readonly string[] = []): Promise<string[]> => {
    const found: string[] = [];
    for (const flag of flags) {
      if (except.includes(flag.name) || flag.name === 'help') continue;
      if ((await run(probeValue(flag), n)).accepted) found.push(flag.name);
    }
    return found;
  };

  const rules: ArgumentRules = {};
  let outcomes = await counts();

  // Nothing accepted: an update argument, or a flag, is what it misses.
  const missing = outcomes[1]!;
  if (!outcomes.some((o) => o.accepted) && !missing.accepted) {
    let update: string | undefined;
    for (const candidate of UPDATES) {
      updates = [candidate];
      if ((await run([], 1)).accepted) {
        update = candidate;
        break;
      }
    }
    updates = [];
    if (update !== undefined) {
      rules.updates = { message: missing.message, unlessFlags: await standIns(1) };
      updates = [update];
      outcomes = await counts();
    } else {
      for (const n of [1, 0]) {
        const refused = outcomes[n]!;
        if (refused.accepted) continue;
        const found = await standIns(n);
        if (found.length === 0) continue;
        rules.requires = [
          { message: refused.message, unlessFlags: union(found, flagsNamedIn(refused.message, flags)) },
        ];
        base = [...base, ...probeValue(byName.get(found[0]!)!)];
        outcomes = await counts();
        break;
      }
    }
  }

  const min = outcomes.findIndex((o) => o.accepted);
  if (min < 0) return Object.keys(rules).length > 0 ? rules : undefined;
  if (min > 0) {
    const refused = outcomes[min - 1]!;
    if (!refused.accepted) {
      // Any count below the fewest: `auth can-i --list` takes no arguments at all.
      let found: string[] = [];
      for (let n = 0; n < min; n++) found = union(found, await standIns(n));
      rules.min = {
        count: min,
        message: refused.message,
        unlessFlags: union(found, flagsNamedIn(refused.message, flags)),
      };
    }
  }
  const firstRefused = outcomes.findIndex((o, n) => n > min && !o.accepted);
  if (firstRefused > 0 && outcomes.slice(firstRefused).every((o) => !o.accepted)) {
    const refused = outcomes[firstRefused]!;
    if (!refused.accepted) rules.max = { count: firstRefused - 1, message: refused.message };
  }

  // With the fewest arguments: yes/no flags kubectl refuses alone, and what makes them accepted.
  for (const flag of flags) {
    if (flag.type !== 'bool' || flag.name === 'help') continue;
    const alone = await run([`--${flag.name}`], min);
    if (alone.accepted) continue;
    const unlessFlags: string[] = [];
    for (const other of flags) {
      if (other.name === flag.name || other.name === 'help') continue;
      if ((await run([`--${flag.name}`, ...probeValue(other)], min)).accepted) unlessFlags.push(other.name);
    }
    for (const other of switched) {
      const on = withSwitch(other);
      if ((await run([`--${flag.name}`, ...probeValue(other)], min, on)).accepted) unlessFlags.push(other.name);
      sb.runs += on.runs;
    }
    const named = flagsNamedIn(alone.message, flags, flag.name);
    if (unlessFlags.length > 0)
      (rules.requires ??= []).push({ flag: flag.name, message: alone.message, unlessFlags: union(unlessFlags, named) });
  }
  return Object.keys(rules).length > 0 ? rules : undefined;
}
