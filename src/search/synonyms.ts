/**
 * The reviewed synonym table: the shorthand operators type, the words error lines use for the same
 * thing, well-known ports and status codes as the component they name, and the Chinese of common
 * operations terms. Applied to the query (src/search/query.ts): a word or phrase found here also
 * searches for its equivalents, at a little less weight than the word itself. Kept small and general:
 * an entry is a fact about Kubernetes operations, never a fix for one query.
 *
 * Each entry is a set of terms that mean the same (`same`), or terms that point at others (`from` ->
 * `to`: "6443" means the API server, but "apiserver" does not mean port 6443). Terms are words or
 * phrases, matched on whole words, case aside.
 */
export type SynonymEntry = { same: readonly string[] } | { from: readonly string[]; to: readonly string[] };

export const SYNONYMS: readonly SynonymEntry[] = [
  // Kubernetes shorthand (kubectl's own short names)
  { same: ['image', 'img'] },
  { same: ['persistentvolumeclaim', 'pvc', 'persistent volume claim', 'volume claim'] },
  { same: ['persistentvolume', 'pv', 'persistent volume'] },
  { same: ['horizontalpodautoscaler', 'hpa', 'autoscaler'] },
  { same: ['configmap', 'cm', 'config map'] },
  { same: ['service', 'svc'] },
  { same: ['deployment', 'deploy'] },
  { same: ['namespace', 'ns'] },
  { same: ['statefulset', 'sts'] },
  { same: ['daemonset', 'ds'] },
  { same: ['pod', 'po'] },
  { same: ['replicaset', 'rs'] },
  { same: ['loadbalancer', 'load balancer', 'lb', 'slb', 'clb'] },
  // The same failure in other words
  { same: ['oomkilled', 'oom', 'out of memory', 'memory limit exceeded'] },
  { from: ['137', 'exit code 137'], to: ['oomkilled'] },
  { same: ['crashloopbackoff', 'crashloop', 'crash loop', 'crash looping', 'back-off restarting failed container'] },
  { from: ['keeps restarting', 'keep restarting', 'constantly restart', 'restarting'], to: ['crashloopbackoff'] },
  { same: ['imagepullbackoff', 'errimagepull', 'image pull', 'pull image', 'failed to pull image'] },
  { from: ['failedscheduling', 'unschedulable', 'not scheduled', 'cannot be scheduled'], to: ['pending'] },
  { same: ['rollout', 'rolling out', 'roll out', 'rolling update'] },
  { same: ['rollback', 'roll back', 'rolled back', 'rollout undo'] },
  { same: ['evicted', 'eviction', 'evicting', 'evict'] },
  { same: ['certificate', 'cert', 'x509'] },
  { same: ['ssl', 'tls', 'https certificate'] },
  { same: ['dns', 'name resolution', 'nslookup', 'no such host', 'nxdomain', 'coredns'] },
  { same: ['throttling', 'throttled', 'throttle'] },
  { same: ['latency', 'slow', 'slowness', 'response time'] },
  { same: ['disk', 'storage', 'filesystem', 'no space left on device', 'disk full', 'ephemeral storage'] },
  { from: ['diskpressure', 'disk pressure'], to: ['disk', 'diskpressure'] },
  { from: ['memorypressure', 'memory pressure'], to: ['memory', 'memorypressure'] },
  { same: ['mongodb', 'mongo'] },
  { same: ['postgresql', 'postgres', 'psql'] },
  { same: ['unauthorized', '401', 'authentication required'] },
  { same: ['ratelimit', 'rate limit', 'rate limiting', '429', 'too many requests'] },
  { same: ['alert fatigue', 'too many alerts', 'noisy alerts', 'paging', 'pager'] },
  { from: ['exec format error'], to: ['architecture'] },
  { same: ['full', 'filling up', 'exhaustion', 'exhausted', 'out of space', 'running out'] },
  { same: ['break', 'breaks', 'broke', 'broken'] },
  // kubelet's Pod Lifecycle Event Generator: "PLEG is not healthy" takes the node NotReady
  { from: ['pleg'], to: ['kubelet', 'notready'] },
  // Envoy's words (the Istio sidecar) for a call it could not make
  { from: ['upstream connect error', 'reset before headers', 'envoy'], to: ['istio', 'sidecar'] },
  // "Down from outside": traffic from outside the cluster enters through Ingress or a load balancer.
  {
    from: ['down from outside', 'unreachable from outside', 'not reachable from outside', 'website down', 'site down'],
    to: ['ingress', 'load balancer'],
  },
  { from: ['502', 'bad gateway'], to: ['ingress', 'load balancer'] },
  // Well-known ports: the component listening there
  { from: ['6443', 'kube-apiserver', 'api server', 'api-server'], to: ['apiserver'] },
  { from: ['2379', '2380'], to: ['etcd'] },
  { from: ['10250', '10248'], to: ['kubelet'] },
  { from: ['10259', '10251'], to: ['scheduler'] },
  { from: ['10257', '10252'], to: ['controller manager'] },
  { from: ['53'], to: ['dns'] },
  { from: ['4222'], to: ['nats'] },
  { from: ['27017'], to: ['mongodb'] },
  { from: ['5432'], to: ['postgresql'] },
  { from: ['6379'], to: ['valkey'] },
  { from: ['9090'], to: ['prometheus'] },
  // Chinese: common operations terms, for engineers who search in Chinese (the ACK guides)
  { from: ['镜像'], to: ['image'] },
  { from: ['拉取'], to: ['pull'] },
  { from: ['节点'], to: ['node'] },
  { from: ['证书'], to: ['certificate'] },
  { from: ['过期'], to: ['expired'] },
  { from: ['内存'], to: ['memory'] },
  { from: ['内存溢出', '内存不足'], to: ['oomkilled'] },
  { from: ['磁盘'], to: ['disk'] },
  { from: ['数据库'], to: ['database'] },
  { from: ['连接'], to: ['connection'] },
  { from: ['失败'], to: ['failed'] },
  { from: ['超时'], to: ['timeout'] },
  { from: ['重启', '一直重启'], to: ['restart', 'crashloopbackoff'] },
  { from: ['负载均衡'], to: ['load balancer'] },
  { from: ['外部'], to: ['external'] },
  { from: ['域名解析', '解析'], to: ['dns'] },
  { from: ['网络'], to: ['network'] },
  { from: ['回滚'], to: ['rollback'] },
  { from: ['部署'], to: ['deployment'] },
  { from: ['服务'], to: ['service'] },
  { from: ['告警'], to: ['alert'] },
  { from: ['延迟'], to: ['latency'] },
  { from: ['配置'], to: ['config'] },
  { from: ['密钥'], to: ['secret'] },
  { from: ['集群'], to: ['cluster'] },
  { from: ['证书过期'], to: ['certificate expired'] },
  { from: ['调度'], to: ['scheduling'] },
  { from: ['权限'], to: ['permission'] },
];

/** A phrase as the words it is matched on: "Back-off restarting" -> ["back", "off", "restarting"]. */
export const phraseWords = (phrase: string): string[] => phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export interface SynonymRule {
  /** The words that trigger it, in order (one for a word, several for a phrase; one CJK term whole). */
  match: string[];
  /** What else to search for: each a phrase's words. */
  expand: string[][];
}

/** The table as rules, longest trigger first (so "out of memory" wins over "memory"). */
export function synonymRules(table: readonly SynonymEntry[] = SYNONYMS): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const entry of table) {
    const from = 'same' in entry ? entry.same : entry.from;
    const to = 'same' in entry ? entry.same : entry.to;
    for (const trigger of from) {
      const match = isCjkTerm(trigger) ? [trigger] : phraseWords(trigger);
      const expand = to.filter((t) => t !== trigger).map((t) => phraseWords(t));
      if (match.length > 0 && expand.length > 0) rules.push({ match, expand });
    }
  }
  return rules.sort((a, b) => b.match.join(' ').length - a.match.join(' ').length);
}

export const isCjkTerm = (term: string) =>
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(term);
