/**
 * The deadline views' server side: `/api/deadlines?lpse=&from=&to=&window=` checked into a `DeadlineQuery`, and
 * the time-series store (probe/types.ts `SeriesStore`) opened for one question and closed after it.
 */
import type { DeadlineQuery, DeadlineView, SeriesStore } from '../../probe/types.ts';
import { BadRequest, checkDate, checkNames } from './validate.ts';

/** An instance slug as in crawlers/lpse-table.json (`acehbaratkab`, `nasional`). */
const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Opens the store for one question (the app closes it after): the real one is DuckDB under the data dir. */
export type SeriesOpener = () => SeriesStore | Promise<SeriesStore>;

/** A calendar day in Indonesia's western time (WIB), the zone of the app's dates, as an instant. */
function dayBound(day: string, end: boolean): string {
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+07:00`).toISOString();
}

/**
 * The query of `/api/deadlines`: one LPSE (its slug) or all, a period of calendar days (WIB), the window in hours.
 * @example parseDeadlineQuery(new URLSearchParams('lpse=baritotimurkab&from=2026-08-01&to=2026-08-31'))
 */
export function parseDeadlineQuery(q: URLSearchParams): DeadlineQuery {
  checkNames(q, ['lpse', 'from', 'to', 'window', 'lang']);
  const lpse = q.get('lpse') || undefined;
  if (lpse !== undefined && !SLUG_RE.test(lpse))
    throw new BadRequest('lpse must be an LPSE slug such as baritotimurkab', 'lpse');
  const from = q.get('from') || undefined;
  const to = q.get('to') || undefined;
  if (from) checkDate(from, 'from');
  if (to) checkDate(to, 'to');
  if (from && to && from > to) throw new BadRequest('from is after to', 'from');
  const w = q.get('window');
  const windowHours = w ? Number(w) : undefined;
  if (windowHours !== undefined && !(Number.isInteger(windowHours) && windowHours >= 1 && windowHours <= 720))
    throw new BadRequest('window must be a whole number of hours from 1 to 720', 'window');
  return {
    ...(lpse ? { instance: lpse } : {}),
    ...(from ? { from: dayBound(from, false) } : {}),
    ...(to ? { to: dayBound(to, true) } : {}),
    ...(windowHours ? { windowHours } : {}),
  };
}

/** Runs `fn` on a freshly opened store and closes it, whatever happens. */
export async function withSeries<T>(open: SeriesOpener, fn: (s: SeriesStore) => Promise<T>): Promise<T> {
  const store = await open();
  try {
    return await fn(store);
  } finally {
    await store.close().catch(() => {});
  }
}

/** The view, or null when the store has nothing for the question (no probe and no deadline in it). */
export function hasDeadlineData(v: DeadlineView | null | undefined): v is DeadlineView {
  return Boolean(
    v && (v.availability.some((d) => d.observedMinutes > 0) || v.deadlines.length > 0 || v.overlaps.length > 0),
  );
}
