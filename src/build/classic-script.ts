/**
 * Browser code (src/client/) bundled as one classic script: pages opened from disk (the offline copy)
 * and the companion's additions load no modules. Node only.
 */
import { build } from 'esbuild';

/** The bundle of `entry` (a TypeScript file), minified, as text. */
export async function bundleClassicScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}
