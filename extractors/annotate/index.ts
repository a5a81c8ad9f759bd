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

/**
 * @example annotate(ctxOf("LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (7/6/2021)."), null).dates[0]
 *   → { kind: "date", written: "Senin (7/6/2021)", iso: "2021-06-07", role: "start", link: "since", … }
 */
export function annotate(ctx: ExtractContext, published: string | null = ctx.published): Annotations {
  const years = yearsIn(`${ctx.title}\n${ctx.text}`);
  const uy = urlYear(ctx.article.url);
  if (uy && !years.includes(uy)) years.push(uy);
  const sentences = toSentenceAnnotations(ctx.article.text, ctx.sentences);
  return {
    analysisText: ctx.text,
    sentences,
    dates: annotateDates(sentences, published, years),
    published,
    years,
  };
}
