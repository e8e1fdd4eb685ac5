/**
 * What the build must refuse in the body of a runbook or guide before Astro runs, read from the one
 * Markdown parse (src/markdown/parse.ts), with file:line:col and what to do:
 *   - MDX that does not parse (`{a b}` in prose), and expressions at all: MDX runs `{…}` as JavaScript
 *     at build time, and a document must not run code;
 *   - content that would be code: `import`/`export` (except importing the project's own components),
 *     <script>, <iframe>, <object>, <embed>, <base>, <form>, inline event handlers (onerror=…) and
 *     javascript: URLs, in JSX and in raw HTML alike;
 *   - a code fence that is never closed, which would swallow the rest of the page (its #diagnosis
 *     anchor included) and make every line after it a copyable command.
 * It also collects what the cross-file checks need: the page's heading anchors and its links.
 */
import type { Root } from 'mdast';
import { eachNode, eachOfType } from '../markdown/walk.ts';
import { codeBlocksOf } from '../markdown/code-blocks.ts';
import { headingsOf } from '../markdown/headings.ts';
import { parseMarkdown, type ParsedMarkdown } from '../markdown/parse.ts';
import type { Diagnostic } from './diagnostics.ts';

export interface BodyLink {
  href: string;
  line: number;
  column: number;
}

export interface BodyFacts {
  /** The ids of the page's headings, as the site gives them (github-slugger, like Astro). */
  anchors: Set<string>;
  links: BodyLink[];
  diagnostics: Diagnostic[];
}

export interface BodyOptions {
  mdx: boolean;
  /** Whether an MDX import may stay: the documented allowance for the project's own components. */
  allowImport?: (source: string) => boolean;
}

const CODE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'form', 'frame', 'frameset', 'applet']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc']);
const SCRIPT_URL = /^\s*(javascript|vbscript|data\s*:\s*text\/html)\s*:?/i;

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Reads a body; `parsed` is its parse when the caller has it already (the build parses each file once). */
export function readBody(file: string, source: string, options: BodyOptions, parsed?: ParsedMarkdown): BodyFacts {
  const diagnostics: Diagnostic[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
  const refuse = (position: { line: number; column: number }, rule: string, message: string, hint: string) =>
    diagnostics.push({ file, ...position, severity: 'error', rule, message, hint });

  const { tree, mdxError } = parsed ?? parseMarkdown(source, { mdx: options.mdx });
  if (mdxError) {
    refuse(
      mdxError,
      'mdx/syntax',
      `this is not valid MDX: ${mdxError.message}`,
      'MDX reads { } as JavaScript and < as the start of a tag: in prose write \\{ and &lt;, or put the text in `backticks`',
    );
  }
  checkCode(tree, refuse, at, options);
  for (const block of codeBlocksOf(tree, source)) {
    if (block.fenced && !block.closed) {
      refuse(
        { line: block.line - 1, column: block.node.position?.start.column ?? 1 },
        'markdown/unclosed-fence',
        'this code fence is never closed: everything after it, to the end of the page, would be one code block (headings and their anchors included)',
        'close it with a line of the same fence characters (```), at least as many as open it',
      );
    }
  }
  return { anchors: anchorsOf(tree), links: linksOf(tree), diagnostics };
}

type Refuse = (position: { line: number; column: number }, rule: string, message: string, hint: string) => void;
type At = (node: { position?: { start: { line: number; column: number } } | undefined }) => {
  line: number;
  column: number;
};

function checkCode(tree: Root, refuse: Refuse, at: At, options: BodyOptions): void {
  // Components a page may use: those it imports (MDX resolves nothing else).
  const imported = new Set<string>();
  eachOfType(tree, 'mdxjsEsm', (node) => {
    for (const m of node.value.matchAll(/import\s+([\w$]+)|[{,]\s*([\w$]+)(?:\s+as\s+([\w$]+))?/g))
      imported.add(m[3] ?? m[2] ?? m[1]!);
  });
  eachNode(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const sources = [...node.value.matchAll(/\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)].map(
          (m) => m[1] ?? m[2]!,
        );
        const isImport = /^\s*import\b/.test(node.value);
        if (!isImport || sources.length === 0 || !sources.every((s) => options.allowImport?.(s))) {
          refuse(
            at(node),
            'content/code',
            `a runbook is a document, not code: \`${node.value.split('\n')[0]}\` would run at build time`,
            "remove it; only imports of the project's own components (src/components/) are allowed, see the authoring guide",
          );
        }
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) {
          refuse(
            at(node),
            'content/code',
            `{${node.value}} is JavaScript that MDX would run at build time`,
            'write \\{ for a literal brace in prose, or put the text in `backticks`; {/* … */} comments are fine',
          );
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = (node.name ?? '').toLowerCase();
        if (CODE_ELEMENTS.has(name))
          refuse(
            at(node),
            'content/code',
            `<${node.name}> runs code in every reader's browser`,
            'remove it: runbooks are documents',
          );
        else if (node.name && /^[A-Z]/.test(node.name) && !imported.has(node.name.split('.')[0]!)) {
          refuse(
            at(node),
            'mdx/unknown-component',
            `<${node.name}> is not a component this page imports: the page would fail to render`,
            'import it from src/components/, or write the text as `<code>` or &lt;…&gt;',
          );
        }
        for (const attribute of node.attributes as JsxAttribute[]) checkAttribute(attribute, node, refuse, at);
        return;
      }
      case 'html': {
        const element = /<\s*(script|iframe|object|embed|base|form|frame|frameset|applet)\b/i.exec(node.value);
        const handler = /\s(on[a-z]+)\s*=/i.exec(node.value);
        const url = /\s(?:href|src|action|formaction)\s*=\s*["']?\s*(javascript|vbscript):/i.exec(node.value);
        if (element)
          refuse(
            at(node),
            'content/code',
            `<${element[1]}> runs code in every reader's browser`,
            'remove it: runbooks are documents',
          );
        else if (handler)
          refuse(
            at(node),
            'content/code',
            `the inline event handler ${handler[1]}= runs code in every reader's browser`,
            'remove the attribute',
          );
        else if (url)
          refuse(at(node), 'content/code', `a ${url[1]}: URL runs code when clicked`, 'link to a page instead');
        return;
      }
      case 'link':
      case 'definition':
      case 'image':
        if (SCRIPT_URL.test(node.url))
          refuse(
            at(node),
            'content/code',
            `a ${SCRIPT_URL.exec(node.url)![1]!.toLowerCase()} URL runs code when clicked`,
            'link to a page instead',
          );
        return;
      default:
        return;
    }
  });
}

function checkAttribute(attribute: JsxAttribute, node: Parameters<At>[0], refuse: Refuse, at: At): void {
  if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
    refuse(
      at(node),
      'content/code',
      'a {…} attribute is JavaScript that MDX would run',
      'write attributes as name="value"',
    );
    return;
  }
  const name = attribute.name.toLowerCase();
  if (/^on[a-z]/.test(name))
    refuse(
      at(node),
      'content/code',
      `the inline event handler ${attribute.name}= runs code in every reader's browser`,
      'remove the attribute',
    );
  else if (typeof attribute.value === 'object' && attribute.value !== null)
    refuse(
      at(node),
      'content/code',
      `the attribute ${attribute.name}={…} is JavaScript that MDX would run`,
      'write it as name="value"',
    );
  else if (URL_ATTRIBUTES.has(name) && typeof attribute.value === 'string' && SCRIPT_URL.test(attribute.value)) {
    refuse(
      at(node),
      'content/code',
      `a ${SCRIPT_URL.exec(attribute.value)![1]!.toLowerCase()} URL runs code when clicked`,
      'link to a page instead',
    );
  }
}

const anchorsOf = (tree: Root): Set<string> => new Set(headingsOf(tree).map((h) => h.anchor));

function linksOf(tree: Root): BodyLink[] {
  const links: BodyLink[] = [];
  const add = (href: string, node: { position?: { start: { line: number; column: number } } | undefined }) =>
    links.push({ href, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  eachNode(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') add(node.url, node);
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
      const href = (node.attributes as JsxAttribute[]).find(
        (a) => a.type === 'mdxJsxAttribute' && a.name === 'href',
      )?.value;
      if (typeof href === 'string') add(href, node);
    } else if (node.type === 'html') {
      for (const m of node.value.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']+)["']/gi)) add(m[1]!, node);
    }
  });
  return links;
}
