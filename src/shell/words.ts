/**
 * The one model of shell words over tree-sitter's bash parse, for everything that reads commands: the
 * safety classes, the snippet validator and the runner. A simple command is a name and its argument
 * words, each with the value the program receives (quotes removed) and where it is written; a wrapper
 * (sudo, watch, env, timeout, xargs, nice, …) is looked through to the command it runs, and
 * `sh -c '…'` to the commands of its script.
 */
import type { ShellNode, ShellParser } from './parser.ts';

export interface ShellWord {
  /** The word as the program receives it: quotes removed, escapes resolved; expansions kept as written. */
  value: string;
  /** Offsets in the parsed text (plus the offset of the script it came from, for `sh -c '…'`). */
  start: number;
  end: number;
  /** Holds $VAR, ${…}, $(…), `…` or <(…): its value is known only when the command runs. */
  expansion: boolean;
  /** The parse node, alive only while the tree is (words recovered from text have none). */
  node?: ShellNode;
}

export interface SimpleCommand {
  /** The `command` node of the parse, alive only while the tree is. */
  node: ShellNode;
  name: ShellWord;
  args: ShellWord[];
  /** Variables set for the command alone: `KUBECTL_APPLYSET=true kubectl apply …`. */
  assignments: Map<string, string>;
}

/** A command as it will run: its wrappers looked through (`sudo watch kubectl get pods` runs kubectl). */
export interface Invocation {
  /** The program, normalised: "kubectl" for /usr/local/bin/kubectl, \kubectl or "kubectl". */
  program: string;
  name: ShellWord;
  args: ShellWord[];
  /** The wrappers it runs under, outermost first: ["sudo", "watch"]. */
  wrappers: string[];
  /** Variables set for it: before it (`X=1 kubectl …`) or by a wrapper (`env X=1 kubectl …`). */
  assignments?: Map<string, string>;
  /** Set when it is a shell running a script given with -c: that script's commands come as invocations of their own. */
  runsScript?: boolean;
  /**
   * Arguments it gets when it runs that are not written here: `xargs kubectl delete pod` appends the
   * names read from its input ("appended"); `xargs -I{} kubectl logs {}` puts them where "{}" is
   * (`replaces` is then "{}").
   */
  fromInput?: { appended: boolean; replaces?: string };
}

const EXPANSIONS = new Set([
  'command_substitution',
  'simple_expansion',
  'expansion',
  'process_substitution',
  'arithmetic_expansion',
]);

function hasExpansion(node: ShellNode): boolean {
  if (node.type === 'word' || node.type === 'raw_string') return false;
  const text = node.text;
  if (!text.includes('$') && !text.includes('`') && !text.includes('<(')) return false;
  if (EXPANSIONS.has(node.type)) return true;
  return node.namedChildren.some((c) => c !== null && hasExpansion(c));
}

/** The value of a shell word as the command receives it (quotes removed; expansions kept as written). */
export function wordValue(node: ShellNode): string {
  switch (node.type) {
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      // Inside double quotes a backslash escapes only $ ` " \ and a newline.
      return node.text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    case 'concatenation':
      return node.namedChildren.map((c) => (c ? wordValue(c) : '')).join('');
    case 'word':
      return node.text.replace(/\\(.)/g, '$1');
    default:
      return node.text;
  }
}

/** A word of the parse as a ShellWord; `offset` places the parsed text in a larger one. */
export function shellWord(node: ShellNode, offset = 0): ShellWord {
  return {
    value: wordValue(node),
    start: offset + node.startIndex,
    end: offset + node.endIndex,
    expansion: hasExpansion(node),
    node,
  };
}

/** The program a command word names: "kubectl" for /usr/local/bin/kubectl, \kubectl and "kubectl". */
export function commandName(word: string): string {
  const unquoted = word.replace(/^\\/, '').replace(/^["']|["']$/g, '');
  return unquoted.split('/').at(-1) ?? unquoted;
}

/**
 * Every node of a type under a node, in document order. A tree cursor walks the tree without
 * materialising the nodes it passes, which matters when thousands of blocks are checked.
 */
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

/**
 * tree-sitter-bash drops a word written just before a heredoc (`kubectl apply -f - <<EOF` parses as
 * `kubectl apply -f`): recover the plain words between the command and its redirect.
 */
function wordsBeforeHeredoc(command: ShellNode, offset: number): ShellWord[] {
  const statement = command.parent;
  if (statement?.type !== 'redirected_statement') return [];
  const redirect = statement.childrenForFieldName('redirect').find((r) => r !== null);
  if (!redirect || redirect.startIndex <= command.endIndex) return [];
  const gap = statement.text.slice(command.endIndex - statement.startIndex, redirect.startIndex - statement.startIndex);
  return [...gap.matchAll(/\S+/g)].map((m) => {
    const start = offset + command.endIndex + (m.index ?? 0);
    return { value: m[0], start, end: start + m[0].length, expansion: false };
  });
}

/** The simple commands of a node, however deeply nested in pipelines, lists, loops and substitutions. */
export function simpleCommands(root: ShellNode, offset = 0): SimpleCommand[] {
  return nodesOfType(root, 'command').flatMap((node) => {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return [];
    const args = node.childrenForFieldName('argument').flatMap((a) => (a ? [shellWord(a, offset)] : []));
    args.push(...wordsBeforeHeredoc(node, offset));
    const assignments = new Map<string, string>();
    for (const child of node.namedChildren) {
      if (child?.type !== 'variable_assignment') continue;
      const variable = child.childForFieldName('name')?.text;
      const value = child.childForFieldName('value');
      if (variable) assignments.set(variable, value ? wordValue(value) : '');
    }
    return [{ node, name: shellWord(nameNode.namedChildren[0] ?? nameNode, offset), args, assignments }];
  });
}

interface Wrapper {
  /** Its options that take a value (written apart: -n 5). */
  valueFlags: ReadonlySet<string>;
  /** Plain words it takes before the command: timeout's DURATION, chroot's NEWROOT. */
  operands?: number;
  /** It takes NAME=VALUE words before the command (env, sudo). */
  assignments?: boolean;
  /** Options with which it runs nothing (command -v only prints where a program is). */
  runsNothingWith?: ReadonlySet<string>;
  /** It adds arguments read from its input to the command (xargs), or puts them where the string its -I names is. */
  readsArguments?: { replaceFlags: ReadonlySet<string> };
}

/** Programs that run another program (sudo kubectl …): what they run is what counts. */
export const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  sudo: {
    valueFlags: new Set(['-u', '-g', '-C', '-h', '-p', '-U', '-D', '-r', '-t', '-T', '--user', '--group']),
    assignments: true,
    runsNothingWith: new Set(['-l', '--list', '-v', '-k', '-K']),
  },
  doas: { valueFlags: new Set(['-u', '-C']) },
  watch: { valueFlags: new Set(['-n', '--interval', '-q', '--equexit']) },
  time: { valueFlags: new Set(['-f', '--format', '-o', '--output']) },
  nohup: { valueFlags: new Set() },
  timeout: { valueFlags: new Set(['-s', '--signal', '-k', '--kill-after']), operands: 1 },
  xargs: {
    valueFlags: new Set([
      '-n',
      '--max-args',
      '-I',
      '-P',
      '--max-procs',
      '-d',
      '--delimiter',
      '-L',
      '--max-lines',
      '-s',
      '--max-chars',
      '-a',
      '--arg-file',
      '-E',
      '-e',
    ]),
    readsArguments: { replaceFlags: new Set(['-I', '-i', '--replace']) },
  },
  nice: { valueFlags: new Set(['-n', '--adjustment']) },
  ionice: { valueFlags: new Set(['-c', '--class', '-n', '--classdata', '-p', '--pid']) },
  stdbuf: { valueFlags: new Set(['-i', '-o', '-e']) },
  chroot: { valueFlags: new Set(['--userspec', '--groups']), operands: 1 },
  // env FOO=1 kubectl delete … runs kubectl; env on its own only prints the environment.
  env: { valueFlags: new Set(['-u', '--unset', '-C', '--chdir']), assignments: true },
  command: { valueFlags: new Set(), runsNothingWith: new Set(['-v', '-V']) },
  exec: { valueFlags: new Set(['-a']) },
};

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The command a wrapper runs, through any number of wrappers (`sudo timeout 30 watch kubectl get
 * pods`), or undefined when it runs none (`env`, `sudo -l`, `command -v kubectl`).
 */
export function unwrap(
  name: ShellWord,
  args: readonly ShellWord[],
  assignments: ReadonlyMap<string, string> = new Map(),
): Invocation | undefined {
  const wrappers: string[] = [];
  const env = new Map(assignments);
  let fromInput: Invocation['fromInput'];
  let current = { name, args: [...args] };
  for (;;) {
    const program = commandName(current.name.value);
    const wrapper = WRAPPERS[program];
    if (!wrapper) {
      const frontend = KUBECTL_FRONTENDS[program];
      if (frontend && current.args[0]?.value === 'kubectl') {
        const rest = current.args.slice(1);
        const skip = frontend.dashDash && rest[0]?.value === '--' ? 1 : 0;
        return {
          program: 'kubectl',
          name: current.args[0],
          args: rest.slice(skip),
          wrappers: [...wrappers, program],
          assignments: env,
        };
      }
      return {
        program,
        name: current.name,
        args: current.args,
        wrappers,
        assignments: env,
        ...(fromInput ? { fromInput } : {}),
      };
    }
    wrappers.push(program);
    if (wrapper.readsArguments) fromInput = { appended: true };
    const rest = current.args;
    let i = 0;
    let operands = wrapper.operands ?? 0;
    while (i < rest.length) {
      const word = rest[i]!.value;
      if (word === '--') {
        i++;
        break;
      }
      if (wrapper.runsNothingWith?.has(word)) return undefined;
      const replace = wrapper.readsArguments && replaceString(word, rest[i + 1]?.value, wrapper.readsArguments);
      if (replace) fromInput = { appended: false, replaces: replace };
      if (word.startsWith('-') && word.length > 1) i += wrapper.valueFlags.has(word) ? 2 : 1;
      else if (wrapper.assignments && ASSIGNMENT.test(word)) {
        const eq = word.indexOf('=');
        env.set(word.slice(0, eq), word.slice(eq + 1));
        i++;
      } else if (operands > 0) {
        operands--;
        i++;
      } else break;
    }
    if (i >= rest.length) return undefined;
    current = { name: rest[i]!, args: rest.slice(i + 1) };
  }
}

/** The string xargs replaces with each input line: `-I{}`, `-I {}`, `--replace=X`; `-i` alone means "{}". */
function replaceString(
  word: string,
  next: string | undefined,
  { replaceFlags }: { replaceFlags: ReadonlySet<string> },
): string | undefined {
  if (word === '-i' || word === '--replace') return '{}';
  if (replaceFlags.has(word)) return next;
  const attached = /^(-I|-i|--replace=)(.+)$/.exec(word);
  return attached ? attached[2] : undefined;
}

/** Tools that run kubectl as a subcommand of their own: `minikube kubectl -- get pods`, `microk8s kubectl get pods`. */
const KUBECTL_FRONTENDS: Readonly<Record<string, { dashDash: boolean }>> = {
  minikube: { dashDash: true },
  microk8s: { dashDash: false },
  k3s: { dashDash: false },
  k0s: { dashDash: false },
};

/**
 * The script of `sh -c 'script'` (bash, zsh, …), with where its text starts, or undefined. `watch`
 * runs its command through `sh -c` too, so `watch 'kubectl get pods | grep x'` runs a script.
 */
function scriptOf(invocation: Invocation): { text: string; offset: number } | undefined {
  if (invocation.wrappers.at(-1) === 'watch' && invocation.args.length === 0 && /\s/.test(invocation.name.value)) {
    return { text: invocation.name.value, offset: invocation.name.start + (isQuoted(invocation.name) ? 1 : 0) };
  }
  if (!SHELLS.has(invocation.program)) return undefined;
  const at = invocation.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.value));
  const script = at >= 0 ? invocation.args[at + 1] : undefined;
  if (!script) return undefined;
  // A quoted script starts one character after its word; an unquoted one at the word itself.
  return { text: script.value, offset: script.start + (isQuoted(script) ? 1 : 0) };
}

const isQuoted = (word: ShellWord) =>
  word.node ? word.node.type === 'raw_string' || word.node.type === 'string' : false;

/**
 * Every command a statement runs, as invocations: each simple command (in pipelines, lists, loops,
 * `$(…)`), looked through its wrappers, and the commands of `sh -c '…'` scripts. Offsets are in the
 * parsed text, plus `offset`. `visit` is called while the parse of each command is alive.
 */
export function visitInvocations(
  root: ShellNode,
  parser: ShellParser,
  visit: (invocation: Invocation) => void,
  offset = 0,
): void {
  for (const command of simpleCommands(root, offset)) {
    const invocation = unwrap(command.name, command.args, command.assignments);
    if (!invocation) continue;
    const script = scriptOf(invocation);
    if (!script) {
      visit(invocation);
      continue;
    }
    visit({ ...invocation, runsScript: true });
    const tree = parser.parse(script.text);
    try {
      visitInvocations(tree.rootNode, parser, visit, script.offset);
    } finally {
      tree.delete();
    }
  }
}
