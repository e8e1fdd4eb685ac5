import { describe, expect, it } from 'vitest';
import { indexParts, isPartFolder, partFolder } from '../../src/search/index-parts.ts';

const pages = (n: number, prefix = 'runbooks/rb-') => Array.from({ length: n }, (_, i) => `${prefix}${i}/index.html`);

describe('indexParts', () => {
  it('keeps a site of up to the limit in one index, pagefind/ itself', () => {
    expect(indexParts(pages(750), 750)).toEqual([[...pages(750)].sort()]);
    expect(indexParts([], 750)).toEqual([[]]);
    expect(partFolder(0)).toBe('');
    expect(partFolder(2)).toBe('part-2/');
    expect(isPartFolder(partFolder(2).slice(0, -1))).toBe(true);
    expect(['fragment', 'part-0', 'part-x', 'parts.json'].filter(isPartFolder)).toEqual([]);
  });

  it('puts every page of a larger site in exactly one part, none far above the limit', () => {
    const all = pages(3000);
    const parts = indexParts(all, 750);
    expect(parts).toHaveLength(4);
    expect(parts.flat().sort()).toEqual([...all].sort());
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(600);
      expect(part.length).toBeLessThan(900);
      expect(part).toEqual([...part].sort());
    }
  });

  it('grows the parts instead of their number past maxParts of them', () => {
    const all = pages(10000);
    const parts = indexParts(all, 400, 8);
    expect(parts).toHaveLength(8);
    expect(parts.flat().sort()).toEqual([...all].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(1000);
    expect(indexParts(pages(3000), 400, 8)).toHaveLength(8);
    expect(indexParts(pages(2000), 400, 8)).toHaveLength(5);
  });

  it('gives the same parts in any order, and leaves the other pages where they were when one changes', () => {
    const all = pages(2000);
    const parts = indexParts(all, 750);
    expect(indexParts([...all].reverse(), 750)).toEqual(parts);
    const renamed = all.map((p) => (p === 'runbooks/rb-7/index.html' ? 'runbooks/rb-7-new/index.html' : p));
    const after = indexParts(renamed, 750);
    const moved = parts.flatMap((part, k) =>
      part.filter((p) => p !== 'runbooks/rb-7/index.html' && !after[k]!.includes(p)),
    );
    expect(moved).toEqual([]);
  });
});
