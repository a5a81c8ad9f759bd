/**
 * The hearing brief as data: `buildBrief(input)` turns the incidents of one kabupaten/kota (or province) and period
 * into a dossier (summary, chronology, incidents with cited statements, comparison with the province's other LPSEs,
 * questions the record raises). Pure: the caller fetches the incidents and passes today's date in.
 */
import type { DeadlineView } from '../../probe/types.ts';
import type { IncidentSummary } from '../kb/api.ts';
import type { CauseCategory, Incident, SourceKind } from '../../types/index.ts';
import { type BriefDeadlines, toBriefDeadlines } from './deadlines.ts';
import { type IncidentFacts, toIncidentFacts } from './facts.ts';
import { daysBetween } from '../i18n.ts';

/** What a brief cites: one source document. */
export interface ReportRef {
  id: string;
  url: string;
  title: string;
  source: { name: string | null; host: string | null; kind: SourceKind | string };
  published: string | null;
  /** Pantau's archived copy (a URL the reader can open), when there is one. */
  archive_url?: string | null;
  /** The quotes this report carries, so a merged person's quote is cited to the report that has it. */
  quotes?: string[];
}

export interface BriefInput {
  area: { kind: 'regency' | 'province'; name: string };
  from: string | null;
  to: string | null;
  /** Full incidents of the area in the period. */
  incidents: Incident[];
  /** The reports they cite, by id (missing ones are cited by id alone). */
  reports: Record<string, ReportRef>;
  /** Incidents of the whole province (or provinces) in the period, for the comparison. */
  comparison: IncidentSummary[];
  /** YYYY-MM-DD: the day the brief is made (passed in: this module never reads the clock). */
  generated: string;
  /** Where the web app runs, to link each incident; omitted in a brief made offline. */
  appUrl?: string | null;
  /** What Pantau's own probe saw of the area's LPSE(s), when the time-series store has it. */
  deadlines?: {
    view: DeadlineView;
    instances: string[];
    names?: Record<string, string>;
    /** UTC offset of each instance's clock (WIB 7 when missing): times are shown in the LPSE's own zone. */
    offsets?: Record<string, number>;
  } | null;
}

export interface Citation {
  /** 1-based reference number in the brief's source list. */
  n: number;
  report_id: string;
}

export type QuestionKind =
  | 'deadline'
  | 'unexplained'
  | 'repeated-hardware'
  | 'allegation'
  | 'disagreement'
  | 'open-ended'
  | 'deadline-overlap';

export interface Question {
  kind: QuestionKind;
  incident_ids: string[];
  /** The source sentence that raises it, when there is one. */
  evidence: string | null;
  cites: Citation[];
  /** Values the sentence is built from (dates, counts, LPSE), so each language can phrase it. */
  data: Record<string, string | number>;
}

export interface ComparisonRow {
  name: string;
  incidents: number;
  daysDown: number;
  /** Incidents whose end no source gives (not in daysDown). */
  unknownEnd: number;
  causes: Partial<Record<CauseCategory, number>>;
  isArea: boolean;
}

export interface Brief {
  area: BriefInput['area'];
  from: string | null;
  to: string | null;
  generated: string;
  appUrl: string | null;
  summary: {
    incidents: number;
    daysDown: number;
    /** Incidents whose end is known (the rest are not in daysDown). */
    daysKnown: number;
    causes: Array<{ category: CauseCategory; incidents: number }>;
    scheduleChanged: number;
    manualFallback: number;
    allegations: number;
    officialsQuoted: number;
    first: string | null;
    last: string | null;
  };
  chronology: Array<{
    date: string | null;
    id: string;
    title: string;
    lpse: string | null;
    days: number | null;
    causes: CauseCategory[];
    allegation: boolean;
  }>;
  incidents: Array<IncidentFacts & { cites: Citation[] }>;
  comparison: ComparisonRow[];
  /** The probe's deadline figures and the tenders hit; null when the store has nothing for the area. */
  deadlines: BriefDeadlines | null;
  questions: Question[];
  sources: Array<ReportRef & { n: number }>;
}

/**
 * Words in a source sentence that tie an outage to a bidding deadline: the deadline itself, or a bid step
 * (submitting, uploading, opening bids) and its end or extension.
 * @example DEADLINE_RE.test('Tahapan upload dokumen penawaran yang semula berakhir pada 8 Juni 2021 diperpanjang') // true
 */
const DEADLINE_WORDS = ['batas akhir', 'batas waktu', 'tenggat', 'deadline', 'jadwal penutupan'];
const BID_STEPS = ['pemasukan', 'pembukaan', 'unggah', 'upload', 'mengunggah', 'memasukkan', 'penyampaian'];
export const DEADLINE_RE = new RegExp(
  `(?<deadline>${DEADLINE_WORDS.join('|')})|(?<step>(?:${BID_STEPS.join('|')})\\s+(?:dokumen\\s+)?penawaran)`,
  'i',
);

export function buildBrief(input: BriefInput): Brief {
  const facts = input.incidents
    .map((i) => toIncidentFacts(i, input.reports))
    .sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999') || a.id.localeCompare(b.id));

  // Sources are numbered in the order the brief first cites them: chronologically by incident.
  const numbers = new Map<string, number>();
  const cite = (ids: string[]): Citation[] =>
    [...new Set(ids)].map((id) => {
      let n = numbers.get(id);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(id, n);
      }
      return { n, report_id: id };
    });
  const byId = new Map(input.incidents.map((i) => [i.id, i]));
  const incidents = facts.map((f) => {
    const inc = byId.get(f.id);
    const reportIds = [...(inc?.report_ids ?? [])].sort((a, b) =>
      (input.reports[a]?.published ?? '').localeCompare(input.reports[b]?.published ?? ''),
    );
    return { ...f, cites: cite(reportIds) };
  });

  const causeCounts = new Map<CauseCategory, number>();
  for (const f of facts) for (const c of f.categories) causeCounts.set(c, (causeCounts.get(c) ?? 0) + 1);
  const known = facts.filter((f) => f.days !== null);
  const starts = facts.map((f) => f.start).filter((s): s is string => s !== null);

  const summary: Brief['summary'] = {
    incidents: facts.length,
    daysDown: known.reduce((s, f) => s + (f.days ?? 0), 0),
    daysKnown: known.length,
    causes: [...causeCounts]
      .map(([category, n]) => ({ category, incidents: n }))
      .sort((a, b) => b.incidents - a.incidents || a.category.localeCompare(b.category)),
    scheduleChanged: facts.filter((f) => f.impact.schedule_changed).length,
    manualFallback: facts.filter((f) => f.impact.manual_fallback).length,
    allegations: facts.filter((f) => f.allegation.present).length,
    officialsQuoted: new Set(facts.flatMap((f) => f.statements.map((s) => s.name))).size,
    first: starts[0] ?? null,
    last: starts[starts.length - 1] ?? null,
  };

  const deadlines = toBriefDeadlines(
    input.deadlines?.view,
    input.deadlines?.instances ?? [],
    input.deadlines?.names ?? {},
    input.deadlines?.offsets ?? {},
  );
  return {
    area: input.area,
    from: input.from,
    to: input.to,
    generated: input.generated,
    appUrl: input.appUrl ?? null,
    summary,
    chronology: facts.map((f) => ({
      date: f.start,
      id: f.id,
      title: f.title,
      lpse: f.lpse,
      days: f.days,
      causes: f.categories,
      allegation: f.allegation.present,
    })),
    incidents,
    comparison: buildComparison(input),
    deadlines,
    questions: [...buildQuestions(facts, cite), ...deadlineQuestions(deadlines)],
    sources: [...numbers].map(([id, n]) => ({
      n,
      ...(input.reports[id] ?? {
        id,
        url: '',
        title: id,
        source: { name: null, host: null, kind: 'other' },
        published: null,
      }),
    })),
  };
}

/** Tenders whose upload window an observed outage overlapped: the question a DPRD member can put with numbers. */
function deadlineQuestions(d: BriefDeadlines | null): Question[] {
  if (!d?.totals.tenders) return [];
  return [
    {
      kind: 'deadline-overlap',
      incident_ids: [],
      evidence: null,
      cites: [],
      data: {
        lpse: d.instances.map((i) => d.names[i] ?? i).join(', '),
        count: d.totals.tenders,
        value: d.totals.value,
        minutes: d.totals.maxMinutesLost,
        changed: d.totals.changedAfter,
      },
    },
  ];
}

/** The province's LPSEs side by side, over the same period: incidents, known days down, causes. */
function buildComparison(input: BriefInput): ComparisonRow[] {
  const rows = new Map<string, ComparisonRow>();
  for (const s of input.comparison) {
    const names = s.regency.length ? s.regency : s.province.map((p) => `Provinsi ${p}`);
    for (const name of new Set(names)) {
      const row = rows.get(name) ?? { name, incidents: 0, daysDown: 0, unknownEnd: 0, causes: {}, isArea: false };
      row.incidents++;
      const days = daysBetween(s.start, s.end);
      if (days === null) row.unknownEnd++;
      else row.daysDown += days;
      for (const c of s.causes) row.causes[c] = (row.causes[c] ?? 0) + 1;
      rows.set(name, row);
    }
  }
  if (input.area.kind === 'regency') {
    const own = rows.get(input.area.name);
    if (own) own.isArea = true;
    else
      rows.set(input.area.name, {
        name: input.area.name,
        incidents: 0,
        daysDown: 0,
        unknownEnd: 0,
        causes: {},
        isArea: true,
      });
  }
  return [...rows.values()].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));
}

function buildQuestions(facts: IncidentFacts[], cite: (ids: string[]) => Citation[]): Question[] {
  const qs: Question[] = [];
  for (const f of facts) {
    const sentences = [...f.impact.evidence, ...f.allegation.evidence];
    const hit = sentences.find((s) => DEADLINE_RE.test(s.value));
    if (hit) {
      qs.push({
        kind: 'deadline',
        incident_ids: [f.id],
        evidence: hit.value,
        cites: cite(hit.report_ids),
        data: { start: f.start ?? '', lpse: f.lpse ?? f.regions.join(', ') },
      });
    }
  }
  for (const f of facts) {
    if (f.allegation.present) {
      const ev = f.allegation.evidence[0];
      qs.push({
        kind: 'allegation',
        incident_ids: [f.id],
        evidence: ev?.value ?? null,
        cites: cite(ev?.report_ids ?? []),
        data: { start: f.start ?? '', lpse: f.lpse ?? f.regions.join(', ') },
      });
    }
  }
  for (const f of facts) {
    if (f.unexplained) {
      const ev = f.causes[0];
      qs.push({
        kind: 'unexplained',
        incident_ids: [f.id],
        evidence: ev?.value.evidence ?? null,
        cites: cite(ev?.report_ids ?? []),
        data: { start: f.start ?? '', lpse: f.lpse ?? f.regions.join(', ') },
      });
    }
  }
  // Repeated hardware failures at one LPSE.
  const hardware = new Map<string, IncidentFacts[]>();
  for (const f of facts) {
    if (!f.categories.includes('hardware')) continue;
    const key = f.lpse ?? f.regions.join(', ');
    hardware.set(key, [...(hardware.get(key) ?? []), f]);
  }
  for (const [lpse, list] of hardware) {
    if (list.length < 2) continue;
    const evidence = list.flatMap((f) => f.causes.filter((c) => c.value.category === 'hardware'));
    qs.push({
      kind: 'repeated-hardware',
      incident_ids: list.map((f) => f.id),
      evidence: evidence.map((e) => e.value.evidence).join(' / '),
      cites: cite(evidence.flatMap((e) => e.report_ids)),
      data: { lpse, count: list.length, dates: list.map((f) => f.start ?? '').join(',') },
    });
  }
  for (const f of facts) {
    for (const d of f.disagreements) {
      if (d.field === 'cause') continue;
      qs.push({
        kind: 'disagreement',
        incident_ids: [f.id],
        evidence: null,
        cites: cite(d.variants.flatMap((v) => v.report_ids)),
        data: { field: d.field, values: d.variants.map((v) => v.value).join(','), lpse: f.lpse ?? '' },
      });
    }
  }
  for (const f of facts) {
    if (f.start && !f.end) {
      qs.push({
        kind: 'open-ended',
        incident_ids: [f.id],
        evidence: null,
        cites: [],
        data: { start: f.start, lpse: f.lpse ?? f.regions.join(', ') },
      });
    }
  }
  return qs;
}
