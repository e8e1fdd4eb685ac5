/**
 * Usage synopses: the lines kubectl's help and reference pages print to describe a command, not to be
 * run: `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`, `kubectl get TYPE NAME`,
 * `kubectl exec POD -- COMMAND [args...]`. Docs quote them in code blocks and inline; the validator
 * skips them, as it would otherwise report their metavariables as unknown resource types.
 */
import { findCapsPlaceholders } from '../domain/placeholders.ts';

/** Quoted text, whose brackets and capitals are values rather than synopsis notation. */
const QUOTED = /'[^']*'|"(?:[^"\\]|\\.)*"/g;

const MARKERS = [
  /\[(?:-|\(|flags\]|options\])/, // [-f], [--overwrite], [(-o|--output=)json|…], [flags], [options]
  /\[[^\]\s]*[\s|][^\]]*\]/, // [NAME | -l label], [COMMAND args]
  /\[[a-z][^\]]*\]/, // [args...], [name]
  /(?<!\$)\(\s*-{1,2}[\w-]+/, // (-f FILENAME | TYPE NAME)
  /(?<!\$)\([^()]*\s\|\s[^()]*\)/, // (POD | TYPE/NAME)
  /\.\.\./, // TYPE1,TYPE2..., KEY_N=VAL_N ...
];

/** An upper-case metavariable word: TYPE, NAME, TYPE/NAME, SUBCOMMAND, TYPE.VERSION. */
const METAVARIABLE = /^[A-Z][A-Z0-9]*(?:[./][A-Z][A-Z0-9]*)*$/;

/**
 * Whether the text of a kubectl command (from the word `kubectl` on) is a usage synopsis: synopsis
 * brackets and alternatives, `...`, or an upper-case metavariable standing where a value goes that
 * is not one of the placeholders commands are written with (NODE_NAME, NAMESPACE, POD: see
 * src/domain/placeholders.ts). What follows `--` is the container's command and is not looked at.
 */
export function isUsageSynopsis(commandText: string): boolean {
  if (!/[[(.A-Z]/.test(commandText)) return false; // no bracket, dot or capital: nothing to look at
  // Quoted text is a value, a trailing comment prose: neither is synopsis notation.
  const text = commandText.replace(QUOTED, '""').replace(/(^|\s)#.*$/gm, '');
  const ownPart = text.split(/\s--(?:\s|$)/)[0] ?? text;
  if (MARKERS.some((m) => m.test(ownPart))) return true;
  return ownPart
    .split(/\s+/)
    .slice(1)
    .some((word) => METAVARIABLE.test(word) && findCapsPlaceholders(word, 0).length === 0);
}
