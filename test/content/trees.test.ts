import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTreeFile } from '../../src/checks/frontmatter.ts';
import type { Tree } from '../../src/schemas/tree.ts';
import { projectRoot } from '../support/project.ts';

const dir = path.join(projectRoot, 'content');
const runbookIds = await Promise.all(
  (await readdir(path.join(dir, 'runbooks'))).map(async (f) => /^id: (\S+)$/m.exec(await readFile(path.join(dir, 'runbooks', f), 'utf8'))![1]!),
);
const load = async (name: string): Promise<Tree> => {
  const file = path.join(dir, 'trees', `${name}.yaml`);
  const checked = checkTreeFile(file, await readFile(file, 'utf8'));
  expect(checked.diagnostics).toEqual([]);
  return checked.data!;
};

/** The runbooks a tree leads to, and the fewest answers needed to reach each. */
function reach(tree: Tree): Map<string, number> {
  const depth = new Map<string, number>();
  const queue: [string, number][] = [[tree.start, 1]];
  const seen = new Set([tree.start]);
  while (queue.length > 0) {
    const [id, d] = queue.shift()!;
    for (const answer of tree.nodes[id]!.answers) {
      if (answer.runbook && !depth.has(answer.runbook)) depth.set(answer.runbook, d);
      if (answer.next && !seen.has(answer.next)) {
        seen.add(answer.next);
        queue.push([answer.next, d + 1]);
      }
    }
  }
  return depth;
}

describe('the incident triage tree', () => {
  it('reaches every runbook of the five guides', async () => {
    const reached = reach(await load('triage'));
    expect(runbookIds.filter((id) => !reached.has(id)).sort()).toEqual([]);
  });

  it('reaches each of them in a few clicks (at most four answers)', async () => {
    const reached = reach(await load('triage'));
    expect([...reached].filter(([, clicks]) => clicks > 4)).toEqual([]);
  });

  it('routes the symptoms the guides share to the runbook of each system', async () => {
    const tree = await load('triage');
    const targets = (node: string) => tree.nodes[node]!.answers.map((a) => a.runbook).filter(Boolean);
    expect(targets('crashloop')).toEqual(expect.arrayContaining(['POD001', 'SHEP-003', 'RDEV-001', 'MKS-007', 'APP-002']));
    expect(targets('image-pull')).toEqual(expect.arrayContaining(['K8S-001', 'ARCH001', 'SHEP-014', 'SHEP-002']));
  });
});

describe('the guides\' own decision trees', () => {
  it('walk the five root causes of worker restarts in the guide\'s order', async () => {
    const tree = await load('worker-restarts');
    const anchors = Object.values(tree.nodes).flatMap((n) => n.answers.map((a) => a.anchor).filter(Boolean));
    expect(anchors).toEqual(['1-dns-resolution-failure', '2-network-policy-blocking-traffic', '3-nats-not-ready', '4-wrong-service-port', '5-startup-race-condition']);
  });
  it('cover the MKS choice of layer and its reverse-from-symptom walk', async () => {
    expect([...reach(await load('mks-layer')).keys()]).toEqual(expect.arrayContaining(['MKS-001', 'MKS-003', 'MKS-005', 'MKS-006', 'MKS-007']));
    expect([...reach(await load('service-timeout')).keys()]).toEqual(expect.arrayContaining(['MKS-002', 'SHEP-009', 'INGRESS001']));
  });
});
