/**
 * Publication dates as pages state them: ISO timestamps in metadata, dates in URLs, and Indonesian date lines
 * ("Rabu, 9 Juni 2021 14:20 WIB", "09/06/2021"). Pure: never reads the clock.
 */

import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS, INDONESIAN_WEEKDAYS } from '../vocab.ts';

/** Indonesian (and English, for wire pages) month names and abbreviations → month number. */
export const MONTHS: Readonly<Record<string, number>> = {
  // English full names (one list, vocab.ts); april, september and november are Indonesian too
  ...Object.fromEntries(ENGLISH_MONTHS.map((m, i) => [m, i + 1])),
  januari: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  feb: 2,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  agustus: 8,
  agus: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  nopember: 11,
  nop: 11,
  desember: 12,
  des: 12,
  dec: 12,
};

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "9 Juni 2021", "09 Jun 2021" (a day, a month name, a four-digit year). */
export const DAY_MONTH_YEAR_RE = new RegExp(
  `\\b(?<day>\\d{1,2})\\s+(?<month>${MONTH_ALT})\\.?\\s+(?<year>(?:19|20)\\d{2})\\b`,
  'i',
);
/** "June 9, 2021" (wire pages in English). */
export const MONTH_DAY_YEAR_RE = new RegExp(
  `\\b(?<month>${MONTH_ALT})\\.?\\s+(?<day>\\d{1,2}),?\\s+(?<year>(?:19|20)\\d{2})\\b`,
  'i',
);
/** Indonesian weekday names (with the spellings sites use) and the English ones. */
export const WEEKDAYS = [...INDONESIAN_WEEKDAYS, ...ENGLISH_WEEKDAYS];
const WEEKDAY_ALT = [...WEEKDAYS].sort((a, b) => b.length - a.length).join('|');

/**
 * A line that is only a date stamp, as themes print it above or below the body: "Kamis, 27 Juni 2024 - 15:40 WIT",
 * "27/06/2024 15:40 WIB", "June 9, 2021". The publication date is metadata; as a paragraph it is chrome.
 */
export const DATE_ONLY_LINE_RE = new RegExp(
  `^(?:(?:${WEEKDAY_ALT})\\s*,?\\s*)?(?:\\d{1,2}\\s+(?:${MONTH_ALT})\\.?\\s+(?:19|20)\\d{2}|(?:${MONTH_ALT})\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)\\d{2})(?:\\s*[-|,•]?\\s*(?:pukul\\s*)?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*(?:WIB|WITA|WIT|[AP]M)?)?$`,
  'i',
);

/** "09/06/2021" or "9-6-2021": day first, as Indonesian pages write it. */
export const NUMERIC_DATE_RE = /\b(?<day>\d{1,2})[/.-](?<month>\d{1,2})[/.-](?<year>(?:19|20)\d{2})\b/;
/**
 * "2021-06-09" (ISO) at the start of a metadata value, or "2024/06/28 19:02:00" (year first with slashes, as
 * some portals write their publishdate meta: fixtures/pages/portal-generik).
 */
export const ISO_DATE_RE = /^\s*(?<year>(?:19|20)\d{2})[-/](?<month>\d{2})[-/](?<day>\d{2})/;
/** A date in a URL path: /2021/06/09/ or /2021/06/ (day unknown → not used) or /20210609. */
export const URL_DATE_RE =
  /\/(?<year>(?:19|20)\d{2})[/-](?<month>\d{1,2})[/-](?<day>\d{1,2})(?:\/|[-_]|$)|\/(?<y2>(?:19|20)\d{2})(?<m2>[01]\d)(?<d2>[0-3]\d)(?:\/|[-_]|$)/;

function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31 Juni
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date of a metadata value (JSON-LD datePublished, article:published_time, <time datetime>) as written:
 * "2021-06-09T21:30:00+07:00" is 9 June in Indonesia, so the local date part is kept, not converted to UTC.
 *
 * @example dateFromIso("2021-06-09T14:20:00+07:00") // "2021-06-09"
 */
export function dateFromIso(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = ISO_DATE_RE.exec(value);
  if (m?.groups) return ymd(Number(m.groups.year), Number(m.groups.month), Number(m.groups.day));
  return dateFromText(value);
}

/**
 * The first full date written in a line of text.
 *
 * @example dateFromText("Rabu, 9 Juni 2021 14:20 WIB") // "2021-06-09"
 */
export function dateFromText(text: string | undefined | null): string | null {
  if (!text) return null;
  for (const re of [DAY_MONTH_YEAR_RE, MONTH_DAY_YEAR_RE]) {
    const m = re.exec(text);
    const month = m?.groups?.month ? MONTHS[m.groups.month.toLowerCase()] : undefined;
    if (m?.groups && month) {
      const d = ymd(Number(m.groups.year), month, Number(m.groups.day));
      if (d) return d;
    }
  }
  const n = NUMERIC_DATE_RE.exec(text);
  if (n?.groups) return ymd(Number(n.groups.year), Number(n.groups.month), Number(n.groups.day));
  const iso = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/**
 * A date in the URL path, as WordPress permalinks and wire sites put it.
 *
 * @example dateFromUrl("https://kabar.example/2021/06/09/server-lpse-bartim-rusak/") // "2021-06-09"
 */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE_RE.exec(path);
  if (!m?.groups) return null;
  const g = m.groups;
  if (g.year) return ymd(Number(g.year), Number(g.month), Number(g.day));
  if (g.y2) return ymd(Number(g.y2), Number(g.m2), Number(g.d2));
  return null;
}
