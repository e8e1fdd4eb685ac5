/**
 * Checks one kubectl invocation the way kubectl would, before any server is involved: the command
 * path, every flag (shorthand clusters, --flag=value, --flag value, bare forms), value types and enums,
 * required flags, positional arguments per command, resource types, patch bodies, JSONPath, custom
 * columns, templates and label selectors; removed things are errors, deprecated ones warnings.
 */
import { closest, typingDistance } from '../text/edit-distance.ts';
import {
  flagsByName,
  parseKubectlArgv,
  type ArgvProblem,
  type KubectlArg,
  type KubectlArgv,
  type ParsedFlag,
} from './argv.ts';
import type { KubectlModel } from './model.ts';
import { ROLLOUT_KINDS } from './resources.ts';
import { checkArgumentRules, isUpdate } from './argument-rules.ts';
import type { FlagSpec, RemovedFlag } from './schema-types.ts';
import {
  checkCustomColumns,
  checkFieldSelector,
  checkFlagValue,
  checkGoTemplate,
  checkJsonPath,
  checkLabelSelector,
  checkPatchBody,
  checkTaint,
  checkTolerations,
} from './syntax.ts';
import { parse as parseYaml } from 'yaml';

export type { KubectlArg } from './argv.ts';

export interface Finding {
  start: number;
  end: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  hint?: string;
}

/** Annotations that still parse but no longer do anything. */
export const DEPRECATED_ANNOTATIONS: Record<string, string> = {
  'scheduler.alpha.kubernetes.io/critical-pod':
    'the critical-pod annotation is ignored since Kubernetes 1.16: set priorityClassName (system-cluster-critical or system-node-critical) in the pod spec',
};

const DEPRECATED_VALUES: Record<string, Record<string, string>> = {
  cascade: {
    true: '--cascade=true is deprecated (boolean value) and can be replaced with --cascade=background',
    false: '--cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan',
  },
};

/** How each command reads its positional arguments. */
type Positional = 'types' | 'rollout' | 'scale' | 'pod' | 'exec' | 'explain' | 'other';
const POSITIONAL: Record<string, Positional> = {
  get: 'types',
  describe: 'types',
  delete: 'types',
  edit: 'types',
  patch: 'types',
  label: 'types',
  annotate: 'types',
  wait: 'types',
  autoscale: 'scale',
  expose: 'types',
  'set image': 'types',
  'set env': 'types',
  'set resources': 'types',
  'set selector': 'types',
  'set serviceaccount': 'types',
  'set subject': 'types',
  taint: 'types',
  'rollout restart': 'rollout',
  'rollout undo': 'rollout',
  'rollout status': 'rollout',
  'rollout history': 'rollout',
  'rollout pause': 'rollout',
  'rollout resume': 'rollout',
  scale: 'scale',
  logs: 'pod',
  attach: 'pod',
  'port-forward': 'pod',
  debug: 'pod',
  exec: 'exec',
  explain: 'explain',
};

type Flags = ReadonlyMap<string, ParsedFlag[]>;

export interface CheckOptions {
  /** kubectl's environment as the command shows it (`KUBECTL_APPLYSET=true kubectl apply …`). */
  env?: ReadonlyMap<string, string>;
}

export function checkKubectl(args: readonly KubectlArg[], model: KubectlModel, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (arg, severity, rule, message, hint) => {
    const at = arg ?? args[0];
    findings.push({ start: at?.start ?? 0, end: at?.end ?? 0, severity, rule, message, ...(hint ? { hint } : {}) });
  };
  const parsed = parseKubectlArgv(args, model, { env: options.env ?? new Map() });
  const flags = flagsByName(parsed);
  // With -h/--help kubectl parses the flags (their types too), then prints the help: nothing else is checked.
  const help = flags.has('help');
  const effects = model.root.children.get('taint')?.spec?.taintEffects ?? [];
  for (const flag of parsed.flags) checkValue(flag.spec, flag.value, flag.arg, flags, report, help, effects);
  const problem = parsed.problems[0];
  if (problem) {
    reportProblem(problem, report, model.plugins, model.removedGlobalFlags);
    return findings;
  }
  if (help) return findings;
  const { node, positionals } = parsed;
  const spec = node.spec;
  const path = parsed.path.join(' ');

  if (spec?.group) {
    // Parsing descended into every subcommand it recognised: a word left here is none of them.
    const next = positionals[0];
    if (next?.placeholder) return findings;
    const choices = [...new Set([...node.children.values()].map((c) => c.spec?.path.at(-1) ?? ''))]
      .filter(Boolean)
      .sort();
    const guess = next ? closest(next.value, choices) : undefined;
    report(
      next ?? args[parsed.pathEnd - 1],
      'error',
      next ? 'kubectl/unknown-command' : 'kubectl/needs-subcommand',
      next ? `unknown command "${next.value}" for "${node.display}"` : `"${node.display}" needs a subcommand`,
      guess ? `did you mean "${node.display} ${guess}"?` : `one of: ${choices.join(', ')}`,
    );
    return findings;
  }

  for (const required of spec?.requiredFlags ?? []) {
    if (!flags.has(required))
      report(
        args[parsed.pathEnd - 1],
        'error',
        'kubectl/required-flag',
        `required flag(s) "${required}" not set`,
        `add --${required}=…`,
      );
  }

  for (const f of checkArgumentRules(spec?.args, path, spec?.usage ?? '', parsed, args[parsed.pathEnd - 1]))
    report(f.at, 'error', f.rule, f.message, f.hint);
  if (spec?.taintEffects) {
    for (const update of parsed.positionals.filter((p) => !p.placeholder && isUpdate(p, path, spec.args))) {
      const problem = checkTaint(update.value, spec.taintEffects);
      if (problem)
        report(
          update,
          'error',
          'kubectl/taint',
          problem,
          'a taint is key=value:effect; key:effect- or key- removes one',
        );
    }
  }

  if (path === 'cp') checkCopy(parsed.positionals, args[parsed.pathEnd - 1], report);

  const rule = POSITIONAL[path];
  if (rule) checkPositionals(rule, path, parsed, flags, model, report);
  return findings;
}

/** kubectl cp: a source and a destination, one of them in a pod (POD:PATH). kubectl's messages. */
function checkCopy(positionals: readonly KubectlArg[], at: KubectlArg | undefined, report: Report): void {
  if (positionals.some((p) => p.placeholder)) return;
  if (positionals.length !== 2) {
    report(
      at,
      'error',
      'kubectl/missing-argument',
      'source and destination are required',
      'kubectl cp SOURCE DESTINATION',
    );
  } else if (!positionals.some((p) => /^[^/.][^/]*:/.test(p.value))) {
    report(
      positionals[0],
      'error',
      'kubectl/cp-remote',
      'one of src or dest must be a remote file specification',
      'write the pod side as POD:PATH (or NAMESPACE/POD:PATH)',
    );
  }
}

/** Findings that say a command is incomplete (`kubectl logs`, `kubectl apply -f`) rather than wrong. */
const INCOMPLETE = new Set([
  'kubectl/missing-command',
  'kubectl/missing-flag',
  'kubectl/missing-update',
  'kubectl/needs-subcommand',
  'kubectl/flag-needs-value',
  'kubectl/required-flag',
  'kubectl/missing-argument',
  'kubectl/exec-needs-command',
]);

/**
 * Whether the words after `kubectl` mention a command rather than give one to run, as prose does in
 * inline code: no arguments, and nothing wrong but that it is incomplete (`kubectl logs`, `kubectl
 * exec`, `kubectl rollout`, `kubectl apply -f`). `kubectl gett` is no mention but a mistake.
 */
export function isMention(args: readonly KubectlArg[], model: KubectlModel): boolean {
  const parsed = parseKubectlArgv(args, model, { tolerant: true });
  if (parsed.positionals.length > 0 || parsed.afterDashes !== undefined) return false;
  const errors = checkKubectl(args, model).filter((f) => f.severity === 'error');
  return errors.length > 0 && errors.every((f) => INCOMPLETE.has(f.rule));
}

type Report = (
  arg: KubectlArg | undefined,
  severity: Finding['severity'],
  rule: string,
  message: string,
  hint?: string,
) => void;

/**
 * Whether an unknown command word is a slip of the keyboard for one of kubectl's commands rather than
 * a plugin's name: one edit from a command of up to four letters (two from a longer one, an exchange
 * of neighbouring letters counting as one), or the start of one. kubectl's own "Did you mean" is
 * looser (two edits for any word), and would take the ctx and ns plugins for typos of cp.
 */
function looksLikeTypo(word: string, commands: readonly string[]): boolean {
  const lower = word.toLowerCase();
  const allowed = lower.length <= 4 ? 1 : 2;
  return commands.some(
    (c) =>
      (Math.abs(c.length - lower.length) <= allowed && typingDistance(lower, c) <= allowed) ||
      (lower.length >= 3 && c.startsWith(lower)),
  );
}

function reportProblem(
  problem: ArgvProblem,
  report: Report,
  plugins: ReadonlySet<string> | undefined,
  removedGlobalFlags: ReadonlyMap<string, RemovedFlag>,
): void {
  switch (problem.kind) {
    case 'unknown-command': {
      const word = problem.arg.value;
      const commands = [...problem.node.children.keys()];
      const plugin = plugins?.has(word) || !looksLikeTypo(word, commands);
      if (plugin && problem.flagBefore) {
        report(
          problem.flagBefore,
          'error',
          'kubectl/flag-before-plugin',
          `flags cannot be placed before plugin name: ${problem.flagBefore.value}`,
          `kubectl runs "${word}" as the plugin kubectl-${word}, and takes no flags before it: move them after "${word}"`,
        );
      } else if (plugin) {
        report(
          problem.arg,
          'warning',
          'kubectl/plugin',
          `kubectl ${word}: plugin: not checked`,
          `"${word}" is no kubectl command, so kubectl runs the plugin kubectl-${word} from PATH (krew installs plugins)`,
        );
      } else {
        const guess = closest(word, commands);
        report(
          problem.arg,
          'error',
          'kubectl/unknown-command',
          `unknown command "${word}" for "kubectl"`,
          guess ? `did you mean "kubectl ${guess}"?` : 'run kubectl --help for the list of commands',
        );
      }
      return;
    }
    case 'missing-command':
      report(problem.arg, 'error', 'kubectl/missing-command', 'kubectl needs a command', 'such as kubectl get pods');
      return;
    case 'unknown-flag': {
      const { arg, name, node } = problem;
      const removed = node.spec?.removedFlags?.find((f) => f.name === name) ?? removedGlobalFlags.get(name);
      if (problem.needsEnv) {
        report(
          arg,
          'error',
          'kubectl/flag-needs-switch',
          `unknown flag: --${name}: kubectl has it only with ${problem.needsEnv} set`,
          `write ${problem.needsEnv} ${node.display} …, or export ${problem.needsEnv} first`,
        );
      } else if (removed) {
        report(
          arg,
          'error',
          'kubectl/removed-flag',
          `unknown flag: --${name}: ${removed.lastSeen ? `kubectl ${removed.lastSeen} was the last to have it` : 'kubectl removed it'}`,
          removed.hint,
        );
      } else {
        const guess = closest(name, node.flags.byName.keys());
        report(
          arg,
          'error',
          'kubectl/unknown-flag',
          `unknown flag: --${name} for "${node.display}"`,
          guess ? `did you mean --${guess}?` : `see ${node.display} --help`,
        );
      }
      return;
    }
    case 'unknown-shorthand':
      report(
        problem.arg,
        'error',
        'kubectl/unknown-flag',
        `unknown shorthand flag: '${problem.letter}' in ${problem.arg.value}`,
        `see ${problem.node.display} --help`,
      );
      return;
    case 'flag-needs-value':
      report(
        problem.arg,
        'error',
        'kubectl/flag-needs-value',
        problem.flag.startsWith('--')
          ? `flag needs an argument: ${problem.flag}`
          : `flag needs an argument: '${problem.flag.slice(1)}' in ${problem.flag}`,
      );
  }
}

function checkValue(
  flag: FlagSpec,
  value: string | undefined,
  at: KubectlArg,
  flags: Flags,
  report: Report,
  parseOnly: boolean,
  taintEffects: readonly string[],
): void {
  if (flag.deprecated)
    report(at, 'warning', 'kubectl/deprecated-flag', `--${flag.name} is deprecated`, flag.deprecated);
  if (value === undefined) {
    if (flag.name === 'dry-run')
      report(
        at,
        'warning',
        'kubectl/deprecated-flag',
        '--dry-run without a value is deprecated',
        'write --dry-run=client (or server)',
      );
    return;
  }
  if (at.placeholder) return;
  const deprecatedValue = DEPRECATED_VALUES[flag.name]?.[value];
  if (deprecatedValue) {
    report(at, 'warning', 'kubectl/deprecated-value', deprecatedValue);
    return;
  }
  // --request-timeout is a string kubectl reads as a whole number of seconds or a duration.
  if (flag.name === 'request-timeout' && checkFlagValue('int', value) && checkFlagValue('duration', value)) {
    report(
      at,
      'error',
      'kubectl/flag-value',
      'Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
    );
    return;
  }
  const typeProblem = checkFlagValue(flag.type, value);
  if (typeProblem) {
    report(at, 'error', 'kubectl/flag-value', `--${flag.name} ${typeProblem}`);
    return;
  }
  if (parseOnly) return;
  if (flag.name === 'output') {
    checkOutput(value, flag, flags.get('template')?.at(-1)?.value, at, report);
    return;
  }
  if (flag.enum && !flag.enum.includes(value)) {
    const guess = closest(value, flag.enum);
    report(
      at,
      'error',
      'kubectl/flag-value',
      `--${flag.name} must be one of ${flag.enum.join(', ')}, not "${value}"`,
      guess ? `did you mean --${flag.name}=${guess}?` : undefined,
    );
    return;
  }
  if (flag.name === 'selector' || flag.name === 'field-selector') {
    const problem = flag.name === 'selector' ? checkLabelSelector(value) : checkFieldSelector(value);
    if (problem) report(at, 'error', 'kubectl/selector', `--${flag.name}: ${problem}`);
  }
  if (flag.name === 'patch') {
    const patchType = flags.get('type')?.[0]?.value ?? 'strategic';
    const problem = checkPatchBody(value, patchType);
    if (problem) report(at, 'error', 'kubectl/patch-body', problem);
    for (const [annotation, why] of Object.entries(DEPRECATED_ANNOTATIONS)) {
      if (value.includes(annotation))
        report(at, 'warning', 'kubectl/deprecated-annotation', `${annotation} is deprecated`, why);
    }
  }
  if ((flag.name === 'patch' || flag.name === 'overrides') && value.includes('tolerations')) {
    const problem = checkTolerations(parseBody(value), taintEffects);
    if (problem) report(at, 'error', 'kubectl/toleration', problem, 'see kubectl explain pod.spec.tolerations');
  }
}

/** A JSON or YAML body as data, or undefined when it is neither. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text) as unknown;
    } catch {
      return undefined;
    }
  }
}

/**
 * -o FORMAT or -o FORMAT=ARGUMENT; the template formats take their argument after "=" or from
 * --template (`-o go-template --template='{{.metadata.name}}'`), as kubectl's printer flags do.
 */
function checkOutput(
  value: string,
  flag: FlagSpec,
  templateFlag: string | undefined,
  at: KubectlArg,
  report: Report,
): void {
  const eq = value.indexOf('=');
  const format = eq < 0 ? value : value.slice(0, eq);
  const argument = eq < 0 ? (templateFlag === '' ? undefined : templateFlag) : value.slice(eq + 1);
  if (flag.enum && !flag.enum.includes(format)) {
    const guess = closest(format, flag.enum);
    report(
      at,
      'error',
      'kubectl/output-format',
      `unable to match a printer suitable for the output format "${format}"`,
      guess ? `did you mean -o ${guess}?` : `one of: ${flag.enum.join(', ')}`,
    );
    return;
  }
  const needsArgument = ['jsonpath', 'jsonpath-as-json', 'go-template', 'template', 'custom-columns'].includes(format);
  if (needsArgument && !argument) {
    report(at, 'error', 'kubectl/output-format', `-o ${format} needs a template: -o ${format}=…`);
    return;
  }
  const problem =
    argument === undefined
      ? undefined
      : format.startsWith('jsonpath') && !format.endsWith('-file')
        ? checkJsonPath(argument)
        : format === 'custom-columns'
          ? checkCustomColumns(argument)
          : format === 'go-template' || format === 'template'
            ? checkGoTemplate(argument)
            : undefined;
  if (problem) report(at, 'error', 'kubectl/output-template', problem);
}

function checkPositionals(
  rule: Positional,
  path: string,
  parsed: KubectlArgv,
  flags: Flags,
  model: KubectlModel,
  report: Report,
): void {
  const { positionals, afterDashes } = parsed;
  const resources = model.resources;
  const checkType = (typeWord: string, at: KubectlArg) => {
    for (const type of typeWord.split(',')) {
      if (type === '' || type === 'all') continue;
      const resource = resources.resolve(type);
      if (!resource) {
        const gone = resources.removed(type);
        if (gone) {
          const named = type.split('.')[1] ?? '';
          const versions = gone.versions.includes(named) ? [named] : gone.versions;
          const what = gone.typeRemoved ? gone.kind : `${gone.group}/${versions.join(', ')} ${gone.kind}`;
          report(
            at,
            'error',
            'kubectl/removed-api',
            `${what} is no longer served: it was removed in Kubernetes ${gone.removedIn}`,
            `use ${gone.replacement}`,
          );
          continue;
        }
        // A near miss (deploymnets), else a type the word contains (old-deployments).
        const lower = type.toLowerCase();
        const guess =
          closest(lower, resources.names, 3) ??
          resources.names
            .filter((n) => n.length > 3 && !n.includes('.') && lower.includes(n))
            .sort((a, b) => b.length - a.length)[0];
        report(
          at,
          'error',
          'kubectl/unknown-resource',
          `the server doesn't have a resource type "${type}"`,
          guess
            ? `did you mean ${guess}?`
            : 'a custom resource is known from its CustomResourceDefinition in the docs, or from kubectl-custom-resources.yaml',
        );
        continue;
      }
      if (resource.featureGate)
        report(at, 'warning', 'kubectl/feature-gated-resource', `${resource.name}: ${resource.featureGate}`);
      if (resource.deprecated)
        report(at, 'warning', 'kubectl/deprecated-resource', `${resource.name} is deprecated`, resource.deprecated);
      if (rule === 'rollout' && !ROLLOUT_KINDS.includes(resource.kind)) {
        report(
          at,
          'error',
          'kubectl/rollout-kind',
          `kubectl rollout does not support ${resource.kind}`,
          `rollout works on ${ROLLOUT_KINDS.join(', ')}`,
        );
      }
      if (rule === 'rollout' && /pause|resume/.test(path) && resource.kind !== 'Deployment') {
        report(at, 'error', 'kubectl/rollout-kind', `kubectl ${path} works on Deployments only, not ${resource.kind}`);
      }
      if (path === 'taint' && resource.kind !== 'Node') {
        report(at, 'error', 'kubectl/taint', `invalid resource type ${type}, only node types are supported`);
      }
      if (rule === 'scale' && !resource.scale) {
        report(
          at,
          'error',
          'kubectl/scale-kind',
          `kubectl ${path} does not support ${resource.kind}: it has no /scale subresource`,
          'scale works on Deployments, ReplicaSets, StatefulSets, ReplicationControllers and custom resources with a scale subresource',
        );
      }
    }
  };
  if (rule === 'explain') {
    const first = positionals[0];
    if (first && !first.placeholder) checkType(first.value.split('.')[0] ?? '', first);
    return;
  }
  if (rule === 'pod' || rule === 'exec') {
    const first = positionals[0];
    if (first && !first.placeholder && first.value.includes('/')) checkType(first.value.split('/')[0]!, first);
    if (path === 'logs' && flags.has('selector') && first) {
      report(
        first,
        'error',
        'kubectl/logs-selector-and-name',
        'only a selector (-l) or a POD name is allowed',
        'drop the name, or the -l selector',
      );
    }
    if (rule === 'exec') {
      if (positionals.length > 1) {
        report(
          positionals[1],
          'error',
          'kubectl/exec-needs-dashdash',
          'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
          `write: kubectl exec ${positionals[0]?.value ?? 'POD'} -- ${positionals
            .slice(1)
            .map((p) => p.value)
            .join(' ')}`,
        );
      } else if (!afterDashes || afterDashes.length === 0) {
        report(
          positionals[0],
          'error',
          'kubectl/exec-needs-command',
          'you must specify at least one command for the container',
          'add -- and the command, such as -- sh',
        );
      }
    }
    return;
  }
  // types, rollout, scale: TYPE NAME..., TYPE/NAME..., TYPE1,TYPE2. Key operations are not resources:
  // label/annotate KEY=VALUE and KEY-, set env KEY=VALUE, set image CONTAINER=IMAGE.
  const isKeyOperation = (p: KubectlArg) => isUpdate(p, path, parsed.node.spec?.args);
  const resourceArgs = positionals.filter((p) => !isKeyOperation(p));
  const first = resourceArgs[0];
  if (!first) return;
  const slashForms = resourceArgs.filter((p) => !p.placeholder && p.value.includes('/'));
  if (slashForms.length > 0) {
    if (!first.value.includes('/') && !first.placeholder) {
      report(
        first,
        'error',
        'kubectl/resource-name-form',
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      );
    }
    for (const p of slashForms) checkType(p.value.split('/')[0]!, p);
  } else if (!first.placeholder) {
    checkType(first.value, first);
  }
  if (path === 'label' || path === 'annotate') {
    for (const p of positionals.filter(isKeyOperation)) {
      for (const [annotation, why] of Object.entries(DEPRECATED_ANNOTATIONS)) {
        if (p.value.startsWith(annotation))
          report(p, 'warning', 'kubectl/deprecated-annotation', `${annotation} is deprecated`, why);
      }
    }
  }
}
