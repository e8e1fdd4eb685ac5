/**
 * Problems found in content, reported like a compiler: `path:line:col severity rule message`.
 * The frontmatter check, the catalog cross-checks and the kubectl snippet validator all speak this.
 */
export type DiagnosticSeverity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem belongs to the file as a whole. */
  line: number;
  column: number;
  severity: DiagnosticSeverity;
  /** A short stable name, e.g. "frontmatter/severity" or "catalog/duplicate-id". */
  rule: string;
  message: string;
  /** What to do about it. */
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const hint = d.hint ? `\n    hint: ${d.hint}` : '';
  return `${where} ${d.severity} ${d.rule} ${d.message}${hint}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for output and tests: by file, then position. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
