/**
 * A run of one runbook, step by step: the policy of `runbook run`, apart from the terminal it talks
 * through (src/cli/ gives it a RunUi over the keyboard; tests give it a scripted one).
 *
 *   interactive  the context is confirmed first; each step is shown (heading, command as it will run,
 *                class) and runs on Enter (read-only), `y` (changes) or the object's name typed
 *                (destructive); placeholders nobody filled are asked for, offering their default; a
 *                failed step asks: retry, skip or quit.
 *   read-only    no prompts: read-only steps run, every other one is skipped and listed at the end.
 *   dry run      every step is shown as it would run; nothing runs.
 * Every step goes into the incident log as it ends.
 */
import type { CommandReader } from '../commands/reader.ts';
import type { RunbookEntry } from '../schemas/command-catalogue.ts';
import { isUnusual } from '../domain/values.ts';
import { outputCapture, type CapturedOutput } from './capture.ts';
import type { KubeContext } from './context.ts';
import { logHeader, logStep, logSummary, type StepOutcome } from './incident-log.ts';
import { MASK, outputMasker, SECRET_NAME } from './mask.ts';
import { writeContextShim, type ContextShim } from './pin-context.ts';
import { runCommand, type RunResult } from './process.ts';
import { prepareStep, type PreparedStep } from './step.ts';
import { giveValue, type GivenValue, type Values } from './values.ts';

export type RunMode = 'interactive' | 'read-only' | 'dry run';

export type StepChoice = 'run' | 'skip' | 'quit';
export type FailureChoice = 'retry' | 'skip' | 'quit';

/** What a run needs from whoever is at the keyboard. Only the interactive mode asks anything. */
export interface RunUi {
  say(text: string): void;
  confirmContext(context: KubeContext): Promise<boolean>;
  confirmValues(unusual: readonly GivenValue[]): Promise<boolean>;
  /** A value for a placeholder; undefined to quit. Enter with a default takes the default. */
  askValue(key: string, spelling: string, fallback: string | undefined): Promise<string | undefined>;
  showStep(step: PreparedStep, number: number, total: number): void;
  askToRun(step: PreparedStep): Promise<StepChoice>;
  askAfterFailure(step: PreparedStep, result: RunResult): Promise<FailureChoice>;
  /** A command's output as it comes. */
  output(text: string, stream: 'stdout' | 'stderr'): void;
}

export interface SessionOptions {
  runbook: RunbookEntry;
  origin: string;
  values: Values;
  mode: RunMode;
  context: KubeContext | undefined;
  kubectlPath: string | undefined;
  reader: CommandReader;
  ui: RunUi;
  /** Appends to the incident log. */
  log: (markdown: string) => Promise<void>;
  env?: NodeJS.ProcessEnv;
  /** Give commands the terminal's stdin. */
  inheritStdin?: boolean;
  now?: () => Date;
}

export interface SessionSummary {
  ran: number;
  failed: number;
  skipped: { number: number; why: string }[];
  quit: boolean;
}

const masked = (v: GivenValue) => (SECRET_NAME.test(v.key) ? MASK : v.prepared.value);

export async function runSession(options: SessionOptions): Promise<SessionSummary> {
  const { runbook, values, mode, context, reader, ui } = options;
  const now = options.now ?? (() => new Date());
  const total = runbook.steps.length;
  const summary: SessionSummary = { ran: 0, failed: 0, skipped: [], quit: false };
  const finish = async () => {
    await options.log(logSummary(summary.ran, summary.failed, summary.skipped, now()));
    return summary;
  };

  await options.log(
    logHeader({
      runbook,
      origin: options.origin,
      context,
      mode,
      startedAt: now(),
      values: [...values.values()].map((v) => ({ key: v.key, value: masked(v), source: v.source })),
    }),
  );

  const unusual = [...values.values()].filter((v) => isUnusual(v.prepared));
  if (mode === 'interactive') {
    if (unusual.length > 0 && !(await ui.confirmValues(unusual))) {
      summary.quit = true;
      ui.say('Nothing ran.');
      return finish();
    }
    if (!context || !(await ui.confirmContext(context))) {
      summary.quit = true;
      ui.say('Nothing ran: the context was not confirmed.');
      return finish();
    }
  } else if (unusual.length > 0) {
    for (const v of unusual)
      ui.say(`Unusual value for ${v.key}: it ${v.prepared.problems.join('; it ')}. It is quoted as data.`);
  }

  let shim: ContextShim | undefined;
  if (mode !== 'dry run' && context && options.kubectlPath)
    shim = await writeContextShim(options.kubectlPath, context.context);
  const skip = async (prepared: PreparedStep, number: number, why: string, kind: 'skipped' | 'not run' = 'skipped') => {
    if (kind === 'skipped') summary.skipped.push({ number, why });
    await options.log(entry(prepared, number, { kind, why }));
  };
  const entry = (prepared: PreparedStep, number: number, outcome: StepOutcome, output?: CapturedOutput) =>
    logStep({
      number,
      total,
      heading: prepared.step.heading?.text,
      at: now(),
      safety: prepared.verdict.safety,
      command: prepared.logCommand,
      outcome,
      ...(output ? { output } : {}),
    });

  try {
    for (const [index, step] of runbook.steps.entries()) {
      const number = index + 1;
      if (mode === 'interactive') {
        // Ask for what nobody filled in, once per variable: later steps use the same value.
        for (const placeholder of step.placeholders) {
          if ((values.get(placeholder.key)?.prepared.value ?? '') !== '') continue;
          for (;;) {
            const raw = await ui.askValue(placeholder.key, placeholder.text, placeholder.default);
            if (raw === undefined) {
              summary.quit = true;
              return await finish();
            }
            const given = giveValue(values, placeholder.key, raw, raw === placeholder.default ? 'default' : 'typed');
            if (given.prepared.value === '') continue;
            if (!isUnusual(given.prepared) || (await ui.confirmValues([given]))) break;
            values.delete(placeholder.key);
          }
        }
      }
      const prepared = prepareStep(step, index, values, { reader, context, useDefaults: mode !== 'interactive' });
      ui.showStep(prepared, number, total);

      if (mode === 'dry run') {
        await skip(prepared, number, prepared.refusal ?? 'dry run', 'not run');
        continue;
      }
      if (prepared.refusal) {
        ui.say(`Not run: ${prepared.refusal}.`);
        await skip(prepared, number, prepared.refusal);
        continue;
      }
      if (mode === 'read-only' && prepared.endless) {
        await skip(prepared, number, `${prepared.endless}: run it interactively`);
        continue;
      }
      if (mode === 'read-only' && prepared.verdict.safety !== 'read-only') {
        await skip(
          prepared,
          number,
          `${prepared.verdict.safety === 'destructive' ? 'destructive' : 'changes the cluster or the machine'}: read-only run`,
        );
        continue;
      }
      if (mode === 'interactive') {
        const choice = await ui.askToRun(prepared);
        if (choice === 'quit') {
          summary.quit = true;
          await skip(prepared, number, 'quit here');
          return await finish();
        }
        if (choice === 'skip') {
          await skip(prepared, number, 'skipped by the person running it');
          continue;
        }
      }

      for (;;) {
        const capture = outputCapture({ transform: outputMasker(prepared.secretOutput) });
        const result = await runCommand(prepared.command, {
          pathFirst: shim ? [shim.dir] : [],
          ...(options.env ? { env: options.env } : {}),
          inheritStdin: options.inheritStdin ?? false,
          onOutput: (text, stream) => {
            ui.output(text, stream);
            capture.write(text);
          },
        }).done;
        const { interrupted } = result;
        summary.ran++;
        await options.log(
          entry(
            prepared,
            number,
            { kind: 'ran', exitCode: result.exitCode, seconds: result.seconds, interrupted },
            capture.end(),
          ),
        );
        if (result.exitCode === 0 && !interrupted) break;
        summary.failed++;
        if (mode !== 'interactive') break;
        const next = await ui.askAfterFailure(prepared, result);
        if (next === 'retry') continue;
        if (next === 'quit') {
          summary.quit = true;
          return await finish();
        }
        summary.skipped.push({
          number,
          why: `${interrupted ? 'stopped with Ctrl-C' : `failed with exit code ${result.exitCode}`}, then skipped`,
        });
        break;
      }
    }
    return await finish();
  } finally {
    await shim?.remove();
  }
}
