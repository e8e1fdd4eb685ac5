import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { variableKey } from '../../src/domain/placeholders.ts';
import { LAYER_INFO, SEVERITY_INFO } from '../../src/schemas/runbook.ts';

// The rubrics are shown on the site (from the schema module) and written in the README for authors:
// they must say the same thing.
describe('README authoring guide', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  it.each(Object.entries(SEVERITY_INFO))('states the %s severity rubric as the site does', (severity, info) => {
    expect(readme).toContain(`| \`${severity}\` | ${info.rubric} |`);
  });
  it.each(Object.entries(LAYER_INFO))('describes the %s layer as the site does', (layer, info) => {
    expect(readme).toContain(`| \`${layer}\` | ${info.description} |`);
  });
  it('maps alert labels to placeholders the way the placeholder model does', () => {
    const section = readme.slice(readme.indexOf('| alert label / parameter |'), readme.indexOf('| any other |'));
    const rows = [...section.matchAll(/^\| `([a-z]+)` \| (.+) \|$/gm)];
    expect(rows.length).toBe(6);
    for (const [, label, fills] of rows) {
      for (const [, spelling] of fills!.matchAll(/`([^`]+)`/g))
        expect(`${spelling} -> ${variableKey(spelling!)}`).toBe(`${spelling} -> ${label}`);
    }
  });

  it('names the test command that .ci/run runs', async () => {
    const ci = await readFile(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(readme).toContain('`npm test`');
    expect(ci.trim().split('\n').at(-1)).toBe('npm test');
  });
});

describe('README project layout', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const layout = readme.slice(readme.indexOf('## Project layout'));
  const { readdir } = await import('node:fs/promises');
  const root = new URL('../../', import.meta.url);
  async function folders(dir: string): Promise<string[]> {
    const entries = await readdir(new URL(dir, root), { withFileTypes: true });
    // Folders under src/pages/ are routes (they mirror URLs), not parts of the architecture.
    const here =
      dir === 'src/pages/'
        ? []
        : entries.filter((e) => e.isDirectory() && e.name !== 'node_modules' && e.name !== 'fixtures');
    return [dir, ...(await Promise.all(here.map((e) => folders(`${dir}${e.name}/`)))).flat()];
  }

  it('names every folder of src/, scripts/ and test/ (fixtures aside)', async () => {
    const all = [
      ...(await folders('src/')).slice(1),
      'scripts/',
      ...(await folders('test/')).slice(1),
      'test/fixtures/',
    ];
    const missing = all.filter((folder) => !layout.includes(`\n${folder} `));
    expect(missing).toEqual([]);
  });

  it('names no folder that does not exist', async () => {
    const named = [...layout.matchAll(/^((?:src|scripts|test)\/[\w./-]*\/) /gm)].map((m) => m[1]!);
    const existing = new Set([...(await folders('src/')), 'scripts/', ...(await folders('test/')), 'test/fixtures/']);
    expect(named.filter((f) => !existing.has(f))).toEqual([]);
  });
});

describe('README security headers', () => {
  it('shows the nginx headers the policy module gives, so the snippet stays true', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const { nginxSnippet } = await import('../../src/security/csp.ts');
    for (const line of nginxSnippet().split('\n')) expect(readme).toContain(`  ${line}`);
  });
});
