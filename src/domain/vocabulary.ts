/**
 * The words runbooks are classified by: layers, severities and kinds, with what they mean. Kept apart from
 * the schema (runbook-schema.ts) so browser code can show the labels without shipping Zod.
 */

/** The six layers of the MKS playbook, in the order an incident is walked down. */
export const LAYERS = [
  'application',
  'kubernetes',
  'control-plane',
  'node',
  'infrastructure',
  'orchestration',
] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_INFO: Record<Layer, { label: string; description: string }> = {
  application: {
    label: 'Application',
    description: 'Containers, images, environment variables, ConfigMaps, database connectivity.',
  },
  kubernetes: {
    label: 'Kubernetes objects',
    description: 'Pods, Deployments, Services, Ingress, Jobs: the logical objects.',
  },
  'control-plane': {
    label: 'Control plane',
    description: 'API server, etcd, scheduler, controller-manager.',
  },
  node: {
    label: 'Node',
    description: 'Node status, kubelet, container runtime, CNI on the node.',
  },
  infrastructure: {
    label: 'Infrastructure',
    description: 'OS, CPU and memory, disks, network, DNS, firewalls, cloud load balancers.',
  },
  orchestration: {
    label: 'Orchestration',
    description: 'The management plane: Rafay/MKS, GitOps, CI/CD pipelines.',
  },
};

/** Most urgent first: listings and the home page sort by this order. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_INFO: Record<Severity, { label: string; rubric: string }> = {
  critical: {
    label: 'Critical',
    rubric: 'Production is down or losing data, or the next routine deploy will break it; act now.',
  },
  high: {
    label: 'High',
    rubric: 'A production service is degraded or cannot be deployed; act within the hour.',
  },
  medium: {
    label: 'Medium',
    rubric: 'Degradation with a workaround, or drift that will bite later; act within the day.',
  },
  low: {
    label: 'Low',
    rubric: 'Cosmetic, informational or non-production; fix when convenient.',
  },
};

/**
 * What a page is for. Incidents are what someone on call opens with an alert firing; prevention and
 * reference pages are read before or after one, so listings put incidents first.
 */
export const KINDS = ['incident', 'prevention', 'reference'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_INFO: Record<Kind, { label: string; rubric: string }> = {
  incident: {
    label: 'Incident',
    rubric: 'Something is failing now: symptoms, then the commands that diagnose and fix it.',
  },
  prevention: {
    label: 'Prevention',
    rubric: 'How to keep a failure from happening: causes, design rules, configuration to put in place.',
  },
  reference: {
    label: 'Reference',
    rubric: 'Background to know during or after an incident: how something works, what is expected.',
  },
};
