/**
 * A deterministic synthetic content folder of N runbooks shaped like the real ones: typed
 * frontmatter, literal symptoms, related IDs, and bodies of 4–8 KB with 6–12 shell blocks of realistic
 * kubectl commands and placeholders (bodies.ts), five guides and a triage tree. Same N, same files,
 * byte for byte.
 */
import { mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { LAYERS, SEVERITIES } from '../schemas/runbook.ts';
import { runbookBody, seeded } from './bodies.ts';

const SERVICES = ['payments', 'search', 'identity', 'ledger', 'gateway'];
const ERRORS = [
  'Back-off restarting failed container',
  '0/3 nodes are available: 3 Insufficient memory',
  'Failed to pull image "registry.example.com/app:1.4": rpc error: code = NotFound',
  'Readiness probe failed: HTTP probe failed with statuscode: 503',
  'dial tcp 10.0.0.12:5432: connect: connection refused',
  'x509: certificate has expired or is not yet valid',
  'OOMKilled',
  'context deadline exceeded',
  'no endpoints available for service',
  "error: the server doesn't have a resource type",
];
const NOUNS = [
  'pods',
  'workers',
  'API',
  'ingress',
  'database connections',
  'queue consumers',
  'cron jobs',
  'DNS lookups',
  'TLS handshakes',
  'rollouts',
];
const VERBS = [
  'crash-loop',
  'time out',
  'fail readiness',
  'stay Pending',
  'leak memory',
  'drop requests',
  'lose their leader',
  'restart every few minutes',
];

export const syntheticId = (i: number) => `SYN-${String(i + 1).padStart(5, '0')}`;

/** The title of synthetic runbook i (the Starlight site's page of the same body has it too). */
export function syntheticTitle(i: number): string {
  const r = seeded(i + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const service = SERVICES[i % SERVICES.length]!;
  return `${service[0]!.toUpperCase()}${service.slice(1)} ${pick(NOUNS)} ${pick(VERBS)} (${i + 1})`;
}

/** One runbook: typed frontmatter over the body the Starlight comparison builds too (bodies.ts). */
export function syntheticRunbook(i: number, count: number): string {
  const r = seeded(i + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const service = SERVICES[i % SERVICES.length]!;
  const title = syntheticTitle(i);
  r();
  r();
  const related = [...new Set([1, 2, 3].map(() => Math.floor(r() * count)).filter((j) => j !== i))].map(syntheticId);
  return `---
id: ${syntheticId(i)}
aliases: [Syn${i + 1}Alert]
title: ${JSON.stringify(title)}
summary: ${JSON.stringify(`${title}: find the failing layer with the commands below, then apply the fix and verify.`)}
layer: ${LAYERS[i % LAYERS.length]}
severity: ${SEVERITIES[i % SEVERITIES.length]}
service: ${service}
symptoms:
  - ${JSON.stringify(`\`${pick(ERRORS)}\``)}
  - ${JSON.stringify(`\`${pick(ERRORS)}\``)}
  - ${pick(NOUNS)} ${pick(VERBS)} after a deploy
related: [${related.join(', ')}]
source:
  guide: guide-${service}
  section: "Issue ${i + 1}"
---

${runbookBody(i, count)}`;
}

export async function writeSyntheticContent(dir: string, count: number, projectRoot: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'runbooks'), { recursive: true });
  await mkdir(path.join(dir, 'guides'), { recursive: true });
  await mkdir(path.join(dir, 'trees'), { recursive: true });
  for (let i = 0; i < count; i++)
    await writeFile(path.join(dir, 'runbooks', `${syntheticId(i).toLowerCase()}.md`), syntheticRunbook(i, count));
  for (const service of SERVICES) {
    await writeFile(
      path.join(dir, 'guides', `guide-${service}.md`),
      `---\ntitle: ${service} troubleshooting\nsummary: Synthetic guide for ${service}.\nservice: ${service}\nsource: { file: synthetic.md, title: Synthetic }\n---\n\nThe ${service} guide.\n`,
    );
  }
  const answers = SERVICES.map((s, k) => `      - label: ${s} is failing\n        runbook: ${syntheticId(k)}`).join(
    '\n',
  );
  await writeFile(
    path.join(dir, 'trees', 'triage.yaml'),
    `title: Incident triage\nsummary: Synthetic triage.\nstart: scope\nnodes:\n  scope:\n    question: Which service is failing?\n    commands: |\n      kubectl get pods -A -o wide\n    answers:\n${answers}\n`,
  );
  await copyFile(
    path.join(projectRoot, 'content/kubectl-custom-resources.yaml'),
    path.join(dir, 'kubectl-custom-resources.yaml'),
  );
}
