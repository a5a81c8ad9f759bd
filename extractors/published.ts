/**
 * The publication date shown in the page text: a date line ("Selasa, 16 Februari 2021 05:53 WIB", "Minggu
 * 20-07-2014,13:00 WIB", "| Selasa, 10 Mei 2022 12:58 WIB"), a document date ("Pada hari ini, Rabu tanggal 19 Agustus
 * 2015"), or a dateline with a date ("Trenggalek, 22/5 (ADSFM) -", year from the URL). A statement's date ("kata X,
 * Selasa (6/10/2020)") is not a publication date. When several date lines appear the earliest wins: a page header
 * often shows today's date, and "diperbarui" lines come later.
 */
import type { Extracted } from '../types/index.ts';
import type { ExtractContext } from './context.ts';
import { type DateMention, isoDay, parseDates } from './dates/index.ts';
import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from './vocab.ts';

/** A line short enough to be a date line, with no sentence around the date. */
const MAX_DATE_LINE = 140;
/** A line this long is body text: date lines before the first one are the article's own, not a sidebar's. */
const BODY_LINE = 200;
/** Words that may sit on a date line beside the date. */
const DATE_LINE_WORDS_RE =
  /^(?:date|tanggal|diterbitkan|dipublikasikan|publikasi|published|diposting|posted|terbit|update|updated|diperbarui|wib|wita|wit|pukul|jam|oleh|penulis|by|admin|redaksi|reporter|editor|pewarta|redaktur|dibaca|kali|views|komentar|comments|share|pada|am|pm)$/i;
/** The berita acara formula: "Pada hari ini, Rabu tanggal 19 Agustus 2015". */
const DOCUMENT_DATE_RE = /\bpada\s+hari\s+ini\s*,?\s*(?:\p{L}+\s*,?\s*)?tanggal\s+(.{6,40}?\d{4})/iu;
/** A leading metadata field: "date 2019-08-07". */
const META_DATE_RE = /^\s*(?:date|published|tanggal)\s*:?\s*(\d{4}-\d{2}-\d{2})\b/i;
/** A dateline with a day/month: "Trenggalek, 22/5 (ADSFM)". */
const DATELINE_DATE_RE = /^\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2},\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\s*\(/;
/** A dateline opening the text: place, optional agency, comma, a date, then a dash or bar. */
const DATELINE_FULL_RE = /^\s*\p{Lu}[\p{L} .]{1,40}(?:\([^)]{1,30}\))?\s*,\s*([^–—|\n-]{6,40}?)\s*[–—|-]/u;
/**
 * An English report's date line: "Published: Tuesday, March 3, 2026 - 08:15 WITA", "Posted on March 3, 2026 by
 * admin", "Tuesday, 3 March 2026 08:15 WIB". Only a label, a weekday, the date, a time and a short byline may stand
 * on the line.
 */
const EN_MONTH = ENGLISH_MONTHS.join('|');
const EN_DATE_LINE_RE = new RegExp(
  `^(?:(?:by\\s+)?[\\p{L}.' ]{2,40}\\s*\\|\\s*)?(?:(?:published|posted|updated)(?:\\s+on)?\\s*:?\\s*)?(?:(?:${ENGLISH_WEEKDAYS.join('|')}),?\\s+)?(?:(${EN_MONTH})\\s+(\\d{1,2}),\\s*(\\d{4})|(\\d{1,2})\\s+(${EN_MONTH}),?\\s+(\\d{4}))(?:\\s*[-–|,]?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*(?:[ap]\\.?m\\.?|WIB|WITA|WIT))?)?(?:\\s*[|,]?\\s*by\\s+[\\p{L}.' ]{1,40})?\\s*$`,
  'iu',
);
/**
 * Words that make a short line a sentence fragment, not a date line: "Disrupted since Jun. 20, 2024", "Sejak 20 Juni
 * 2024 layanan…", "hingga 3 Maret 2020".
 */
const FRAGMENT_WORD_RE =
  /\b(?:sejak|semenjak|hingga|sampai|mulai|selama|sebelum|setelah|since|until|till|from|before|after|between)\b/i;
/** A date line labelled as something else than publication: "Reviewed on: 2026-06-12", "Diakses 3 Maret 2026". */
const OTHER_DATE_LABEL_RE =
  /^(?:reviewed|accessed|retrieved|last\s+checked|diakses|diunduh|berlaku|batas|deadline|expires?)\b/i;
/**
 * Malay month names that Indonesian chrono does not know, for Malaysian date lines ("Diterbitkan: Selasa, 9 Julai
 * 2024 | 6:05 petang"); the others (Januari, April, Mei…) are the same in both languages.
 */
export const MALAY_MONTHS: Readonly<Record<string, string>> = {
  mac: 'Maret',
  jun: 'Juni',
  julai: 'Juli',
  ogos: 'Agustus',
  disember: 'Desember',
};
const MALAY_MONTH_RE = new RegExp(`(\\d\\s+)(${Object.keys(MALAY_MONTHS).join('|')})(\\s+\\d{4})`, 'gi');
const MALAY_DAY_PART_RE = /\b(?:pagi|petang|malam|tengah\s+hari)\b/gi;

/** Page furniture whose dates are other articles': "Baca juga: … 12 Juni 2020", "Berita terkait". */
const OTHER_ARTICLE_LINE_RE = /^\s*(?:baca\s+juga|baca\s*:|simak\s+juga|lihat\s+juga|berita\s+terkait|related)/i;

/** Year (and month) in a news URL path: /2012/05/, /2021/05/31/. */
const URL_DATE_RE = /\/(20[0-3]\d)\/(0[1-9]|1[0-2])(?:\/|$)/;

/** "9 Julai 2024 | 6:05 petang" → "9 Juli 2024 | 6:05 ": Malay month names and parts of the day made Indonesian. */
function malayToIndonesian(line: string): string {
  if (!/julai|ogos|disember|mac|jun\b|petang/i.test(line)) return line;
  return line
    .replace(MALAY_MONTH_RE, (_m, a: string, mo: string, y: string) => `${a}${MALAY_MONTHS[mo.toLowerCase()]}${y}`)
    .replace(MALAY_DAY_PART_RE, '');
}

export function urlYear(url: string | null | undefined): number | null {
  const m = url ? URL_DATE_RE.exec(url) : null;
  return m ? Number(m[1]) : null;
}

/**
 * @example extractPublished(ctx("Rabu, 12 Maret 2014\n\nSERVER GANGGUAN, LELANG DITUNDA…")) → { value: "2014-03-12", … }
 */
export function extractPublished(ctx: ExtractContext): Extracted<string | null> {
  const candidates: { iso: string; line: string; beforeBody: boolean }[] = [];
  let beforeBody = true;
  const head = ctx.text.slice(0, 20_000);
  // the page text as given: the analysis text drops byline lines ("Penulis: X | 12 Juni 2021"), which carry dates
  const raw = ctx.article.text.slice(0, 20_000).replace(/\r\n?/g, '\n');
  for (const rawLine of raw.split('\n')) {
    if (rawLine.length > BODY_LINE) beforeBody = false;
    if (OTHER_ARTICLE_LINE_RE.test(rawLine)) continue;
    const line = rawLine.replace(/^[\s•|·\-–>*]+/, '').trim();
    if (!line || line.length > MAX_DATE_LINE || !/\d{4}/.test(line) || FRAGMENT_WORD_RE.test(line)) continue;
    if (OTHER_DATE_LABEL_RE.test(line)) continue;
    // "March 3rd, 2026": English ordinals
    const en = EN_DATE_LINE_RE.exec(line.replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/gi, '$1'));
    if (en) {
      const month = ENGLISH_MONTHS.indexOf((en[1] ?? en[5] ?? '').toLowerCase()) + 1;
      const day = Number(en[2] ?? en[4]);
      if (day >= 1 && day <= 31)
        candidates.push({
          iso: `${en[3] ?? en[6]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          line,
          beforeBody,
        });
      continue;
    }
    const found: DateMention[] = parseDates(malayToIndonesian(line), { published: null, years: [] });
    for (const d of found) {
      const iso = isoDay(d.start);
      if (!iso || d.end) continue;
      const rest = (line.slice(0, d.index) + line.slice(d.index + d.text.length))
        .replace(/\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b/gi, '')
        .replace(/\d{1,2}[:.]\d{2}(?::\d{2})?/g, '')
        .split(/[^\p{L}]+/u)
        .filter(Boolean);
      // "Penulis : Ade Resty | Selasa, 10 Mei 2022 12:58 WIB": a byline may share the line; its names are
      // capitalised, a sentence's words are not ("Rapat digelar Senin, 14 Juni 2021 di aula")
      const words = rest.filter((w) => !DATE_LINE_WORDS_RE.test(w));
      const plain = words.filter((w) => !/^\p{Lu}/u.test(w));
      if (words.length <= 6 && plain.length <= 2 && !/\b(?:kata|ujar|ucap|jelas|terang|tutur)\b/i.test(line))
        candidates.push({ iso, line, beforeBody });
    }
  }
  // a capture's metadata line: " date 2019-08-07 Short-term tenders…"
  const meta = META_DATE_RE.exec(head);
  if (meta?.[1]) candidates.push({ iso: meta[1], line: meta[0], beforeBody: true });
  const doc = DOCUMENT_DATE_RE.exec(head);
  if (doc?.[1]) {
    const d = parseDates(doc[1], { published: null, years: [] })[0];
    const iso = d ? isoDay(d.start) : null;
    if (iso) candidates.push({ iso, line: doc[0], beforeBody: true });
  }
  const dl = DATELINE_DATE_RE.exec(head);
  if (dl) {
    const y = dl[3] ? Number(dl[3].length === 2 ? `20${dl[3]}` : dl[3]) : urlYear(ctx.article.url);
    const day = Number(dl[1]);
    const month = Number(dl[2]);
    if (y && day >= 1 && day <= 31 && month >= 1 && month <= 12)
      candidates.push({
        iso: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        line: dl[0],
        beforeBody: true,
      });
  } else {
    // "Jakarta, Kamis (10/6/2021) -", "PALU, 18 Mei 2017 –": a dateline whose date has its year
    const full = DATELINE_FULL_RE.exec(head.slice(0, 200));
    // "Mukomuko, 09 /12/2025 —": spaces around the slashes
    const d = full?.[1] ? parseDates(full[1].replace(/\s*\/\s*/g, '/'), { published: null, years: [] })[0] : undefined;
    const iso = d ? isoDay(d.start) : null;
    if (full && iso) candidates.push({ iso, line: full[0], beforeBody: true });
  }
  if (!candidates.length) return { value: null, evidence: [], confidence: 0 };
  // the date lines above the body are the article's (a header's today, the byline's day: the earliest); below it,
  // a sidebar's or a comment's dates, read only when none stands above
  const own = candidates.filter((c) => c.beforeBody);
  const pool = own.length ? own : candidates;
  pool.sort((a, b) => a.iso.localeCompare(b.iso));
  const best = pool[0]!;
  return { value: best.iso, evidence: [{ text: best.line }], confidence: 0.8 };
}
