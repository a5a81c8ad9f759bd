/**
 * Parses a range of days written with a hyphen, which chrono.id reads as one day or not at all: "(3-4/2/2025)",
 * "Senin dan Selasa (3-4/2/2025)", "Sabtu-Minggu (18-19/5/2024)", "12-14 Agustus 2023", "tanggal 28-30/12", and two
 * days in a row joined by "dan" ("8 dan 9 Juli 2024"). Each
 * weekday, when given, is kept on its own day so the year-inference refiner checks both. A chrono Parser; the
 * ranges chrono already reads ("12 hingga 14 Agustus") are left to it.
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { MONTHS } from '../../html/dates.ts';
import { WEEKDAY_DICTIONARY, WEEKDAY_PATTERN } from '../constants.ts';

// month names as date lines write them (Indonesian, and English for wire pages)
const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const DASH = '\\s*[-–]\\s*';
const WEEKDAYS = `(?:(?<wd1>${WEEKDAY_PATTERN})(?:\\s*(?:[-–]|dan|s\\.?d\\.?|hingga|sampai)\\s*(?<wd2>${WEEKDAY_PATTERN}))?\\s*,?\\s*)?`;
const PATTERN = new RegExp(
  `(?<![\\d/.-])${WEEKDAYS}(?:\\(\\s*(?<d1>\\d{1,2})${DASH}(?<d2>\\d{1,2})\\s*/\\s*(?<m>\\d{1,2})(?:\\s*/\\s*(?<y>\\d{4}|\\d{2}))?\\s*\\)|(?<d1b>\\d{1,2})${DASH}(?<d2b>\\d{1,2})\\s*(?:/\\s*(?<mb>\\d{1,2})(?:\\s*/\\s*(?<yb>\\d{4}))?(?![\\d/])|\\s+(?<mn>${MONTH_PATTERN})\\.?(?:\\s+(?<yn>\\d{4}))?(?!\\p{L}))|(?<list>(?:\\d{1,2}\\s*,\\s*)+)?(?<d1c>\\d{1,2})\\s*,?\\s+(?:dan|&)\\s+(?<d2c>\\d{1,2})\\s+(?<mc>${MONTH_PATTERN})\\.?(?:\\s+(?<yc>\\d{4}))?(?!\\p{L})|(?<d1d>\\d{1,2})\\s+(?<m1d>${MONTH_PATTERN})\\.?${DASH}(?<d2d>\\d{1,2})\\s+(?<m2d>${MONTH_PATTERN})\\.?(?:\\s+(?<yd>\\d{4}))?(?!\\p{L}))`,
  'iu',
);

export class DayRangeParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray) {
    const g = match.groups ?? {};
    if (g.d1d) return crossMonth(context, match, g);
    const d1 = Number(g.d1 ?? g.d1b ?? g.d1c);
    const d2 = Number(g.d2 ?? g.d2b ?? g.d2c);
    const monthName = g.mn ?? g.mc;
    const month = monthName ? MONTHS[monthName.toLowerCase()] : Number(g.m ?? g.mb);
    const yearText = g.y ?? g.yb ?? g.yn ?? g.yc;
    if (!month || month > 12 || !(d1 >= 1 && d2 <= 31 && d1 < d2)) return null;
    // "8 dan 9 Juli", "3, 4 dan 5 Juni": days joined by "dan" are a range only when they follow each other ("3 dan 5
    // Juli" are two days, "3, 7 dan 9 Juni" three)
    if (g.d1c && d2 !== d1 + 1) return null;
    if (g.list) {
      const days = [...g.list.matchAll(/\d{1,2}/g), [g.d1c]].map((m) => Number(m[0]));
      if (days.some((d, i) => i > 0 && d !== (days[i - 1] ?? 0) + 1)) return null;
      const first = days[0] ?? d1;
      return rangeResult(context, match, first, d2, month, month, yearText, g);
    }
    return rangeResult(context, match, d1, d2, month, month, yearText, g);
  }
}

/** "30 Mei–2 Juni 2024": a hyphenated range across a month end. */
function crossMonth(context: ParsingContext, match: RegExpMatchArray, g: Record<string, string | undefined>) {
  const d1 = Number(g.d1d);
  const d2 = Number(g.d2d);
  const m1 = MONTHS[(g.m1d ?? '').toLowerCase()];
  const m2 = MONTHS[(g.m2d ?? '').toLowerCase()];
  if (!m1 || !m2 || m1 === m2 || d1 < 1 || d1 > 31 || d2 < 1 || d2 > 31) return null;
  // the start's year is the year before when the range crosses the year end ("30 Desember–2 Januari 2025")
  return rangeResult(context, match, d1, d2, m1, m2, g.yd, g, m1 > m2);
}

function rangeResult(
  context: ParsingContext,
  match: RegExpMatchArray,
  d1: number,
  d2: number,
  m1: number,
  m2: number,
  yearText: string | undefined,
  g: Record<string, string | undefined>,
  yearBefore = false,
) {
  const start = context.createParsingComponents();
  const end = context.createParsingComponents();
  start.assign('day', d1);
  end.assign('day', d2);
  start.assign('month', m1);
  end.assign('month', m2);
  if (yearText) {
    const y = Number(yearText);
    const full = y < 100 ? 2000 + y : y;
    start.assign('year', yearBefore ? full - 1 : full);
    end.assign('year', full);
  } else {
    for (const c of [start, end]) c.imply('year', context.reference.instant.getFullYear());
  }
  const wd1 = g.wd1 ? WEEKDAY_DICTIONARY[g.wd1.toLowerCase()] : undefined;
  const wd2 = g.wd2 ? WEEKDAY_DICTIONARY[g.wd2.toLowerCase()] : undefined;
  if (wd1 !== undefined) start.assign('weekday', wd1);
  if (wd2 !== undefined) end.assign('weekday', wd2);
  return context.createParsingResult(match.index ?? 0, match[0], start, end);
}
