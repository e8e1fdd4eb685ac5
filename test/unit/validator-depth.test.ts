import { describe, expect, it } from 'vitest';
import { githubAnnotation } from '../../src/checks/report-formats.ts';
import { resourcesDefinedIn, heredocBodies } from '../../src/kubectl/custom-resource-definitions.ts';
import { checkFieldSelector, checkGoTemplate, checkTaint, checkTolerations } from '../../src/kubectl/syntax.ts';
import { isUsageSynopsis } from '../../src/kubectl/usage-synopsis.ts';
import { typingDistance } from '../../src/text/edit-distance.ts';
import { pluginsNamedIn } from '../../src/validator/docs-facts.ts';
import { validateCommand } from '../support/validator.ts';

const errors = async (code: string) => (await validateCommand(code)).filter((d) => d.severity === 'error');

describe('argument rules generated from kubectl', () => {
  it.each([
    ['kubectl get', 'kubectl/missing-argument', 'You must specify the type of resource to get'],
    ['kubectl logs', 'kubectl/missing-argument', "expected 'logs"],
    ['kubectl logs web app extra', 'kubectl/too-many-arguments', "expected 'logs"],
    ['kubectl version extra', 'kubectl/too-many-arguments', 'extra arguments: [extra]'],
    ['kubectl apply deployment.yaml', 'kubectl/too-many-arguments', 'Unexpected args: [deployment.yaml]'],
    ['kubectl apply', 'kubectl/missing-flag', 'must specify one of -f and -k'],
    ['kubectl create deployment a b --image=nginx', 'kubectl/too-many-arguments', 'exactly one NAME is required'],
    ['kubectl port-forward web', 'kubectl/missing-argument', 'TYPE/NAME and list of ports are required'],
    ['kubectl auth can-i get', 'kubectl/missing-argument', 'two arguments'],
    ['kubectl label pod web', 'kubectl/missing-update', 'at least one label update is required'],
    [
      'kubectl run tmp --image=busybox --rm -- sh',
      'kubectl/flag-requires',
      '--rm should only be used for attached containers',
    ],
    ['kubectl run tmp --image=busybox -t -- sh', 'kubectl/flag-requires', '-i/--stdin is required'],
    ['kubectl debug web -it', 'kubectl/missing-flag', 'you must specify --image'],
    ['kubectl apply -f x.yaml --prune', 'kubectl/flag-requires', 'without explicitly passing --all'],
    ['kubectl apply -f x.yaml --force-conflicts', 'kubectl/flag-requires', 'only works with --server-side'],
    ['kubectl patch deployment web', 'kubectl/missing-flag', 'must specify --patch'],
    ['kubectl cp ./a ./b', 'kubectl/cp-remote', 'remote file specification'],
    ['kubectl taint nodes node-1 dedicated=batch:Sometimes', 'kubectl/taint', 'invalid taint effect: Sometimes'],
    ['kubectl taint pods web k=v:NoSchedule', 'kubectl/taint', 'only node types are supported'],
    ['kubectl autoscale pod web --max=3', 'kubectl/scale-kind', 'scale subresource'],
    ['kubectl drain node-1 --delete-local-data', 'kubectl/removed-flag', 'Use --delete-emptydir-data'],
    ['kubectl apply -f x.yaml --prune-whitelist=core/v1/ConfigMap', 'kubectl/removed-flag', 'Use --prune-allowlist'],
    ['kubectl run tmp --image=busybox --generator=run-pod/v1', 'kubectl/removed-flag', 'creates a Pod'],
    ['kubectl apply -f x.yaml --prune -l app=web --applyset=web', 'kubectl/flag-needs-switch', 'KUBECTL_APPLYSET=true'],
    ['kubectl --request-timeout=five get pods', 'kubectl/flag-value', 'Invalid timeout value'],
    [
      "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}'",
      'kubectl/output-template',
      'unexpected EOF',
    ],
  ])('%s -> %s', async (code, rule, text) => {
    const found = await errors(code);
    expect(found.map((d) => d.rule)).toContain(rule);
    const d = found.find((x) => x.rule === rule)!;
    expect(`${d.message} ${d.hint ?? ''}`).toContain(text);
  });

  it.each([
    'kubectl get -f deployment.yaml',
    'kubectl get --raw /readyz',
    'kubectl logs -l app=web',
    'kubectl auth can-i --list',
    'kubectl label pods --all tier=db',
    'kubectl run tmp --image=busybox --rm -it -- sh',
    'kubectl debug web -it --copy-to=web-debug --container=app -- sh',
    'kubectl apply -f x.yaml --prune -l app=web',
    'KUBECTL_APPLYSET=true kubectl apply -f x.yaml --prune -l app=web --applyset=web',
    'export KUBECTL_APPLYSET=true\nkubectl apply -f x.yaml --prune --all --applyset=web',
    'kubectl get pods -o name | xargs kubectl delete',
    'kubectl delete pod $PODS',
    'kubectl cp web:/etc/hosts ./hosts',
    'kubectl taint nodes node-1 dedicated:NoSchedule-',
    'kubectl --request-timeout=30 get pods',
    'kubectl get deploy.v9.apps',
  ])('%s is valid', async (code) => {
    expect((await errors(code)).map((d) => d.message)).toEqual([]);
  });
});

describe('the little languages', () => {
  it('taints: key=value:effect, key:effect, removals', () => {
    const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
    expect(checkTaint('dedicated=batch:NoSchedule', effects)).toBeUndefined();
    expect(checkTaint('dedicated:NoExecute', effects)).toBeUndefined();
    expect(checkTaint('dedicated-', effects)).toBeUndefined();
    expect(checkTaint('dedicated:NoSchedule-', effects)).toBeUndefined();
    expect(checkTaint('dedicated=batch', effects)).toMatch(/key=value:effect/);
    expect(checkTaint('dedicated=batch:NoSchedul', effects)).toMatch(/invalid taint effect/);
    expect(checkTaint('-bad=x:NoSchedule', effects)).toMatch(/not a valid taint key/);
  });

  it('tolerations in bodies', () => {
    const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
    const body = (t: object) => ({ spec: { template: { spec: { tolerations: [t] } } } });
    expect(
      checkTolerations(body({ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }), effects),
    ).toBeUndefined();
    expect(checkTolerations(body({ operator: 'Exists' }), effects)).toBeUndefined();
    expect(checkTolerations(body({ key: 'k', operator: 'Exists', value: 'v' }), effects)).toMatch(/takes no value/);
    expect(checkTolerations(body({ key: 'k', operator: 'In' }), effects)).toMatch(/Exists or Equal/);
    expect(checkTolerations(body({ value: 'v' }), effects)).toMatch(/needs operator Exists/);
    expect(checkTolerations(body({ key: 'k', effect: 'NoScheduled' }), effects)).toMatch(/must be one of/);
  });

  it('field selectors and Go templates', () => {
    expect(checkFieldSelector('')).toBeUndefined();
    expect(checkFieldSelector('status.phase!=Running,spec.nodeName=node-1')).toBeUndefined();
    expect(checkFieldSelector('spec.nodeName=')).toBeUndefined();
    expect(checkFieldSelector('status.phase in (Running)')).toMatch(/set operators/);
    expect(checkFieldSelector('status.phase')).toMatch(/not a field selector term/);
    expect(checkGoTemplate('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}')).toBeUndefined();
    expect(checkGoTemplate('{{if .x}}a{{else}}b{{end}}')).toBeUndefined();
    expect(checkGoTemplate('{{range .items}}x')).toMatch(/unexpected EOF/);
    expect(checkGoTemplate('x{{end}}')).toMatch(/unexpected \{\{end\}\}/);
  });
});

describe('small pieces', () => {
  it('tells usage synopses from commands', () => {
    expect(isUsageSynopsis('kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]')).toBe(true);
    expect(isUsageSynopsis('kubectl get TYPE NAME')).toBe(true);
    expect(isUsageSynopsis('kubectl exec (POD | TYPE/NAME) -- COMMAND [args...]')).toBe(true);
    expect(isUsageSynopsis('kubectl get pods -n NAMESPACE')).toBe(false);
    expect(isUsageSynopsis('kubectl describe node NODE_NAME')).toBe(false);
    expect(isUsageSynopsis("kubectl get pods -o jsonpath='{.items[0].metadata.name}'")).toBe(false);
    expect(isUsageSynopsis('kubectl exec web -- printenv HOSTNAME')).toBe(false);
    expect(isUsageSynopsis('echo $(kubectl get pods -o name)')).toBe(false);
  });

  it('reads CustomResourceDefinitions, heredocs and plugin names', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a.example.io}\nspec:\n  group: example.io\n  scope: Cluster\n  versions:\n    - {name: v1beta1, served: true, storage: false}\n    - {name: v1, served: true, storage: true, subresources: {scale: {}}}\n  names: {plural: as, singular: a, kind: A, shortNames: [AA]}\n---\nkind: ConfigMap\n`;
    expect(resourcesDefinedIn(crd)).toEqual([
      {
        name: 'as',
        singular: 'a',
        shortNames: ['aa'],
        kind: 'A',
        group: 'example.io',
        version: 'v1',
        namespaced: false,
        otherVersions: ['v1beta1'],
        scale: true,
      },
    ]);
    expect(resourcesDefinedIn('kind: CustomResourceDefinition\nspec: [broken')).toEqual([]);
    expect(heredocBodies("kubectl apply -f - <<'EOF'\nkind: X\nEOF\ncat <<-END\n\tkind: Y\n\tEND\n")).toEqual([
      'kind: X',
      '\tkind: Y',
    ]);
    expect(pluginsNamedIn('Run `kubectl krew install ctx ns` and put kubectl-view_secret on PATH.')).toEqual([
      'ctx',
      'ns',
      'view-secret',
    ]);
  });

  it('counts an exchange of neighbouring letters as one edit', () => {
    expect(typingDistance('lgos', 'logs')).toBe(1);
    expect(typingDistance('ctx', 'cp')).toBe(2);
  });

  it('writes GitHub annotations with escaped properties and message', () => {
    expect(
      githubAnnotation({
        file: 'docs/a,b.md',
        line: 3,
        column: 7,
        severity: 'error',
        rule: 'kubectl/unknown-flag',
        message: '50% wrong: --x',
        hint: 'did you mean --y?',
      }),
    ).toBe(
      '::error file=docs/a%2Cb.md,line=3,col=7,title=kubectl/unknown-flag::50%25 wrong: --x%0Ahint: did you mean --y?',
    );
  });
});
