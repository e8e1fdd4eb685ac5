import path from 'node:path';
import type { Diagnostic } from '../../src/checks/diagnostics.ts';
import { loadCommandReader } from '../../src/commands/reader.ts';
import { validateMarkdown, validateShellCode, type ValidatorContext } from '../../src/validator/validate-content.ts';
import { projectRoot } from './project.ts';

/** The parser and the kubectl model with the site's custom resources, as the build checks with. */
export const validatorContext = (): Promise<ValidatorContext> =>
  loadCommandReader(path.join(projectRoot, 'content/kubectl-custom-resources.yaml'));

export async function validateCommand(code: string): Promise<Diagnostic[]> {
  return validateShellCode(code, 'bash', { file: 'test.md', line: 1, indent: 0 }, await validatorContext()).diagnostics;
}

export async function validateDoc(markdown: string): Promise<Diagnostic[]> {
  return validateMarkdown('doc.md', markdown, await validatorContext()).diagnostics;
}
