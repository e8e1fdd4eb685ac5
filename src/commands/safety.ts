/**
 * How dangerous a command is, from its parse: read-only (look, don't touch), changes (alters the
 * cluster, a node or local state) or destructive (deletes, evicts, flushes, rolls back, scales to
 * zero: what a tired person must not paste by accident). A statement takes the most severe class of
 * every simple command in it: pipelines, lists, loops, `$(…)`, `kubectl exec … -- cmd` and `sh -c '…'`.
 * Anything not known to be read-only counts as a change. Commands are read with the shared shell
 * words (src/shell/words.ts) and kubectl's own argument parse (src/kubectl/argv.ts), so a global flag
 * before the verb (`kubectl --v 6 delete …`) can't hide what a command does.
 */
import { flagValue as kubectlFlag, parseKubectlArgv, type KubectlArgv } from '../kubectl/argv.ts';
import type { ShellNode } from '../shell/parser.ts';
import { unwrap, visitInvocations, type Invocation, type ShellWord } from '../shell/words.ts';
import type { CommandReader } from './reader.ts';

export type Safety = 'read-only' | 'changes' | 'destructive';

export interface SafetyVerdict {
  safety: Safety;
  /** Why, for the destructive and changing parts: "kubectl delete deletes resources". */
  reasons: string[];
}

const RANK: Record<Safety, number> = { 'read-only': 0, changes: 1, destructive: 2 };

type Rule = (args: string[]) => SafetyVerdict;

const verdict = (safety: Safety, reason?: string): SafetyVerdict => ({ safety, reasons: reason ? [reason] : [] });
const readOnly = verdict('read-only');

export function worst(verdicts: readonly SafetyVerdict[]): SafetyVerdict {
  let safety: Safety = 'read-only';
  for (const v of verdicts) if (RANK[v.safety] > RANK[safety]) safety = v.safety;
  const reasons = [...new Set(verdicts.filter((v) => v.safety === safety).flatMap((v) => v.reasons))];
  return { safety, reasons };
}

/** The non-flag words, skipping the values of flags that take one. */
function positionals(args: string[], flagsWithValue: ReadonlySet<string>): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (!arg.includes('=') && flagsWithValue.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  return words;
}

const hasFlag = (args: string[], ...flags: string[]) =>
  args.some((a) => flags.some((f) => a === f || a.startsWith(`${f}=`)));

const flagValue = (args: string[], flag: string): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === flag) return args[i + 1];
    if (args[i]!.startsWith(`${flag}=`)) return args[i]!.slice(flag.length + 1);
  }
  return undefined;
};

const KUBECTL_READ = new Set([
  'get',
  'describe',
  'logs',
  'top',
  'explain',
  'api-resources',
  'api-versions',
  'version',
  'cluster-info',
  'diff',
  'events',
  'wait',
  'port-forward',
  'proxy',
  'auth',
  'options',
  'completion',
  'plugin',
]);
/** Verbs that are destructive whatever their arguments, looked for in any position when the parse is unsure. */
const KUBECTL_DESTRUCTIVE: Record<string, string> = {
  delete: 'kubectl delete deletes resources',
  drain: 'kubectl drain evicts every pod from the node',
};

function kubectl(argv: KubectlArgv, words: readonly ShellWord[], ctx: CommandReader): SafetyVerdict {
  const [sub, second] = argv.path;
  if (!sub) {
    // No command kubectl knows (a typo, a plugin, an unknown flag that hid the verb): judge by any word.
    const destructive = argv.positionals.find((p) => KUBECTL_DESTRUCTIVE[p.value]);
    return destructive
      ? verdict('destructive', KUBECTL_DESTRUCTIVE[destructive.value])
      : verdict('changes', 'kubectl command not known to be read-only');
  }
  if (KUBECTL_DESTRUCTIVE[sub]) return verdict('destructive', KUBECTL_DESTRUCTIVE[sub]);
  if (sub === 'rollout') {
    if (second === 'undo') return verdict('destructive', 'kubectl rollout undo rolls back to an older revision');
    if (second === 'status' || second === 'history') return readOnly;
    return verdict('changes', `kubectl rollout ${second ?? ''}`.trim());
  }
  if (sub === 'scale') {
    const replicas = kubectlFlag(argv, 'replicas');
    if (replicas !== undefined && Number(replicas) === 0)
      return verdict('destructive', 'scaling to zero stops every pod');
    return verdict('changes', 'kubectl scale');
  }
  if ((sub === 'replace' || sub === 'apply') && isSet(kubectlFlag(argv, 'force'))) {
    return verdict('destructive', `kubectl ${sub} --force deletes and recreates resources`);
  }
  if (sub === 'apply' && isSet(kubectlFlag(argv, 'prune')))
    return verdict('destructive', 'kubectl apply --prune deletes resources');
  if (sub === 'exec') {
    // The words after "--" are the command run in the container: classify it as any other command.
    const dashes = words.findIndex((w) => w.value === '--');
    const inner = dashes >= 0 ? unwrap(words[dashes + 1]!, words.slice(dashes + 2)) : undefined;
    if (!inner) return verdict('changes', 'kubectl exec runs a command in the container');
    return classifyInvocation(inner, ctx, true);
  }
  if (sub === 'config') {
    return ['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users'].includes(second ?? '')
      ? readOnly
      : verdict('changes', `kubectl config ${second ?? ''}`.trim());
  }
  if (sub === 'debug') return verdict('changes', 'kubectl debug starts a debugging container');
  if (KUBECTL_READ.has(sub)) return readOnly;
  return verdict('changes', `kubectl ${sub}`);
}

/** A bool flag's value as kubectl reads it: --force, --force=true. */
const isSet = (value: string | undefined) => value !== undefined && !/^(false|f|0)$/i.test(value);

function helm(args: string[]): SafetyVerdict {
  const [sub] = positionals(
    args,
    new Set(['-n', '--namespace', '--kube-context', '-f', '--values', '--set', '--version', '-o', '--output']),
  );
  if (sub === 'uninstall' || sub === 'delete' || sub === 'del')
    return verdict('destructive', 'helm uninstall removes the release');
  if (sub === 'rollback') return verdict('destructive', 'helm rollback returns to an older release');
  if (
    ['history', 'list', 'ls', 'status', 'get', 'template', 'show', 'search', 'lint', 'version', 'env'].includes(
      sub ?? '',
    )
  )
    return readOnly;
  return verdict('changes', `helm ${sub ?? ''}`.trim());
}

function iptables(args: string[]): SafetyVerdict {
  if (hasFlag(args, '-F', '--flush', '-X', '--delete-chain', '-D', '--delete', '-Z', '--zero')) {
    return verdict('destructive', 'iptables -F flushes firewall rules, kube-proxy and CNI rules included');
  }
  if (hasFlag(args, '-L', '--list', '-S', '--list-rules')) return readOnly;
  return verdict('changes', 'iptables changes firewall rules');
}

function subcommandRule(tool: string, read: string[], destructive: string[], valueFlags: string[] = []): Rule {
  return (args) => {
    const words = positionals(args, new Set(valueFlags));
    const sub = words[0] ?? '';
    const both = words.slice(0, 2).join(' ');
    if (destructive.includes(sub) || destructive.includes(both))
      return verdict('destructive', `${tool} ${destructive.includes(both) ? both : sub}`);
    if (read.includes(sub) || read.includes(both)) return readOnly;
    return verdict('changes', `${tool} ${sub}`.trim());
  };
}

function curl(args: string[]): SafetyVerdict {
  const method = (flagValue(args, '-X') ?? flagValue(args, '--request') ?? '').toUpperCase();
  if (method === 'DELETE') return verdict('destructive', 'curl -X DELETE');
  if (
    ['POST', 'PUT', 'PATCH'].includes(method) ||
    hasFlag(args, '-d', '--data', '--data-raw', '--data-binary', '-F', '--form')
  ) {
    return verdict('changes', 'curl sends data');
  }
  return readOnly;
}

function sqlVerdict(tool: string, sql: string | undefined): SafetyVerdict {
  if (sql === undefined) return verdict('changes', `${tool} opens an interactive session`);
  if (/\b(drop|truncate|delete)\b/i.test(sql)) return verdict('destructive', `${tool} deletes data`);
  if (/\b(insert|update|alter|create|grant|revoke)\b|set\w*\(/i.test(sql))
    return verdict('changes', `${tool} changes data`);
  return readOnly;
}

const READ_ONLY_TOOLS = new Set([
  'cat',
  'ls',
  'grep',
  'egrep',
  'fgrep',
  'jq',
  'yq',
  'head',
  'tail',
  'less',
  'more',
  'wc',
  'sort',
  'uniq',
  'awk',
  'cut',
  'tr',
  'echo',
  'printf',
  'top',
  'htop',
  'free',
  'df',
  'du',
  'lsblk',
  'iostat',
  'vmstat',
  'mpstat',
  'ss',
  'netstat',
  'ping',
  'traceroute',
  'tracepath',
  'mtr',
  'dig',
  'nslookup',
  'host',
  'nc',
  'ncat',
  'telnet',
  'openssl',
  'ps',
  'pgrep',
  'uptime',
  'dmesg',
  'date',
  'printenv',
  'whoami',
  'id',
  'hostname',
  'which',
  'type',
  'stat',
  'file',
  'wget',
  'base64',
  'true',
  'test',
  'sleep',
  'lsof',
  'uname',
  'getent',
  'nproc',
  'tee',
  'xxd',
  'diff',
  'md5sum',
  'sha256sum',
  'kubectx',
  'kubens',
  'cd',
  'pwd',
]);
const RULES: Record<string, Rule> = {
  helm,
  iptables,
  ip6tables: iptables,
  curl,
  rm: () => verdict('destructive', 'rm deletes files'),
  rmdir: () => verdict('destructive', 'rmdir deletes directories'),
  shred: () => verdict('destructive', 'shred destroys files'),
  reboot: () => verdict('destructive', 'reboot restarts the machine'),
  shutdown: () => verdict('destructive', 'shutdown stops the machine'),
  poweroff: () => verdict('destructive', 'poweroff stops the machine'),
  halt: () => verdict('destructive', 'halt stops the machine'),
  kill: () => verdict('destructive', 'kill stops processes'),
  pkill: () => verdict('destructive', 'pkill stops processes'),
  killall: () => verdict('destructive', 'killall stops processes'),
  find: (args) =>
    hasFlag(args, '-delete') || args.includes('rm') ? verdict('destructive', 'find -delete deletes files') : readOnly,
  sed: (args) =>
    args.some((a) => /^-\w*i/.test(a) || a.startsWith('--in-place'))
      ? verdict('changes', 'sed -i edits files')
      : readOnly,
  systemctl: subcommandRule(
    'systemctl',
    ['status', 'show', 'is-active', 'is-enabled', 'is-failed', 'list-units', 'list-unit-files', 'cat'],
    ['stop', 'kill', 'disable', 'mask'],
  ),
  journalctl: (args) =>
    args.some((a) => a.startsWith('--vacuum') || a === '--rotate')
      ? verdict('destructive', 'journalctl --vacuum deletes logs')
      : readOnly,
  docker: subcommandRule(
    'docker',
    [
      'ps',
      'images',
      'inspect',
      'logs',
      'version',
      'info',
      'stats',
      'top',
      'manifest inspect',
      'image ls',
      'image inspect',
      'history',
    ],
    [
      'rm',
      'rmi',
      'kill',
      'stop',
      'system prune',
      'image prune',
      'container prune',
      'volume prune',
      'volume rm',
      'network rm',
    ],
  ),
  crictl: subcommandRule(
    'crictl',
    ['ps', 'pods', 'images', 'img', 'inspect', 'inspecti', 'inspectp', 'logs', 'stats', 'info', 'version'],
    ['rm', 'rmi', 'rmp', 'stop', 'stopp'],
  ),
  etcdctl: subcommandRule(
    'etcdctl',
    ['endpoint health', 'endpoint status', 'member list', 'get', 'version', 'check', 'alarm list'],
    ['del', 'defrag', 'compact', 'compaction', 'snapshot restore', 'member remove', 'alarm disarm'],
    ['--endpoints', '--cacert', '--cert', '--key'],
  ),
  git: subcommandRule(
    'git',
    ['status', 'log', 'diff', 'show', 'branch', 'remote', 'blame', 'grep'],
    ['reset', 'clean', 'rm'],
  ),
  ip: subcommandRule('ip', ['addr', 'a', 'address', 'route', 'r', 'link', 'l', 'neigh', 'rule', 'netns'], [], ['-s']),
  istioctl: subcommandRule(
    'istioctl',
    ['proxy-config', 'pc', 'proxy-status', 'ps', 'analyze', 'version', 'x'],
    ['uninstall'],
  ),
  cmctl: subcommandRule('cmctl', ['status', 'inspect', 'check', 'version'], []),
  rctl: subcommandRule('rctl', ['status', 'get', 'version'], ['delete']),
  psql: (args) => sqlVerdict('psql', flagValue(args, '-c') ?? flagValue(args, '--command')),
  mongosh: (args) => sqlVerdict('mongosh', flagValue(args, '--eval')),
  mongo: (args) => sqlVerdict('mongo', flagValue(args, '--eval')),
};

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** Classifies one command as it runs (wrappers already looked through). */
function classifyInvocation(invocation: Invocation, ctx: CommandReader, inContainer = false): SafetyVerdict {
  const { program } = invocation;
  const args = invocation.args.map((a) => a.value);
  // sh -c '…': its script's commands are classified on their own (visitInvocations yields them).
  if (invocation.runsScript) return readOnly;
  if (SHELLS.has(program)) {
    if (inContainer) {
      const script = args[args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a)) + 1];
      if (script !== undefined && args.some((a) => /^-[a-z]*c[a-z]*$/.test(a))) return classifyScript(script, ctx);
    }
    return verdict('changes', inContainer ? 'opens a shell in the container' : 'opens a shell');
  }
  if (program === 'kubectl') {
    const argv = parseKubectlArgv(
      invocation.args.map((w) => ({ value: w.value, start: w.start, end: w.end, placeholder: w.expansion })),
      ctx.kubectl,
      { tolerant: true },
    );
    return kubectl(argv, invocation.args, ctx);
  }
  const rule = RULES[program];
  if (rule) return rule(args);
  if (READ_ONLY_TOOLS.has(program)) return readOnly;
  if (/rollback|delete|destroy|uninstall|purge|wipe/i.test(program))
    return verdict('destructive', `${invocation.name.value} (by its name)`);
  return verdict('changes', `${invocation.name.value} is not known to be read-only`);
}

/** A script given as text (the `sh -c` of a command run in a container). */
function classifyScript(script: string, ctx: CommandReader): SafetyVerdict {
  const tree = ctx.parser.parse(script);
  try {
    return classifyStatements(tree.rootNode, ctx);
  } finally {
    tree.delete();
  }
}

/** The class of a statement: the most severe of every command it runs. */
export function classifyStatements(node: ShellNode, ctx: CommandReader): SafetyVerdict {
  const verdicts: SafetyVerdict[] = [];
  visitInvocations(node, ctx.parser, (invocation) => verdicts.push(classifyInvocation(invocation, ctx)));
  return worst(verdicts);
}
