/**
 * What Astro reads of the build's own files (the content pass's pages, their commands, the pages a
 * rebuild renders: rendered.ts, only-pages.ts) is read only once the build says it is there. On a
 * likely rebuild the build starts Astro beside the content pass (src/build/pipeline.ts): Astro's start,
 * its content store and its bundling need nothing of the pass, and take as long as the pass itself.
 * RUNBOOKS_INPUTS_READY then names a file the build writes when the pass's files are complete; unset,
 * as in every other build and with `astro dev`, they are there from the start.
 */
import { existsSync } from 'node:fs';

/** Long enough for any content pass; a build that never says so has stopped, and this one with it. */
const GIVE_UP_MS = 30 * 60 * 1000;
const POLL_MS = 20;

let ready: Promise<void> | undefined;

export function buildInputsReady(): Promise<void> {
  const file = process.env['RUNBOOKS_INPUTS_READY'];
  ready ??= file
    ? new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (existsSync(file)) return resolve();
          if (Date.now() - started > GIVE_UP_MS)
            return reject(new Error(`the build never finished its content pass (${file} was not written)`));
          setTimeout(check, POLL_MS);
        };
        check();
      })
    : Promise.resolve();
  return ready;
}
