import { describe, expect, test } from 'vitest';
import { isoDay, parseDates } from '../../../extractors/dates/index.ts';
import { pastLeaningYear } from '../../../extractors/dates/refiners/year-inference.ts';

const first = (text: string, published: string | null = null, years: number[] = []) => {
  const d = parseDates(text, { published, years })[0];
  return d ? { text: d.text, start: isoDay(d.start), end: d.end ? isoDay(d.end) : null } : null;
};

describe('weekday + (d/m) parser', () => {
  test.each([
    ['Rabu (1/4)', 'terang Didik, Rabu (1/4).', '2015-04-02', '2015-04-01'],
    ['with a year', 'kata dia, Selasa (6/8/2019) di kantornya.', null, '2019-08-06'],
    ['space inside', 'Ucapnya. Sabtu (4/7/ 2020)', null, '2020-07-04'],
    ['part of day between', 'tidak bisa diakses sejak Jumat sore (26/5/2023).', null, '2023-05-26'],
    ['two-digit month', 'pada Rabu (26/08) tidak bisa di akses', '2020-08-27', '2020-08-26'],
  ])('%s', (_name, text, published, expected) => {
    const d = first(text, published);
    expect(d?.start).toBe(expected);
    expect(d?.text).toMatch(/^(?:Rabu|Selasa|Sabtu|Jumat)/);
  });
});

describe('year inference refiner', () => {
  test.each([
    ['from the publication date', 'Senin (3/3) pukul 10.00 WIB', '2014-03-12', [], '2014-03-03'],
    ['past leaning across new year', 'sejak Jumat (27/12)', '2020-01-05', [], '2019-12-27'],
    ['past leaning without a weekday', 'sejak 28 Desember lalu', '2021-01-04', [], '2020-12-28'],
    ['weekday picks among years the text mentions', 'Sejak Jumat (27/3) server mati', null, [2012, 2015], '2015-03-27'],
    [
      'weekday with the year of a range elsewhere',
      'sejak Senin (7/6) hingga sekarang',
      null,
      [2012, 2021],
      '2021-06-07',
    ],
  ])('%s', (_name, text, published, years, expected) => {
    expect(first(text, published, years)?.start).toBe(expected);
  });

  test.each([
    ['no publication date, no year in the text', 'Gangguan sejak Rabu (17/5) pagi tadi', null, []],
    ['no publication date and no weekday', 'sejak 21 Agustus lalu', null, [2015]],
    ['two candidate years fit the weekday', 'sejak Rabu (1/4)', null, [2015, 2020]],
  ])('unknown year stays unknown: %s', (_name, text, published, years) => {
    const d = parseDates(text, { published, years })[0];
    expect(d).toBeDefined();
    expect(isoDay(d!.start)).toBeNull();
  });

  test('a weekday that contradicts an explicit date drops the date', () => {
    // 1 April 2015 was a Wednesday (Rabu), not a Monday (Senin)
    expect(parseDates('Senin (1/4/2015)', { published: null, years: [] })).toEqual([]);
  });

  test('a weekday that contradicts the publication year drops the date', () => {
    // in 2016, 1 April was a Friday
    expect(parseDates('Rabu (1/4)', { published: '2016-04-05', years: [] })).toEqual([]);
  });

  test.each([
    // 5 March 2024 was a Tuesday; 5 March 2023 a Sunday (Minggu)
    ['a year before the publication, not named in the text', 'Minggu (5/3)', '2024-03-10', [2024], []],
    ['a year the text names fits the weekday', 'Minggu (5/3)', '2024-03-10', [2024, 2023], ['2023-03-05']],
    ['no publication date: the year before a named one may fit', 'Minggu (5/3)', null, [2024], ['2023-03-05']],
  ])('weekday against the years: %s', (_name, text, published, years, want) => {
    expect(parseDates(text, { published, years }).map((d) => isoDay(d.start))).toEqual(want);
  });

  test.each([
    ['2015-04-02', 3, 27, 2015],
    ['2015-04-02', 12, 27, 2014],
    ['2015-04-02', 4, 3, 2015],
    ['2015-04-02', 4, 10, 2014],
  ])('pastLeaningYear(%s, %i, %i) = %i', (published, month, day, year) => {
    expect(pastLeaningYear(published, month, day)).toBe(year);
  });
});

describe('ranges', () => {
  test.each([
    ['weekday dates', 'Sejak Jumat (27/3) hingga Senin (30/3) server mati', null, [2015], '2015-03-27', '2015-03-30'],
    ['day to day of one month', 'sejak tanggal 7 hingga 9 Juni 2021 masih belum', null, [], '2021-06-07', '2021-06-09'],
    ['across months, year at the end', 'dari 27 September hingga 2 Oktober 2020', null, [], '2020-09-27', '2020-10-02'],
    ['across a new year', 'sejak 28 Desember hingga 3 Januari 2021', null, [], '2020-12-28', '2021-01-03'],
    ['"hingga sekarang" is no end', 'sejak Senin (7/6) hingga sekarang', '2021-06-09', [], '2021-06-07', null],
    ['"hingga saat ini" is no end', 'sejak Jumat (28/5/2021) hingga saat ini', '2021-05-30', [], '2021-05-28', null],
  ])('%s', (_name, text, published, years, start, end) => {
    const d = first(text, published, years);
    expect(d?.start).toBe(start);
    expect(d?.end).toBe(end);
  });
});

describe('time zones', () => {
  test.each([
    ['WIB early morning stays the same day', 'pada tanggal 20 Juni 2024 pukul 04.15 WIB', '2024-06-20'],
    ['WITA', 'tanggal 16 Juni 2020 pukul 00.30 WITA', '2020-06-16'],
    ['WIT late evening', 'pukul 23.30 WIT tanggal 3 Januari 2022', '2022-01-03'],
  ])('%s', (_name, text, expected) => {
    expect(first(text)?.start).toBe(expected);
  });
});

describe('relative dates', () => {
  test('"kemarin" resolves against the publication date', () => {
    const d = parseDates('Server mati kemarin.', { published: '2018-03-01', years: [] })[0];
    expect(isoDay(d!.start)).toBe('2018-02-28');
    expect(d?.relative).toBe(true);
  });

  test('without a publication date relative words give nothing', () => {
    expect(parseDates('Server mati kemarin dan hari ini.', { published: null, years: [] })).toEqual([]);
  });
});

describe('DayRangeParser', () => {
  test.each([
    ['Senin dan Selasa (3-4/2/2025)', [2025, 2, 3, 1], [2025, 2, 4, 2]],
    ['Sabtu-Minggu (18-19/5/2024)', [2024, 5, 18, 6], [2024, 5, 19, 0]],
    ['12-14 Agustus 2023', [2023, 8, 12, null], [2023, 8, 14, null]],
    ['tanggal 12-14/8/2023', [2023, 8, 12, null], [2023, 8, 14, null]],
  ])('%s', (text, [y1, m1, d1, w1], [y2, m2, d2, w2]) => {
    const [r] = parseDates(text, { published: '2025-02-05', years: [] });
    expect(r?.start).toEqual({ year: y1, month: m1, day: d1, weekday: w1 });
    expect(r?.end).toEqual({ year: y2, month: m2, day: d2, weekday: w2 });
  });

  test('a weekday pair that contradicts the days makes the range unknown', () => {
    expect(parseDates('Senin dan Selasa (4-5/2/2025)', { published: '2025-02-06', years: [] })).toEqual([]);
  });

  test('numbers that are no dates are left alone', () => {
    expect(parseDates('Nomor 027/214/LPSE/VIII/2025, skor 2-1', { published: '2025-02-06', years: [] })).toEqual([]);
  });
});

describe('RelativeDayPartParser', () => {
  test.each([
    ['"tadi pagi" is the publication day', 'LPSE Kota Ambon mati sejak tadi pagi.', '2024-10-15', '2024-10-15', null],
    ['"pagi tadi" too', 'LPSE Kota Ambon mati sejak pagi tadi.', '2024-10-15', '2024-10-15', null],
    ['"sore ini" too', 'LPSE Kota Ambon mati sejak sore ini.', '2024-10-15', '2024-10-15', null],
    ['"sore kemarin" is the day before', 'LPSE Kota Ambon mati sejak sore kemarin.', '2024-10-15', '2024-10-14', null],
    [
      '"pagi hingga sore kemarin" is a range on the day before',
      'LPSE Kabupaten Ketapang down sejak pagi hingga sore kemarin.',
      '2023-11-22',
      '2023-11-21',
      '2023-11-21',
    ],
  ])('%s', (_name, text, published, start, end) => {
    const [d] = parseDates(text, { published, years: [] });
    expect(d?.relative).toBe(true);
    expect(isoDay(d!.start)).toBe(start);
    expect(d?.end ? isoDay(d.end) : null).toBe(end);
  });

  test('"malam ini" (tonight) and a bare part of the day fix no day of their own', () => {
    const found = parseDates('Perbaikan dilakukan malam ini, bukan pada pagi hari.', {
      published: '2024-10-15',
      years: [],
    });
    expect(found.filter((d) => /pagi/i.test(d.text))).toEqual([]);
  });

  test('without a publication date nothing is read', () => {
    expect(parseDates('LPSE Kota Ambon mati sejak tadi pagi.', { published: null, years: [] })).toEqual([]);
  });
});

describe('ranges written with "dan" or begun by a bare weekday', () => {
  test('"8 dan 9 Juli 2024": two days in a row', () => {
    expect(first('LPSE Kabupaten Gowa mati pada 8 dan 9 Juli 2024.')).toEqual({
      text: '8 dan 9 Juli 2024',
      start: '2024-07-08',
      end: '2024-07-09',
    });
  });

  test('"8 dan 10 Juli 2024" are two days, not a range', () => {
    expect(first('LPSE Kabupaten Gowa mati pada 8 dan 10 Juli 2024.')?.end).toBeNull();
  });

  test('"sejak Senin hingga Rabu (10/7)": the dated end is read on its own', () => {
    expect(first('LPSE Kabupaten Gowa mati sejak Senin hingga Rabu (10/7).', '2024-07-12')).toEqual({
      text: 'Rabu (10/7)',
      start: '2024-07-10',
      end: null,
    });
  });

  test('a range end without a date is kept as written', () => {
    const [d] = parseDates('LPSE Kabupaten Gowa mati sejak Senin (8/7/2024) pagi hingga Selasa sore.', {
      published: '2024-07-12',
      years: [],
    });
    expect(d?.end).toBeNull();
    expect(d?.openEnd).toBe('hingga Selasa sore');
  });
});
