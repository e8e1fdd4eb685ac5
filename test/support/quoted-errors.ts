/**
 * The error lines the guides quote: the symptoms that carry a literal message (in backticks or quotes)
 * of more than one word, such as `0/3 nodes are available: insufficient memory`, rather than a bare
 * status such as `Pending` or a quoted command. Search must find a runbook quoting each line in the
 * top three (the one runbook, where only one quotes it).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { extractFrontmatter } from '../../src/markdown/frontmatter.ts';
import { projectRoot } from './project.ts';

export interface QuotedError {
  line: string;
  /** Every runbook that quotes this line (generic lines such as "Insufficient memory" have several). */
  ids: string[];
}

/** Quoted commands (`kubectl describe pod`, `df -h`) are not error lines. */
const COMMAND = /^(kubectl|cat|df|etcdctl|curl|helm|docker|systemctl|journalctl|grep)\b/;

export async function quotedErrorLines(): Promise<QuotedError[]> {
  const dir = path.join(projectRoot, 'content/runbooks');
  const found = new Map<string, string[]>();
  const all: { id: string; symptoms: string[] }[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const frontmatter = extractFrontmatter(await readFile(path.join(dir, file), 'utf8'));
    const data = parse(frontmatter?.yaml ?? '') as { id: string; symptoms: string[] };
    all.push({ id: data.id, symptoms: data.symptoms.map((s) => s.replace(/\s+/g, ' ')) });
    for (const symptom of data.symptoms) {
      const quoted = [...symptom.matchAll(/`([^`]+)`|"([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
      const messages = symptom.includes('\n')
        ? [symptom]
        : quoted.filter((q) => /\s/.test(q.trim()) && /[a-z]/i.test(q) && !COMMAND.test(q));
      for (const message of messages) {
        const line = message.replace(/\s+/g, ' ').trim();
        found.set(line, [...new Set([...(found.get(line) ?? []), data.id])]);
      }
    }
  }
  // A runbook quotes a line when any of its symptoms contains it: "Failed to pull image" is quoted by
  // every runbook whose symptoms hold a longer pull error too.
  const symptomsById = new Map(all.map((r) => [r.id, r.symptoms.join('\n').toLowerCase()]));
  return [...found.keys()].map((line) => ({
    line,
    ids: [...symptomsById].filter(([, text]) => text.includes(line.toLowerCase())).map(([id]) => id),
  }));
}
