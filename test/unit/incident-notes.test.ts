import { describe, expect, it } from 'vitest';
import { formatNotes, matchingSteps, parseProgress, withStep, type DoneStep } from '../../src/domain/incident-notes.ts';
import { progressKey } from '../../src/domain/browser-storage.ts';

const step = (id: string, at: string, command = `kubectl get pods # ${id}`): DoneStep => ({
  step: id,
  source: `source ${id}`,
  command,
  section: `Diagnosis › step ${id}`,
  at,
});

describe('progress', () => {
  it('is kept per runbook', () => {
    expect(progressKey('POD001')).toBe('runbook-progress:POD001');
  });
  it('reads what it stored, and treats anything unreadable as no progress', () => {
    const progress = { steps: [step('1.1', '2026-12-02T02:14:00Z')] };
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
    for (const bad of [null, '', '{', '[]', '{"steps":3}', '{"steps":[{"step":1}]}']) {
      expect(parseProgress(bad), String(bad)).toEqual({ steps: [] });
    }
  });
  it('ticks a step once, re-ticking replaces it, and unticks', () => {
    let progress = withStep({ steps: [] }, step('1.1', '2026-12-02T02:14:00Z'), true);
    progress = withStep(progress, step('1.1', '2026-12-02T02:20:00Z'), true);
    expect(progress.steps.map((s) => s.at)).toEqual(['2026-12-02T02:20:00Z']);
    expect(withStep(progress, '1.1', false).steps).toEqual([]);
  });
  it('keeps only ticks whose command is still the one the page writes under that ID', () => {
    const progress = { steps: [step('1.1', 'a'), step('2.1', 'b'), step('9.9', 'c')] };
    const sources = new Map([
      ['1.1', 'source 1.1'],
      ['2.1', 'changed since'],
    ]);
    expect(matchingSteps(progress, sources).map((s) => s.step)).toEqual(['1.1']);
  });
});

describe('notes', () => {
  const context = {
    id: 'POD001',
    title: 'Pods in CrashLoopBackOff',
    severity: 'critical',
    url: 'https://runbooks.example.com/runbooks/pod001/?pod=api-7c9',
    values: [{ key: 'pod', value: 'api-7c9' }],
  };

  it('lists the steps done in the order done, with times, sections and commands as run', () => {
    const notes = formatNotes(
      {
        ...context,
        steps: [
          step('2.1', '2026-12-02T02:20:00Z', 'kubectl describe pod api-7c9 -n klinematrix-prod'),
          step('1.1', '2026-12-02T02:14:59Z', 'kubectl logs api-7c9 -n klinematrix-prod --previous'),
        ],
      },
      new Date('2026-12-02T03:00:00Z'),
    );
    expect(notes).toBe(
      [
        '**POD001: Pods in CrashLoopBackOff** (critical), notes of 2026-12-02',
        'https://runbooks.example.com/runbooks/pod001/?pod=api-7c9',
        'Values: `pod=api-7c9`',
        '',
        '- 02:14 UTC, Diagnosis › step 1.1: `kubectl logs api-7c9 -n klinematrix-prod --previous`',
        '- 02:20 UTC, Diagnosis › step 2.1: `kubectl describe pod api-7c9 -n klinematrix-prod`',
      ].join('\n'),
    );
  });

  it('puts a multi-line command in a fenced block under its item, and survives backticks', () => {
    const notes = formatNotes(
      {
        ...context,
        values: [],
        steps: [
          step('1.1', '2026-12-02T02:14:00Z', 'kubectl patch deploy x -p \'{\n  "a": 1\n}\''),
          step('1.2', '2026-12-03T00:01:00Z', 'echo `date`'),
        ],
      },
      new Date(),
    );
    expect(notes).toContain('Values: none given');
    expect(notes).toContain(
      '- 02:14 UTC, Diagnosis › step 1.1:\n  ```bash\n  kubectl patch deploy x -p \'{\n    "a": 1\n  }\'\n  ```',
    );
    // Another day than the first step's: the date is written too.
    expect(notes).toContain('- 2026-12-03 00:01 UTC, Diagnosis › step 1.2: `` echo `date` ``');
  });

  it('says when nothing is done yet', () => {
    expect(formatNotes({ ...context, steps: [] }, new Date('2026-12-02T03:00:00Z'))).toContain('No steps done yet.');
  });
});
