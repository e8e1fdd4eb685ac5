/**
 * The safety gate: what running a step takes. The class is worked out again from the command as it
 * will run (values filled), with the same classifier as the page (src/commands/safety.ts via
 * analyzeBlock), and never taken lower than the catalogue's: a value can make `--replicas=<n>` a
 * scale to zero, and a catalogue fetched from a site is not trusted to say so.
 *   read-only    Enter runs it;
 *   changes      `y` runs it;
 *   destructive  the object's name (or its namespace) must be typed.
 */
import { analyzeBlock } from '../commands/block.ts';
import type { CommandReader } from '../commands/reader.ts';
import { worst, type Safety, type SafetyVerdict } from '../commands/safety.ts';
import { flagValue } from '../kubectl/argv.ts';
import type { StepEntry } from '../schemas/command-catalogue.ts';
import type { KubectlCall, ProgramCall } from './invocations.ts';

/** The class of a command as it will run: the worst of its statements, and of what the catalogue said. */
export function classify(
  command: string,
  reader: CommandReader,
  listed?: Pick<StepEntry, 'safety' | 'reasons'>,
): SafetyVerdict {
  const block = analyzeBlock(command, 'bash', reader);
  const verdicts = block.parts.flatMap((p) => (p.safety ? [p.safety] : []));
  if (listed) verdicts.push({ safety: listed.safety, reasons: listed.reasons });
  return worst(verdicts);
}

export type Confirmation =
  | { kind: 'enter' }
  | { kind: 'yes' }
  /** `word` must be typed: what it is ("the pod name", "the namespace"). */
  | { kind: 'type'; word: string; what: string };

/** kubectl verbs whose first argument is a node. */
const NODE_VERBS = new Set(['drain', 'cordon', 'uncordon']);

/** The object a destructive kubectl command acts on, or its namespace when it names none (-l, --all, -f). */
function kubectlObject(call: KubectlCall, defaultNamespace: string): { word: string; what: string } {
  const [verb] = call.argv.path;
  const words = call.argv.positionals.map((p) => p.value);
  const typeName = words.find((w) => w.includes('/'));
  if (typeName) {
    const [type, name] = typeName.split('/') as [string, string];
    return { word: name, what: `the ${type} name` };
  }
  if (verb && NODE_VERBS.has(verb) && words[0]) return { word: words[0], what: 'the node name' };
  if (words.length >= 2) return { word: words[1]!, what: `the ${words[0]} name` };
  return { word: flagValue(call.argv, 'namespace') ?? defaultNamespace, what: 'the namespace' };
}

/**
 * What it takes to run a command of this class. For a destructive one, the name to type: the object
 * its first destructive kubectl call acts on (else that call's namespace); a destructive command that
 * is not kubectl's (rm, iptables -F, helm uninstall) is confirmed with its program's name.
 */
export function confirmationFor(
  safety: Safety,
  command: string,
  calls: readonly ProgramCall[],
  defaultNamespace: string,
  reader: CommandReader,
): Confirmation {
  if (safety === 'read-only') return { kind: 'enter' };
  if (safety === 'changes') return { kind: 'yes' };
  for (const call of calls) {
    if (classify(command.slice(call.name.start, call.end), reader).safety !== 'destructive') continue;
    if (call.argv) return { kind: 'type', ...kubectlObject(call as KubectlCall, defaultNamespace) };
    return { kind: 'type', word: call.program, what: 'the program name' };
  }
  return { kind: 'type', word: calls[0]?.program ?? 'yes', what: 'the program name' };
}

/** A bool flag as kubectl reads it: -f, --follow, --follow=true. */
const isSet = (value: string | undefined) => value !== undefined && !/^(false|f|0)$/i.test(value);

/**
 * Why a command runs until someone stops it, when it does (logs -f, get -w, port-forward, watch,
 * tail -f): a read-only run, which nobody watches, skips it rather than wait forever.
 */
export function runsUntilStopped(calls: readonly ProgramCall[]): string | undefined {
  for (const call of calls) {
    if (call.wrappers.includes('watch')) return `watch repeats ${call.program} until stopped`;
    if (call.argv) {
      const [verb] = call.argv.path;
      if (verb === 'logs' && isSet(flagValue(call.argv, 'follow')))
        return 'kubectl logs -f follows the log until stopped';
      if (
        (verb === 'get' || verb === 'events') &&
        (isSet(flagValue(call.argv, 'watch')) || isSet(flagValue(call.argv, 'watch-only')))
      )
        return `kubectl ${verb} -w watches until stopped`;
      if (verb === 'port-forward' || verb === 'proxy' || verb === 'attach') return `kubectl ${verb} runs until stopped`;
    } else if (
      (call.program === 'tail' || call.program === 'journalctl') &&
      call.args.some((a) => a.value === '--follow' || /^-[a-zA-Z]*[fF]/.test(a.value))
    ) {
      return `${call.program} -f follows until stopped`;
    }
  }
  return undefined;
}
