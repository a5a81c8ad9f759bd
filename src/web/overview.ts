/**
 * The overview page's figures from a set of incident summaries: incidents per month by cause, provinces with
 * counts, the most-quoted people. Pure.
 */
import type { IncidentSummary } from '../kb/api.ts';
import { CAUSE_CATEGORIES, type CauseCategory } from '../../types/index.ts';

export interface Overview {
  total: number;
  /** Incidents with no date at all (left out of `months`). */
  undated: number;
  /** Consecutive months (YYYY-MM) from the first to the last incident. */
  months: string[];
  /**
   * Per cause, incidents per month, aligned with `months`. An incident counts once, under its first stated cause,
   * so the stacks add up to the number of incidents.
   */
  series: Array<{ cause: CauseCategory; counts: number[] }>;
  provinces: Array<{ province: string; incidents: number; regencies: number }>;
  officials: Array<{ name: string; incidents: number }>;
}

function nextMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function buildOverview(
  hits: IncidentSummary[],
  opts: { maxMonths?: number; topOfficials?: number } = {},
): Overview {
  const byMonth = new Map<string, Map<CauseCategory, number>>();
  let undated = 0;
  for (const h of hits) {
    const date = h.start ?? h.first_published;
    if (!date || !/^\d{4}-\d{2}/.test(date)) {
      undated++;
      continue;
    }
    const ym = date.slice(0, 7);
    const cause = h.causes[0] ?? 'unexplained';
    const m = byMonth.get(ym) ?? new Map<CauseCategory, number>();
    m.set(cause, (m.get(cause) ?? 0) + 1);
    byMonth.set(ym, m);
  }
  const keys = [...byMonth.keys()].sort();
  const months: string[] = [];
  if (keys.length) {
    const last = keys[keys.length - 1]!;
    for (let ym = keys[0]!; ym <= last && months.length < (opts.maxMonths ?? 600); ym = nextMonth(ym)) months.push(ym);
  }
  const series = CAUSE_CATEGORIES.map((cause) => ({
    cause,
    counts: months.map((ym) => byMonth.get(ym)?.get(cause) ?? 0),
  })).filter((s) => s.counts.some((n) => n > 0));

  const provinces = new Map<string, { incidents: number; regencies: Set<string> }>();
  for (const h of hits) {
    for (const p of new Set(h.province)) {
      const row = provinces.get(p) ?? { incidents: 0, regencies: new Set<string>() };
      row.incidents++;
      // A summary does not pair regencies with provinces: count them only when there is one province.
      if (h.province.length === 1) for (const r of h.regency) row.regencies.add(r);
      provinces.set(p, row);
    }
  }
  const officials = new Map<string, number>();
  for (const h of hits) for (const o of new Set(h.officials)) officials.set(o, (officials.get(o) ?? 0) + 1);

  return {
    total: hits.length,
    undated,
    months,
    series,
    provinces: [...provinces]
      .map(([province, r]) => ({ province, incidents: r.incidents, regencies: r.regencies.size }))
      .sort((a, b) => b.incidents - a.incidents || a.province.localeCompare(b.province)),
    officials: [...officials]
      .map(([name, incidents]) => ({ name, incidents }))
      .sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name))
      .slice(0, opts.topOfficials ?? 15),
  };
}
