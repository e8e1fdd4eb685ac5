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

export function checkGoTemplate(template: string): string | undefined {
  const opens = template.split('{{').length - 1;
  const closes = template.split('}}').length - 1;
  return opens === closes ? undefined : 'unbalanced {{ }} in the Go template';
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
