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
const validate = (...args: string[]) => validateWith({}, ...args);
const validateWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'validate', '--', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env },
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

  it('prints SARIF 2.1.0 that GitHub code scanning takes: rules, levels, relative paths, lines and columns', () => {
    const run = validate(dir, '--format', 'sarif');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const [runLog] = sarif.runs;
    expect(runLog!.tool.driver.name).toBe('kubectl-snippet-validator');
    expect(runLog!.tool.driver.version).toMatch(/^v1\.32\./);
    const cleanup = path.relative(projectRoot, path.join(dir, 'cleanup.md'));
    expect(
      runLog!.results.map((r) => {
        const location = r.locations[0]!.physicalLocation;
        return [
          r.ruleId,
          r.level,
          location.artifactLocation.uri,
          location.region.startLine,
          location.region.startColumn,
        ];
      }),
    ).toEqual([
      ['kubectl/unknown-resource', 'error', cleanup, 4, 16],
      ['kubectl/unknown-flag', 'error', cleanup, 5, 18],
      ['kubectl/deprecated-resource', 'warning', cleanup, 6, 13],
    ]);
    for (const r of runLog!.results) expect(runLog!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(runLog!.results[0]!.message.text).toContain('hint: did you mean deployments?');
  });

  it('adds GitHub annotations when GITHUB_ACTIONS is set', () => {
    const run = validateWith({ GITHUB_ACTIONS: 'true' }, dir);
    const cleanup = path.relative(projectRoot, path.join(dir, 'cleanup.md'));
    expect(run.stdout).toContain(
      `::error file=${cleanup},line=5,col=18,title=kubectl/unknown-flag::unknown flag: --all-namespace for "kubectl get"%0Ahint: did you mean --all-namespaces?`,
    );
    expect(run.stdout).toContain(`::warning file=${cleanup},line=6,col=13,title=kubectl/deprecated-resource::`);
    // With a machine-readable format the annotations go to stderr, so stdout stays JSON.
    const json = validateWith({ GITHUB_ACTIONS: 'true' }, dir, '--format', 'json');
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    expect(json.stderr).toContain('::error file=');
  });

  it('documents itself with --help and exits 2 when it cannot run', () => {
    const help = validate('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--format text\|json\|sarif/);
    expect(help.stdout).toMatch(/Exit status: 0 no errors/);
    const missing = validate(path.join(dir, 'no-such-file.md'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    const badFormat = validate(dir, '--format', 'xml');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format must be text, json or sarif');
  });

  it("exits 0 on clean files, and the site's own content has no errors", () => {
    expect(validate(path.join(dir, 'fine.mdx')).status).toBe(0);
    const content = validate('content');
    expect(content.stdout).toMatch(/kubectl validator: 0 error\(s\)/);
    expect(content.status).toBe(0);
  });
});
