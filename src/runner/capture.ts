/**
 * A step's output as the incident log keeps it: the first and the last lines, however much a command
 * prints (`logs -f` for an hour), in bounded memory. Lines are what a terminal would leave: a carriage
 * return rewrites the line (progress bars), escape sequences and other control characters are dropped,
 * very long lines are cut. Each complete line can be transformed first (masked: src/runner/mask.ts).
 */

export interface CapturedOutput {
  head: string[];
  tail: string[];
  /** Lines between head and tail that were not kept. */
  omitted: number;
  lines: number;
}

export interface CaptureOptions {
  headLines?: number;
  tailLines?: number;
  maxLineLength?: number;
  transform?: (line: string) => string;
}

// CSI and OSC sequences, then any other control character but tab.
// eslint-disable-next-line no-control-regex -- terminal escape sequences are exactly what this removes
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
const CONTROLS = /(?![\t])[\p{Cc}\p{Cf}]/gu;

export const plainLine = (line: string) => line.replace(ESCAPES, '').replace(CONTROLS, '');

export function outputCapture({
  headLines = 15,
  tailLines = 15,
  maxLineLength = 300,
  transform = (line) => line,
}: CaptureOptions = {}) {
  const head: string[] = [];
  const tail: string[] = [];
  let lines = 0;
  // The line being written: its first maxLineLength characters, and how long it really is.
  let partial = '';
  let length = 0;

  const add = (text: string) => {
    // A carriage return starts the line over, as on a terminal (progress bars).
    const back = text.lastIndexOf('\r');
    if (back >= 0) {
      partial = '';
      length = 0;
      text = text.slice(back + 1);
    }
    const plain = plainLine(text);
    partial += plain.slice(0, Math.max(0, maxLineLength - partial.length));
    length += plain.length;
  };
  const push = () => {
    const line = transform(partial + (length > maxLineLength ? ' …' : ''));
    partial = '';
    length = 0;
    lines++;
    if (head.length < headLines) head.push(line);
    else {
      tail.push(line);
      if (tail.length > tailLines) tail.shift();
    }
  };

  return {
    write(chunk: string): void {
      const pieces = chunk.split('\n');
      pieces.forEach((piece, i) => {
        add(piece);
        if (i < pieces.length - 1) push();
      });
    },
    end(): CapturedOutput {
      if (length > 0) push();
      return { head: [...head], tail: [...tail], omitted: Math.max(0, lines - head.length - tail.length), lines };
    },
  };
}
