/**
 * Calendar words of Indonesian (and Javanese) news: weekday names, parts of the day, counts of days, words that put
 * a day in the future. One list each, compiled into `*_PATTERN` / `*_RE` once; the date parsers (`dates/`), the
 * annotation pass (`annotate/`) and the outage-window decider read them from here.
 */
import { alternation } from '../text-helpers.ts';

/** Weekday names → JS getUTCDay() numbers (Minggu/Ahad = 0). */
export const WEEKDAY_DICTIONARY: Record<string, number> = {
  minggu: 0,
  ahad: 0,
  senin: 1,
  selasa: 2,
  rabu: 3,
  // "Rabo (13/4)": a common spelling in East Javanese papers
  rabo: 3,
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

/** Parts of the day proper (no "kemarin"/"lalu"): "sejak pagi hingga sore kemarin". */
export const DAY_PARTS = ['dini hari', 'pagi', 'siang', 'sore', 'petang', 'malam'];
/** Parts of the day that close a same-day range ("hingga sore"). */
export const SAME_DAY_PARTS = ['siang', 'sore', 'petang', 'malam'];

/** Day counts in words: "dua hari", "sehari", "sepekan" (the one table every count of days reads). */
export const DAY_COUNTS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  sehari: 1,
  seminggu: 7,
  sepekan: 7,
};
/** The number words of DAY_COUNTS ("tiga" in "tiga hari"), and its words that are a count of days on their own. */
export const DAY_COUNT_WORDS = Object.keys(DAY_COUNTS).filter((w) => !w.startsWith('se'));
export const DAY_SPAN_WORDS = Object.keys(DAY_COUNTS).filter((w) => w.startsWith('se'));
/** A count of days as a number or a word: "3", "tiga". */
export const DAY_COUNT_PATTERN = `\\d{1,2}|${DAY_COUNT_WORDS.join('|')}`;

/** The number of days a count word or numeral names ("tiga" → 3, "12" → 12), or NaN. */
export function dayCount(word: string): number {
  const w = word.toLowerCase();
  return DAY_COUNTS[w] ?? Number(w);
}

/**
 * A span of hours within one day: "sempat down beberapa jam", "lumpuh selama tiga jam", "eror sekitar 2 jam". An
 * outage that long on one dated day ended that day (up to twelve hours; "24 jam" may run into the next).
 */
export const HOUR_COUNT_WORDS = ['beberapa', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'setengah', 'sejam'];
export const HOURS_SPAN_RE = new RegExp(
  `\\b(?:(?:${alternation(HOUR_COUNT_WORDS.filter((w) => w !== 'sejam'))}|(?:[1-9]|1[0-2])(?:[.,]5)?)\\s+jam|sejam|beberapa\\s+saat)\\b(?!\\s+(?:kemudian|lagi|sebelum|setelah|sesudah))`,
  'i',
);

/**
 * A frequency: "lima kali gagal membuka dalam sepekan terakhir", "sering down", "berkali-kali". Failures counted over
 * a span of days give no first day of one outage.
 */
export const FREQUENCY_RE =
  /\b(?:(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|berapa)\s+kali|berkali-kali|sering(?:kali)?|kerap(?:kali)?|acap(?:\s+kali)?)\b/i;

/** Words after a weekday that put it still to come: "pulih pada Kamis mendatang", "Senin depan". */
export const FUTURE_DAY_WORDS = ['mendatang', 'depan', 'nanti', 'besok', 'next'];
export const FUTURE_WEEKDAY_RE = new RegExp(
  `^\\s*(?:(?:pagi|siang|sore|petang|malam)\\s+)?(?:${alternation(FUTURE_DAY_WORDS)})\\b`,
  'i',
);

/** A cheap test for a day word relative to the publication date: "sejak kemarin", "tadi pagi", "sore ini". */
export const RELATIVE_DAY_WORD_RE = /\b(?:kemarin|tadi|(?:hari|pagi|siang|sore|petang)\s+ini)\b/i;

/** English weekday names, Sunday first like getUTCDay(), and month names, January first. */
export { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from '../vocab.ts';
