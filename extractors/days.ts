/**
 * Calendar days, written once: a day is a YYYY-MM-DD string in the proleptic Gregorian calendar, and a day
 * number counts days since 1970-01-01. Pure (no I/O, no clock), so `extractors/`, `crawlers/` and `src/` all
 * import it. Days carry no time zone: an outage "pada Senin (7/6/2021)" is 2021-06-07 wherever it is read.
 *
 * @example addDays('2021-06-07', -3) // "2021-06-04"
 */

/** Milliseconds in a calendar day (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A YYYY-MM-DD as a day number (days since 1970-01-01), or null when it is not written so. Like `Date.parse`, a
 * day past a month's end but within 31 rolls over ("2021-02-30" is 2021-03-02); `isCalendarDay` rejects those.
 *
 * @example dayNumber('2021-06-07') // 18785
 */
export function dayNumber(day: string | null | undefined): number | null {
  if (!day || !DAY_RE.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** A day number as YYYY-MM-DD. @example dayString(18785) // "2021-06-07" */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of an instant (milliseconds since the epoch) as YYYY-MM-DD. @example utcDayOf(Date.parse('2021-06-07T23:59:00Z')) // "2021-06-07" */
export function utcDayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The day `n` days after `day` (before, for a negative `n`). Throws a RangeError on a day that is not YYYY-MM-DD,
 * as `Date#toISOString` does on an invalid date: callers pass days they have already read.
 *
 * @example addDays('2021-06-28', 3) // "2021-07-01"
 */
export function addDays(day: string, n: number): string {
  const d = dayNumber(day);
  if (d === null) throw new RangeError(`not a day: ${day}`);
  return dayString(d + n);
}

/**
 * Days from `start` to `end` (negative when `end` comes first), or null when either is not a day.
 *
 * @example diffDays('2021-06-07', '2021-06-09') // 2
 */
export function diffDays(start: string | null | undefined, end: string | null | undefined): number | null {
  const a = dayNumber(start);
  const b = dayNumber(end);
  return a === null || b === null ? null : b - a;
}

/** The weekday of a day, Sunday 0 (as `Date#getUTCDay`). @example weekdayOf('2021-06-07') // 1 (Senin) */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** A YYYY-MM-DD that exists in the calendar (2021-02-30 does not). @example isCalendarDay('2020-02-29') // true */
export function isCalendarDay(v: unknown): v is string {
  if (typeof v !== 'string' || !DAY_RE.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && utcDayOf(t) === v;
}
