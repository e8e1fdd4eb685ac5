/**
 * The validator on docs written like other people's (test/fixtures/validator/): every known bug of
 * labels.yaml is reported with its rule, no known-valid command or non-command is flagged.
 */
import { describe, expect, it } from 'vitest';
import { measureCorpus } from '../../src/bench/validator-corpus.ts';

const corpus = await measureCorpus();

describe('the validator on Kubernetes-docs and alert-runbook pages', () => {
  it('reports every known bug with its rule', () => {
    expect(corpus.bugs.total).toBeGreaterThanOrEqual(20);
    expect(corpus.bugs.missed.map((m) => `${m.file}:${m.line} ${m.text}`)).toEqual([]);
  });

  it('flags none of the known-valid commands and non-commands', () => {
    expect(corpus.valid.total).toBeGreaterThanOrEqual(60);
    expect(
      corpus.valid.flagged.map((f) => `${f.file}:${f.line} ${f.text}: ${f.errors.map((e) => e.message).join('; ')}`),
    ).toEqual([]);
  });

  it('checks the commands of blocks, transcripts, fences without a language and inline code', () => {
    expect(corpus.commands).toBeGreaterThanOrEqual(150);
  });
});
