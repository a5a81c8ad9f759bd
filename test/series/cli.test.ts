/**
 * `pantau deadlines`: the readable table, JSON and CSV from a data dir with probes and tenders, and one-line errors.
 */
import { beforeAll, expect, test } from 'vitest';
import type { ProbeClass, ProbeRow } from '../../probe/types.ts';
import { parseBound } from '../../src/commands/deadlines.ts';
import { UserError } from '../../src/errors.ts';
import { formatMinutes, formatRupiah, localTime } from '../../src/series/format.ts';
import { openSeries } from '../../src/series/store.ts';
import { runPantau, tempDir } from '../helpers.ts';

const MIN10 = 600_000;
const T0 = Date.parse('2026-08-01T00:00:00Z');
const DEADLINE = Date.parse('2026-08-05T13:00:00Z'); // 20:00 WIB
const dir = tempDir();

beforeAll(async () => {
  const s = await openSeries(dir, { keepOpen: true });
  const rows: ProbeRow[] = [];
  for (let t = T0; t <= T0 + 7 * 86_400_000; t += MIN10) {
    // down from 14:00 to 19:00 WIB on the deadline day, and two hours on the 3rd
    const down =
      (t >= DEADLINE - 6 * 3_600_000 && t < DEADLINE - 3_600_000) ||
      (t >= T0 + 2 * 86_400_000 && t < T0 + 2 * 86_400_000 + 2 * 3_600_000);
    const cls: ProbeClass = down ? 'timeout' : 'up';
    const iso = new Date(t).toISOString();
    rows.push({
      round: iso,
      instance: 'baritotimurkab',
      url: 'u',
      form: 'central',
      at: iso,
      class: cls,
      status: null,
      latencyMs: 1,
      errorCode: null,
      version: null,
      detail: null,
    });
  }
  await s.appendProbes(rows);
  await s.upsertTenders(
    [1, 2].map((k) => ({
      instance: 'baritotimurkab',
      code: `1000${k}`,
      kind: 'tender' as const,
      name: `Rehabilitasi Jalan ${k}`,
      value: k * 22_700_000_000,
      stageNow: null,
      stages: [],
      history: [],
      deadline: new Date(DEADLINE).toISOString(),
      readAt: new Date(T0).toISOString(),
    })),
  );
  await s.close();
});

test('formats: rupiah in words, minutes, local time, day bounds on WIB', () => {
  expect(formatRupiah(45_400_000_000)).toBe('Rp 45,4 miliar');
  expect(formatRupiah(1_200_000_000_000)).toBe('Rp 1,2 triliun');
  expect(formatRupiah(19_900_000)).toBe('Rp 19,9 juta');
  expect(formatRupiah(null)).toBe('–');
  expect(formatMinutes(390)).toBe('6 h 30 min');
  expect(formatMinutes(45)).toBe('45 min');
  expect(localTime('2026-08-19T13:00:00.000Z', 420, 'WIB')).toBe('2026-08-19 20:00 WIB');
  expect(parseBound('2026-08-19', 'from')).toBe('2026-08-18T17:00:00.000Z');
  expect(parseBound('2026-08-19', 'to')).toBe('2026-08-19T17:00:00.000Z');
  expect(() => parseBound('2026-02-30', 'to')).toThrow(UserError);
});

test('the table: one line per LPSE with its name, then the tenders hit with their sum', async () => {
  const r = await runPantau(['--data-dir', dir, 'deadlines', '--permutations', '200']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^all LPSEs\s+\S+\s+\S+\s+2\s+2\s+5 h\s+24 h/m);
  expect(r.stdout).toMatch(/^LPSE Kabupaten Barito Timur \(baritotimurkab\)\s+/m);
  expect(r.stdout).toContain('an outage took: 2 tenders, Rp 68,1 miliar; 0 rescheduled after the outage began');
  expect(r.stdout).toMatch(
    /10002\s+Rp 45,4 miliar\s+2026-08-05 20:00 WIB\s+5 h\s+2026-08-05 14:00 WIB \(timeout\)\s+no\s+Rehabilitasi Jalan 2/,
  );
});

test('JSON and CSV for analysts', async () => {
  const j = await runPantau([
    '--data-dir',
    dir,
    'deadlines',
    '--lpse',
    'baritotimurkab',
    '--json',
    '--permutations',
    '100',
  ]);
  expect(j.code).toBe(0);
  const view = JSON.parse(j.stdout);
  expect(view.figures[1]).toMatchObject({ instance: 'baritotimurkab', downMinutesNear: 300, windowHours: 24 });
  expect(view.overlaps).toHaveLength(2);
  const c = await runPantau(['--data-dir', dir, 'deadlines', '--csv', 'tenders', '--window-hours', '2']);
  expect(c.code).toBe(0);
  const lines = c.stdout
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('instance,tender,name,value,deadline,episode,minutes_lost,changed_after');
  // a 2-hour window keeps only the last hour of the outage (it ended an hour before the deadline)
  expect(lines[1]).toBe(
    'baritotimurkab,10001,Rehabilitasi Jalan 1,22700000000,2026-08-05T13:00:00.000Z,baritotimurkab:2026-08-05T07:00:00.000Z,60,false',
  );
});

test('one-line errors: no data yet, a bad option, an unknown LPSE', async () => {
  const empty = await runPantau(['--data-dir', tempDir(), 'deadlines']);
  expect(empty.code).toBe(1);
  expect(empty.stderr).toMatch(/^pantau: no probe data yet in .+: run `pantau probe --once` first\n$/);
  const bad = await runPantau(['--data-dir', dir, 'deadlines', '--window-hours', '0', '--lpse', 'nosuch']);
  expect(bad.stderr).toBe('pantau: --window-hours must be a number above 0 and at most 720, not 0\n');
  const unknown = await runPantau(['--data-dir', dir, 'deadlines', '--lpse', 'nosuch']);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toMatch(/^pantau: no probes of LPSE nosuch in /);
});
