/**
 * The annotation pass: an article (through its extraction context) turned into typed spans with offsets into
 * `Article.text`: its sentences and its date mentions, each date with its role. Field deciders (`fields/`) read
 * these annotations only. Other span kinds (system mentions, outage mentions, speakers) are added here as their own
 * `kind` in `types.ts`.
 */
import type { ExtractContext } from '../context.ts';
import { yearsIn } from '../dates/index.ts';
import { urlYear } from '../published.ts';
import { annotateDates } from './dates.ts';
import { toSentenceAnnotations } from './sentences.ts';
import type { Annotations } from './types.ts';

export type * from './types.ts';

/** The sentences a dateline or a date line may open the article with (the title and a byline before it). */
const DATELINE_SENTENCES = 4;

/**
 * @example annotate(ctxOf("LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (7/6/2021)."), null).dates[0]
 *   → { kind: "date", written: "Senin (7/6/2021)", iso: "2021-06-07", role: "start", link: "since", … }
 */
export function annotate(ctx: ExtractContext, published: string | null = ctx.published): Annotations {
  const years = yearsIn(`${ctx.title}\n${ctx.text}`);
  const uy = urlYear(ctx.article.url);
  if (uy && !years.includes(uy)) years.push(uy);
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
  return { analysisText: ctx.text, sentences, dates, published: reference, years };
}
