/**
 * A fixed deadline view and the in-memory stand-ins the deadline tests inject into the web app: a `SeriesStore`
 * answering that view (filtered by instance) and recording what it was asked, and a `KbReader` over the web
 * fixtures' incidents (no Meilisearch: the deadline page and the brief section do not need one).
 */
import type { DeadlineFigure, DeadlineQuery, DeadlineView, SeriesStore } from '../../probe/types.ts';
import { toIncidentFacts } from '../../src/brief/facts.ts';
import type { KbReader } from '../../src/brief/load.ts';
import type { IncidentSummary, SearchParams } from '../../src/kb/api.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import { toReportRef } from '../../src/web/kb.ts';
import type { Incident, Report } from '../../types/index.ts';
import { webReports } from './helpers.ts';

const figure = (instance: string | null, f: Partial<DeadlineFigure>): DeadlineFigure => ({
  instance,
  windowHours: 24,
  observedMinutesNear: 0,
  observedMinutesElsewhere: 0,
  downMinutesNear: 0,
  downMinutesElsewhere: 0,
  ratio: null,
  pValue: null,
  permutations: 10_000,
  deadlines: [],
  episodes: [],
  ...f,
});

/** Barito Timur, August 2026: three deadlines, outages before two of them, two tenders hit; Kapuas quiet. */
export function fixedView(): DeadlineView {
  const days = Array.from({ length: 30 }, (_, i) => `2026-08-${String(i + 1).padStart(2, '0')}`);
  const down: Record<string, number> = { '2026-08-05': 30, '2026-08-12': 300, '2026-08-19': 360 };
  const deadlines = [
    {
      instance: 'baritotimurkab',
      tender: '10090007000',
      name: 'Rehabilitasi Gedung Puskesmas Kota',
      value: 4_400_000_000,
      deadline: '2026-08-12T09:00:00.000Z',
    },
    {
      instance: 'baritotimurkab',
      tender: '10090001000',
      name: 'Pembangunan Gedung Pelayanan Terpadu RSUD Tahap II',
      value: 22_700_000_000,
      deadline: '2026-08-19T13:00:00.000Z',
    },
    {
      instance: 'baritotimurkab',
      tender: '10090005000',
      name: 'Pengadaan Meubelair Kantor Kecamatan',
      value: 199_000_000,
      deadline: '2026-08-21T16:00:00.000Z',
    },
    {
      instance: 'kapuaskab',
      tender: '20010001000',
      name: 'Pembangunan Jembatan Desa Sungai Pinang',
      value: 9_100_000_000,
      deadline: '2026-08-14T08:00:00.000Z',
    },
  ];
  const episodes = [
    {
      id: 'baritotimurkab:2026-08-05T03:00:00.000Z',
      instance: 'baritotimurkab',
      start: '2026-08-05T03:00:00.000Z',
      end: '2026-08-05T03:30:00.000Z',
      class: 'timeout' as const,
      probes: 3,
    },
    {
      id: 'baritotimurkab:2026-08-12T04:00:00.000Z',
      instance: 'baritotimurkab',
      start: '2026-08-12T04:00:00.000Z',
      end: '2026-08-12T09:00:00.000Z',
      class: 'spse-error' as const,
      probes: 30,
    },
    {
      id: 'baritotimurkab:2026-08-19T07:00:00.000Z',
      instance: 'baritotimurkab',
      start: '2026-08-19T07:00:00.000Z',
      end: '2026-08-19T13:00:00.000Z',
      class: 'cloudflare' as const,
      probes: 36,
    },
  ];
  const bartim = figure('baritotimurkab', {
    observedMinutesNear: 4320,
    observedMinutesElsewhere: 38880,
    downMinutesNear: 660,
    downMinutesElsewhere: 30,
    ratio: 198,
    pValue: 0.0042,
    deadlines: deadlines.slice(0, 3).map((d) => ({ tender: d.tender, deadline: d.deadline })),
    episodes: episodes.map((e) => e.id),
  });
  const kapuas = figure('kapuaskab', {
    observedMinutesNear: 1440,
    observedMinutesElsewhere: 41760,
    downMinutesNear: 0,
    downMinutesElsewhere: 0,
    deadlines: [{ tender: '20010001000', deadline: '2026-08-14T08:00:00.000Z' }],
  });
  const overall = figure(null, {
    observedMinutesNear: 5760,
    observedMinutesElsewhere: 80640,
    downMinutesNear: 660,
    downMinutesElsewhere: 30,
    ratio: 308,
    pValue: 0.0081,
    deadlines: [...bartim.deadlines, ...kapuas.deadlines],
    episodes: bartim.episodes,
  });
  return {
    query: {},
    figures: [overall, bartim, kapuas],
    overlaps: [
      {
        instance: 'baritotimurkab',
        tender: '10090007000',
        name: 'Rehabilitasi Gedung Puskesmas Kota',
        value: 4_400_000_000,
        deadline: '2026-08-12T09:00:00.000Z',
        episode: episodes[1]!.id,
        minutesLost: 300,
        changedAfter: false,
      },
      {
        instance: 'baritotimurkab',
        tender: '10090001000',
        name: 'Pembangunan Gedung Pelayanan Terpadu RSUD Tahap II',
        value: 22_700_000_000,
        deadline: '2026-08-19T13:00:00.000Z',
        episode: episodes[2]!.id,
        minutesLost: 360,
        changedAfter: true,
      },
    ],
    episodes,
    availability: ['baritotimurkab', 'kapuaskab'].flatMap((instance) =>
      days.map((day) => ({
        instance,
        day,
        observedMinutes: 1440,
        downMinutes: instance === 'baritotimurkab' ? (down[day] ?? 0) : 0,
      })),
    ),
    deadlines,
  };
}

/** The view one instance's question gets: its own rows, its figure only. */
function forInstance(v: DeadlineView, q: DeadlineQuery): DeadlineView {
  if (!q.instance) return { ...v, query: q };
  const own = <T extends { instance: string | null }>(xs: T[]) => xs.filter((x) => x.instance === q.instance);
  return {
    query: q,
    figures: own(v.figures),
    overlaps: own(v.overlaps),
    episodes: own(v.episodes),
    availability: own(v.availability),
    deadlines: own(v.deadlines),
  };
}

export interface FakeSeries {
  open: () => SeriesStore;
  asked: DeadlineQuery[];
  closed: number;
}

export function fakeSeries(view: DeadlineView = fixedView()): FakeSeries {
  const fake: FakeSeries = {
    asked: [],
    closed: 0,
    open: () => ({
      async deadlineView(q = {}) {
        fake.asked.push(q);
        return forInstance(view, q);
      },
      async close() {
        fake.closed++;
      },
      async appendProbes() {
        throw new Error('the web app never writes');
      },
      async upsertTenders() {
        throw new Error('the web app never writes');
      },
      async tendersToRefresh() {
        throw new Error('not used by the web app');
      },
      async episodes() {
        return view.episodes;
      },
    }),
  };
  return fake;
}

function summary(i: Incident): IncidentSummary {
  const f = toIncidentFacts(i);
  return {
    id: i.id,
    title: i.title,
    scope: i.scope,
    province: [...new Set(i.regions.map((r) => r.value.province))],
    regency: [...new Set(i.regions.map((r) => r.value.regency).filter((r): r is string => r !== null))],
    start: f.start,
    end: f.end,
    causes: f.categories,
    allegation: i.allegation.present,
    sources: i.report_ids.length,
    officials: i.officials.map((o) => o.value.name),
    first_published: i.first_published,
  };
}

/** The web fixtures' incidents, filtered by regency or province only (all a brief asks). */
export function memoryKb(extra: Report[] = []): KbReader {
  const kb = buildKnowledgeBase([...webReports(), ...extra]);
  const refs = kb.reports.map((r) => toReportRef(r));
  const match = (p: SearchParams) =>
    kb.incidents
      .filter((i) => !p.regency?.length || i.regions.some((r) => p.regency?.includes(r.value.regency ?? '')))
      .filter((i) => !p.province?.length || i.regions.some((r) => p.province?.includes(r.value.province)))
      .map(summary);
  return {
    async search(p) {
      const hits = match(p);
      return {
        hits: hits.slice(p.offset ?? 0, (p.offset ?? 0) + (p.limit ?? 20)),
        total: hits.length,
        facets: {},
        processingTimeMs: 0,
      };
    },
    async all(p) {
      return match(p);
    },
    async incident(id) {
      return kb.incidents.find((i) => i.id === id) ?? null;
    },
    async reportsOf(id) {
      const inc = kb.incidents.find((i) => i.id === id);
      return refs.filter((r) => inc?.report_ids.includes(r.id));
    },
  };
}
