import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommandReader, type CommandReader } from '../../src/commands/reader.ts';
import type { RunbookEntry } from '../../src/schemas/command-catalogue.ts';
import type { KubeContext } from '../../src/runner/context.ts';
import { defaultLogName, logStep } from '../../src/runner/incident-log.ts';
import { runSession, type FailureChoice, type RunMode, type RunUi, type StepChoice } from '../../src/runner/session.ts';
import { giveValue, type Values } from '../../src/runner/values.ts';
import { catalogueOf } from '../support/catalogue.ts';

let reader: CommandReader;
let dir: string;
let runbook: RunbookEntry;
beforeAll(async () => {
  reader = await loadCommandReader();
  dir = await mkdtemp(path.join(tmpdir(), 'session-'));
  runbook = (
    await catalogueOf([
      {
        id: 'T-001',
        title: 'Test',
        body: [
          '## Look',
          '```bash',
          'echo looking at <pod-name>',
          '```',
          '## Change',
          '```bash',
          `touch ${dir}/changed`,
          '```',
          '## Destroy',
          '```bash',
          `rm -rf ${dir}/victim`,
          '```',
        ].join('\n'),
      },
    ])
  ).runbooks[0]!;
});

const context: KubeContext = {
  context: 'test-ctx',
  cluster: 'c',
  server: 'http://127.0.0.1:9',
  user: 'u',
  namespace: 'prod',
};
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

interface Script {
  confirmContext?: boolean;
  values?: string[];
  choices?: StepChoice[];
  failures?: FailureChoice[];
  confirmValues?: boolean[];
}

function scriptedUi(script: Script) {
  const screen: string[] = [];
  const asked: string[] = [];
  const ui: RunUi = {
    say: (text) => screen.push(text),
    confirmContext: async () => (asked.push('context'), script.confirmContext ?? true),
    confirmValues: async (values) => (
      asked.push(`values ${values.map((v) => v.key)}`),
      script.confirmValues?.shift() ?? false
    ),
    askValue: async (key) => (asked.push(`value ${key}`), script.values?.shift()),
    showStep: (step, number) => screen.push(`step ${number}: ${step.command} [${step.verdict.safety}]`),
    askToRun: async (step) => (asked.push(`run ${step.index + 1}`), script.choices?.shift() ?? 'quit'),
    askAfterFailure: async () => (asked.push('failure'), script.failures?.shift() ?? 'quit'),
    output: (text) => screen.push(text),
  };
  return { ui, screen, asked };
}

async function session(mode: RunMode, script: Script, values: Values = new Map(), steps = runbook.steps) {
  const { ui, screen, asked } = scriptedUi(script);
  let log = '';
  const summary = await runSession({
    runbook: { ...runbook, steps },
    origin: 'test',
    values,
    mode,
    context,
    kubectlPath: '/bin/false',
    reader,
    ui,
    log: async (markdown) => void (log += markdown),
    now: () => new Date('2026-12-01T23:15:00Z'),
  });
  return { summary, screen, asked, log };
}

const pod = (value: string) => {
  const values: Values = new Map();
  giveValue(values, 'pod', value, 'flag');
  return values;
};

describe('a read-only run', () => {
  it('runs the read-only steps without asking and skips, and lists, every other one', async () => {
    const { summary, asked, screen, log } = await session('read-only', {}, pod('api-7c9'));
    expect(asked).toEqual([]);
    expect(screen).toContain('looking at api-7c9\n');
    expect(summary.ran).toBe(1);
    expect(summary.skipped.map((s) => s.number)).toEqual([2, 3]);
    expect(await exists(`${dir}/changed`)).toBe(false);
    expect(log).toContain('- Context: test-ctx (cluster c at http://127.0.0.1:9, user u, namespace prod)');
    expect(log).toContain('Skipped: destructive: read-only run');
  });

  it('skips a step whose placeholder nobody filled, rather than asking', async () => {
    const { summary } = await session('read-only', {});
    expect(summary.skipped[0]).toEqual({
      number: 1,
      why: 'not filled in: <pod-name> (bash would read <…> as a redirection)',
    });
  });
});

describe('a dry run', () => {
  it('shows every step and runs none', async () => {
    const { summary, screen, log } = await session('dry run', {}, pod('api-7c9'));
    expect(summary.ran).toBe(0);
    expect(screen.filter((s) => s.startsWith('step '))).toHaveLength(3);
    expect(screen).not.toContain('looking at api-7c9\n');
    expect(await exists(`${dir}/changed`)).toBe(false);
    expect(log.match(/Not run: dry run/g)).toHaveLength(3);
  });
});

describe('an interactive run', () => {
  it('runs nothing unless the context is confirmed', async () => {
    const { summary, asked } = await session('interactive', { confirmContext: false }, pod('api-7c9'));
    expect(asked).toEqual(['context']);
    expect(summary).toMatchObject({ ran: 0, quit: true });
  });

  it('asks for an unfilled placeholder once, confirms an unusual value, and runs what the person chose', async () => {
    const { summary, asked, screen } = await session('interactive', {
      values: ['$(reboot)', 'api-7c9'],
      confirmValues: [false],
      choices: ['run', 'skip', 'skip'],
    });
    expect(asked).toEqual(['context', 'value pod', 'values pod', 'value pod', 'run 1', 'run 2', 'run 3']);
    expect(screen).toContain('looking at api-7c9\n');
    expect(summary).toMatchObject({ ran: 1, failed: 0, quit: false });
    expect(await exists(`${dir}/changed`)).toBe(false);
  });

  it('keeps the real exit code of a failed step and asks: retry, skip or quit', async () => {
    const failing = (
      await catalogueOf([{ id: 'F', title: 'f', body: '```bash\nls /nonexistent-folder-of-a-test\n```' }])
    ).runbooks[0]!.steps;
    const { summary, asked, log } = await session(
      'interactive',
      { choices: ['run'], failures: ['retry', 'skip'] },
      new Map(),
      failing,
    );
    expect(asked).toEqual(['context', 'run 1', 'failure', 'failure']);
    expect(summary).toMatchObject({ ran: 2, failed: 2 });
    expect(log.match(/Exit code 2 after/g)).toHaveLength(2);
    expect(log).toContain('No such file or directory');
  });

  it('stops at q, saying so in the log', async () => {
    const { summary, log } = await session('interactive', { choices: ['quit'] }, pod('api-7c9'));
    expect(summary.quit).toBe(true);
    expect(log).toContain('Skipped: quit here');
    expect(log).toContain('## Summary');
  });
});

describe('the incident log', () => {
  it('fences a command whatever backticks it holds, and bounds the output it shows', () => {
    const entry = logStep({
      number: 2,
      total: 5,
      heading: 'Check `logs`',
      at: new Date('2026-12-01T23:15:00Z'),
      safety: 'read-only',
      command: 'echo ```x```',
      outcome: { kind: 'ran', exitCode: 0, seconds: 0.25, interrupted: false },
      output: { head: ['a'], tail: ['z'], omitted: 98, lines: 100 },
    });
    expect(entry).toContain('## Step 2 of 5: Check \\`logs\\`');
    expect(entry).toContain('2026-12-01T23:15:00Z · read-only · Exit code 0 after 0.3 s');
    expect(entry).toContain('````sh\necho ```x```\n````');
    expect(entry).toContain('Output (100 lines):\n\n```text\na\n… 98 more lines …\nz\n```');
  });

  it('is named after the runbook and the local time', () => {
    expect(defaultLogName('K8S-002', new Date(2026, 11, 1, 23, 5, 9))).toBe('K8S-002-20261201-230509.md');
  });
});
