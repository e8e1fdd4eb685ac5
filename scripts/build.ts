/**
 * npm run build: checks all content and commands, builds dist/ (or $BUILD_OUT_DIR), its search index
 * and its offline copy; on any error the output folder is left as it was. See src/build/pipeline.ts.
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build/pipeline.ts';

const USAGE = `usage: npm run build

Checks all content and every kubectl command in it, then builds the site, its search index and its
offline copy. On any error nothing in the output folder changes.
Settings from the environment:
  BUILD_OUT_DIR          output folder (default dist)
  RUNBOOKS_CONTENT_DIR   content folder (default content)
  SITE_URL, BASE_PATH    where the site is hosted (absolute URLs in runbooks.json; a sub-path)
Exit status: 0 built, 1 refused or failed.`;

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) console.log(USAGE);
else process.exitCode = await buildSite();
