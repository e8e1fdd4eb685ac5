/**
 * Secrets stay out of the incident log, which goes to the incident channel and the postmortem:
 *   - in commands: the values of --from-literal=key=VALUE, of token and password flags
 *     (--token, --password, --docker-password, …), of secret-named assignments (API_TOKEN=…), of
 *     `Authorization: Bearer …`, of credentials in URLs (https://user:PASSWORD@host), and the values
 *     given for secret-named placeholders (<token>, DB_PASSWORD);
 *   - in output: anything that looks like a JWT or a bearer token, and the data of Secrets that
 *     `kubectl get secret … -o yaml|json` prints (data, stringData, the last-applied annotation), or all
 *     of it for -o jsonpath, go-template and custom-columns, which print the data alone.
 * The terminal shows everything as it is: the person at it is allowed to see it.
 */
import type { CommandReader } from '../commands/reader.ts';
import { flagValue } from '../kubectl/argv.ts';
import type { KubectlCall, ProgramCall } from './invocations.ts';

export const MASK = '***';

/** Flags (of any program) whose value is a secret. */
const SECRET_FLAG =
  /^--?(token|password|passwd|docker-password|client-secret|secret-key|access-key|api-key|auth-token|bearer-token)$/i;
/** Names of variables and placeholders that hold secrets. */
export const SECRET_NAME = /(^|[-_])(token|password|passwd|secret|api-?key|access-?key|credentials?)$/i;

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi;

/** What is masked everywhere: tokens by their shape. */
export const maskTokens = (text: string) =>
  text.replace(JWT, MASK).replace(BEARER, `$1 ${MASK}`).replace(URL_CREDENTIALS, `$1${MASK}@`);

interface Cut {
  start: number;
  end: number;
}

/** The ranges of `command` that hold secrets, from the words of the programs it runs. */
function secretRanges(command: string, calls: readonly ProgramCall[]): Cut[] {
  const cuts: Cut[] = [];
  /** Where a word's value ends as written: before its closing quote, so the log keeps quotes balanced. */
  const valueEnd = (word: Cut) => {
    const written = command.slice(word.start, word.end);
    const last = written.at(-1);
    return (last === "'" || last === '"') && written.indexOf(last) < written.length - 1 ? word.end - 1 : word.end;
  };
  for (const call of calls) {
    call.args.forEach((arg, i) => {
      const written = command.slice(arg.start, arg.end);
      // --from-literal=key=value, or --from-literal key=value: the value after the key's "=".
      const literal = /^(['"]?--from-literal=['"]?[^=]*=)/.exec(written);
      if (literal) cuts.push({ start: arg.start + literal[1]!.length, end: valueEnd(arg) });
      const next = call.args[i + 1];
      if (arg.value === '--from-literal' && next) {
        const key = /^['"]?[^=]*=/.exec(command.slice(next.start, next.end));
        if (key) cuts.push({ start: next.start + key[0].length, end: valueEnd(next) });
      }
      const flag = /^(['"]?(--?[\w-]+)=)/.exec(written);
      if (flag && SECRET_FLAG.test(flag[2]!)) cuts.push({ start: arg.start + flag[1]!.length, end: valueEnd(arg) });
      if (SECRET_FLAG.test(arg.value) && next) cuts.push({ start: next.start, end: next.end });
    });
  }
  // Secret-named assignments before a command or on their own: API_TOKEN=abc kubectl …
  for (const m of command.matchAll(/(?<![\w$])([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g)) {
    if (SECRET_NAME.test(m[1]!)) cuts.push({ start: m.index + m[1]!.length + 1, end: m.index + m[0].length });
  }
  return cuts;
}

/**
 * The command as the incident log records it. `secretValues`: values given for secret-named
 * placeholders, masked wherever they appear.
 */
export function maskCommand(
  command: string,
  calls: readonly ProgramCall[],
  secretValues: readonly string[] = [],
): string {
  const cuts = secretRanges(command, calls).sort((a, b) => b.start - a.start);
  let text = command;
  let lastStart = Infinity;
  for (const cut of cuts) {
    if (cut.end > lastStart || cut.end <= cut.start) continue; // overlapping: the later one already covers it
    text = text.slice(0, cut.start) + MASK + text.slice(cut.end);
    lastStart = cut.start;
  }
  for (const value of secretValues) if (value.length >= 3) text = text.split(value).join(MASK);
  return maskTokens(text);
}

export type SecretOutput = 'none' | 'structured' | 'all';

/** How much of a step's output is a Secret's data: by what its kubectl calls get. */
export function secretOutputOf(calls: readonly KubectlCall[], reader: CommandReader): SecretOutput {
  let found: SecretOutput = 'none';
  for (const call of calls) {
    const [verb] = call.argv.path;
    if (verb !== 'get' && verb !== 'edit' && verb !== 'apply' && verb !== 'create') continue;
    const types = call.argv.positionals.flatMap((p) => p.value.split('/')[0]!.split(','));
    // `kubectl create secret generic …` names it in its command path, `get secret x` in its arguments.
    const secret =
      call.argv.path.includes('secret') || types.some((t) => reader.kubectl.resources.resolve(t)?.kind === 'Secret');
    if (!secret) continue;
    const output = flagValue(call.argv, 'output') ?? '';
    if (/^(json|yaml)$/.test(output)) found = found === 'all' ? 'all' : 'structured';
    else if (output !== '' && !/^(wide|name)$/.test(output)) found = 'all';
  }
  return found;
}

/**
 * A line-by-line masker of a step's output. For Secrets as YAML or JSON it follows the document:
 * the entries under `data:` / `stringData:` (and `"data": {`) and the last-applied annotation, which
 * repeats them, have their values replaced.
 */
export function outputMasker(mode: SecretOutput): (line: string) => string {
  if (mode === 'all') return (line) => (line.trim() === '' ? line : `${MASK} (Secret data, masked)`);
  if (mode === 'none') return maskTokens;
  /** Indentation of the map being masked, or -1 outside one. */
  let inside = -1;
  let json = false;
  return (line) => {
    const indent = line.length - line.trimStart().length;
    if (inside >= 0) {
      const closes = json ? /^\s*\}/.test(line) && indent <= inside : line.trim() !== '' && indent <= inside;
      if (!closes) {
        if (json) return line.replace(/^(\s*"[^"]*":\s*)"(?:[^"\\]|\\.)*"/, `$1"${MASK}"`);
        const entry = /^(\s*[^:\s][^:]*:\s)(.*)$/.exec(line);
        return entry ? `${entry[1]}${MASK}` : line.trim() === '' ? line : line.replace(/\S.*$/, MASK);
      }
      inside = -1;
    }
    if (/^\s*(data|stringData):\s*$/.test(line)) {
      inside = indent;
      json = false;
      return line;
    }
    if (/^\s*"(data|stringData)":\s*\{\s*$/.test(line)) {
      inside = indent;
      json = true;
      return line;
    }
    // The annotation kubectl apply leaves holds the whole object, data included.
    const annotation = /^(\s*"?kubectl\.kubernetes\.io\/last-applied-configuration"?:\s*)(\|[-+]?)?(.*)$/.exec(line);
    if (annotation) {
      if (annotation[2]) {
        inside = indent;
        json = false;
        return line;
      }
      return `${annotation[1]}${annotation[1]!.trimStart().startsWith('"') ? `"${MASK}",` : MASK}`;
    }
    return maskTokens(line);
  };
}
