/**
 * A deterministic synthetic content folder of N runbooks shaped like the real ones: typed
 * frontmatter, literal symptoms, related IDs, sections with shell blocks of realistic kubectl commands
 * and placeholders, a callout, five guides and a triage tree. Same N, same files, byte for byte.
 */
import { mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { LAYERS, SEVERITIES } from '../schemas/runbook.ts';
import { syntheticCommands } from './synthetic-commands.ts';

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

/** mulberry32: a tiny seeded generator, so every run writes the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const syntheticId = (i: number) => `SYN-${String(i + 1).padStart(5, '0')}`;

export function syntheticRunbook(i: number, count: number): string {
  const r = random(i + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const service = SERVICES[i % SERVICES.length]!;
  const title = `${service[0]!.toUpperCase()}${service.slice(1)} ${pick(NOUNS)} ${pick(VERBS)} (${i + 1})`;
  const related = [...new Set([1, 2, 3].map(() => Math.floor(r() * count)).filter((j) => j !== i))].map(syntheticId);
  const commands = syntheticCommands(40 + (i % 7) * 3).slice((i * 7) % 20);
  let c = 0;
  const block = (n: number) =>
    [
      '```bash',
      ...commands.slice(c, (c += n)).flatMap((cmd, k) => (k % 2 === 0 ? [`# Step ${k + 1}`, cmd] : [cmd])),
      '```',
    ].join('\n');
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

## Root cause

The ${pick(NOUNS)} of ${service} ${pick(VERBS)} when a dependency is slow; retries pile up and the
pods run out of headroom. This happens after deploys that change resource limits or probes.

## Diagnosis

${block(4)}

Look for the error lines above in the events and logs, and compare the running image with Git.

${block(3)}

## Resolution

:::caution[Production]
Apply one change at a time and watch the rollout.
:::

${block(4)}

## Prevention

- Keep requests and limits in Git and review them.
- Alert on restarts before users notice.
`;
}

export async function writeSyntheticContent(dir: string, count: number, projectRoot: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'runbooks'), { recursive: true });
  await mkdir(path.join(dir, 'guides'), { recursive: true });
  await mkdir(path.join(dir, 'trees'), { recursive: true });
  for (let i = 0; i < count; i++)
    await writeFile(path.join(dir, 'runbooks', `${syntheticId(i).toLowerCase()}.mdx`), syntheticRunbook(i, count));
  for (const service of SERVICES) {
    await writeFile(
      path.join(dir, 'guides', `guide-${service}.mdx`),
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
