/**
 * The one parse of a kubectl command line, driven by the generated schema the way cobra parses it:
 * global flags anywhere (before the verb too: `kubectl --v 6 -n prod delete pod x`), each command's
 * own flags, shorthand clusters (-it), `--flag=value`, `--flag value`, bare forms (--cascade), and `--`.
 * The validator checks what it finds; the safety classes and the runner read the command path, the
 * flags and the positional arguments from it.
 */
import type { CommandNode, KubectlModel } from './model.ts';
import type { FlagSpec } from './schema-types.ts';

export interface KubectlArg {
  /** The argument as kubectl receives it (quotes removed). */
  value: string;
  start: number;
  end: number;
  /** The argument is or contains a placeholder (<pod-name>, $NS): any value is accepted there. */
  placeholder: boolean;
}

export interface ParsedFlag {
  spec: FlagSpec;
  /** undefined for a bare flag (--all, -it). */
  value: string | undefined;
  /** The argument holding the value (the flag's own for --x=v, -nprod and bare flags). */
  arg: KubectlArg;
}

export type ArgvProblem =
  /** `flagBefore`: a flag written before the word (kubectl then refuses to run it as a plugin). */
  | { kind: 'unknown-command'; arg: KubectlArg; node: CommandNode; flagBefore?: KubectlArg }
  | { kind: 'missing-command'; arg: KubectlArg | undefined }
  /** `needsEnv`: kubectl has the flag only with this switch set ("KUBECTL_APPLYSET=true"). */
  | { kind: 'unknown-flag'; arg: KubectlArg; name: string; node: CommandNode; needsEnv?: string }
  | { kind: 'unknown-shorthand'; arg: KubectlArg; letter: string; node: CommandNode }
  | { kind: 'flag-needs-value'; arg: KubectlArg; flag: string };

export interface KubectlArgv {
  /** The deepest command recognised: `kubectl rollout undo` for `kubectl -n x rollout undo deploy/a`. */
  node: CommandNode;
  /** The command's words as kubectl names it: ["rollout", "undo"]; [] when none was recognised. */
  path: string[];
  /** Index of the argument after the last word of the command path. */
  pathEnd: number;
  /** Every flag in the order written. */
  flags: ParsedFlag[];
  positionals: KubectlArg[];
  /** Arguments after "--": the command `exec` and `debug` run. */
  afterDashes: KubectlArg[] | undefined;
  /** What kubectl would refuse while parsing. The parse stops at the first unless `tolerant`. */
  problems: ArgvProblem[];
}

const isFlag = (value: string) => value.startsWith('-') && value.length > 1 && !/^-\d/.test(value);

export interface ParseOptions {
  /** Read on after a problem (an unknown flag is taken to have no value). */
  tolerant?: boolean;
  /**
   * kubectl's environment as far as the command shows it (`KUBECTL_APPLYSET=true kubectl …`): the
   * flags behind alpha switches exist only when their switch is set. Absent: every switch is taken
   * to be set, so readers that do not know the environment accept those flags.
   */
  env?: ReadonlyMap<string, string>;
}

/**
 * Parses kubectl's arguments (the words after "kubectl"). Strict by default: it stops at the first
 * problem, as kubectl does. `tolerant` reads on (an unknown flag is taken to have no value), for
 * readers that must make the best of any command line, such as the safety classes.
 */
export function parseKubectlArgv(
  args: readonly KubectlArg[],
  model: KubectlModel,
  { tolerant = false, env }: ParseOptions = {},
): KubectlArgv {
  const parsed: KubectlArgv = {
    node: model.root,
    path: [],
    pathEnd: 0,
    flags: [],
    positionals: [],
    afterDashes: undefined,
    problems: [],
  };
  let commandDone = false;
  const stop = (problem: ArgvProblem) => {
    parsed.problems.push(problem);
    return !tolerant;
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (parsed.afterDashes) {
      parsed.afterDashes.push(arg);
      continue;
    }
    if (arg.value === '--') {
      parsed.afterDashes = [];
      continue;
    }
    if (isFlag(arg.value)) {
      const read = readFlag(args, i, parsed.node, parsed.flags, env);
      if ('problem' in read) {
        if (stop(read.problem)) return parsed;
        continue;
      }
      i += read.consumed;
      continue;
    }
    if (!commandDone && !arg.placeholder) {
      const child = parsed.node.children.get(arg.value);
      if (child) {
        parsed.node = child;
        parsed.pathEnd = i + 1;
        continue;
      }
      if (parsed.node === model.root) {
        const flagBefore = args.slice(0, i).find((a) => isFlag(a.value));
        const problem: ArgvProblem = { kind: 'unknown-command', arg, node: model.root };
        if (flagBefore) problem.flagBefore = flagBefore;
        if (stop(problem)) return parsed;
      }
    }
    commandDone = true;
    parsed.positionals.push(arg);
  }
  parsed.path = parsed.node.spec?.path ?? [];
  const help = parsed.flags.some((f) => f.spec.name === 'help');
  if (parsed.node === model.root && !help && !parsed.problems.some((p) => p.kind === 'unknown-command')) {
    parsed.problems.push({ kind: 'missing-command', arg: args[0] });
  }
  return parsed;
}

type FlagRead = { consumed: number } | { problem: ArgvProblem };

/** Reads the flag at args[i] with the flags `node` knows (its own and the global ones). */
function readFlag(
  args: readonly KubectlArg[],
  i: number,
  node: CommandNode,
  flags: ParsedFlag[],
  env: ReadonlyMap<string, string> | undefined,
): FlagRead {
  const arg = args[i]!;
  const record = (spec: FlagSpec, value: string | undefined, at: KubectlArg) => flags.push({ spec, value, arg: at });

  if (arg.value.startsWith('--')) {
    const eq = arg.value.indexOf('=');
    const name = arg.value.slice(2, eq < 0 ? undefined : eq);
    const spec = node.flags.byName.get(name);
    if (!spec) return { problem: { kind: 'unknown-flag', arg, name, node } };
    if (spec.requiresEnv && env && !switchedOn(spec.requiresEnv, env))
      return { problem: { kind: 'unknown-flag', arg, name, node, needsEnv: spec.requiresEnv } };
    if (eq >= 0) record(spec, arg.value.slice(eq + 1), arg);
    else if (spec.bare !== undefined) record(spec, undefined, arg);
    else {
      const value = args[i + 1];
      if (!value) return { problem: { kind: 'flag-needs-value', arg, flag: `--${name}` } };
      record(spec, value.value, value);
      return { consumed: 1 };
    }
    return { consumed: 0 };
  }

  // Shorthand: -it, -n ns, -nns, -n=ns, -o=yaml
  const letters = arg.value.slice(1);
  for (let j = 0; j < letters.length; j++) {
    const letter = letters[j]!;
    const spec = node.flags.byShort.get(letter);
    if (!spec) return { problem: { kind: 'unknown-shorthand', arg, letter, node } };
    const rest = letters.slice(j + 1);
    if (rest.startsWith('=')) {
      record(spec, rest.slice(1), arg);
      return { consumed: 0 };
    }
    if (spec.bare !== undefined) {
      record(spec, undefined, arg);
      continue;
    }
    if (rest) {
      record(spec, rest, arg);
      return { consumed: 0 };
    }
    const value = args[i + 1];
    if (!value) return { problem: { kind: 'flag-needs-value', arg, flag: `-${letter}` } };
    record(spec, value.value, value);
    return { consumed: 1 };
  }
  return { consumed: 0 };
}

/** Whether "KUBECTL_APPLYSET=true" holds in an environment (kubectl takes "true" in any case, nothing else). */
function switchedOn(requirement: string, env: ReadonlyMap<string, string>): boolean {
  const [name = ''] = requirement.split('=');
  return (env.get(name) ?? '').toLowerCase() === 'true';
}

/** The flags of a parse by name, each with every occurrence in order. */
export function flagsByName(argv: KubectlArgv): Map<string, ParsedFlag[]> {
  const byName = new Map<string, ParsedFlag[]>();
  for (const flag of argv.flags) byName.set(flag.spec.name, [...(byName.get(flag.spec.name) ?? []), flag]);
  return byName;
}

/** The value of the last occurrence of a flag, as kubectl takes it ("" when given bare). */
export function flagValue(argv: KubectlArgv, name: string): string | undefined {
  const flag = argv.flags.findLast((f) => f.spec.name === name);
  return flag ? (flag.value ?? flag.spec.bare ?? '') : undefined;
}
