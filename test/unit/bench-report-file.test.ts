import { describe, expect, it } from 'vitest';
import { replaceSection, updateReport } from '../../src/bench/report-file.ts';

const doc = ['# Benchmarks', '', '## Site builds', 'old builds', '', '## Search quality', 'search figures', ''].join(
  '\n',
);

describe('BENCHMARKS.md sections', () => {
  it('replaces one section and keeps the others in place', () => {
    const updated = replaceSection(doc, '## Site builds', '## Site builds\nnew builds\n');
    expect(updated).toBe(
      ['# Benchmarks', '', '## Site builds', 'new builds', '', '## Search quality', 'search figures', ''].join('\n'),
    );
  });

  it('replaces the last section up to the end', () => {
    const updated = replaceSection(doc, '## Search quality', '## Search quality\nnew search\n');
    expect(updated).toContain('old builds');
    expect(updated.endsWith('## Search quality\nnew search\n')).toBe(true);
    expect(updated).not.toContain('search figures');
  });

  it('adds a section it does not find at the end', () => {
    const updated = replaceSection(doc, '## Side by side', '## Side by side\nratios');
    expect(updated.endsWith('\n\n## Side by side\nratios\n')).toBe(true);
    expect(updated).toContain('search figures');
  });

  it('writes the title when the file is new, and several sections at once', () => {
    expect(updateReport('', ['## A\na', '## B\nb'])).toBe('# Benchmarks\n\n## A\na\n\n## B\nb\n');
    expect(() => updateReport(doc, ['no heading'])).toThrow(/## /);
  });
});
