/**
 * Gathers what a brief needs from the knowledge base (the I/O edge of src/brief): the area's incidents in full, the
 * province's incidents for the comparison, and the reports they cite.
 */
import type { IncidentSummary, SearchParams, SearchResult } from '../kb/api.ts';
import type { Incident } from '../../types/index.ts';
import type { BriefInput, ReportRef } from './build.ts';
import { toIncidentFacts } from './facts.ts';

/** Past this many incidents in a province, the comparison uses the summaries' windows as they are. */
const MAX_FULL_COMPARISON = 400;

/** The read side of the knowledge base that the web app and the brief use. */
export interface KbReader {
  search(params: SearchParams): Promise<SearchResult>;
  /** Every incident matching `params` (limit and offset ignored), when the reader can list them all. */
  all?(params: SearchParams): Promise<IncidentSummary[]>;
  incident(id: string): Promise<Incident | null>;
  /** The reports of an incident, oldest first. */
  reportsOf(incidentId: string): Promise<ReportRef[]>;
}

export interface BriefSelection {
  regency?: string;
  province?: string;
  from?: string;
  to?: string;
}

/** Every incident matching `params`, page by page, at most `max`. */
export async function searchAll(kb: KbReader, params: SearchParams, max = 1000): Promise<IncidentSummary[]> {
  if (kb.all) return (await kb.all(params)).slice(0, max);
  const page = 100;
  const hits: IncidentSummary[] = [];
  for (let offset = 0; offset < max; offset += page) {
    const r = await kb.search({ ...params, limit: Math.min(page, max - offset), offset });
    hits.push(...r.hits);
    if (r.hits.length === 0 || hits.length >= r.total) break;
  }
  return hits;
}

export async function loadBriefInput(
  kb: KbReader,
  sel: BriefSelection,
  opts: { generated: string; appUrl?: string | null; maxIncidents?: number },
): Promise<BriefInput> {
  const area = sel.regency
    ? { kind: 'regency' as const, name: sel.regency }
    : { kind: 'province' as const, name: sel.province ?? '' };
  const period: SearchParams = {
    ...(sel.from ? { from: sel.from } : {}),
    ...(sel.to ? { to: sel.to } : {}),
    // A kabupaten's share of a national outage is a child incident: a brief about the kabupaten wants it.
    includeChildren: true,
    sort: 'start:asc',
  };
  const filter: SearchParams = sel.regency ? { regency: [sel.regency] } : { province: [area.name] };
  const summaries = await searchAll(kb, { ...period, ...filter }, opts.maxIncidents ?? 200);
  const full = (await Promise.all(summaries.map((s) => kb.incident(s.id)))).filter((i): i is Incident => i !== null);
  // A national incident and its child for this area are one outage: keep the child, which carries the local facts.
  const ids = new Set(full.map((i) => i.id));
  const incidents = full.filter((i) => !i.children_ids.some((c) => ids.has(c)));
  const provinces = sel.regency ? [...new Set(summaries.flatMap((s) => s.province))] : [area.name];
  const summariesOfProvince = provinces.length
    ? (await searchAll(kb, { ...period, province: provinces }, 1000)).filter((s) => s.scope !== 'national')
    : [];
  // A summary's window is the grouping window, whose end falls back to the start when no source gives an end;
  // the brief counts days down only where an end is known, so it reads the outage window from the incident.
  const known = new Map(full.map((i) => [i.id, i]));
  const comparison: IncidentSummary[] = [];
  for (let k = 0; k < summariesOfProvince.length; k += 16) {
    const batch = summariesOfProvince.slice(k, k + 16);
    const incs =
      k < MAX_FULL_COMPARISON ? await Promise.all(batch.map((s) => known.get(s.id) ?? kb.incident(s.id))) : [];
    for (const [j, s] of batch.entries()) {
      const inc = incs[j];
      if (!inc) {
        comparison.push(s);
        continue;
      }
      const f = toIncidentFacts(inc);
      comparison.push({ ...s, start: f.start, end: f.end });
    }
  }
  const reports: Record<string, ReportRef> = {};
  for (const list of await Promise.all(incidents.map((i) => kb.reportsOf(i.id)))) {
    for (const r of list) reports[r.id] = r;
  }
  return {
    area,
    from: sel.from ?? null,
    to: sel.to ?? null,
    incidents,
    reports,
    comparison,
    generated: opts.generated,
    appUrl: opts.appUrl ?? null,
  };
}
