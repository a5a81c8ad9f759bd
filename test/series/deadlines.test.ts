/**
 * The deadline correlation on a scripted timetable: three instances probed every 10 minutes for 30 days, one with
 * outages placed in the hours before its bid deadlines, one with outages away from them, one never down. The
 * expected minutes, ratio and overlaps are computed here minute by minute (plain counting over arrays, not the
 * interval code under test).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ProbeClass, ProbeRow, Tender } from '../../probe/types.ts';
import { type DuckSeries, openSeries } from '../../src/series/store.ts';
import { tempDir } from '../helpers.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-07-01T00:00:00Z');
const DAYS = 30;
const END = T0 + DAYS * DAY; // the last probe is at END (rounds T0, T0 + 10 min, …, END)

/** Deadlines at 16:00 WIB (09:00 UTC) on irregular days, as tenders come. */
const DEADLINE_DAYS = [2, 4, 7, 9, 13, 15, 19, 22, 25, 28];
const deadline = (day: number) => T0 + day * DAY + 9 * HOUR;

interface Outage {
  start: number;
  end: number;
  cls: ProbeClass;
}
const h = (day: number, hour: number) => T0 + day * DAY + hour * HOUR;
const TIMETABLE: Record<string, Outage[]> = {
  // clustered: 8 of its 10 deadlines lose hours of their last day; two outages elsewhere
  lpseclustered: [
    ...[2, 4, 7, 9, 13, 15, 19, 22].map((d, k) => ({
      start: deadline(d) - (3 + (k % 3)) * HOUR,
      end: deadline(d) - HOUR + (k % 2) * 30 * MIN,
      cls: (k % 2 ? 'timeout' : 'spse-error') as ProbeClass,
    })),
    { start: h(11, 1), end: h(11, 3), cls: 'http-5xx' },
    { start: h(26, 14), end: h(26, 16), cls: 'http-5xx' },
  ],
  // control: the same kind of outages, on days and hours unrelated to its deadlines
  lpsecontrol: [
    { start: h(1, 2), end: h(1, 4), cls: 'timeout' },
    { start: h(5, 20), end: h(5, 23), cls: 'timeout' },
    { start: h(8, 15), end: h(8, 17), cls: 'cloudflare' },
    { start: h(11, 5), end: h(11, 8), cls: 'timeout' },
    { start: h(16, 22), end: h(17, 1), cls: 'dns' },
    { start: h(20, 12), end: h(20, 14), cls: 'timeout' },
    { start: h(23, 18), end: h(23, 20), cls: 'timeout' },
    { start: h(27, 3), end: h(27, 6), cls: 'timeout' },
    { start: h(29, 10), end: h(29, 12), cls: 'timeout' },
  ],
  lpsesteady: [],
};
// a blip (one failed round) is not an episode and must not count
const BLIPS: Record<string, number[]> = { lpsesteady: [h(3, 9) - HOUR] };

function probesOf(instance: string, from: number, to: number): ProbeRow[] {
  const rows: ProbeRow[] = [];
  for (let t = from; t < to; t += 10 * MIN) {
    const down = TIMETABLE[instance]!.find((o) => t >= o.start && t < o.end);
    const blip = BLIPS[instance]?.includes(t);
    const cls: ProbeClass = down ? down.cls : blip ? 'timeout' : 'up';
    const iso = new Date(t).toISOString();
    rows.push({
      round: iso,
      instance,
      url: `https://spse.inaproc.id/${instance}`,
      form: 'central',
      at: iso,
      class: cls,
      status: cls === 'up' ? 200 : null,
      latencyMs: 200,
      errorCode: cls === 'spse-error' ? '81kep4jo9' : null,
      version: '4.5u20250321',
      detail: null,
    });
  }
  return rows;
}

function tenders(instance: string): Tender[] {
  return DEADLINE_DAYS.map((d, k) => ({
    instance,
    code: `${instance}-${k}`,
    kind: 'tender',
    name: `Paket ${k}`,
    value: (k + 1) * 1_000_000_000,
    stageNow: 'Upload Dokumen Penawaran',
    stages: [
      {
        name: 'Upload Dokumen Penawaran',
        start: new Date(deadline(d) - 5 * DAY).toISOString(),
        end: new Date(deadline(d)).toISOString(),
        changes: k < 2 ? 1 : 0,
      },
    ],
    // tender 0: changed the day after its outage began; tender 1: changed before it
    history:
      k === 0
        ? [
            {
              stage: 'Upload Dokumen Penawaran',
              changedAt: new Date(deadline(d) + DAY).toISOString(),
              originalStart: null,
              originalEnd: null,
              note: null,
            },
          ]
        : k === 1
          ? [
              {
                stage: 'Upload Dokumen Penawaran',
                changedAt: new Date(deadline(d) - 3 * DAY).toISOString(),
                originalStart: null,
                originalEnd: null,
                note: null,
              },
            ]
          : [],
    deadline: new Date(deadline(d)).toISOString(),
    readAt: new Date(T0).toISOString(),
  }));
}

let store: DuckSeries;
beforeAll(async () => {
  store = await openSeries(tempDir(), { keepOpen: true, retentionDays: null });
  for (let day = 0; day < DAYS; day++) {
    const rows = Object.keys(TIMETABLE).flatMap((i) => probesOf(i, T0 + day * DAY, T0 + (day + 1) * DAY));
    await store.appendProbes(rows);
  }
  await store.appendProbes(Object.keys(TIMETABLE).flatMap((i) => probesOf(i, END, END + 1)));
  await store.upsertTenders(Object.keys(TIMETABLE).flatMap(tenders));
});
afterAll(async () => {
  await store?.close();
});

/** Minute by minute over the observed period: near (inside some window), down (inside some outage). */
function expected(instance: string, windowHours: number) {
  const minutes = (END - T0) / MIN;
  const near = new Uint8Array(minutes);
  const down = new Uint8Array(minutes);
  for (const d of DEADLINE_DAYS.map(deadline)) {
    for (let m = 0; m < minutes; m++) {
      const t = T0 + m * MIN;
      if (t >= d - windowHours * HOUR && t < d) near[m] = 1;
    }
  }
  for (const o of TIMETABLE[instance]!) {
    for (let m = 0; m < minutes; m++) {
      const t = T0 + m * MIN;
      if (t >= o.start && t < o.end) down[m] = 1;
    }
  }
  let nearObs = 0;
  let nearDown = 0;
  let elseObs = 0;
  let elseDown = 0;
  for (let m = 0; m < minutes; m++) {
    if (near[m]) {
      nearObs++;
      nearDown += down[m]!;
    } else {
      elseObs++;
      elseDown += down[m]!;
    }
  }
  return { nearObs, nearDown, elseObs, elseDown };
}

test('per instance: observed and down minutes near deadlines and elsewhere, the ratio, a small p only where outages cluster', async () => {
  const view = await store.deadlineView({ permutations: 2000 });
  expect(view.query).toMatchObject({ windowHours: 24, permutations: 2000, seed: 15 });
  const sums = { nearObs: 0, nearDown: 0, elseObs: 0, elseDown: 0 };
  for (const instance of Object.keys(TIMETABLE)) {
    const want = expected(instance, 24);
    for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += want[k];
    const fig = view.figures.find((f) => f.instance === instance)!;
    expect(fig.observedMinutesNear).toBe(want.nearObs);
    expect(fig.observedMinutesElsewhere).toBe(want.elseObs);
    expect(fig.downMinutesNear).toBe(want.nearDown);
    expect(fig.downMinutesElsewhere).toBe(want.elseDown);
    if (want.elseDown > 0) {
      expect(fig.ratio).toBeCloseTo(want.nearDown / want.nearObs / (want.elseDown / want.elseObs), 9);
    } else expect(fig.ratio).toBeNull();
    expect(fig.deadlines).toHaveLength(DEADLINE_DAYS.length);
    expect(fig.episodes).toHaveLength(TIMETABLE[instance]!.length);
  }
  const byName = Object.fromEntries(view.figures.map((f) => [f.instance ?? 'all', f]));
  expect(byName.lpseclustered!.ratio!).toBeGreaterThan(5);
  // a rotation cannot do better than about window / period (1 day in 30): this is near that floor
  expect(byName.lpseclustered!.pValue!).toBeLessThan(0.05);
  expect(byName.lpsecontrol!.pValue!).toBeGreaterThan(0.3);
  expect(byName.lpsesteady!.pValue).toBe(1); // never down: every draw is as extreme
  // overall first, pooled from the same minutes
  expect(view.figures[0]!.instance).toBeNull();
  expect(view.figures[0]).toMatchObject({
    observedMinutesNear: sums.nearObs,
    downMinutesNear: sums.nearDown,
    downMinutesElsewhere: sums.elseDown,
  });
  expect(view.figures[0]!.ratio).toBeCloseTo(sums.nearDown / sums.nearObs / (sums.elseDown / sums.elseObs), 9);
});

test('the figures follow --window-hours and --from/--to, and the p-value repeats, alone or among others', async () => {
  const six = await store.deadlineView({ instance: 'lpseclustered', windowHours: 6, permutations: 500 });
  const want = expected('lpseclustered', 6);
  expect(six.figures.map((f) => f.instance)).toEqual([null, 'lpseclustered']);
  expect(six.figures[1]).toMatchObject({ observedMinutesNear: want.nearObs, downMinutesNear: want.nearDown });
  const all = await store.deadlineView({ windowHours: 6, permutations: 500 });
  expect(all.figures.find((f) => f.instance === 'lpseclustered')!.pValue).toBe(six.figures[1]!.pValue);
  const other = await store.deadlineView({ instance: 'lpseclustered', windowHours: 6, permutations: 500, seed: 7 });
  expect(other.figures[1]!.pValue).not.toBe(six.figures[1]!.pValue);
  // the first ten days only: three deadlines (days 2, 4, 7) and the outages before them
  const part = await store.deadlineView({
    instance: 'lpseclustered',
    from: new Date(T0).toISOString(),
    to: new Date(T0 + 10 * DAY).toISOString(),
    permutations: 100,
  });
  expect(part.figures[1]!.deadlines.map((d) => d.deadline)).toEqual(
    [2, 4, 7, 9].map((d) => new Date(deadline(d)).toISOString()),
  );
  expect(part.figures[1]!.observedMinutesNear + part.figures[1]!.observedMinutesElsewhere).toBe(10 * 24 * 60);
});

test('overlaps: every tender whose last 24 h an episode hit, with the minutes lost and whether it was rescheduled after', async () => {
  const view = await store.deadlineView({ permutations: 10 });
  const want: { tender: string; minutes: number; changedAfter: boolean }[] = [];
  for (const instance of Object.keys(TIMETABLE)) {
    for (const t of tenders(instance)) {
      const d = Date.parse(t.deadline!);
      for (const o of TIMETABLE[instance]!) {
        let minutes = 0;
        for (let x = o.start; x < o.end; x += MIN) if (x >= d - DAY && x < d) minutes++;
        if (minutes > 0) {
          const changedAfter = t.history.some((c) => Date.parse(c.changedAt!) >= o.start);
          want.push({ tender: t.code, minutes, changedAfter });
        }
      }
    }
  }
  const got = view.overlaps.map((o) => ({ tender: o.tender, minutes: o.minutesLost, changedAfter: o.changedAfter }));
  const key = (x: { tender: string; minutes: number }) => `${x.tender}|${x.minutes}`;
  expect(got.map(key).sort()).toEqual(want.map(key).sort());
  expect(want.length).toBeGreaterThanOrEqual(8);
  expect(got.find((o) => o.tender === 'lpseclustered-0')!.changedAfter).toBe(true);
  expect(got.find((o) => o.tender === 'lpseclustered-1')!.changedAfter).toBe(false);
  const first = view.overlaps.find((o) => o.tender === 'lpseclustered-0')!;
  expect(first).toMatchObject({ instance: 'lpseclustered', name: 'Paket 0', value: 1_000_000_000 });
  expect(first.episode).toBe(`lpseclustered:${new Date(TIMETABLE.lpseclustered![0]!.start).toISOString()}`);
});

test('daily availability in the instance zone, a blip excluded, episodes listed with their class', async () => {
  const view = await store.deadlineView({ instance: 'lpseclustered', permutations: 0 });
  const days = view.availability.filter((a) => a.instance === 'lpseclustered');
  expect(days.reduce((n, d) => n + d.observedMinutes, 0)).toBe(DAYS * 24 * 60);
  expect(days.reduce((n, d) => n + d.downMinutes, 0)).toBe(
    TIMETABLE.lpseclustered!.reduce((n, o) => n + (o.end - o.start) / MIN, 0),
  );
  // WIB days: the first starts at 07:00 on the first UTC day, so 17 observed hours
  expect(days[0]).toMatchObject({ day: '2026-07-01', observedMinutes: 17 * 60 });
  const steady = await store.deadlineView({ instance: 'lpsesteady', permutations: 0 });
  expect(steady.episodes).toEqual([]);
  expect(view.episodes.map((e) => e.class).slice(0, 2)).toEqual(['spse-error', 'timeout']);
  expect(view.figures[1]!.pValue).toBeNull(); // no permutations asked
});
