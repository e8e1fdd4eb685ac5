/**
 * Where a reader is in a decision tree, as it appears in the URL hash, so a link shares the exact step:
 * `#step=scope/pods/crashloop` is the path of nodes from the start. Without JavaScript the tree's links
 * are plain anchors (`#step-crashloop`); the stepper turns those into the shortest path.
 */
import type { Tree } from '../schemas/tree.ts';

export interface TreeGraph {
  start: string;
  /** For each node, the nodes its answers lead to. */
  next: Record<string, readonly string[]>;
}

export const stepAnchor = (node: string) => `step-${node}`;

export function formatTreeHash(path: readonly string[]): string {
  return `#step=${path.join('/')}`;
}

/** The shortest path from the start to a node, or undefined when it cannot be reached. */
export function shortestPath(graph: TreeGraph, target: string): string[] | undefined {
  const previous = new Map<string, string | null>([[graph.start, null]]);
  const queue = [graph.start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === target) {
      const path = [node];
      for (let p = previous.get(node); p; p = previous.get(p)) path.unshift(p);
      return path;
    }
    for (const next of graph.next[node] ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * The path a hash names, kept only as far as each step follows from the one before; anything else
 * (an empty hash, a heading anchor, a stale link) starts at the beginning.
 */
export function pathFromHash(hash: string, graph: TreeGraph): string[] {
  const raw = decodeURIComponent(hash.replace(/^#/, ''));
  if (raw.startsWith('step=')) {
    const wanted = raw.slice('step='.length).split('/').filter(Boolean);
    const path = [graph.start];
    for (const node of wanted[0] === graph.start ? wanted.slice(1) : wanted) {
      if (!(graph.next[path.at(-1)!] ?? []).includes(node)) break;
      path.push(node);
    }
    return path;
  }
  if (raw.startsWith('step-')) return shortestPath(graph, raw.slice('step-'.length)) ?? [graph.start];
  return [graph.start];
}

/** Nodes in the order a reader meets them from the start (breadth first), for the top-to-bottom page. */
export function readingOrder(tree: Tree): string[] {
  const order: string[] = [];
  const queue = [tree.start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    order.push(id);
    for (const answer of tree.nodes[id]?.answers ?? []) {
      if (answer.next && !seen.has(answer.next)) {
        seen.add(answer.next);
        queue.push(answer.next);
      }
    }
  }
  return order;
}
