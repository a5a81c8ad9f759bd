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
  `(?<![\\d/.-])${WEEKDAYS}(?:\\(\\s*(?<d1>\\d{1,2})${DASH}(?<d2>\\d{1,2})\\s*/\\s*(?<m>\\d{1,2})(?:\\s*/\\s*(?<y>\\d{4}|\\d{2}))?\\s*\\)|(?<d1b>\\d{1,2})${DASH}(?<d2b>\\d{1,2})\\s*(?:/\\s*(?<mb>\\d{1,2})(?:\\s*/\\s*(?<yb>\\d{4}))?(?![\\d/])|\\s+(?<mn>${MONTH_PATTERN})\\.?(?:\\s+(?<yn>\\d{4}))?(?!\\p{L}))|(?<d1c>\\d{1,2})\\s+dan\\s+(?<d2c>\\d{1,2})\\s+(?<mc>${MONTH_PATTERN})\\.?(?:\\s+(?<yc>\\d{4}))?(?!\\p{L}))`,
  'iu',
);

export class DayRangeParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray) {
    const g = match.groups ?? {};
    const d1 = Number(g.d1 ?? g.d1b ?? g.d1c);
    const d2 = Number(g.d2 ?? g.d2b ?? g.d2c);
    const monthName = g.mn ?? g.mc;
    const month = monthName ? MONTHS[monthName.toLowerCase()] : Number(g.m ?? g.mb);
    const yearText = g.y ?? g.yb ?? g.yn ?? g.yc;
    if (!month || month > 12 || !(d1 >= 1 && d2 <= 31 && d1 < d2)) return null;
    // "8 dan 9 Juli": two days joined by "dan" are a range only when they follow each other ("3 dan 5 Juli" are two)
    if (g.d1c && d2 !== d1 + 1) return null;
    const start = context.createParsingComponents();
    const end = context.createParsingComponents();
    start.assign('day', d1);
    end.assign('day', d2);
    for (const c of [start, end]) c.assign('month', month);
    if (yearText) {
      const y = Number(yearText);
      for (const c of [start, end]) c.assign('year', y < 100 ? 2000 + y : y);
    } else {
      for (const c of [start, end]) c.imply('year', context.reference.instant.getFullYear());
    }
    const wd1 = g.wd1 ? WEEKDAY_DICTIONARY[g.wd1.toLowerCase()] : undefined;
    const wd2 = g.wd2 ? WEEKDAY_DICTIONARY[g.wd2.toLowerCase()] : undefined;
    if (wd1 !== undefined) start.assign('weekday', wd1);
    if (wd2 !== undefined) end.assign('weekday', wd2);
    const result = context.createParsingResult(match.index ?? 0, match[0], start, end);
    return result;
  }
}
