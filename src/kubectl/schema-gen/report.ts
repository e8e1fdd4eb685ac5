/** The generator's report: what the probes found that a person should look at before committing a new schema. */

/** One line per finding, by kind. */
export interface Report {
  bare: string[];
  required: string[];
  deprecatedAccepted: string[];
  deprecatedRejected: string[];
  hiddenAccepted: string[];
  typeNotes: string[];
  shadowing: string[];
  /** Flags only an alpha switch (KUBECTL_APPLYSET=true) turns on. */
  switched: string[];
  /** Flags this kubectl rejects that an older one had, with the hint recorded. */
  removed: string[];
  /** Commands whose argument rules the probes found. */
  argumentRules: string[];
  warnings: string[];
}

export function emptyReport(): Report {
  return {
    bare: [],
    required: [],
    deprecatedAccepted: [],
    deprecatedRejected: [],
    hiddenAccepted: [],
    typeNotes: [],
    shadowing: [],
    switched: [],
    removed: [],
    argumentRules: [],
    warnings: [],
  };
}

/** The report as the lines printed after a run: one titled, sorted list per kind of finding. */
export function formatReport(report: Report): string[] {
  const lines: string[] = [];
  const section = (title: string, items: readonly string[]): void => {
    lines.push(`\n${title} (${items.length}):`);
    for (const item of [...items].sort()) lines.push(`  ${item}`);
  };
  section('flags with a bare form (besides bools)', report.bare);
  section('required flags', report.required);
  section('deprecated flags kubectl accepts', report.deprecatedAccepted);
  section('hidden flags kubectl accepts without a deprecation warning', report.hiddenAccepted);
  section('flags kubectl rejects as unknown', report.deprecatedRejected);
  section("local flags sharing a global flag's name", report.shadowing);
  section('flags behind an alpha switch', report.switched);
  section('removed flags (with the hint recorded)', report.removed);
  section('argument rules', report.argumentRules);
  section('type notes', report.typeNotes);
  section('warnings', report.warnings);
  return lines;
}
