/**
 * Dates in Indonesian news: chrono-node's `chrono.id` extended with a weekday + "(d/m)" parser, a hyphenated day-range
 * parser ("(3-4/2/2025)", "12-14 Agustus 2023"), a relative part-of-day parser ("tadi pagi", "pagi hingga sore
 * kemarin") and refiners for
 * range years and year inference (publication date, weekday, past leaning). Returns every date mention with its
 * calendar day in the region's own time zone (WIB/WITA/WIT are read as written, never shifted to UTC).
 */
import * as chrono from 'chrono-node';
import { MAX_YEAR, MIN_YEAR, TIMEZONE_OFFSETS } from './constants.ts';
import { DayRangeParser } from './parsers/day-range.ts';
import { RELATIVE_DAY_PART_TAG, RelativeDayPartParser } from './parsers/relative-day-part.ts';
import { WeekdaySlashDateParser } from './parsers/weekday-slash-date.ts';
import { RangeYearRefiner } from './refiners/range-year.ts';
import { YEAR_HINTS_OPTION, type YearHints, YearInferenceRefiner } from './refiners/year-inference.ts';

export { pastLeaningYear, type YearHints } from './refiners/year-inference.ts';

/** A day as written: year null when the text does not fix it. */
export interface DayValue {
  year: number | null;
  month: number;
  day: number;
  weekday: number | null;
}

export interface DateMention {
  text: string;
  index: number;
  start: DayValue;
  /** The end of a range, when the end is written as a date ("hingga sekarang" is no end). */
  end: DayValue | null;
  /** A date written in words relative to the reference ("kemarin", "hari ini"), not in digits. */
  relative: boolean;
  /** A range's end written without a date, from its connector on ("hingga Selasa sore", "hingga sekarang"). */
  openEnd?: string;
}

/** The part of a range after its connector. */
const RANGE_TAIL_RE = /(?:hingga|sampai|s\.d\.?|s\/d|[-–]|\bdan\b)(.*)$/i;

/**
 * With a publication date, relative words ("kemarin", "hingga saat ini") resolve against it; without one they
 * cannot, so a second parser leaves chrono's casual parsers out.
 */
function buildChrono(casual: boolean): chrono.Chrono {
  const config = casual ? chrono.id.createCasualConfiguration(true) : chrono.id.createConfiguration(false, true);
  config.parsers.unshift(new DayRangeParser(), new WeekdaySlashDateParser());
  // "tadi pagi", "pagi hingga sore kemarin": only with a reference day to count from
  if (casual) config.parsers.unshift(new RelativeDayPartParser());
  // year work must come after chrono's own merging of ranges and date+time
  config.refiners.push(new RangeYearRefiner(), new YearInferenceRefiner());
  return new chrono.Chrono(config);
}

/** The configured parser, built once at module load. */
export const ID_NEWS_CHRONO = buildChrono(true);
const ID_NEWS_CHRONO_NO_REF = buildChrono(false);

/** Every four-digit year a text mentions (2005–2035), for weekday-based year inference. */
export function yearsIn(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(/(?<!\d)(20[0-3]\d)(?!\d)/g)) {
    const y = Number(m[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR) out.add(y);
  }
  return [...out];
}

const toDay = (c: chrono.ParsedComponents): DayValue => ({
  year: c.isCertain('year') ? (c.get('year') ?? null) : null,
  month: c.get('month') ?? 0,
  day: c.get('day') ?? 0,
  weekday: c.isCertain('weekday') ? (c.get('weekday') ?? null) : null,
});

/** A fixed instant for chrono when there is no publication date; the refiners never let it decide a year. */
const NEUTRAL_REF = new Date(Date.UTC(2000, 0, 1, 12));

/**
 * @example parseDates("Sejak Jumat (27/3) hingga Senin (30/3) server…", { published: null, years: [2015] })
 *   → [{ start: {2015,3,27}, end: {2015,3,30} }]
 */
export function parseDates(text: string, hints: YearHints): DateMention[] {
  const ref = hints.published ? new Date(`${hints.published}T12:00:00Z`) : NEUTRAL_REF;
  const option = { timezones: TIMEZONE_OFFSETS, [YEAR_HINTS_OPTION]: hints } as chrono.ParsingOption;
  const results = (hints.published ? ID_NEWS_CHRONO : ID_NEWS_CHRONO_NO_REF).parse(text, ref, option);
  const out: DateMention[] = [];
  for (const r of results) {
    const tailMatch = r.end ? RANGE_TAIL_RE.exec(r.text) : null;
    const tail = tailMatch?.[1] ?? '';
    if (!r.start.isCertain('day') || !r.start.isCertain('month')) {
      // "Senin hingga Rabu (10/7)": a bare weekday starts the range; its dated end is a date of its own
      if (tailMatch && /\d/.test(tail) && r.end?.isCertain('day') && r.end.isCertain('month')) {
        const lead = tail.length - tail.trimStart().length;
        const at = tailMatch.index + tailMatch[0].length - tail.length + lead;
        const end = toDay(r.end);
        if (end.year === null || (end.year >= MIN_YEAR && end.year <= MAX_YEAR))
          out.push({ text: r.text.slice(at), index: r.index + at, start: end, end: null, relative: false });
      }
      continue;
    }
    const start = toDay(r.start);
    if (start.year !== null && (start.year < MIN_YEAR || start.year > MAX_YEAR)) continue;
    const end = r.end && (/\d/.test(tail) || r.tags().has(RELATIVE_DAY_PART_TAG)) ? toDay(r.end) : null;
    const mention: DateMention = { text: r.text, index: r.index, start, end, relative: !/\d/.test(r.text) };
    if (r.end && !end && tailMatch) mention.openEnd = r.text.slice(tailMatch.index);
    out.push(mention);
  }
  return out;
}

/** "2015-03-27", or null when the year is unknown. */
export function isoDay(d: DayValue | null): string | null {
  if (!d || d.year === null) return null;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
