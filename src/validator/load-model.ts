/**
 * Loads what the validator checks against: the committed kubectl schema, the built-in resource table
 * and the team's custom resources (content/kubectl-custom-resources.yaml). Node-only (reads files).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { buildKubectlModel, type KubectlModel } from '../kubectl/model.ts';
import { BUILTIN_RESOURCES } from '../kubectl/resources.ts';
import type { KubectlSchema, ResourceSpec } from '../kubectl/schema-types.ts';

export const SCHEMA_FILE = new URL('../kubectl/kubectl-schema.json', import.meta.url);

export async function loadCustomResources(file: string): Promise<ResourceSpec[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const data = parse(text) as { resources?: Partial<ResourceSpec>[] } | null;
  return (data?.resources ?? []).map((r, i) => {
    if (!r.name || !r.kind || r.group === undefined) {
      throw new Error(`${file}: resource ${i + 1} needs at least name, kind and group`);
    }
    return {
      name: r.name,
      singular: r.singular ?? r.kind.toLowerCase(),
      shortNames: r.shortNames ?? [],
      kind: r.kind,
      group: r.group,
      version: r.version ?? 'v1',
      namespaced: r.namespaced ?? true,
      ...(r.deprecated ? { deprecated: r.deprecated } : {}),
    };
  });
}

export async function loadKubectlModel(customResourcesFile: string): Promise<KubectlModel> {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as KubectlSchema;
  return buildKubectlModel(schema, [...BUILTIN_RESOURCES, ...(await loadCustomResources(customResourcesFile))]);
}
