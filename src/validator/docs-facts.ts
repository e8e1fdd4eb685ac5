/**
 * What docs tell the validator about the cluster they are written for, beyond kubectl itself: the
 * custom resource types their CustomResourceDefinitions define (in YAML blocks, in heredocs fed to
 * kubectl, in YAML files of the docs tree) and the kubectl plugins they install (`kubectl krew
 * install ctx`, a `kubectl-convert` binary). A page's facts hold for the page; a docs tree's for every
 * page in it.
 */
import type { Root } from 'mdast';
import { heredocBodies, resourcesDefinedIn } from '../kubectl/custom-resource-definitions.ts';
import { withPlugins, withResources, type KubectlModel } from '../kubectl/model.ts';
import type { ResourceSpec } from '../kubectl/schema-types.ts';
import { codeBlocksOf, isShellBlock } from '../markdown/code-blocks.ts';

export interface DocsFacts {
  resources: ResourceSpec[];
  plugins: Set<string>;
}

export const noFacts = (): DocsFacts => ({ resources: [], plugins: new Set() });

/**
 * The plugins a text installs or names: `kubectl krew install ctx ns` (ctx, ns), and every
 * `kubectl-<name>` program (kubectl runs kubectl-view_secret as `kubectl view-secret`, and
 * kubectl-foo-bar as `kubectl foo bar`).
 */
export function pluginsNamedIn(text: string): string[] {
  const plugins: string[] = [];
  for (const m of text.matchAll(/\bkubectl\s+krew\s+install\s+([^\n;&|#`]*)/g)) {
    for (const word of (m[1] ?? '').split(/\s+/)) if (/^[a-z0-9][\w-]*$/.test(word)) plugins.push(word);
  }
  for (const m of text.matchAll(/\bkubectl-([a-z0-9][a-z0-9_]*)/g)) plugins.push(m[1]!.replace(/_/g, '-'));
  return plugins;
}

/** The facts of a parsed Markdown page. */
export function factsOfMarkdown(tree: Root, text: string): DocsFacts {
  const facts = noFacts();
  if (text.includes('CustomResourceDefinition')) {
    for (const block of codeBlocksOf(tree)) {
      if (!block.code.includes('CustomResourceDefinition')) continue;
      const yaml = isShellBlock(block) ? heredocBodies(block.code) : [block.code];
      for (const body of yaml) facts.resources.push(...resourcesDefinedIn(body));
    }
  }
  if (text.includes('kubectl-') || text.includes('krew')) for (const p of pluginsNamedIn(text)) facts.plugins.add(p);
  return facts;
}

/** The facts of a YAML file of a docs tree (CRD manifests next to the pages). */
export function factsOfYaml(text: string): DocsFacts {
  return { resources: resourcesDefinedIn(text), plugins: new Set() };
}

export function mergeFacts(into: DocsFacts, more: DocsFacts): DocsFacts {
  into.resources.push(...more.resources);
  for (const p of more.plugins) into.plugins.add(p);
  return into;
}

/** The kubectl model as the docs know it: with their custom resources and plugins. */
export function modelWithFacts(model: KubectlModel, facts: DocsFacts): KubectlModel {
  return withResources(withPlugins(model, facts.plugins), facts.resources);
}
