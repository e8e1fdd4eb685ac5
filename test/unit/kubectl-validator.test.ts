import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/checks/diagnostics.ts';
import { validateCommand, validateDoc } from '../support/validator.ts';

const errors = async (code: string) => (await validateCommand(code)).filter((d) => d.severity === 'error');

describe('valid commands pass', () => {
  it.each([
    'kubectl get pods -n production -l app.kubernetes.io/name=shepherd -o wide',
    'kubectl -n rdev get pods -l app=rdev-api',
    "kubectl get deploy backend -n klinematrix-prod -o jsonpath='{.spec.template.spec.containers[0].image}'",
    "kubectl get pods -n production -o jsonpath='{.items[*].spec.containers[*].name}' | grep istio-proxy",
    'kubectl describe pod <pod-name> -n <namespace> | grep -A 10 Events',
    'kubectl logs <pod-name> -n klinematrix-prod --previous',
    'kubectl logs -f deployment/cert-manager -n cert-manager',
    'kubectl logs -n production -l app.kubernetes.io/name=shepherd --since=1h > shepherd-logs.txt',
    'kubectl exec -it worker-pod -- nslookup nats.app-workload.svc',
    'kubectl rollout restart deployment/backend deployment/frontend -n klinematrix-prod',
    'kubectl rollout undo deployment/shepherd --to-revision=3 -n production',
    'kubectl scale deployment frontend --replicas=0 -n klinematrix-prod',
    'kubectl -n rdev scale deployment/rdev-api --replicas=3',
    `kubectl patch deployment shepherd -n production -p '{"spec":{"template":{"spec":{"containers":[{"name":"shepherd","resources":{"requests":{"cpu":"200m"}}}]}}}}'`,
    `kubectl patch svc x --type json -p '[{"op":"remove","path":"/metadata/annotations/a"}]'`,
    'kubectl get all,pdb,hpa,networkpolicies -n app-workload',
    'kubectl get certificate -n klinematrix-prod',
    'kubectl get clusterissuer letsencrypt-prod -o yaml',
    'kubectl get virtualservice,destinationrule -n production',
    'kubectl get servicemonitor -n production',
    'kubectl create secret docker-registry acr-secret \\\n  --docker-server=financialagent.azurecr.io \\\n  --docker-username=<ACR_USERNAME> \\\n  --docker-password=<ACR_PASSWORD> \\\n  -n klinematrix-prod',
    'kubectl create configmap shepherd-config --from-file=config.yaml --dry-run=client -o yaml | kubectl apply -n production -f -',
    'kubectl top pods -n production -l app.kubernetes.io/name=shepherd --sort-by=memory',
    'kubectl get --raw /api/v1/nodes/<node-name>/proxy/stats/summary | jq .pods[].containers[].cpu',
    'kubectl debug node/<node-name> -it --image=busybox',
    'kubectl run test-connectivity --image=curlimages/curl --rm -it --restart=Never -- curl -I https://ghcr.io',
    'kubectl port-forward svc/backend-service 8000:8000 -n klinematrix-prod',
    'kubectl annotate svc <service-name> -n <namespace> \\\n  service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec-',
    "kubectl get events -n <namespace> --sort-by='.lastTimestamp' | grep ImagePull",
    'kubectl set env deployment/shepherd DEBUG_MEMORY=true -n production',
    'watch kubectl exec -it worker-pod -- curl http://api/stats',
    'sudo kubectl get nodes',
    'kubectl get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu',
    'kubectl delete pod x --cascade=foreground --grace-period=0 --force',
    'kubectl wait --for=condition=Ready pod/x --timeout=60s',
    'kubectl get svc SVC_NAME -n NAMESPACE -o wide',
    "for d in a b; do kubectl get deploy $d -n klinematrix-prod -o jsonpath='{.spec}'; done",
    'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\nEOF',
    'echo $(kubectl get pods -o name | head -1)',
    // Global flags before the verb, and -n in every position.
    'kubectl --v 6 delete pod web-1',
    'kubectl -v=6 get pods',
    'kubectl --as-group admins --as admin delete namespace prod',
    'kubectl --profile cpu get pods',
    'kubectl --profile=heap --profile-output=/tmp/heap.pprof get pods',
    'kubectl --context prod-eu -n prod get pods',
    'kubectl -n prod get pods',
    'kubectl get -n prod pods',
    'kubectl get pods -n prod',
    'kubectl -nprod get pods',
    'kubectl --namespace=prod rollout status deploy/api',
    'kubectl -n prod logs deploy/api --tail=20',
    "sh -c 'kubectl get pods -n prod'",
    'sudo install -o root -g root -m 0755 kubectl /usr/local/bin/kubectl',
    'env KUBECONFIG=/tmp/k timeout 30 kubectl get pods',
    // Placeholders with the guide's value as default are checked with it filled in.
    'kubectl get pods -n <namespace=klinematrix-prod>',
    'kubectl rollout restart deployment/<deployment=api> -n <namespace=prod>',
    'kubectl logs <pod-name=api-7c9> -n <namespace=prod> --tail=<lines=100>',
    'kubectl exec -it <pod=worker-pod> -- nslookup nats.<namespace=app-workload>.svc',
    // What xargs reads from its input stands where -I says, or after the command.
    'kubectl get pods -o name | xargs -I{} kubectl describe {}',
    'kubectl get pods -o name | xargs -n1 kubectl logs',
    'kubectl get pods -o name | xargs kubectl delete',
    // kubectl is an argument here, not the command; and other tools are never read as kubectl.
    'sudo apt-get install -y kubectl',
    'brew install kubectl',
    'oc get podz',
    'helm install x --bogus',
    'kubectx prod',
    // Forms kubectl takes that look odd.
    'kubectl get pods --field-selector ""',
    'kubectl get pods -l ""',
    'kubectl get pods --field-selector=status.phase!=Running,spec.nodeName=',
    'kubectl set env deployment/web DEBUG- LOG_LEVEL-',
    "kubectl get pods -o go-template --template='{{range .items}}{{.metadata.name}}{{end}}'",
    "kubectl get pods -o template --template '{{.metadata.name}}'",
    "kubectl get pods -o jsonpath --template='{.items[*].metadata.name}'",
    'kubectl get pods -o custom-columns=NAME:metadata.name,NODE:spec.nodeName',
    'kubectl get pods -o=custom-columns=NAME:.metadata.name --no-headers',
    'kubectl get deployment.v1.apps/web -o yaml',
    'kubectl get deployments.apps web',
    'kubectl get hpa.v1.autoscaling',
    'kubectl logs --help',
    'kubectl get pods --all-namespaces -h',
    'kubectl -h',
    'kubectl apply -f <filename|url>',
    'kubectl kustomize <kustomization directory>',
  ])('%s', async (code) => {
    expect((await errors(code)).map(formatDiagnostic)).toEqual([]);
  });
});

describe('invalid commands fail with the right rule', () => {
  it.each([
    ['kubectl delete old-deployments -n production', 'kubectl/unknown-resource', 'did you mean deployments?'],
    ['kubectl get deploymnets', 'kubectl/unknown-resource', 'did you mean deployments?'],
    ['kubectl get pods --all-namespace', 'kubectl/unknown-flag', 'did you mean --all-namespaces?'],
    ['kubectl gett pods', 'kubectl/unknown-command', 'did you mean "kubectl get"?'],
    ['kubectl get pods -x', 'kubectl/unknown-flag', "'x'"],
    ['kubectl drain node-1 --ignore-daemonsets --delete-local-data', 'kubectl/removed-flag', '--delete-emptydir-data'],
    ['kubectl get pods -o yml', 'kubectl/output-format', 'did you mean -o yaml?'],
    ["kubectl get pods -o jsonpath='{.items[0}'", 'kubectl/output-template', 'unclosed "["'],
    ['kubectl get pods -o custom-columns=NAME', 'kubectl/output-template', 'HEADER:JSONPATH'],
    ["kubectl patch deploy x -p '{bad'", 'kubectl/patch-body', 'not valid JSON'],
    [`kubectl patch deploy x --type json -p '{"spec":{}}'`, 'kubectl/patch-body', 'array of operations'],
    [`kubectl patch deploy x --type=json -p '[{"path":"/a"}]'`, 'kubectl/patch-body', '"op"'],
    ['kubectl exec mypod ls /app', 'kubectl/exec-needs-dashdash', 'kubectl exec mypod -- ls /app'],
    ['kubectl exec -it mypod', 'kubectl/exec-needs-command', ''],
    ['kubectl logs mypod -l app=x', 'kubectl/logs-selector-and-name', ''],
    ['kubectl rollout restart pod/x', 'kubectl/rollout-kind', 'Pod'],
    ['kubectl rollout pause statefulset/x', 'kubectl/rollout-kind', 'Deployments only'],
    ['kubectl scale pod x --replicas=2', 'kubectl/scale-kind', 'Pod'],
    ['kubectl logs x --since=1hour', 'kubectl/flag-value', 'duration'],
    ['kubectl logs x --tail=ten', 'kubectl/flag-value', 'whole number'],
    ['kubectl delete pod x --cascade=sideways', 'kubectl/flag-value', 'background'],
    ["kubectl patch deploy x --type yaml -p '{}'", 'kubectl/flag-value', 'strategic'],
    ["kubectl get pods -l 'app in (a,b'", 'kubectl/selector', ''],
    ['kubectl create deployment web', 'kubectl/required-flag', 'image'],
    ['kubectl get pods -n', 'kubectl/flag-needs-value', "'n' in -n"],
    ['kubectl rollout', 'kubectl/needs-subcommand', 'needs a subcommand'],
    ['kubectl rollout restrat deployment/x', 'kubectl/unknown-command', 'did you mean "kubectl rollout restart"?'],
    ['kubectl get deployment deployment/x', 'kubectl/resource-name-form', ''],
    ['env KUBECONFIG=/tmp/x kubectl gett pods', 'kubectl/unknown-command', 'did you mean "kubectl get"?'],
    // Global flags before the verb are checked like any other, and the verb after them too.
    ['kubectl --v six get pods', 'kubectl/flag-value', 'whole number'],
    ['kubectl --profile gpu get pods', 'kubectl/flag-value', 'cpu'],
    ['kubectl --context prod gett pods', 'kubectl/unknown-command', 'did you mean "kubectl get"?'],
    ['kubectl -n prod get deploymnets', 'kubectl/unknown-resource', 'did you mean deployments?'],
    ['kubectl --as-group admins delete namespac prod', 'kubectl/unknown-resource', 'namespace'],
    ['kubectl get pods -n prod --all-namespace', 'kubectl/unknown-flag', 'did you mean --all-namespaces?'],
    ['kubectl --namespace', 'kubectl/flag-needs-value', '--namespace'],
    ["sh -c 'kubectl gett pods'", 'kubectl/unknown-command', 'did you mean "kubectl get"?'],
    ['timeout 30 kubectl get deploymnets', 'kubectl/unknown-resource', 'did you mean deployments?'],
    // With its default filled in, what a placeholder stands for is checked as the page copies it.
    ['kubectl rollout restart pod/<pod=api-7c9>', 'kubectl/rollout-kind', 'Pod'],
    ['kubectl get <kind=deploymnets> -n prod', 'kubectl/unknown-resource', 'did you mean deployments?'],
    ['kubectl logs x --tail=<lines=ten>', 'kubectl/flag-value', 'whole number'],
    // A default is a value like any other: the page would mark this one as unusual.
    ['kubectl get pods -n <namespace=Prod_1>', 'placeholder/default', 'not a valid Kubernetes namespace name'],
    // However nested: watch's quoted command line, backticks, $(…) in strings, bash -c, wrappers' own flags.
    ['watch "kubectl get podz"', 'kubectl/unknown-resource', 'pods'],
    ["watch -n 5 'kubectl get podz -n x | grep y'", 'kubectl/unknown-resource', 'pods'],
    ['echo `kubectl get podz`', 'kubectl/unknown-resource', 'pods'],
    ['echo "$(kubectl get podz)"', 'kubectl/unknown-resource', 'pods'],
    ["bash -c 'kubectl get podz'", 'kubectl/unknown-resource', 'pods'],
    ['sudo -E kubectl get podz', 'kubectl/unknown-resource', 'pods'],
    ['env -i KUBECONFIG=x kubectl get podz', 'kubectl/unknown-resource', 'pods'],
    ['timeout -s KILL 10 kubectl get podz', 'kubectl/unknown-resource', 'pods'],
    ['kubectl get pods -o name | xargs kubectl get podz', 'kubectl/unknown-resource', 'pods'],
    ['minikube kubectl -- get podz', 'kubectl/unknown-resource', 'pods'],
    // Removed APIs say when they went and what replaced them.
    ['kubectl get psp', 'kubectl/removed-api', 'Pod Security Admission'],
    ['kubectl get ingresses.v1beta1.extensions', 'kubectl/removed-api', 'v1.22'],
    ['kubectl get cronjobs.v1beta1.batch', 'kubectl/removed-api', 'batch/v1 CronJob'],
    // A typo of a command is an error; flags before a plugin's name too.
    ['kubectl lgos x', 'kubectl/unknown-command', 'did you mean "kubectl logs"?'],
    ['kubectl descibe pod x', 'kubectl/unknown-command', 'did you mean "kubectl describe"?'],
    ['kubectl exe x -- ls', 'kubectl/unknown-command', 'did you mean "kubectl exec"?'],
    ['kubectl -n prod ctx', 'kubectl/flag-before-plugin', 'move them after'],
    ["kubectl get pods --field-selector 'status.phase in (Running)'", 'kubectl/selector', 'set operators'],
    ['kubectl scale svc web --replicas=2', 'kubectl/scale-kind', 'Service'],
    ['kubectl get pods --bogus -h', 'kubectl/unknown-flag', '--bogus'],
  ])('%s -> %s', async (code, rule, text) => {
    const found = await errors(code);
    expect(found.map((d) => d.rule)).toContain(rule);
    const d = found.find((x) => x.rule === rule)!;
    expect(`${d.message} ${d.hint ?? ''}`).toContain(text);
  });
});

describe('placeholders without a default', () => {
  it.each(['kubectl rollout restart pod/<pod-name>', 'kubectl get <kind> -n prod', 'kubectl logs x --tail=<lines>'])(
    '%s: accept any value there',
    async (code) => {
      expect((await errors(code)).map(formatDiagnostic)).toEqual([]);
    },
  );
});

describe('deprecations are warnings, not errors', () => {
  it.each([
    ['kubectl get componentstatuses', 'kubectl/deprecated-resource'],
    ['kubectl get cs', 'kubectl/deprecated-resource'],
    ['kubectl scale deploy x --replicas=2 --record', 'kubectl/deprecated-flag'],
    ['kubectl delete pod x --cascade=true', 'kubectl/deprecated-value'],
    ['kubectl delete pod x --dry-run', 'kubectl/deprecated-flag'],
    [
      `kubectl patch deployment shepherd -p '{"spec":{"template":{"metadata":{"annotations":{"scheduler.alpha.kubernetes.io/critical-pod":"true"}}}}}'`,
      'kubectl/deprecated-annotation',
    ],
    ['kubectl annotate pod x scheduler.alpha.kubernetes.io/critical-pod=true', 'kubectl/deprecated-annotation'],
  ])('%s -> %s', async (code, rule) => {
    const found = await validateCommand(code);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.map((d) => `${d.severity} ${d.rule}`)).toContain(`warning ${rule}`);
  });
});

describe('plugins and APIs that need turning on are warnings', () => {
  it.each([
    ['kubectl ctx prod', 'kubectl/plugin'],
    ['kubectl krew install ctx ns', 'kubectl/plugin'],
    ['kubectl convert -f old.yaml --output-version apps/v1', 'kubectl/plugin'],
    ['kubectl get servicecidrs', 'kubectl/feature-gated-resource'],
    ['kubectl get ipaddresses.networking.k8s.io', 'kubectl/feature-gated-resource'],
    ['kubectl get clustertrustbundles', 'kubectl/feature-gated-resource'],
    ['kubectl get storageversionmigrations', 'kubectl/feature-gated-resource'],
    ['kubectl get vac', 'kubectl/feature-gated-resource'],
  ])('%s -> %s', async (code, rule) => {
    const found = await validateCommand(code);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.map((d) => `${d.severity} ${d.rule}`)).toContain(`warning ${rule}`);
  });
});

describe('in Markdown', () => {
  it('finds the same mistake in a block repeated on a page at each place it sits (blocks are checked once)', async () => {
    const block = '```bash\n# scale it\n  kubectl scale deployment api --replica=0\n```';
    const doc = `${block}\n\nThen again:\n\n- step\n\n  ${block.replaceAll('\n', '\n  ')}\n`;
    const found = (await validateDoc(doc)).map((d) => `${d.line}:${d.column} ${d.rule}`);
    // Line 3, after the two spaces and 'kubectl scale deployment api '; line 12, two columns further in.
    expect(found).toEqual(['3:32 kubectl/unknown-flag', '12:34 kubectl/unknown-flag']);
    // A different block of the same commands elsewhere is not confused with it.
    expect((await validateDoc(block.replace('--replica=0', '--replicas=0'))).length).toBe(0);
  });

  it('knows the custom resources a CustomResourceDefinition on the page defines, in every spelling', async () => {
    const crd = [
      '```yaml',
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata:',
      '  name: crontabs.stable.example.com',
      'spec:',
      '  group: stable.example.com',
      '  versions:',
      '    - name: v1',
      '      served: true',
      '      storage: true',
      '      subresources:',
      '        scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}',
      '  scope: Namespaced',
      '  names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}',
      '```',
    ].join('\n');
    const commands = [
      'kubectl get crontab',
      'kubectl get ct -o yaml',
      'kubectl get CronTab my-new-cron-object',
      'kubectl get crontabs.stable.example.com',
      'kubectl get crontabs.v1.stable.example.com/my-new-cron-object',
      'kubectl scale crontab my-new-cron-object --replicas=2',
      'kubectl get crontabz',
    ];
    const doc = `${crd}\n\n\`\`\`shell\n${commands.join('\n')}\n\`\`\`\n`;
    expect((await validateDoc(doc)).map((d) => `${d.line} ${d.rule}`)).toEqual(['25 kubectl/unknown-resource']);
    // Without the definition, the same commands are unknown types.
    expect((await validateDoc(`\`\`\`shell\n${commands.join('\n')}\n\`\`\`\n`)).length).toBe(7);
  });

  it('reads a CustomResourceDefinition applied from a heredoc, and plugins the page installs', async () => {
    const doc = [
      '```shell',
      'kubectl apply -f - <<EOF',
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: widgets.example.io}',
      'spec:',
      '  group: example.io',
      '  scope: Cluster',
      '  versions: [{name: v1alpha1, served: true, storage: true}]',
      '  names: {plural: widgets, singular: widget, kind: Widget}',
      'EOF',
      'kubectl get widgets',
      '```',
      '',
      'Install the `kubectl-score` plugin first, then run `kubectl score -f deploy.yaml`.',
    ].join('\n');
    expect((await validateDoc(doc)).map((d) => `${d.severity} ${d.rule}`)).toEqual(['warning kubectl/plugin']);
  });

  it('reports file:line:col of the offending word, in blocks nested in lists', async () => {
    const doc = 'Intro\n\n1. Step\n   ```bash\n   kubectl get pods\n   kubectl get pods --all-namespace\n   ```\n';
    expect((await validateDoc(doc)).map(formatDiagnostic)).toEqual([
      'doc.md:6:21 error kubectl/unknown-flag unknown flag: --all-namespace for "kubectl get"\n    hint: did you mean --all-namespaces?',
    ]);
  });

  it('skips a block only when it gives a written reason', async () => {
    const withReason = '```bash wrong="componentstatuses is deprecated"\nkubectl get componentstatuses --bogus\n```\n';
    expect(await validateDoc(withReason)).toEqual([]);
    const withoutReason = '```bash novalidate\nkubectl gett pods\n```\n';
    expect((await validateDoc(withoutReason)).map((d) => `${d.line} ${d.rule}`)).toEqual(['1 validate/opt-out-reason']);
  });

  it('warns about typographic quotes and dashes in commands', async () => {
    const found = await validateDoc('```bash\nkubectl logs x –previous\n```\n');
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      '2:16 warning shell/typographic-character',
    ]);
  });

  it('checks commands after $ , # and > prompts in shell blocks, and not the output after them', async () => {
    const doc =
      '```shell\n$ kubectl get deploymnets\nNAME   READY\nweb    gett\n# kubectl get pods --all-namespace\n```\n';
    expect((await validateDoc(doc)).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '2:15 kubectl/unknown-resource',
      '5:20 kubectl/unknown-flag',
    ]);
  });

  it('checks the kubectl lines of fences without a language, indented code, and fences in blockquotes', async () => {
    const doc = [
      '```',
      'kubectl get pods --bogus',
      'NAME   READY   STATUS',
      '```',
      '',
      '    kubectl get nodez',
      '',
      '> ```shell',
      '> kubectl get deploymnets',
      '> ```',
    ].join('\n');
    expect((await validateDoc(doc)).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '2:18 kubectl/unknown-flag',
      '6:17 kubectl/unknown-resource',
      '9:15 kubectl/unknown-resource',
    ]);
  });

  it('reads a one-line ```kubectl …``` as inline code, as CommonMark does, and checks it there', async () => {
    const doc = 'Run ```kubectl get podz``` now.\n\n```bash\nkubectl get pods\n```\n';
    expect((await validateDoc(doc)).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '1:20 kubectl/unknown-resource',
    ]);
  });

  it('checks complete inline commands at their own column, and skips mentions, synopses and installs', async () => {
    const doc = [
      'Run `kubectl -n $NAMESPACE describe pod $POD`, then `kubectl gett pods` and `$ kubectl get pods --all-namespace`.',
      'Mentions: `kubectl exec`, `kubectl logs`, `kubectl apply -f`, `kubectl rollout`, `kubectl logs --help`.',
      'Synopses: `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`, `kubectl get TYPE NAME`.',
      'Not kubectl: `brew install kubectl`, `oc get podz`, `helm list --bogus`, `kubectx prod`.',
    ].join('\n');
    expect((await validateDoc(doc)).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '1:62 kubectl/unknown-command',
      '1:97 kubectl/unknown-flag',
    ]);
  });

  it('skips usage synopses in blocks and takes [POD] as a placeholder', async () => {
    const doc = [
      '```',
      'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
      'kubectl get [(-o|--output=)json|yaml|name] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
      '```',
      '```bash',
      'kubectl get [RESOURCE] -n [NAMESPACE]',
      'kubectl describe pod [POD] -n [NAMESPACE]',
      '```',
    ].join('\n');
    expect(await validateDoc(doc)).toEqual([]);
  });

  it('ignores shell blocks without kubectl and other languages', async () => {
    expect(await validateDoc('```yaml\nkubectl: gett\n```\n```bash\ncurl -I https://example.com\n```\n')).toEqual([]);
  });
});
