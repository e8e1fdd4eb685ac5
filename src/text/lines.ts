/** Offsets in a text as lines and columns, the one way every reader of source text counts them. */
export interface LineIndex {
  /** 0-based line and column of an offset. */
  position(offset: number): { line: number; column: number };
  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number;
  /** Offset just past the last character of a 0-based line (before its newline). */
  lineEnd(line: number): number;
  lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    position(offset) {
      const line = lineOf(offset);
      return { line, column: offset - starts[line]! };
    },
    lineStart: (line) => starts[line] ?? text.length,
    lineEnd: (line) => (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length),
    lineCount: starts.length,
  };
}
