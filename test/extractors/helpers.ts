import { type ExtractContext, makeContext } from '../../extractors/context.ts';
import { textArticle } from '../../extractors/text-article.ts';
import type { Article } from '../../types/index.ts';

/** An analysis context for a text written in a test. */
export function ctxOf(
  text: string,
  opts: { url?: string | null; title?: string; published?: string | null; lang?: string | null } = {},
): ExtractContext {
  const article: Article = {
    ...textArticle({ url: opts.url ?? null, text }),
    title: opts.title ?? '',
    lang: opts.lang ?? null,
  };
  return makeContext(article, opts.published ?? null);
}
