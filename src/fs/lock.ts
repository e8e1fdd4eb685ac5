/**
 * A lock on a build's output folder, so two builds never write the same site: the second refuses at
 * once and names the first (PID, start time, content). The lock is a file next to the output
 * (`dist.lock`), created with link(2), which fails when the file exists: of two builds that start
 * together exactly one gets it. A lock whose build is gone (killed, machine rebooted) is taken over.
 * Node only.
 */
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the build started. */
  started: string;
  /** What it builds, for the message: its content folder. */
  what: string;
}

export class LockHeldError extends Error {
  readonly lockFile: string;
  readonly holder: LockHolder;
  constructor(lockFile: string, holder: LockHolder) {
    super(
      `another build is writing this output: PID ${holder.pid} on ${holder.host}, started ${holder.started}, building ${holder.what} (lock ${lockFile}). Wait for it to finish, or stop it; a lock left by a build that is no longer running is taken over.`,
    );
    this.lockFile = lockFile;
    this.holder = holder;
  }
}

export interface OutputLock {
  file: string;
  /** Set when a lock left by a stopped build was taken over: that build. */
  tookOverFrom?: LockHolder;
  release(): Promise<void>;
}

function isRunning(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // can't tell: assume it is
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return undefined; // gone, or half written by a build that died while writing it
  }
}

/** Takes the lock for an output folder, or throws LockHeldError naming the build that holds it. */
export async function lockOutput(outDir: string, what: string): Promise<OutputLock> {
  const file = `${outDir}.lock`;
  const mine: LockHolder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), what };
  const draft = `${file}.${process.pid}`;
  await writeFile(draft, `${JSON.stringify(mine)}\n`);
  let tookOverFrom: LockHolder | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw error;
      }
      const holder = await readHolder(file);
      if (holder && isRunning(holder)) throw new LockHeldError(file, holder);
      // Stale: move it aside (only one of several builds taking over can rename it) and try again.
      await rename(file, `${file}.stale.${process.pid}`).catch(() => undefined);
      await rm(`${file}.stale.${process.pid}`, { force: true });
      tookOverFrom = holder ?? tookOverFrom;
    }
  } finally {
    await rm(draft, { force: true });
  }
  let released = false;
  return {
    file,
    ...(tookOverFrom ? { tookOverFrom } : {}),
    async release() {
      if (released) return;
      released = true;
      const holder = await readHolder(file);
      if (holder?.pid === mine.pid && holder.started === mine.started) await rm(file, { force: true });
    },
  };
}
