/**
 * Running one step's command: `bash -c` as if pasted into a shell, with the context shim first on
 * PATH, its output streamed to whoever listens (the terminal, the companion's page) as it comes, and
 * its real exit code kept (128 + the signal's number when a signal ended it, as a shell reports it).
 *
 * Ctrl-C: in a terminal the command shares the runner's process group, so the terminal's SIGINT
 * reaches it directly while the runner ignores its own (src/cli/ stops listening for quit while a step
 * runs). The companion has no terminal: it runs each command in a process group of its own and stops
 * it with interrupt(), which sends SIGINT to the whole group, then SIGKILL if it has not ended.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface RunResult {
  exitCode: number;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Ctrl-C reached it (the terminal's SIGINT while it ran, or interrupt()): many tools exit 1, not 130. */
  interrupted: boolean;
}

export interface RunOptions {
  /** Folders to put first on PATH (the context shim). */
  pathFirst?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  onOutput: (text: string, stream: 'stdout' | 'stderr') => void;
  /** Give the command the terminal's stdin (interactive tools). Default: no stdin. */
  inheritStdin?: boolean;
  /** Run in a process group of its own, to be stopped with interrupt() (no terminal around it). */
  ownProcessGroup?: boolean;
  /** After interrupt(), how long before SIGKILL. Default 3 s. */
  killAfterMs?: number;
}

export interface RunningCommand {
  done: Promise<RunResult>;
  /** Ctrl-C for a command without a terminal: SIGINT to its group, SIGKILL if it lingers. */
  interrupt(): void;
}

export function runCommand(command: string, options: RunOptions): RunningCommand {
  const env = { ...(options.env ?? process.env) };
  if (options.pathFirst?.length) env['PATH'] = [...options.pathFirst, env['PATH'] ?? ''].join(':');
  const started = performance.now();
  const child = spawn('bash', ['-c', command], {
    cwd: options.cwd,
    env,
    stdio: [options.inheritStdin ? 'inherit' : 'ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (text: string) => options.onOutput(text, 'stdout'));
  child.stderr.on('data', (text: string) => options.onOutput(text, 'stderr'));

  let killTimer: NodeJS.Timeout | undefined;
  let interrupted = false;
  // The terminal sends SIGINT to its whole foreground group, the runner included: note it, stay.
  const onInterrupt = () => {
    interrupted = true;
  };
  if (!options.ownProcessGroup) process.on('SIGINT', onInterrupt);
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', (error) => {
      process.off('SIGINT', onInterrupt);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      process.off('SIGINT', onInterrupt);
      const exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
      interrupted ||= signal === 'SIGINT';
      resolve({ exitCode, signal, seconds: (performance.now() - started) / 1000, interrupted });
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      if (options.ownProcessGroup) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  return {
    done,
    interrupt() {
      interrupted = true;
      signalGroup('SIGINT');
      clearTimeout(killTimer);
      killTimer = setTimeout(() => signalGroup('SIGKILL'), options.killAfterMs ?? 3000);
    },
  };
}
