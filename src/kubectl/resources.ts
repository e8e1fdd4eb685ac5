/**
 * The built-in API resources of Kubernetes v1.32, as `kubectl api-resources` lists them on a plain
 * v1.32 cluster (no CRDs, no aggregated APIs such as metrics.k8s.io, only the API groups that are on
 * by default). Written by hand from the v1.32 API: beta and alpha groups that are off by default
 * (resource.k8s.io, storage.k8s.io/v1beta1 volumeattributesclasses, networking.k8s.io/v1beta1
 * servicecidrs and ipaddresses, coordination.k8s.io/v1alpha2 leasecandidates, …) are left out.
 * `version` is the group's preferred version. The team's custom resources are in
 * content/kubectl-custom-resources.yaml.
 */
import type { RemovedApi, ResourceSpec } from './schema-types.ts';

function r(
  name: string,
  singular: string,
  shortNames: string[],
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  deprecated?: string,
): ResourceSpec {
  return {
    name,
    singular,
    shortNames,
    kind,
    group,
    version,
    namespaced,
    ...(deprecated !== undefined ? { deprecated } : {}),
    ...(SCALABLE.has(name) ? { scale: true } : {}),
    ...(OTHER_VERSIONS[`${name}.${group}`] ? { otherVersions: OTHER_VERSIONS[`${name}.${group}`] } : {}),
  };
}

/** The built-in resources with a /scale subresource (discovery lists "scale" among their subresources). */
const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/** Versions a group serves besides its preferred one. */
const OTHER_VERSIONS: Record<string, string[]> = { 'horizontalpodautoscalers.autoscaling': ['v1'] };

export const BUILTIN_RESOURCES: readonly ResourceSpec[] = [
  // core (v1)
  r('bindings', 'binding', [], 'Binding', '', 'v1', true),
  r(
    'componentstatuses',
    'componentstatus',
    ['cs'],
    'ComponentStatus',
    '',
    'v1',
    false,
    "componentstatuses is deprecated since v1.19 and does not report real control-plane health; use kubectl get --raw='/readyz?verbose'",
  ),
  r('configmaps', 'configmap', ['cm'], 'ConfigMap', '', 'v1', true),
  r('endpoints', 'endpoints', ['ep'], 'Endpoints', '', 'v1', true),
  r('events', 'event', ['ev'], 'Event', '', 'v1', true),
  r('limitranges', 'limitrange', ['limits'], 'LimitRange', '', 'v1', true),
  r('namespaces', 'namespace', ['ns'], 'Namespace', '', 'v1', false),
  r('nodes', 'node', ['no'], 'Node', '', 'v1', false),
  r('persistentvolumeclaims', 'persistentvolumeclaim', ['pvc'], 'PersistentVolumeClaim', '', 'v1', true),
  r('persistentvolumes', 'persistentvolume', ['pv'], 'PersistentVolume', '', 'v1', false),
  r('pods', 'pod', ['po'], 'Pod', '', 'v1', true),
  r('podtemplates', 'podtemplate', [], 'PodTemplate', '', 'v1', true),
  r('replicationcontrollers', 'replicationcontroller', ['rc'], 'ReplicationController', '', 'v1', true),
  r('resourcequotas', 'resourcequota', ['quota'], 'ResourceQuota', '', 'v1', true),
  r('secrets', 'secret', [], 'Secret', '', 'v1', true),
  r('serviceaccounts', 'serviceaccount', ['sa'], 'ServiceAccount', '', 'v1', true),
  r('services', 'service', ['svc'], 'Service', '', 'v1', true),

  // admissionregistration.k8s.io
  r(
    'mutatingwebhookconfigurations',
    'mutatingwebhookconfiguration',
    [],
    'MutatingWebhookConfiguration',
    'admissionregistration.k8s.io',
    'v1',
    false,
  ),
  r(
    'validatingadmissionpolicies',
    'validatingadmissionpolicy',
    [],
    'ValidatingAdmissionPolicy',
    'admissionregistration.k8s.io',
    'v1',
    false,
  ),
  r(
    'validatingadmissionpolicybindings',
    'validatingadmissionpolicybinding',
    [],
    'ValidatingAdmissionPolicyBinding',
    'admissionregistration.k8s.io',
    'v1',
    false,
  ),
  r(
    'validatingwebhookconfigurations',
    'validatingwebhookconfiguration',
    [],
    'ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io',
    'v1',
    false,
  ),

  // apiextensions.k8s.io, apiregistration.k8s.io
  r(
    'customresourcedefinitions',
    'customresourcedefinition',
    ['crd', 'crds'],
    'CustomResourceDefinition',
    'apiextensions.k8s.io',
    'v1',
    false,
  ),
  r('apiservices', 'apiservice', [], 'APIService', 'apiregistration.k8s.io', 'v1', false),

  // apps
  r('controllerrevisions', 'controllerrevision', [], 'ControllerRevision', 'apps', 'v1', true),
  r('daemonsets', 'daemonset', ['ds'], 'DaemonSet', 'apps', 'v1', true),
  r('deployments', 'deployment', ['deploy'], 'Deployment', 'apps', 'v1', true),
  r('replicasets', 'replicaset', ['rs'], 'ReplicaSet', 'apps', 'v1', true),
  r('statefulsets', 'statefulset', ['sts'], 'StatefulSet', 'apps', 'v1', true),

  // authentication.k8s.io, authorization.k8s.io (create-only review resources)
  r('selfsubjectreviews', 'selfsubjectreview', [], 'SelfSubjectReview', 'authentication.k8s.io', 'v1', false),
  r('tokenreviews', 'tokenreview', [], 'TokenReview', 'authentication.k8s.io', 'v1', false),
  r(
    'localsubjectaccessreviews',
    'localsubjectaccessreview',
    [],
    'LocalSubjectAccessReview',
    'authorization.k8s.io',
    'v1',
    true,
  ),
  r(
    'selfsubjectaccessreviews',
    'selfsubjectaccessreview',
    [],
    'SelfSubjectAccessReview',
    'authorization.k8s.io',
    'v1',
    false,
  ),
  r(
    'selfsubjectrulesreviews',
    'selfsubjectrulesreview',
    [],
    'SelfSubjectRulesReview',
    'authorization.k8s.io',
    'v1',
    false,
  ),
  r('subjectaccessreviews', 'subjectaccessreview', [], 'SubjectAccessReview', 'authorization.k8s.io', 'v1', false),

  // autoscaling, batch
  r(
    'horizontalpodautoscalers',
    'horizontalpodautoscaler',
    ['hpa'],
    'HorizontalPodAutoscaler',
    'autoscaling',
    'v2',
    true,
  ),
  r('cronjobs', 'cronjob', ['cj'], 'CronJob', 'batch', 'v1', true),
  r('jobs', 'job', [], 'Job', 'batch', 'v1', true),

  // certificates.k8s.io, coordination.k8s.io, discovery.k8s.io, events.k8s.io
  r(
    'certificatesigningrequests',
    'certificatesigningrequest',
    ['csr'],
    'CertificateSigningRequest',
    'certificates.k8s.io',
    'v1',
    false,
  ),
  r('leases', 'lease', [], 'Lease', 'coordination.k8s.io', 'v1', true),
  r('endpointslices', 'endpointslice', [], 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('events', 'event', ['ev'], 'Event', 'events.k8s.io', 'v1', true),

  // flowcontrol.apiserver.k8s.io
  r('flowschemas', 'flowschema', [], 'FlowSchema', 'flowcontrol.apiserver.k8s.io', 'v1', false),
  r(
    'prioritylevelconfigurations',
    'prioritylevelconfiguration',
    [],
    'PriorityLevelConfiguration',
    'flowcontrol.apiserver.k8s.io',
    'v1',
    false,
  ),

  // networking.k8s.io, node.k8s.io, policy
  r('ingressclasses', 'ingressclass', [], 'IngressClass', 'networking.k8s.io', 'v1', false),
  r('ingresses', 'ingress', ['ing'], 'Ingress', 'networking.k8s.io', 'v1', true),
  r('networkpolicies', 'networkpolicy', ['netpol'], 'NetworkPolicy', 'networking.k8s.io', 'v1', true),
  r('runtimeclasses', 'runtimeclass', [], 'RuntimeClass', 'node.k8s.io', 'v1', false),
  r('poddisruptionbudgets', 'poddisruptionbudget', ['pdb'], 'PodDisruptionBudget', 'policy', 'v1', true),

  // rbac.authorization.k8s.io
  r('clusterrolebindings', 'clusterrolebinding', [], 'ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', false),
  r('clusterroles', 'clusterrole', [], 'ClusterRole', 'rbac.authorization.k8s.io', 'v1', false),
  r('rolebindings', 'rolebinding', [], 'RoleBinding', 'rbac.authorization.k8s.io', 'v1', true),
  r('roles', 'role', [], 'Role', 'rbac.authorization.k8s.io', 'v1', true),

  // scheduling.k8s.io, storage.k8s.io
  r('priorityclasses', 'priorityclass', ['pc'], 'PriorityClass', 'scheduling.k8s.io', 'v1', false),
  r('csidrivers', 'csidriver', [], 'CSIDriver', 'storage.k8s.io', 'v1', false),
  r('csinodes', 'csinode', [], 'CSINode', 'storage.k8s.io', 'v1', false),
  r('csistoragecapacities', 'csistoragecapacity', [], 'CSIStorageCapacity', 'storage.k8s.io', 'v1', true),
  r('storageclasses', 'storageclass', ['sc'], 'StorageClass', 'storage.k8s.io', 'v1', false),
  r('volumeattachments', 'volumeattachment', [], 'VolumeAttachment', 'storage.k8s.io', 'v1', false),
];

/**
 * Built-in APIs that Kubernetes v1.32 has but serves only when turned on: alpha and beta APIs that
 * are off by default (`--feature-gates=<Gate>=true` and `--runtime-config=<group>/<version>=true`
 * on the API server). Names, short names and scope as the API server's discovery lists them
 * (kubernetes/kubernetes api/discovery/apis__<group>__<version>.json); the gates from the v1.32
 * feature-gates reference. kubectl works with them where a cluster has them on, so the validator
 * knows them and warns.
 */
function gated(
  name: string,
  singular: string,
  shortNames: string[],
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  gate: string,
): ResourceSpec {
  return {
    ...r(name, singular, shortNames, kind, group, version, namespaced),
    featureGate: `${kind} (${group}/${version}) is served only with the ${gate} feature gate and --runtime-config=${group}/${version}=true on the API server`,
  };
}

export const FEATURE_GATED_RESOURCES: readonly ResourceSpec[] = [
  gated(
    'mutatingadmissionpolicies',
    'mutatingadmissionpolicy',
    [],
    'MutatingAdmissionPolicy',
    'admissionregistration.k8s.io',
    'v1alpha1',
    false,
    'MutatingAdmissionPolicy',
  ),
  gated(
    'mutatingadmissionpolicybindings',
    'mutatingadmissionpolicybinding',
    [],
    'MutatingAdmissionPolicyBinding',
    'admissionregistration.k8s.io',
    'v1alpha1',
    false,
    'MutatingAdmissionPolicy',
  ),
  gated(
    'clustertrustbundles',
    'clustertrustbundle',
    [],
    'ClusterTrustBundle',
    'certificates.k8s.io',
    'v1alpha1',
    false,
    'ClusterTrustBundle',
  ),
  gated(
    'leasecandidates',
    'leasecandidate',
    [],
    'LeaseCandidate',
    'coordination.k8s.io',
    'v1alpha2',
    true,
    'CoordinatedLeaderElection',
  ),
  gated(
    'storageversions',
    'storageversion',
    [],
    'StorageVersion',
    'internal.apiserver.k8s.io',
    'v1alpha1',
    false,
    'StorageVersionAPI',
  ),
  gated(
    'ipaddresses',
    'ipaddress',
    ['ip'],
    'IPAddress',
    'networking.k8s.io',
    'v1beta1',
    false,
    'MultiCIDRServiceAllocator',
  ),
  gated(
    'servicecidrs',
    'servicecidr',
    [],
    'ServiceCIDR',
    'networking.k8s.io',
    'v1beta1',
    false,
    'MultiCIDRServiceAllocator',
  ),
  gated(
    'deviceclasses',
    'deviceclass',
    [],
    'DeviceClass',
    'resource.k8s.io',
    'v1beta1',
    false,
    'DynamicResourceAllocation',
  ),
  gated(
    'resourceclaims',
    'resourceclaim',
    [],
    'ResourceClaim',
    'resource.k8s.io',
    'v1beta1',
    true,
    'DynamicResourceAllocation',
  ),
  gated(
    'resourceclaimtemplates',
    'resourceclaimtemplate',
    [],
    'ResourceClaimTemplate',
    'resource.k8s.io',
    'v1beta1',
    true,
    'DynamicResourceAllocation',
  ),
  gated(
    'resourceslices',
    'resourceslice',
    [],
    'ResourceSlice',
    'resource.k8s.io',
    'v1beta1',
    false,
    'DynamicResourceAllocation',
  ),
  gated(
    'volumeattributesclasses',
    'volumeattributesclass',
    ['vac'],
    'VolumeAttributesClass',
    'storage.k8s.io',
    'v1beta1',
    false,
    'VolumeAttributesClass',
  ),
  gated(
    'storageversionmigrations',
    'storageversionmigration',
    [],
    'StorageVersionMigration',
    'storagemigration.k8s.io',
    'v1alpha1',
    false,
    'StorageVersionMigrator',
  ),
];

function removed(
  [name, singular, shortNames, kind]: [string, string, string[], string],
  group: string,
  versions: string[],
  removedIn: string,
  replacement: string,
  typeRemoved = false,
): RemovedApi {
  return { name, singular, shortNames, kind, group, versions, typeRemoved, removedIn, replacement };
}

const DEPLOYMENT: [string, string, string[], string] = ['deployments', 'deployment', ['deploy'], 'Deployment'];
const DAEMONSET: [string, string, string[], string] = ['daemonsets', 'daemonset', ['ds'], 'DaemonSet'];
const REPLICASET: [string, string, string[], string] = ['replicasets', 'replicaset', ['rs'], 'ReplicaSet'];
const STATEFULSET: [string, string, string[], string] = ['statefulsets', 'statefulset', ['sts'], 'StatefulSet'];
const INGRESS: [string, string, string[], string] = ['ingresses', 'ingress', ['ing'], 'Ingress'];
const HPA: [string, string, string[], string] = [
  'horizontalpodautoscalers',
  'horizontalpodautoscaler',
  ['hpa'],
  'HorizontalPodAutoscaler',
];
const FLOWSCHEMA: [string, string, string[], string] = ['flowschemas', 'flowschema', [], 'FlowSchema'];
const PLC: [string, string, string[], string] = [
  'prioritylevelconfigurations',
  'prioritylevelconfiguration',
  [],
  'PriorityLevelConfiguration',
];

/**
 * APIs Kubernetes stopped serving, from the Deprecated API Migration Guide
 * (kubernetes/website content/en/docs/reference/using-api/deprecation-guide.md): by release, what
 * went and what replaced it. Naming one of these to kubectl (`kubectl get psp`, `kubectl get
 * ingresses.v1beta1.extensions`) fails on a v1.32 cluster: the validator says when it went and what
 * to use.
 */
export const REMOVED_APIS: readonly RemovedApi[] = [
  // v1.16
  removed(DAEMONSET, 'extensions', ['v1beta1'], 'v1.16', 'apps/v1 DaemonSet'),
  removed(DAEMONSET, 'apps', ['v1beta2'], 'v1.16', 'apps/v1 DaemonSet'),
  removed(DEPLOYMENT, 'extensions', ['v1beta1'], 'v1.16', 'apps/v1 Deployment'),
  removed(DEPLOYMENT, 'apps', ['v1beta1', 'v1beta2'], 'v1.16', 'apps/v1 Deployment'),
  removed(REPLICASET, 'extensions', ['v1beta1'], 'v1.16', 'apps/v1 ReplicaSet'),
  removed(REPLICASET, 'apps', ['v1beta1', 'v1beta2'], 'v1.16', 'apps/v1 ReplicaSet'),
  removed(STATEFULSET, 'apps', ['v1beta1', 'v1beta2'], 'v1.16', 'apps/v1 StatefulSet'),
  removed(
    ['networkpolicies', 'networkpolicy', ['netpol'], 'NetworkPolicy'],
    'extensions',
    ['v1beta1'],
    'v1.16',
    'networking.k8s.io/v1 NetworkPolicy',
  ),
  // v1.22
  removed(INGRESS, 'extensions', ['v1beta1'], 'v1.22', 'networking.k8s.io/v1 Ingress'),
  removed(INGRESS, 'networking.k8s.io', ['v1beta1'], 'v1.22', 'networking.k8s.io/v1 Ingress'),
  removed(
    ['ingressclasses', 'ingressclass', [], 'IngressClass'],
    'networking.k8s.io',
    ['v1beta1'],
    'v1.22',
    'networking.k8s.io/v1 IngressClass',
  ),
  removed(
    ['customresourcedefinitions', 'customresourcedefinition', ['crd', 'crds'], 'CustomResourceDefinition'],
    'apiextensions.k8s.io',
    ['v1beta1'],
    'v1.22',
    'apiextensions.k8s.io/v1 CustomResourceDefinition',
  ),
  removed(
    ['apiservices', 'apiservice', [], 'APIService'],
    'apiregistration.k8s.io',
    ['v1beta1'],
    'v1.22',
    'apiregistration.k8s.io/v1 APIService',
  ),
  removed(
    ['certificatesigningrequests', 'certificatesigningrequest', ['csr'], 'CertificateSigningRequest'],
    'certificates.k8s.io',
    ['v1beta1'],
    'v1.22',
    'certificates.k8s.io/v1 CertificateSigningRequest',
  ),
  removed(
    ['leases', 'lease', [], 'Lease'],
    'coordination.k8s.io',
    ['v1beta1'],
    'v1.22',
    'coordination.k8s.io/v1 Lease',
  ),
  removed(
    ['priorityclasses', 'priorityclass', ['pc'], 'PriorityClass'],
    'scheduling.k8s.io',
    ['v1beta1'],
    'v1.22',
    'scheduling.k8s.io/v1 PriorityClass',
  ),
  ...(
    [
      ['clusterroles', 'clusterrole', [], 'ClusterRole'],
      ['clusterrolebindings', 'clusterrolebinding', [], 'ClusterRoleBinding'],
      ['roles', 'role', [], 'Role'],
      ['rolebindings', 'rolebinding', [], 'RoleBinding'],
    ] as [string, string, string[], string][]
  ).map((t) => removed(t, 'rbac.authorization.k8s.io', ['v1beta1'], 'v1.22', `rbac.authorization.k8s.io/v1 ${t[3]}`)),
  ...(
    [
      ['csidrivers', 'csidriver', [], 'CSIDriver'],
      ['csinodes', 'csinode', [], 'CSINode'],
      ['storageclasses', 'storageclass', ['sc'], 'StorageClass'],
      ['volumeattachments', 'volumeattachment', [], 'VolumeAttachment'],
    ] as [string, string, string[], string][]
  ).map((t) => removed(t, 'storage.k8s.io', ['v1beta1'], 'v1.22', `storage.k8s.io/v1 ${t[3]}`)),
  ...(
    [
      ['mutatingwebhookconfigurations', 'mutatingwebhookconfiguration', [], 'MutatingWebhookConfiguration'],
      ['validatingwebhookconfigurations', 'validatingwebhookconfiguration', [], 'ValidatingWebhookConfiguration'],
    ] as [string, string, string[], string][]
  ).map((t) =>
    removed(t, 'admissionregistration.k8s.io', ['v1beta1'], 'v1.22', `admissionregistration.k8s.io/v1 ${t[3]}`),
  ),
  // v1.25
  removed(['cronjobs', 'cronjob', ['cj'], 'CronJob'], 'batch', ['v1beta1'], 'v1.25', 'batch/v1 CronJob'),
  removed(
    ['endpointslices', 'endpointslice', [], 'EndpointSlice'],
    'discovery.k8s.io',
    ['v1beta1'],
    'v1.25',
    'discovery.k8s.io/v1 EndpointSlice',
  ),
  removed(['events', 'event', ['ev'], 'Event'], 'events.k8s.io', ['v1beta1'], 'v1.25', 'events.k8s.io/v1 Event'),
  removed(HPA, 'autoscaling', ['v2beta1'], 'v1.25', 'autoscaling/v2 HorizontalPodAutoscaler'),
  removed(
    ['poddisruptionbudgets', 'poddisruptionbudget', ['pdb'], 'PodDisruptionBudget'],
    'policy',
    ['v1beta1'],
    'v1.25',
    'policy/v1 PodDisruptionBudget',
  ),
  removed(
    ['podsecuritypolicies', 'podsecuritypolicy', ['psp'], 'PodSecurityPolicy'],
    'policy',
    ['v1beta1'],
    'v1.25',
    'Pod Security Admission (the pod-security.kubernetes.io/* namespace labels)',
    true,
  ),
  removed(
    ['runtimeclasses', 'runtimeclass', [], 'RuntimeClass'],
    'node.k8s.io',
    ['v1beta1'],
    'v1.25',
    'node.k8s.io/v1 RuntimeClass',
  ),
  // v1.26, v1.27, v1.29, v1.32
  removed(HPA, 'autoscaling', ['v2beta2'], 'v1.26', 'autoscaling/v2 HorizontalPodAutoscaler'),
  removed(
    FLOWSCHEMA,
    'flowcontrol.apiserver.k8s.io',
    ['v1beta1'],
    'v1.26',
    'flowcontrol.apiserver.k8s.io/v1 FlowSchema',
  ),
  removed(
    PLC,
    'flowcontrol.apiserver.k8s.io',
    ['v1beta1'],
    'v1.26',
    'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration',
  ),
  removed(
    ['csistoragecapacities', 'csistoragecapacity', [], 'CSIStorageCapacity'],
    'storage.k8s.io',
    ['v1beta1'],
    'v1.27',
    'storage.k8s.io/v1 CSIStorageCapacity',
  ),
  removed(
    FLOWSCHEMA,
    'flowcontrol.apiserver.k8s.io',
    ['v1beta2'],
    'v1.29',
    'flowcontrol.apiserver.k8s.io/v1 FlowSchema',
  ),
  removed(
    PLC,
    'flowcontrol.apiserver.k8s.io',
    ['v1beta2'],
    'v1.29',
    'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration',
  ),
  removed(
    FLOWSCHEMA,
    'flowcontrol.apiserver.k8s.io',
    ['v1beta3'],
    'v1.32',
    'flowcontrol.apiserver.k8s.io/v1 FlowSchema',
  ),
  removed(
    PLC,
    'flowcontrol.apiserver.k8s.io',
    ['v1beta3'],
    'v1.32',
    'flowcontrol.apiserver.k8s.io/v1 PriorityLevelConfiguration',
  ),
];

/**
 * The kinds `kubectl rollout` works on (history, restart, status, undo). `rollout pause` and
 * `rollout resume` work on Deployments only: see ROLLOUT_PAUSE_KINDS.
 */
export const ROLLOUT_KINDS: readonly string[] = ['Deployment', 'DaemonSet', 'StatefulSet'];

/** The kinds `kubectl rollout pause` and `kubectl rollout resume` work on. */
export const ROLLOUT_PAUSE_KINDS: readonly string[] = ['Deployment'];
