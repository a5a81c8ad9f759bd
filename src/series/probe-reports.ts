/**
 * Episodes → reports: an outage Pantau saw itself opens a candidate incident in the knowledge base, beside the
 * news. Each episode becomes a `Report` of source kind `probe` whose text is its probe rows, so `groupIncidents`
 * joins it with news reports of the same LPSE (the region from `crawlers/lpse-table.json`) and days. Pure: the
 * episodes, their probe rows and the instance lookup in, reports out.
 */
import type { Episode, ProbeClass, ProbeRow } from '../../probe/types.ts';
import type { Report } from '../../types/index.ts';
import type { InstanceInfo } from './instances.ts';

export interface ProbeReportOptions {
  /** Episodes shorter than this (start to end, or to the last failure while still down) stay out (30). */
  minMinutes?: number;
  /** At most this many probe rows are written out in a report's text (the rest are counted). */
  maxRows?: number;
}

/** The id of the report of an episode: stable, so an incident keeps it from one index run to the next. */
export const probeReportId = (e: Episode) => `probe-${e.instance}-${e.start.replace(/[^0-9]/g, '').slice(0, 14)}`;

function wall(iso: string, info: InstanceInfo): { day: string; time: string } {
  const t = new Date(Date.parse(iso) + info.offsetMinutes * 60_000).toISOString();
  return { day: t.slice(0, 10), time: t.slice(11, 16) };
}

function classesOf(rows: readonly ProbeRow[], e: Episode): string {
  const counts = new Map<ProbeClass, number>();
  for (const r of rows) if (r.class !== 'up') counts.set(r.class, (counts.get(r.class) ?? 0) + 1);
  if (!counts.size) return e.class;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => (counts.size === 1 ? c : `${c} ×${n}`))
    .join(', ');
}

/**
 * The one line that says what the probes saw.
 *
 * @example episodeSummary(episode, rows, info) // "12 probes from 10:00 to 11:50 WIB on 2026-08-19 failed: timeout ×10, http-5xx ×2; up again at 12:00 WIB."
 */
export function episodeSummary(
  e: Episode,
  rows: readonly ProbeRow[],
  info: InstanceInfo,
  lastFailure?: string,
): string {
  const failed = rows.filter((r) => r.class !== 'up');
  const first = wall(e.start, info);
  const last = wall(failed[failed.length - 1]?.at ?? lastFailure ?? e.start, info);
  const span =
    first.day === last.day
      ? `from ${first.time} to ${last.time} ${info.zone} on ${first.day}`
      : `from ${first.day} ${first.time} to ${last.day} ${last.time} ${info.zone}`;
  const end = e.end ? wall(e.end, info) : null;
  const after = end
    ? `up again at ${end.day === last.day ? '' : `${end.day} `}${end.time} ${info.zone}`
    : 'still down at the last probe';
  return `${e.probes} probes ${span} failed: ${classesOf(failed, e)}; ${after}.`;
}

/** One line per probe: "10:00 WIB timeout (ETIMEDOUT after 10000 ms)". */
function rowLine(r: ProbeRow, info: InstanceInfo): string {
  const w = wall(r.at, info);
  const why = [r.status ? `HTTP ${r.status}` : null, r.errorCode ? `Kode Error ${r.errorCode}` : null, r.detail]
    .filter(Boolean)
    .join(', ');
  return `${w.day} ${w.time} ${info.zone} ${r.class}${why ? ` (${why})` : ''} ${r.url}`;
}

/**
 * Turns episodes (with the probe rows from their first failure to the success that ended them) into reports.
 *
 * @example toProbeReports([episode], (e) => rowsOf(e), instanceInfo)[0].source // { name: 'Pantau probe', host: null, kind: 'probe' }
 */
export function toProbeReports(
  episodes: readonly (Episode & { lastFailure?: string })[],
  rowsOf: (e: Episode) => readonly ProbeRow[],
  lookup: (slug: string) => InstanceInfo,
  opts: ProbeReportOptions = {},
): Report[] {
  const minMs = (opts.minMinutes ?? 30) * 60_000;
  const maxRows = opts.maxRows ?? 200;
  const out: Report[] = [];
  for (const e of episodes) {
    const until = Date.parse(e.end ?? e.lastFailure ?? e.start);
    if (until - Date.parse(e.start) < minMs) continue;
    const info = lookup(e.instance);
    const rows = rowsOf(e);
    const summary = episodeSummary(e, rows, info, e.lastFailure);
    const lines = rows.slice(0, maxRows).map((r) => rowLine(r, info));
    if (rows.length > maxRows) lines.push(`… and ${rows.length - maxRows} more probes`);
    const url = rows[0]?.url ?? `https://spse.inaproc.id/${e.instance}`;
    const start = wall(e.start, info).day;
    out.push({
      id: probeReportId(e),
      url,
      title: `${info.name} not answering: ${summary.replace(/\.$/, '')}`,
      text: [summary, '', ...lines].join('\n'),
      source: { name: 'Pantau probe', host: null, kind: 'probe' },
      language: 'en',
      published: start,
      is_incident: true,
      scope: 'local',
      regions: info.region ? [info.region] : [],
      lpse: { name: info.name, host: info.host },
      outage: {
        start,
        // still down: the incident's window reaches to the last failed probe's day, its end stays unknown
        end: e.end ? wall(e.end, info).day : null,
        evidence: [summary],
        spans: [{ text: summary, start: 0, end: summary.length }],
      },
      causes: [],
      allegation: { present: false, evidence: [] },
      officials: [],
      impact: { schedule_changed: false, manual_fallback: false, evidence: [] },
      urls: [url],
    });
  }
  return out;
}
