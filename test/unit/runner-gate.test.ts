import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommandReader, type CommandReader } from '../../src/commands/reader.ts';
import { contextFromConfigView } from '../../src/runner/context.ts';
import { classify, confirmationFor, runsUntilStopped } from '../../src/runner/gate.ts';
import { kubectlCalls, programCalls } from '../../src/runner/invocations.ts';
import { pinContext } from '../../src/runner/pin-context.ts';
import { prepareStep } from '../../src/runner/step.ts';
import { giveValue, type Values } from '../../src/runner/values.ts';
import { stepsOfMarkdown } from '../support/catalogue.ts';

let reader: CommandReader;
beforeAll(async () => {
  reader = await loadCommandReader();
});

const confirmation = (command: string) =>
  confirmationFor(classify(command, reader).safety, command, programCalls(command, reader), 'prod', reader);
const pin = (command: string, context = 'fake-prod') =>
  pinContext(command, kubectlCalls(programCalls(command, reader)), context);

describe('the safety gate', () => {
  it('runs read-only commands on Enter and changes on y', () => {
    expect(confirmation('kubectl get pods -n prod | grep api')).toEqual({ kind: 'enter' });
    expect(confirmation('kubectl rollout restart deployment/api')).toEqual({ kind: 'yes' });
  });

  it('asks a destructive command for the name of the object it acts on, however it is named', () => {
    expect(confirmation('kubectl delete pod api-7c9 -n prod')).toEqual({
      kind: 'type',
      word: 'api-7c9',
      what: 'the pod name',
    });
    expect(confirmation('kubectl -n prod delete deploy/api')).toEqual({
      kind: 'type',
      word: 'api',
      what: 'the deploy name',
    });
    expect(confirmation('kubectl drain node-2 --ignore-daemonsets')).toEqual({
      kind: 'type',
      word: 'node-2',
      what: 'the node name',
    });
    expect(confirmation('kubectl scale deployment api --replicas=0')).toEqual({
      kind: 'type',
      word: 'api',
      what: 'the deployment name',
    });
  });

  it('asks for the namespace when the command names no object, and for the program outside kubectl', () => {
    expect(confirmation('kubectl delete pods --all -n staging')).toEqual({
      kind: 'type',
      word: 'staging',
      what: 'the namespace',
    });
    expect(confirmation('kubectl delete pods -l app=api')).toEqual({
      kind: 'type',
      word: 'prod',
      what: 'the namespace',
    });
    expect(confirmation('sudo iptables -F')).toEqual({ kind: 'type', word: 'iptables', what: 'the program name' });
  });

  it('classifies the command as it will run: a value can make a scale a scale to zero', async () => {
    const [step] = await stepsOfMarkdown(
      '```bash\nkubectl scale deployment <deployment-name> --replicas=<replicas>\n```',
    );
    expect(step!.safety).toBe('changes');
    const values: Values = new Map();
    giveValue(values, 'deployment', 'api', 'flag');
    giveValue(values, 'replicas', '0', 'flag');
    const prepared = prepareStep(step!, 0, values, { reader, context: undefined, useDefaults: false });
    expect(prepared.verdict.safety).toBe('destructive');
    expect(prepared.raised).toBe(true);
    expect(prepared.confirmation).toEqual({ kind: 'type', word: 'api', what: 'the deployment name' });
  });

  it('never takes a class lower than the catalogue says', () => {
    expect(classify('kubectl get pods', reader, { safety: 'destructive', reasons: ['listed so'] })).toEqual({
      safety: 'destructive',
      reasons: ['listed so'],
    });
  });

  it('refuses a step with a placeholder left, which bash would read as a redirection', async () => {
    const [step] = await stepsOfMarkdown('```bash\nkubectl logs <pod-name>\n```');
    const prepared = prepareStep(step!, 0, new Map(), { reader, context: undefined, useDefaults: true });
    expect(prepared.refusal).toBe('not filled in: <pod-name> (bash would read <…> as a redirection)');
  });
});

describe('commands that run until stopped', () => {
  const endless = (command: string) => runsUntilStopped(programCalls(command, reader));
  it('are found by what they do: follow, watch, forward', () => {
    expect(endless('kubectl logs -f api-7c9')).toBe('kubectl logs -f follows the log until stopped');
    expect(endless('kubectl -n prod get pods --watch')).toBe('kubectl get -w watches until stopped');
    expect(endless('kubectl port-forward svc/api 8080:80')).toBe('kubectl port-forward runs until stopped');
    expect(endless('watch -n 5 kubectl get pods')).toBe('watch repeats kubectl until stopped');
    expect(endless('journalctl -u kubelet -f')).toBe('journalctl -f follows until stopped');
  });
  it('leave the rest alone', () => {
    expect(endless('kubectl logs api-7c9 --follow=false')).toBeUndefined();
    expect(endless('kubectl get pods -o wide')).toBeUndefined();
    expect(endless('tail -n 100 /var/log/syslog')).toBeUndefined();
  });
});

describe('pinning kubectl to the confirmed context', () => {
  it('adds --context after every kubectl written in the command, wrappers and pipelines included', () => {
    expect(pin('kubectl get pods -n prod | grep api && watch kubectl top pods').text).toBe(
      'kubectl --context=fake-prod get pods -n prod | grep api && watch kubectl --context=fake-prod top pods',
    );
    expect(pin('for p in $(kubectl get pods -o name); do kubectl logs $p; done').text).toBe(
      'for p in $(kubectl --context=fake-prod get pods -o name); do kubectl --context=fake-prod logs $p; done',
    );
    expect(pin('kubectl get pods', "it's").text).toBe("kubectl --context='it'\\''s' get pods");
  });

  it("leaves kubectl inside sh -c to the shim on PATH, and kubectl exec's inner command alone", () => {
    expect(pin("sh -c 'kubectl get pods'")).toEqual({ text: "sh -c 'kubectl get pods'" });
    expect(pin('kubectl exec api -- kubectl version').text).toBe(
      'kubectl --context=fake-prod exec api -- kubectl version',
    );
  });

  it('refuses a command that points kubectl elsewhere', () => {
    expect(pin('kubectl --context=staging delete pod x').refusal).toBe(
      'it names its own --context (staging): the runner only runs commands on the confirmed context fake-prod',
    );
    expect(pin('kubectl --kubeconfig ~/other get pods').refusal).toMatch(/own --kubeconfig/);
    expect(pin('kubectl get pods -s https://10.0.0.1:6443').refusal).toMatch(/own --server/);
    expect(pin("sh -c '/usr/local/bin/kubectl delete pod x'").refusal).toMatch(/can't pass --context/);
    expect(pin('kubectl --context=fake-prod get pods').refusal).toBeUndefined();
  });
});

describe('the context kubectl reports', () => {
  it('reads context, cluster, server, user and namespace from config view --minify', () => {
    const view = {
      'current-context': 'prod',
      contexts: [{ name: 'prod', context: { cluster: 'eu1', user: 'oncall' } }],
      clusters: [{ name: 'eu1', cluster: { server: 'https://10.0.0.1:6443' } }],
    };
    expect(contextFromConfigView(JSON.stringify(view))).toEqual({
      context: 'prod',
      cluster: 'eu1',
      server: 'https://10.0.0.1:6443',
      user: 'oncall',
      namespace: 'default',
    });
    expect(() => contextFromConfigView('{}')).toThrow(/kubectl has no context/);
  });
});
