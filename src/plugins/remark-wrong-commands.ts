/**
 * A fence marked ```bash wrong="reason" is a guide's original command that does not work. It stays on
 * the page, visibly marked, with the reason; the corrected command follows it in the next block.
 */
import type { Code, Paragraph, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { parseFenceMeta } from '../markdown/fence-meta.ts';

export default function remarkWrongCommands() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      const reason = parseFenceMeta(node.meta)['wrong'];
      if (!reason || !parent || index === undefined) return;
      const label: Paragraph = {
        type: 'paragraph',
        data: { hName: 'p', hProperties: { className: ['wrong-command__label'] } },
        children: [
          { type: 'strong', children: [{ type: 'text', value: 'Wrong in the original guide, do not run:' }] },
          { type: 'text', value: typeof reason === 'string' ? ` ${reason}` : '' },
        ],
      };
      parent.children.splice(index, 1, {
        type: 'blockquote',
        data: { hName: 'div', hProperties: { className: ['wrong-command'], 'data-wrong': '' } },
        children: [label, node],
      });
    });
  };
}
