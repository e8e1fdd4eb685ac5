/**
 * `runbook run` at a terminal: the RunUi of src/runner/session.ts over the keyboard and the screen.
 * Without a terminal nothing is ever asked (the session only asks in interactive mode, which the
 * command refuses without one); the same screen output goes to stdout.
 */
import { quoteInto } from '../domain/values.ts';
import type { RunUi } from '../runner/session.ts';
import type { PreparedStep } from '../runner/step.ts';
import { harmless, paint, type Keyboard, type Screen } from './terminal.ts';

const CLASS_STYLE = { 'read-only': 'green', changes: 'yellow', destructive: 'red' } as const;

export function describeStep(screen: Screen, step: PreparedStep, number: number, total: number): string {
  const heading = step.step.heading?.text;
  const title = `Step ${number}/${total}${heading ? ` · ${heading}` : ''}`;
  const lines = [
    '',
    paint(screen, 'bold', `── ${title} ${'─'.repeat(Math.max(3, 72 - title.length))}`),
    ...step.command.split('\n').map((line) => `  ${paint(screen, 'cyan', line)}`),
  ];
  const { safety, reasons } = step.verdict;
  const label = safety === 'destructive' ? 'DESTRUCTIVE' : safety;
  let classLine = `  ${paint(screen, CLASS_STYLE[safety], label)}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`;
  if (step.raised)
    classLine += paint(screen, 'red', ` (the catalogue says ${step.step.safety}: the values make it ${safety})`);
  lines.push(classLine);
  if (step.local) lines.push(`  ${paint(screen, 'dim', 'runs here, on this machine (no kubectl in it)')}`);
  if (step.endless) lines.push(`  ${paint(screen, 'dim', `${step.endless}: Ctrl-C stops it`)}`);
  if (step.filled.defaulted.length > 0)
    lines.push(`  ${paint(screen, 'dim', `default value used for ${step.filled.defaulted.join(', ')}`)}`);
  return `${lines.join('\n')}\n`;
}

const ctrlCHint = (screen: Screen) => () =>
  screen.write(paint(screen, 'dim', ' (Ctrl-C stops a running command; nothing is running: q quits) '));

export function terminalUi(screen: Screen, keys: Keyboard): RunUi {
  const ask = (text: string) => screen.write(paint(screen, 'bold', text));
  const hint = ctrlCHint(screen);
  /** A key among `choices`; anything else repeats the question. */
  const choose = async <T extends string>(question: string, choices: Record<string, T>): Promise<T> => {
    for (;;) {
      ask(question);
      const key = await keys.key();
      if (key === 'ctrl-c') {
        hint();
        screen.write('\n');
        continue;
      }
      const choice = choices[key];
      screen.write(`${key === 'enter' ? '' : key}\n`);
      if (choice !== undefined) return choice;
    }
  };

  return {
    say: (text) => screen.write(`${text}\n`),
    async confirmContext(context) {
      screen.write(
        [
          '',
          `${paint(screen, 'bold', 'kubectl context')}  ${paint(screen, 'yellow', context.context)}`,
          `  cluster        ${context.cluster} (${context.server})`,
          `  user           ${context.user}`,
          `  namespace      ${context.namespace}`,
          '',
        ].join('\n'),
      );
      const key = await (async () => {
        ask(`Run this runbook on ${context.context}? [y/N] `);
        return keys.key();
      })();
      screen.write(`${key === 'enter' || key === 'ctrl-c' ? '' : key}\n`);
      return key === 'y';
    },
    async confirmValues(unusual) {
      for (const v of unusual) {
        screen.write(
          `${paint(screen, 'yellow', `Unusual value for ${v.key}`)}: it ${v.prepared.problems.join('; it ')}.\n  It goes into the commands quoted, as data: ${quoteInto(v.prepared.value, 'unquoted')}\n`,
        );
      }
      const key = await (async () => {
        ask(unusual.length === 1 ? 'Use this value? [y/N] ' : 'Use these values? [y/N] ');
        return keys.key();
      })();
      screen.write(`${key === 'enter' || key === 'ctrl-c' ? '' : key}\n`);
      return key === 'y';
    },
    async askValue(key, spelling, fallback) {
      ask(`${spelling} (${key})${fallback !== undefined ? ` [${fallback}]` : ''}: `);
      const typed = await keys.line(hint);
      if (typed === undefined) return undefined;
      return typed === '' && fallback !== undefined ? fallback : typed;
    },
    showStep(step, number, total) {
      screen.write(describeStep(screen, step, number, total));
    },
    async askToRun(step) {
      const { confirmation } = step;
      if (confirmation.kind === 'enter')
        return choose('Enter runs it, s skips, q quits: ', { enter: 'run', s: 'skip', q: 'quit' });
      if (confirmation.kind === 'yes')
        return choose('It changes things: y runs it, s skips, q quits: ', { y: 'run', s: 'skip', q: 'quit' });
      for (;;) {
        ask(`Destructive: type ${confirmation.what} (${confirmation.word}) to run it, s skips, q quits: `);
        const typed = await keys.line(hint);
        if (typed === undefined || typed === 'q') return 'quit';
        if (typed === confirmation.word) return 'run';
        if (typed === 's') return 'skip';
        screen.write(paint(screen, 'red', `"${harmless(typed)}" is not ${confirmation.word}: not run.\n`));
      }
    },
    async askAfterFailure(_step, result) {
      const how = result.interrupted
        ? `was stopped with Ctrl-C (exit code ${result.exitCode})`
        : `failed with exit code ${result.exitCode}`;
      return choose(`\n${paint(screen, 'red', `The step ${how}.`)} r retries, s skips, q quits: `, {
        r: 'retry',
        s: 'skip',
        q: 'quit',
      });
    },
    output: (text) => screen.write(harmless(text)),
  };
}

/** Without a terminal: shows what happens, and refuses to be asked anything. */
export function plainUi(screen: Screen): RunUi {
  const never = (): never => {
    throw new Error('no terminal to ask: only --dry-run and --read-only run without one');
  };
  return {
    say: (text) => screen.write(`${text}\n`),
    confirmContext: never,
    confirmValues: never,
    askValue: never,
    showStep: (step, number, total) => screen.write(describeStep(screen, step, number, total)),
    askToRun: never,
    askAfterFailure: never,
    output: (text) => screen.write(harmless(text)),
  };
}
