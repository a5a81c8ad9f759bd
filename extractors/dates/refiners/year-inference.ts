/**
 * Resolves the year of a date the text leaves without one, as SCHEMA.md asks: from the publication date, leaning
 * to the past (news reports what happened), and checked against the weekday when one is given ("Rabu (1/4)" in a
 * 2015 article is 2015-04-01, a Wednesday). Without a publication date, a weekday can still pick the year among
 * the years the text (or its URL) mentions; otherwise the year stays unknown. A weekday that contradicts an
 * explicit date makes the date unknown. A chrono Refiner.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

export interface YearHints {
  /** Publication date YYYY-MM-DD, or null. */
  published: string | null;
  /** Years mentioned in the text or the URL. */
  years: number[];
}

/** Option key chrono passes through to refiners. */
export const YEAR_HINTS_OPTION = 'pantauYearHints';

const dayOfWeek = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
const validDay = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

/** The year a day/month without a year most likely has, given the publication date: not after it (news leans past). */
export function pastLeaningYear(published: string, month: number, day: number): number {
  const [py, pm, pd] = published.split('-').map(Number) as [number, number, number];
  const afterPublication = month > pm || (month === pm && day > pd + 1);
  return afterPublication ? py - 1 : py;
}

/** The year a range's end takes from its start: the next one when the end's day comes earlier in the year. */
function rangeEndYear(r: ParsingResult): number | null {
  const y = r.start.get('year');
  if (!y || !r.end) return y ?? null;
  const [sm, sd, em, ed] = [r.start.get('month'), r.start.get('day'), r.end.get('month'), r.end.get('day')];
  // "sejak 28 Desember hingga 2 Januari"
  return (em ?? 0) < (sm ?? 0) || ((em ?? 0) === (sm ?? 0) && (ed ?? 0) < (sd ?? 0)) ? y + 1 : y;
}

export class YearInferenceRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const hints = (context.option as Record<string, unknown>)[YEAR_HINTS_OPTION] as YearHints | undefined;
    const out: ParsingResult[] = [];
    for (const r of results) {
      if (this.fix(r.start, hints) && (!r.end || this.fix(r.end, hints, rangeEndYear(r)))) out.push(r);
    }
    return out;
  }

  /** Returns false when the date cannot stand (weekday contradicts it). Marks an unresolved year as implied. */
  private fix(c: ParsingResult['start'], hints: YearHints | undefined, rangeYear?: number | null): boolean {
    const day = c.get('day');
    const month = c.get('month');
    if (!day || !month || !c.isCertain('day') || !c.isCertain('month')) return true;
    const weekday = c.isCertain('weekday') ? c.get('weekday') : null;
    if (c.isCertain('year')) {
      const y = c.get('year') ?? 0;
      if (weekday !== null && weekday !== undefined && validDay(y, month, day) && dayOfWeek(y, month, day) !== weekday)
        return false;
      return true;
    }
    const candidates: number[] = [];
    if (rangeYear && c.isCertain('year') === false && hints) candidates.push(rangeYear);
    if (hints?.published) candidates.push(pastLeaningYear(hints.published, month, day));
    const fits = (y: number) =>
      validDay(y, month, day) && (weekday === null || weekday === undefined || dayOfWeek(y, month, day) === weekday);
    const first = candidates.find(fits);
    if (first !== undefined) {
      c.assign('year', first);
      return true;
    }
    if (weekday !== null && weekday !== undefined && hints) {
      // no publication date (or it contradicts): the weekday picks among the years the text mentions
      // (with a publication date, only a year the text itself names: a year before it is a typo's guess)
      const spread = (y: number) => (hints.published ? [y] : [y, y - 1]);
      const years = [...new Set(hints.years.flatMap(spread))].filter(fits);
      if (years.length === 1 && years[0] !== undefined) {
        c.assign('year', years[0]);
        return true;
      }
      if (candidates.length) return false; // a publication year was there and the weekday contradicts it
    }
    return true; // year stays implied: the caller treats it as unknown
  }
}
