/**
 * BENCHMARKS.md is written by several benchmarks (site builds, the side-by-side run, search quality),
 * each owning the `## ` sections it measures: a benchmark replaces its own sections and keeps the
 * others, so running one never drops another's figures. Pure.
 */

/** `document` with the section that starts with `heading` (a `## ` line) replaced by `section`, or added. */
export function replaceSection(document: string, heading: string, section: string): string {
  const body = `${section.trimEnd()}\n`;
  const lines = document.split('\n');
  const start = lines.findIndex((line) => line === heading);
  if (start < 0) return `${document.trimEnd()}\n\n${body}`;
  const after = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const rest = after < 0 ? '' : `\n${lines.slice(after).join('\n')}`;
  return `${lines.slice(0, start).join('\n')}${start > 0 ? '\n' : ''}${body}${rest}`;
}

/** The `## ` heading a section starts with. */
export function headingOf(section: string): string {
  const heading = section.split('\n').find((line) => line.startsWith('## '));
  if (!heading) throw new Error('a benchmark section must start with a "## " heading');
  return heading;
}

/** Every section of `sections` put in place in `document`, whose title line is kept or added. */
export function updateReport(document: string, sections: readonly string[], title = '# Benchmarks'): string {
  let updated = document.trim() === '' ? `${title}\n` : document;
  if (!updated.startsWith(`${title}\n`)) updated = `${title}\n\n${updated}`;
  for (const section of sections) updated = replaceSection(updated, headingOf(section), section);
  return updated;
}
