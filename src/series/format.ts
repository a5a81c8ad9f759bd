/**
 * How the deadline view reads: a table for people (one line per LPSE, then the tenders an outage hit, with rupiah
 * sums in Indonesian words), CSV for analysts. Pure: the view and the instances' names in, strings out.
 */
import type { DeadlineFigure, DeadlineView } from '../../probe/types.ts';
import { toCsv } from '../kb/format.ts';

/** What the table needs of an instance: its name and time zone. */
export type InstanceLookup = (slug: string) => { name: string; zone: string; offsetMinutes: number };

const decimal = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/**
 * Rupiah as a person says it: triliun, miliar, juta.
 *
 * @example formatRupiah(45_200_000_000) // "Rp 45,2 miliar"
 */
export function formatRupiah(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (value >= 1e12) return `Rp ${decimal(value / 1e12)} triliun`;
  if (value >= 1e9) return `Rp ${decimal(value / 1e9)} miliar`;
  if (value >= 1e6) return `Rp ${decimal(value / 1e6)} juta`;
  return `Rp ${Math.round(value).toLocaleString('id-ID')}`;
}

/**
 * Minutes as hours and minutes.
 *
 * @example formatMinutes(390) // "6 h 30 min"
 */
export function formatMinutes(m: number): string {
  const total = Math.round(m);
  const h = Math.floor(total / 60);
  const min = total % 60;
  if (!h) return `${min} min`;
  return min ? `${h.toLocaleString('en')} h ${min} min` : `${h.toLocaleString('en')} h`;
}

/** An instant in the instance's wall-clock time: "2026-08-19 20:00 WIB". */
export function localTime(iso: string, offsetMinutes: number, zone: string): string {
  const t = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)} ${zone}`;
}

/** The ratio; "only near" when every observed outage minute fell near a deadline (a share divided by zero). */
const fmtRatio = (f: DeadlineFigure) =>
  f.ratio !== null
    ? f.ratio >= 100
      ? f.ratio.toFixed(0)
      : f.ratio.toFixed(2)
    : f.downMinutesNear > 0 && f.downMinutesElsewhere === 0 && f.observedMinutesElsewhere > 0
      ? 'only near'
      : '–';
const fmtP = (p: number | null) => (p === null ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3));

function pad(cells: string[][], right: readonly boolean[]): string[] {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells.map((r) =>
    r
      .map((c, i) => {
        const fill = ' '.repeat(widths[i]! - [...c].length);
        return right[i] ? fill + c : c + fill;
      })
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The readable table: the window and the test, one line per LPSE (overall first), then the tenders whose window an
 * outage took, with their number and value summed ("7 tenders, Rp 45 miliar").
 */
export function renderDeadlineTable(view: DeadlineView, lookup: InstanceLookup): string {
  const q = view.query;
  const lines: string[] = [];
  const span = q.from || q.to ? `, ${q.from?.slice(0, 10) ?? '…'} to ${q.to?.slice(0, 10) ?? '…'}` : '';
  lines.push(
    `Outages in the ${q.windowHours} h before each bid-upload deadline vs other observed times${span} (rotation test, up to ${(q.permutations ?? 0).toLocaleString('en')} permutations, seed ${q.seed})`,
    '',
  );
  const rows: string[][] = [
    [
      'LPSE',
      'ratio',
      'p',
      'deadlines',
      'episodes',
      'down near',
      'observed near',
      'down elsewhere',
      'observed elsewhere',
    ],
  ];
  for (const f of view.figures) {
    rows.push([
      f.instance === null ? 'all LPSEs' : `${lookup(f.instance).name} (${f.instance})`,
      fmtRatio(f),
      fmtP(f.pValue),
      String(f.deadlines.length),
      String(f.episodes.length),
      formatMinutes(f.downMinutesNear),
      formatMinutes(f.observedMinutesNear),
      formatMinutes(f.downMinutesElsewhere),
      formatMinutes(f.observedMinutesElsewhere),
    ]);
  }
  lines.push(...pad(rows, [false, true, true, true, true, true, true, true, true]));
  lines.push(
    '',
    'ratio: share of the observed time down near deadlines ÷ share down elsewhere ("only near": never down elsewhere); p: one-sided, small when outages cluster before deadlines.',
  );
  const tenders = new Map<string, { value: number | null }>();
  for (const o of view.overlaps) tenders.set(`${o.instance}\u0000${o.tender}`, { value: o.value });
  if (!view.overlaps.length) {
    lines.push('', `No tender lost time to an outage in its last ${q.windowHours} h.`);
    return `${lines.join('\n')}\n`;
  }
  const sum = [...tenders.values()].reduce((n, t) => n + (t.value ?? 0), 0);
  const unknown = [...tenders.values()].filter((t) => t.value === null).length;
  const changed = new Set(view.overlaps.filter((o) => o.changedAfter).map((o) => `${o.instance}\u0000${o.tender}`));
  lines.push(
    '',
    `Tenders whose last ${q.windowHours} h an outage took: ${tenders.size} tender${tenders.size === 1 ? '' : 's'}, ${formatRupiah(sum)}${unknown ? ` (${unknown} without a value)` : ''}; ${changed.size} rescheduled after the outage began`,
    '',
  );
  const t: string[][] = [['LPSE', 'tender', 'value', 'deadline', 'lost', 'outage from', 'rescheduled after', 'name']];
  const episodes = new Map(view.episodes.map((e) => [e.id, e]));
  for (const o of [...view.overlaps].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))) {
    const info = lookup(o.instance);
    const ep = episodes.get(o.episode);
    t.push([
      o.instance,
      o.tender,
      formatRupiah(o.value),
      localTime(o.deadline, info.offsetMinutes, info.zone),
      formatMinutes(o.minutesLost),
      ep ? `${localTime(ep.start, info.offsetMinutes, info.zone)} (${ep.class})` : o.episode,
      o.changedAfter ? 'yes' : 'no',
      o.name,
    ]);
  }
  lines.push(...pad(t, [false, false, true, false, true, false, false, false]));
  return `${lines.join('\n')}\n`;
}

export const CSV_TABLES = ['figures', 'tenders', 'episodes', 'days'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** One of the view's tables as CSV (UTF-8 with BOM, like `pantau export`). */
export function deadlineCsv(view: DeadlineView, table: CsvTable): string {
  switch (table) {
    case 'figures':
      return toCsv(
        [
          'instance',
          'window_hours',
          'ratio',
          'p_value',
          'permutations',
          'deadlines',
          'episodes',
          'down_minutes_near',
          'observed_minutes_near',
          'down_minutes_elsewhere',
          'observed_minutes_elsewhere',
        ],
        view.figures.map((f) => [
          f.instance ?? 'all',
          f.windowHours,
          f.ratio,
          f.pValue,
          f.permutations,
          f.deadlines.length,
          f.episodes.length,
          f.downMinutesNear,
          f.observedMinutesNear,
          f.downMinutesElsewhere,
          f.observedMinutesElsewhere,
        ]),
      );
    case 'tenders':
      return toCsv(
        ['instance', 'tender', 'name', 'value', 'deadline', 'episode', 'minutes_lost', 'changed_after'],
        view.overlaps.map((o) => [
          o.instance,
          o.tender,
          o.name,
          o.value,
          o.deadline,
          o.episode,
          o.minutesLost,
          o.changedAfter,
        ]),
      );
    case 'episodes':
      return toCsv(
        ['id', 'instance', 'start', 'end', 'class', 'probes'],
        view.episodes.map((e) => [e.id, e.instance, e.start, e.end, e.class, e.probes]),
      );
    case 'days':
      return toCsv(
        ['instance', 'day', 'observed_minutes', 'down_minutes'],
        view.availability.map((a) => [a.instance, a.day, a.observedMinutes, a.downMinutes]),
      );
  }
}
