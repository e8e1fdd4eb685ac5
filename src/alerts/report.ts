/**
 * What `npm run alerts -- FILE…` says of every alert in a team's rule files: where it lands on this
 * site (its runbook, the side-by-side page of several, its own alert page, or nowhere) and where its
 * runbook_url points (this site, and then at what, or elsewhere). An alert lands by its runbook_url
 * when that points at this site, by a runbook_id annotation, or by its name (an upstream alert of
 * content/alerts/, or a runbook's ID or alias). A problem is an alert that lands nowhere, or a link to
 * this site naming a runbook ID that does not exist. Pure: src/alerts/site.ts reads the site's names.
 */
import type { AlertEntry } from '../catalog/alerts.ts';
import { findAlert } from '../catalog/alerts.ts';
import { idFromPath, lookUpId, looseIdKey, type IdTarget } from '../domain/ids.ts';
import { joinBase, routes } from '../domain/routes.ts';
import type { RuleAlert } from './rule-files.ts';

/** What the site has that alerts can land on. */
export interface SiteNames {
  runbooks: readonly (IdTarget & { title: string })[];
  alerts: readonly AlertEntry[];
  /** Where the site is served (SITE_URL, with BASE_PATH): links there point at this site. */
  siteUrl?: URL;
  base: string;
}

export type Landing =
  | { kind: 'runbook'; id: string; url: string }
  | { kind: 'compare'; ids: string[]; url: string }
  | { kind: 'alert-page'; url: string }
  | { kind: 'nowhere' };

export interface RunbookUrl {
  url: string;
  /** here: a page of this site; elsewhere: another host; invalid: not a URL. */
  points: 'here' | 'elsewhere' | 'invalid';
  /** For links here: what it lands on. */
  lands?: Landing;
  /** For links here naming an ID the site does not have. */
  missingId?: string;
}

export interface AlertReport {
  alert: RuleAlert;
  lands: Landing;
  /** Why it lands there. */
  by?: 'runbook_url' | 'runbook_id' | 'alert name' | 'runbook alias';
  runbookUrl?: RunbookUrl;
  problems: string[];
}

const landingOf = (entry: AlertEntry): Landing =>
  entry.lands === 'runbook'
    ? { kind: 'runbook', id: entry.runbooks[0]!.id, url: entry.url }
    : entry.lands === 'compare'
      ? { kind: 'compare', ids: entry.runbooks.map((r) => r.id), url: entry.url }
      : { kind: 'alert-page', url: entry.url };

/** The runbook an ID or alias names, in any spelling alert links resolve (not without its zero padding). */
function runbookNamed(name: string, site: SiteNames): Landing | undefined {
  const match = lookUpId(name, site.runbooks).match;
  return match ? { kind: 'runbook', id: match.id, url: match.url } : undefined;
}

/** What to say of a name no runbook has, with the ID it means without its zero padding (SHEP-14: SHEP-014). */
function missing(name: string, site: SiteNames): string {
  const padded = site.runbooks.find((r) => looseIdKey(r.id) === looseIdKey(name))?.id;
  return padded
    ? `names runbook ${name}, which does not exist; the runbook is ${padded}: write its ID with the zero padding (alert links resolve case and punctuation, not padding)`
    : `names runbook ${name}, which does not exist on this site`;
}

/** Where a path of this site leads: /<ID or alias or alert>, /runbooks/<id>/, /runbooks/<component>/<alert>, /alerts/<alert>/. */
function resolvePath(pathname: string, site: SiteNames): { lands?: Landing; missingId?: string } {
  const inSite = pathname.startsWith(site.base) ? pathname.slice(site.base.length) : pathname.replace(/^\//, '');
  const segments = inSite.split('/').filter(Boolean);
  const name = idFromPath(`/${segments.at(-1) ?? ''}`);
  if (!name) return {};
  const alert = findAlert(name, site.alerts);
  if (alert && (segments.length === 1 || segments[0] === 'alerts' || segments[0] === 'runbooks')) {
    return { lands: landingOf(alert) };
  }
  const runbook = runbookNamed(name, site);
  if (runbook && (segments.length === 1 || (segments[0] === 'runbooks' && segments.length === 2)))
    return { lands: runbook };
  // A name in the shape of an ID (letters then digits) that no runbook has: the link is broken.
  if (/^[A-Za-z][A-Za-z0-9]*-?\d+$/.test(name)) return { missingId: name };
  return {};
}

export function pointsOf(url: string, site: SiteNames): RunbookUrl {
  let parsed: URL;
  try {
    parsed = new URL(url, site.siteUrl ?? 'relative:/');
  } catch {
    return { url, points: 'invalid' };
  }
  const here =
    parsed.protocol === 'relative:' ||
    (site.siteUrl !== undefined && parsed.origin === site.siteUrl.origin && parsed.pathname.startsWith(site.base));
  if (!here) return { url, points: 'elsewhere' };
  const { lands, missingId } = resolvePath(decodeURIComponent(parsed.pathname), site);
  return {
    url,
    points: 'here',
    ...(lands ? { lands } : { lands: { kind: 'nowhere' } }),
    ...(missingId ? { missingId } : {}),
  };
}

export function reportAlert(alert: RuleAlert, site: SiteNames): AlertReport {
  const problems: string[] = [];
  const rawUrl = alert.annotations['runbook_url'];
  const runbookUrl = rawUrl ? pointsOf(rawUrl, site) : undefined;
  if (runbookUrl?.points === 'invalid') problems.push(`runbook_url "${rawUrl}" is not a URL`);
  if (runbookUrl?.missingId) {
    problems.push(`runbook_url ${missing(runbookUrl.missingId, site)}`);
  }
  let lands: Landing = { kind: 'nowhere' };
  let by: AlertReport['by'];
  if (runbookUrl?.points === 'here' && runbookUrl.lands && runbookUrl.lands.kind !== 'nowhere') {
    lands = runbookUrl.lands;
    by = 'runbook_url';
  }
  const runbookId = alert.annotations['runbook_id'];
  if (lands.kind === 'nowhere' && runbookId) {
    const named = runbookNamed(runbookId, site);
    if (named) {
      lands = named;
      by = 'runbook_id';
    } else problems.push(`runbook_id ${missing(runbookId, site)}`);
  }
  if (lands.kind === 'nowhere') {
    const entry = findAlert(alert.name, site.alerts);
    const alias = entry ? undefined : runbookNamed(alert.name, site);
    if (entry) {
      lands = landingOf(entry);
      by = 'alert name';
    } else if (alias) {
      lands = alias;
      by = 'runbook alias';
    }
  }
  if (runbookUrl?.points === 'here' && runbookUrl.lands?.kind === 'nowhere' && !runbookUrl.missingId) {
    problems.push(`runbook_url points at this site but at no page of it: the link would reach the 404 page`);
  }
  if (lands.kind === 'nowhere') {
    problems.push(
      `lands nowhere here: not an alert of content/alerts/, not a runbook's ID or alias, and no runbook_url or runbook_id pointing at a runbook`,
    );
  }
  return { alert, lands, ...(by ? { by } : {}), ...(runbookUrl ? { runbookUrl } : {}), problems };
}

export function describeLanding(lands: Landing): string {
  switch (lands.kind) {
    case 'runbook':
      return `runbook ${lands.id} (${lands.url})`;
    case 'compare':
      return `${lands.ids.length} runbooks side by side, ${lands.ids.join(', ')} (${lands.url})`;
    case 'alert-page':
      return `its alert page, no runbook yet (${lands.url})`;
    case 'nowhere':
      return 'NOWHERE';
  }
}

/** One line per alert, compiler style, then what to fix. */
export function formatReport(reports: readonly AlertReport[], site: SiteNames): string {
  const lines = reports.map((r) => {
    const where = `${r.alert.file}:${r.alert.line}`;
    const url = r.runbookUrl
      ? r.runbookUrl.points === 'here'
        ? `runbook_url: this site${r.runbookUrl.lands && r.runbookUrl.lands.kind !== 'nowhere' ? '' : ', at nothing'}`
        : r.runbookUrl.points === 'elsewhere'
          ? `runbook_url: elsewhere (${new URL(r.runbookUrl.url).host})${r.by === 'alert name' && site.siteUrl ? `; ${suggestedUrl(r, site)} lands here` : ''}`
          : 'runbook_url: not a URL'
      : 'runbook_url: none';
    const landing = `${describeLanding(r.lands)}${r.by && r.by !== 'runbook_url' ? ` by its ${r.by}` : ''}`;
    return [`${where} ${r.alert.name}: ${landing}; ${url}`, ...r.problems.map((p) => `    error: ${p}`)].join('\n');
  });
  return lines.join('\n');
}

/** The link that lands here for an upstream alert: kube-prometheus's path on this site's host. */
function suggestedUrl(report: AlertReport, site: SiteNames): string {
  const entry = findAlert(report.alert.name, site.alerts)!;
  return new URL(joinBase(site.base, routes.alertRunbookUrl(entry.component, entry.name)), site.siteUrl).href;
}

export interface ReportSummary {
  /** Alerting rules read (an alert may have several: a warning and a critical one). */
  rules: number;
  alerts: number;
  runbook: number;
  compare: number;
  alertPage: number;
  nowhere: number;
  problems: number;
  pointingHere: number;
}

export function summarize(reports: readonly AlertReport[]): ReportSummary {
  const count = (kind: Landing['kind']) => reports.filter((r) => r.lands.kind === kind).length;
  return {
    rules: reports.length,
    alerts: new Set(reports.map((r) => r.alert.name)).size,
    runbook: count('runbook'),
    compare: count('compare'),
    alertPage: count('alert-page'),
    nowhere: count('nowhere'),
    problems: reports.filter((r) => r.problems.length > 0).length,
    pointingHere: reports.filter((r) => r.runbookUrl?.points === 'here').length,
  };
}
