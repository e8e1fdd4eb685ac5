/**
 * The attributes after a code fence's language: ```bash wrong="componentstatuses is deprecated".
 * Rendering (the plugins) and checking (the snippet validator) read fences through this one parser.
 *
 * Attributes authors use:
 *   wrong="reason"   the guide's original command, kept visibly marked as wrong; the reason is shown,
 *                    and the corrected command follows in the next block. Never validated or copied.
 */
export type FenceMeta = Record<string, string | true>;

export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const attributes: FenceMeta = {};
  if (!meta) return attributes;
  const pattern = /([A-Za-z][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+)))?/g;
  for (const match of meta.matchAll(pattern)) {
    const [, name, doubleQuoted, singleQuoted, bare] = match;
    if (!name) continue;
    const value = doubleQuoted ?? singleQuoted ?? bare;
    attributes[name] = value === undefined ? true : value.replace(/\\(["'\\])/g, '$1');
  }
  return attributes;
}
