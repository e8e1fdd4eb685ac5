/**
 * A real terminal for tests: a tmux server of the test's own (its own socket, never the person's
 * tmux), one window running a command, keys sent with send-keys and the screen read with
 * capture-pane, exactly what a person at that terminal would see. The pane stays after the command
 * ends, so its last screen can be read, and its exit status is written to a file of the test's.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const tmuxOnPath = () => spawnSync('sh', ['-c', 'command -v tmux'], { encoding: 'utf8' }).status === 0;

export interface Terminal {
  /** Everything on the screen and in its scrollback, wrapped lines joined. */
  screen(): Promise<string>;
  /** Waits until the screen shows `pattern` (after `from` characters of it); returns the screen. */
  waitFor(pattern: string | RegExp, options?: { timeoutMs?: number; from?: number }): Promise<string>;
  /** Types text (literally), then presses the named keys (Enter, C-c, …). */
  type(text: string, ...keys: string[]): Promise<void>;
  press(...keys: string[]): Promise<void>;
  /** The command's exit status once it has ended. */
  exitStatus(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export interface TerminalOptions {
  /** argv of the command to run. */
  command: string[];
  env: Record<string, string>;
  cwd: string;
  width?: number;
  height?: number;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export async function startTerminal(options: TerminalOptions): Promise<Terminal> {
  const socket = `runbook-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  const statusFile = path.join(tmpdir(), `${socket}.status`);
  const tmux = (...args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
        error ? reject(new Error(`tmux ${args[0]}: ${stderr || error.message}`)) : resolve(stdout),
      ),
    );
  // The command runs under env -i with exactly the given environment: nothing of the test's own leaks in.
  const env = Object.entries({ TERM: 'xterm-256color', ...options.env }).map(([k, v]) => `${k}=${v}`);
  const command = ['env', '-i', ...env, ...options.command].map(quote).join(' ');
  await tmux(
    'new-session',
    '-d',
    '-s',
    'test',
    '-x',
    String(options.width ?? 120),
    '-y',
    String(options.height ?? 50),
    '-c',
    options.cwd,
    // The shell writes the command's exit status to a file: tmux can be slow to notice a dead pane.
    `cd ${quote(options.cwd)} && ${command}; echo "$?" > ${quote(statusFile)}`,
  );
  await tmux('set-option', '-t', 'test', 'remain-on-exit', 'on');
  await tmux('set-option', '-t', 'test', 'history-limit', '20000');

  const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'test');
  return {
    screen,
    async waitFor(pattern, { timeoutMs = 20_000, from = 0 } = {}) {
      const deadline = Date.now() + timeoutMs;
      let text = '';
      while (Date.now() < deadline) {
        text = await screen();
        const rest = text.slice(from);
        if (typeof pattern === 'string' ? rest.includes(pattern) : pattern.test(rest)) return text;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the terminal never showed ${String(pattern)}; it shows:\n${text}`);
    },
    async type(text, ...keys) {
      if (text) await tmux('send-keys', '-t', 'test', '-l', text);
      if (keys.length > 0) await tmux('send-keys', '-t', 'test', ...keys);
    },
    async press(...keys) {
      await tmux('send-keys', '-t', 'test', ...keys);
    },
    async exitStatus(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const status = await readFile(statusFile, 'utf8').catch(() => '');
        if (status.trim() !== '') return Number(status.trim());
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the command did not end; the terminal shows:\n${await screen()}`);
    },
    async close() {
      await tmux('kill-server').catch(() => {});
      await rm(statusFile, { force: true });
    },
  };
}
