import path from 'node:path';
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { projectRoot } from '../support/project.ts';

it('the whole project type-checks under strictest TypeScript (astro check)', async () => {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const output = await new Promise<{ code: number; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'check'], {
      cwd: projectRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, text }));
  });
  expect(output.text).toMatch(/- 0 errors/);
  expect(output.code).toBe(0);
});
