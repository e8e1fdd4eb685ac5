/**
 * A step made ready to run, the one way for the terminal runner and the companion: the catalogue's
 * command with the values filled in (quoted as data), pinned to the confirmed context, classified
 * again as it will run, with what running it takes, why it can't run if it can't, and the command as
 * the incident log records it (masked).
 */
import type { CommandReader } from '../commands/reader.ts';
import type { SafetyVerdict } from '../commands/safety.ts';
import type { StepEntry } from '../schemas/command-catalogue.ts';
import type { KubeContext } from './context.ts';
import { classify, confirmationFor, runsUntilStopped, type Confirmation } from './gate.ts';
import { kubectlCalls, programCalls } from './invocations.ts';
import { maskCommand, SECRET_NAME, secretOutputOf, type SecretOutput } from './mask.ts';
import { pinContext, type PinnedCommand } from './pin-context.ts';
import { fillCommand, type FilledCommand, type Values } from './values.ts';

export interface PreparedStep {
  /** 0-based, as the catalogue lists it. */
  index: number;
  step: StepEntry;
  filled: FilledCommand;
  /** What runs: the filled command with --context after each kubectl. */
  command: string;
  verdict: SafetyVerdict;
  /** The class is higher than the catalogue's: a value made it so (or the catalogue understated it). */
  raised: boolean;
  confirmation: Confirmation;
  /** Why it must not run, when it must not. */
  refusal?: string;
  /** It runs no kubectl: it runs here, on this machine, not through the cluster's API. */
  local: boolean;
  /** Why it runs until stopped (logs -f, get -w), when it does. */
  endless?: string;
  /** The command as the incident log records it. */
  logCommand: string;
  secretOutput: SecretOutput;
}

export interface PrepareOptions {
  reader: CommandReader;
  /** The confirmed context; without one (a dry run with no kubectl) commands are shown as they are. */
  context: KubeContext | undefined;
  /** Fill placeholders nobody gave a value for with the runbook's default (no one to ask). */
  useDefaults: boolean;
}

const RANK = { 'read-only': 0, changes: 1, destructive: 2 } as const;

export function prepareStep(step: StepEntry, index: number, values: Values, options: PrepareOptions): PreparedStep {
  const { reader, context } = options;
  const filled = fillCommand(step, values, { useDefaults: options.useDefaults });
  const verdict = classify(filled.text, reader, step);
  const calls = programCalls(filled.text, reader);
  const pinned: PinnedCommand = context
    ? pinContext(filled.text, kubectlCalls(calls), context.context)
    : { text: filled.text };
  const runCalls = pinned.text === filled.text ? calls : programCalls(pinned.text, reader);
  const unfilled = [...new Set(filled.unfilled.map((p) => p.text))];
  const refusal =
    unfilled.length > 0
      ? `not filled in: ${unfilled.join(', ')} (bash would read <…> as a redirection)`
      : pinned.refusal;
  const endless = runsUntilStopped(calls);
  const secretValues = [...values.values()].filter((v) => SECRET_NAME.test(v.key)).map((v) => v.prepared.value);
  return {
    index,
    step,
    filled,
    command: pinned.text,
    verdict,
    raised: RANK[verdict.safety] > RANK[step.safety],
    confirmation: confirmationFor(verdict.safety, pinned.text, runCalls, context?.namespace ?? 'default', reader),
    ...(refusal !== undefined ? { refusal } : {}),
    local: !calls.some((c) => c.program === 'kubectl' || c.program === 'helm'),
    ...(endless !== undefined ? { endless } : {}),
    logCommand: maskCommand(pinned.text, runCalls, secretValues),
    secretOutput: secretOutputOf(kubectlCalls(runCalls), reader),
  };
}
