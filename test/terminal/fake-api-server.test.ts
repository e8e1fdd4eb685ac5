/**
 * The fake API server against the real kubectl: what the runner's tests rely on it for (get,
 * describe, logs, logs -f, delete, scale, rollout restart, a second context) behaves as on a real
 * cluster, and every request is recorded.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-api-server.ts';
import { kubectlOnPath, writeKubeconfig, type TestKubeconfig } from '../support/kubeconfig.ts';

const kubectlBinary = kubectlOnPath();
if (!kubectlBinary)
  console.warn(
    "test/terminal/fake-api-server.test.ts: skipped, no kubectl on PATH (install kubectl or Debian's kubernetes-client)",
  );

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(!kubectlBinary)('the fake API server, driven by the real kubectl', () => {
  let server: FakeApiServer;
  let kubeconfig: TestKubeconfig;

  /** Runs kubectl with the test's kubeconfig only; `stopAfterMs` sends Ctrl-C's SIGINT, as for `logs -f`. */
  function kubectl(args: string[], stopAfterMs?: number): Promise<Result> {
    return new Promise((resolve, reject) => {
      const child = spawn(kubectlBinary!, args, { env: { ...process.env, ...kubeconfig.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const timer = stopAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), stopAfterMs);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    server = await startFakeApiServer();
    kubeconfig = await writeKubeconfig(server.url, {
      others: [{ name: 'fake-staging', cluster: 'fake-cluster', user: 'fake-admin', namespace: 'default' }],
    });
  });
  afterAll(async () => {
    await server?.close();
    await kubeconfig?.remove();
  });
  beforeEach(() => server.clearRequests());

  it('lists pods of the default namespace as a table, from discovery it serves', async () => {
    const result = await kubectl(['get', 'pods']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m);
    expect(result.stdout).toMatch(/^api-5f2\s+0\/1\s+CrashLoopBackOff\s+7\s+42m$/m);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v1/namespaces/prod/pods');
  });

  it('serves nodes, deployments, services, events and namespaces to get', async () => {
    for (const [resource, line] of [
      ['nodes', /^node-2\s+NotReady\s+worker\s/m],
      ['deployments', /^api\s+1\/2\s+2\s+1\s/m],
      ['services', /^api\s+ClusterIP\s+10\.96\.12\.34\s/m],
      ['events', /Warning\s+BackOff\s+pod\/api-5f2/],
      ['namespaces', /^kube-system\s+Active/m],
    ] as const) {
      const result = await kubectl(['get', resource]);
      expect(result.stdout, resource).toMatch(line);
    }
  });

  it('answers describe with the object and its events', async () => {
    const result = await kubectl(['describe', 'pod', 'api-5f2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Status:\s+Running$/m);
    expect(result.stdout).toMatch(/Warning\s+BackOff\s+.*Back-off restarting failed container app in pod api-5f2/);
    expect(
      server.requests.some(
        (r) => r.path.endsWith('/events') && /involvedObject.name=api-5f2/.test(r.query['fieldSelector'] ?? ''),
      ),
    ).toBe(true);
  });

  it('prints a pod log, and follows it until Ctrl-C stops kubectl', async () => {
    expect((await kubectl(['logs', 'api-7c9'])).stdout).toBe(
      'starting api-7c9\nlistening on :8080\nGET /healthz 200\n',
    );
    const followed = await kubectl(['logs', '-f', 'api-7c9'], 1200);
    expect(followed.stdout).toMatch(/^tick 2$/m);
    expect(server.requests.find((r) => r.path.endsWith('/log') && r.query['follow'] === 'true')).toBeDefined();
  });

  it('deletes a pod, and records the DELETE', async () => {
    const result = await kubectl(['delete', 'pod', 'worker-1']);
    expect(result.stdout).toBe('pod "worker-1" deleted\n');
    expect(server.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
      'DELETE /api/v1/namespaces/prod/pods/worker-1',
    ]);
    expect(server.object('pods', 'prod', 'worker-1')).toBeUndefined();
    const again = await kubectl(['get', 'pod', 'worker-1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('pods "worker-1" not found');
  });

  it('keeps the object on a server-side dry run, which still reaches it', async () => {
    await kubectl(['delete', 'pod', 'api-7c9', '--dry-run=server']);
    expect(server.mutations()).toHaveLength(1);
    expect(JSON.parse(server.mutations()[0]!.body)).toMatchObject({ dryRun: ['All'] });
    expect(server.object('pods', 'prod', 'api-7c9')).toBeDefined();
  });

  it('scales a deployment through its scale subresource and restarts its rollout', async () => {
    expect((await kubectl(['scale', 'deployment/api', '--replicas=0'])).stdout).toBe('deployment.apps/api scaled\n');
    expect((server.object('deployments', 'prod', 'api')?.['spec'] as { replicas: number }).replicas).toBe(0);
    expect((await kubectl(['rollout', 'restart', 'deployment/api'])).stdout).toBe('deployment.apps/api restarted\n');
    const annotations = (
      server.object('deployments', 'prod', 'api')?.['spec'] as { template: { metadata: { annotations: object } } }
    ).template.metadata.annotations;
    expect(Object.keys(annotations)).toContain('kubectl.kubernetes.io/restartedAt');
    expect(server.mutations().map((r) => `${r.method} ${r.path}`)).toEqual([
      'PATCH /apis/apps/v1/namespaces/prod/deployments/api/scale',
      'PATCH /apis/apps/v1/namespaces/prod/deployments/api',
    ]);
  });

  it("uses another context's namespace when kubectl is given --context", async () => {
    await kubectl(['--context', 'fake-staging', 'get', 'pods']);
    expect(server.requests.map((r) => r.path)).toContain('/api/v1/namespaces/default/pods');
  });

  it('names the context, cluster, user and namespace in config view, with the token redacted', async () => {
    const view = JSON.parse((await kubectl(['config', 'view', '--minify', '-o', 'json'])).stdout) as {
      'current-context': string;
      users: { user: { token: string } }[];
    };
    expect(view['current-context']).toBe('fake-prod');
    expect(view.users[0]!.user.token).toBe('REDACTED');
  });
});

describe('test kubeconfigs', () => {
  it('refuse to point anywhere but 127.0.0.1', async () => {
    await expect(writeKubeconfig('https://10.0.0.1:6443')).rejects.toThrow(/only point at 127.0.0.1/);
  });
});
