/**
 * A week of the local SPSE for `pantau demo`: four instances with three tenders each, whose bid-upload deadlines
 * fall inside the week, and a timetable of outages. Two instances go down in the hours before each of their
 * deadlines (the pattern contractors describe), two go down as long, but far from any deadline of theirs (the
 * control). Probed on a simulated clock, this is what the deadline correlation is for: a ratio far above 1 for
 * the first two, none for the others.
 */
import type { SimChange, SimStage, SimTender } from './tenders.ts';
import type { Timetable, TimetableEntry } from './timetable.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DeadlineScenario {
  /** The instances probed, clustered first. */
  instances: string[];
  clustered: string[];
  control: string[];
  /** The week, epoch ms: the first round starts at `from`, the last ends before `to`. */
  from: number;
  to: number;
  timetable: Timetable;
  /** The tenders of each instance (for `createTenderSite({ tenders })`); none for other instances or years. */
  tenders: (slug: string, year: number) => SimTender[];
}

/** The instances and their time zones (hours east of UTC), as in the LPSE table. */
const CLUSTERED: Array<[string, number]> = [
  ['baritotimurkab', 7],
  ['mimikakab', 9],
];
const CONTROL: Array<[string, number]> = [
  ['palangkaraya', 7],
  ['acehbaratkab', 7],
];
/**
 * Failures that answer at once (no hanging request), so the demo's rounds can be milliseconds long without a slow
 * machine turning a late answer into a false outage; hangs and DNS failures are the prober's tests' business.
 */
const FAILS: Array<Pick<TimetableEntry, 'fail' | 'status' | 'code'>> = [
  { fail: 'cloudflare', status: 522 },
  { fail: 'http-5xx', status: 503 },
  { fail: 'spse-error', code: '81kep4jo9' },
];
const WORKS = ['Rehabilitasi Jalan', 'Pembangunan Gedung Puskesmas', 'Pengadaan Alat Kesehatan'];

const pad = (n: number) => String(n).padStart(2, '0');
/** `2026-08-19 20:00`: an instant as the instance's wall clock. */
function wall(ms: number, offset: number): string {
  const d = new Date(ms + offset * HOUR);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A tender whose upload stage ends at `deadline`, its stages around it. */
function tender(
  code: number,
  name: string,
  value: number,
  deadline: number,
  offset: number,
  changed?: SimChange,
): SimTender {
  const stage = (n: string, from: number, to: number, history: SimChange[] = []): SimStage => ({
    name: n,
    start: wall(from, offset),
    end: wall(to, offset),
    history,
  });
  return {
    code: String(code),
    kind: 'tender',
    name,
    agency: 'Dinas Pekerjaan Umum',
    stageNow: 'Evaluasi Penawaran',
    value,
    cancelled: false,
    year: new Date(deadline + offset * HOUR).getUTCFullYear(),
    category: 'Pekerjaan Konstruksi',
    stages: [
      stage('Pengumuman Pascakualifikasi', deadline - 10 * DAY, deadline - 3 * DAY),
      stage('Upload Dokumen Penawaran', deadline - 7 * DAY, deadline, changed ? [changed] : []),
      stage('Pembukaan Dokumen Penawaran', deadline + 60_000, deadline + 2 * HOUR),
      stage('Evaluasi Penawaran', deadline + 2 * HOUR, deadline + 5 * DAY),
    ],
  };
}

/**
 * The week of the seven whole UTC days before yesterday, so every deadline has passed when the demo reads them.
 * Deadlines fall at 16:00 on the instance's clock (and an hour later for the second instance of each group).
 *
 * @example const s = deadlineScenario(Date.now()); // s.timetable.entries: 12 outages; s.tenders('mimikakab', 2026): 3
 */
export function deadlineScenario(now: number): DeadlineScenario {
  const to = Math.floor(now / DAY) * DAY - DAY;
  const from = to - 7 * DAY;
  const entries: TimetableEntry[] = [];
  const byInstance = new Map<string, SimTender[]>();
  let code = 10_500_000_000;
  const add = ([slug, offset]: [string, number], k: number, clustered: boolean) => {
    const list: SimTender[] = [];
    for (let j = 0; j < 3; j++) {
      // deadlines on days 1, 3, 5 (clustered) or 2, 4, 6 (control) of the week, at 16:00 local
      const deadline = from + (clustered ? 1 + 2 * j : 2 + 2 * j) * DAY + (16 - offset + k) * HOUR;
      const down = clustered
        ? { from: deadline - 6 * HOUR, to: deadline - 2 * HOUR }
        : // as long, but half a day after the previous deadline (or the week's start): outside every 24 h window
          { from: deadline - 1.5 * DAY - 4 * HOUR, to: deadline - 1.5 * DAY };
      const fail = FAILS[(j + k) % FAILS.length] as (typeof FAILS)[number];
      entries.push({
        instance: slug,
        from: new Date(down.from).toISOString(),
        to: new Date(down.to).toISOString(),
        ...fail,
      });
      // the first clustered tender's deadline was 3 h earlier; the Pokja moved it during the outage (Perka LKPP
      // 1/2015 lets it shift a schedule by the time lost)
      const changed =
        clustered && j === 0
          ? {
              changedAt: wall(down.from + 2 * HOUR, offset),
              originalStart: wall(deadline - 7 * DAY, offset),
              originalEnd: wall(deadline - 3 * HOUR, offset),
              note: 'Perubahan jadwal karena gangguan akses LPSE',
            }
          : undefined;
      code += 1000;
      list.push(tender(code, `${WORKS[j]} ${j + 1}`, (12 + 9 * j + 4 * k) * 1_000_000_000, deadline, offset, changed));
    }
    byInstance.set(slug, list);
  };
  for (const [k, c] of CLUSTERED.entries()) add(c, k, true);
  for (const [k, c] of CONTROL.entries()) add(c, k, false);
  return {
    instances: [...CLUSTERED, ...CONTROL].map(([s]) => s),
    clustered: CLUSTERED.map(([s]) => s),
    control: CONTROL.map(([s]) => s),
    from,
    to,
    timetable: { entries },
    tenders: (slug, year) => (byInstance.get(slug) ?? []).filter((t) => t.year === year),
  };
}
