/**
 * Reading alerting rules as Prometheus and the Prometheus Operator take them: a rule file
 * (`groups: [{ name, rules: [...] }]`) or a PrometheusRule manifest (`kind: PrometheusRule`,
 * `spec.groups`), several YAML documents to a file, and Kubernetes `List`s of manifests (what
 * `kubectl get prometheusrules -o yaml` prints). Recording rules are skipped. Every alert keeps the
 * file and line it was read from, and every problem names its file, line and column.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../checks/diagnostics.ts';

export interface RuleAlert {
  /** The alert's name (`alert:`). */
  name: string;
  /** The name of its rule group. */
  group: string;
  file: string;
  /** 1-based line of the rule's `alert:` key. */
  line: number;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleFileRead {
  alerts: RuleAlert[];
  diagnostics: Diagnostic[];
}

const PROMETHEUS_RULE_KIND = 'PrometheusRule';

/** The alerts of one rule file's text; `file` is how messages name it. */
export function readRuleFile(file: string, text: string): RuleFileRead {
  const lines = new LineCounter();
  const alerts: RuleAlert[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (node: YamlNode | undefined | null, fallback = 0) => {
    const offset = node?.range?.[0] ?? fallback;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const problem = (node: YamlNode | undefined | null, rule: string, message: string, hint: string, fallback = 0) =>
    diagnostics.push({ file, ...at(node, fallback), severity: 'error', rule, message, hint });

  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const { line, col } = lines.linePos(error.pos[0]);
        diagnostics.push({
          file,
          line,
          column: col,
          severity: 'error',
          rule: 'alerts/yaml',
          message: `not valid YAML: ${error.message.split('\n')[0]}`,
          hint: 'fix the YAML syntax (indentation, quotes, a missing colon)',
        });
      }
      continue;
    }
    const root = doc.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) continue; // empty document
    readManifest(root, 'document');
  }
  return { alerts, diagnostics };

  /** One document, or one item of a List. */
  function readManifest(node: YamlNode, what: string): void {
    if (!isMap(node)) {
      problem(node, 'alerts/not-rules', `this ${what} is not a mapping`, ruleFileHint);
      return;
    }
    const kind = scalarString(node.get('kind', true));
    if (kind === 'List') {
      const items = node.get('items', true);
      if (!isSeq(items)) {
        problem(
          node,
          'alerts/not-rules',
          'a List without items',
          'give the List an items: sequence of PrometheusRules',
        );
        return;
      }
      for (const item of items.items) readManifest(item as YamlNode, 'List item');
      return;
    }
    if (kind !== undefined && kind !== PROMETHEUS_RULE_KIND) {
      // Other manifests may share a file with the rules (a Helm chart's output): not an error.
      return;
    }
    const groupsOwner = kind === PROMETHEUS_RULE_KIND ? node.get('spec', true) : node;
    if (kind === PROMETHEUS_RULE_KIND && !isMap(groupsOwner)) {
      problem(node, 'alerts/not-rules', 'a PrometheusRule without spec', 'a PrometheusRule has spec.groups');
      return;
    }
    const groups = (groupsOwner as YAMLMap).get('groups', true);
    if (groups === undefined) {
      problem(node, 'alerts/not-rules', `this ${what} has no groups`, ruleFileHint);
      return;
    }
    if (!isSeq(groups)) {
      problem(groups as YamlNode, 'alerts/groups', 'groups must be a sequence of rule groups', ruleFileHint);
      return;
    }
    for (const group of groups.items) readGroup(group as YamlNode);
  }

  function readGroup(group: YamlNode): void {
    if (!isMap(group)) {
      problem(group, 'alerts/group', 'a rule group must be a mapping with name and rules', ruleFileHint);
      return;
    }
    const name = scalarString(group.get('name', true));
    if (!name) {
      problem(group, 'alerts/group', 'a rule group without a name', 'give every group a name:');
      return;
    }
    const rules = group.get('rules', true);
    if (rules === undefined || (isScalar(rules) && rules.value === null)) return; // an empty group is allowed
    if (!isSeq(rules)) {
      problem(rules as YamlNode, 'alerts/rules', `rules of group "${name}" must be a sequence`, ruleFileHint);
      return;
    }
    for (const rule of rules.items) readRule(rule as YamlNode, name);
  }

  function readRule(rule: YamlNode, group: string): void {
    if (!isMap(rule)) {
      problem(rule, 'alerts/rule', `a rule of group "${group}" is not a mapping`, 'each rule has alert: or record:');
      return;
    }
    const alertNode = rule.get('alert', true);
    if (alertNode === undefined) {
      if (rule.get('record', true) === undefined) {
        problem(rule, 'alerts/rule', `a rule of group "${group}" has neither alert: nor record:`, 'name the alert');
      }
      return;
    }
    const name = scalarString(alertNode);
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problem(
        alertNode as YamlNode,
        'alerts/name',
        `alert name ${JSON.stringify(name ?? null)} is not a valid Prometheus alert name`,
        'alert names are letters, digits and underscores, not starting with a digit',
      );
      return;
    }
    const expr = scalarString(rule.get('expr', true));
    if (expr === undefined) {
      problem(rule, 'alerts/expr', `alert ${name} has no expr`, 'every alerting rule needs an expr:');
    }
    alerts.push({
      name,
      group,
      file,
      line: at(alertNode as YamlNode).line,
      expr: expr ?? '',
      labels: stringMap(rule.get('labels', true), `labels of ${name}`),
      annotations: stringMap(rule.get('annotations', true), `annotations of ${name}`),
    });
  }

  function stringMap(node: unknown, what: string): Record<string, string> {
    if (node === undefined || (isScalar(node) && node.value === null)) return {};
    if (!isMap(node)) {
      problem(node as YamlNode, 'alerts/map', `${what} must be a mapping`, 'write key: value pairs');
      return {};
    }
    const out: Record<string, string> = {};
    for (const pair of node.items) {
      const key = scalarString(pair.key);
      const value = scalarString(pair.value);
      if (key === undefined || value === undefined) {
        problem(
          (pair.value ?? pair.key) as YamlNode,
          'alerts/map',
          `${what}: "${key ?? '?'}" must be a string`,
          'quote the value',
        );
        continue;
      }
      out[key] = value;
    }
    return out;
  }
}

const ruleFileHint =
  'expected a Prometheus rule file (groups: [{name, rules}]) or a PrometheusRule manifest (kind: PrometheusRule, spec.groups)';

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The labels an alert's annotations name as {{ $labels.x }} (also {{ .Labels.x }}), in order of first use. */
export function templateLabels(annotations: Record<string, string>): string[] {
  const found = new Set<string>();
  for (const text of Object.values(annotations)) {
    for (const m of text.matchAll(/\$labels\.([A-Za-z_][A-Za-z0-9_]*)|\.Labels\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
      found.add((m[1] ?? m[2])!);
    }
  }
  return [...found];
}
