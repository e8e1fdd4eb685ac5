/**
 * `runbook` reads what the real build wrote, wherever a person has it: the site served over HTTP,
 * the built dist/, the offline copy's zip and the folder it extracts to. And each command explains itself.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../support/zip.ts';
import { projectRoot } from '../support/project.ts';
import { siteUrl } from '../support/site.ts';

const distDir = path.join(projectRoot, process.env['BUILD_OUT_DIR'] ?? 'dist');
const bin = path.join(projectRoot, 'bin/runbook.mjs');

function runbook(args: string[], cwd = projectRoot): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1', RUNBOOK_SITE: '', RUNBOOK_FROM: '' } },
      (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    ),
  );
}

let zip: string;
let extracted: string;
beforeAll(async () => {
  const downloads = path.join(distDir, 'downloads');
  zip = path.join(
    downloads,
    (await readdir(downloads)).find((f) => f.endsWith('.zip'))!,
  );
  extracted = await mkdtemp(path.join(tmpdir(), 'runbook-offline-'));
  for (const entry of await readZip(await readFile(zip))) {
    const target = path.join(extracted, entry.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, entry.data);
  }
});
afterAll(async () => {
  await rm(extracted, { recursive: true, force: true });
});

describe('where runbook finds the commands', () => {
  it('lists the runbooks of a site over HTTP', async () => {
    const result = await runbook(['list', '--site', siteUrl(), '--severity', 'critical']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^POD001\s+critical\s+application\s+klinematrix\s+\d+\s+Pods in CrashLoopBackOff$/m);
    expect(result.stdout).toContain(`from ${siteUrl()}/commands.json`);
  });

  it("reads the built dist/ by default, in the project's folder", async () => {
    const result = await runbook(['show', 'pod001', '--pod', 'api-7c9']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kubectl logs api-7c9 -n klinematrix-prod --previous');
  });

  it('reads the offline copy as its zip and as the folder it extracts to', async () => {
    for (const from of [zip, extracted]) {
      const result = await runbook(
        ['show', 'https://runbooks.example.com/POD001?pod=api-7c9', '--from', from],
        tmpdir(),
      );
      expect(result.code, from).toBe(0);
      expect(result.stdout).toContain('kubectl describe pod api-7c9 -n klinematrix-prod');
    }
  });

  it("lands an upstream alert where the site's links do: its runbook with its labels filled, or the runbooks to pick from", async () => {
    const one = await runbook([
      'show',
      'https://runbooks.example.com/runbooks/kubernetes/kubenodeunreachable?node=worker-3',
      '--site',
      siteUrl(),
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/^MKS-001: /m);
    expect(one.stdout).toContain('kubectl describe node worker-3');
    const several = await runbook(['show', 'KubePodCrashLooping', '--site', siteUrl()]);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/KubePodCrashLooping is covered by 5 runbooks: pick one/);
    expect(several.stderr).toMatch(/^ {2}POD001: .+$/m);
    const none = await runbook(['show', 'KubeletTooManyPods', '--site', siteUrl()]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no runbook for the alert KubeletTooManyPods yet');
  });

  it('says what to do where there is no catalogue, and which IDs are near a wrong one', async () => {
    const none = await runbook(['list'], tmpdir());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^runbook list: no command catalogue: build the site here/);
    const wrong = await runbook(['show', 'POD01', '--site', siteUrl()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('did you mean POD001?');
  });
});

describe('runbook --help', () => {
  it('explains every command', async () => {
    expect((await runbook(['--help'])).stdout).toContain('runbook run <ID | alert URL> [...]');
    for (const [command, line] of [
      ['list', 'usage: runbook list [TEXT]'],
      ['show', 'usage: runbook show <ID | alias | alert name | alert URL>'],
      ['run', 'usage: runbook run <ID | alias | alert name | alert URL> [values] [options]'],
    ] as const) {
      const help = await runbook([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout.startsWith(line), command).toBe(true);
    }
    const unknown = await runbook(['run', 'POD001', '--pods', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--pods'");
  });
});
