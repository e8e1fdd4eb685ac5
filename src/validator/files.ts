/**
 * The snippet validator over files on disk: every .md and .mdx file under the paths given (and the
 * decision trees in a trees/ folder), each checked against the kubectl schema. What the docs tree
 * as a whole defines (CustomResourceDefinitions in its pages and YAML files, kubectl-custom-resources.yaml
 * files, plugins it installs) holds for every page in it. Node only.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../checks/diagnostics.ts';
import { filesUnder } from '../fs/list.ts';
import { loadCommandReader } from '../commands/reader.ts';
import { loadCustomResources } from '../kubectl/load.ts';
import { isMdxFile, parseMarkdown } from '../markdown/parse.ts';
import { factsOfMarkdown, factsOfYaml, mergeFacts, modelWithFacts, noFacts, type DocsFacts } from './docs-facts.ts';
import { validateMarkdown, validateTreeYaml, type ValidatorContext } from './validate-content.ts';

/** The file a project declares its custom resources in (see content/kubectl-custom-resources.yaml). */
export const CUSTOM_RESOURCES_FILE = 'kubectl-custom-resources.yaml';

const isTreeFile = (file: string) => /\.ya?ml$/.test(file) && path.basename(path.dirname(file)) === 'trees';
const isMarkdown = (file: string) => /\.mdx?$/.test(file);

async function filesIn(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new Error(`${target}: no such file or folder`);
  if (info.isFile()) return [target];
  return filesUnder(target, /\.(mdx?|ya?ml)$/);
}

export interface ValidationRun {
  diagnostics: Diagnostic[];
  files: number;
  commands: number;
  seconds: number;
}

export interface ValidationOptions {
  /** Files declaring custom resources, as content/kubectl-custom-resources.yaml does. */
  customResources?: readonly string[];
}

/** What the whole docs tree defines: CRDs in pages and YAML files, declared custom resources, plugins. */
async function factsOfTree(files: readonly string[], texts: ReadonlyMap<string, string>): Promise<DocsFacts> {
  const facts = noFacts();
  for (const file of files) {
    const text = texts.get(file) ?? '';
    if (path.basename(file) === CUSTOM_RESOURCES_FILE) {
      facts.resources.push(...(await loadCustomResources(file)));
    } else if (isMarkdown(file)) {
      if (/CustomResourceDefinition|kubectl-|krew/.test(text))
        mergeFacts(facts, factsOfMarkdown(parseMarkdown(text, { mdx: isMdxFile(file) }).tree, text));
    } else if (!isTreeFile(file)) {
      mergeFacts(facts, factsOfYaml(text));
    }
  }
  return facts;
}

/**
 * Validates files and folders. Custom resources come from <contentDir>/kubectl-custom-resources.yaml,
 * the files given in `options`, any kubectl-custom-resources.yaml in the folders, and the CRDs the
 * docs define.
 */
export async function validatePaths(
  targets: readonly string[],
  contentDir: string,
  options: ValidationOptions = {},
): Promise<ValidationRun> {
  const started = performance.now();
  const reader = await loadCommandReader(path.join(contentDir, CUSTOM_RESOURCES_FILE));
  const files = [...new Set((await Promise.all(targets.map(filesIn))).flat())];
  const texts = new Map(await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')] as const)));
  const facts = await factsOfTree(files, texts);
  for (const file of options.customResources ?? []) {
    const declared = await loadCustomResources(file, { required: true });
    facts.resources.push(...declared);
  }
  const ctx: ValidatorContext = { ...reader, kubectl: modelWithFacts(reader.kubectl, facts) };
  const diagnostics: Diagnostic[] = [];
  let commands = 0;
  let checkedFiles = 0;
  for (const file of files) {
    if (!isMarkdown(file) && !isTreeFile(file)) continue;
    checkedFiles++;
    const text = texts.get(file) ?? '';
    const shown = path.relative(process.cwd(), file) || file;
    const result = isTreeFile(file) ? validateTreeYaml(shown, text, ctx) : validateMarkdown(shown, text, ctx);
    diagnostics.push(...result.diagnostics);
    commands += result.commands;
  }
  return {
    diagnostics: sortDiagnostics(diagnostics),
    files: checkedFiles,
    commands,
    seconds: (performance.now() - started) / 1000,
  };
}
