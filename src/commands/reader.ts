/**
 * What reading commands takes: the shell parser (tree-sitter bash) and the kubectl model (the schema
 * generated from kubectl, with the resource table). The page's command blocks, the safety classes,
 * the validator and the runner all read commands with one. Node only.
 */
import { loadKubectlModel } from '../kubectl/load.ts';
import type { KubectlModel } from '../kubectl/model.ts';
import { loadShellParser, type ShellParser } from '../shell/parser.ts';

export interface CommandReader {
  parser: ShellParser;
  kubectl: KubectlModel;
}

const loaded = new Map<string, Promise<CommandReader>>();

/** Loads (once per custom-resources file) the parser and the kubectl model. */
export function loadCommandReader(customResourcesFile?: string): Promise<CommandReader> {
  const key = customResourcesFile ?? '';
  let reader = loaded.get(key);
  if (!reader) {
    reader = Promise.all([loadShellParser(), loadKubectlModel(customResourcesFile)]).then(([parser, kubectl]) => ({
      parser,
      kubectl,
    }));
    loaded.set(key, reader);
  }
  return reader;
}
