/**
 * What a reader needs from one incident, derived without I/O: the outage window the sources agree on most, where
 * they disagree, the stated causes with who stated them, and the statements. Used by the brief and the web app.
 */
import type { Cause, CauseCategory, Incident, Sourced, TitleParts } from '../../types/index.ts';
import { daysBetween } from '../i18n.ts';

/** A merged value that sources gave differently: each variant with the reports behind it. */
export interface Disagreement {
  field: 'start' | 'end' | 'cause';
  variants: Array<{ value: string; report_ids: string[] }>;
}

export interface Statement {
  name: string;
  role: string | null;
  organization: string | null;
  stance: 'official' | 'complainant' | 'other';
  quote: string;
  report_ids: string[];
}

export interface IncidentFacts {
  id: string;
  title: string;
  title_parts: TitleParts | null;
  lpse: string | null;
  regions: string[];
  provinces: string[];
  start: string | null;
  /** When the incident was first reported: shown where no outage date is known, and said to be so. */
  reported: string | null;
  end: string | null;
  days: number | null;
  /** Stated causes, one per category and evidence sentence, with who stated them. */
  causes: Array<Sourced<Cause>>;
  /** Causes someone only suspected. */
  suspected: Array<Sourced<Cause>>;
  categories: CauseCategory[];
  /** No stated cause other than `unexplained`. */
  unexplained: boolean;
  allegation: { present: boolean; evidence: Sourced<string>[] };
  statements: Statement[];
  impact: Incident['impact'];
  disagreements: Disagreement[];
}

/**
 * The value most reports give; ties go to the earliest (for a start) or the latest (for an end), so a window is
 * never shortened by a tie.
 * @example pickAgreed([{ value: '2021-06-07', report_ids: ['a'] }, { value: '2021-06-06', report_ids: ['b'] }], 'start') // '2021-06-06'
 */
export function pickAgreed(values: Sourced<string>[], prefer: 'start' | 'end'): string | null {
  const sorted = [...values].sort((a, b) => {
    const n = b.report_ids.length - a.report_ids.length;
    if (n) return n;
    return prefer === 'start' ? a.value.localeCompare(b.value) : b.value.localeCompare(a.value);
  });
  return sorted[0]?.value ?? null;
}

function disagreement(field: 'start' | 'end', values: Sourced<string>[]): Disagreement | null {
  const distinct = new Map<string, string[]>();
  for (const v of values) distinct.set(v.value, [...(distinct.get(v.value) ?? []), ...v.report_ids]);
  if (distinct.size < 2) return null;
  return {
    field,
    variants: [...distinct].sort(([a], [b]) => a.localeCompare(b)).map(([value, ids]) => ({ value, report_ids: ids })),
  };
}

export function regionLabel(r: { province: string; regency: string | null }): string {
  return r.regency ?? `Provinsi ${r.province}`;
}

/**
 * @param reports what is known of the incident's reports: a quote of a person merged from several reports is
 *   cited only to the reports that carry it.
 */
export function toIncidentFacts(
  incident: Incident,
  reports: Record<string, { quotes?: string[] | undefined } | undefined> = {},
): IncidentFacts {
  const start = pickAgreed(incident.starts, 'start');
  const end = pickAgreed(incident.ends, 'end');
  const statedAll = incident.causes.filter((c) => c.value.certainty === 'stated');
  // SCHEMA: `unexplained` applies only when no other cause is stated; a report that gave none does not cancel
  // another report that did.
  const stated = statedAll.some((c) => c.value.category !== 'unexplained')
    ? statedAll.filter((c) => c.value.category !== 'unexplained')
    : statedAll;
  const suspected = incident.causes.filter((c) => c.value.certainty !== 'stated');
  const categories = [...new Set(stated.map((c) => c.value.category))];
  const real = categories.filter((c) => c !== 'unexplained');
  const statements: Statement[] = [];
  for (const o of incident.officials) {
    for (const quote of o.value.quotes) {
      const carrying = o.report_ids.filter((id) => reports[id]?.quotes?.includes(quote));
      statements.push({
        name: o.value.name,
        role: o.value.role,
        organization: o.value.organization,
        stance: o.value.stance,
        quote,
        report_ids: carrying.length ? carrying : o.report_ids,
      });
    }
  }
  const disagreements = [disagreement('start', incident.starts), disagreement('end', incident.ends)].filter(
    (d): d is Disagreement => d !== null,
  );
  // Several causes in one report are several causes; different causes from different reports are a disagreement.
  const byCategory = real.map((c) => ({
    value: c,
    report_ids: [...new Set(stated.filter((s) => s.value.category === c).flatMap((s) => s.report_ids))],
  }));
  const disjoint = byCategory.some((a, i) =>
    byCategory.slice(i + 1).some((b) => !a.report_ids.some((id) => b.report_ids.includes(id))),
  );
  if (disjoint) disagreements.push({ field: 'cause', variants: byCategory });
  return {
    id: incident.id,
    title: incident.title,
    title_parts: incident.title_parts ?? null,
    lpse: incident.lpse[0]?.value.name ?? null,
    regions: [...new Set(incident.regions.map((r) => regionLabel(r.value)))],
    provinces: [...new Set(incident.regions.map((r) => r.value.province))],
    start,
    end,
    reported: incident.first_published,
    days: daysBetween(start, end),
    // an `unexplained` with nothing quoted is said as "no cause given", never as an empty quotation
    causes: stated.filter((c) => c.value.category !== 'unexplained' || c.value.evidence.trim() !== ''),
    suspected,
    categories: real.length ? real : ['unexplained'],
    unexplained: real.length === 0,
    allegation: incident.allegation,
    statements,
    impact: incident.impact,
    disagreements,
  };
}
