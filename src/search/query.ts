/**
 * From what someone types or pastes to what is searched. People paste raw error lines as the tools
 * print them:
 *   E0301 10:12:44.123456 1234 pod_workers.go:1298] "Error syncing pod" pod="worker-5f7c9d-abcde_app-workload(1a2b…)"
 *   Unable to connect to the server: dial tcp 10.0.12.4:6443: i/o timeout
 * What changes from one incident to the next (timestamps, UUIDs, container IDs, pod hashes,
 * addresses, source lines, sizes, versions) is dropped; a well-known port (6443, 2379, 10250) or an
 * HTTP status is kept as the signal it is. Filler words are dropped, and the words error lines are
 * made of (last, state, exit, code, connection, error) count for little, so the one telling word
 * (OOMKilled, nats, 6443, x509) decides. Each remaining word is a group of alternatives: itself, its
 * synonyms (src/search/synonyms.ts) and, when the site has no such word, its nearest spelling.
 * The plan is the same for the site and the offline copy (src/search/rank.ts ranks by it).
 */
import { cjkBigrams, hasCjk } from '../text/cjk.ts';
import { typingDistance } from '../text/edit-distance.ts';
import { isCjkTerm, synonymRules, type SynonymRule } from './synonyms.ts';
import { stem, words } from './tokens.ts';

/** Document frequencies of the stems of every page: how telling a word is, and which words exist. */
export interface TermStats {
  docs: number;
  df: Record<string, number>;
}

export interface Alternative {
  /** The stems that must all be on a page (one for a word, several for a phrase). */
  stems: string[];
  /** How much a match counts: 1 for the word itself, less for a synonym or a corrected spelling. */
  factor: number;
  via: 'word' | 'synonym' | 'spelling';
}

export type GroupKind = 'word' | 'boilerplate' | 'signal' | 'cjk';

export interface TermGroup {
  /** The word (or CJK term) as typed, for display and tests. */
  text: string;
  kind: GroupKind;
  /** How much the group counts: how rare its word is on the site, times its kind's weight. */
  weight: number;
  alternatives: Alternative[];
  /** The word is on no page and no spelling near it is: it speaks against every page. */
  unknown: boolean;
}

export interface QueryPlan {
  groups: TermGroup[];
  /** The cleaned words in order (filler included), for finding the line quoted word for word. */
  sequence: string[];
  /** The query as typed, trimmed. */
  text: string;
  /** A pasted line rather than typed words (see isPastedLine). */
  pasted: boolean;
}

/** Noise, in this order: what each pattern removes changes from incident to incident. */
const NOISE: [RegExp, string][] = [
  [/\b[IWEF]\d{4} \d{2}:\d{2}:\d{2}(\.\d+)?\b/g, ' '], // klog headers: E0301 10:12:44.123456
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/gi, ' '], // timestamps
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' '], // UUIDs (pod UIDs)
  [/\b(?:containerd|docker|cri-o):\/\/[0-9a-f]{12,64}\b/gi, ' '], // container IDs
  [/\bsha256:[0-9a-f]{12,64}\b/gi, ' '], // image digests
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,64}\b/gi, ' '], // bare hashes and container IDs
  [/\b[\w-]+\.go:\d+\]?/g, ' '], // Go source positions: pod_workers.go:1298]
  // kubelet's pod_namespace(uid): keep both names, the UID is gone already
  [/\b([a-z0-9][a-z0-9.-]*)_([a-z0-9][a-z0-9-]*)\(\s*\)/g, '$1 $2'],
  // pod names: api-7c9d8f6b5-x2x7q (Deployment), calico-node-x7k2p (DaemonSet): keep the workload's name
  [/\b([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(?=[a-z0-9]*\d)[a-z0-9]{6,10}-[a-z0-9]{5}\b/g, '$1'],
  [/\b([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(?=[a-z]*\d)[a-z0-9]{5}\b/g, '$1'],
];

/** IPv4 addresses, with their port: the address is dropped, a well-known port kept as a word. */
const ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}(?::(\d{1,5}))?\b/g;

/** Words that say nothing: dropped (they still count for a line quoted word for word). */
const STOPWORDS = new Set(
  (
    'a an the to of in on for is are was were be been being and or not no nor with from at by as it its this that ' +
    'these those there here i you we me my our your do does did done how what why when where which who whom can ' +
    'could should would will shall may might must has have had so if then than but into onto out up over under ' +
    'again about after before just only also very too some any all each both few more most other such own same ' +
    'still yet while please help us them they he she get got keeps keep ' +
    // numbers as words, and common English that says nothing about a failure
    'one two three four five six seven eight nine ten says say said shows show seems seem looks look like ' +
    'really actually suddenly randomly sometimes always never ever often anymore today yesterday tonight night ' +
    'morning evening forever everything nothing something anything someone anyone everyone thing things stuff ' +
    'way lot lots bit totally completely entirely whole entire every hi hello thanks urgent asap guys folks ' +
    'team happens happening going gone since until now why im ive dont doesnt didnt isnt arent wasnt wont ' +
    // path segments of every Linux system: /usr/local/bin/shepherd is about shepherd
    'usr bin sbin lib lib64 opt'
  ).split(' '),
);

/**
 * Words error lines are made of, whatever failed: kept, but light, so they never outweigh the one
 * telling word. (Their rarity on the site does not count: "exit code" is on few pages, yet says little.)
 */
const BOILERPLATE = new Set(
  (
    'error errors err failed fail failing failure warning warn info last state exit code connection connect ' +
    'available reason message msg status level unable cannot cant could get set http https tcp udp dial server ' +
    'client request response desc unknown rpc kubectl k8s kubernetes normal type time true false none null ' +
    'value values occurred internal happened issue issues problem problems broken working work works see ' +
    'skipping syncing object default io com local cluster ' +
    // the fields of kubectl describe's container state: Last State: Terminated, Started:, Finished:
    'terminated started finished'
  ).split(' '),
);

/** Numbers that mean something: the ports, statuses and exit codes of the synonym table, and HTTP errors. */
const RULES = synonymRules();
const KNOWN_NUMBERS = new Set(RULES.flatMap((r) => r.match).filter((w) => /^\d+$/.test(w)));
const isSignalNumber = (word: string) => KNOWN_NUMBERS.has(word) || /^[45]\d\d$/.test(word);

/** Words that are values, not words: sizes, durations, versions, counts. */
const VALUE_WORD =
  /^(?:\d+(?:[.,]\d+)?(?:ms|s|m|h|d|w|y|ki|mi|gi|ti|kb|mb|gb|k|g|%)?|v\d+(?:[.-]\w+)*|\d+[a-z]*\d+[a-z\d]*)$/i;

const FACTOR: Record<GroupKind, number> = { word: 1, boilerplate: 0.2, signal: 1.2, cjk: 0.8 };
const SYNONYM_FACTOR = 0.8;
const SPELLING_FACTOR = 0.75;
/**
 * A word the site has nowhere weighs like a fairly rare one in what someone types (it is likely the
 * topic, one the site lacks), and little in a pasted line (where it is likely a name from the incident).
 */
const UNKNOWN_FACTOR = { typed: 0.6, pasted: 0.25 };

/** A pasted line, as tools print them (punctuation of messages and key=value pairs, or long), not typed words. */
export const isPastedLine = (query: string) => /[:="(){}[\]]/.test(query) || words(query).length >= 9;

/** The text with the incident's noise removed, and the kept port numbers in the addresses' place. */
export function cleanQuery(query: string): string {
  let text = query;
  for (const [pattern, replacement] of NOISE) text = text.replace(pattern, replacement);
  return text.replace(ADDRESS, (_, port: string | undefined) => (port && isSignalNumber(port) ? ` ${port} ` : ' '));
}

/** The query's words after cleaning, in order, lower case, values dropped (filler kept). */
export function queryWords(query: string): string[] {
  return words(cleanQuery(query))
    .map((w) => w.word.toLowerCase())
    .filter((w) => !isCjkTerm(w))
    .filter((w) => (/^\d+$/.test(w) ? isSignalNumber(w) : !VALUE_WORD.test(w)));
}

export function idf(stats: TermStats | undefined, s: string): number | undefined {
  if (!stats) return 1;
  const df = stats.df[s];
  return df ? Math.log(1 + stats.docs / df) : undefined;
}

const maxIdf = (stats: TermStats | undefined) => (stats ? Math.log(1 + stats.docs) : 1);

/** The site's word nearest to a misspelt one (swapped letters count once), preferring common words. */
export function correctSpelling(s: string, stats: TermStats): string | undefined {
  if (s.length < 4 || /\d/.test(s)) return undefined;
  const max = s.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestDf = 0;
  for (const [word, df] of Object.entries(stats.df)) {
    if (Math.abs(word.length - s.length) > max || word.length < 4) continue;
    const d = typingDistance(s, word);
    if (d < bestDistance || (d === bestDistance && df > bestDf)) {
      best = word;
      bestDistance = d;
      bestDf = df;
    }
  }
  return bestDistance <= max ? best : undefined;
}

/** Whether some word of the site starts with this stem (Pagefind matches prefixes too). */
const hasPrefix = (s: string, stats: TermStats) => s.length >= 4 && Object.keys(stats.df).some((w) => w.startsWith(s));

interface Found {
  at: number;
  length: number;
  rule: SynonymRule;
}

/** Synonym rules whose trigger occurs in the words, longest first, not overlapping (nor the words taken). */
function findRules(sequence: readonly string[], taken: ReadonlySet<number>): Found[] {
  const used = new Set<number>(taken);
  const found: Found[] = [];
  for (const rule of RULES) {
    if (rule.match.length === 1 && isCjkTerm(rule.match[0]!)) continue;
    for (let i = 0; i + rule.match.length <= sequence.length; i++) {
      if (!rule.match.every((w, k) => sequence[i + k] === w)) continue;
      const span = rule.match.map((_, k) => i + k);
      if (span.some((k) => used.has(k))) continue;
      span.forEach((k) => used.add(k));
      found.push({ at: i, length: rule.match.length, rule });
    }
  }
  return found;
}

const isStopword = (word: string) => STOPWORDS.has(word) || STOPWORDS.has(stem(word)) || word.length === 1;

/** A word that says nothing (the, of, out): never searched for alone, never marked in an excerpt. */
export const isFiller = isStopword;

export function planQuery(query: string, stats?: TermStats): QueryPlan {
  const sequence = queryWords(query);
  const pasted = isPastedLine(query);
  const groups: TermGroup[] = [];
  const byStem = new Map<string, TermGroup>();
  const addGroup = (text: string, kind: GroupKind, primary: Alternative, extra: Alternative[] = []) => {
    const key = primary.stems.join(' ');
    const existing = byStem.get(key);
    if (existing) {
      existing.alternatives.push(...extra.filter((e) => !existing.alternatives.some((a) => same(a, e))));
      return;
    }
    const alternatives = [primary, ...extra].filter((a, i, all) => all.findIndex((b) => same(a, b)) === i);
    const group: TermGroup = { text, kind, weight: 0, alternatives, unknown: false };
    byStem.set(key, group);
    groups.push(group);
  };

  const inPhrase = new Set<number>();
  // Words written apart that the site writes as one ("image pull backoff", "config map"): one group.
  if (stats) {
    for (let i = 0; i < sequence.length; i++) {
      for (let n = Math.min(4, sequence.length - i); n >= 2; n--) {
        const span = [...Array(n).keys()].map((k) => i + k);
        if (span.some((k) => inPhrase.has(k) || isStopword(sequence[k]!))) continue;
        const joined = stem(span.map((k) => sequence[k]).join(''));
        if (!stats.df[joined]) continue;
        span.forEach((k) => inPhrase.add(k));
        const parts = span.map((k) => stem(sequence[k]!));
        addGroup(span.map((k) => sequence[k]).join(' '), 'word', { stems: [joined], factor: 1, via: 'word' }, [
          { stems: parts, factor: SYNONYM_FACTOR, via: 'synonym' },
        ]);
        i += n - 1;
        break;
      }
    }
  }
  // Then the phrases of the synonym table ("out of memory", "bad gateway"): one group each.
  const phrases = findRules(sequence, inPhrase);
  for (const f of phrases) if (f.length > 1) for (let k = 0; k < f.length; k++) inPhrase.add(f.at + k);
  for (const f of phrases.filter((p) => p.length > 1)) {
    const stems = f.rule.match.filter((w) => !isStopword(w)).map(stem);
    addGroup(f.rule.match.join(' '), 'word', { stems, factor: 1, via: 'word' }, synonymsOf(f.rule));
  }
  const singleRules = new Map(phrases.filter((p) => p.length === 1).map((p) => [p.at, p.rule]));
  sequence.forEach((word, i) => {
    if (inPhrase.has(i) || isStopword(word)) return;
    const kind: GroupKind = /^\d+$/.test(word) ? 'signal' : BOILERPLATE.has(word) ? 'boilerplate' : 'word';
    const rule = singleRules.get(i);
    addGroup(word, kind, { stems: [stem(word)], factor: 1, via: 'word' }, rule ? synonymsOf(rule) : []);
  });

  // Chinese, Japanese, Korean: terms of the table (镜像 -> image), then the rest as bigrams.
  if (hasCjk(query)) {
    let rest = query;
    for (const rule of RULES) {
      const term = rule.match[0]!;
      if (rule.match.length !== 1 || !isCjkTerm(term) || !rest.includes(term)) continue;
      rest = rest.replaceAll(term, ' ');
      addGroup(term, 'cjk', { stems: cjkBigrams(term).split(' '), factor: 1, via: 'word' }, synonymsOf(rule));
    }
    for (const bigram of cjkBigrams(rest).split(' ').filter(Boolean)) {
      addGroup(bigram, 'cjk', { stems: [bigram], factor: 1, via: 'word' });
    }
  }

  for (const group of groups) weigh(group, stats, pasted);
  return { groups, sequence, text: query.trim(), pasted };
}

/** A synonym's words all count ("out of memory" is not "memory"): filler is kept within phrases. */
function synonymsOf(rule: SynonymRule): Alternative[] {
  return rule.expand.map((phrase) => ({
    stems: phrase.map(stem),
    factor: SYNONYM_FACTOR,
    via: 'synonym' as const,
  }));
}

const same = (a: Alternative, b: Alternative) => a.stems.join(' ') === b.stems.join(' ');

/**
 * A group's weight from the rarest of its alternatives the site has. A word the site lacks gains its
 * nearest spelling, in typed words only (pasted lines are printed by tools: no typos), and a guessed
 * spelling never weighs more than the unknown word would.
 */
function weigh(group: TermGroup, stats: TermStats | undefined, pasted: boolean): void {
  const known = (alt: Alternative) =>
    alt.stems.every((s) => idf(stats, s) !== undefined || (stats && hasPrefix(s, stats)));
  const primary = group.alternatives[0]!;
  const unknownWeight = maxIdf(stats) * (pasted ? UNKNOWN_FACTOR.pasted : UNKNOWN_FACTOR.typed);
  if (stats && !pasted && !known(primary) && primary.stems.length === 1 && group.kind !== 'cjk') {
    const corrected = correctSpelling(primary.stems[0]!, stats);
    if (corrected) group.alternatives.push({ stems: [corrected], factor: SPELLING_FACTOR, via: 'spelling' });
  }
  const weights = group.alternatives.filter(known).map((alt) => {
    const w = Math.min(...alt.stems.map((s) => idf(stats, s) ?? maxIdf(stats) * 0.8));
    return alt.via === 'spelling' ? Math.min(w, unknownWeight) : w;
  });
  group.unknown = weights.length === 0;
  group.weight = (group.unknown ? unknownWeight : Math.max(...weights)) * FACTOR[group.kind];
}
