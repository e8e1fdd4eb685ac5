/** What a build is made from: the package version, the content's commit and its date. */
export interface BuildVersion {
  version: string;
  /** Short commit hash, or "unknown" outside git. */
  commit: string;
  /** The commit's date, YYYY-MM-DD: the content's date, not the build's, so rebuilds give the same bytes. */
  date: string;
}

/** runbooks-offline-0.1.0-2026-11-21-abc1234: the version and date people need to judge a copy's age. */
export function bundleName(v: BuildVersion): string {
  return `runbooks-offline-${v.version}-${v.date}-${v.commit}`;
}

/** The version as the build passes it to Astro (environment), or undefined when built another way. */
export function versionFromEnv(env: Record<string, string | undefined>): BuildVersion | undefined {
  const { RUNBOOKS_VERSION: version, RUNBOOKS_COMMIT: commit, RUNBOOKS_DATE: date } = env;
  return version && commit && date ? { version, commit, date } : undefined;
}
