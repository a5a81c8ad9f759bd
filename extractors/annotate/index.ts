/**
 * The annotation pass: an article (through its extraction context) turned into typed spans with offsets into
 * `Article.text`: its sentences and its date mentions, each date with its role. Field deciders (`fields/`) read
 * these annotations only. Other span kinds (system mentions, outage mentions, speakers) are added here as their own
 * `kind` in `types.ts`.
 */
import type { ExtractContext } from '../context.ts';
import { yearsIn } from '../dates/index.ts';
import { WEEKDAY_PATTERN } from '../lexicon/calendar.ts';
import { urlYear } from '../published.ts';
import { annotateDates, CASUAL_DAY_RE } from './dates.ts';
import { toSentenceAnnotations } from './sentences.ts';
import type { Annotations, DateAnnotation, SentenceAnnotation } from './types.ts';

export type * from './types.ts';

/**
 * Years a URL names: its "/2021/06/" path (`urlYear`), and a year standing alone in its path or slug
 * ("…-lpse-19-08-2015.html", "/news/20210609/…"). They only help a weekday pick its date's year.
 */
function urlYears(url: string | null | undefined): number[] {
  const out: number[] = [];
  const uy = urlYear(url);
  if (uy) out.push(uy);
  const path = url?.replace(/^[a-z]+:\/\/[^/]+/i, '') ?? '';
  for (const m of path.matchAll(/(?<!\d)(20[0-3]\d)(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))?(?!\d)/g)) {
    const y = Number(m[1]);
    if (y >= 2005 && !out.includes(y)) out.push(y);
  }
  return out;
}

/** The sentences a dateline or a date line may open the article with (the title and a byline before it). */
const DATELINE_SENTENCES = 4;

/**
 * @example annotate(ctxOf("LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (7/6/2021)."), null).dates[0]
 *   → { kind: "date", written: "Senin (7/6/2021)", iso: "2021-06-07", role: "start", link: "since", … }
 */
export function annotate(ctx: ExtractContext, published: string | null = ctx.published): Annotations {
  const years = yearsIn(`${ctx.title}\n${ctx.text}`);
  for (const uy of urlYears(ctx.article.url)) if (!years.includes(uy)) years.push(uy);
  const sentences = toSentenceAnnotations(ctx.article.text, ctx.sentences);
  let dates = annotateDates(sentences, published, years);
  let reference = published;
  if (!reference) {
    // no publication date given or found: the article's own dateline or date line at its head ("JAKARTA, Senin
    // (7/6/2021) - …") is the day of writing, so "sejak pagi tadi", "kemarin" count from it
    const line = dates.find((d) => d.role === 'publication' && d.iso && d.sentence < DATELINE_SENTENCES);
    if (line?.iso) {
      reference = line.iso;
      dates = annotateDates(sentences, reference, years);
    }
  }
  if (!reference) dates = withStatementDays(sentences, dates, years);
  return { analysisText: ctx.text, sentences, dates, published: reference, years };
}

/** A day word that counts from the day of speaking: "kemarin", "tadi pagi", "dua hari lalu", a bare "Senin". */
const SPOKEN_RELATIVE_RE = new RegExp(`${CASUAL_DAY_RE.source}|\\b(?:${WEEKDAY_PATTERN})\\b`, 'i');

/**
 * With no publication date, a paragraph dated by its statement ("Server mati sejak kemarin," kata Budi, Rabu
 * (9/6/2021)) gives its relative days their reference: the day it was said; when the whole article has one statement
 * day, that day of reporting is every paragraph's. A paragraph with two different statement days gives none. Its sentences are read again with that day; the sentence carries it as `reference`.
 */
function withStatementDays(
  sentences: SentenceAnnotation[],
  dates: DateAnnotation[],
  years: number[],
): DateAnnotation[] {
  const said = new Map<number, string | null>();
  for (const d of dates) {
    const para = sentences[d.sentence]?.para;
    if (d.role !== 'statement' || !d.iso || d.relative || para === undefined) continue;
    const known = said.get(para);
    said.set(para, known === undefined || known === d.iso ? d.iso : null);
  }
  if (![...said.values()].some(Boolean)) return dates;
  // one statement day in the whole article is the day of reporting: every paragraph counts from it
  const days = new Set([...said.values()]);
  const only = days.size === 1 ? [...days][0] : null;
  const byDay = new Map<string, Set<number>>();
  for (const s of sentences) {
    const day = only ?? said.get(s.para);
    if (!day || !SPOKEN_RELATIVE_RE.test(s.analysed)) continue;
    s.reference = day;
    const set = byDay.get(day) ?? new Set<number>();
    set.add(s.index);
    byDay.set(day, set);
  }
  if (!byDay.size) return dates;
  const reread = new Set([...byDay.values()].flatMap((set) => [...set]));
  const out = dates.filter((d) => !reread.has(d.sentence));
  for (const [day, only] of byDay) out.push(...annotateDates(sentences, day, years, only));
  return out.sort((a, b) => a.sentence - b.sentence || a.offset - b.offset);
}
