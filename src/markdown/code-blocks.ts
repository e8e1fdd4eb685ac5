/**
 * The code in a Markdown/MDX text: fenced blocks (with language, attributes and line) and inline
 * code spans. A line scanner, not a full Markdown parser: it is what the content tests and the
 * snippet validator need, and it runs on any Markdown, including the guides as they were exported.
 */
import { parseFenceMeta, type FenceMeta } from './fence-meta.ts';

export interface CodeFence {
  lang: string;
  meta: FenceMeta;
  /** The block's lines, with the fence's own indentation removed. */
  body: string;
  /** 1-based line of the first body line. */
  line: number;
  /** Columns of indentation removed from each body line (fences nested in lists). */
  indent: number;
}

export function extractFences(markdown: string): CodeFence[] {
  const lines = markdown.split(/\r?\n/);
  const fences: CodeFence[] = [];
  let open: { marker: string; indent: number; lang: string; meta: string; start: number; body: string[] } | undefined;
  lines.forEach((text, i) => {
    if (!open) {
      const start = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(text);
      if (start) {
        open = { indent: start[1]!.length, marker: start[2]!, lang: start[3] ?? '', meta: start[4] ?? '', start: i + 2, body: [] };
      }
      return;
    }
    const close = new RegExp(`^\\s*${open.marker[0]}{${open.marker.length},}\\s*$`);
    if (close.test(text)) {
      fences.push({ lang: open.lang.toLowerCase(), meta: parseFenceMeta(open.meta), body: open.body.join('\n'), line: open.start, indent: open.indent });
      open = undefined;
      return;
    }
    // Fences nested in list items are indented; their content carries the same indentation.
    const indent = /^\s*/.exec(text)![0].length;
    open.body.push(text.slice(Math.min(indent, open.indent)));
  });
  return fences;
}

/** Inline `code` spans outside fenced blocks. */
export function extractInlineCode(markdown: string): string[] {
  const outside = markdown.replace(/^(\s*)(`{3,}|~{3,})[\s\S]*?^\s*\2\s*$/gm, '');
  return [...outside.matchAll(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g)].map((m) => m[2]!.trim());
}

