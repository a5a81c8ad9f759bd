/**
 * Date annotations: every date mention chrono.id (with the project's parsers and refiners, `dates/`) reads in the
 * article, plus English dates, each in its sentence with its role (`date-roles.ts`). chrono reads only the sentences
 * that can hold a day (a digit with a date's shape, or with a publication date a day word such as "kemarin"), joined into one text so
 * its per-call work is paid once.
 */
import { isoDay, parseDates } from '../dates/index.ts';
import { parseEnglishDates } from '../dates/parsers/english-date.ts';
import { MONTHS } from '../html/dates.ts';
import { ENGLISH_WEEKDAYS, RELATIVE_DAY_WORD_RE, WEEKDAY_PATTERN } from '../lexicon/calendar.ts';
import { dateRole } from './date-roles.ts';
import type { DateAnnotation, SentenceAnnotation } from './types.ts';

/**
 * A sentence that may hold a day written with digits: a numeric date ("26/5", "20-07-2014"), a month or weekday
 * name, "tanggal". Sentences with only amounts ("Rp 14 miliar", "26 paket") are not given to chrono.
 */
const DATE_HINT_RE = new RegExp(
  `\\d\\s*[/.\\-–]\\s*\\d|\\b(?:${Object.keys(MONTHS).join('|')}|${WEEKDAY_PATTERN}|${ENGLISH_WEEKDAYS.join('|')}|tanggal|tgl)\\b`,
  'i',
);
const DIGIT_RE = /\d/;
/** Day words relative to the publication date that chrono.id's casual parsers read. */
export const CASUAL_DAY_RE = /\b(?:lalu|kemarin|tadi|hari\s+ini|besok|lusa)\b/i;

/**
 * @example annotateDates([{ analysed: "LPSE down sejak Senin (7/6/2021).", … }], null, [2021])
 *   → [{ kind: "date", iso: "2021-06-07", role: "start", link: "since", … }]
 */
export function annotateDates(
  sentences: readonly SentenceAnnotation[],
  published: string | null,
  years: number[],
  only?: ReadonlySet<number>,
): DateAnnotation[] {
  const analysis = sentences.map((s) => s.analysed);
  let joined = '';
  const at: { at: number; i: number }[] = [];
  for (const [i, text] of analysis.entries()) {
    if (only && !only.has(i)) continue;
    const dated = DIGIT_RE.test(text) && DATE_HINT_RE.test(text);
    if (!dated && !(published && (RELATIVE_DAY_WORD_RE.test(text) || CASUAL_DAY_RE.test(text)))) continue;
    at.push({ at: joined.length, i });
    joined += `${text}\n\n`;
  }
  if (!at.length) return [];
  const mentions = parseDates(joined, { published, years });
  // "10 September 2017" is also Indonesian: an English span chrono already read is not read twice
  for (const e of parseEnglishDates(joined, published, years))
    if (!mentions.some((d) => d.index < e.index + e.text.length && e.index < d.index + d.text.length)) mentions.push(e);
  mentions.sort((a, b) => a.index - b.index);
  const out: DateAnnotation[] = [];
  for (const d of mentions) {
    let k = at.length - 1;
    while (k > 0 && (at[k]?.at ?? 0) > d.index) k--;
    const o = at[k];
    const sentence = o ? sentences[o.i] : undefined;
    const own = o ? analysis[o.i] : undefined;
    if (!o || !sentence || own === undefined) continue;
    const offset = d.index - o.at;
    if (offset + d.text.length > own.length) continue;
    const { role, link } = dateRole({ sentence: own, sentenceIndex: o.i, offset, written: d.text });
    // offsets in Article.text: exact when the sentence was found as written there
    const exact = sentence.text === own;
    const start = exact ? sentence.start + offset : sentence.start;
    const end = exact ? start + d.text.length : sentence.end;
    const a: DateAnnotation = {
      kind: 'date',
      start,
      end,
      text: sentence.text === own ? d.text : sentence.text,
      sentence: o.i,
      offset,
      written: d.text,
      day: d.start,
      endDay: d.end,
      iso: isoDay(d.start),
      endIso: isoDay(d.end),
      relative: d.relative,
      role,
      link,
    };
    if (d.openEnd !== undefined) a.openEnd = d.openEnd;
    out.push(a);
  }
  return out;
}
