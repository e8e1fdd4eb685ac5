/**
 * Runbook bodies for the side-by-side benchmark: deterministic Markdown of 4–8 KB with 6–12 bash blocks
 * each, the shape of a real incident runbook (cause, diagnosis steps with commands, resolution,
 * verification, prevention, a table, lists, inline code, links between runbooks). The same body is
 * built by this project (with typed frontmatter) and by a stock Starlight site (with a title), so the
 * comparison is of the same content.
 */
import { syntheticCommands } from './synthetic-commands.ts';

/** mulberry32: a tiny seeded generator, so every run writes the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPONENTS = [
  'api gateway',
  'payment worker',
  'search indexer',
  'session store',
  'ledger service',
  'auth proxy',
  'report scheduler',
];
const CAUSES = [
  'a memory limit lowered in the last deploy',
  'a readiness probe that times out under load',
  'a ConfigMap change that was never rolled out',
  'an expired client certificate',
  'a node pool that ran out of allocatable memory',
  'a dependency whose DNS name no longer resolves',
  'a connection pool sized for half the replicas',
];
const SENTENCES = [
  'Check the events first: they usually name the failing container and the reason.',
  'Compare what runs in the cluster with what Git describes before changing anything.',
  'If only one replica is affected, the node is the more likely cause than the image.',
  'Keep the output of each command: it goes into the incident channel and the postmortem.',
  'A restart hides the symptom for a few minutes at most; find the cause before you scale.',
  'When the error mentions a timeout, measure the latency of the dependency from inside the pod.',
  'The previous container logs hold the last lines written before the crash.',
  'Do not delete the pod until its logs and describe output are saved.',
];

export function runbookBody(i: number, count: number): string {
  const r = seeded(i * 7919 + 17);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const prose = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const blocks = 6 + (i % 7); // 6 to 12 bash blocks
  const commands = syntheticCommands(blocks * 4 + 10).slice(i % 9);
  let c = 0;
  const block = () => {
    const n = 2 + Math.floor(r() * 3);
    const lines = commands
      .slice(c, (c += n))
      .flatMap((cmd, k) => (k === 0 ? [`# ${pick(SENTENCES).slice(0, 60)}`, cmd] : [cmd]));
    return ['```bash', ...lines, '```'].join('\n');
  };
  const link = () =>
    `[runbook ${((i + 1 + Math.floor(r() * 50)) % count) + 1}](/runbooks/syn-${String(((i + 1 + Math.floor(r() * 50)) % count) + 1).padStart(5, '0')}/)`;
  const component = pick(COMPONENTS);
  const sections: string[] = [
    `## What is happening\n\nThe ${component} fails because of ${pick(CAUSES)}. ${prose(4)}\n\n- Started after: a deploy or a node pool change\n- Affects: \`${component.replace(/ /g, '-')}\` in every namespace that runs it\n- See also ${link()} and ${link()}.`,
    `## Diagnosis`,
  ];
  const steps = Math.ceil(blocks * 0.6);
  for (let s = 1; s <= steps; s++)
    sections.push(`### ${s}. ${pick(SENTENCES).split(':')[0]!.slice(0, 50)}\n\n${prose(2)}\n\n${block()}`);
  sections.push(
    `## Resolution\n\n${prose(3)}\n\n| Symptom | Cause | Fix |\n|---|---|---|\n| \`CrashLoopBackOff\` | ${pick(CAUSES)} | raise the limit and roll out |\n| \`Pending\` | ${pick(CAUSES)} | add capacity |\n| \`ImagePullBackOff\` | ${pick(CAUSES)} | fix the image reference |`,
  );
  for (let s = steps; s < blocks; s++) sections.push(`${prose(2)}\n\n${block()}`);
  sections.push(`## Prevention\n\n1. ${prose(1)}\n2. ${prose(1)}\n3. ${prose(1)}\n\n${prose(3)}`);
  return `${sections.join('\n\n')}\n`;
}
