import { describe, expect, it } from 'vitest';
import { formatTreeHash, pathFromHash, shortestPath, type TreeGraph } from '../../src/domain/tree-path.ts';

const graph: TreeGraph = {
  start: 'scope',
  next: { scope: ['pods', 'node'], pods: ['crashloop', 'scope'], node: [], crashloop: [] },
};

describe('tree positions in the URL hash', () => {
  it('round-trips a path', () => {
    const path = ['scope', 'pods', 'crashloop'];
    expect(formatTreeHash(path)).toBe('#step=scope/pods/crashloop');
    expect(pathFromHash(formatTreeHash(path), graph)).toEqual(path);
  });
  it('keeps only the steps that follow from each other', () => {
    expect(pathFromHash('#step=scope/pods/node', graph)).toEqual(['scope', 'pods']);
    expect(pathFromHash('#step=pods/crashloop', graph)).toEqual(['scope', 'pods', 'crashloop']);
  });
  it('turns a plain anchor from the no-JavaScript page into the shortest path', () => {
    expect(pathFromHash('#step-crashloop', graph)).toEqual(['scope', 'pods', 'crashloop']);
    expect(shortestPath(graph, 'missing')).toBeUndefined();
  });
  it('starts at the beginning for anything else', () => {
    expect(pathFromHash('', graph)).toEqual(['scope']);
    expect(pathFromHash('#diagnosis', graph)).toEqual(['scope']);
    expect(pathFromHash('#step-missing', graph)).toEqual(['scope']);
  });
});
