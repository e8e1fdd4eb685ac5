/**
 * How dangerous a command is, from its parse: read-only (look, don't touch), changes (alters the
 * cluster, a node or local state) or destructive (deletes, evicts, flushes, rolls back, scales to
 * zero: what a tired person must not paste by accident). A statement takes the most severe class of
 * every simple command in it: pipelines, lists, loops, `$(…)`, `kubectl exec … -- cmd` and `sh -c '…'`.
 * Anything not known to be read-only counts as a change.
 */
import type { ShellNode, ShellParser } from '../shell/parser.ts';

export type Safety = 'read-only' | 'changes' | 'destructive';

export interface SafetyVerdict {
  safety: Safety;
  /** Why, for the destructive and changing parts: "kubectl delete deletes resources". */
  reasons: string[];
}

const RANK: Record<Safety, number> = { 'read-only': 0, changes: 1, destructive: 2 };

interface SimpleCommand {
  name: string;
  args: string[];
}

type Rule = (args: string[], parser: ShellParser) => SafetyVerdict;

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

const KUBECTL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--as', '--token', '--request-timeout', '-v', '-l', '--selector', '-o', '--output', '-f', '--filename', '-c', '--container', '-p', '--patch', '--type', '--image', '--replicas', '--sort-by', '--tail', '--since', '--field-selector', '--target', '--copy-to', '--to-revision', '--docker-server', '--docker-username', '--docker-password', '--docker-email', '--from-literal', '--from-file', '--restart', '-k', '--kustomize', '--timeout', '--grace-period', '--cascade']);
const KUBECTL_READ = new Set(['get', 'describe', 'logs', 'top', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'diff', 'events', 'wait', 'port-forward', 'proxy', 'auth', 'options', 'completion', 'plugin']);

function kubectl(args: string[], parser: ShellParser): SafetyVerdict {
  const [sub, second] = positionals(args, KUBECTL_VALUE_FLAGS);
  if (!sub) return readOnly;
  if (sub === 'delete') return verdict('destructive', 'kubectl delete deletes resources');
  if (sub === 'drain') return verdict('destructive', 'kubectl drain evicts every pod from the node');
  if (sub === 'rollout') {
    if (second === 'undo') return verdict('destructive', 'kubectl rollout undo rolls back to an older revision');
    if (second === 'status' || second === 'history') return readOnly;
    return verdict('changes', `kubectl rollout ${second ?? ''}`.trim());
  }
  if (sub === 'scale') {
    const replicas = flagValue(args, '--replicas');
    if (replicas !== undefined && Number(replicas) === 0) return verdict('destructive', 'scaling to zero stops every pod');
    return verdict('changes', 'kubectl scale');
  }
  if ((sub === 'replace' || sub === 'apply') && hasFlag(args, '--force')) {
    return verdict('destructive', `kubectl ${sub} --force deletes and recreates resources`);
  }
  if (sub === 'apply' && hasFlag(args, '--prune')) return verdict('destructive', 'kubectl apply --prune deletes resources');
  if (sub === 'exec') {
    const dashes = args.indexOf('--');
    const inner = dashes >= 0 ? args.slice(dashes + 1) : [];
    if (inner.length === 0) return verdict('changes', 'kubectl exec runs a command in the container');
    return classifySimple({ name: inner[0]!, args: inner.slice(1) }, parser, true);
  }
  if (sub === 'config') {
    return ['view', 'get-contexts', 'current-context', 'get-clusters', 'get-users'].includes(second ?? '')
      ? readOnly
      : verdict('changes', `kubectl config ${second ?? ''}`.trim());
  }
  if (KUBECTL_READ.has(sub)) return readOnly;
  return verdict('changes', `kubectl ${sub}`);
}

function helm(args: string[]): SafetyVerdict {
  const [sub] = positionals(args, new Set(['-n', '--namespace', '--kube-context', '-f', '--values', '--set', '--version', '-o', '--output']));
  if (sub === 'uninstall' || sub === 'delete' || sub === 'del') return verdict('destructive', 'helm uninstall removes the release');
  if (sub === 'rollback') return verdict('destructive', 'helm rollback returns to an older release');
  if (['history', 'list', 'ls', 'status', 'get', 'template', 'show', 'search', 'lint', 'version', 'env'].includes(sub ?? '')) return readOnly;
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
    if (destructive.includes(sub) || destructive.includes(both)) return verdict('destructive', `${tool} ${destructive.includes(both) ? both : sub}`);
    if (read.includes(sub) || read.includes(both)) return readOnly;
    return verdict('changes', `${tool} ${sub}`.trim());
  };
}

function curl(args: string[]): SafetyVerdict {
  const method = (flagValue(args, '-X') ?? flagValue(args, '--request') ?? '').toUpperCase();
  if (method === 'DELETE') return verdict('destructive', 'curl -X DELETE');
  if (['POST', 'PUT', 'PATCH'].includes(method) || hasFlag(args, '-d', '--data', '--data-raw', '--data-binary', '-F', '--form')) {
    return verdict('changes', 'curl sends data');
  }
  return readOnly;
}

function sqlVerdict(tool: string, sql: string | undefined): SafetyVerdict {
  if (sql === undefined) return verdict('changes', `${tool} opens an interactive session`);
  if (/\b(drop|truncate|delete)\b/i.test(sql)) return verdict('destructive', `${tool} deletes data`);
  if (/\b(insert|update|alter|create|grant|revoke)\b|set\w*\(/i.test(sql)) return verdict('changes', `${tool} changes data`);
  return readOnly;
}

const READ_ONLY_TOOLS = new Set(['cat', 'ls', 'grep', 'egrep', 'fgrep', 'jq', 'yq', 'head', 'tail', 'less', 'more', 'wc', 'sort', 'uniq', 'awk', 'cut', 'tr', 'echo', 'printf', 'top', 'htop', 'free', 'df', 'du', 'lsblk', 'iostat', 'vmstat', 'mpstat', 'ss', 'netstat', 'ping', 'traceroute', 'tracepath', 'mtr', 'dig', 'nslookup', 'host', 'nc', 'ncat', 'telnet', 'openssl', 'ps', 'pgrep', 'uptime', 'dmesg', 'date', 'printenv', 'whoami', 'id', 'hostname', 'which', 'type', 'stat', 'file', 'wget', 'base64', 'true', 'test', 'sleep', 'lsof', 'uname', 'getent', 'nproc', 'tee', 'xxd', 'diff', 'md5sum', 'sha256sum', 'kubectx', 'kubens', 'cd', 'pwd']);
/** Commands that run another command (sudo kubectl …): what they run is what counts. Their flags that take a value. */
export const WRAPPERS: Readonly<Record<string, ReadonlySet<string>>> = {
  sudo: new Set(['-u', '-g', '-C']),
  watch: new Set(['-n', '--interval', '-d']),
  time: new Set(),
  nohup: new Set(),
  timeout: new Set(['-s', '-k']),
  xargs: new Set(['-n', '-I', '-P', '-d']),
  // env FOO=1 kubectl delete … runs kubectl; env on its own only prints the environment.
  env: new Set(['-u', '--unset', '-C', '--chdir']),
};

const RULES: Record<string, Rule> = {
  kubectl,
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
    hasFlag(args, '-delete') || args.includes('rm')
      ? verdict('destructive', 'find -delete deletes files')
      : readOnly,
  sed: (args) => (args.some((a) => /^-\w*i/.test(a) || a.startsWith('--in-place')) ? verdict('changes', 'sed -i edits files') : readOnly),
  systemctl: subcommandRule('systemctl', ['status', 'show', 'is-active', 'is-enabled', 'is-failed', 'list-units', 'list-unit-files', 'cat'], ['stop', 'kill', 'disable', 'mask']),
  journalctl: (args) => (args.some((a) => a.startsWith('--vacuum') || a === '--rotate') ? verdict('destructive', 'journalctl --vacuum deletes logs') : readOnly),
  docker: subcommandRule('docker', ['ps', 'images', 'inspect', 'logs', 'version', 'info', 'stats', 'top', 'manifest inspect', 'image ls', 'image inspect', 'history'], ['rm', 'rmi', 'kill', 'stop', 'system prune', 'image prune', 'container prune', 'volume prune', 'volume rm', 'network rm']),
  crictl: subcommandRule('crictl', ['ps', 'pods', 'images', 'img', 'inspect', 'inspecti', 'inspectp', 'logs', 'stats', 'info', 'version'], ['rm', 'rmi', 'rmp', 'stop', 'stopp']),
  etcdctl: subcommandRule('etcdctl', ['endpoint health', 'endpoint status', 'member list', 'get', 'version', 'check', 'alarm list'], ['del', 'defrag', 'compact', 'compaction', 'snapshot restore', 'member remove', 'alarm disarm'], ['--endpoints', '--cacert', '--cert', '--key']),
  git: subcommandRule('git', ['status', 'log', 'diff', 'show', 'branch', 'remote', 'blame', 'grep'], ['reset', 'clean', 'rm']),
  ip: subcommandRule('ip', ['addr', 'a', 'address', 'route', 'r', 'link', 'l', 'neigh', 'rule', 'netns'], [], ['-s']),
  istioctl: subcommandRule('istioctl', ['proxy-config', 'pc', 'proxy-status', 'ps', 'analyze', 'version', 'x'], ['uninstall']),
  cmctl: subcommandRule('cmctl', ['status', 'inspect', 'check', 'version'], []),
  rctl: subcommandRule('rctl', ['status', 'get', 'version'], ['delete']),
  psql: (args) => sqlVerdict('psql', flagValue(args, '-c') ?? flagValue(args, '--command')),
  mongosh: (args) => sqlVerdict('mongosh', flagValue(args, '--eval')),
  mongo: (args) => sqlVerdict('mongo', flagValue(args, '--eval')),
};

function shellScript(args: string[], parser: ShellParser): SafetyVerdict | undefined {
  const script = flagValue(args, '-c');
  if (script === undefined) return undefined;
  const tree = parser.parse(script);
  try {
    return classifyStatements(tree.rootNode, parser);
  } finally {
    tree.delete();
  }
}

/** Classifies one simple command by its name and arguments. */
function classifySimple(command: SimpleCommand, parser: ShellParser, inContainer = false): SafetyVerdict {
  const name = command.name.split('/').at(-1) ?? command.name;
  const wrapperFlags = WRAPPERS[name];
  if (wrapperFlags) {
    const rest = command.args;
    let i = 0;
    while (i < rest.length && (rest[i]!.startsWith('-') || /^\w+=/.test(rest[i]!) || /^\d+(\.\d+)?s?$/.test(rest[i]!))) {
      i += wrapperFlags.has(rest[i]!) ? 2 : 1;
    }
    if (i >= rest.length) return readOnly;
    return classifySimple({ name: rest[i]!, args: rest.slice(i + 1) }, parser, inContainer);
  }
  if (name === 'sh' || name === 'bash' || name === 'ash' || name === 'zsh') {
    return shellScript(command.args, parser) ?? verdict('changes', inContainer ? 'opens a shell in the container' : 'opens a shell');
  }
  const rule = RULES[name];
  if (rule) return rule(command.args, parser);
  if (READ_ONLY_TOOLS.has(name)) return readOnly;
  if (/rollback|delete|destroy|uninstall|purge|wipe/i.test(name)) return verdict('destructive', `${command.name} (by its name)`);
  return verdict('changes', `${command.name} is not known to be read-only`);
}

/** The value of a shell word as the command receives it (quotes removed; expansions kept as written). */
export function wordValue(node: ShellNode): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      return node.text.slice(1, -1);
    case 'concatenation':
      return node.namedChildren.map((c) => (c ? wordValue(c) : '')).join('');
    case 'word':
      return node.text.replace(/\\(.)/g, '$1');
    default:
      return node.text;
  }
}

/** Every node of a type under a node, in document order. A tree cursor walks the tree without
 * materialising the nodes it passes, which matters when thousands of blocks are checked. */
export function nodesOfType(root: ShellNode, type: string): ShellNode[] {
  const found: ShellNode[] = [];
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      if (cursor.nodeType === type) found.push(cursor.currentNode);
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) return found;
        depth--;
      }
      if (depth === 0) return found;
    }
  } finally {
    cursor.delete();
  }
}

/** The simple commands of a node, however deeply nested in pipelines, lists, loops and substitutions. */
export function simpleCommandsOf(node: ShellNode): { node: ShellNode; command: SimpleCommand }[] {
  return nodesOfType(node, 'command').flatMap((n) => {
    const nameNode = n.childForFieldName('name');
    if (!nameNode) return [];
    const args = n.childrenForFieldName('argument').flatMap((a) => (a ? [wordValue(a)] : []));
    return [{ node: n, command: { name: wordValue(nameNode.namedChildren[0] ?? nameNode), args } }];
  });
}

export function classifyStatements(node: ShellNode, parser: ShellParser): SafetyVerdict {
  return worst(simpleCommandsOf(node).map(({ command }) => classifySimple(command, parser)));
}
