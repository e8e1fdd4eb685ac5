import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommandReader, type CommandReader } from '../../src/commands/reader.ts';
import { outputCapture } from '../../src/runner/capture.ts';
import { kubectlCalls, programCalls } from '../../src/runner/invocations.ts';
import { maskCommand, outputMasker, secretOutputOf } from '../../src/runner/mask.ts';

let reader: CommandReader;
beforeAll(async () => {
  reader = await loadCommandReader();
});
const mask = (command: string, secrets: string[] = []) => maskCommand(command, programCalls(command, reader), secrets);
const secretOutput = (command: string) => secretOutputOf(kubectlCalls(programCalls(command, reader)), reader);
const maskLines = (command: string, lines: string[]) => lines.map(outputMasker(secretOutput(command)));

describe('masking commands for the incident log', () => {
  it('masks the values of --from-literal, written either way and quoted, keeping the keys', () => {
    expect(
      mask("kubectl create secret generic db --from-literal=password=s3cr3t --from-literal 'token=a b' -n prod"),
    ).toBe("kubectl create secret generic db --from-literal=password=*** --from-literal 'token=***' -n prod");
  });
  it('masks token and password flags, bearer headers, URL credentials and secret-named assignments', () => {
    expect(mask('kubectl get pods --token=abc123 --password hunter2')).toBe(
      'kubectl get pods --token=*** --password ***',
    );
    expect(mask("curl -H 'Authorization: Bearer abcdef123456' https://api")).toBe(
      "curl -H 'Authorization: Bearer ***' https://api",
    );
    expect(mask('curl https://admin:hunter2@registry.example.com/v2/')).toBe(
      'curl https://admin:***@registry.example.com/v2/',
    );
    expect(mask('GITHUB_TOKEN=ghp_abc123 ./deploy.sh')).toBe('GITHUB_TOKEN=*** ./deploy.sh');
  });
  it('masks the values given for secret-named placeholders, and JWTs anywhere', () => {
    expect(mask('vault login s.AbCdEf123', ['s.AbCdEf123'])).toBe('vault login ***');
    expect(mask('echo eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNpZw')).toBe('echo ***');
  });
  it('leaves ordinary commands as they are', () => {
    expect(mask('kubectl logs api-7c9 -n prod --tail=100')).toBe('kubectl logs api-7c9 -n prod --tail=100');
  });
});

describe('masking what kubectl get secret prints', () => {
  it('knows which commands print a Secret and how', () => {
    expect(secretOutput('kubectl get secret db -o yaml')).toBe('structured');
    expect(secretOutput('kubectl get secrets/db -n prod -o json | jq .')).toBe('structured');
    expect(secretOutput("kubectl get secret db -o jsonpath='{.data.password}' | base64 -d")).toBe('all');
    expect(secretOutput('kubectl create secret generic db --from-literal=a=b --dry-run=client -o yaml')).toBe(
      'structured',
    );
    expect(secretOutput('kubectl get secret db')).toBe('none');
    expect(secretOutput('kubectl get configmap db -o yaml')).toBe('none');
  });

  it('masks data and stringData in YAML, the last-applied annotation too, and nothing else', () => {
    expect(
      maskLines('kubectl get secret db -o yaml', [
        'apiVersion: v1',
        'data:',
        '  password: aHVudGVyMg==',
        '  user: YWRtaW4=',
        'kind: Secret',
        'metadata:',
        '  annotations:',
        '    kubectl.kubernetes.io/last-applied-configuration: |',
        '      {"apiVersion":"v1","data":{"password":"aHVudGVyMg=="}}',
        '  name: db',
        'stringData:',
        '  token: plain',
        'type: Opaque',
      ]),
    ).toEqual([
      'apiVersion: v1',
      'data:',
      '  password: ***',
      '  user: ***',
      'kind: Secret',
      'metadata:',
      '  annotations:',
      '    kubectl.kubernetes.io/last-applied-configuration: |',
      '      ***',
      '  name: db',
      'stringData:',
      '  token: ***',
      'type: Opaque',
    ]);
  });

  it('masks data in JSON, lists of Secrets included', () => {
    expect(
      maskLines('kubectl get secrets -o json', [
        '    {',
        '        "data": {',
        '            "password": "aHVudGVyMg==",',
        '            "user": "YWRtaW4="',
        '        },',
        '        "kind": "Secret"',
      ]),
    ).toEqual([
      '    {',
      '        "data": {',
      '            "password": "***",',
      '            "user": "***"',
      '        },',
      '        "kind": "Secret"',
    ]);
  });

  it('masks every line for jsonpath and templates, which print the data alone', () => {
    expect(maskLines("kubectl get secret db -o jsonpath='{.data}'", ['hunter2', ''])).toEqual([
      '*** (Secret data, masked)',
      '',
    ]);
  });
});

describe('the bounded output of a step', () => {
  it('keeps the first and the last lines and counts the rest', () => {
    const capture = outputCapture({ headLines: 2, tailLines: 2 });
    for (let i = 1; i <= 1000; i++) capture.write(`line ${i}\n`);
    expect(capture.end()).toEqual({
      head: ['line 1', 'line 2'],
      tail: ['line 999', 'line 1000'],
      omitted: 996,
      lines: 1000,
    });
  });

  it('joins lines across chunks, keeps what a carriage return leaves, drops escapes, cuts long lines', () => {
    const capture = outputCapture({ maxLineLength: 10 });
    capture.write('progress 10%\rprogress 9');
    capture.write('0%\n\u001b[31mred\u001b[0m and \u001b]0;title\u0007plain\n');
    capture.write('x'.repeat(50));
    expect(capture.end().head).toEqual(['progress 9 …', 'red and pl …', 'xxxxxxxxxx …']);
  });

  it('masks each line as it is kept', () => {
    const capture = outputCapture({ transform: outputMasker('all') });
    capture.write('c2VjcmV0\n');
    expect(capture.end().head).toEqual(['*** (Secret data, masked)']);
  });
});
