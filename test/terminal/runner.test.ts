/**
 * `runbook run` as a person uses it: in a real terminal (tmux), with the real kubectl, against the
 * project's fake API server. What reached the server is the proof: nothing before the context is
 * confirmed, nothing in a dry run, no destructive step whose name was not typed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandCatalogue } from '../../src/schemas/command-catalogue.ts';
import { catalogueOf, writeSite } from '../support/catalogue.ts';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server.ts';
import { kubectlOnPath, writeKubeconfig, type TestKubeconfig } from '../support/kubeconfig.ts';
import { projectRoot } from '../support/project.ts';
import { startTerminal, tmuxOnPath, type Terminal } from '../support/tmux.ts';

const missing = [kubectlOnPath() ? '' : 'kubectl', tmuxOnPath() ? '' : 'tmux'].filter(Boolean);
if (missing.length > 0)
  console.warn(
    `test/terminal/runner.test.ts: skipped, no ${missing.join(' and ')} on PATH (apt-get install kubernetes-client tmux)`,
  );

const bin = path.join(projectRoot, 'bin/runbook.mjs');
const fence = (...commands: string[]) => ['```bash', ...commands, '```'].join('\n');

async function fixtureCatalogue(): Promise<CommandCatalogue> {
  const catalogue = await catalogueOf([
    {
      id: 'FAKE-001',
      title: 'Fake pods crash looping',
      aliases: ['FakePodCrashLooping'],
      body: [
        '## Look',
        fence('kubectl get pods', 'kubectl describe pod <pod-name> -n <namespace>'),
        '## Logs',
        fence('kubectl logs -f <pod-name> -n <namespace>'),
        '## Fix',
        fence(
          'kubectl rollout restart deployment/<deployment-name> -n <namespace>',
          'kubectl delete pod <pod-name> -n <namespace>',
        ),
      ].join('\n'),
    },
    {
      id: 'FAKE-002',
      title: 'Scale',
      body: fence('kubectl scale deployment/<deployment-name> -n <namespace> --replicas=<replicas>'),
    },
    {
      id: 'FAKE-003',
      title: 'Secrets',
      body: fence(
        'kubectl create secret generic db --from-literal=password=<password> -n <namespace> --dry-run=client -o yaml',
        'kubectl get secret api-credentials -n <namespace> -o yaml',
      ),
    },
    { id: 'FAKE-004', title: 'Get a pod', body: fence('kubectl get pod <pod-name> -n <namespace>') },
  ]);
  // The runbook's own value for <namespace>, as a guide's default (klinematrix-prod) would be.
  for (const p of catalogue.runbooks.find((r) => r.id === 'FAKE-004')!.steps[0]!.placeholders)
    if (p.key === 'namespace') p.default = 'prod';
  return catalogue;
}

describe.skipIf(missing.length > 0)('runbook run in a terminal, against the fake API server', () => {
  let server: FakeApiServer;
  let kubeconfig: TestKubeconfig;
  let site: string;
  let cwd: string;
  let terminal: Terminal | undefined;

  const env = () => ({ ...kubeconfig.env, PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/' });
  async function runner(...args: string[]): Promise<Terminal> {
    terminal = await startTerminal({
      command: [process.execPath, bin, 'run', ...args, '--from', site],
      env: env(),
      cwd,
      width: 160,
    });
    return terminal;
  }
  /**
   * What reached the server from the runbook's commands. The Google Cloud SDK's kubectl (this
   * machine's) is a dispatcher that asks /version to pick its kubectl, even for `kubectl config`:
   * that probe is not a command of the runbook.
   */
  const reached = () =>
    server.requests.filter((r) => !(r.path === '/version' && r.userAgent.startsWith('kubectl-dispatcher')));
  /** Requests for objects: what "the cluster" saw, discovery and version aside. */
  const objectRequests = () =>
    server.requests.filter((r) => r.path !== '/version' && !/^\/(api|apis)(\/[^/]+){0,2}$/.test(r.path));
  const logText = async () => {
    const [file] = (await readdir(cwd)).filter((f) => f.endsWith('.md'));
    return file ? readFile(path.join(cwd, file), 'utf8') : '';
  };

  beforeAll(async () => {
    site = await writeSite(await fixtureCatalogue());
  });
  beforeEach(async () => {
    server = await startFakeApiServer({ followIntervalMs: 150 });
    kubeconfig = await writeKubeconfig(server.url, {
      others: [{ name: 'fake-staging', cluster: 'fake-cluster', user: 'fake-admin', namespace: 'default' }],
    });
    cwd = await mkdtemp(path.join(tmpdir(), 'runbook-run-'));
  });
  afterEach(async () => {
    await terminal?.close();
    terminal = undefined;
    await server.close();
    await kubeconfig.remove();
    await rm(cwd, { recursive: true, force: true });
  });
  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('names the context, cluster, user and namespace first, and runs nothing unless it is confirmed', async () => {
    const t = await runner('FAKE-001', '--pod', 'api-5f2');
    const screen = await t.waitFor('Run this runbook on fake-prod? [y/N]');
    expect(screen).toMatch(/kubectl context\s+fake-prod/);
    expect(screen).toContain(`cluster        fake-cluster (${server.url})`);
    expect(screen).toMatch(/user\s+fake-admin/);
    expect(screen).toMatch(/namespace\s+prod/);
    await t.type('n');
    await t.waitFor('Nothing ran: the context was not confirmed.');
    expect(await t.exitStatus()).toBe(1);
    expect(reached()).toEqual([]);
  });

  it('runs a read-only step on Enter with --context passed, skips on s, quits on q, and logs each step', async () => {
    const t = await runner('FAKE-001', '--pod', 'api-5f2', '--namespace', 'prod');
    await t.waitFor('[y/N]');
    await t.type('y');
    await t.waitFor('Enter runs it, s skips, q quits');
    expect(await t.screen()).toContain('kubectl --context=fake-prod get pods');
    await t.press('Enter');
    const screen = await t.waitFor(/api-5f2\s+0\/1\s+CrashLoopBackOff/);
    expect(objectRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/namespaces/prod/pods']);
    await t.waitFor('Step 2/5', { from: screen.indexOf('CrashLoopBackOff') });
    await t.type('s');
    await t.waitFor('Step 3/5');
    await t.type('q');
    expect(await t.exitStatus()).toBe(1);
    expect(objectRequests()).toHaveLength(1);
    const log = await logText();
    expect(log).toContain('## Step 1 of 5: Look');
    expect(log).toMatch(/read-only · Exit code 0 after/);
    expect(log).toContain('Skipped: skipped by the person running it');
    expect(log).toContain('Skipped: quit here');
  });

  it('keeps to the context given with --context, whatever the current one is', async () => {
    const t = await runner('FAKE-001', '--pod', 'api-5f2', '--namespace', 'prod', '--context', 'fake-staging');
    expect(await t.waitFor('[y/N]')).toMatch(/namespace\s+default/);
    await t.type('y');
    await t.waitFor('Enter runs it');
    expect(await t.screen()).toContain('kubectl --context=fake-staging get pods');
    await t.press('Enter');
    await t.waitFor('Step 2/5');
    expect(objectRequests().map((r) => r.path)).toEqual(['/api/v1/namespaces/default/pods']);
  });

  it('never sends a destructive step whose name was not typed, and sends it once it is', async () => {
    const t = await runner('FAKE-001', '--pod', 'api-5f2', '--namespace', 'prod', '--deployment', 'api');
    await t.waitFor('[y/N]');
    await t.type('y');
    for (const step of ['Step 1/5', 'Step 2/5', 'Step 3/5']) {
      await t.waitFor(step);
      await t.type('s');
    }
    await t.waitFor('It changes things: y runs it, s skips, q quits');
    await t.press('Enter'); // Enter is not y: nothing happens
    await t.type('s');
    await t.waitFor('Destructive: type the pod name (api-5f2) to run it, s skips, q quits');
    expect(await t.screen()).toContain('DESTRUCTIVE: kubectl delete deletes resources');
    await t.type('api-5f', 'Enter');
    await t.waitFor('"api-5f" is not api-5f2: not run.');
    await t.type('', 'Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(server.mutations()).toEqual([]);
    await t.type('api-5f2', 'Enter');
    await t.waitFor('pod "api-5f2" deleted');
    expect(await t.exitStatus()).toBe(0);
    expect(server.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /api/v1/namespaces/prod/pods/api-5f2',
    ]);
  });

  it('runs a change on y', async () => {
    const t = await runner('FAKE-001', '--pod', 'api-5f2', '--namespace', 'prod', '--deployment', 'api');
    await t.waitFor('[y/N]');
    await t.type('y');
    for (const step of ['Step 1/5', 'Step 2/5', 'Step 3/5']) {
      await t.waitFor(step);
      await t.type('s');
    }
    await t.waitFor('y runs it');
    await t.type('y');
    await t.waitFor('deployment.apps/api restarted');
    expect(server.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /apis/apps/v1/namespaces/prod/deployments/api',
    ]);
    await t.waitFor('Destructive: type');
    await t.type('q', 'Enter');
    expect(await t.exitStatus()).toBe(1);
  });

  it('stops a running command with Ctrl-C, not the runner, and asks what next', async () => {
    const t = await runner('FAKE-001', '--pod', 'api-7c9', '--namespace', 'prod');
    await t.waitFor('[y/N]');
    await t.type('y');
    for (const step of ['Step 1/5', 'Step 2/5']) {
      await t.waitFor(step);
      await t.type('s');
    }
    await t.waitFor('Step 3/5');
    await t.press('Enter');
    await t.waitFor(/^tick 3$/m);
    await t.press('C-c');
    await t.waitFor(/The step was stopped with Ctrl-C \(exit code \d+\)\. r retries, s skips, q quits/);
    const ticks = (await t.screen()).match(/^tick \d+$/gm)!.length;
    await new Promise((r) => setTimeout(r, 600));
    expect((await t.screen()).match(/^tick \d+$/gm)!.length).toBe(ticks); // kubectl logs -f has stopped
    await t.type('q');
    await t.waitFor('Incident log:');
    expect(await t.exitStatus()).toBe(1);
    expect(await logText()).toMatch(/Stopped with Ctrl-C after [\d.]+ s/);
  });

  it('keeps the exit code of a failed step and retries it on r', async () => {
    const t = await runner('FAKE-004', '--pod', 'nope', '--namespace', 'prod');
    await t.waitFor('[y/N]');
    await t.type('y');
    await t.waitFor('Enter runs it');
    await t.press('Enter');
    await t.waitFor('The step failed with exit code 1. r retries, s skips, q quits');
    expect(await t.screen()).toContain('Error from server (NotFound): pods "nope" not found');
    await t.type('r');
    await t.waitFor(/failed with exit code 1[^]*failed with exit code 1/);
    await t.type('s');
    expect(await t.exitStatus()).toBe(1);
    expect(objectRequests().filter((r) => r.path === '/api/v1/namespaces/prod/pods/nope')).toHaveLength(2);
    expect((await logText()).match(/Exit code 1 after/g)).toHaveLength(2);
  });

  it('asks for a placeholder nobody filled in, offering its default', async () => {
    const t = await runner('FAKE-004');
    await t.waitFor('[y/N]');
    await t.type('y');
    await t.waitFor('<pod-name> (pod): ');
    await t.type('api-7c9', 'Enter');
    await t.waitFor('<namespace> (namespace) [prod]: ');
    await t.press('Enter');
    await t.waitFor('kubectl --context=fake-prod get pod api-7c9 -n prod');
    await t.press('Enter');
    await t.waitFor(/api-7c9\s+1\/1\s+Running/);
    expect(await t.exitStatus()).toBe(0);
  });

  it('shows an unusual value quoted, and runs nothing when it is not confirmed', async () => {
    const marker = path.join(cwd, 'pwned');
    const t = await runner('FAKE-004', '--pod', `api$(touch ${marker})`);
    const screen = await t.waitFor('Use this value? [y/N]');
    expect(screen).toContain(
      'Unusual value for pod: it holds $ ( space ), which the shell would read as code; it is not a valid Kubernetes pod name.',
    );
    expect(screen).toContain(`It goes into the commands quoted, as data: 'api$(touch ${marker})'`);
    await t.type('n');
    expect(await t.exitStatus()).toBe(1);
    await expect(stat(marker)).rejects.toThrow();
    expect(reached()).toEqual([]);
  });

  it('reclassifies a step once filled: --replicas=0 makes a scale destructive, confirmed by name', async () => {
    const t = await runner('FAKE-002', '--deployment', 'api', '--namespace', 'prod', '--var', 'replicas=0');
    await t.waitFor('[y/N]');
    await t.type('y');
    const screen = await t.waitFor('Destructive: type the deployment name (api) to run it');
    expect(screen).toContain(
      'DESTRUCTIVE: scaling to zero stops every pod (the catalogue says changes: the values make it destructive)',
    );
    await t.type('s', 'Enter');
    expect(await t.exitStatus()).toBe(0);
    expect(server.mutations()).toEqual([]);
  });

  it('prints every step in a dry run and sends nothing', async () => {
    const t = await runner(
      'https://runbooks.example.com/FakePodCrashLooping?namespace=prod&pod=api-5f2',
      '--dry-run',
      '--deployment',
      'api',
    );
    const screen = await t.waitFor('Incident log:', { from: 300 });
    expect(screen).toContain('Dry run: nothing is run.');
    expect(screen).toContain('kubectl --context=fake-prod delete pod api-5f2 -n prod');
    expect(screen.match(/── Step \d\/5/g)).toHaveLength(5);
    expect(await t.exitStatus()).toBe(0);
    expect(reached()).toEqual([]);
    expect((await logText()).match(/Not run: dry run/g)).toHaveLength(5);
  });

  it('masks secrets in the incident log, and shows them on the screen', async () => {
    const t = await runner('FAKE-003', '--namespace', 'prod', '--var', 'password=s3cr3t-value');
    await t.waitFor('[y/N]');
    await t.type('y');
    await t.waitFor('y runs it');
    await t.type('y');
    await t.waitFor('Step 2/2');
    await t.press('Enter');
    const screen = await t.waitFor('Incident log:', { from: (await t.screen()).indexOf('Step 2/2') });
    expect(screen).toContain('password: aHVudGVyMi1ub3QtYS1yZWFsLXBhc3N3b3Jk');
    expect(await t.exitStatus()).toBe(0);
    const log = await logText();
    expect(log).toContain('--from-literal=password=***');
    expect(log).toContain('password = `***` (flag)');
    expect(log).not.toContain('s3cr3t-value');
    expect(log).not.toContain(Buffer.from('s3cr3t-value').toString('base64'));
    expect(log).not.toContain('aHVudGVyMi1ub3QtYS1yZWFsLXBhc3N3b3Jk');
    expect(log).toContain('  password: ***');
  });
});

describe.skipIf(!kubectlOnPath())('runbook run without a terminal', () => {
  let server: FakeApiServer;
  let kubeconfig: TestKubeconfig;
  let site: string;
  let cwd: string;

  beforeAll(async () => {
    server = await startFakeApiServer();
    kubeconfig = await writeKubeconfig(server.url);
    site = await writeSite(await fixtureCatalogue());
    cwd = await mkdtemp(path.join(tmpdir(), 'runbook-notty-'));
  });
  beforeEach(() => server.clearRequests());
  const reached = () =>
    server.requests.filter((r) => !(r.path === '/version' && r.userAgent.startsWith('kubectl-dispatcher')));
  afterAll(async () => {
    await server.close();
    await kubeconfig.remove();
    await rm(site, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
  });

  /** stdin and stdout are pipes here: no terminal. */
  const runbook = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [bin, 'run', ...args, '--from', site],
        { cwd, env: { ...process.env, ...kubeconfig.env } },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
      ),
    );

  it('refuses an interactive run before kubectl is touched, saying what works', async () => {
    const result = await runbook('FAKE-001', '--pod', 'api-5f2');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'runbook run: no terminal here, so no step can be confirmed: nothing was run and kubectl was not touched',
    );
    expect(result.stderr).toContain('--dry-run');
    expect(server.requests).toEqual([]);
  });

  it('runs the read-only steps of --read-only, naming the context, and lists the skipped ones', async () => {
    const log = path.join(cwd, 'read-only.md');
    const result = await runbook(
      'FAKE-001',
      '--read-only',
      '--pod',
      'api-5f2',
      '--namespace',
      'prod',
      '--deployment',
      'api',
      '--log',
      log,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Context fake-prod: cluster fake-cluster (${server.url}), user fake-admin, namespace prod`,
    );
    expect(result.stdout).toContain('Back-off restarting failed container app in pod api-5f2');
    expect(result.stdout).toContain(
      'skipped step 3: kubectl logs -f follows the log until stopped: run it interactively',
    );
    expect(result.stdout).toContain('skipped step 4: changes the cluster or the machine: read-only run');
    expect(result.stdout).toContain('skipped step 5: destructive: read-only run');
    expect(server.mutations()).toEqual([]);
    const text = await readFile(log, 'utf8');
    expect(text).toContain('- Context: fake-prod (cluster fake-cluster');
    expect(text).toContain('- Mode: read-only');
  }, 90_000);

  it('prints a dry run and sends nothing', async () => {
    const result = await runbook('FAKE-001', '--dry-run', '--pod', 'api-5f2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Context fake-prod');
    expect(result.stdout).toContain('kubectl --context=fake-prod delete pod api-5f2 -n <namespace>');
    expect(reached()).toEqual([]);
  });
});
