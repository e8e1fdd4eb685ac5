/**
 * A step the page asks for (src/companion/steps.ts): named by runbook ID and catalogue index, never by
 * its text; values as data, quoted by the runner's rules; and what running it takes, checked on the
 * server whatever the page did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommandReader, type CommandReader } from '../../src/commands/reader.ts';
import { checkConfirmations, pageStep, Refusal, viewOf, type PageStep } from '../../src/companion/steps.ts';
import { runRequestSchema, stepRequestSchema, type RunRequest } from '../../src/companion/protocol.ts';
import type { KubeContext } from '../../src/runner/context.ts';
import type { CommandCatalogue } from '../../src/schemas/command-catalogue.ts';
import { catalogueOf } from '../support/catalogue.ts';

const context: KubeContext = {
  context: 'fake-prod',
  cluster: 'fake-cluster',
  server: 'http://127.0.0.1:1',
  user: 'fake-admin',
  namespace: 'prod',
};
const fence = (...commands: string[]) => ['```bash', ...commands, '```'].join('\n');

let reader: CommandReader;
let catalogue: CommandCatalogue;
beforeAll(async () => {
  reader = await loadCommandReader();
  catalogue = await catalogueOf([
    {
      id: 'SRV-001',
      title: 'Crash loop',
      body: [
        '## Look',
        fence('kubectl get pods -n <namespace>'),
        '## Restart',
        fence('kubectl rollout restart deployment/api -n <namespace>'),
        '## Delete',
        fence('kubectl delete pod <pod-name> -n <namespace>'),
        '## Scale',
        fence('kubectl scale deployment/api -n <namespace> --replicas=<replicas>'),
        '## Elsewhere',
        fence('kubectl get pods --context other'),
      ].join('\n'),
    },
  ]);
});

const step = (index: number, values: Record<string, string> = {}, runbook = 'SRV-001') =>
  pageStep(catalogue, { runbook, step: index, values }, { reader, context });

function refusal(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error('not refused');
}

const allowed = (s: PageStep, request: Partial<RunRequest> = {}, confirmed = true) =>
  checkConfirmations(s, { runbook: 'SRV-001', step: s.prepared.index, values: {}, ...request }, confirmed);

describe('naming a step', () => {
  it('fills the catalogue command with the values, quoted, pinned to the confirmed context', () => {
    const view = viewOf(step(2, { namespace: 'prod', pod: "api-7c9'; reboot #" }));
    expect(view.command).toBe(`kubectl --context=fake-prod delete pod 'api-7c9'\\''; reboot #' -n prod`);
    expect(view.safety).toBe('destructive');
    expect(view.unusual.map((u) => u.key)).toEqual(['pod']);
  });

  it('ignores values of keys the runbook has no variable for', () => {
    const s = step(0, { namespace: 'prod', command: 'rm -rf /', pod: 'api-7c9' });
    expect([...s.values.keys()].sort()).toEqual(['namespace', 'pod']);
    expect(s.prepared.command).toBe('kubectl --context=fake-prod get pods -n prod');
  });

  it('refuses a runbook not in the catalogue, in any other spelling too', () => {
    for (const id of ['NOPE-001', 'srv-001', 'SRV001', '']) {
      const error = refusal(() => step(0, {}, id));
      expect(error.status, id).toBe(404);
      expect(error.message).toContain('in the catalogue: nothing was run');
    }
  });

  it('refuses a step index the runbook does not have', () => {
    for (const index of [5, 99, -1, 1.5, Number.NaN]) {
      const error = refusal(() => step(index));
      expect(error.status, String(index)).toBe(404);
      expect(error.message).toContain('has no step');
    }
  });

  it('says it can not run when a value is missing and the runbook has no default', () => {
    const view = viewOf(step(2, { namespace: 'prod' }));
    expect(view.refusal).toMatch(/not filled in: <pod-name>/);
  });
});

describe('what running it takes, checked on the server', () => {
  it('nothing runs before the context is confirmed', () => {
    expect(refusal(() => allowed(step(0, { namespace: 'prod' }), {}, false)).status).toBe(409);
  });

  it('a read-only step runs on the click alone', () => {
    expect(() => allowed(step(0, { namespace: 'prod' }))).not.toThrow();
  });

  it('a change takes the confirming click, for the command that was shown', () => {
    const s = step(1, { namespace: 'prod' });
    const shown = s.prepared.command;
    expect(refusal(() => allowed(s, { shown })).message).toContain('confirming click');
    expect(refusal(() => allowed(s, { confirm: true })).message).toContain('changed since it was confirmed');
    expect(() => allowed(s, { confirm: true, shown })).not.toThrow();
  });

  it("a destructive step takes the object's name typed, not a click", () => {
    const s = step(2, { namespace: 'prod', pod: 'api-7c9' });
    const shown = s.prepared.command;
    expect(s.prepared.confirmation).toEqual({ kind: 'type', word: 'api-7c9', what: 'the pod name' });
    for (const given of [{ confirm: true }, { typed: 'api' }, { typed: 'API-7C9' }, { typed: ' api-7c9' }, {}]) {
      expect(refusal(() => allowed(s, { shown, ...given })).message, JSON.stringify(given)).toContain(
        'runs only with the pod name typed: api-7c9',
      );
    }
    expect(() => allowed(s, { shown, typed: 'api-7c9' })).not.toThrow();
  });

  it('a value that makes a step destructive raises what it takes (a scale to zero)', () => {
    const s = step(3, { namespace: 'prod', replicas: '0' });
    expect(viewOf(s)).toMatchObject({ safety: 'destructive', raised: true });
    expect(refusal(() => allowed(s, { shown: s.prepared.command, confirm: true })).status).toBe(403);
  });

  it('an unusual value must be accepted, even on a read-only step', () => {
    const s = step(0, { namespace: 'prod$(id)' });
    const shown = s.prepared.command;
    expect(shown).toBe("kubectl --context=fake-prod get pods -n 'prod$(id)'");
    expect(refusal(() => allowed(s, { shown })).message).toContain('namespace is unusual');
    expect(refusal(() => allowed(s, { unusual: ['namespace'] })).message).toContain('changed since');
    expect(() => allowed(s, { shown, unusual: ['namespace'] })).not.toThrow();
  });

  it('a command the runner refuses (its own --context) never runs, confirmed or not', () => {
    const s = step(4);
    expect(viewOf(s).refusal).toContain('--context');
    expect(refusal(() => allowed(s, { shown: s.prepared.command, confirm: true })).status).toBe(403);
  });
});

describe('the requests', () => {
  it('carry a step by runbook and index; a command string is not a field', () => {
    expect(runRequestSchema.safeParse({ runbook: 'SRV-001', step: 0, values: {} }).success).toBe(true);
    expect(runRequestSchema.safeParse({ runbook: 'SRV-001', step: 0, command: 'id' }).success).toBe(false);
    expect(stepRequestSchema.safeParse({ runbook: 'SRV-001', step: '0' }).success).toBe(false);
    expect(stepRequestSchema.safeParse({ runbook: 'SRV-001', step: 0.5 }).success).toBe(false);
    expect(stepRequestSchema.safeParse({ runbook: 'SRV-001', step: 0, values: { pod: 7 } }).success).toBe(false);
    expect(stepRequestSchema.parse({ runbook: 'SRV-001', step: 0 }).values).toEqual({});
  });
});
