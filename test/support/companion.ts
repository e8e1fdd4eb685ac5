/**
 * `runbook serve` for tests, as a person starts it: the real command (bin/runbook.mjs) in a process of
 * its own, on a site built by the real build script from the smallest site plus the companion's
 * fixture runbook (test/fixtures/companion/), with a kubeconfig that points at the fake API server.
 * And raw HTTP to it (node:http, which, unlike fetch, sends any Host and Origin a test wants).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot, runScript } from './project.ts';

/** Builds the fixture site into a new temporary folder; returns the folder holding content/ and out/. */
export async function buildCompanionSite(): Promise<{ scratch: string; out: string }> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'runbook-companion-site-'));
  const content = path.join(scratch, 'content');
  const out = path.join(scratch, 'out');
  await cp(path.join(projectRoot, 'test/fixtures/minimal-site'), content, { recursive: true });
  await cp(path.join(projectRoot, 'test/fixtures/companion/srv-001.mdx'), path.join(content, 'runbooks/srv-001.mdx'));
  const build = await runScript('scripts/build.ts', [], { RUNBOOKS_CONTENT_DIR: content, BUILD_OUT_DIR: out });
  if (build.code !== 0) throw new Error(`the fixture site did not build:\n${build.stdout}\n${build.stderr}`);
  return { scratch, out };
}

export interface ServedCompanion {
  /** The URL it printed, with the token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** What it printed so far. */
  output(): string;
  /** Ctrl-C, as a person stops it; resolves with its exit code once it has closed its logs. */
  stop(): Promise<number | null>;
}

// eslint-disable-next-line no-control-regex -- colours of the terminal output
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

export async function startCompanion(args: string[], env: Record<string, string>): Promise<ServedCompanion> {
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, 'bin/runbook.mjs'), 'serve', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runbook serve printed no URL in 30 s:\n${output}`)), 30_000);
    const look = () => {
      const found = /Open: (http:\/\/\S+)/.exec(plain(output));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`runbook serve ended (exit code ${code}) before printing a URL:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    output: () => plain(output),
    stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to 127.0.0.1:<port>, with exactly the headers given (Host included). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
