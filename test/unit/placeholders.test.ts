import { describe, expect, it } from 'vitest';
import {
  collectVariables,
  findAngledPlaceholders,
  maskPlaceholders,
  valuesFromQuery,
  variableKey,
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
    spans.push({ start: 0, end: 0, text: 'POD_NAME', key: 'pod' });
    expect(collectVariables(spans)).toEqual([
      { key: 'namespace', spellings: ['<namespace>'] },
      { key: 'pod', spellings: ['<pod-name>', 'POD_NAME'] },
    ]);
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
