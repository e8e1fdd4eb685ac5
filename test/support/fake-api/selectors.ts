/**
 * What the fake API server does with a request's query and body: label and field selectors
 * (`-l app=api`, the `involvedObject.name=…` describe asks events with, the `metadata.name=…` delete
 * waits with) and patches (merge and strategic merge as a JSON merge patch, JSON patch).
 */
import type { KubeObject } from './resources.ts';

type Json = Record<string, unknown>;

/** `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`: what kubectl's -l sends. */
export function matchesLabels(labels: Record<string, string> | undefined, selector: string | null): boolean {
  if (!selector) return true;
  const have = labels ?? {};
  const requirements = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return requirements.every((raw) => {
    const requirement = raw.trim();
    let m = /^(\S+?)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement);
    if (m) {
      const values = m[3]!.split(',').map((v) => v.trim());
      const value = have[m[1]!];
      return m[2] === 'in' ? value !== undefined && values.includes(value) : !values.includes(value ?? '\0');
    }
    m = /^(.+?)(==|=|!=)(.*)$/.exec(requirement);
    if (m) return m[2] === '!=' ? have[m[1]!] !== m[3] : have[m[1]!] === m[3];
    if (requirement.startsWith('!')) return !(requirement.slice(1) in have);
    return requirement in have;
  });
}

const fieldAt = (o: KubeObject, path: string): string => {
  const value = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o);
  return value === undefined || value === null ? '' : String(value);
};

/** `metadata.name=x,involvedObject.uid=…,status.phase!=Failed`. */
export function matchesFields(object: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((requirement) => {
    const m = /^(.+?)(==|=|!=)(.*)$/.exec(requirement);
    if (!m) return true;
    const value = fieldAt(object, m[1]!);
    return m[2] === '!=' ? value !== m[3] : value === m[3];
  });
}

/** RFC 7386. Strategic merge patches are applied the same way: what kubectl sends for restart and annotate is plain maps. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: Json = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Json) } : {};
  for (const [key, value] of Object.entries(patch as Json)) {
    if (key.startsWith('$')) continue; // strategic-merge directives ($patch, $retainKeys)
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** RFC 6902 add, replace and remove: what `kubectl patch --type json` sends in runbooks. */
export function jsonPatch(target: unknown, operations: readonly Json[]): unknown {
  const document = structuredClone(target);
  for (const op of operations) {
    const path = String(op['path'] ?? '')
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = path.pop();
    if (last === undefined) throw new Error('json patch: empty path');
    let parent = document as Json;
    for (const key of path) parent = parent[key] as Json;
    if (parent === undefined || parent === null) throw new Error(`json patch: no ${op['path']}`);
    if (op['op'] === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (op['op'] === 'add' || op['op'] === 'replace') {
      if (Array.isArray(parent) && op['op'] === 'add')
        parent.splice(last === '-' ? parent.length : Number(last), 0, op['value']);
      else parent[last] = op['value'];
    } else throw new Error(`json patch: op ${String(op['op'])} is not supported by the fake API server`);
  }
  return document;
}
