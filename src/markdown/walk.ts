/**
 * A walk over a parsed page's tree for the read-only collectors (code blocks, inline code, headings,
 * links, the body checks): every node in document order, as unist-util-visit gives them, without its
 * closure per node. A page's tree was walked ten times; these walks were 7 % of a content-pass
 * worker's time. Transforms (the remark plugins, which need a node's parent and may change the tree)
 * keep unist-util-visit.
 */
import type { Nodes } from 'mdast';

type NodeOf<K extends Nodes['type']> = Extract<Nodes, { type: K }>;

/** Calls `use` on every node of the tree, the tree itself first, in document order. */
export function eachNode(tree: Nodes, use: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    use(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** Calls `use` on every node of one type, in document order. */
export function eachOfType<K extends Nodes['type']>(tree: Nodes, type: K, use: (node: NodeOf<K>) => void): void {
  eachNode(tree, (node) => {
    if (node.type === type) use(node as NodeOf<K>);
  });
}
