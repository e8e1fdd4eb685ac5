/**
 * Every kubectl a step runs talks to the context the person confirmed, and no other:
 *   - each kubectl written in the command gets `--context=<confirmed>` right after its name, so the
 *     command shown, logged and run says so (`kubectl --context=prod get pods`, wrappers such as
 *     watch, xargs and sudo looked through);
 *   - a kubectl the command starts in other ways (inside `sh -c '…'`) finds, first on PATH, a shim
 *     that execs the real kubectl with the same flag;
 *   - a command that names a context, cluster, user, server, token or kubeconfig of its own is
 *     refused: kubectl takes the last --context given, so it would win over the confirmed one.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shellQuote, quoteInto } from '../domain/values.ts';
import { flagValue } from '../kubectl/argv.ts';
import type { KubectlCall } from './invocations.ts';

/** kubectl flags that point it somewhere else than the confirmed context. */
const ELSEWHERE = ['context', 'cluster', 'user', 'kubeconfig', 'server', 'token'];

export interface PinnedCommand {
  /** The command with --context after every kubectl written in it. */
  text: string;
  /** Why it can't be pinned, when it can't: the step must not run. */
  refusal?: string;
}

export function pinContext(command: string, calls: readonly KubectlCall[], context: string): PinnedCommand {
  for (const call of calls) {
    for (const flag of ELSEWHERE) {
      const value = flagValue(call.argv, flag);
      if (value === undefined || (flag === 'context' && value === context)) continue;
      return {
        text: command,
        refusal: `it names its own --${flag} (${value}): the runner only runs commands on the confirmed context ${context}`,
      };
    }
    if (!call.inCommand && call.name.value.includes('/')) {
      return {
        text: command,
        refusal: `it starts ${call.name.value} inside a script, where the runner can't pass --context: run it by hand if you must`,
      };
    }
  }
  const flag = ` --context=${quoteInto(context, 'unquoted')}`;
  let text = command;
  for (const call of [...calls].filter((c) => c.inCommand).sort((a, b) => b.name.end - a.name.end)) {
    text = text.slice(0, call.name.end) + flag + text.slice(call.name.end);
  }
  return { text };
}

export interface ContextShim {
  /** Put first on PATH for the step's processes. */
  dir: string;
  remove(): Promise<void>;
}

/** A folder with an executable `kubectl` that runs the real one on the confirmed context. */
export async function writeContextShim(kubectlPath: string, context: string): Promise<ContextShim> {
  const dir = await mkdtemp(path.join(tmpdir(), 'runbook-kubectl-'));
  const file = path.join(dir, 'kubectl');
  await writeFile(
    file,
    `#!/bin/sh\n# Written by runbook for one run: every kubectl a step starts works on the confirmed context.\nexec ${shellQuote(kubectlPath)} --context=${shellQuote(context)} "$@"\n`,
  );
  await chmod(file, 0o755);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
