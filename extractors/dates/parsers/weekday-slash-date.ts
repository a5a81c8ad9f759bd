/**
 * Parses a weekday followed by a numeric date in brackets, the way Indonesian news dates a statement or an event:
 * "Rabu (1/4)", "Jumat sore (26/5/2023)", "Sabtu (4/7/ 2020)", "Rabu (26/08)", "Jumat pekan lalu (12/4/2024)". The weekday is kept as a component so
 * the year-inference refiner can check it. A chrono Parser.
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { DAY_PART_PATTERN, WEEKDAY_DICTIONARY, WEEKDAY_PATTERN } from '../constants.ts';

const PATTERN = new RegExp(
  `\\b(?<weekday>${WEEKDAY_PATTERN})(?:\\s*,)?(?:\\s+(?:pekan|minggu)\\s+lalu)?(?:\\s+(?:${DAY_PART_PATTERN}))?\\s*\\(\\s*(?<day>\\d{1,2})\\s*[/.-]\\s*(?<month>\\d{1,2})(?:\\s*[/.-]\\s*(?<year>\\d{4}|\\d{2}))?\\s*\\)`,
  'i',
);

export class WeekdaySlashDateParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray) {
    const g = match.groups ?? {};
    const day = Number(g.day);
    const month = Number(g.month);
    if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12)) return null;
    const weekday = WEEKDAY_DICTIONARY[(g.weekday ?? '').toLowerCase()];
    const components = context.createParsingComponents();
    components.assign('day', day);
    components.assign('month', month);
    if (weekday !== undefined) components.assign('weekday', weekday);
    if (g.year) {
      const y = Number(g.year);
      components.assign('year', y < 100 ? 2000 + y : y);
    } else {
      components.imply('year', context.reference.instant.getFullYear());
    }
    return context.createParsingResult(match.index ?? 0, match[0], components);
  }
}
