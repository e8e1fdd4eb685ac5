import { describe, expect, it } from 'vitest';
import {
  collectVariables,
  findAngledPlaceholders,
  maskPlaceholders,
  matchQuery,
  valuesFromQuery,
  variableKey,
  withDefaults,
} from '../../src/domain/placeholders.ts';

describe('variableKey', () => {
  it.each([
    ['<pod-name>', 'pod'],
    ['POD_NAME', 'pod'],
    ['pod', 'pod'],
    ['<namespace>', 'namespace'],
    ['NAMESPACE', 'namespace'],
    ['<node-name>', 'node'],
    ['NODE_NAME', 'node'],
    ['SVC_NAME', 'service'],
    ['<service-name>', 'service'],
    ['<running-pod-name>', 'running-pod'],
    ['<name>', 'name'],
    ['<ACR_USERNAME>', 'acr-username'],
    ['CONTROL_PLANE_IP', 'control-plane-ip'],
  ])('%s -> %s', (spelling, key) => {
    expect(variableKey(spelling)).toBe(key);
  });
});

describe('defaults', () => {
  it('reads the guide value of <name=default> as the default, keyed by the name part', () => {
    const [span] = findAngledPlaceholders('kubectl get pods -n <namespace=klinematrix-prod>');
    expect(span).toEqual({
      start: 20,
      end: 48,
      text: '<namespace=klinematrix-prod>',
      name: '<namespace>',
      key: 'namespace',
      default: 'klinematrix-prod',
    });
    expect(findAngledPlaceholders('<pod-name=api-7c9>')[0]?.key).toBe('pod');
  });
  it('has no default when none is written', () => {
    const [span] = findAngledPlaceholders('kubectl logs <pod-name>');
    expect(span?.default).toBeUndefined();
    expect(span?.name).toBe('<pod-name>');
  });
  it('takes only plain words as defaults: anything the shell would read as code is not a placeholder', () => {
    for (const text of ['<ns=$(id)>', '<ns=a b>', "<ns='x'>", '<ns=>', '<ns=a;b>', '<ns=a|b>']) {
      expect(findAngledPlaceholders(text), text).toEqual([]);
    }
    expect(findAngledPlaceholders('<ip=10.0.0.1:443>')[0]?.default).toBe('10.0.0.1:443');
  });
  it('fills defaults in to give back the command as the guide wrote it, leaving the others', () => {
    expect(withDefaults('kubectl logs <pod-name> -n <namespace=klinematrix-prod> deploy/<deployment=api>')).toBe(
      'kubectl logs <pod-name> -n klinematrix-prod deploy/api',
    );
  });
  it('masks a placeholder with a default as one word of the same length', () => {
    const text = 'kubectl get pods -n <namespace=prod> -o wide';
    expect(maskPlaceholders(text, findAngledPlaceholders(text))).toBe(
      `kubectl get pods -n ${'x'.repeat('<namespace=prod>'.length)} -o wide`,
    );
  });
});

describe('masking', () => {
  it('keeps every offset while hiding <placeholders> from the shell parser', () => {
    const text = 'kubectl logs <pod-name> -n <namespace>';
    const masked = maskPlaceholders(text, findAngledPlaceholders(text));
    expect(masked).toBe('kubectl logs xxxxxxxxxx -n xxxxxxxxxxx');
    expect(masked).toHaveLength(text.length);
  });
});

describe('collectVariables', () => {
  it('gives one variable per key with every spelling, in order of first use', () => {
    const spans = findAngledPlaceholders('<namespace> <pod-name> <namespace>');
    spans.push({ start: 0, end: 0, text: 'POD_NAME', name: 'POD_NAME', key: 'pod' });
    expect(collectVariables(spans)).toEqual([
      { key: 'namespace', spellings: ['<namespace>'], defaults: [] },
      { key: 'pod', spellings: ['<pod-name>', 'POD_NAME'], defaults: [] },
    ]);
  });
  it("lists a variable's defaults once each, and its spellings without them", () => {
    const spans = findAngledPlaceholders('<namespace=prod> <namespace> <namespace=prod> <namespace=staging>');
    expect(collectVariables(spans)).toEqual([
      { key: 'namespace', spellings: ['<namespace>'], defaults: ['prod', 'staging'] },
    ]);
  });
});

describe('matchQuery', () => {
  it('says which parameters filled a variable and which matched nothing on the page', () => {
    expect(
      matchQuery('?namespace=prod&POD_NAME=api-7c9&cluster=eu-1&empty=&utm_source=pager', ['namespace', 'pod']),
    ).toEqual({
      applied: [
        { parameter: 'namespace', key: 'namespace', value: 'prod' },
        { parameter: 'POD_NAME', key: 'pod', value: 'api-7c9' },
      ],
      unmatched: [
        { parameter: 'cluster', value: 'eu-1' },
        { parameter: 'utm_source', value: 'pager' },
      ],
    });
  });
  it('lets the last of two parameters for the same variable win', () => {
    expect(matchQuery('?pod=a&pod_name=b', ['pod']).applied).toEqual([
      { parameter: 'pod_name', key: 'pod', value: 'b' },
    ]);
  });
  it('counts an alert label that fills only a variable of another name as applied, not as matching nothing', () => {
    expect(matchQuery('?pod=api-1&cluster=eu', ['pending-pod', 'namespace'], { pod: 'pending-pod' })).toEqual({
      applied: [{ parameter: 'pod', key: 'pending-pod', value: 'api-1' }],
      unmatched: [{ parameter: 'cluster', value: 'eu' }],
    });
  });
});

describe('valuesFromQuery', () => {
  it('fills variables from alert labels in the URL, whatever their spelling', () => {
    const values = valuesFromQuery('?namespace=prod&pod_name=api-7c9&NODE=n1&unknown=x&empty=', [
      'namespace',
      'pod',
      'node',
      'empty',
    ]);
    expect(Object.fromEntries(values)).toEqual({ namespace: 'prod', pod: 'api-7c9', node: 'n1' });
  });
  it('keeps values as plain text, markup included', () => {
    const values = valuesFromQuery(`?pod=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, ['pod']);
    expect(values.get('pod')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('alert labels filling variables of another name', () => {
  it('fills the mapped variable too, unless the query names that variable itself', async () => {
    const { valuesFromQuery } = await import('../../src/domain/placeholders.ts');
    const keys = ['pod', 'pending-pod', 'namespace'];
    expect([...valuesFromQuery('?pod=api-1&namespace=prod', keys, { pod: 'pending-pod' })]).toEqual([
      ['pod', 'api-1'],
      ['namespace', 'prod'],
      ['pending-pod', 'api-1'],
    ]);
    expect([...valuesFromQuery('?pod=api-1&pending-pod=api-2', keys, { pod: 'pending-pod' })]).toEqual([
      ['pod', 'api-1'],
      ['pending-pod', 'api-2'],
    ]);
    // A label mapped onto a variable the page lacks, or a prototype name, fills nothing.
    expect([
      ...valuesFromQuery('?persistentvolumeclaim=data&constructor=x', keys, { persistentvolumeclaim: 'pvc' }),
    ]).toEqual([]);
  });
});
