/** The deadline views' pure parts: the words and numbers in both languages, the brief's section as data. */
import { describe, expect, test } from 'vitest';
import { utcOffsetOfRegion } from '../../probe/schedules/zones.ts';
import { toBriefDeadlines } from '../../src/brief/deadlines.ts';
import { lpseOffsets } from '../../src/brief/load.ts';
import { formatDateTime, formatFigure, formatMinutes, formatRupiah } from '../../src/i18n.ts';
import { generateTenders } from '../../src/spse-sim/tenders.ts';
import { dailySeries } from '../../src/web/client/page-deadlines.ts';
import { fixedView } from './deadline-fixtures.ts';

describe('words and numbers', () => {
  test.each([
    [22_700_000_000, 'id', 'Rp 22,7 miliar'],
    [22_700_000_000, 'en', 'Rp 22.7 billion'],
    [199_000_000, 'id', 'Rp 199 juta'],
    [1_250_000_000_000, 'id', 'Rp 1,3 triliun'],
    [750_000, 'id', 'Rp 750.000'],
    [null, 'id', 'nilai tidak diketahui'],
  ] as const)('formatRupiah(%s, %s) = %s', (n, lang, want) => {
    expect(formatRupiah(n, lang)).toBe(want);
  });
  test.each([
    ['2026-08-19T13:00:00.000Z', 'id', 7, '19 Agustus 2026 20:00 WIB'],
    ['2026-08-19T13:00:00.000Z', 'en', 8, '19 August 2026 21:00 WITA'],
    ['2026-08-31T16:30:00.000Z', 'id', 9, '1 September 2026 01:30 WIT'],
  ] as const)('formatDateTime(%s, %s, %i) = %s', (iso, lang, offset, want) => {
    expect(formatDateTime(iso, lang, offset)).toBe(want);
  });
  test.each([
    [365, 'id', '6 jam 5 menit'],
    [360, 'en', '6 h'],
    [45, 'id', '45 menit'],
    [0, 'en', '0 min'],
  ] as const)('formatMinutes(%i, %s) = %s', (m, lang, want) => {
    expect(formatMinutes(m, lang)).toBe(want);
  });
  test('figures: "–" when undefined, small p-values keep their digits', () => {
    expect(formatFigure(null, 'id')).toBe('–');
    expect(formatFigure(0.0042, 'id')).toBe('0,0042');
    expect(formatFigure(12.3456, 'en')).toBe('12.35');
  });
});

describe('the brief section as data', () => {
  test('totals count a tender once, its minutes lost summed over the episodes that hit it', () => {
    const view = fixedView();
    // A second episode over the same tender's window.
    view.overlaps.push({ ...view.overlaps[1]!, episode: 'baritotimurkab:2026-08-19T00:00:00.000Z', minutesLost: 30 });
    const d = toBriefDeadlines(view, ['baritotimurkab'], { baritotimurkab: 'LPSE Kabupaten Barito Timur' })!;
    expect(d.totals).toEqual({
      tenders: 2,
      value: 22_700_000_000 + 4_400_000_000,
      maxMinutesLost: 390,
      changedAfter: 1,
      deadlines: 3,
      episodes: 3,
      observedDays: 30,
    });
    expect(d.figures.map((f) => f.instance)).toEqual(['baritotimurkab']);
    expect(d.overlaps.map((o) => o.deadline)).toEqual([
      '2026-08-19T13:00:00.000Z',
      '2026-08-19T13:00:00.000Z',
      '2026-08-12T09:00:00.000Z',
    ]);
  });
  test('null without data for the area, or without a view', () => {
    expect(toBriefDeadlines(fixedView(), ['luwuutarakab'])).toBeNull();
    expect(toBriefDeadlines(null, ['baritotimurkab'])).toBeNull();
    expect(toBriefDeadlines(fixedView(), [])).toBeNull();
  });
});

describe('the chart series', () => {
  test('consecutive days, uptime summed over instances, deadlines on their WIB day', () => {
    const s = dailySeries({
      ...fixedView(),
      availability: fixedView().availability.filter((a) => a.day !== '2026-08-10'),
    });
    expect(s.days).toHaveLength(30);
    expect(s.uptime[9]).toBeNull(); // 10 Agustus: no probe at all
    expect(s.uptime[11]).toBe(Math.round((1000 * (2880 - 300)) / 2880) / 10);
    expect(s.days.filter((_, i) => s.marks[i]!.length)).toEqual([
      '2026-08-12',
      '2026-08-14',
      '2026-08-19',
      '2026-08-21',
    ]);
  });
});

describe('time zones', () => {
  test.each([
    ['62.13', 7], // Kabupaten Barito Timur, Kalimantan Tengah: WIB
    ['73.22', 8], // Kabupaten Luwu Utara, Sulawesi Selatan: WITA
    ['64', 8], // Kalimantan Timur
    ['51.71', 8], // Kota Denpasar
    ['81.01', 9], // Maluku
    ['94.71', 9], // Papua
    [null, 7], // a national institution: Jakarta
  ] as const)('utcOffsetOfRegion(%s) = %i', (code, want) => {
    expect(utcOffsetOfRegion(code)).toBe(want);
  });
  test('the instances of lpse-table.json', () => {
    expect(lpseOffsets(['baritotimurkab', 'luwuutarakab', 'nasional', 'nosuchlpse'])).toEqual({
      baritotimurkab: 7,
      luwuutarakab: 8,
      nasional: 7,
    });
  });
  test("a deadline falls on the LPSE's own day: 00:30 WITA is the next day, 23:30 WIB the same", () => {
    const view = {
      ...fixedView(),
      availability: [],
      deadlines: [
        { instance: 'luwuutarakab', tender: '1', name: 'A', value: null, deadline: '2026-08-19T16:30:00.000Z' },
        { instance: 'baritotimurkab', tender: '2', name: 'B', value: null, deadline: '2026-08-19T16:30:00.000Z' },
      ],
    };
    const s = dailySeries({ ...view, offsets: { luwuutarakab: 8, baritotimurkab: 7 } });
    expect(s.days).toEqual(['2026-08-19', '2026-08-20']);
    expect(s.marks).toEqual([['B'], ['A']]);
    expect(formatDateTime('2026-08-19T16:30:00.000Z', 'id', 8)).toBe('20 Agustus 2026 00:30 WITA');
  });
});

describe('the generator', () => {
  test('the same seed gives the same tenders; another seed others; codes unique', () => {
    const a = generateTenders('bartimkab', 2026, { seed: 3 });
    expect(generateTenders('bartimkab', 2026, { seed: 3 })).toEqual(a);
    expect(generateTenders('bartimkab', 2026, { seed: 4 }).map((t) => t.code)).not.toEqual(a.map((t) => t.code));
    expect(new Set(a.map((t) => t.code)).size).toBe(a.length);
    // the fixture tenders are in 2026 only
    expect(generateTenders('bartimkab', 2025, { seed: 3 }).some((t) => t.code === '10090001000')).toBe(false);
  });
});
