/**
 * Loads the kubectl model: the committed schema (generated from a real kubectl), the built-in resource
 * table and, for the validator, the team's custom resources (content/kubectl-custom-resources.yaml).
 * Node only (reads files).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { buildKubectlModel, type KubectlModel } from './model.ts';
import { BUILTIN_RESOURCES, FEATURE_GATED_RESOURCES, REMOVED_APIS } from './resources.ts';
import schemaJson from './kubectl-schema.json' with { type: 'json' };
import type { KubectlSchema, ResourceSpec } from './schema-types.ts';

// Imported, not read from disk: the build bundles this module into Astro's chunks, away from the file.
const schema = schemaJson as KubectlSchema;

/** The custom resources a file declares; none when it does not exist, unless `required`. */
export async function loadCustomResources(file: string, { required = false } = {}): Promise<ResourceSpec[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (required) throw new Error(`${file}: cannot read it (${(error as Error).message})`, { cause: error });
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
      ...(r.scale ? { scale: true } : {}),
    };
  });
}

/** The model with the built-in resources, plus the custom resources of a file when one is given. */
export async function loadKubectlModel(customResourcesFile?: string): Promise<KubectlModel> {
  const custom = customResourcesFile ? await loadCustomResources(customResourcesFile) : [];
  return buildKubectlModel(schema, [...BUILTIN_RESOURCES, ...FEATURE_GATED_RESOURCES, ...custom], REMOVED_APIS);
}
