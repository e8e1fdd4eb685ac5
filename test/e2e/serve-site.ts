/**
 * Global setup of the e2e project: builds the real site with `npm run build`'s script and serves it
 * with `astro preview` on 127.0.0.1, as the README's first step does. E2E_SKIP_BUILD=1 reuses dist/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/chromium/launch.ts';
import { projectRoot, runScript } from '../support/project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilServing(url: string, deadline = Date.now() + 30_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`astro preview did not answer at ${url}`);
}

/**
 * Browser tests need Chromium, and only they do: look for it, and where it is missing install Debian's
 * package (scripts/ensure-chromium.sh, apt-get); where that can't be done, stop with what to do.
 */
function ensureChromium(): void {
  if (findChromium()) return;
  const install = spawnSync('bash', [path.join(projectRoot, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  if (install.status !== 0 || !findChromium()) {
    throw new Error(
      "The browser tests (npm test -- --project e2e) need Chromium and none could be installed: install Debian's chromium package, or set CHROMIUM_PATH to a Chromium binary. The other projects (unit, content, build) run without it.",
    );
  }
}

export default async function setup(project: TestProject) {
  ensureChromium();
  if (!process.env['E2E_SKIP_BUILD']) {
    const build = await runScript('scripts/build.ts');
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const port = await freePort();
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const server = spawn(
    process.execPath,
    [astro, 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
    { cwd: projectRoot, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore' },
  );
  const siteUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${siteUrl}/`);
  project.provide('siteUrl', siteUrl);
  return () => {
    server.kill();
  };
}
