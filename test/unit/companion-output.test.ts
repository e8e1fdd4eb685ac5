/**
 * A run's output as the page gets it (src/companion/output.ts): text only, whichever chunks an escape
 * sequence is split across, and bounded however long the command runs.
 */
import { describe, expect, it } from 'vitest';
import { boundedOutput, textCleaner } from '../../src/companion/output.ts';

describe('textCleaner', () => {
  it('drops colour, title and cursor sequences and control characters, keeping newlines and tabs', () => {
    const clean = textCleaner();
    expect(clean.write('\u001b[31mred\u001b[0m\tok\n\u001b]0;title\u0007next\u0008\n')).toBe('red\tok\nnext\n');
    expect(clean.end()).toBe('');
  });

  it('holds back a sequence split between chunks instead of showing half of it', () => {
    const clean = textCleaner();
    expect(clean.write('before \u001b[3')).toBe('before ');
    expect(clean.write('1mafter')).toBe('after');
    expect(clean.write('x\u001b')).toBe('x');
    expect(clean.write(']0;hidden\u0007y')).toBe('y');
  });

  it('does not hold a sequence that never ends forever', () => {
    const clean = textCleaner();
    const out = clean.write(`\u001b]${'a'.repeat(300)}`) + clean.write('tail\n');
    expect(out.length).toBeLessThan(310);
    expect(out.endsWith('tail\n')).toBe(true);
  });
});

describe('boundedOutput', () => {
  it('keeps the last characters, in order and by stream, and counts what it dropped', () => {
    const output = boundedOutput(10);
    output.add({ text: 'abcdef', stream: 'stdout' });
    output.add({ text: 'ghij', stream: 'stderr' });
    output.add({ text: 'klm', stream: 'stdout' });
    expect(output.snapshot()).toEqual({
      chunks: [
        { text: 'def', stream: 'stdout' },
        { text: 'ghij', stream: 'stderr' },
        { text: 'klm', stream: 'stdout' },
      ],
      dropped: 3,
    });
  });

  it('holds the same however much comes', () => {
    const output = boundedOutput(1000);
    for (let i = 0; i < 10_000; i++) output.add({ text: `line ${i}\n`, stream: 'stdout' });
    const { chunks, dropped } = output.snapshot();
    const kept = chunks.map((c) => c.text).join('');
    expect(kept.length).toBe(1000);
    expect(kept.endsWith('line 9999\n')).toBe(true);
    expect(dropped + kept.length).toBe(Array.from({ length: 10_000 }, (_, i) => `line ${i}\n`).join('').length);
  });
});
