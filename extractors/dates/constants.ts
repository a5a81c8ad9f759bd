/**
 * Date vocabulary for Indonesian news, laid out like chrono-node's locales/id/constants.ts so the parsers and
 * refiners here could go upstream.
 */
export {
  DAY_PART_PATTERN,
  DAY_PART_WORDS,
  WEEKDAY_DICTIONARY,
  WEEKDAY_PATTERN,
} from '../lexicon/calendar.ts';

/** Indonesian time zones, minutes east of UTC (chrono's `timezones` option). */
export const TIMEZONE_OFFSETS: Record<string, number> = { WIB: 420, WITA: 480, WIT: 540 };

export { RANGE_CONNECTORS } from '../lexicon/temporal-links.ts';

/** Years worth considering for a news text: a four-digit year in this span. */
export const MIN_YEAR = 2005;
export const MAX_YEAR = 2035;
