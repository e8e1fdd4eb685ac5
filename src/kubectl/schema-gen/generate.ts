/**
 * Builds the KubectlSchema (src/kubectl/kubectl-schema.json, written by scripts/gen-kubectl-schema.ts)
 * from a real kubectl binary, so the snippet validator can check every kubectl command in the docs the
 * way kubectl itself would, without needing kubectl at build or test time. The output is
 * deterministic: commands sorted by path, flags by name, no timestamp; running it twice gives the same
 * bytes.
 *
 * What it reads from kubectl:
 *   - the command tree: `kubectl __complete <path...> ""` lists the candidates below a path, and
 *     `kubectl <path...> --help` ("Aliases:", "Usage:", "Options:" and the "... Commands:" sections);
 *   - the global flags: `kubectl options`;
 *   - flag types: from the default kubectl prints (its help quotes the default exactly when the flag's
 *     type is "string"), confirmed by probes where the default leaves room for doubt (see probeType);
 *   - which flags take no value (cobra's NoOptDefVal), which flags are required, which hidden flags are
 *     accepted with a deprecation warning, and which commands are groups: all by probing (probes.ts),
 *     each run in the sandbox of sandbox.ts (see SAFETY there: no probe can reach a cluster).
 */
import type { CommandSpec, FlagSpec, FlagType, KubectlSchema } from '../schema-types.ts';
import { extractEnum, firstSentence, parseFlagBlocks, parseHelp, typeFromDefault, type ParsedHelp, type RawFlag } from './help-parser.ts';
import { CONCURRENCY, mapPool } from './pool.ts';
import { completions, deprecationWarning, isGroup, probeBare, probeType, requiredFlags, typeFromParseError } from './probes.ts';
import { emptyReport, type Report } from './report.ts';
import { makeSandbox, normalizeHome, probe, removeSandbox, runKubectl, type Sandbox } from './sandbox.ts';

/**
 * The value a flag takes when written bare. kubectl's help does not print cobra's NoOptDefVal, so the
 * probes only tell WHETHER a flag has a bare form; the value comes from here (kubectl's source:
 * cmdutil.AddDryRunFlag, AddValidateFlags, delete's --cascade). Bools always take "true".
 */
const KNOWN_BARE_VALUES: Readonly<Record<string, string>> = {
  'dry-run': 'unchanged',
  cascade: 'background',
  validate: 'strict',
};

interface DeprecationProbe {
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
const DEPRECATION_PROBES: readonly DeprecationProbe[] = [
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
  { path: ['apply'], flag: 'prune-whitelist', help: 'Overwrite the default allowlist with <group/version/kind> for --prune.' },
  { path: ['apply'], flag: 'server-dry-run', help: 'If true, request will be sent to server with dry-run flag.' },
  { path: ['autoscale'], flag: 'generator', help: 'The name of the API generator to use.' },
  { path: ['create', 'deployment'], flag: 'generator', help: 'The name of the API generator to use.' },
  { path: ['delete'], flag: 'include-uninitialized', help: 'If true, the kubectl command applies to uninitialized objects.' },
  { path: ['drain'], flag: 'delete-local-data', help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
  { path: ['exec'], flag: 'pod', help: 'Pod name.' },
  { path: ['expose'], flag: 'container-port', help: 'Synonym for --target-port.' },
  { path: ['expose'], flag: 'generator', help: 'The name of the API generator to use.' },
  { path: ['get'], flag: 'export', help: 'If true, use export logic.' },
  { path: ['get'], flag: 'include-uninitialized', help: 'If true, the kubectl command applies to uninitialized objects.' },
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

// ---------------------------------------------------------------------------------------------------
// The walk

interface Node {
  path: string[];
  help: ParsedHelp;
  children: string[];
}

async function helpFor(sb: Sandbox, cmdPath: readonly string[], warnings: string[]): Promise<ParsedHelp> {
  const r = await runKubectl(sb, cmdPath, ['--help']);
  if (r.code === 0 && r.stdout.trim() === '' && r.stderr.trim() === '') {
    // `kubectl options --help` prints nothing at all (its templates only list the global flags).
    warnings.push(`kubectl ${cmdPath.join(' ')} --help prints nothing: usage line made up as "kubectl ${cmdPath.join(' ')}", no flags`);
    return { aliases: [], usage: `kubectl ${cmdPath.join(' ')}`, flags: [], subcommands: [] };
  }
  if (r.code !== 0 || !r.stdout.includes('Usage:')) {
    throw new Error(`kubectl ${cmdPath.join(' ')} --help failed (exit ${String(r.code)}):\n${r.stderr}`);
  }
  return parseHelp(r.stdout);
}

async function walk(sb: Sandbox, warnings: string[]): Promise<Node[]> {
  const nodes: Node[] = [];
  let level: string[][] = [[]];
  while (level.length > 0) {
    const found = await mapPool(level, CONCURRENCY, async (p): Promise<Node> => {
      const help = await helpFor(sb, p, warnings);
      let children: string[] = [];
      if (p.length === 0) {
        // The root's __complete lists every command, including help, options and completion, which
        // the root help's groups leave out (PATH is empty, so no plugin can show up here).
        children = await completions(sb, p);
        for (const s of help.subcommands) if (!children.includes(s)) children.push(s);
      } else if (help.subcommands.length > 0) {
        // Below the root, __complete mixes subcommands with argument values (shell names, resource
        // types): the help's "Available Commands" decides, and the two are compared.
        const offered = await completions(sb, p);
        children = help.subcommands;
        for (const s of children) {
          if (!offered.includes(s)) warnings.push(`kubectl ${p.join(' ')}: help lists "${s}" but __complete does not offer it`);
        }
      }
      return { path: p, help, children };
    });
    nodes.push(...found);
    level = found.flatMap((n) => n.children.map((c) => [...n.path, c]));
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------------------
// Flags

async function buildFlags(sb: Sandbox, cmdPath: readonly string[], raw: readonly RawFlag[], report: Report): Promise<FlagSpec[]> {
  const where = cmdPath.length > 0 ? `kubectl ${cmdPath.join(' ')}` : 'global';
  const probePath = cmdPath.length > 0 ? cmdPath : ['version'];
  return mapPool(raw, CONCURRENCY, async (f): Promise<FlagSpec> => {
    const guess = typeFromDefault(f);
    let type = guess;
    if (!f.quoted && guess !== 'bool') {
      const probed = await probeType(sb, probePath, f, guess);
      type = probed.type;
      if (probed.note !== undefined) report.typeNotes.push(`${where} ${probed.note}`);
    }
    const spec: FlagSpec = { name: f.name, type, default: normalizeHome(sb, f.default), help: normalizeHome(sb, firstSentence(f.description)) };
    if (f.shorthand !== undefined) spec.shorthand = f.shorthand;
    if (type === 'bool') {
      spec.bare = 'true';
    } else {
      const bare = await probeBare(sb, probePath, f.name);
      if (bare === 'unknown-flag') throw new Error(`${where}: kubectl rejects --${f.name}, which its help lists`);
      if (bare === 'bare') {
        const value = KNOWN_BARE_VALUES[f.name];
        if (value === undefined) {
          throw new Error(`${where} accepts --${f.name} without a value, but the value it takes is not known: add it to KNOWN_BARE_VALUES`);
        }
        spec.bare = value;
        report.bare.push(`${where} --${f.name} (bare = "${value}")`);
      }
    }
    const values = extractEnum(f.description);
    if (values !== undefined && values.length > 0) spec.enum = values;
    return ordered(spec);
  });
}

/** The keys of a FlagSpec in one fixed order, so the JSON is stable. */
function ordered(f: FlagSpec): FlagSpec {
  return {
    name: f.name,
    ...(f.shorthand !== undefined ? { shorthand: f.shorthand } : {}),
    type: f.type,
    default: f.default,
    ...(f.bare !== undefined ? { bare: f.bare } : {}),
    ...(f.enum !== undefined ? { enum: f.enum } : {}),
    ...(f.deprecated !== undefined ? { deprecated: f.deprecated } : {}),
    help: f.help,
  };
}

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
async function probeDeprecated(sb: Sandbox, candidate: DeprecationProbe): Promise<FlagSpec | 'unknown'> {
  const cmdPath = candidate.path.length > 0 ? candidate.path : ['version'];
  const bare = await probeBare(sb, cmdPath, candidate.flag);
  if (bare === 'unknown-flag') return 'unknown';
  const first = typeFromParseError((await probe(sb, cmdPath, [`--${candidate.flag}=zz`, '--help'])).stderr, candidate.flag);
  let type: FlagType = first === 'accepted' || first === undefined || first === 'unknown-flag' ? 'string' : first;
  if (type === 'string') {
    const second = typeFromParseError((await probe(sb, cmdPath, [`--${candidate.flag}="zz`, '--help'])).stderr, candidate.flag);
    if (second === 'stringSlice') type = 'stringSlice';
  }
  if (bare === 'bare' && type !== 'bool' && KNOWN_BARE_VALUES[candidate.flag] === undefined) {
    throw new Error(`kubectl ${cmdPath.join(' ')} accepts --${candidate.flag} without a value; add its value to KNOWN_BARE_VALUES`);
  }
  const r = await probe(sb, cmdPath, [`--${candidate.flag}=${DEFAULT_FOR_TYPE[type].probe}`, '--help']);
  const warning = deprecationWarning(r.stderr + r.stdout, candidate.flag);
  const spec: FlagSpec = { name: candidate.flag, type, default: DEFAULT_FOR_TYPE[type].default, help: candidate.help };
  if (type === 'bool') spec.bare = 'true';
  else if (bare === 'bare') spec.bare = KNOWN_BARE_VALUES[candidate.flag] ?? '';
  if (warning !== undefined) spec.deprecated = `--${candidate.flag} has been deprecated, ${warning}`;
  return ordered(spec);
}

// ---------------------------------------------------------------------------------------------------
// Assembly

/** "v1.32.4-dispatcher" (the Google Cloud SDK's dispatching kubectl) -> "v1.32.4"; keeps -alpha.N, -beta.N, -rc.N. */
function cleanVersion(gitVersion: string): string {
  const m = /^v\d+\.\d+\.\d+(?:-(?:alpha|beta|rc)\.\d+)?/.exec(gitVersion);
  return m ? m[0] : gitVersion;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const byName = (a: FlagSpec, b: FlagSpec): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export interface GeneratedSchema {
  schema: KubectlSchema;
  /** What the probes found, for the person running the generator to review. */
  report: Report;
  /** How many times kubectl was run. */
  runs: number;
}

/**
 * Probes `kubectl` (an executable file) in a fresh sandbox, removed afterwards, and assembles the
 * schema. Progress goes to `log`.
 */
export async function generateKubectlSchema(kubectl: string, log: (line: string) => void): Promise<GeneratedSchema> {
  const sb = makeSandbox(kubectl);
  try {
    if (sb.isolate.length === 0) log('note: no network namespace available (unshare); probes rely on --server=https://127.0.0.1:9 alone');

    const versionRun = await runKubectl(sb, ['version'], ['--client', '-o', 'json']);
    let gitVersion: string;
    try {
      const parsed = JSON.parse(versionRun.stdout) as { clientVersion?: { gitVersion?: unknown } };
      const v = parsed.clientVersion?.gitVersion;
      if (typeof v !== 'string') throw new Error('no clientVersion.gitVersion');
      gitVersion = v;
    } catch (err) {
      throw new Error(`${sb.kubectl} does not look like kubectl: \`kubectl version --client -o json\` gave ${String(err)}\n${versionRun.stderr}`);
    }
    const version = cleanVersion(gitVersion);
    log(`kubectl ${gitVersion} at ${sb.kubectl} -> ${version}`);
    if (!version.startsWith('v1.32.')) log(`warning: expected a v1.32 client, got ${version}`);

    const report = emptyReport();

    const optionsRun = await runKubectl(sb, ['options']);
    const globalRaw = parseFlagBlocks(optionsRun.stdout.split('\n'));
    if (globalRaw.length === 0) throw new Error(`kubectl options printed no flags:\n${optionsRun.stderr}`);
    const globalFlags = await buildFlags(sb, [], globalRaw, report);
    const globalByName = new Map(globalFlags.map((f) => [f.name, f]));

    const nodes = (await walk(sb, report.warnings)).filter((n) => n.path.length > 0);
    log(`${nodes.length} commands; probing flags…`);

    const commands: CommandSpec[] = [];
    for (const node of nodes) {
      const name = node.path[node.path.length - 1] ?? '';
      const aliases = node.help.aliases.filter((a) => a !== name);
      if (node.help.aliases.length > 0 && node.help.aliases[0] !== name) {
        report.warnings.push(`kubectl ${node.path.join(' ')}: aliases line "${node.help.aliases.join(', ')}" does not start with the command's name`);
      }
      // The help's "Options:" lists the command's own flags only (the inherited ones are in
      // `kubectl options`). A listed flag that is the global flag again is dropped; one that shares a
      // global flag's name but is another flag (config set-cluster --server, no -s) is the command's own.
      const flags = (await buildFlags(sb, node.path, node.help.flags, report)).filter((f) => {
        const g = globalByName.get(f.name);
        if (g === undefined) return true;
        const same = g.type === f.type && g.shorthand === f.shorthand && g.default === f.default && g.help === f.help;
        if (!same) report.shadowing.push(`kubectl ${node.path.join(' ')} --${f.name} (its own flag, shadows the global one)`);
        return !same;
      });
      const group = await isGroup(sb, node.path, node.children, report.warnings);
      const required = group ? { flags: [], how: '' } : await requiredFlags(sb, node.path, report.warnings);
      if (required.flags.length > 0) report.required.push(`kubectl ${node.path.join(' ')}: ${required.flags.map((f) => `--${f}`).join(', ')} (${required.how})`);
      commands.push({ path: node.path, aliases, usage: node.help.usage, flags, requiredFlags: required.flags, group });
    }

    // Hidden flags that kubectl accepts with a deprecation warning.
    const byPath = new Map(commands.map((c) => [c.path.join(' '), c]));
    for (const probe of DEPRECATION_PROBES) {
      const key = probe.path.join(' ');
      const where = probe.path.length > 0 ? `kubectl ${key} --${probe.flag}` : `global --${probe.flag}`;
      const target = probe.path.length > 0 ? byPath.get(key)?.flags : globalFlags;
      if (target === undefined) {
        report.warnings.push(`${where}: no such command`);
        continue;
      }
      if (target.some((f) => f.name === probe.flag)) {
        report.warnings.push(`${where}: listed in the help, so not hidden or deprecated`);
        continue;
      }
      const result = await probeDeprecated(sb, probe);
      if (result === 'unknown') {
        report.deprecatedRejected.push(where);
      } else {
        target.push(result);
        if (result.deprecated !== undefined) report.deprecatedAccepted.push(`${where} (${result.type}): "${result.deprecated}"`);
        else report.hiddenAccepted.push(`${where} (${result.type}): hidden, no deprecation warning`);
      }
    }

    for (const c of commands) c.flags.sort(byName);
    globalFlags.sort(byName);
    commands.sort((a, b) => comparePaths(a.path, b.path));

    const schema: KubectlSchema = {
      kubectlVersion: version,
      generatedBy: `scripts/gen-kubectl-schema.ts from kubectl ${version}`,
      globalFlags,
      commands,
    };
    return { schema, report, runs: sb.runs };
  } finally {
    removeSandbox(sb);
  }
}

/** The schema file's bytes: two-space JSON and a final newline, so a rerun on the same kubectl changes nothing. */
export function schemaJson(schema: KubectlSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
