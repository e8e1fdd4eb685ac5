import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/project.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
writeFileSync(
  path.join(dir, 'cleanup.md'),
  '# Cleanup\n\n```bash\nkubectl delete old-deployments -n production\nkubectl get pods --all-namespace\nkubectl get cs\n```\n',
);
writeFileSync(path.join(dir, 'fine.mdx'), '```bash\nkubectl get pods -n production\n```\n');

/** Runs `npm run --silent validate -- …` exactly as the README tells a team to. */
const validate = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'validate', '--', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

describe("npm run validate on any team's Markdown", () => {
  it('prints compiler-style diagnostics with hints and exits 1 on errors', () => {
    const run = validate(dir);
    expect(run.status).toBe(1);
    const cleanup = path.relative(projectRoot, path.join(dir, 'cleanup.md'));
    expect(run.stdout).toContain(
      `${cleanup}:4:16 error kubectl/unknown-resource the server doesn't have a resource type "old-deployments"\n    hint: did you mean deployments?`,
    );
    expect(run.stdout).toContain(
      `${cleanup}:5:18 error kubectl/unknown-flag unknown flag: --all-namespace for "kubectl get"\n    hint: did you mean --all-namespaces?`,
    );
    expect(run.stdout).toContain(`${cleanup}:6:13 warning kubectl/deprecated-resource`);
    expect(run.stdout).toMatch(/2 error\(s\), 1 warning\(s\); 4 kubectl commands in 2 files/);
  });

  it('prints a JSON array with --format json', () => {
    const run = validate(dir, '--format', 'json');
    expect(run.status).toBe(1);
    const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(diagnostics.map((d) => [d['line'], d['column'], d['severity'], d['rule']])).toEqual([
      [4, 16, 'error', 'kubectl/unknown-resource'],
      [5, 18, 'error', 'kubectl/unknown-flag'],
      [6, 13, 'warning', 'kubectl/deprecated-resource'],
    ]);
    expect(Object.keys(diagnostics[0]!).sort()).toEqual([
      'column',
      'file',
      'hint',
      'line',
      'message',
      'rule',
      'severity',
    ]);
  });

  it("exits 0 on clean files, and the site's own content has no errors", () => {
    expect(validate(path.join(dir, 'fine.mdx')).status).toBe(0);
    const content = validate('content');
    expect(content.stdout).toMatch(/kubectl validator: 0 error\(s\)/);
    expect(content.status).toBe(0);
  });
});
