/**
 * Content the build must refuse before Astro runs, each with file:line:col and what to do, leaving
 * the output untouched: dead internal links, an unclosed fence, {expressions}, a file that is not
 * UTF-8, IDs and aliases that take the site's own file names, and content that is code. The real build
 * script on a copy of the smallest site with one bad file added.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../support/project.ts';

let scratch: string;
let content: string;
let outDir: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'runbooks-refusals-'));
  content = path.join(scratch, 'content');
  outDir = path.join(scratch, 'out');
  await cp(path.join(projectRoot, 'test/fixtures/minimal-site'), content, { recursive: true });
  await cp(path.join(projectRoot, 'test/fixtures/minimal-site'), outDir, { recursive: true }); // stands for a previous site
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const frontmatter = (id: string, extra = '') =>
  `---\nid: ${id}\ntitle: Test runbook ${id}\nsummary: For a build test.\nlayer: kubernetes\nseverity: low\nservice: fixture\nsymptoms: [one]\n${extra}source: { guide: fixture-guide, section: Fixture }\n---\n`;

async function addRunbook(name: string, text: string | Buffer) {
  await writeFile(path.join(content, 'runbooks', name), text);
}

async function buildRefuses() {
  const result = await runScript('scripts/build.ts', [], { RUNBOOKS_CONTENT_DIR: content, BUILD_OUT_DIR: outDir });
  expect(result.code).toBe(1);
  expect(result.stdout).not.toContain('[build]'); // Astro never ran
  // The output is as it was.
  expect(await readFile(path.join(outDir, 'runbooks', 'min-001.mdx'), 'utf8')).toContain('MIN-001');
  return result.stderr;
}

describe('refused before Astro runs', () => {
  it('dead internal links in prose: a missing runbook, guide, ID link and heading', async () => {
    await addRunbook(
      'bad-links.mdx',
      `${frontmatter('BAD-001')}\n## Diagnosis\n\nSee [x](/runbooks/nope-999/), [g](/guides/nope/) and [a](/NOPE-999).\n\nAlso [h](/runbooks/min-001/#nope) and [ok](/runbooks/min-001/#diagnosis), [short](/min001), [here](#diagnosis).\n`,
    );
    const stderr = await buildRefuses();
    expect(stderr).toMatch(/bad-links\.mdx:14:5 error links\/dead \/runbooks\/nope-999\/ leads nowhere/);
    expect(stderr).toMatch(/bad-links\.mdx:14:\d+ error links\/dead \/guides\/nope\/ leads nowhere/);
    expect(stderr).toMatch(/bad-links\.mdx:14:\d+ error links\/dead \/NOPE-999 leads nowhere/);
    expect(stderr).toMatch(
      /bad-links\.mdx:16:6 error links\/dead \/runbooks\/min-001\/#nope: the page has no heading #nope/,
    );
    expect(stderr).not.toContain('#diagnosis:');
    expect(stderr).not.toContain('/min001 leads nowhere');
  });

  it('an unclosed code fence, which would swallow the rest of the page and its #diagnosis anchor', async () => {
    await addRunbook(
      'open-fence.mdx',
      `${frontmatter('BAD-002')}\nIntro.\n\n\`\`\`bash\nkubectl get pods\n\n## Diagnosis\n\nText.\n`,
    );
    const stderr = await buildRefuses();
    expect(stderr).toMatch(/open-fence\.mdx:14:1 error markdown\/unclosed-fence this code fence is never closed/);
    expect(stderr).toContain('hint: close it with a line of the same fence characters');
  });

  it('{expr} in prose: MDX would run it, or fail with a stack trace', async () => {
    await addRunbook('expression.mdx', `${frontmatter('BAD-003')}\nThe map {a b} is wrong.\n`);
    await addRunbook('runs-code.mdx', `${frontmatter('BAD-004')}\nTotal: {process.exit(3)}.\n`);
    const stderr = await buildRefuses();
    expect(stderr).toMatch(/expression\.mdx:12:\d+ error mdx\/syntax this is not valid MDX/);
    expect(stderr).toContain('hint: MDX reads { } as JavaScript');
    expect(stderr).toMatch(
      /runs-code\.mdx:12:8 error content\/code \{process\.exit\(3\)\} is JavaScript that MDX would run at build time/,
    );
  });

  it('a file that is not UTF-8, with where the bad byte is', async () => {
    await addRunbook(
      'latin1.mdx',
      Buffer.concat([Buffer.from(`${frontmatter('BAD-005')}\nCaf`), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]),
    );
    const stderr = await buildRefuses();
    expect(stderr).toMatch(/latin1\.mdx:12:4 error content\/encoding the file is not UTF-8 text/);
  });

  it.each([
    ['aliases: [index.html]\n', '"index.html"'],
    ['aliases: [README.txt]\n', '"README.txt"'],
    ['aliases: [serve.mjs]\n', '"serve.mjs"'],
    ['aliases: [VERSION.json, 404.html]\n', '"VERSION.json"'],
  ])('an alias that takes a file name of the site or the offline copy (%s)', async (aliases, named) => {
    await addRunbook('reserved.mdx', `${frontmatter('BAD-006', aliases)}\nText.\n`);
    const stderr = await buildRefuses();
    expect(stderr).toContain(`error catalog/reserved-id ${named} would take the URL`);
  });

  it.each(['DOWNLOADS', 'SEARCH', 'OFFLINE'])('the ID %s takes a folder of the site', async (id) => {
    await addRunbook('reserved-id.mdx', `${frontmatter(id)}\nText.\n`);
    const stderr = await buildRefuses();
    expect(stderr).toMatch(/reserved-id\.mdx:2:5 error catalog\/reserved-id/);
  });

  it.each([
    [
      'import fs from "node:fs"\n\nText.\n',
      /content\/code a runbook is a document, not code: `import fs from "node:fs"`/,
    ],
    ['export const x = 1\n\nText.\n', /content\/code a runbook is a document, not code: `export const x = 1`/],
    ['Text.\n\n<script>alert(1)</script>\n', /content\/code <script> runs code in every reader's browser/],
    ['Text <img src="x" onerror="alert(1)" /> here.\n', /content\/code the inline event handler onerror= runs code/],
    ['See [the docs](javascript:alert(1)).\n', /content\/code a javascript URL runs code when clicked/],
    ['<a href="javascript:alert(1)">x</a>\n', /content\/code a javascript URL runs code when clicked/],
  ])('content that is code: %j', async (body, message) => {
    await addRunbook('code.mdx', `${frontmatter('BAD-007')}\n${body}`);
    expect(await buildRefuses()).toMatch(message);
  });

  it("an alert label mapped onto a variable the runbook's page does not have, in a Markdown and an MDX runbook", async () => {
    await addRunbook(
      'md-001.md',
      `${frontmatter('MD-001')}\n## Diagnosis\n\n\`\`\`bash\nkubectl logs <pod-name> -n <namespace>\n\`\`\`\n`,
    );
    await mkdir(path.join(content, 'alerts'));
    await writeFile(
      path.join(content, 'alerts', 'list.yaml'),
      `source:\n  name: test\n  repository: https://example.com/rules\n  path: rules/\n  commit: abcdef1\n  date: 2026-01-02\n  license: Apache-2.0\nalerts:\n${[
        'PodAlert',
        'NodeAlert',
      ]
        .map(
          (n) =>
            `  - name: ${n}\n    group: g\n    component: kubernetes\n    file: r.yaml\n    severities: [warning]\n    summary: ${n} fired.\n    description: It fired.\n    labels: [namespace, pod, node]\n`,
        )
        .join('')}`,
    );
    await writeFile(
      path.join(content, 'alerts', 'runbooks.yaml'),
      `alerts:\n  PodAlert:\n    labels: { namespace: namespace, pod: pod }\n    runbooks:\n      - id: MD-001\n  NodeAlert:\n    labels: { node: node }\n    runbooks:\n      - id: MD-001\n      - id: MIN-001\n        when: The smallest site.\n        labels: { namespace: namespace }\n`,
    );
    const stderr = await buildRefuses();
    // MD-001 (Markdown: the content pass renders it) has pod and namespace, MIN-001 (MDX: Astro
    // renders it) has namespace; neither has node.
    expect(stderr).toMatch(/runbooks\.yaml:\d+:\d+ error alerts\/unknown-variable .*node/);
    expect(stderr).not.toMatch(/unknown-variable .*\bpod\b/);
    expect(stderr).not.toMatch(/unknown-variable .*namespace/);
  });

  it('reports the root cause first, and not the errors that follow from it', async () => {
    // A broken runbook that another runbook and the triage tree point at.
    await addRunbook('broken.mdx', frontmatter('BAD-008').replace('severity: low', 'severity: urgent'));
    const min = path.join(content, 'runbooks', 'min-001.mdx');
    await writeFile(min, (await readFile(min, 'utf8')).replace('source:', 'related: [BAD-008]\nsource:'));
    const tree = path.join(content, 'trees', 'triage.yaml');
    await writeFile(tree, (await readFile(tree, 'utf8')).replace('runbook: MIN-001', 'runbook: BAD-008'));
    const stderr = await buildRefuses();
    const errors = stderr.split('\n').filter((l) => / error /.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/broken\.mdx:6:11 error frontmatter\/severity/);
  });
});
