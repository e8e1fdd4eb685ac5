/**
 * Where a kubectl binary is present, the validator's verdicts are compared with kubectl's own on
 * commands whose validity kubectl decides before talking to a server (flags, values, command shape).
 * kubectl is pointed only at 127.0.0.1:9 (refused) with an empty kubeconfig: nothing else is contacted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand } from '../support/validator.ts';

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const haveKubectl = kubectl.status === 0;
const kubeconfig = path.join(mkdtempSync(path.join(tmpdir(), 'kubeconfig-')), 'config');
writeFileSync(kubeconfig, '');

type Verdict = 'accepts' | 'rejects';

/** kubectl's own verdict: it rejects before any server contact, or it gets as far as the (refused) server. */
function kubectlVerdict(args: string[]): { verdict: Verdict; output: string } {
  // The safety flags come first, as global flags: placed last, a flag missing its value (-n) would
  // swallow --server and kubectl would fall back to its default server.
  const run = spawnSync(
    'kubectl',
    ['--server=https://127.0.0.1:9', '--token=offline', '--request-timeout=2s', ...args],
    {
      encoding: 'utf8',
      timeout: 10_000,
      input: '',
      env: { PATH: process.env['PATH'] ?? '', HOME: path.dirname(kubeconfig), KUBECONFIG: kubeconfig },
    },
  );
  const output = `${run.stdout}${run.stderr}`;
  const reachedServer = /connection refused|was refused|Unable to connect|dial tcp/i.test(output);
  return { verdict: reachedServer ? 'accepts' : 'rejects', output };
}

const CASES: string[][] = [
  ['get', 'pods', '-n', 'production', '-o', 'wide'],
  ['get', 'pods', '--all-namespace'],
  ['get', 'pods', '--all-namespaces'],
  ['-n', 'rdev', 'get', 'pods', '-l', 'app=rdev-api'],
  ['logs', 'mypod', '--previous', '--tail=100'],
  ['logs', 'mypod', '--tail=ten'],
  ['logs', 'mypod', '--since=1hour'],
  ['logs', 'mypod', '-l', 'app=x'],
  ['exec', 'mypod', 'ls'],
  ['exec', '-it', 'mypod', '--', 'sh'],
  ['drain', 'node-1', '--ignore-daemonsets', '--delete-emptydir-data'],
  ['drain', 'node-1', '--delete-local-data'],
  ['delete', 'pod', 'x', '--cascade=foreground'],
  ['delete', 'pod', 'x', '--grace-period=abc'],
  ['scale', 'deployment', 'x', '--replicas=3'],
  ['scale', 'deployment', 'x', '--replicas=three'],
  ['rollout', 'undo', 'deployment/x', '--to-revision=2'],
  ['rollout', 'restrat', 'deployment/x'],
  ['gett', 'pods'],
  ['get', 'pods', '-n'],
  ['create', 'deployment', 'web'],
  ['create', 'deployment', 'web', '--image=nginx'],
  ['top', 'nodes'],
  ['port-forward', 'svc/backend', '8000:8000', '-n', 'prod'],
  ['patch', 'deployment', 'x', '--type', 'merge', '-p', '{"spec":{}}'],
  ['annotate', 'svc', 'x', 'a-'],
  ['get', 'pods', '-x'],
];

describe.runIf(haveKubectl)('the validator agrees with kubectl', () => {
  it.each(CASES.map((c) => [c.join(' '), c]))('kubectl %s', async (_, args) => {
    const { verdict, output } = kubectlVerdict(args as string[]);
    const errors = (await validateCommand(`kubectl ${(args as string[]).map((a) => `'${a}'`).join(' ')}`)).filter(
      (d) => d.severity === 'error',
    );
    const ours: Verdict = errors.length > 0 ? 'rejects' : 'accepts';
    expect(
      ours,
      `kubectl said: ${output.trim().split('\n')[0]}\nthe validator said: ${errors.map((e) => e.message).join('; ') || 'no error'}`,
    ).toBe(verdict);
  });
});
