/**
 * The probes: small kubectl runs, each built to stop while kubectl parses its flags (see SAFETY in
 * sandbox.ts), that answer one question each (a flag's type, whether it has a bare form, which flags a
 * command requires, whether a command is a group, what `__complete` offers), and the readers of
 * kubectl's answers.
 */
import type { FlagType } from '../schema-types.ts';
import type { RawFlag } from './help-parser.ts';
import { probe, runKubectl, type Sandbox } from './sandbox.ts';

/** Two flags no kubectl command has: where the parser stops tells whether the flag before took a value. */
const SENTINEL_A = '--zz-probe-a';
const SENTINEL_B = '--zz-probe-b';

/**
 * Commands never run bare for the required-flag probe: they would start a long-running process, wait
 * for input or read the working directory. Their required flags still come from `__complete`. (The
 * bare runs carry no flag, so `get`, `events` and `logs` never watch or follow.)
 */
const NO_BARE_RUN = new Set([
  'proxy',
  'port-forward',
  'attach',
  'exec',
  'edit',
  'apply edit-last-applied',
  'debug',
  'run',
  'cp',
  'wait',
  'plugin',
  'plugin list',
  'completion',
  'kustomize',
]);

/** Reads the type from pflag's complaint about a value it could not parse. */
export function typeFromParseError(stderr: string, flag: string): FlagType | 'accepted' | 'unknown-flag' | undefined {
  if (new RegExp(`unknown (?:shorthand )?flag:? '?--?${escapeRegExp(flag)}\\b`).test(stderr)) return 'unknown-flag';
  if (!/invalid argument/.test(stderr)) return 'accepted';
  if (/strconv\.ParseBool/.test(stderr)) return 'bool';
  if (/strconv\.Parse(?:Int|Uint)/.test(stderr)) return 'int';
  if (/strconv\.ParseFloat/.test(stderr)) return 'float';
  if (/time: invalid duration/.test(stderr)) return 'duration';
  if (/key=value|string=string|malformed pair/i.test(stderr)) return 'map';
  if (/parse error on line|extraneous or missing " in quoted-field|bare " in non-quoted-field/.test(stderr))
    return 'stringSlice';
  return undefined;
}

/** What kubectl says, after a successful parse, about a deprecated flag: "has been deprecated, <this>". */
export function deprecationWarning(output: string, flag: string): string | undefined {
  const warning = new RegExp(`Flag --${escapeRegExp(flag)} has been deprecated, (.*)`).exec(output);
  return warning ? (warning[1] ?? '').trim() : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Confirms or corrects the type of a flag whose default is not a quoted string:
 *   --x=zz --help     an int, float, duration, bool or map flag rejects "zz";
 *   --x='"zz' --help  a stringSlice splits its value as CSV and rejects the lone quote, a stringArray
 *                     takes any value.
 * Either way the parse fails or the help is printed: the command never runs.
 */
export async function probeType(
  sb: Sandbox,
  cmdPath: readonly string[],
  f: RawFlag,
  guess: FlagType,
): Promise<{ type: FlagType; note?: string }> {
  const first = typeFromParseError((await probe(sb, cmdPath, [`--${f.name}=zz`, '--help'])).stderr, f.name);
  if (first === 'unknown-flag')
    return { type: guess, note: `--${f.name} is listed in the help but kubectl rejects it` };
  if (first !== 'accepted') {
    if (first === undefined) {
      // Go's flag package (klog's --log-flush-frequency) says only "parse error": keep the guess.
      return {
        type: guess,
        note: `--${f.name}=zz rejected with an error that does not name a type; kept "${guess}" from the default`,
      };
    }
    return first === guess
      ? { type: first }
      : { type: first, note: `--${f.name}: default "${f.default}" suggested ${guess}, kubectl parses it as ${first}` };
  }
  if (guess === 'stringArray' || guess === 'stringSlice') {
    const second = typeFromParseError((await probe(sb, cmdPath, [`--${f.name}="zz`, '--help'])).stderr, f.name);
    return { type: second === 'stringSlice' ? 'stringSlice' : 'stringArray' };
  }
  if (guess !== 'string')
    return {
      type: 'string',
      note: `--${f.name}: default "${f.default}" suggested ${guess}, kubectl accepts any value`,
    };
  return { type: 'string' };
}

/** Whether kubectl accepts `--x` without a value (see SENTINEL_A). */
export async function probeBare(
  sb: Sandbox,
  cmdPath: readonly string[],
  flag: string,
): Promise<'bare' | 'needs-value' | 'unknown-flag'> {
  const r = await probe(sb, cmdPath, [`--${flag}`, SENTINEL_A, SENTINEL_B]);
  if (r.stderr.includes(`unknown flag: ${SENTINEL_A}`)) return 'bare';
  if (r.stderr.includes(`unknown flag: --${flag}`)) return 'unknown-flag';
  if (
    r.stderr.includes(`unknown flag: ${SENTINEL_B}`) ||
    r.stderr.includes('invalid argument') ||
    r.stderr.includes('flag needs an argument')
  ) {
    return 'needs-value';
  }
  throw new Error(`unexpected answer probing kubectl ${cmdPath.join(' ')} --${flag}:\n${r.stderr}${r.stdout}`);
}

/** Names `kubectl __complete <path...> ""` offers (subcommands, and for some commands their arguments). */
export async function completions(sb: Sandbox, cmdPath: readonly string[], toComplete = ''): Promise<string[]> {
  const r = await probe(sb, ['__complete', ...cmdPath], [toComplete]);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith(':'))
    .map((l) => (l.split('\t')[0] ?? '').trim())
    .filter((name) => name !== '' && !name.startsWith('__'));
}

/**
 * GROUP RULE. A command is a group when it has subcommands and, run bare, prints its help with the
 * list of subcommands instead of doing something (kubectl's DefaultSubCommandRun, or a cobra command
 * with no Run). `kubectl create`, `apply` and `cluster-info` have subcommands but run on their own.
 * Only commands with subcommands are run for this. The usage line is no guide: `kubectl rollout
 * SUBCOMMAND` and `kubectl create secret (docker-registry | generic | tls)` say so, but `kubectl top`,
 * `auth`, `plugin` and `create service` print "[flags] [options]" like any other command.
 */
export async function isGroup(
  sb: Sandbox,
  cmdPath: readonly string[],
  subcommands: readonly string[],
  warnings: string[],
): Promise<boolean> {
  if (subcommands.length === 0) return false;
  const r = await runKubectl(sb, cmdPath);
  if (r.timedOut) warnings.push(`kubectl ${cmdPath.join(' ')}: the bare run for the group check timed out`);
  return /Available Commands:/.test(r.stdout + r.stderr);
}

const REQUIRED = /required flag\(s\) ((?:"[^"]+"(?:, )?)+) not set/;

/** Required flags from cobra's completion and, where it is safe, from a bare run. */
export async function requiredFlags(
  sb: Sandbox,
  cmdPath: readonly string[],
  warnings: string[],
): Promise<{ flags: string[]; how: string }> {
  const offered = (await completions(sb, cmdPath)).filter((c) => c.startsWith('--')).map((c) => c.slice(2));
  const key = cmdPath.join(' ');
  if (NO_BARE_RUN.has(key)) return { flags: offered.sort(), how: '__complete' };
  let r = await runKubectl(sb, cmdPath);
  if (/accepts \d+ arg|requires (?:at least|exactly) \d+ arg|received 0/.test(r.stderr)) {
    r = await runKubectl(sb, cmdPath, ['probe-name']);
  }
  // cobra's message, possibly inside klog's quoting: err="required flag(s) \"image\" not set"
  const m = REQUIRED.exec(r.stderr.replaceAll('\\"', '"'));
  const ran = m ? [...(m[1] ?? '').matchAll(/"([^"]+)"/g)].map((x) => x[1] ?? '') : [];
  const all = [...new Set([...offered, ...ran])].sort();
  if (offered.slice().sort().join(',') !== ran.slice().sort().join(',')) {
    warnings.push(
      `kubectl ${key}: __complete offers required [${offered.join(', ')}], a bare run reports [${ran.join(', ')}]`,
    );
  }
  return { flags: all, how: r.timedOut ? '__complete + bare run (timed out)' : '__complete + bare run' };
}
