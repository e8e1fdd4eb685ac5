/**
 * FlagSpecs from the flags a help lists: what the help says (flagSpecFromHelp), with the type
 * confirmed by probes where the printed default leaves room for doubt, and the value a bare `--x`
 * takes where kubectl accepts one.
 */
import type { FlagSpec } from '../schema-types.ts';
import { flagSpecFromHelp, type RawFlag } from './help-parser.ts';
import { CONCURRENCY, mapPool } from './pool.ts';
import { probeBare, probeType } from './probes.ts';
import type { Report } from './report.ts';
import { normalizeHome, type Sandbox } from './sandbox.ts';

/**
 * The value a flag takes when written bare. kubectl's help does not print cobra's NoOptDefVal, so the
 * probes only tell WHETHER a flag has a bare form; the value comes from here (kubectl's source:
 * cmdutil.AddDryRunFlag, AddValidateFlags, delete's --cascade). Bools always take "true".
 */
export const KNOWN_BARE_VALUES: Readonly<Record<string, string>> = {
  'dry-run': 'unchanged',
  cascade: 'background',
  validate: 'strict',
};

/**
 * The FlagSpecs of the flags a help lists (cmdPath [] for the global flags, probed on `kubectl version`),
 * in the help's order.
 */
export async function buildFlags(
  sb: Sandbox,
  cmdPath: readonly string[],
  raw: readonly RawFlag[],
  report: Report,
): Promise<FlagSpec[]> {
  const where = cmdPath.length > 0 ? `kubectl ${cmdPath.join(' ')}` : 'global';
  const probePath = cmdPath.length > 0 ? cmdPath : ['version'];
  return mapPool(raw, CONCURRENCY, async (f): Promise<FlagSpec> => {
    const fromHelp = flagSpecFromHelp(f);
    const spec: FlagSpec = {
      ...fromHelp,
      default: normalizeHome(sb, fromHelp.default),
      help: normalizeHome(sb, fromHelp.help),
    };
    if (!f.quoted && fromHelp.type !== 'bool') {
      const probed = await probeType(sb, probePath, f, fromHelp.type);
      spec.type = probed.type;
      if (probed.note !== undefined) report.typeNotes.push(`${where} ${probed.note}`);
    }
    if (spec.type === 'bool') {
      spec.bare = 'true';
    } else {
      const bare = await probeBare(sb, probePath, f.name);
      if (bare === 'unknown-flag') throw new Error(`${where}: kubectl rejects --${f.name}, which its help lists`);
      if (bare === 'bare') {
        const value = KNOWN_BARE_VALUES[f.name];
        if (value === undefined) {
          throw new Error(
            `${where} accepts --${f.name} without a value, but the value it takes is not known: add it to KNOWN_BARE_VALUES`,
          );
        }
        spec.bare = value;
        report.bare.push(`${where} --${f.name} (bare = "${value}")`);
      }
    }
    return ordered(spec);
  });
}

/** The keys of a FlagSpec in one fixed order, so the JSON is stable. */
export function ordered(f: FlagSpec): FlagSpec {
  return {
    name: f.name,
    ...(f.shorthand !== undefined ? { shorthand: f.shorthand } : {}),
    type: f.type,
    default: f.default,
    ...(f.bare !== undefined ? { bare: f.bare } : {}),
    ...(f.enum !== undefined ? { enum: f.enum } : {}),
    ...(f.deprecated !== undefined ? { deprecated: f.deprecated } : {}),
    ...(f.requiresEnv !== undefined ? { requiresEnv: f.requiresEnv } : {}),
    help: f.help,
  };
}
