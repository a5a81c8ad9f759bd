/**
 * Gathers what a brief needs from the knowledge base (the I/O edge of src/brief): the area's incidents in full, the
 * province's incidents for the comparison, and the reports they cite.
 */
import { readFileSync } from 'node:fs';
import { utcOffsetOfRegion } from '../../probe/schedules/zones.ts';
import type { DeadlineView, SeriesStore } from '../../probe/types.ts';
import type { Incident } from '../../types/index.ts';
import { UserError } from '../errors.ts';
import type { IncidentSummary, SearchParams, SearchResult } from '../kb/api.ts';
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
  opts: {
    generated: string;
    appUrl?: string | null;
    maxIncidents?: number;
    /** The availability watch's store, opened for the brief and closed after (no store: no deadline section). */
    series?: (() => SeriesStore | Promise<SeriesStore>) | undefined;
  },
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
    deadlines: opts.series ? await loadDeadlines(opts.series, area, sel) : null,
  };
}

interface LpseEntry {
  id: string;
  name: string;
  region_code: string | null;
  serves: Array<{ name: string }>;
}
let lpseTable: LpseEntry[] | null = null;

function lpseEntries(): LpseEntry[] {
  lpseTable ??= (
    JSON.parse(readFileSync(new URL('../../crawlers/lpse-table.json', import.meta.url), 'utf8')) as {
      instances: LpseEntry[];
    }
  ).instances;
  return lpseTable;
}

/**
 * The names of LPSE instances by slug, for people: `baritotimurkab` → "LPSE Kabupaten Barito Timur" (unknown slugs
 * are left out).
 */
export function lpseNames(slugs: Iterable<string>): Record<string, string> {
  const want = new Set(slugs);
  return Object.fromEntries(
    lpseEntries()
      .filter((i) => want.has(i.id))
      .map((i) => [i.id, i.name]),
  );
}

/** "Kab. Luwu Utara", "LPSE Kabupaten Luwu Utara" and "Kabupaten Luwu Utara" are one name. */
const areaKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/^lpse\s+/, '')
    .replace(/^kab\.?\s+/, 'kabupaten ')
    .replace(/[^a-z0-9]+/g, '');

/**
 * The UTC offset of each instance's clock by slug (WIB 7, WITA 8, WIT 9, from its region): the zone its schedule
 * times are written in and its days are counted in. Unknown slugs are left out.
 */
export function lpseOffsets(slugs: Iterable<string>): Record<string, number> {
  const want = new Set(slugs);
  return Object.fromEntries(
    lpseEntries()
      .filter((i) => want.has(i.id))
      .map((i) => [i.id, utcOffsetOfRegion(i.region_code)]),
  );
}

/**
 * The LPSE instances (slugs of crawlers/lpse-table.json) of an area: its own LPSE, else the instances that serve it
 * (SPSE Nasional serves some kabupaten).
 * @example instancesOfArea({ kind: 'regency', name: 'Kabupaten Luwu Utara' }) // ['luwuutarakab']
 */
export function instancesOfArea(area: BriefInput['area']): string[] {
  const table = lpseEntries();
  const key = areaKey(
    area.kind === 'province' && !/^provinsi\b/i.test(area.name) ? `Provinsi ${area.name}` : area.name,
  );
  const own = table.filter((i) => areaKey(i.name) === key).map((i) => i.id);
  if (own.length) return own;
  return table.filter((i) => i.serves.some((s) => areaKey(s.name) === key)).map((i) => i.id);
}

/** The area's instances' deadline views, merged (each instance's own figure; the overall one is left out). */
async function loadDeadlines(
  open: () => SeriesStore | Promise<SeriesStore>,
  area: BriefInput['area'],
  sel: BriefSelection,
): Promise<{
  view: DeadlineView;
  instances: string[];
  names: Record<string, string>;
  offsets: Record<string, number>;
} | null> {
  const instances = instancesOfArea(area);
  if (!instances.length) return null;
  let store: SeriesStore;
  try {
    store = await open();
  } catch (err) {
    // no probe data yet (or none readable now): the brief is made without its deadline section
    if (err instanceof UserError) return null;
    throw err;
  }
  try {
    const period = {
      ...(sel.from ? { from: new Date(`${sel.from}T00:00:00+07:00`).toISOString() } : {}),
      ...(sel.to ? { to: new Date(`${sel.to}T23:59:59.999+07:00`).toISOString() } : {}),
    };
    const views = [];
    for (const instance of instances) views.push(await store.deadlineView({ instance, ...period }));
    const first = views[0];
    if (!first) return null;
    const view: DeadlineView = {
      query: { ...first.query, instance: instances.length === 1 ? instances[0] : undefined },
      figures: views.flatMap((v) => v.figures.filter((f) => f.instance !== null)),
      overlaps: views.flatMap((v) => v.overlaps),
      episodes: views.flatMap((v) => v.episodes),
      availability: views.flatMap((v) => v.availability),
      deadlines: views.flatMap((v) => v.deadlines),
    };
    return { view, instances, names: lpseNames(instances), offsets: lpseOffsets(instances) };
  } finally {
    await store.close().catch(() => {});
  }
}
