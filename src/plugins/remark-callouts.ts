/**
 * :::note, :::tip, :::caution and :::danger blocks (with an optional [title]) become callouts.
 * remark-directive also reads `localhost:8080`-like text (`:name`) as directives; every directive
 * not handled here is turned back into the exact text the author wrote.
 */
import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type {} from 'mdast-util-to-hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export const CALLOUT_KINDS = {
  note: 'Note',
  tip: 'Tip',
  caution: 'Caution',
  danger: 'Danger',
} as const;
type CalloutKind = keyof typeof CALLOUT_KINDS;

const isCallout = (name: string): name is CalloutKind => Object.hasOwn(CALLOUT_KINDS, name);

export default function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') {
        return undefined;
      }
      if (node.type === 'containerDirective' && isCallout(node.name)) {
        toCallout(node, node.name);
        return undefined;
      }
      if (parent && index !== undefined) {
        const text: Text = { type: 'text', value: sourceOf(node, file) };
        const replacement: RootContent =
          node.type === 'textDirective' ? text : ({ type: 'paragraph', children: [text] } satisfies Paragraph);
        parent.children.splice(index, 1, replacement);
        return [SKIP, index + 1];
      }
      return undefined;
    });
  };
}

function toCallout(node: ContainerDirective, kind: CalloutKind): void {
  const first = node.children[0];
  const hasLabel = first?.type === 'paragraph' && first.data && 'directiveLabel' in first.data;
  const titleChildren = hasLabel ? first.children : [{ type: 'text' as const, value: CALLOUT_KINDS[kind] }];
  const body = hasLabel ? node.children.slice(1) : node.children;
  const title: Paragraph = {
    type: 'paragraph',
    children: titleChildren,
    data: { hName: 'p', hProperties: { className: ['callout__title'] } },
  };
  node.children = [title, ...body];
  node.data = {
    hName: 'aside',
    hProperties: {
      className: ['callout', `callout--${kind}`],
      role: kind === 'danger' || kind === 'caution' ? 'note' : undefined,
      'aria-label': CALLOUT_KINDS[kind],
    },
  };
}

/** The directive exactly as written, from the source positions; rebuilt from its text otherwise. */
function sourceOf(node: ContainerDirective | LeafDirective | TextDirective, file: VFile): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
  if (start !== undefined && end !== undefined && end <= source.length) return source.slice(start, end);
  const label = node.children.map((c) => ('value' in c ? c.value : '')).join('');
  return `:${node.name}${label ? `[${label}]` : ''}`;
}
