/**
 * A step the page asks about, made ready exactly as the terminal runner makes it (src/runner/step.ts):
 * named by runbook ID and index in the catalogue, never by its text; values prepared and quoted by the
 * runner's rules (values from elsewhere than the runbook's own variables are ignored); the command
 * pinned to the confirmed context and classified again as it will run. And what running it takes,
 * enforced here rather than trusted to the page: the context confirmed, a confirming click for a
 * change, the object's name typed for a destructive command, unusual values accepted, and all of it
 * given for the very command that will run.
 */
import type { CommandReader } from '../commands/reader.ts';
import { isUnusual } from '../domain/values.ts';
import type { KubeContext } from '../runner/context.ts';
import { prepareStep, type PreparedStep } from '../runner/step.ts';
import { variableKeysOf } from '../runner/target.ts';
import { giveValue, type GivenValue, type Values } from '../runner/values.ts';
import type { CommandCatalogue, RunbookEntry } from '../schemas/command-catalogue.ts';
import type { PreparedView, RunRequest, StepRequest } from './protocol.ts';

/** A request the companion refuses, with the HTTP status that says why. */
export class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface PageStep {
  runbook: RunbookEntry;
  prepared: PreparedStep;
  values: Values;
  /** The values this step uses that are unusual: each must be accepted before it runs. */
  unusual: GivenValue[];
}

export function findRunbook(catalogue: CommandCatalogue, id: string): RunbookEntry {
  // The ID exactly as the catalogue (and the page's data-runbook-id) writes it: a request is not a link.
  const runbook = catalogue.runbooks.find((r) => r.id === id);
  if (!runbook) throw new Refusal(404, `no runbook ${JSON.stringify(id)} in the catalogue: nothing was run`);
  return runbook;
}

export function pageStep(
  catalogue: CommandCatalogue,
  request: StepRequest,
  options: { reader: CommandReader; context: KubeContext },
): PageStep {
  const runbook = findRunbook(catalogue, request.runbook);
  const step = runbook.steps[request.step];
  if (!Number.isInteger(request.step) || request.step < 0 || !step)
    throw new Refusal(
      404,
      `${runbook.id} has no step ${request.step} (it has ${runbook.steps.length}, numbered from 0): nothing was run`,
    );
  const keys = variableKeysOf(runbook);
  const values: Values = new Map();
  for (const [key, raw] of Object.entries(request.values))
    if (keys.has(key) && raw !== '') giveValue(values, key, raw, 'page');
  const prepared = prepareStep(step, request.step, values, { ...options, useDefaults: true });
  const used = new Set(step.placeholders.map((p) => p.key));
  const unusual = [...values.values()].filter((v) => used.has(v.key) && isUnusual(v.prepared));
  return { runbook, prepared, values, unusual };
}

export function viewOf({ runbook, prepared, unusual }: PageStep): PreparedView {
  return {
    runbook: runbook.id,
    step: prepared.index,
    heading: prepared.step.heading?.text ?? null,
    command: prepared.command,
    safety: prepared.verdict.safety,
    reasons: prepared.verdict.reasons,
    raised: prepared.raised,
    confirmation: prepared.confirmation,
    unusual: unusual.map((v) => ({ key: v.key, value: v.prepared.value, problems: v.prepared.problems })),
    defaulted: prepared.filled.defaulted,
    ...(prepared.refusal !== undefined ? { refusal: prepared.refusal } : {}),
    ...(prepared.endless !== undefined ? { endless: prepared.endless } : {}),
    local: prepared.local,
  };
}

/** Throws the reason a step must not run on this request; returns when it may. */
export function checkConfirmations(step: PageStep, request: RunRequest, contextConfirmed: boolean): void {
  const { prepared, unusual } = step;
  if (!contextConfirmed)
    throw new Refusal(409, 'the kubectl context is not confirmed yet: confirm it in the bar at the top of the page');
  if (prepared.refusal) throw new Refusal(403, `not run: ${prepared.refusal}`);
  const accepted = new Set(request.unusual ?? []);
  const unaccepted = unusual.filter((v) => !accepted.has(v.key));
  if (unaccepted.length > 0)
    throw new Refusal(
      403,
      `not run: the value of ${unaccepted.map((v) => v.key).join(', ')} is unusual (it ${unaccepted[0]!.prepared.problems.join('; it ')}) and was not confirmed`,
    );
  const { confirmation } = prepared;
  if (confirmation.kind === 'enter' && unusual.length === 0) return;
  if (request.shown !== prepared.command)
    throw new Refusal(
      409,
      `not run: the command changed since it was confirmed (a value changed?); it would now run: ${prepared.command}`,
    );
  if (confirmation.kind === 'yes' && request.confirm !== true)
    throw new Refusal(
      403,
      `not run: it changes the cluster (${prepared.verdict.reasons.join('; ') || prepared.verdict.safety}) and takes a confirming click`,
    );
  if (confirmation.kind === 'type' && request.typed !== confirmation.word)
    throw new Refusal(
      403,
      `not run: it is destructive (${prepared.verdict.reasons.join('; ')}); it runs only with ${confirmation.what} typed: ${confirmation.word}`,
    );
}
