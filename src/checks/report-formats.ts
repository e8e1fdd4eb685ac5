/**
 * Diagnostics in the formats CI systems read: SARIF 2.1.0 (GitHub code scanning shows each result on
 * the pull request's lines) and GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`,
 * shown as annotations). Pure: diagnostics in, text out.
 */
import type { Diagnostic } from './diagnostics.ts';

export interface SarifTool {
  name: string;
  version: string;
  informationUri?: string;
}

/** A path as SARIF wants it: relative, forward slashes, URI-escaped. */
const artifactUri = (file: string) => encodeURI(file.replace(/\\/g, '/').replace(/^\.\//, ''));

/** The diagnostics as a SARIF 2.1.0 log with one run. Paths are relative to the repository root (%SRCROOT%). */
export function toSarif(diagnostics: readonly Diagnostic[], tool: SarifTool): object {
  const ruleIds = [...new Set(diagnostics.map((d) => d.rule))].sort();
  const firstOf = new Map(ruleIds.map((id) => [id, diagnostics.find((d) => d.rule === id)!]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules: ruleIds.map((id) => ({
              id,
              name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()),
              shortDescription: { text: id },
              defaultConfiguration: { level: firstOf.get(id)!.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ruleIndex: ruleIds.indexOf(d.rule),
          level: d.severity,
          message: { text: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column) },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** Escapes as GitHub's workflow commands require: the message, and (more) the properties. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One diagnostic as a GitHub Actions annotation: `::error file=docs/a.md,line=4,col=16,title=…::message`. */
export function githubAnnotation(d: Diagnostic): string {
  const properties = [`file=${escapeProperty(d.file)}`];
  if (d.line > 0) properties.push(`line=${d.line}`, `col=${d.column}`);
  properties.push(`title=${escapeProperty(d.rule)}`);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${d.severity} ${properties.join(',')}::${escapeData(message)}`;
}
