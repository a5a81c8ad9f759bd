/**
 * The context every field extractor receives: the article, its analysis text split into sentences, and the
 * reference date (the publication date, when known). Built once per article by buildReport(); extractors never
 * read the clock.
 */
import type { Article } from '../types/index.ts';
import { siteHostOf } from './hosts.ts';
import { type Sentence, splitSentences, toAnalysisText } from './text-helpers.ts';

export interface ExtractContext {
  article: Article;
  /** The article text without boilerplate lines ("Baca juga", bylines, photo credits). */
  text: string;
  sentences: Sentence[];
  /** The title followed by the text, for extractors that also look at the headline. */
  title: string;
  /** The publication date (YYYY-MM-DD) given by the caller or the page metadata, or null. */
  published: string | null;
  /** Host of the article URL, lower-case, without "www.". */
  host: string | null;
}

/** Longest text the extractors analyse; a 20 MB page is cut here (news articles are far shorter). */
export const MAX_ANALYSIS_CHARS = 60_000;

export function makeContext(article: Article, published: string | null = article.published): ExtractContext {
  const text = toAnalysisText(article.text.slice(0, MAX_ANALYSIS_CHARS));
  return {
    article,
    text,
    sentences: splitSentences(text),
    title: article.title ?? '',
    published,
    host: article.host ?? siteHostOf(article.url),
  };
}
