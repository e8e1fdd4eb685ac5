/**
 * The little languages inside kubectl arguments: flag values, JSONPath, custom columns, Go templates,
 * label selectors and patch bodies. Each check returns undefined when the text is fine, or what is
 * wrong with it, in kubectl's terms where kubectl has them.
 */
import { parse as parseYaml } from 'yaml';
import type { FlagType } from './schema-types.ts';

const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;

export function checkFlagValue(type: FlagType, value: string): string | undefined {
  switch (type) {
    case 'bool':
      return /^(1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)$/.test(value)
        ? undefined
        : `expects true or false, not "${value}"`;
    case 'int':
      return /^[-+]?\d+$/.test(value) ? undefined : `expects a whole number, not "${value}"`;
    case 'float':
      return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) ? undefined : `expects a number, not "${value}"`;
    case 'duration':
      return value === '0' || GO_DURATION.test(value)
        ? undefined
        : `expects a duration such as 30s, 5m or 1h, not "${value}"`;
    default:
      return undefined;
  }
}

/** Splits a JSONPath template into its {…} expressions; reports unbalanced braces or brackets. */
export function checkJsonPath(template: string): string | undefined {
  if (!template.includes('{')) return undefined; // kubectl wraps a bare path such as .metadata.name in braces
  let depth = 0;
  let expression = '';
  let quote: string | undefined;
  for (const ch of template) {
    if (depth > 0) {
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '{') return 'nested "{" in a JSONPath expression';
      else if (ch === '}') {
        depth = 0;
        const problem = checkJsonPathExpression(expression.trim());
        if (problem) return problem;
        expression = '';
        continue;
      }
      expression += ch;
    } else if (ch === '{') depth = 1;
    else if (ch === '}') return 'unmatched "}" in the JSONPath template';
  }
  if (depth > 0) return 'unclosed "{" in the JSONPath template';
  return undefined;
}

function checkJsonPathExpression(expression: string): string | undefined {
  if (expression === '') return 'empty {} in the JSONPath template';
  if (/^(range\s|end$|"|'|@|\$|\.|\[)/.test(expression)) {
    let brackets = 0;
    for (const ch of expression) {
      if (ch === '[') brackets++;
      if (ch === ']') brackets--;
      if (brackets < 0) return `unmatched "]" in {${expression}}`;
    }
    return brackets === 0 ? undefined : `unclosed "[" in {${expression}}`;
  }
  return `unrecognized JSONPath {${expression}}: start it with "." such as {.metadata.name}`;
}

export function checkCustomColumns(spec: string): string | undefined {
  for (const column of spec.split(',')) {
    const colon = column.indexOf(':');
    if (colon <= 0 || colon === column.length - 1) {
      return `custom-columns expects HEADER:JSONPATH pairs such as NAME:.metadata.name, not "${column}"`;
    }
    const problem = checkJsonPath(column.slice(colon + 1));
    if (problem) return problem;
  }
  return undefined;
}

/** A Go template: balanced {{ }}, and every range, if, with, define and block closed by an end. */
export function checkGoTemplate(template: string): string | undefined {
  const opens = template.split('{{').length - 1;
  const closes = template.split('}}').length - 1;
  if (opens !== closes) return 'unbalanced {{ }} in the Go template';
  let depth = 0;
  for (const m of template.matchAll(/\{\{-?\s*([a-z]+)?/g)) {
    const word = m[1];
    if (word === 'range' || word === 'if' || word === 'with' || word === 'define' || word === 'block') depth++;
    else if (word === 'end' && --depth < 0) return 'unexpected {{end}} in the Go template';
  }
  return depth > 0 ? 'error parsing template: unexpected EOF (a range, if or with without its {{end}})' : undefined;
}

const LABEL_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** A label selector as -l takes it: app=nats,tier!=db,env in (prod,staging),!canary; "" selects everything. */
export function checkLabelSelector(selector: string): string | undefined {
  if (selector.trim() === '') return undefined;
  // Split on commas that are not inside parentheses.
  const requirements: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      requirements.push(current);
      current = '';
    } else current += ch;
  }
  requirements.push(current);
  for (const raw of requirements) {
    const requirement = raw.trim();
    if (requirement === '') return 'empty requirement in the label selector';
    const set = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement);
    if (set) {
      if (!LABEL_NAME.test(set[1]!)) return `"${set[1]}" is not a valid label key`;
      const values = set[3]!.split(',').map((v) => v.trim());
      const bad = values.find((v) => !LABEL_VALUE.test(v));
      if (bad !== undefined) return `"${bad}" is not a valid label value`;
      continue;
    }
    const match = /^(!?)([^=!<>\s]+)\s*(?:(==|=|!=)\s*(.*))?$/.exec(requirement);
    if (!match) return `"${requirement}" is not a label requirement such as app=nats`;
    const [, not, key, operator, value] = match;
    if (!LABEL_NAME.test(key!)) return `"${key}" is not a valid label key`;
    if (not && operator) return `"!${key}" cannot take a value`;
    if (operator && !LABEL_VALUE.test(value!.trim())) return `"${value}" is not a valid label value`;
  }
  return undefined;
}

/**
 * A field selector as --field-selector takes it (apimachinery's fields.ParseSelector): terms
 * `field=value`, `field==value` or `field!=value` joined by commas, a value possibly empty; no sets
 * (`in (…)`), no bare keys. "" selects everything.
 */
export function checkFieldSelector(selector: string): string | undefined {
  if (selector.trim() === '') return undefined;
  for (const term of selector.split(/(?<!\\),/)) {
    const match = /^([^=!\s]+)\s*(==|=|!=)(.*)$/.exec(term.trim());
    if (!match) {
      return /\s(in|notin)\s*\(/.test(term)
        ? `"${term.trim()}": a field selector takes only =, == and !=, not set operators`
        : `"${term.trim()}" is not a field selector term such as status.phase=Running`;
    }
  }
  return undefined;
}

/**
 * A taint update as `kubectl taint` takes it (its help: "key=value:effect", the value optional;
 * `key:effect-` or `key-` removes): key and value as label keys and values, the effect one of
 * `effects`. kubectl's words for what is wrong.
 */
export function checkTaint(spec: string, effects: readonly string[]): string | undefined {
  const removal = spec.endsWith('-');
  const body = removal ? spec.slice(0, -1) : spec;
  const colon = body.lastIndexOf(':');
  const keyValue = colon < 0 ? body : body.slice(0, colon);
  const effect = colon < 0 ? undefined : body.slice(colon + 1);
  if (!removal && effect === undefined)
    return `invalid taint spec: ${spec}: a taint is key=value:effect (or key:effect)`;
  const eq = keyValue.indexOf('=');
  const key = eq < 0 ? keyValue : keyValue.slice(0, eq);
  const value = eq < 0 ? undefined : keyValue.slice(eq + 1);
  if (removal && value !== undefined) return `invalid taint spec: ${spec}: a removal is key- or key:effect-`;
  if (!LABEL_NAME.test(key)) return `invalid taint spec: ${spec}: "${key}" is not a valid taint key`;
  if (value !== undefined && !LABEL_VALUE.test(value))
    return `invalid taint spec: ${spec}: "${value}" is not a valid taint value`;
  if (effect !== undefined && !effects.includes(effect))
    return `invalid taint effect: ${effect}, unsupported taint effect (the effect must be ${effects.join(', ')})`;
  return undefined;
}

/**
 * The tolerations in a JSON or YAML body (a patch, run --overrides), checked as the API server
 * checks them (the core/v1 Toleration reference): operator Exists or Equal, Exists with no value, an
 * empty key only with Exists, an effect among the taint effects. Returns the first problem.
 */
export function checkTolerations(body: unknown, effects: readonly string[]): string | undefined {
  const problems: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'tolerations' && Array.isArray(value)) {
        for (const t of value as Record<string, unknown>[]) {
          if (typeof t !== 'object' || t === null) continue;
          const operator = t['operator'] ?? 'Equal';
          if (operator !== 'Exists' && operator !== 'Equal')
            problems.push(`toleration operator "${String(operator)}": must be Exists or Equal`);
          else if (operator === 'Exists' && t['value'] !== undefined && t['value'] !== '')
            problems.push('a toleration with operator Exists takes no value');
          else if ((t['key'] === undefined || t['key'] === '') && operator !== 'Exists')
            problems.push('a toleration without a key needs operator Exists');
          if (t['effect'] !== undefined && t['effect'] !== '' && !effects.includes(String(t['effect'])))
            problems.push(`toleration effect "${String(t['effect'])}": must be one of ${effects.join(', ')}`);
        }
      } else visit(value);
    }
  };
  visit(body);
  return problems[0];
}

const JSON_PATCH_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** A patch body as -p takes it; json-type patches must be arrays of operations. */
export function checkPatchBody(body: string, patchType: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = body.trimStart().startsWith('{') || body.trimStart().startsWith('[') ? JSON.parse(body) : parseYaml(body);
  } catch (error) {
    return `the patch is not valid JSON: ${(error as Error).message.split('\n')[0]}`;
  }
  if (patchType === 'json') {
    if (!Array.isArray(parsed))
      return 'a --type json patch must be a JSON array of operations such as [{"op":"replace","path":"/spec/replicas","value":3}]';
    for (const [i, op] of parsed.entries()) {
      const o = op as Record<string, unknown>;
      if (typeof o !== 'object' || o === null || typeof o['op'] !== 'string' || !JSON_PATCH_OPS.has(o['op'])) {
        return `operation ${i} needs "op": one of add, remove, replace, move, copy, test`;
      }
      if (typeof o['path'] !== 'string' || !o['path'].startsWith('/'))
        return `operation ${i} needs a "path" such as "/spec/replicas"`;
    }
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `a ${patchType} patch must be an object such as {"spec":{"replicas":3}}`;
  }
  return undefined;
}
