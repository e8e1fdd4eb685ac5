/**
 * Reads kubectl's help text: `kubectl <command> --help` (its sections, usage line, aliases, subcommands
 * and "Options:" flag blocks) and `kubectl options` (the global flags, in the same flag blocks), and
 * what a flag's description and printed default say about it. Pure: text in, facts out; the probes
 * that run kubectl are elsewhere (probes.ts), so this can be tested on saved help output.
 */
import type { FlagSpec, FlagType } from '../schema-types.ts';

export interface RawFlag {
  name: string;
  shorthand?: string;
  /** As printed, without the quotes of a string default. */
  default: string;
  /** The default was printed in quotes: kubectl's help does that exactly for flags of type "string". */
  quoted: boolean;
  description: string;
}

export interface ParsedHelp {
  /** The text before the first section: what the command does, and its rules in prose. */
  description: string;
  aliases: string[];
  usage: string;
  flags: RawFlag[];
  subcommands: string[];
}

const FLAG_HEADER = /^\s+(?:-([^\s,-]), )?--([A-Za-z0-9][\w.-]*)=(.*):$/;
const SECTION_HEADER =
  /^(Aliases|Examples|Options|Usage|Available Commands|[A-Z][\w ]* Commands(?: \([^)]*\))?|Subcommands provided by plugins):$/;

/** The help split at its section headers ("Usage:", "Options:", "Available Commands:", ...); the text before the first is "Description". */
export function sections(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = 'Description';
  out.set(current, []);
  for (const line of text.split('\n')) {
    const m = SECTION_HEADER.exec(line);
    if (m?.[1] !== undefined) {
      current = m[1];
      if (!out.has(current)) out.set(current, []);
      continue;
    }
    out.get(current)?.push(line);
  }
  return out;
}

/** Flag blocks: a header line ("    -o, --output='':") followed by tab-indented description lines. */
export function parseFlagBlocks(lines: readonly string[]): RawFlag[] {
  const flags: RawFlag[] = [];
  let current: { flag: RawFlag; desc: string[] } | undefined;
  const finish = (): void => {
    if (current) flags.push({ ...current.flag, description: current.desc.join('\n').trim() });
    current = undefined;
  };
  for (const line of lines) {
    const m = FLAG_HEADER.exec(line);
    if (m) {
      finish();
      const [, shorthand, name = '', rawDefault = ''] = m;
      const quoted = rawDefault.length >= 2 && rawDefault.startsWith("'") && rawDefault.endsWith("'");
      const flag: RawFlag = { name, default: quoted ? rawDefault.slice(1, -1) : rawDefault, quoted, description: '' };
      if (shorthand !== undefined) flag.shorthand = shorthand;
      current = { flag, desc: [] };
    } else if (current && line.startsWith('\t')) {
      current.desc.push(line.slice(1));
    } else if (current && line.trim() !== '' && current.desc.length > 0) {
      // A description line that lost its tab (never seen in v1.32, but keep the text).
      current.desc.push(line.trim());
    }
  }
  finish();
  return flags;
}

export function parseHelp(text: string): ParsedHelp {
  const secs = sections(text);
  const aliasLine = (secs.get('Aliases') ?? []).find((l) => l.trim() !== '') ?? '';
  const aliases = aliasLine
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const usage = ((secs.get('Usage') ?? []).find((l) => l.trim() !== '') ?? '').trim();
  const subcommands: string[] = [];
  for (const [name, lines] of secs) {
    if (!/Commands/.test(name)) continue;
    for (const line of lines) {
      const m = /^ {2}([a-z][\w-]*)(?:\s{2,}|$)/.exec(line);
      if (m?.[1] !== undefined) subcommands.push(m[1]);
    }
  }
  const description = (secs.get('Description') ?? []).join('\n').trim();
  return { description, aliases, usage, flags: parseFlagBlocks(secs.get('Options') ?? []), subcommands };
}

/** The first sentence of the first line of a flag's description. */
export function firstSentence(description: string): string {
  const line = (description.split('\n')[0] ?? '').trim();
  // A period ends the sentence when a space and a capital, a quote or a digit follow; not "e.g. ".
  const m = /^(.*?[^.](?<!\be\.g|\bi\.e|\betc|\bvs)\.)\s+(?=["'A-Z0-9(])/.exec(line);
  return m?.[1] ?? line;
}

/** Allowed values, where kubectl's help states them. */
export function extractEnum(description: string): string[] | undefined {
  const text = description.replace(/\s+/g, ' ');
  const list = (s: string, sep: RegExp): string[] =>
    s
      .split(sep)
      .map((v) =>
        v
          .trim()
          .replace(/^or /, '')
          .replace(/^['"]|['"]$/g, '')
          .trim(),
      )
      .filter((v) => v !== '' && v !== 'or');
  let m: RegExpExecArray | null;
  // Must be one of: strict (or true), warn, ignore (or false).
  if ((m = /Must be one of: ([^.]*)\./.exec(text))) {
    const values: string[] = [];
    for (const part of list(m[1] ?? '', /,/)) {
      const alias = /^(\S+) \(or (\S+)\)$/.exec(part);
      if (alias) values.push(alias[1] ?? '', alias[2] ?? '');
      else values.push(part);
    }
    return values.filter((v) => v !== '');
  }
  // Must be "none", "server", or "client".   Options are "legacy", "general", ... or "sysadmin".
  if ((m = /(?:Must be|Options are) ((?:"[^"]+"(?:,? (?:or )?)?)+)/.exec(text))) {
    return [...(m[1] ?? '').matchAll(/"([^"]+)"/g)].map((x) => x[1] ?? '');
  }
  // One of: (json, yaml, ...)   Must be one of (yaml, json)   Valid values are: (plaintext, ...)
  // One of (none|cpu|heap|...)
  if ((m = /(?:One of|Must be one of|Valid values are):? \(([^)]*)\)/.exec(text))) {
    return list(m[1] ?? '', /[,|]/);
  }
  // one of [json merge strategic]   Legal values [Always, OnFailure, Never]
  if ((m = /(?:one of|Legal values) \[([^\]]*)\]/i.exec(text))) return list(m[1] ?? '', /[,\s]+/);
  // One of 'yaml' or 'json'.   The field can be either 'cpu' or 'memory'.
  if ((m = /(?:One of|can be either) '([^']+)' or '([^']+)'/.exec(text))) return [m[1] ?? '', m[2] ?? ''];
  // legal values: 'None', 'ClientIP'
  if ((m = /legal values: ((?:'[^']+'(?:, )?)+)/.exec(text))) {
    return [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((x) => x[1] ?? '');
  }
  // Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.
  // The method used to override the generated object: json, merge, or strategic.
  // supported values: OnFailure, Never   Supported kinds are Node, Pod, Secret.
  if (
    (m =
      /(?:Type for this service|override the generated object|supported values|Supported kinds are):? ((?:[A-Za-z]+, )+(?:or )?[A-Za-z]+)\b/.exec(
        text,
      ))
  ) {
    return list(m[1] ?? '', /,/);
  }
  return undefined;
}

const DURATION = /^-?(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/** The type the printed default suggests. */
export function typeFromDefault(f: RawFlag): FlagType {
  if (f.quoted) return 'string';
  const d = f.default;
  if (d === 'true' || d === 'false') return 'bool';
  if (/^-?\d+$/.test(d)) return 'int';
  if (/^-?\d*\.\d+(?:e[-+]?\d+)?$/i.test(d)) return 'float';
  if (DURATION.test(d)) return 'duration';
  if (/^map\[.*\]$/.test(d)) return 'map';
  if (/^\[.*\]$/.test(d)) return 'stringArray';
  // Custom value types that print nothing useful ("--vmodule=:", "--aggregation-rule=:"): probed.
  return 'string';
}

/**
 * What the help alone says about a flag, as a FlagSpec: the type its default suggests (the probes
 * confirm or correct it where the default is not quoted), "true" as the bare value of a bool (whether
 * any other flag has a bare form is printed nowhere: probeBare finds out), the allowed values and the
 * first sentence of the description.
 */
export function flagSpecFromHelp(f: RawFlag): FlagSpec {
  const type = typeFromDefault(f);
  const spec: FlagSpec = { name: f.name, type, default: f.default, help: firstSentence(f.description) };
  if (f.shorthand !== undefined) spec.shorthand = f.shorthand;
  if (type === 'bool') spec.bare = 'true';
  const values = extractEnum(f.description);
  if (values !== undefined && values.length > 0) spec.enum = values;
  return spec;
}

/** The taint effects a help's description allows: "The effect must be NoSchedule, PreferNoSchedule or NoExecute." */
export function taintEffects(description: string): string[] | undefined {
  const m = /The effect must be ([A-Za-z, ]+?)\./.exec(description.replace(/\s+/g, ' '));
  return m ? (m[1] ?? '').split(/,\s*|\s+or\s+/).filter(Boolean) : undefined;
}
