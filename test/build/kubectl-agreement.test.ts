/**
 * The validator agrees with the real kubectl, command for command, on the labelled set
 * test/fixtures/validator/kubectl-agreement.txt (every kind of rule: commands, flags, value types
 * and enums, templates, argument counts, flags that need others, resource types in every spelling,
 * removed and feature-gated APIs, rollout and scale kinds, removed flags, alpha switches, help).
 * Where a kubectl binary is present, kubectl is asked again for each command, against the stub API
 * server on 127.0.0.1 (test/support/stub-api-server.ts): its verdict must still be the label, and the
 * validator's must be the same. Nothing but 127.0.0.1 is contacted.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelledCommands, validatorVerdict } from '../../src/bench/validator-corpus.ts';
import { startAgreementKubectl, type AgreementKubectl } from '../support/agreement.ts';

const labelled = await labelledCommands();
const haveKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

describe('the labelled set', () => {
  it('has at least 150 commands, both verdicts well represented', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(150);
    expect(labelled.filter((c) => c.kubectl === 'accepts').length).toBeGreaterThanOrEqual(60);
    expect(labelled.filter((c) => c.kubectl === 'rejects').length).toBeGreaterThanOrEqual(60);
    expect(new Set(labelled.map((c) => c.command)).size).toBe(labelled.length);
  });
});

describe('the validator gives the recorded kubectl verdict', () => {
  it.each(labelled.map((c) => [`${c.kubectl} ${c.command}`, c] as const))('%s', async (_, c) => {
    const { verdict, errors } = await validatorVerdict(c.command);
    expect(
      verdict,
      `kubectl-agreement.txt:${c.line}: the validator said ${errors.map((e) => e.message).join('; ') || 'no error'}`,
    ).toBe(c.kubectl);
  });
});

describe.runIf(haveKubectl)('kubectl itself still gives the recorded verdict', () => {
  let kubectl: AgreementKubectl;
  beforeAll(async () => {
    kubectl = await startAgreementKubectl('kubectl');
  });
  afterAll(async () => {
    await kubectl.close();
  });

  it.each(labelled.map((c) => [`${c.kubectl} ${c.command}`, c] as const))('%s', async (_, c) => {
    const { verdict, output, timedOut } = await kubectl.verdict(c.command);
    expect(timedOut, `kubectl did not finish: ${output}`).toBe(false);
    expect(verdict, `kubectl-agreement.txt:${c.line}: kubectl said ${output.trim().split('\n')[0] ?? ''}`).toBe(
      c.kubectl,
    );
  });
});
