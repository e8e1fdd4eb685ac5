/**
 * Deterministic synthetic kubectl commands, shaped like the runbooks' own: placeholders, pipelines,
 * JSON patches, JSONPath, label selectors, heredocs. Used by the benchmarks; every command is valid.
 */
const NAMESPACES = ['production', 'klinematrix-prod', 'app-workload', 'rdev', '<namespace>', 'NAMESPACE'];
const TEMPLATES: ((ns: string, i: number) => string)[] = [
  (ns) => `kubectl get pods -n ${ns} -o wide`,
  (ns) => `kubectl describe pod <pod-name> -n ${ns} | grep -A 10 Events`,
  (ns, i) => `kubectl logs <pod-name> -n ${ns} --previous --tail=${100 + i}`,
  (ns) => `kubectl get events -n ${ns} --sort-by='.lastTimestamp' | grep -i "forbidden"`,
  (ns) => `kubectl get deployment api -n ${ns} -o jsonpath='{.spec.template.spec.containers[0].image}'`,
  (ns, i) => `kubectl scale deployment worker-${i % 7} --replicas=${i % 5} -n ${ns}`,
  (ns) => `kubectl rollout restart deployment/api -n ${ns}`,
  (ns) => `kubectl rollout undo deployment/api --to-revision=3 -n ${ns}`,
  (ns, i) =>
    `kubectl patch deployment api -n ${ns} -p '{"spec":{"template":{"spec":{"containers":[{"name":"api","resources":{"limits":{"memory":"${(i % 4) + 1}Gi"}}}]}}}}'`,
  (ns) => `kubectl patch svc api -n ${ns} --type json -p '[{"op":"replace","path":"/spec/type","value":"ClusterIP"}]'`,
  (ns) => `kubectl top pods -n ${ns} -l app.kubernetes.io/name=shepherd --sort-by=memory`,
  (ns) => `kubectl exec -it <pod-name> -n ${ns} -- nslookup kubernetes.default.svc.cluster.local`,
  (ns) => `kubectl get all,pdb,hpa,networkpolicies -n ${ns}`,
  (ns) => `kubectl get secret backend-secrets -n ${ns} -o jsonpath='{.data}' | jq 'keys'`,
  (ns) =>
    `kubectl create configmap app-config --from-file=config.yaml --dry-run=client -o yaml | kubectl apply -n ${ns} -f -`,
  (ns, i) => `kubectl port-forward svc/api ${8000 + (i % 100)}:8000 -n ${ns}`,
  () => 'kubectl describe node NODE_NAME',
  () => 'kubectl get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu',
  (ns) => `kubectl get certificate -n ${ns}`,
  (ns) => `kubectl delete pod <pod-name> -n ${ns} --grace-period=30`,
];

export function syntheticCommands(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    TEMPLATES[i % TEMPLATES.length]!(NAMESPACES[i % NAMESPACES.length]!, i),
  );
}
