/**
 * The sandbox every kubectl run of the schema generator goes through, and the one function that runs
 * kubectl in it (runKubectl).
 *
 * SAFETY. No probe may ever reach a cluster. Every kubectl run here:
 *   - has KUBECONFIG set to an empty temporary file, HOME and the working directory set to empty
 *     temporary directories, PATH set to an empty directory (no plugins, no editor, no credential
 *     helper), and no other variable from the caller's environment (no proxy, no KUBECTL_* switches);
 *   - carries `--server=https://127.0.0.1:9 --request-timeout=2s --token=probe` (port 9 refuses at
 *     once; the token stops kubectl from prompting for a username on the empty kubeconfig);
 *   - runs, where `unshare` allows it, in a network namespace of its own with no interface up, so that
 *     not even 127.0.0.1 is reachable;
 *   - gets no standard input and is killed (its whole process group) after 3 seconds.
 * Most probes are built so that kubectl stops while parsing its flags, before any command runs:
 *   - "does --x take a value?": `kubectl <cmd> --x --zz-probe-a --zz-probe-b`. If --x has a bare form
 *     the parser stops at "unknown flag: --zz-probe-a"; if it needs a value it swallows --zz-probe-a as
 *     that value and stops at --zz-probe-b (or at a type error). Nothing runs either way.
 *   - "what type is --x?" and "is --x deprecated?": `kubectl <cmd> --x=VALUE --help`. A value of the
 *     wrong type fails the parse; a parse that succeeds prints the help (and cobra prints a deprecated
 *     flag's warning only after a successful parse), and the command does not run.
 *   - "which flags are required?": `kubectl __complete <cmd> ""`: cobra offers the required flags that
 *     are not yet set as completions; nothing runs but the completion function (which may ask the
 *     refusing server for names). Commands that start nothing long-running are also run bare to read
 *     cobra's `required flag(s) "x" not set`, and the two answers are compared.
 *   - "is this a group?": only commands that have subcommands are run bare (see GROUP RULE in
 *     probes.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isExecutable } from '../find.ts';

/** The only server any probe names. Port 9 (discard) is closed: connections are refused at once. */
const PROBE_SERVER = 'https://127.0.0.1:9';
const SAFETY_FLAGS = [`--server=${PROBE_SERVER}`, '--request-timeout=2s', '--token=probe'] as const;
const PROBE_TIMEOUT_MS = 3000;

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface Sandbox {
  kubectl: string;
  dir: string;
  home: string;
  cwd: string;
  kubeconfig: string;
  env: Record<string, string>;
  /** ["/usr/bin/unshare", "-n", "--"] or [] where no network namespace can be made. */
  isolate: string[];
  runs: number;
}

export function makeSandbox(kubectl: string): Sandbox {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gen-kubectl-schema-'));
  const home = path.join(dir, 'home');
  const cwd = path.join(dir, 'cwd');
  const bin = path.join(dir, 'bin');
  for (const d of [home, cwd, bin]) mkdirSync(d);
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, '');
  const env: Record<string, string> = {
    PATH: bin,
    HOME: home,
    KUBECONFIG: kubeconfig,
    TMPDIR: dir,
    LANG: 'C',
    LC_ALL: 'C',
    KUBE_EDITOR: '/bin/false',
    EDITOR: '/bin/false',
    NO_PROXY: '*',
    no_proxy: '*',
  };
  return { kubectl, dir, home, cwd, kubeconfig, env, isolate: findIsolation(), runs: 0 };
}

/** A network namespace with nothing in it, if this machine lets us make one (root, or user namespaces). */
function findIsolation(): string[] {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    const unshare = path.join(dir, 'unshare');
    if (!isExecutable(unshare)) continue;
    for (const flags of [['-n'], ['-r', '-n']]) {
      const r = spawnSync(unshare, [...flags, '--', '/bin/true'], { input: '', timeout: PROBE_TIMEOUT_MS, env: {} });
      if (r.status === 0) return [unshare, ...flags, '--'];
    }
  }
  return [];
}

/**
 * The sandbox with one more variable in kubectl's environment (an alpha feature switch such as
 * KUBECTL_APPLYSET=true). Its runs are counted on its own: add them to the original's afterwards.
 */
export function withEnvironment(sb: Sandbox, name: string, value: string): Sandbox {
  return { ...sb, env: { ...sb.env, [name]: value }, runs: 0 };
}

/**
 * Runs kubectl with `prefix` (the command words, or "__complete" and the words), then the safety
 * flags, then `rest`. Every run goes through here.
 */
export function runKubectl(sb: Sandbox, prefix: readonly string[], rest: readonly string[] = []): Promise<RunResult> {
  const args = [...prefix, ...SAFETY_FLAGS, ...rest];
  const [cmd, ...cmdArgs] = sb.isolate.length > 0 ? [...sb.isolate, sb.kubectl, ...args] : [sb.kubectl, ...args];
  sb.runs++;
  return new Promise((resolve) => {
    const child = spawn(cmd ?? sb.kubectl, cmdArgs, {
      cwd: sb.cwd,
      env: sb.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    // A kubectl that exits at once may close its input first: a write to it then fails, harmlessly.
    child.stdin.on('error', () => undefined);
    child.stdin.end('');
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, PROBE_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: stderr + String(err), timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** A run whose stderr decides something: a probe that timed out would decide wrongly, so it stops the generator. */
export async function probe(sb: Sandbox, prefix: readonly string[], rest: readonly string[]): Promise<RunResult> {
  const r = await runKubectl(sb, prefix, rest);
  if (r.timedOut) throw new Error(`kubectl ${[...prefix, ...rest].join(' ')} took longer than ${PROBE_TIMEOUT_MS} ms`);
  return r;
}

/** Deletes the sandbox's temporary files (the kubeconfig, HOME and working directory). */
export function removeSandbox(sb: Sandbox): void {
  rmSync(sb.dir, { recursive: true, force: true });
}

/** Replaces the sandbox's HOME in defaults and help ("--cache-dir='/tmp/.../home/.kube/cache'"). */
export function normalizeHome(sb: Sandbox, s: string): string {
  return s.split(sb.home).join('$HOME');
}
