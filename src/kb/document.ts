/**
 * Incident → IndexDocument and Report → ReportDocument: the flat shapes Meilisearch indexes. Pure.
 *
 * Dates stay YYYY-MM-DD for display and are also given as UNIX seconds (00:00 UTC of that calendar day) for
 * range filters and sorting; the full incident/report travels along as a JSON string so `getIncident` returns
 * exactly what grouping produced, provenance included.
 */
import { createHash } from 'node:crypto';
import { DAY_MS, dayNumber } from '../../extractors/days.ts';
import { siteHostOf } from '../../extractors/hosts.ts';
import type { CauseCategory, Incident, Report, TitleParts } from '../../types/index.ts';
import type { DedupedReport } from './dedupe.ts';
import { causeCategories } from './group.ts';

/** One incident as indexed in `incidents`. */
export interface IndexDocument {
  id: string;
  title: string;
  /** What the title says, as data: each reader's language builds its own title from it. */
  title_parts: TitleParts | null;
  scope: 'local' | 'national';
  parent_id: string | null;
  is_child: boolean;
  children_ids: string[];
  children_count: number;
  province: string[];
  province_code: string[];
  regency: string[];
  regency_code: string[];
  /** "Barito Timur" for "Kabupaten Barito Timur", so a filter need not spell the prefix. */
  regency_alias: string[];
  lpse_name: string[];
  lpse_host: string[];
  cause: CauseCategory[];
  cause_suspected: CauseCategory[];
  cause_evidence: string[];
  officials: string[];
  official_roles: string[];
  quotes: string[];
  allegation: boolean;
  allegation_evidence: string[];
  impact_evidence: string[];
  source_kind: string[];
  source_host: string[];
  source_name: string[];
  start: string | null;
  end: string | null;
  /** What start/end rest on: `outage` dates, or only the `published` date (shown as "dilaporkan …"). */
  window_basis: 'outage' | 'published' | null;
  first_published: string | null;
  start_ts: number | null;
  end_ts: number | null;
  published_ts: number | null;
  /** start_ts, else published_ts: what --from/--to filter on. */
  date_ts: number | null;
  year: number | null;
  /** Number of distinct source URLs. */
  sources: number;
  report_count: number;
  report_titles: string[];
  text: string;
  urls: string[];
  aliases: string[];
  incident_json: string;
}

/** One report as indexed in `reports`. */
export interface ReportDocument {
  id: string;
  report_id: string;
  url: string;
  urls: string[];
  title: string;
  text: string;
  source_name: string | null;
  source_host: string[];
  source_kind: string;
  language: string;
  published: string | null;
  published_ts: number | null;
  outage_start: string | null;
  outage_end: string | null;
  start_ts: number | null;
  date_ts: number | null;
  year: number | null;
  is_incident: boolean;
  scope: 'local' | 'national';
  province: string[];
  province_code: string[];
  regency: string[];
  regency_code: string[];
  regency_alias: string[];
  lpse_name: string | null;
  lpse_host: string | null;
  cause: CauseCategory[];
  cause_evidence: string[];
  officials: string[];
  quotes: string[];
  allegation: boolean;
  allegation_evidence: string[];
  incident_ids: string[];
  duplicate_ids: string[];
  report_json: string;
}

/** How much of the reports' main text an incident document carries for full-text search: leads, in all. */
const TEXT_BUDGET = 1500;
const LEAD_CHARS = 500;

/** YYYY-MM-DD → UNIX seconds at 00:00 UTC, or null. */
export function toTimestamp(date: string | null | undefined): number | null {
  const d = dayNumber(date);
  return d === null ? null : (d * DAY_MS) / 1000;
}

/** Meilisearch document ids allow [A-Za-z0-9_-] only: other ids are replaced by a hash of themselves. */
export function toDocumentId(id: string): string {
  return /^[A-Za-z0-9_-]{1,500}$/.test(id) ? id : `h-${createHash('sha1').update(id).digest('hex')}`;
}

/** "Kabupaten Barito Timur" → "Barito Timur"; "Kota Pekanbaru" → "Pekanbaru". */
export function regencyAlias(name: string): string {
  return name.replace(/^(kabupaten|kab\.?|kota)\s+/i, '');
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/**
 * Flattens an incident for the `incidents` index. `reports` (by id) supplies what the incident does not carry
 * itself: source kinds, report titles and main text.
 *
 * @example toDocument(bartim2021, byId).cause // ['hardware']
 */
export function toDocument(incident: Incident, reports?: ReadonlyMap<string, Report>): IndexDocument {
  const regions = incident.regions.map((s) => s.value);
  const members = incident.report_ids.map((id) => reports?.get(id)).filter((r): r is Report => Boolean(r));
  const start = incident.window?.start ?? incident.starts.map((s) => s.value).sort()[0] ?? null;
  const end =
    incident.window?.end ??
    incident.ends
      .map((s) => s.value)
      .sort()
      .at(-1) ??
    null;
  const startTs = toTimestamp(start);
  const publishedTs = toTimestamp(incident.first_published);
  const dateTs = startTs ?? publishedTs;
  // The lead of each report (where news puts the who, when and why), not whole articles: the full texts are
  // searchable in the reports index, and a national incident with hundreds of reports stays a small document.
  let text = '';
  for (const r of members) {
    if (text.length >= TEXT_BUDGET) break;
    const lead = r.text.slice(0, Math.min(LEAD_CHARS, TEXT_BUDGET - text.length));
    text += `${text ? '\n\n' : ''}${lead}`;
  }
  const regencies = uniq(regions.map((g) => g.regency).filter((x): x is string => Boolean(x)));
  return {
    id: toDocumentId(incident.id),
    title: incident.title,
    title_parts: incident.title_parts ?? null,
    scope: incident.scope,
    parent_id: incident.parent_id,
    is_child: incident.parent_id !== null,
    children_ids: incident.children_ids,
    children_count: incident.children_ids.length,
    province: uniq(regions.map((g) => g.province)),
    province_code: uniq(regions.map((g) => g.province_code)),
    regency: regencies,
    regency_code: uniq(regions.map((g) => g.regency_code).filter((x): x is string => Boolean(x))),
    regency_alias: uniq(regencies.map(regencyAlias)),
    lpse_name: uniq(incident.lpse.map((l) => l.value.name)),
    lpse_host: uniq(incident.lpse.map((l) => l.value.host).filter((x): x is string => Boolean(x))),
    cause: incident.cause_categories ?? causeCategories(incident.causes),
    cause_suspected: uniq(
      incident.causes.filter((c) => c.value.certainty === 'suspected').map((c) => c.value.category),
    ),
    cause_evidence: uniq(incident.causes.map((c) => c.value.evidence).filter(Boolean)),
    officials: uniq(incident.officials.map((o) => o.value.name)),
    official_roles: uniq(incident.officials.map((o) => o.value.role).filter((x): x is string => Boolean(x))),
    quotes: uniq(incident.officials.flatMap((o) => o.value.quotes)),
    allegation: incident.allegation.present,
    allegation_evidence: incident.allegation.evidence.map((e) => e.value),
    impact_evidence: incident.impact.evidence.map((e) => e.value),
    source_kind: uniq(members.map((r) => r.source.kind)),
    source_host: uniq(incident.urls.map(siteHostOf).filter((x): x is string => Boolean(x))),
    source_name: uniq(members.map((r) => r.source.name).filter((x): x is string => Boolean(x))),
    start,
    end,
    window_basis: incident.window?.basis ?? null,
    first_published: incident.first_published,
    start_ts: startTs,
    end_ts: toTimestamp(end),
    published_ts: publishedTs,
    date_ts: dateTs,
    year: dateTs === null ? null : new Date(dateTs * 1000).getUTCFullYear(),
    sources: incident.urls.length,
    report_count: incident.report_ids.length,
    report_titles: uniq(members.map((r) => r.title)),
    text,
    urls: incident.urls,
    aliases: incident.aliases ?? [],
    incident_json: JSON.stringify(incident),
  };
}

/**
 * Flattens a report for the `reports` index, with the ids of the incidents it belongs to.
 *
 * @example toReportDocument(antaraBartim, ['inc-3f…']).urls // ['https://kalteng.antaranews.com/…', 'https://kaltengpos.jawapos.com/…']
 */
export function toReportDocument(report: Report | DedupedReport, incidentIds: string[] = []): ReportDocument {
  const urls = report.urls?.length ? report.urls : [report.url];
  const regencies = uniq(report.regions.map((g) => g.regency).filter((x): x is string => Boolean(x)));
  const stated = report.causes.filter((c) => c.certainty === 'stated' && c.category !== 'unexplained');
  const startTs = toTimestamp(report.outage.start);
  const publishedTs = toTimestamp(report.published);
  const dateTs = startTs ?? publishedTs;
  return {
    id: toDocumentId(report.id),
    report_id: report.id,
    url: report.url,
    urls,
    title: report.title,
    text: report.text,
    source_name: report.source.name,
    source_host: uniq([report.source.host, ...urls.map(siteHostOf)].filter((x): x is string => Boolean(x))),
    source_kind: report.source.kind,
    language: report.language,
    published: report.published,
    published_ts: publishedTs,
    outage_start: report.outage.start,
    outage_end: report.outage.end,
    start_ts: startTs,
    date_ts: dateTs,
    year: dateTs === null ? null : new Date(dateTs * 1000).getUTCFullYear(),
    is_incident: report.is_incident,
    scope: report.scope,
    province: uniq(report.regions.map((g) => g.province)),
    province_code: uniq(report.regions.map((g) => g.province_code)),
    regency: regencies,
    regency_code: uniq(report.regions.map((g) => g.regency_code).filter((x): x is string => Boolean(x))),
    regency_alias: uniq(regencies.map(regencyAlias)),
    lpse_name: report.lpse?.name ?? null,
    lpse_host: report.lpse?.host ?? null,
    cause: stated.length ? uniq(stated.map((c) => c.category)) : report.is_incident ? ['unexplained'] : [],
    cause_evidence: report.causes.map((c) => c.evidence),
    officials: uniq(report.officials.map((o) => o.name)),
    quotes: report.officials.flatMap((o) => o.quotes),
    allegation: report.allegation.present,
    allegation_evidence: report.allegation.evidence,
    incident_ids: incidentIds,
    duplicate_ids: (report as DedupedReport).duplicate_ids ?? [],
    // The main text is its own field already: the JSON leaves it out rather than store it twice.
    report_json: JSON.stringify({ ...report, text: undefined }),
  };
}
