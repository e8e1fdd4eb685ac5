/**
 * The real kubectl's verdict on a command: it is run against the stub API server
 * (stub-api-server.ts) on 127.0.0.1, with a kubeconfig of its own whose every context points there,
 * an empty PATH (no plugins, no editor), no input, and a temporary working directory holding the
 * files the commands name. "accepts" when kubectl gets through (exit 0) or as far as opening the
 * stream exec, attach or port-forward open; "rejects" otherwise. Commands that name another server
 * or kubeconfig are refused: nothing but 127.0.0.1 is ever contacted.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StubApiServer } from './stub-api-server.ts';

export type Verdict = 'accepts' | 'rejects';

/** Contexts the kubeconfig has, all on the stub: commands may say --context prod. */
const CONTEXTS = ['stub', 'prod', 'staging', 'prod-eu', 'dev'];

/** Files the commands may name, in kubectl's working directory. */
const FILES: Record<string, string> = {
  'deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n',
  'configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  key: value\n',
  'app.properties': 'key=value\n',
};

export interface KubectlRunner {
  /** `env`: variables the command sets for kubectl (`KUBECTL_APPLYSET=true kubectl apply …`). */
  verdict(
    args: readonly string[],
    env?: Readonly<Record<string, string>>,
  ): Promise<{ verdict: Verdict; output: string; timedOut: boolean }>;
}

/** Runs a program to its end (killed after `timeout` ms), with no input; the server answers meanwhile. */
function run(
  program: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; timeout: number },
): Promise<{ status: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdin.on('error', () => undefined);
    child.stdin.end();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeout);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output, timedOut });
    });
  });
}

export function kubectlRunner(kubectl: string, server: StubApiServer): KubectlRunner {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubectl-verdict-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: stub\n  cluster:\n    server: ${server.url}`,
      'users:',
      '- name: stub\n  user:\n    token: stub',
      'contexts:',
      ...CONTEXTS.map((c) => `- name: ${c}\n  context:\n    cluster: stub\n    user: stub\n    namespace: default`),
      'current-context: stub',
      '',
    ].join('\n'),
  );
  const work = mkdtempSync(path.join(dir, 'work-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(work, name), text);
  const emptyPath = mkdtempSync(path.join(dir, 'bin-'));
  return {
    async verdict(args, env = {}) {
      if (args.some((a) => /^(--server|-s|--kubeconfig)(=|$)/.test(a) || /^-s./.test(a))) {
        throw new Error(`refusing to run kubectl ${args.join(' ')}: it names a server or kubeconfig of its own`);
      }
      server.reset();
      const switches = Object.fromEntries(Object.entries(env).filter(([name]) => /^KUBECTL_[A-Z_]+$/.test(name)));
      const { status, output, timedOut } = await run(kubectl, args, {
        cwd: work,
        timeout: 15_000,
        env: { PATH: emptyPath, HOME: dir, KUBECONFIG: kubeconfig, KUBE_EDITOR: '/bin/false', ...switches },
      });
      const verdict: Verdict = status === 0 || server.streamed() ? 'accepts' : 'rejects';
      return { verdict, output, timedOut };
    },
  };
}
