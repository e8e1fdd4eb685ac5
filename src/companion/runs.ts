/**
 * The steps running from the page: one run at a time per step, each in a process group of its own
 * (src/runner/process.ts) so Stop on the page ends it (SIGINT, then SIGKILL), with the context shim
 * first on PATH, its output cleaned and bounded for the page (src/companion/output.ts) and, as in the
 * terminal, masked and cut to its first and last lines for the incident log. Pages follow a run by its
 * id: the output so far, then what comes, then how it ended.
 */
import { randomUUID } from 'node:crypto';
import { outputCapture } from '../runner/capture.ts';
import { outputMasker } from '../runner/mask.ts';
import { runCommand, type RunningCommand } from '../runner/process.ts';
import type { IncidentLogs } from './incident-logs.ts';
import { boundedOutput, textCleaner } from './output.ts';
import type { RunEnd, RunEvent, StepState } from './protocol.ts';
import { Refusal, type PageStep } from './steps.ts';

export interface Run {
  id: string;
  runbook: string;
  step: number;
  command: string;
  /** The output so far (bounded) and how much of it was dropped. */
  snapshot(): { chunks: { text: string; stream: 'stdout' | 'stderr' }[]; dropped: number };
  end?: RunEnd;
  /** Called with every event from now on; returns the unsubscribe. */
  follow(listener: (event: RunEvent) => void): () => void;
}

interface RunRecord extends Run {
  process: RunningCommand;
  done: Promise<void>;
}

export interface RunsOptions {
  logs: IncidentLogs;
  /** Folders put first on PATH (the context shim). */
  pathFirst: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Characters of output kept per run for pages that open it later. */
  outputLimit?: number;
  now?: () => Date;
}

const stepKey = (runbook: string, step: number) => `${runbook}#${step}`;

export function runRegistry(options: RunsOptions) {
  const now = options.now ?? (() => new Date());
  const runs = new Map<string, RunRecord>();
  /** Per step: the run going on now, and the last that ended. */
  const current = new Map<string, RunRecord>();
  const last = new Map<string, RunRecord>();

  function start({ runbook, prepared, values }: PageStep): Run {
    const key = stepKey(runbook.id, prepared.index);
    const busy = current.get(key);
    if (busy)
      throw new Refusal(
        409,
        `step ${prepared.index + 1} of ${runbook.id} is already running: stop it first (one run at a time per step)`,
      );
    const output = boundedOutput(options.outputLimit);
    const listeners = new Set<(event: RunEvent) => void>();
    const emit = (event: RunEvent) => {
      for (const listener of listeners) listener(event);
    };
    const capture = outputCapture({ transform: outputMasker(prepared.secretOutput) });
    const cleaners = { stdout: textCleaner(), stderr: textCleaner() };
    const shown = (text: string, stream: 'stdout' | 'stderr') => {
      if (text === '') return;
      output.add({ text, stream });
      emit({ type: 'output', text, stream });
    };
    const startedAt = now();
    const process = runCommand(prepared.command, {
      pathFirst: options.pathFirst,
      ...(options.env ? { env: options.env } : {}),
      ownProcessGroup: true,
      onOutput: (text, stream) => {
        capture.write(text);
        shown(cleaners[stream].write(text), stream);
      },
    });
    const record: RunRecord = {
      id: randomUUID(),
      runbook: runbook.id,
      step: prepared.index,
      command: prepared.command,
      snapshot: () => output.snapshot(),
      follow(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      process,
      done: Promise.resolve(),
    };
    record.done = process.done
      .catch((error: Error) => {
        shown(`runbook serve: the command could not be started: ${error.message}\n`, 'stderr');
        return { exitCode: 127, signal: null, seconds: 0, interrupted: false };
      })
      .then(async (result) => {
        shown(cleaners.stdout.end(), 'stdout');
        shown(cleaners.stderr.end(), 'stderr');
        const end: RunEnd = { exitCode: result.exitCode, seconds: result.seconds, interrupted: result.interrupted };
        record.end = end;
        current.delete(key);
        // A step keeps its last run (for the page's "done" and its output), not every run it had.
        const previous = last.get(key);
        if (previous) runs.delete(previous.id);
        last.set(key, record);
        emit({ type: 'exit', ...end });
        listeners.clear();
        await options.logs
          .step(
            runbook,
            values,
            {
              number: prepared.index + 1,
              heading: prepared.step.heading?.text,
              at: startedAt,
              safety: prepared.verdict.safety,
              command: prepared.logCommand,
              outcome: { kind: 'ran', ...end },
              output: capture.end(),
            },
            end.exitCode !== 0 || end.interrupted,
          )
          .catch((error: Error) =>
            console.error(`runbook serve: the incident log could not be written: ${error.message}`),
          );
      });
    runs.set(record.id, record);
    current.set(key, record);
    return record;
  }

  return {
    start,
    get: (id: string): Run | undefined => runs.get(id),
    stop(id: string): void {
      const run = runs.get(id);
      if (!run) throw new Refusal(404, 'no such run');
      if (run.end) throw new Refusal(409, 'it has already ended');
      run.process.interrupt();
    },
    /** The steps of a runbook that ran or run during this start. */
    stateOf(runbook: string): StepState[] {
      const steps = new Map<number, StepState>();
      for (const run of last.values())
        if (run.runbook === runbook) steps.set(run.step, { step: run.step, last: { run: run.id, ...run.end! } });
      for (const run of current.values())
        if (run.runbook === runbook) steps.set(run.step, { ...steps.get(run.step), step: run.step, running: run.id });
      return [...steps.values()].sort((a, b) => a.step - b.step);
    },
    /** Stops what runs and waits for it to end (and be logged). */
    async stopAll(): Promise<void> {
      for (const run of current.values()) run.process.interrupt();
      await Promise.all([...runs.values()].map((r) => r.done));
    },
  };
}

export type RunRegistry = ReturnType<typeof runRegistry>;
