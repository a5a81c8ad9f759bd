/**
 * A plain-text document as an Article, for text files and `{"text": …}` input lines: the first short line is the
 * title when it looks like a headline.
 */
import type { Article, SourceKind } from '../types/index.ts';
import { siteHostOf } from './hosts.ts';

export function textArticle(input: { url: string | null; text: string; kind?: SourceKind }): Article {
  const text = input.text.replace(/\r\n?/g, '\n');
  const first = (text.split('\n').find((l) => l.trim()) ?? '').trim();
  const title = first.length > 0 && first.length <= 160 && !/[.!?]["”]?$/.test(first) ? first : '';
  return {
    url: input.url ?? '',
    canonicalUrl: null,
    title,
    text,
    published: null,
    author: null,
    publisher: null,
    lang: null,
    host: siteHostOf(input.url),
    kind: input.kind ?? 'news',
  };
}
