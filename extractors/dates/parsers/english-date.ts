/**
 * English dates of English reports on Indonesian portals, which chrono.id reads as neither: "(Tuesday, )July 18,
 * 2023", "(Tuesday )18 July 2023", "on Sunday, January 11" (the year from the publication date, leaning past; the
 * weekday must agree with it).
 */
import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from '../../vocab.ts';
import { MAX_YEAR, MIN_YEAR } from '../constants.ts';
import type { DateMention } from '../index.ts';
import { pastLeaningYear } from '../refiners/year-inference.ts';

const WEEKDAY_NUMBER: Record<string, number> = Object.fromEntries(ENGLISH_WEEKDAYS.map((w, i) => [w, i]));
const MONTH_NUMBER: Record<string, number> = Object.fromEntries(ENGLISH_MONTHS.map((m, i) => [m, i + 1]));
const ENGLISH_DATE_RE = new RegExp(
  `\\b(?:(${ENGLISH_WEEKDAYS.join('|')}),?\\s+)?(?:(${ENGLISH_MONTHS.join('|')})\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\s+(${ENGLISH_MONTHS.join('|')}),?\\s+(\\d{4}))\\b`,
  'gi',
);
/** A cheap test before the English pattern runs. */
export const ENGLISH_MONTH_CHEAP_RE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/**
 * @example parseEnglishDates("The portal went offline on Monday, March 4, 2024.", null)
 *   → [{ text: "Monday, March 4, 2024", start: { year: 2024, month: 3, day: 4 } }]
 */
export function parseEnglishDates(
  text: string,
  published: string | null,
  years: readonly number[] = [],
): DateMention[] {
  const out: DateMention[] = [];
  if (!ENGLISH_MONTH_CHEAP_RE.test(text)) return out;
  ENGLISH_DATE_RE.lastIndex = 0;
  for (let m = ENGLISH_DATE_RE.exec(text); m; m = ENGLISH_DATE_RE.exec(text)) {
    const month = MONTH_NUMBER[(m[2] ?? m[6] ?? '').toLowerCase()];
    const day = Number(m[3] ?? m[5]);
    if (!month || day < 1 || day > 31) continue;
    let year = Number(m[4] ?? m[7]);
    if (!year) {
      const wd = m[1] ? WEEKDAY_NUMBER[m[1].toLowerCase()] : undefined;
      const fits = (y: number) => wd === undefined || new Date(Date.UTC(y, month - 1, day)).getUTCDay() === wd;
      if (published) {
        year = pastLeaningYear(published, month, day);
        if (!fits(year)) continue;
      } else {
        // no publication date: the weekday picks the one year the text names that fits ("Monday, March 4" in a
        // text dated 2024), as for Indonesian dates
        const fit = wd === undefined ? [] : years.filter(fits);
        if (fit.length !== 1 || fit[0] === undefined) continue;
        year = fit[0];
      }
    }
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    out.push({ text: m[0], index: m.index, start: { year, month, day, weekday: null }, end: null, relative: false });
  }
  return out;
}
