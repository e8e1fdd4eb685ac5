/**
 * The offline copy's launchers (src/offline/kit/serve.mjs and serve.py), run as a person runs them
 * inside an extracted copy: they survive malformed requests, never serve through a link out of their
 * folder, move to the next port when theirs is taken (and say so), and serve a burst of clients.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project.ts';

const kit = path.join(projectRoot, 'src/offline/kit');
const havePython = spawnSync('python3', ['--version']).status === 0;

let copy: string;
let outside: string;
beforeAll(async () => {
  copy = await mkdtemp(path.join(tmpdir(), 'offline-copy-'));
  outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
  await writeFile(path.join(outside, 'secret.txt'), 'not for the web');
  await copyFile(path.join(kit, 'serve.mjs'), path.join(copy, 'serve.mjs'));
  await copyFile(path.join(kit, 'serve.py'), path.join(copy, 'serve.py'));
  await writeFile(path.join(copy, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(path.join(copy, '404.html'), '<!doctype html><title>not found</title>');
  await writeFile(path.join(copy, 'big.html'), 'x'.repeat(200_000));
  await symlink(path.join(outside, 'secret.txt'), path.join(copy, 'leak.txt'));
  await symlink(outside, path.join(copy, 'leakdir'));
  await symlink(path.join(copy, 'index.html'), path.join(copy, 'alias.html'));
});
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts a launcher and waits for the line that says where it serves. */
async function start(
  command: string[],
  port: number,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(command[0]!, [...command.slice(1), String(port)], { cwd: copy });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 15_000;
  while (!/at (http:\/\/127\.0\.0\.1:\d+\/)/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`launcher did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)![1]!, output: () => output };
}

/** A raw GET, path sent exactly as given (fetch would re-encode it). */
function get(url: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path: rawPath, method: 'GET', timeout: 10_000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

const launchers: [string, string[], boolean][] = [
  ['serve.mjs', [process.execPath, 'serve.mjs'], true],
  ['serve.py', ['python3', 'serve.py'], havePython],
];

describe.each(launchers)('%s', (_name, command, available) => {
  it.runIf(available)('answers a malformed request with 400 and goes on serving', async () => {
    const { child, url } = await start(command, await freePort());
    try {
      expect((await get(url, '/%E0%A4%A')).status).toBe(400);
      expect((await get(url, '/')).status).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });

  it.runIf(available)('serves nothing through a link out of its folder, links inside it as usual', async () => {
    const { child, url } = await start(command, await freePort());
    try {
      for (const p of ['/leak.txt', '/leakdir/secret.txt', '/../outside/secret.txt', '/%2e%2e/secret.txt']) {
        const response = await get(url, p);
        expect(response.status, p).toBe(404);
        expect(response.body).not.toContain('not for the web');
      }
      expect((await get(url, '/alias.html')).status).toBe(200);
    } finally {
      child.kill();
    }
  });

  it.runIf(available)('takes the next free port when its port is in use, and says so', async () => {
    const port = await freePort();
    const taken: Server = await new Promise((resolve) => {
      const s = createServer().listen(port, '127.0.0.1', () => resolve(s));
    });
    const { child, url, output } = await start(command, port);
    try {
      expect(output()).toContain(`Port ${port} is in use`);
      expect(url).not.toBe(`http://127.0.0.1:${port}/`);
      expect(output()).toContain(`(port ${port} was in use)`);
      expect((await get(url, '/')).status).toBe(200);
    } finally {
      child.kill();
      taken.close();
    }
  });

  it.runIf(available)('serves 50 clients at once without an error', async () => {
    const { child, url } = await start(command, await freePort());
    try {
      const responses = await Promise.all(Array.from({ length: 50 }, () => get(url, '/big.html')));
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(responses.every((r) => r.body.length === 200_000)).toBe(true);
    } finally {
      child.kill();
    }
  });
});

it('python3 is here, so both launchers were tested', () => {
  // Where CI lacks Python the serve.py cases would not run: say so loudly rather than pass quietly.
  expect(havePython, 'python3 is not installed: serve.py was not tested').toBe(true);
});
