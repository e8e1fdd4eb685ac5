/**
 * The real kubectl's verdict on commands written as docs write them (`kubectl get pods -o wide`):
 * each is split into words by the project's shell parse (src/shell/words.ts), and kubectl runs them
 * against the stub API server, which serves the resource types the validator knows (the built-ins,
 * those behind feature gates, content/kubectl-custom-resources.yaml).
 */
import path from 'node:path';
import { loadCommandReader } from '../../src/commands/reader.ts';
import { loadCustomResources } from '../../src/kubectl/load.ts';
import { findKubectl } from '../../src/kubectl/find.ts';
import { BUILTIN_RESOURCES, FEATURE_GATED_RESOURCES } from '../../src/kubectl/resources.ts';
import { visitInvocations } from '../../src/shell/words.ts';
import { kubectlRunner, type Verdict } from './kubectl-verdict.ts';
import { projectRoot } from './project.ts';
import { startStubApiServer } from './stub-api-server.ts';

export interface AgreementKubectl {
  verdict(command: string): Promise<{ verdict: Verdict; output: string; timedOut: boolean }>;
  close(): Promise<void>;
}

/** `kubectl` is a path, or a name looked up on PATH (kubectl runs with an empty PATH of its own). */
export async function startAgreementKubectl(kubectl: string): Promise<AgreementKubectl> {
  const program = kubectl.includes('/') ? findKubectl(kubectl, '') : findKubectl(undefined, process.env['PATH'] ?? '');
  const customFile = path.join(projectRoot, 'content/kubectl-custom-resources.yaml');
  const custom = await loadCustomResources(customFile);
  const server = await startStubApiServer([...BUILTIN_RESOURCES, ...FEATURE_GATED_RESOURCES, ...custom]);
  const runner = kubectlRunner(program, server);
  const { parser } = await loadCommandReader(customFile);
  return {
    async verdict(command) {
      const tree = parser.parse(command);
      let argv: string[] | undefined;
      let env: Record<string, string> = {};
      try {
        visitInvocations(tree.rootNode, parser, (invocation) => {
          if (argv || invocation.program !== 'kubectl') return;
          argv = invocation.args.map((a) => a.value);
          env = Object.fromEntries(invocation.assignments ?? []);
        });
      } finally {
        tree.delete();
      }
      if (!argv) throw new Error(`no kubectl command in: ${command}`);
      return runner.verdict(argv, env);
    },
    close: () => server.close(),
  };
}
