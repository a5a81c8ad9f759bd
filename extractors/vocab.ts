/**
 * Vocabulary shared by more than one extractor. Each extractor builds its own list on it and adds the words only it
 * needs: the outage window (outage.ts) and relevance (relevance/) read the same reports with different questions,
 * and the outage window and the publication date (published.ts) both read English dates.
 */

/** English words of an Indonesian portal's outage: defined with the other outage words in lexicon/outage.ts. */
export { ENGLISH_OUTAGE_TERMS } from './lexicon/outage.ts';

/** English month names, January first: the dates of English reports ("July 18, 2023", "Posted March 3, 2026"). */
export const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** English weekday names, Sunday first like getUTCDay(). */
export const ENGLISH_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Indonesian weekday names, with the spellings sites use ("jum'at") and "ahad" for Sunday. */
export const INDONESIAN_WEEKDAYS = ['senin', 'selasa', 'rabu', 'kamis', 'jumat', "jum'at", 'sabtu', 'minggu', 'ahad'];
