/**
 * A kubeconfig of a test's own, in a temporary folder, pointing at a fake API server on 127.0.0.1:
 * a context, its cluster, its user and a default namespace (and any other contexts the test wants,
 * to check that the runner keeps to the one it confirmed). Tests run kubectl with `env` only: never
 * the machine's own kubeconfig, never a real cluster.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { findKubectl } from '../../src/kubectl/find.ts';

export interface ContextSpec {
  name: string;
  cluster: string;
  user: string;
  namespace: string;
}

export interface TestKubeconfig {
  dir: string;
  file: string;
  /** The current context. */
  context: ContextSpec;
  server: string;
  /** KUBECONFIG (this file only), KUBECACHEDIR (discovery cache in the folder): the environment to run kubectl in. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

export interface KubeconfigOptions {
  context?: Partial<ContextSpec>;
  /** More contexts on the same server, not current. */
  others?: ContextSpec[];
}

export async function writeKubeconfig(server: string, options: KubeconfigOptions = {}): Promise<TestKubeconfig> {
  if (!/^https?:\/\/127\.0\.0\.1:\d+$/.test(server))
    throw new Error(`test kubeconfigs only point at 127.0.0.1: ${server}`);
  const context: ContextSpec = {
    name: 'fake-prod',
    cluster: 'fake-cluster',
    user: 'fake-admin',
    namespace: 'prod',
    ...options.context,
  };
  const contexts = [context, ...(options.others ?? [])];
  const dir = await mkdtemp(path.join(tmpdir(), 'runbook-kubeconfig-'));
  const file = path.join(dir, 'config');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': context.name,
    clusters: [...new Set(contexts.map((c) => c.cluster))].map((name) => ({ name, cluster: { server } })),
    users: [...new Set(contexts.map((c) => c.user))].map((name) => ({ name, user: { token: `token-of-${name}` } })),
    contexts: contexts.map((c) => ({
      name: c.name,
      context: { cluster: c.cluster, user: c.user, namespace: c.namespace },
    })),
  };
  await writeFile(file, stringify(config), { mode: 0o600 });
  return {
    dir,
    file,
    context,
    server,
    env: { KUBECONFIG: file, KUBECACHEDIR: path.join(dir, 'cache') },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** kubectl on PATH, or undefined (tests that need it skip, saying so). */
export function kubectlOnPath(): string | undefined {
  try {
    return findKubectl(undefined, process.env['PATH'] ?? '');
  } catch {
    return undefined;
  }
}
