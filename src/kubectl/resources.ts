/**
 * The built-in API resources of Kubernetes v1.32, as `kubectl api-resources` lists them on a plain
 * v1.32 cluster (no CRDs, no aggregated APIs such as metrics.k8s.io, only the API groups that are on
 * by default). Written by hand from the v1.32 API: beta and alpha groups that are off by default
 * (resource.k8s.io, storage.k8s.io/v1beta1 volumeattributesclasses, networking.k8s.io/v1beta1
 * servicecidrs and ipaddresses, coordination.k8s.io/v1alpha2 leasecandidates, …) are left out.
 * `version` is the group's preferred version. The team's custom resources are in
 * content/kubectl-custom-resources.yaml.
 */
import type { ResourceSpec } from './schema-types.ts';

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
  };
}

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
 * The kinds `kubectl rollout` works on (history, restart, status, undo). `rollout pause` and
 * `rollout resume` work on Deployments only: see ROLLOUT_PAUSE_KINDS.
 */
export const ROLLOUT_KINDS: readonly string[] = ['Deployment', 'DaemonSet', 'StatefulSet'];

/** The kinds `kubectl rollout pause` and `kubectl rollout resume` work on. */
export const ROLLOUT_PAUSE_KINDS: readonly string[] = ['Deployment'];

/**
 * The built-in kinds `kubectl scale` works on. (kubectl scales anything with a /scale subresource, so
 * a custom resource can be scaled too; the validator only knows these.)
 */
export const SCALE_KINDS: readonly string[] = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];
