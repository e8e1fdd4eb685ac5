/**
 * The one ID model shared by the build (stub pages, uniqueness checks), the manifest and the browser
 * (404 resolver, jump box). Alerts and people spell IDs many ways: K8S-002, k8s-002, k8s002, "K8S 002".
 * Two spellings name the same runbook when their keys are equal: upper case, letters and digits only.
 */
import { editDistance } from '../text/edit-distance.ts';

/** What alert tooling and the browser need to send someone to a runbook. */
export interface IdTarget {
  id: string;
  aliases: readonly string[];
  url: string;
}

/** The comparison key: "k8s-002", "K8S 002" and "K8S002" all give "K8S002". */
export function idKey(spelling: string): string {
  return spelling.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * The key with zero padding dropped from its numbers: "SHEP-14", "SHEP-014" and "shep014" all give
 * "SHEP14". People type IDs without the padding; the exact key still decides when both exist.
 */
export function looseIdKey(spelling: string): string {
  return idKey(spelling).replace(/(^|[^0-9])0+(?=[0-9])/g, '$1');
}

/**
 * Every key a name is looked up by (exact and loose), to the folder of its forwarding page: the
 * compact lower-case spelling, which linkSpellings always writes a page for. Keys two names share
 * loosely (SHEP-14 and SHEP-014 both exist) go to the name whose exact key it is, or to none.
 */
export function idKeyTable(names: readonly string[]): Record<string, string> {
  const table: Record<string, string> = {};
  const loose = new Map<string, Set<string>>();
  for (const name of names) {
    const page = name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
    table[idKey(name)] = page;
    const key = looseIdKey(name);
    loose.set(key, (loose.get(key) ?? new Set()).add(page));
  }
  for (const [key, pages] of loose) if (!(key in table) && pages.size === 1) table[key] = [...pages][0]!;
  return table;
}

/** The forwarding page a spelling names in an ID key table, exactly or without zero padding. */
export function lookUpIdKey(spelling: string, table: Readonly<Record<string, string>>): string | undefined {
  return table[idKey(spelling)] ?? table[looseIdKey(spelling)];
}

/** The canonical URL segment of a runbook: its ID in lower case, hyphens kept ("k8s-002"). */
export function idSlug(id: string): string {
  return id.toLowerCase();
}

/**
 * The spellings that get a redirect page of their own, so an alert link lands with no 404 hop:
 * as written, lower case, upper case, and both without punctuation. Any other spelling is resolved
 * by the 404 page through the manifest.
 */
export function linkSpellings(idOrAlias: string): string[] {
  const compact = idOrAlias.replace(/[^A-Za-z0-9]/g, '');
  const spellings = [
    idOrAlias,
    idOrAlias.toLowerCase(),
    idOrAlias.toUpperCase(),
    compact.toLowerCase(),
    compact.toUpperCase(),
  ];
  return [...new Set(spellings)].filter((s) => s.length > 0);
}

export type IdIndex<T extends IdTarget> = ReadonlyMap<string, T>;

/** Maps the key of every ID and alias to its runbook. Assumes keys are unique (the build checks it). */
export function buildIdIndex<T extends IdTarget>(targets: readonly T[]): IdIndex<T> {
  const index = new Map<string, T>();
  for (const target of targets) {
    for (const spelling of [target.id, ...target.aliases]) index.set(idKey(spelling), target);
  }
  return index;
}

export function resolveId<T extends IdTarget>(query: string, index: IdIndex<T>): T | undefined {
  const key = idKey(query);
  return key ? index.get(key) : undefined;
}

export interface IdLookup<T extends IdTarget> {
  match?: T;
  suggestions: T[];
}

/** The runbook a spelling names, or, when it names none, the ones it probably meant. */
export function lookUpId<T extends IdTarget>(query: string, targets: readonly T[]): IdLookup<T> {
  const match = resolveId(query, buildIdIndex(targets));
  return match ? { match, suggestions: [] } : { suggestions: suggestIds(query, targets) };
}

/**
 * The last path segment of a URL path, decoded, without a trailing slash or ".html":
 * "/docs/k8s002/" -> "k8s002". Returns "" for the site root.
 */
export function idFromPath(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s.length > 0);
  const last = segments.at(-1) ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    decoded = last;
  }
  return decoded.replace(/\.html?$/i, '').replace(/^index$/i, '');
}

/** "K8S002" -> { stem: "K8S", number: 2 }; IDs without a trailing number have none. */
function splitNumber(key: string): { stem: string; number: number } | undefined {
  const match = /^(.*?)(\d+)$/.exec(key);
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  return { stem: match[1], number: Number(match[2]) };
}

/**
 * The runbooks someone probably meant by a spelling that resolves to none, best first.
 * Same stem and number with other zero padding ("K8S-02" for K8S-002) ranks first, then
 * IDs that start with what was typed ("K8S" lists the K8S runbooks), then small edit distances.
 */
export function suggestIds<T extends IdTarget>(query: string, targets: readonly T[], limit = 5): T[] {
  const key = idKey(query);
  if (!key) return [];
  const wanted = splitNumber(key);
  const scored: { target: T; score: number }[] = [];
  for (const target of targets) {
    let best = Number.POSITIVE_INFINITY;
    for (const spelling of [target.id, ...target.aliases]) {
      const candidate = idKey(spelling);
      const parts = splitNumber(candidate);
      let score: number;
      if (wanted && parts && wanted.stem === parts.stem && wanted.number === parts.number) score = 0;
      else if (candidate.startsWith(key)) score = 1 + (candidate.length - key.length) / 100;
      else {
        const distance = editDistance(key, candidate);
        // Beyond a third of the word, an edit is a different ID, not a typo.
        score = distance <= Math.max(2, Math.floor(candidate.length / 3)) ? 2 + distance : Infinity;
      }
      best = Math.min(best, score);
    }
    if (best < Infinity) scored.push({ target, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.target.id.localeCompare(b.target.id));
  return scored.slice(0, limit).map((s) => s.target);
}
