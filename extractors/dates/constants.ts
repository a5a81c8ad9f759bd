/**
 * Date vocabulary for Indonesian news, laid out like chrono-node's locales/id/constants.ts so the parsers and
 * refiners here could go upstream.
 */
import { alternation } from '../text.ts';

/** Weekday names → JS getUTCDay() numbers (Minggu/Ahad = 0). */
export const WEEKDAY_DICTIONARY: Record<string, number> = {
  minggu: 0,
  ahad: 0,
  senin: 1,
  selasa: 2,
  rabu: 3,
  kamis: 4,
  jumat: 5,
  "jum'at": 5,
  'jum’at': 5,
  sabtu: 6,
  // Javanese reports: "wiwit Rebo (5/11) nganti Kemis (6/11)"
  senen: 1,
  rebo: 3,
  kemis: 4,
  jemuwah: 5,
  setu: 6,
};
export const WEEKDAY_PATTERN = alternation(Object.keys(WEEKDAY_DICTIONARY));

/** Parts of the day that may sit between a weekday and its date: "Jumat sore (26/5/2023)". */
export const DAY_PART_WORDS = ['pagi', 'siang', 'sore', 'petang', 'malam', 'dini hari', 'kemarin', 'lalu'];
export const DAY_PART_PATTERN = alternation(DAY_PART_WORDS);

/** Indonesian time zones, minutes east of UTC (chrono's `timezones` option). */
export const TIMEZONE_OFFSETS: Record<string, number> = { WIB: 420, WITA: 480, WIT: 540 };

/** Words saying a date lies in the past: news leans to the past. */
export const PAST_WORDS = ['lalu', 'kemarin', 'tadi malam', 'tadi pagi', 'sebelumnya', 'yang lalu'];

/** Connectors of a date range: "sejak … hingga …", "27 September sampai 2 Oktober". */
export const RANGE_CONNECTORS = ['hingga', 'sampai dengan', 'sampai', 's.d.', 's/d', 'sd', '-', '–'];
export const RANGE_CONNECTOR_PATTERN = alternation(RANGE_CONNECTORS);

/** Years worth considering for a news text: a four-digit year in this span. */
export const MIN_YEAR = 2005;
export const MAX_YEAR = 2035;
