import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBlock, copiedCommand, copyText } from '../../src/commands/block.ts';
import { loadCommandReader, type CommandReader } from '../../src/commands/reader.ts';
import { blockSteps } from '../../src/commands/steps.ts';
import { headingsOf } from '../../src/markdown/headings.ts';
import { parseMarkdown } from '../../src/markdown/parse.ts';
import {
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  commandCatalogue,
  commandCatalogueSchema,
  type StepEntry,
} from '../../src/schemas/command-catalogue.ts';
import { stepsOfMarkdown } from '../support/catalogue.ts';

let reader: CommandReader;
beforeAll(async () => {
  reader = await loadCommandReader();
});

const commandsOf = (code: string, lang = 'bash') => {
  const block = analyzeBlock(code, lang, reader);
  return block.parts.filter((p) => p.kind === 'command').map((p) => ({ block, part: p }));
};

describe('a command as its copy button copies it', () => {
  it('places each placeholder in the copied text, prompt and trailing comment left out', () => {
    const [{ block, part }] = commandsOf(
      '$ kubectl logs <pod-name> -n NAMESPACE   # the crashing one\nsome output',
      'console',
    ) as [{ block: ReturnType<typeof analyzeBlock>; part: ReturnType<typeof analyzeBlock>['parts'][number] }];
    const copied = copiedCommand(block, part);
    expect(copied.text).toBe('kubectl logs <pod-name> -n NAMESPACE');
    expect(copied.text).toBe(copyText(block, part));
    expect(copied.placeholders.map((p) => [p.key, copied.text.slice(p.start, p.end)])).toEqual([
      ['pod', '<pod-name>'],
      ['namespace', 'NAMESPACE'],
    ]);
  });

  it('keeps offsets right after indentation is trimmed, and leaves out placeholders only in comments', () => {
    const [first] = commandsOf('   kubectl delete pod <pod-name>  # not <node-name>');
    const copied = copiedCommand(first!.block, first!.part);
    expect(copied.text).toBe('kubectl delete pod <pod-name>');
    expect(copied.placeholders).toHaveLength(1);
    expect(copied.text.slice(copied.placeholders[0]!.start, copied.placeholders[0]!.end)).toBe('<pod-name>');
  });
});

describe('the steps of a block', () => {
  it('gives each command its line in the file, its safety class and its placeholders with their quoting', () => {
    const block = analyzeBlock(
      "# look first\nkubectl get pods -n <namespace>\n\nkubectl delete pod <pod-name> -n <namespace>\nkubectl exec x -- sh -c 'echo <pod-name>'",
      'bash',
      reader,
    );
    const steps = blockSteps(block, 10);
    expect(steps.map((s) => [s.line, s.safety, s.command])).toEqual([
      [11, 'read-only', 'kubectl get pods -n <namespace>'],
      [13, 'destructive', 'kubectl delete pod <pod-name> -n <namespace>'],
      [14, 'read-only', "kubectl exec x -- sh -c 'echo <pod-name>'"],
    ]);
    expect(steps[1]!.reasons).toEqual(['kubectl delete deletes resources']);
    expect(steps[2]!.placeholders).toEqual([{ key: 'pod', text: '<pod-name>', start: 30, end: 40, quote: 'single' }]);
  });
});

describe('headings and their anchors', () => {
  it('slugs like Astro: in order, repeated headings numbered, code kept as text', () => {
    const { tree } = parseMarkdown('## Diagnosis\n\n### Check `kubectl get pods`\n\n## Diagnosis\n', { mdx: true });
    expect(headingsOf(tree).map((h) => [h.depth, h.text, h.anchor])).toEqual([
      [2, 'Diagnosis', 'diagnosis'],
      [3, 'Check kubectl get pods', 'check-kubectl-get-pods'],
      [2, 'Diagnosis', 'diagnosis-1'],
    ]);
  });
});

describe('what the command-block plugin records for the catalogue', () => {
  it('records every command under its nearest heading, and none of a block marked wrong', async () => {
    const steps = await stepsOfMarkdown(
      [
        'Intro.',
        '```bash',
        'kubectl get nodes',
        '```',
        '## Diagnosis',
        '### Logs',
        '```bash',
        'kubectl logs <pod-name>',
        '```',
        '```bash wrong="removed flag"',
        'kubectl drain n --delete-local-data',
        '```',
        '## Resolution',
        '```sh',
        'kubectl rollout restart deployment/<deployment-name> -n <namespace>',
        '```',
      ].join('\n'),
    );
    expect(steps.map((s) => [s.heading?.anchor ?? null, s.line, s.command])).toEqual([
      [null, 3, 'kubectl get nodes'],
      ['logs', 8, 'kubectl logs <pod-name>'],
      ['resolution', 15, 'kubectl rollout restart deployment/<deployment-name> -n <namespace>'],
    ]);
    expect(steps[2]!.safety).toBe('changes');
  });
});

describe('the catalogue format', () => {
  const step: StepEntry = {
    heading: { text: 'Diagnosis', anchor: 'diagnosis', depth: 2 },
    command: 'kubectl get pod <pod-name>',
    placeholders: [{ key: 'pod', text: '<pod-name>', start: 16, end: 26, quote: 'unquoted' }],
    safety: 'read-only',
    reasons: [],
    line: 12,
  };
  const runbook = (id: string, steps: StepEntry[] = [step]) => ({
    id,
    aliases: [],
    title: `Runbook ${id}`,
    severity: 'high',
    layer: 'kubernetes',
    service: 'test',
    url: `/runbooks/${id.toLowerCase()}/`,
    steps,
  });

  it('is versioned and lists runbooks in ID order, numbers in numeric order', () => {
    const catalogue = commandCatalogue([runbook('K8S-10'), runbook('K8S-2')]);
    expect(catalogue.format).toBe(CATALOGUE_FORMAT);
    expect(catalogue.version).toBe(CATALOGUE_VERSION);
    expect(catalogue.runbooks.map((r) => r.id)).toEqual(['K8S-2', 'K8S-10']);
    expect(commandCatalogueSchema.parse(JSON.parse(JSON.stringify(catalogue)))).toEqual(catalogue);
  });

  it('accepts fields it does not know (they are only ever added) and drops them', () => {
    const parsed = commandCatalogueSchema.parse({ ...commandCatalogue([runbook('A')]), generator: 'later' });
    expect(parsed).not.toHaveProperty('generator');
  });

  it('refuses a command with an escape sequence, which a terminal would not show as written', () => {
    const hostile = { ...step, command: 'kubectl get pods\u001b[2K\rkubectl get pod <pod-name>', placeholders: [] };
    const result = commandCatalogueSchema.safeParse(commandCatalogue([runbook('A', [hostile])]));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control or invisible characters/);
  });

  it('refuses a placeholder that is not where it says in the command', () => {
    const moved = { ...step, placeholders: [{ ...step.placeholders[0]!, start: 4, end: 14 }] };
    const result = commandCatalogueSchema.safeParse(commandCatalogue([runbook('A', [moved])]));
    expect(result.error?.issues[0]?.message).toBe('placeholder <pod-name> is not at 4-14 of the command');
  });
});
