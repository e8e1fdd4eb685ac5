/**
 * Symptoms are plain strings in frontmatter, but authors mark statuses and error text with backticks
 * as in Markdown ("Pods stuck in `Pending`"). This splits them so pages render code as code and
 * everything else as escaped text, without a Markdown pass that could rewrite the literal text.
 */
export interface InlineSegment {
  code: boolean;
  text: string;
}

export function splitInlineCode(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ code: false, text: text.slice(last, start) });
    segments.push({ code: true, text: match[1] ?? '' });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}
