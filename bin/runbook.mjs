#!/usr/bin/env node
// The `runbook` command: `npx runbook …` in this project, or in any project that installs it. The CLI
// is TypeScript (src/cli/runbook.ts), run through tsx, so nothing needs compiling first.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/runbook.ts');
process.exitCode = await main(process.argv.slice(2));
