import path from 'node:path';
import type { Diagnostic } from '../../src/checks/diagnostics.ts';
import { loadShellParser } from '../../src/shell/parser.ts';
import { loadKubectlModel } from '../../src/validator/load-model.ts';
import { validateMarkdown, validateShellCode, type ValidatorContext } from '../../src/validator/validate-content.ts';
import { projectRoot } from './project.ts';

let context: Promise<ValidatorContext> | undefined;

export function validatorContext(): Promise<ValidatorContext> {
  context ??= (async () => ({
    model: await loadKubectlModel(path.join(projectRoot, 'content/kubectl-custom-resources.yaml')),
    parser: await loadShellParser(),
  }))();
  return context;
}

export async function validateCommand(code: string): Promise<Diagnostic[]> {
  return validateShellCode(code, 'bash', { file: 'test.md', line: 1, indent: 0 }, await validatorContext()).diagnostics;
}

export async function validateDoc(markdown: string): Promise<Diagnostic[]> {
  return validateMarkdown('doc.md', markdown, await validatorContext()).diagnostics;
}
