/**
 * The kubectl context a run works on, as kubectl itself reports it (`kubectl config current-context`,
 * `kubectl config view --minify`): the context, its cluster and server, its user and its default
 * namespace. Both read the kubeconfig only; neither talks to a cluster (the Google Cloud SDK's kubectl,
 * a dispatcher, asks the server's /version first to pick which kubectl to run: a read of the version).
 */
import { execFile } from 'node:child_process';

export interface KubeContext {
  context: string;
  cluster: string;
  server: string;
  user: string;
  /** The context's default namespace ("default" when it names none). */
  namespace: string;
}

export class ContextError extends Error {}

interface ConfigView {
  'current-context'?: string;
  contexts?: { name: string; context?: { cluster?: string; user?: string; namespace?: string } }[];
  clusters?: { name: string; cluster?: { server?: string } }[];
}

/** The context of `kubectl config view --minify -o json` (which holds only the one context). */
export function contextFromConfigView(json: string): KubeContext {
  let view: ConfigView;
  try {
    view = JSON.parse(json) as ConfigView;
  } catch {
    throw new ContextError('kubectl config view printed something that is not JSON');
  }
  const context = view.contexts?.[0];
  if (!context)
    throw new ContextError('kubectl has no context: set one (kubectl config use-context NAME) or pass --context NAME');
  const cluster = view.clusters?.find((c) => c.name === context.context?.cluster) ?? view.clusters?.[0];
  return {
    context: context.name,
    cluster: context.context?.cluster ?? '',
    server: cluster?.cluster?.server ?? '',
    user: context.context?.user ?? '',
    namespace: context.context?.namespace || 'default',
  };
}

function kubectl(kubectlPath: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(kubectlPath, args, { env, timeout: 15_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new ContextError(`kubectl ${args.join(' ')} failed: ${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** The context named by --context, or kubectl's current one. */
export async function readKubeContext(
  kubectlPath: string,
  context: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KubeContext> {
  const name = context ?? (await kubectl(kubectlPath, ['config', 'current-context'], env).catch(() => '')).trim();
  if (!name)
    throw new ContextError(
      'kubectl has no current context: pass --context NAME (kubectl config get-contexts lists them)',
    );
  return contextFromConfigView(
    await kubectl(kubectlPath, ['config', 'view', '--minify', '-o', 'json', '--context', name], env),
  );
}
