/** The version a build is made from: the package's version, and the last commit's hash and date. Node only. */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildVersion } from '../offline/version.ts';
import { projectRoot } from './project.ts';

export async function buildVersion(): Promise<BuildVersion> {
  const { version } = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  try {
    const [commit, date] = execFileSync('git', ['log', '-1', '--format=%h%n%cs'], {
      cwd: projectRoot,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    if (commit && date) return { version, commit, date };
  } catch {
    // Not a git checkout: fall through.
  }
  return { version, commit: 'unknown', date: process.env['SOURCE_DATE'] ?? '1980-01-01' };
}
