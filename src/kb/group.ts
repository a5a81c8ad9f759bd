/**
 * Report → Incident: reports about one outage of one LPSE (or one national outage) grouped, every merged field
 * keeping the ids of the reports it came from. Pure: no I/O, no clock.
 */
import { createHash } from 'node:crypto';
import { dayNumber, dayString } from '../../extractors/days.ts';
import { incidentTitle } from '../i18n.ts';
import type {
  Cause,
  CauseCategory,
  Incident,
  Official,
  Region,
  Report,
  Sourced,
  TitleParts,
} from '../../types/index.ts';

export interface GroupOptions {
  /** Reports of one LPSE whose windows lie at most this many days apart are one outage (default 7). */
  gapDays?: number;
  /** Causes that are one national event whichever region reports them (default: pdn). */
  nationalCauses?: CauseCategory[];
  /** A national-cause cluster becomes a national incident when this many LPSEs report it (default 2). */
  minNationalRegions?: number;
}

export { dayNumber };

interface Dated {
  report: Report;
  /** The window comes from the report's outage dates (else from its publication date, or nothing). */
  fromOutage: boolean;
  /** Outage start, else publication date (day numbers); null when neither is known. */
  start: number | null;
  end: number | null;
  /** The LPSEs the report is about: regency code, else province code, else the LPSE host. */
  keys: string[];
}

function toDated(report: Report): Dated {
  let start = dayNumber(report.outage.start);
  let end = dayNumber(report.outage.end);
  const fromOutage = start !== null || end !== null;
  // Without any outage date the publication date stands in; a known end alone ("kembali normal Jumat") is a
  // one-day window on that end, not a window from the later publication date.
  if (start === null && end === null) start = end = dayNumber(report.published);
  start ??= end;
  end ??= start;
  if (start !== null && end !== null && end < start) end = start;
  const keys: string[] = [];
  for (const g of report.regions) {
    const k = `r:${g.regency_code ?? g.province_code}`;
    if (!keys.includes(k)) keys.push(k);
  }
  if (!keys.length && report.lpse?.host) keys.push(`h:${report.lpse.host.toLowerCase()}`);
  return { report, fromOutage, start, end, keys };
}

/** Chronological order of reports inside an incident: window start, then publication, then id. */
function chronological(a: Dated, b: Dated): number {
  const sa = a.start ?? Number.MAX_SAFE_INTEGER;
  const sb = b.start ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  const pa = a.report.published ?? '9999';
  const pb = b.report.published ?? '9999';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.report.id < b.report.id ? -1 : a.report.id > b.report.id ? 1 : 0;
}

/** Splits dated items into clusters whose windows overlap or lie within `gap` days (a sweep over start). */
function sweep(items: Dated[], gap: number): Dated[][] {
  const sorted = items.filter((d) => d.start !== null).sort(chronological);
  const clusters: Dated[][] = [];
  let current: Dated[] = [];
  let currentEnd = Number.NEGATIVE_INFINITY;
  for (const d of sorted) {
    if (current.length && d.start! > currentEnd + gap) {
      clusters.push(current);
      current = [];
      currentEnd = Number.NEGATIVE_INFINITY;
    }
    current.push(d);
    currentEnd = Math.max(currentEnd, d.end ?? d.start!);
  }
  if (current.length) clusters.push(current);
  return clusters;
}

/** A cluster of reports about to become an incident. */
interface Draft {
  kind: 'local' | 'parent' | 'child';
  key: string;
  members: Dated[];
  children: Draft[];
  parent?: Draft;
  id?: string;
}

function isNationalCandidate(d: Dated, nationalCauses: readonly CauseCategory[]): boolean {
  return d.report.scope === 'national' || d.report.causes.some((c) => nationalCauses.includes(c.category));
}

/** Finds the incident clusters (national parents with their children, and local ones). */
function draftIncidents(dated: Dated[], opts: Required<GroupOptions>): Draft[] {
  const drafts: Draft[] = [];
  const local: Dated[] = [];
  const candidates: Dated[] = [];
  for (const d of dated) {
    if (d.start !== null && isNationalCandidate(d, opts.nationalCauses)) candidates.push(d);
    else local.push(d);
  }
  for (const cluster of sweep(candidates, opts.gapDays)) {
    const keys = new Set(cluster.flatMap((d) => d.keys));
    const national = cluster.some((d) => d.report.scope === 'national') || keys.size >= opts.minNationalRegions;
    if (!national) {
      local.push(...cluster);
      continue;
    }
    const parent: Draft = { kind: 'parent', key: 'national', members: cluster, children: [] };
    for (const key of keys) {
      parent.children.push({
        kind: 'child',
        key,
        members: cluster.filter((d) => d.keys.includes(key)),
        children: [],
        parent,
      });
    }
    drafts.push(parent);
  }
  // During a national outage a local story often just says the LPSE is down, without naming the cause: a report
  // of an affected LPSE in the national window with no other stated cause is part of that LPSE's child.
  const childOf = new Map<string, Array<{ child: Draft; from: number; to: number }>>();
  for (const parent of drafts) {
    for (const child of parent.children) {
      const starts = child.members.map((d) => d.start!);
      const ends = child.members.map((d) => d.end ?? d.start!);
      const list = childOf.get(child.key) ?? [];
      list.push({ child, from: Math.min(...starts) - opts.gapDays, to: Math.max(...ends) + opts.gapDays });
      childOf.set(child.key, list);
    }
  }
  const stillLocal: Dated[] = [];
  for (const d of local) {
    const unexplained = d.report.causes.every((c) => c.certainty !== 'stated' || c.category === 'unexplained');
    const home =
      unexplained && d.start !== null && d.keys.length === 1
        ? childOf.get(d.keys[0]!)?.find((c) => d.start! <= c.to && (d.end ?? d.start!) >= c.from)
        : undefined;
    if (home) {
      home.child.members.push(d);
      home.child.parent!.members.push(d);
    } else stillLocal.push(d);
  }
  const byKey = new Map<string, Dated[]>();
  const perKey: Draft[] = [];
  for (const d of stillLocal) {
    // A report naming no LPSE at all stays an incident of its own rather than joining unrelated ones.
    const keys = d.keys.length ? d.keys : [`x:${d.report.id}`];
    for (const k of keys) {
      const list = byKey.get(k);
      if (list) list.push(d);
      else byKey.set(k, [d]);
    }
  }
  for (const [key, items] of byKey) {
    const clusters = sweep(items, opts.gapDays);
    const undated = items.filter((d) => d.start === null);
    // An undated report joins the LPSE's only outage; with several it cannot be placed, so it stands alone.
    if (clusters.length === 1) clusters[0]!.push(...undated);
    else for (const d of undated) clusters.push([d]);
    for (const members of clusters) perKey.push({ kind: 'local', key, members, children: [] });
  }
  drafts.push(...joinSharedReports(perKey));
  return drafts;
}

/**
 * A report naming several LPSEs ("LPSE Gresik dan LPSE Lamongan tidak bisa diakses") sits in the cluster of each:
 * those clusters are one outage told together, so they become one incident (listing every region), and every
 * report belongs to exactly one incident. The joined draft is keyed on its largest part (ties: the smaller key),
 * so the result does not depend on the order of the input.
 */
function joinSharedReports(drafts: Draft[]): Draft[] {
  const root = drafts.map((_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  const seen = new Map<string, number>();
  drafts.forEach((d, i) => {
    for (const m of d.members) {
      const j = seen.get(m.report.id);
      if (j === undefined) seen.set(m.report.id, i);
      else root[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Draft[]>();
  drafts.forEach((d, i) => {
    const list = groups.get(find(i));
    if (list) list.push(d);
    else groups.set(find(i), [d]);
  });
  return [...groups.values()].map((parts) => {
    if (parts.length === 1) return parts[0]!;
    const main = [...parts].sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : 1))[0]!;
    const members = new Map<string, Dated>();
    for (const p of parts) for (const m of p.members) members.set(m.report.id, m);
    return { kind: 'local', key: main.key, members: [...members.values()], children: [] };
  });
}

/** Adds a value with its report id to a keyed list of sourced values, keeping first-seen order. */
function addSourced<T>(map: Map<string, Sourced<T>>, key: string, value: T, reportId: string): void {
  const hit = map.get(key);
  if (!hit) map.set(key, { value, report_ids: [reportId] });
  else if (!hit.report_ids.includes(reportId)) hit.report_ids.push(reportId);
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The categories an incident counts: its stated causes, or `unexplained` when none is stated (SCHEMA.md). */
export function causeCategories(causes: readonly Sourced<Cause>[]): CauseCategory[] {
  const stated: CauseCategory[] = [];
  for (const c of causes) {
    if (c.value.certainty === 'stated' && c.value.category !== 'unexplained' && !stated.includes(c.value.category)) {
      stated.push(c.value.category);
    }
  }
  return stated.length ? stated : ['unexplained'];
}

function buildIncident(draft: Draft, id: string): Incident {
  const members = [...draft.members].sort(chronological);
  const regions = new Map<string, Sourced<Region>>();
  const lpse = new Map<string, Sourced<{ name: string; host: string | null }>>();
  const starts = new Map<string, Sourced<string>>();
  const ends = new Map<string, Sourced<string>>();
  const causes = new Map<string, Sourced<Cause>>();
  const officials = new Map<string, Sourced<Official>>();
  const allegationEvidence = new Map<string, Sourced<string>>();
  const impactEvidence = new Map<string, Sourced<string>>();
  const urls: string[] = [];
  const reportIds: string[] = [];
  let allegation = false;
  let scheduleChanged = false;
  let manualFallback = false;
  let firstPublished: string | null = null;
  const childKey = draft.kind === 'child' ? draft.key : null;
  for (const { report: r } of members) {
    const rid = r.id;
    reportIds.push(rid);
    for (const g of r.regions) {
      const code = g.regency_code ?? g.province_code;
      // A child is one LPSE: the other regions a national report lists belong to their own children.
      if (childKey && `r:${code}` !== childKey) continue;
      addSourced(regions, code, g, rid);
    }
    if (r.lpse && (!childKey || r.regions.length <= 1)) addSourced(lpse, norm(r.lpse.host ?? r.lpse.name), r.lpse, rid);
    if (r.outage.start) addSourced(starts, r.outage.start, r.outage.start, rid);
    if (r.outage.end) addSourced(ends, r.outage.end, r.outage.end, rid);
    for (const c of r.causes) addSourced(causes, `${c.category}|${c.certainty}|${norm(c.evidence)}`, c, rid);
    for (const o of r.officials) {
      const key = norm(o.name);
      const hit = officials.get(key);
      if (!hit) {
        officials.set(key, { value: { ...o, quotes: [...o.quotes] }, report_ids: [rid] });
        continue;
      }
      if (!hit.report_ids.includes(rid)) hit.report_ids.push(rid);
      hit.value.role ??= o.role;
      hit.value.organization ??= o.organization;
      for (const q of o.quotes) if (!hit.value.quotes.includes(q)) hit.value.quotes.push(q);
    }
    if (r.allegation.present) allegation = true;
    for (const e of r.allegation.evidence) addSourced(allegationEvidence, norm(e), e, rid);
    scheduleChanged ||= r.impact.schedule_changed;
    manualFallback ||= r.impact.manual_fallback;
    for (const e of r.impact.evidence) addSourced(impactEvidence, norm(e), e, rid);
    for (const u of r.urls?.length ? r.urls : [r.url]) if (!urls.includes(u)) urls.push(u);
    if (r.published && (!firstPublished || r.published < firstPublished)) firstPublished = r.published;
  }
  const startDays = members.map((d) => d.start).filter((s): s is number => s !== null);
  const endDays = members.map((d) => d.end).filter((s): s is number => s !== null);
  const basis = members.some((d) => d.fromOutage) ? 'outage' : startDays.length ? 'published' : null;
  const window = {
    start: startDays.length ? dayString(Math.min(...startDays)) : null,
    end: endDays.length ? dayString(Math.max(...endDays)) : null,
    basis,
  } as const;
  // the title's date: the outage's own first day when a report gives one, else when it was first reported
  const outageStarts = members.filter((d) => d.fromOutage && d.start !== null).map((d) => d.start!);
  const titleDate = outageStarts.length ? dayString(Math.min(...outageStarts)) : firstPublished;
  const sourcedCauses = [...causes.values()];
  const categories = causeCategories(sourcedCauses);
  const regionList = [...regions.values()];
  const lpseList = [...lpse.values()];
  const parts = titleParts(draft, regionList, lpseList, categories, titleDate, !outageStarts.length);
  const days = members.some((d) => d.report.source.kind === 'probe') ? observedDays(members) : null;
  return {
    id,
    title: incidentTitle(parts, 'id'),
    title_parts: parts,
    scope: draft.kind === 'parent' ? 'national' : 'local',
    parent_id: null,
    children_ids: [],
    regions: regionList,
    lpse: lpseList,
    starts: [...starts.values()],
    ends: [...ends.values()],
    causes: sourcedCauses,
    allegation: { present: allegation, evidence: [...allegationEvidence.values()] },
    officials: [...officials.values()],
    impact: {
      schedule_changed: scheduleChanged,
      manual_fallback: manualFallback,
      evidence: [...impactEvidence.values()],
    },
    report_ids: reportIds,
    urls,
    first_published: firstPublished,
    key: draft.key,
    window,
    cause_categories: categories,
    ...(days ? { days } : {}),
  };
}

/** The days probe reports cover (observed) and the days only the other reports' windows cover (reported). */
function observedDays(members: readonly Dated[]): { observed: string[]; reported: string[] } {
  const observed = new Set<number>();
  const reported = new Set<number>();
  for (const d of members) {
    if (d.start === null) continue;
    const into = d.report.source.kind === 'probe' ? observed : reported;
    for (let n = d.start; n <= (d.end ?? d.start); n++) into.add(n);
  }
  const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b).map(dayString);
  return { observed: sorted(observed), reported: sorted([...reported].filter((n) => !observed.has(n))) };
}

function titleParts(
  draft: Draft,
  regions: Sourced<Region>[],
  lpse: Sourced<{ name: string; host: string | null }>[],
  categories: CauseCategory[],
  date: string | null,
  reported: boolean,
): TitleParts {
  if (draft.kind === 'parent') {
    return { national: true, pdn: categories.includes('pdn'), affected: draft.children.length, date, reported };
  }
  const g = regions[0]?.value;
  const place = g ? (g.regency ?? `Provinsi ${g.province}`) : null;
  return { national: false, name: place ? `LPSE ${place}` : (lpse[0]?.value.name ?? null), date, reported };
}

const baseIds = new WeakMap<Draft, string>();

/** A new incident's id: a hash of its kind, its LPSE key (and parent) and its earliest report. */
function baseId(draft: Draft): string {
  let id = baseIds.get(draft);
  if (!id) {
    const first = [...draft.members].sort(chronological)[0]!.report.id;
    const parentKey = draft.parent ? `${baseId(draft.parent)}/` : '';
    id = `inc-${createHash('sha1').update(`${draft.kind}|${parentKey}${draft.key}|${first}`).digest('hex').slice(0, 16)}`;
    baseIds.set(draft, id);
  }
  return id;
}

/**
 * Gives each draft an id: the id of the previous incident it shares most reports with (so an incident keeps its id
 * when new reports arrive, and ids survive runs through incidents.json), else a hash of its first report.
 */
function assignIds(drafts: Draft[], previous: readonly Incident[]): Map<Draft, string[]> {
  const aliases = new Map<Draft, string[]>();
  const byReport = new Map<string, Incident[]>();
  for (const inc of previous) {
    for (const rid of inc.report_ids) {
      const list = byReport.get(rid);
      if (list) list.push(inc);
      else byReport.set(rid, [inc]);
    }
  }
  const all = drafts.flatMap((d) => [d, ...d.children]);
  const previousById = new Map(previous.map((p) => [p.id, p]));
  const taken = new Set<string>();
  // The biggest drafts choose first, so a split leaves the id with the larger part.
  const order = [...all].sort((a, b) => b.members.length - a.members.length || (baseId(a) < baseId(b) ? -1 : 1));
  // every previous incident a draft shares a report with; the id is chosen among those of the same class
  const overlapOf = new Map<Draft, Set<string>>();
  for (const d of order) {
    const counts = new Map<string, number>();
    const overlap = new Set<string>();
    for (const m of d.members) {
      for (const inc of byReport.get(m.report.id) ?? []) {
        overlap.add(inc.id);
        const sameClass = (inc.scope === 'national' && inc.parent_id === null) === (d.kind === 'parent');
        if (sameClass) counts.set(inc.id, (counts.get(inc.id) ?? 0) + 1);
      }
    }
    overlapOf.set(d, overlap);
    // Most shared reports first; on a tie, the previous incident of the same LPSE (two children of one national
    // outage can hold the very same reports, and must not swap ids between runs).
    const sameKey = (id: string) => (previousById.get(id)?.key === d.key ? 1 : 0);
    const best = [...counts.entries()]
      .filter(([id]) => !taken.has(id))
      .sort((a, b) => b[1] - a[1] || sameKey(b[0]) - sameKey(a[0]) || (a[0] < b[0] ? -1 : 1))[0];
    if (best) {
      d.id = best[0];
      taken.add(best[0]);
    }
  }
  for (const d of order) {
    if (d.id) continue;
    let id = baseId(d);
    for (let n = 2; taken.has(id); n++) id = `${baseId(d)}-${n}`;
    d.id = id;
    taken.add(id);
  }
  // Previous incidents absorbed into another one (a local outage that became part of a national one, say): their
  // ids stay findable as aliases of the biggest incident that took their reports, once each.
  const assigned = new Set(all.map((d) => d.id!));
  const aliased = new Set<string>();
  for (const d of order) {
    const absorbed = [...(overlapOf.get(d) ?? [])].filter((id) => !assigned.has(id) && !aliased.has(id));
    for (const id of absorbed) aliased.add(id);
    const list = [...(previousById.get(d.id!)?.aliases ?? []), ...absorbed];
    for (const id of absorbed) list.push(...(previousById.get(id)?.aliases ?? []));
    const merged = [...new Set(list)].filter((a) => a !== d.id && !assigned.has(a)).sort();
    if (merged.length) aliases.set(d, merged);
  }
  return aliases;
}

/**
 * Groups reports into incidents: same LPSE (regency or province code, else LPSE host) and outage windows
 * (start..end, else the publication date) that overlap or lie within `gapDays`. Reports of a national event
 * (scope national, or a national cause such as `pdn` reported by several LPSEs in the same days) become one
 * parent incident with one child per LPSE. Only `is_incident` reports count. Pass the previous run's incidents
 * to keep their ids.
 *
 * @example groupIncidents([antaraBartim, borneoNewsBartim]) // one incident "Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021"
 */
export function groupIncidents(
  reports: readonly Report[],
  previous: readonly Incident[] = [],
  opts: GroupOptions = {},
): Incident[] {
  const options: Required<GroupOptions> = {
    gapDays: opts.gapDays ?? 7,
    nationalCauses: opts.nationalCauses ?? ['pdn'],
    minNationalRegions: opts.minNationalRegions ?? 2,
  };
  const dated = reports.filter((r) => r.is_incident).map(toDated);
  const drafts = draftIncidents(dated, options);
  const aliases = assignIds(drafts, previous);
  const out: Incident[] = [];
  for (const d of drafts) {
    const incident = buildIncident(d, d.id!);
    const a = aliases.get(d);
    if (a) incident.aliases = a;
    const children = d.children.map((c) => {
      const child = buildIncident(c, c.id!);
      child.parent_id = incident.id;
      const ca = aliases.get(c);
      if (ca) child.aliases = ca;
      return child;
    });
    incident.children_ids = children.map((c) => c.id);
    out.push(incident, ...children);
  }
  // Chronological, each national parent followed by its children.
  const tops = out.filter((i) => i.parent_id === null).sort(byWindow);
  const childrenOf = new Map<string, Incident[]>();
  for (const i of out) {
    if (!i.parent_id) continue;
    const list = childrenOf.get(i.parent_id);
    if (list) list.push(i);
    else childrenOf.set(i.parent_id, [i]);
  }
  return tops.flatMap((t) => [t, ...(childrenOf.get(t.id) ?? []).sort(byWindow)]);
}

function byWindow(a: Incident, b: Incident): number {
  const sa = a.window?.start ?? '9999';
  const sb = b.window?.start ?? '9999';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
