/**
 * SmartyPants for the site's prose: remark-smartypants 3.0.3's algorithm (the one Astro runs on MDX
 * pages, so both give the same HTML), without its cost where it changes nothing. It joins the text of
 * the whole page, has retext-smartypants turn straight quotes into curly ones over that (so quotes
 * pair across emphasis and links), then turns `...` into an ellipsis node by node. Each of those
 * passes parses the text into a natural-language tree: a sixth of a page's render. Quotes only
 * change at `"` and `'`, ellipses only where dots follow dots, so a page without them skips that
 * pass, and the output is the same byte for byte (test/unit/remark-plugins.test.ts compares the two).
 * Dashes and backticks stay off (site-pipeline.ts); with them on, every pass runs.
 */
import type { Root } from 'mdast';
import type { Literal, Node, Parent } from 'unist';
import { retext } from 'retext';
import smartypants, { type Options } from 'retext-smartypants';
import { visit } from 'unist-util-visit';

const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);
/** Block-level phrasing parents: a quote at their start always opens (a space is put before it). */
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);

const isLiteral = (node: Node): node is Literal & { value: string } =>
  'value' in node && typeof node.value === 'string';
const isBlock = (node: Node) => BLOCK_NODES.has(node.type);

const visited = (node: Node, _index: number | undefined, parent: Parent | undefined) =>
  parent !== undefined &&
  (parent.type !== 'mdxJsxTextElement' ||
    ('name' in parent && typeof parent.name === 'string' && !IGNORED_HTML_ELEMENTS.has(parent.name))) &&
  VISITED_NODES.has(node.type) &&
  (isLiteral(node) || isBlock(node));

const HAS_QUOTE = /["']/;
const HAS_DOTS = /\.\s*\./;

export default function remarkSmartQuotes(options: Options = {}) {
  const quotes = retext().use(smartypants, { ...options, ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { ...options, quotes: false });
  // What the second pass can change: ellipses (unless off), and dashes or backticks when they are on.
  const onlyEllipses = options.dashes === false && options.backticks === false;
  const restApplies = (text: string) => !onlyEllipses || (options.ellipses !== false && HAS_DOTS.test(text));

  return (tree: Root) => {
    let allText = '';
    const nodes: Node[] = [];
    visit(tree, visited, (node: Node) => {
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      // A space where a block starts, so a quote there reads as opening.
      else allText += ' ';
      nodes.push(node);
    });
    if (options.quotes !== false && HAS_QUOTE.test(allText)) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = allText.slice(start, end);
        node.value = restApplies(text) ? rest.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
