import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../src/domain/run-command.ts';
import type { StepEntry } from '../../src/schemas/command-catalogue.ts';
import { fillCommand, giveValue, parseVar, variablesOf, type Values } from '../../src/runner/values.ts';
import { stepsOfMarkdown } from '../support/catalogue.ts';

const stepOf = async (command: string): Promise<StepEntry> =>
  (await stepsOfMarkdown(`\`\`\`bash\n${command}\n\`\`\``))[0]!;
const valuesOf = (entries: Record<string, string>): Values => {
  const values: Values = new Map();
  for (const [key, raw] of Object.entries(entries)) giveValue(values, key, raw, 'flag');
  return values;
};

describe('filling a step with values', () => {
  it('puts plain values in as they are, wherever the placeholder is written', async () => {
    const step = await stepOf('kubectl logs <pod-name> -n NAMESPACE --tail=100');
    expect(fillCommand(step, valuesOf({ pod: 'api-7c9', namespace: 'prod' })).text).toBe(
      'kubectl logs api-7c9 -n prod --tail=100',
    );
  });

  it('quotes a hostile value as data for where it is written: bare word, double quotes, single quotes', async () => {
    const values = valuesOf({ pod: '$(reboot)' });
    expect(fillCommand(await stepOf('kubectl logs <pod-name>'), values).text).toBe("kubectl logs '$(reboot)'");
    expect(fillCommand(await stepOf('echo "pod <pod-name> is down"'), values).text).toBe(
      `echo "pod "'$(reboot)'" is down"`,
    );
    expect(fillCommand(await stepOf("sh -c 'kubectl logs <pod-name>'"), valuesOf({ pod: "it's" })).text).toBe(
      "sh -c 'kubectl logs it'\\''s'",
    );
  });

  it('removes control characters from a value before it goes in (an ESC, a newline that would run a second command)', async () => {
    const filled = fillCommand(await stepOf('kubectl logs <pod-name>'), valuesOf({ pod: 'api\n7c9\u001b[2J' }));
    expect(filled.text).toBe("kubectl logs 'api7c9[2J'");
  });

  it('leaves unfilled placeholders as written and lists them; defaults only when asked for', async () => {
    const step = await stepOf('kubectl get pods -n <namespace> -l app=<app>');
    step.placeholders[0]!.default = 'klinematrix-prod';
    const without = fillCommand(step, new Map());
    expect(without.text).toBe('kubectl get pods -n <namespace> -l app=<app>');
    expect(without.unfilled.map((p) => p.key)).toEqual(['namespace', 'app']);
    const withDefaults = fillCommand(step, new Map(), { useDefaults: true });
    expect(withDefaults.text).toBe('kubectl get pods -n klinematrix-prod -l app=<app>');
    expect(withDefaults.defaulted).toEqual(['namespace']);
  });

  it('treats an empty value as none', async () => {
    expect(fillCommand(await stepOf('kubectl logs <pod-name>'), valuesOf({ pod: '\u200b' })).unfilled).toHaveLength(1);
  });
});

describe('--var name=value', () => {
  it('normalises the name like a placeholder and keeps everything after the first =', () => {
    expect(parseVar('POD_NAME=a=b')).toEqual({ key: 'pod', raw: 'a=b' });
    expect(parseVar('running-pod-name=x')).toEqual({ key: 'running-pod', raw: 'x' });
  });
  it('says how to write it when there is no =', () => {
    expect(() => parseVar('pod')).toThrow('--var pod: write it as name=value (--var pod=api-7c9)');
  });
});

describe("a runbook's variables", () => {
  it('lists each once, in order of first use, with every spelling and the first default', async () => {
    const steps = await stepsOfMarkdown(
      '```bash\nkubectl logs <pod-name> -n NAMESPACE\nkubectl describe pod POD_NAME\n```',
    );
    steps[1]!.placeholders[0]!.default = 'api-0';
    const runbook = { id: 'X', aliases: [], title: 'x', severity: 'low', layer: 'node', service: 's', url: '/', steps };
    expect(variablesOf(runbook)).toEqual([
      { key: 'pod', spellings: ['<pod-name>', 'POD_NAME'], default: 'api-0' },
      { key: 'namespace', spellings: ['NAMESPACE'] },
    ]);
  });
});

describe('the run command a page shows', () => {
  it('gives typed variables their own flag and the others --var, quoting what is not a plain word', () => {
    expect(
      runCommandLine('POD001', [
        ['namespace', 'prod'],
        ['pod', 'api-7c9'],
      ]),
    ).toBe('npx runbook run POD001 --namespace prod --pod api-7c9');
    expect(
      runCommandLine('K8S-002', [
        ['running-pod', 'a b'],
        ['namespace', ''],
      ]),
    ).toBe("npx runbook run K8S-002 --var 'running-pod=a b'");
    expect(runCommandLine('X', [['pod', '$(reboot)']])).toBe("npx runbook run X --pod '$(reboot)'");
  });
  it('attaches a value that starts with a dash, so it is not read as a flag', () => {
    expect(runCommandLine('X', [['pod', '-rf']])).toBe('npx runbook run X --pod=-rf');
  });
});
