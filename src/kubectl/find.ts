/**
 * Finding the kubectl binary: the schema generator probes it, the runner runs it. Node only.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The kubectl to use: the one named (it must be an executable file), or the first on `searchPath`. */
export function findKubectl(explicit: string | undefined, searchPath: string): string {
  if (explicit !== undefined) {
    const file = path.resolve(explicit);
    if (!isExecutable(file)) throw new Error(`--kubectl ${explicit}: no executable file there`);
    return file;
  }
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const file = path.join(dir, 'kubectl');
    if (isExecutable(file)) return file;
  }
  throw new Error('kubectl was not found on PATH. Install a v1.32 kubectl, or pass --kubectl /path/to/kubectl.');
}
