/**
 * The hidden flags: candidates kubectl's help does not list, and the probe that tells whether this
 * kubectl still accepts each one, of what type, and with what deprecation warning.
 */
import type { FlagSpec, FlagType } from '../schema-types.ts';
import { KNOWN_BARE_VALUES, ordered } from './flag-specs.ts';
import { deprecationWarning, probeBare, typeFromParseError } from './probes.ts';
import { probe, type Sandbox } from './sandbox.ts';

export interface DeprecationProbe {
  /** The command to try the flag on; [] for a global flag. */
  path: string[];
  flag: string;
  /** Used only when kubectl accepts the hidden flag: its help line and default are not printed anywhere. */
  help: string;
}

const RECORD_HELP =
  'Record current kubectl command in the resource annotation. If set to false, do not record the command.';

/**
 * Flags that kubectl may still accept with a deprecation warning (hidden from --help), or that it has
 * removed. Only the ones the binary accepts end up in the schema.
 */
export const DEPRECATION_PROBES: readonly DeprecationProbe[] = [
  ...[
    'annotate',
    'apply',
    'autoscale',
    'create',
    'delete',
    'edit',
    'expose',
    'label',
    'patch',
    'replace',
    'rollout pause',
    'rollout restart',
    'rollout resume',
    'rollout undo',
    'run',
    'scale',
    'set env',
    'set image',
    'set resources',
    'set selector',
    'set serviceaccount',
    'set subject',
    'taint',
  ].map((p) => ({ path: p.split(' '), flag: 'record', help: RECORD_HELP })),
  {
    path: ['apply'],
    flag: 'prune-whitelist',
    help: 'Overwrite the default allowlist with <group/version/kind> for --prune.',
  },
  { path: ['apply'], flag: 'server-dry-run', help: 'If true, request will be sent to server with dry-run flag.' },
  { path: ['autoscale'], flag: 'generator', help: 'The name of the API generator to use.' },
  { path: ['create', 'deployment'], flag: 'generator', help: 'The name of the API generator to use.' },
  {
    path: ['delete'],
    flag: 'include-uninitialized',
    help: 'If true, the kubectl command applies to uninitialized objects.',
  },
  {
    path: ['drain'],
    flag: 'delete-local-data',
    help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
  },
  { path: ['exec'], flag: 'pod', help: 'Pod name.' },
  { path: ['expose'], flag: 'container-port', help: 'Synonym for --target-port.' },
  { path: ['expose'], flag: 'generator', help: 'The name of the API generator to use.' },
  { path: ['get'], flag: 'export', help: 'If true, use export logic.' },
  {
    path: ['get'],
    flag: 'include-uninitialized',
    help: 'If true, the kubectl command applies to uninitialized objects.',
  },
  { path: ['logs'], flag: 'interactive', help: 'If true, prompt the user for input when required.' },
  { path: ['port-forward'], flag: 'pod', help: 'Pod name.' },
  { path: ['run'], flag: 'generator', help: 'The name of the API generator to use.' },
  { path: ['run'], flag: 'hostport', help: 'The host port mapping for the container port.' },
  { path: ['run'], flag: 'limits', help: 'The resource requirement limits for this container.' },
  { path: ['run'], flag: 'replicas', help: 'Number of replicas to create.' },
  { path: ['run'], flag: 'requests', help: 'The resource requirement requests for this container.' },
  { path: ['run'], flag: 'schedule', help: 'A schedule in the Cron format the job should be run with.' },
  { path: ['run'], flag: 'service-generator', help: 'The name of the generator to use for creating a service.' },
  { path: ['run'], flag: 'serviceaccount', help: 'Service account to set in the pod spec.' },
  { path: ['version'], flag: 'short', help: 'If true, print just the version number.' },
  // klog's flags, once global.
  ...[
    'add-dir-header',
    'alsologtostderr',
    'log-backtrace-at',
    'log-dir',
    'log-file',
    'log-file-max-size',
    'logtostderr',
    'one-output',
    'skip-headers',
    'skip-log-headers',
    'stderrthreshold',
  ].map((flag) => ({ path: [], flag, help: 'A klog logging flag.' })),
];

/**
 * Per type, a valid value to probe with and the default the schema records (a hidden flag's default is
 * printed nowhere).
 */
const DEFAULT_FOR_TYPE: Readonly<Record<FlagType, { probe: string; default: string }>> = {
  bool: { probe: 'false', default: 'false' },
  string: { probe: 'zz', default: '' },
  int: { probe: '0', default: '0' },
  float: { probe: '0', default: '0' },
  duration: { probe: '0s', default: '0s' },
  stringArray: { probe: 'zz', default: '[]' },
  stringSlice: { probe: 'zz', default: '[]' },
  map: { probe: 'a=b', default: '' },
};

/**
 * A hidden flag from DEPRECATION_PROBES: does kubectl know it (sentinel probe), of what type
 * (`--x=zz --help`), and what does it say about it (`--x=<valid value> --help`: cobra prints
 * "Flag --x has been deprecated, ..." once the parse has succeeded)? Nothing runs.
 */
export async function probeDeprecated(sb: Sandbox, candidate: DeprecationProbe): Promise<FlagSpec | 'unknown'> {
  const cmdPath = candidate.path.length > 0 ? candidate.path : ['version'];
  const bare = await probeBare(sb, cmdPath, candidate.flag);
  if (bare === 'unknown-flag') return 'unknown';
  const first = typeFromParseError(
    (await probe(sb, cmdPath, [`--${candidate.flag}=zz`, '--help'])).stderr,
    candidate.flag,
  );
  let type: FlagType = first === 'accepted' || first === undefined || first === 'unknown-flag' ? 'string' : first;
  if (type === 'string') {
    const second = typeFromParseError(
      (await probe(sb, cmdPath, [`--${candidate.flag}="zz`, '--help'])).stderr,
      candidate.flag,
    );
    if (second === 'stringSlice') type = 'stringSlice';
  }
  if (bare === 'bare' && type !== 'bool' && KNOWN_BARE_VALUES[candidate.flag] === undefined) {
    throw new Error(
      `kubectl ${cmdPath.join(' ')} accepts --${candidate.flag} without a value; add its value to KNOWN_BARE_VALUES`,
    );
  }
  const r = await probe(sb, cmdPath, [`--${candidate.flag}=${DEFAULT_FOR_TYPE[type].probe}`, '--help']);
  const warning = deprecationWarning(r.stderr + r.stdout, candidate.flag);
  const spec: FlagSpec = { name: candidate.flag, type, default: DEFAULT_FOR_TYPE[type].default, help: candidate.help };
  if (type === 'bool') spec.bare = 'true';
  else if (bare === 'bare') spec.bare = KNOWN_BARE_VALUES[candidate.flag] ?? '';
  if (warning !== undefined) spec.deprecated = `--${candidate.flag} has been deprecated, ${warning}`;
  return ordered(spec);
}
