import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  flagSpecFromHelp,
  parseFlagBlocks,
  parseHelp,
  sections,
  type RawFlag,
} from '../../src/kubectl/schema-gen/help-parser.ts';
import type { FlagSpec } from '../../src/kubectl/schema-types.ts';

// The schema generator's help parser on real `kubectl … --help` output (test/fixtures/kubectl-help,
// kubectl v1.32.4). Each row is one saved help and what the generator must read from it.
//   - flagCount is the number of flag blocks counted in the file by hand (grep), not by the parser.
//   - A flag's `type` is the one its printed default suggests: the generator's probes confirm it where
//     the default is not quoted (`--image=[]` reads as stringArray; probing makes it stringSlice).
//   - `bare` is what the help alone says: "true" for a bool. Whether --dry-run or --cascade may be
//     written bare is printed nowhere (probing finds out), so the parser must not set it for them.

const fixture = (file: string): string =>
  readFileSync(new URL(`../fixtures/kubectl-help/${file}`, import.meta.url), 'utf8');

interface HelpCase {
  /** The command the help is for. */
  command: string;
  file: string;
  usage: string;
  aliases: string[];
  subcommands: string[];
  flagCount: number;
  /** Some of the listed flags, as flagSpecFromHelp must read them. */
  flags: FlagSpec[];
}

const OUTPUT_FORMATS = [
  'json',
  'yaml',
  'name',
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
];
const DRY_RUN: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  enum: ['none', 'server', 'client'],
  help: 'Must be "none", "server", or "client".',
};
const VALIDATE: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  enum: ['strict', 'true', 'warn', 'ignore', 'false'],
  help: 'Must be one of: strict (or true), warn, ignore (or false).',
};
const bool = (name: string, help: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  name,
  type: 'bool',
  default: 'false',
  bare: 'true',
  help,
  ...extra,
});

const cases: HelpCase[] = [
  {
    command: 'kubectl',
    file: 'root.txt',
    usage: 'kubectl [flags] [options]',
    aliases: [],
    // From every "... Commands:" section, in the help's order; "Subcommands provided by plugins" is empty.
    subcommands: [
      'create',
      'expose',
      'run',
      'set',
      'explain',
      'get',
      'edit',
      'delete',
      'rollout',
      'scale',
      'autoscale',
      'certificate',
      'cluster-info',
      'top',
      'cordon',
      'uncordon',
      'drain',
      'taint',
      'describe',
      'logs',
      'attach',
      'exec',
      'port-forward',
      'proxy',
      'cp',
      'auth',
      'debug',
      'events',
      'diff',
      'apply',
      'patch',
      'replace',
      'wait',
      'kustomize',
      'label',
      'annotate',
      'completion',
      'api-resources',
      'api-versions',
      'config',
      'plugin',
      'version',
    ],
    flagCount: 0,
    flags: [],
  },
  {
    command: 'kubectl get',
    file: 'get.txt',
    usage:
      'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 23,
    flags: [
      bool('all-namespaces', 'If present, list the requested object(s) across all namespaces.', { shorthand: 'A' }),
      {
        name: 'chunk-size',
        type: 'int',
        default: '500',
        help: 'Return large lists in chunks rather than all at once.',
      },
      // A sentence ends at a period before a space and a capital, digit, quote or "(": not at "'!='.(", not at "e.g. --".
      {
        name: 'field-selector',
        type: 'string',
        default: '',
        help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2).",
      },
      {
        name: 'filename',
        shorthand: 'f',
        type: 'stringArray',
        default: '[]',
        help: 'Filename, directory, or URL to files identifying the resource to get from a server.',
      },
      {
        name: 'output',
        shorthand: 'o',
        type: 'string',
        default: '',
        enum: [...OUTPUT_FORMATS, 'custom-columns', 'custom-columns-file', 'wide'],
        help: 'Output format.',
      },
      bool('watch', 'After listing/getting the requested object, watch for changes.', { shorthand: 'w' }),
    ],
  },
  {
    command: 'kubectl logs',
    file: 'logs.txt',
    usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 16,
    flags: [
      { name: 'container', shorthand: 'c', type: 'string', default: '', help: 'Print the logs of this container' },
      bool('follow', 'Specify if the logs should be streamed.', { shorthand: 'f' }),
      {
        name: 'pod-running-timeout',
        type: 'duration',
        default: '20s',
        help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      },
      {
        name: 'since',
        type: 'duration',
        default: '0s',
        help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h.',
      },
      { name: 'tail', type: 'int', default: '-1', help: 'Lines of recent log file to display.' },
    ],
  },
  {
    command: 'kubectl rollout',
    file: 'rollout.txt',
    usage: 'kubectl rollout SUBCOMMAND [options]',
    aliases: [],
    subcommands: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
    flagCount: 0,
    flags: [],
  },
  {
    command: 'kubectl create deployment',
    file: 'create-deployment.txt',
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
    // The command's own name comes first; the generator drops it.
    aliases: ['deployment', 'deploy'],
    subcommands: [],
    flagCount: 11,
    flags: [
      DRY_RUN,
      { name: 'image', type: 'stringArray', default: '[]', help: 'Image names to run.' },
      { name: 'replicas', shorthand: 'r', type: 'int', default: '1', help: 'Number of replicas to create.' },
      VALIDATE,
    ],
  },
  {
    command: 'kubectl create secret',
    file: 'create-secret.txt',
    usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
    aliases: [],
    subcommands: ['docker-registry', 'generic', 'tls'],
    flagCount: 0,
    flags: [],
  },
  {
    command: 'kubectl drain',
    file: 'drain.txt',
    usage: 'kubectl drain NODE [options]',
    aliases: [],
    subcommands: [],
    flagCount: 11,
    flags: [
      bool(
        'delete-emptydir-data',
        'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
      ),
      DRY_RUN,
      {
        name: 'grace-period',
        type: 'int',
        default: '-1',
        help: 'Period of time in seconds given to each pod to terminate gracefully.',
      },
      {
        name: 'timeout',
        type: 'duration',
        default: '0s',
        help: 'The length of time to wait before giving up, zero means infinite',
      },
    ],
  },
  {
    command: 'kubectl exec',
    file: 'exec.txt',
    usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 6,
    flags: [
      { name: 'container', shorthand: 'c', type: 'string', default: '', help: 'Container name.' },
      {
        name: 'filename',
        shorthand: 'f',
        type: 'stringArray',
        default: '[]',
        help: 'to use to exec into the resource',
      },
      {
        name: 'pod-running-timeout',
        type: 'duration',
        default: '1m0s',
        help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      },
      bool('stdin', 'Pass stdin to the container', { shorthand: 'i' }),
      bool('tty', 'Stdin is a TTY', { shorthand: 't' }),
    ],
  },
  {
    command: 'kubectl debug',
    file: 'debug.txt',
    usage: 'kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 24,
    flags: [
      // "...'" ends no sentence; "called.  Default" (two spaces) does.
      bool(
        'attach',
        "If true, wait for the container to start running, and then attach as if 'kubectl attach ...' were called.",
      ),
      { name: 'env', type: 'stringArray', default: '[]', help: 'Environment variables to set in the container.' },
      { name: 'image', type: 'string', default: '', help: 'Container image to use for debug container.' },
      {
        name: 'profile',
        type: 'string',
        default: 'legacy',
        enum: ['legacy', 'general', 'baseline', 'netadmin', 'restricted', 'sysadmin'],
        help: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".',
      },
    ],
  },
  {
    command: 'kubectl delete',
    file: 'delete.txt',
    usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
    aliases: [],
    subcommands: [],
    flagCount: 18,
    flags: [
      {
        name: 'cascade',
        type: 'string',
        default: 'background',
        enum: ['background', 'orphan', 'foreground'],
        help: 'Must be "background", "orphan", or "foreground".',
      },
      DRY_RUN,
      {
        name: 'grace-period',
        type: 'int',
        default: '-1',
        help: 'Period of time in seconds given to the resource to terminate gracefully.',
      },
      bool('wait', 'If true, wait for resources to be gone before returning.', { default: 'true' }),
    ],
  },
  {
    command: 'kubectl apply',
    file: 'apply.txt',
    usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
    aliases: [],
    // apply runs on its own but has subcommands: the parser lists them, the generator decides "group".
    subcommands: ['edit-last-applied', 'set-last-applied', 'view-last-applied'],
    flagCount: 24,
    flags: [DRY_RUN, bool('server-side', 'If true, apply runs in the server instead of the client.'), VALIDATE],
  },
  {
    command: 'kubectl expose',
    file: 'expose.txt',
    usage:
      'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 23,
    flags: [
      // "Default is 'TCP'" names a value, not the allowed ones: no enum.
      { name: 'protocol', type: 'string', default: '', help: 'The network protocol for the service to be created.' },
      {
        name: 'session-affinity',
        type: 'string',
        default: '',
        enum: ['None', 'ClientIP'],
        help: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
      },
      {
        name: 'type',
        type: 'string',
        default: '',
        enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
        help: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.',
      },
    ],
  },
  {
    command: 'kubectl patch',
    file: 'patch.txt',
    usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 14,
    flags: [
      { name: 'output', shorthand: 'o', type: 'string', default: '', enum: OUTPUT_FORMATS, help: 'Output format.' },
      {
        name: 'patch',
        shorthand: 'p',
        type: 'string',
        default: '',
        help: 'The patch to be applied to the resource JSON file.',
      },
      {
        name: 'type',
        type: 'string',
        default: 'strategic',
        enum: ['json', 'merge', 'strategic'],
        help: 'The type of patch being provided; one of [json merge strategic]',
      },
    ],
  },
  {
    command: 'kubectl run',
    file: 'run.txt',
    usage:
      'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 34,
    flags: [
      DRY_RUN,
      {
        name: 'override-type',
        type: 'string',
        default: 'merge',
        enum: ['json', 'merge', 'strategic'],
        help: 'The method used to override the generated object: json, merge, or strategic.',
      },
      {
        name: 'restart',
        type: 'string',
        default: 'Always',
        enum: ['Always', 'OnFailure', 'Never'],
        help: 'The restart policy for this Pod.',
      },
    ],
  },
  {
    command: 'kubectl top',
    file: 'top.txt',
    usage: 'kubectl top [flags] [options]',
    aliases: [],
    subcommands: ['node', 'pod'],
    flagCount: 0,
    flags: [],
  },
  {
    command: 'kubectl top pod',
    file: 'top-pod.txt',
    usage: 'kubectl top pod [NAME | -l label] [options]',
    aliases: ['pod', 'pods', 'po'],
    subcommands: [],
    flagCount: 8,
    flags: [
      bool('containers', 'If present, print usage of containers within a pod.'),
      {
        name: 'sort-by',
        type: 'string',
        default: '',
        enum: ['cpu', 'memory'],
        help: 'If non-empty, sort pods list using specified field.',
      },
    ],
  },
  {
    command: 'kubectl config view',
    file: 'config-view.txt',
    usage: 'kubectl config view [flags] [options]',
    aliases: [],
    subcommands: [],
    flagCount: 8,
    flags: [
      bool('minify', 'Remove all information not used by current-context from the output'),
      { name: 'output', shorthand: 'o', type: 'string', default: 'yaml', enum: OUTPUT_FORMATS, help: 'Output format.' },
    ],
  },
];

function flagNamed(flags: readonly RawFlag[], name: string): RawFlag {
  const flag = flags.find((f) => f.name === name);
  if (flag === undefined) throw new Error(`no --${name} among ${flags.map((f) => f.name).join(', ')}`);
  return flag;
}

describe.each(cases)('parseHelp: $command --help', (c) => {
  const help = parseHelp(fixture(c.file));
  it('reads the usage line', () => expect(help.usage).toBe(c.usage));
  it('reads the aliases', () => expect(help.aliases).toEqual(c.aliases));
  it('lists the subcommands', () => expect(help.subcommands).toEqual(c.subcommands));
  it('finds every flag block under "Options:"', () => expect(help.flags).toHaveLength(c.flagCount));
  if (c.flags.length > 0) {
    it.each(c.flags)('reads --$name', (expected) =>
      expect(flagSpecFromHelp(flagNamed(help.flags, expected.name))).toEqual(expected),
    );
  }
});

describe('sections of kubectl --help', () => {
  it('splits at every section header, the command groups included', () => {
    expect([...sections(fixture('root.txt')).keys()]).toEqual([
      'Description',
      'Basic Commands (Beginner)',
      'Basic Commands (Intermediate)',
      'Deploy Commands',
      'Cluster Management Commands',
      'Troubleshooting and Debugging Commands',
      'Advanced Commands',
      'Settings Commands',
      'Subcommands provided by plugins',
      'Other Commands',
      'Usage',
    ]);
  });
  it('keeps Aliases, Examples, Options and Usage apart', () => {
    expect([...sections(fixture('create-deployment.txt')).keys()]).toEqual([
      'Description',
      'Aliases',
      'Examples',
      'Options',
      'Usage',
    ]);
  });
});

describe('parseFlagBlocks: kubectl options (the global flags)', () => {
  const flags = parseFlagBlocks(fixture('options.txt').split('\n'));
  it('finds every flag block', () => expect(flags).toHaveLength(27));
  it('tells quoted defaults (string flags) from bare ones', () => {
    expect(flagNamed(flags, 'request-timeout')).toMatchObject({ default: '0', quoted: true });
    expect(flagNamed(flags, 'log-flush-frequency')).toMatchObject({ default: '5s', quoted: false });
    // "--vmodule=:" prints no default at all.
    expect(flagNamed(flags, 'vmodule')).toMatchObject({ default: '', quoted: false });
  });
  it.each<FlagSpec>([
    {
      name: 'as-group',
      type: 'stringArray',
      default: '[]',
      help: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
    },
    {
      name: 'cache-dir',
      type: 'string',
      default: '/tmp/kubectl-help-home/.kube/cache',
      help: 'Default cache directory',
    },
    {
      name: 'log-flush-frequency',
      type: 'duration',
      default: '5s',
      help: 'Maximum number of seconds between log flushes',
    },
    {
      name: 'namespace',
      shorthand: 'n',
      type: 'string',
      default: '',
      help: 'If present, the namespace scope for this CLI request',
    },
    {
      name: 'profile',
      type: 'string',
      default: 'none',
      enum: ['none', 'cpu', 'heap', 'goroutine', 'threadcreate', 'block', 'mutex'],
      help: 'Name of profile to capture.',
    },
    // Quoted, so a string, although "0" looks like an int.
    {
      name: 'request-timeout',
      type: 'string',
      default: '0',
      help: 'The length of time to wait before giving up on a single server request.',
    },
    { name: 'v', shorthand: 'v', type: 'int', default: '0', help: 'number for the log level verbosity' },
    {
      name: 'vmodule',
      type: 'string',
      default: '',
      help: 'comma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)',
    },
  ])('reads --$name', (expected) => expect(flagSpecFromHelp(flagNamed(flags, expected.name))).toEqual(expected));
});
