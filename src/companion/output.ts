/**
 * A run's output as the page gets it: text only (escape sequences and other control characters but
 * newline and tab dropped, also when a sequence is split between two chunks, so a pod's log can't
 * paint or hide anything), and bounded: the companion keeps the last `limit` characters of a run for a
 * page that opens it later (a reload, a second tab), and says how much was dropped before them. A
 * `logs -f` left running for a day costs the same memory as one that ran a minute.
 */
import { plainLine } from '../runner/capture.ts';

/** An escape sequence that has begun at the end of a chunk and may go on in the next. */
// eslint-disable-next-line no-control-regex -- terminal escape sequences are exactly what this holds back
const UNFINISHED = /\u001b(?:\[[0-?]*[ -/]*|\][^\u0007\u001b]*)?$/;

/** A cleaner for one stream: feed it chunks in order; it holds back an unfinished escape sequence. */
export function textCleaner() {
  let held = '';
  // Line by line, as the incident log cleans its lines (src/runner/capture.ts).
  const clean = (text: string) => text.split('\n').map(plainLine).join('\n');
  return {
    write(chunk: string): string {
      let text = held + chunk;
      held = '';
      const unfinished = UNFINISHED.exec(text);
      // Held back only while short: a sequence that never ends is dropped with what follows it, not kept forever.
      if (unfinished && text.length - unfinished.index < 256) {
        held = text.slice(unfinished.index);
        text = text.slice(0, unfinished.index);
      }
      return clean(text);
    },
    end(): string {
      const rest = clean(held);
      held = '';
      return rest;
    },
  };
}

export interface OutputChunk {
  text: string;
  stream: 'stdout' | 'stderr';
}

/** The last `limit` characters of a run's output, in chunks as they came, and how many came before them. */
export function boundedOutput(limit = 256 * 1024) {
  const chunks: OutputChunk[] = [];
  let kept = 0;
  let dropped = 0;
  return {
    add(chunk: OutputChunk): void {
      if (chunk.text === '') return;
      chunks.push(chunk);
      kept += chunk.text.length;
      while (kept > limit && chunks.length > 0) {
        const first = chunks[0]!;
        const over = kept - limit;
        if (first.text.length <= over) {
          chunks.shift();
          kept -= first.text.length;
          dropped += first.text.length;
        } else {
          chunks[0] = { ...first, text: first.text.slice(over) };
          kept -= over;
          dropped += over;
        }
      }
    },
    snapshot(): { chunks: OutputChunk[]; dropped: number } {
      return { chunks: [...chunks], dropped };
    },
  };
}
