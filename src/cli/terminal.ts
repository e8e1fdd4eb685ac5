/**
 * The keyboard and screen of `runbook run`: single keys and typed lines read in raw mode, colours when
 * the output is a terminal (and NO_COLOR is unset), and what reaches the screen made harmless: a
 * command's output has its escape and control characters dropped as it streams, so a pod's log can't
 * rewrite the terminal, set its title or its clipboard.
 */
import type { ReadStream, WriteStream } from 'node:tty';

export interface Screen {
  write(text: string): void;
  color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1, dim: 2 } as const;
export type Style = keyof typeof CODES;

export function paint(screen: Screen, style: Style, text: string): string {
  return screen.color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text;
}

export function screenOf(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Screen {
  return { write: (text) => void stream.write(text), color: Boolean(stream.isTTY) && !env['NO_COLOR'] };
}

// Every control character but newline, tab and carriage return (progress bars), and the invisible ones.
const UNSAFE = /(?![\n\t\r])[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** Text from a command, safe to print: ESC and the other controls removed, so no sequence can form. */
export const harmless = (text: string) => text.replace(UNSAFE, '');

export type Key = 'enter' | 'ctrl-c' | 'ctrl-d' | string;

export interface Keyboard {
  key(): Promise<Key>;
  /** A typed line; undefined for Ctrl-D. Ctrl-C calls `onCtrlC` and reading goes on. */
  line(onCtrlC: () => void): Promise<string | undefined>;
}

/**
 * Raw-mode input: one key at a time, or a line with simple editing (backspace, Ctrl-U). Between
 * prompts stdin is paused and out of raw mode, so a running command gets the terminal's keys and
 * its Ctrl-C.
 */
export function keyboard(input: ReadStream, screen: Screen): Keyboard {
  const chunk = async (): Promise<string> => {
    input.setRawMode(true);
    input.resume();
    try {
      return await new Promise<string>((resolve) =>
        input.once('data', (data: Buffer) => resolve(data.toString('utf8'))),
      );
    } finally {
      input.pause();
      input.setRawMode(false);
    }
  };
  return {
    async key() {
      for (;;) {
        const data = await chunk();
        if (data === '\u0003') return 'ctrl-c';
        if (data === '\u0004') return 'ctrl-d';
        if (data === '\r' || data === '\n') return 'enter';
        if (data.startsWith('\u001b')) continue; // arrows and other sequences mean nothing here
        return data.toLowerCase();
      }
    },
    async line(onCtrlC) {
      let text = '';
      for (;;) {
        const data = await chunk();
        if (data.startsWith('\u001b')) continue;
        for (const ch of data) {
          if (ch === '\r' || ch === '\n') {
            screen.write('\n');
            return text;
          }
          if (ch === '\u0004') {
            screen.write('\n');
            return undefined;
          }
          if (ch === '\u0003') onCtrlC();
          else if (ch === '\u007f' || ch === '\b') {
            if (text.length > 0) {
              text = text.slice(0, -1);
              screen.write('\b \b');
            }
          } else if (ch === '\u0015') {
            screen.write('\b \b'.repeat(text.length));
            text = '';
          } else if (harmless(ch) !== '' && ch !== '\t') {
            text += ch;
            screen.write(ch);
          }
        }
      }
    },
  };
}

/** The keyboard, when both stdin and stdout are a terminal: only then can a person be asked. */
export function terminalInput(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stdout,
): ReadStream | undefined {
  return input.isTTY && (output as WriteStream).isTTY ? (input as ReadStream) : undefined;
}
