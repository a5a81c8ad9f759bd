import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, dayNumber, dayString, diffDays, isCalendarDay, utcDayOf, weekdayOf } from '../../extractors/days.ts';
import { hostOf, siteHostOf } from '../../extractors/hosts.ts';

describe('days', () => {
  test('day numbers, adding and differences across month, year and leap-day ends', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2021-06-07')).toBe(18785);
    expect(dayString(18785)).toBe('2021-06-07');
    expect(addDays('2021-06-28', 3)).toBe('2021-07-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(diffDays('2021-06-07', '2021-06-09')).toBe(2);
    expect(diffDays('2021-06-09', '2021-06-07')).toBe(-2);
    expect(weekdayOf('2021-06-07')).toBe(1); // Senin
    expect(utcDayOf(Date.parse('2021-06-07T23:59:59Z'))).toBe('2021-06-07');
  });

  test('what is not a day', () => {
    for (const v of ['', '2021-6-7', '07/06/2021', '2021-06-07T10:00', '2021-13-01', null, undefined])
      expect(dayNumber(v)).toBeNull();
    expect(diffDays('2021-06-07', null)).toBeNull();
    expect(() => addDays('7 Juni 2021', 1)).toThrow(RangeError);
    expect(isCalendarDay('2020-02-29')).toBe(true);
    expect(isCalendarDay('2021-02-29')).toBe(false);
    expect(isCalendarDay('2021-04-31')).toBe(false);
    expect(isCalendarDay(20210607)).toBe(false);
  });

  test('adding n days and the difference are inverse, and every result is a calendar day', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const start = utcDayOf(d.getTime());
        const end = addDays(start, n);
        return isCalendarDay(end) && diffDays(start, end) === n && dayString(dayNumber(start)! + n) === end;
      }),
      { numRuns: 300 },
    );
  });
});

describe('hosts', () => {
  test('host of a URL, lower-case, without user or port', () => {
    expect(hostOf('https://WWW.Detik.com:443/berita/d-123')).toBe('www.detik.com');
    expect(hostOf('http://user@lpse.baritotimurkab.go.id/eproc4')).toBe('lpse.baritotimurkab.go.id');
    expect(siteHostOf(' https://www.kompas.com/x ')).toBe('kompas.com');
    for (const v of [null, undefined, '', '/berita/1', 'not a url']) expect(hostOf(v)).toBeNull();
  });
});
