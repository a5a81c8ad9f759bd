/**
 * RawPage → Article: the main text of an HTML page without its boilerplate, and its metadata. Pure: no I/O and
 * no clock; the crawler archives the page, this turns the archived HTML into an Article any number of times.
 */
import type { Article, SourceKind } from '../types/index.ts';
import { siteHostOf } from './hosts.ts';
import { dateFromText } from './html/dates.ts';
import { parseHtml } from './html/dom.ts';
import { extractMainText } from './html/main-text.ts';
import { extractMetadata } from './html/metadata.ts';

export { decodeHtml } from './html/charset.ts';

export interface ArticleInput {
  url: string;
  html: string;
  headers?: Record<string, string>;
  kind?: SourceKind;
}

// "TIMIKA, 27 Juni 2024 -" / "Jakarta, Rabu (9/6/2021) |": a dateline opening the first paragraph.
const DATELINE_RE =
  /^[\p{Lu}][\p{L} .]{1,40}(?:\([^)]{1,30}\))?\s*,\s*(?<date>[^–—|-]{6,40}?)\s*(?:[–—|-]|\(ANTARA\))/u;

/**
 * HTML beyond this is not read: a news page is far smaller, and time and memory must stay bounded whatever a
 * crawled page holds (the crawler stores what a site sends; `pantau extract` cuts its input the same way).
 */
export const MAX_HTML_CHARS = 3 * 1024 * 1024;

/**
 * Reduces an HTML page to its article.
 *
 * @example toArticle({ url: 'https://kalteng.antaranews.com/berita/…', html }).text
 *   // "Tamiang Layang (ANTARA) - Pemerintah Kabupaten Barito Timur, Kalimantan Tengah, melalui …"
 */
export function toArticle(input: ArticleInput): Article {
  const doc = parseHtml(input.html.length > MAX_HTML_CHARS ? input.html.slice(0, MAX_HTML_CHARS) : input.html);
  const meta = extractMetadata(doc, input.url);
  const { paragraphs, credits } = extractMainText(doc, { title: meta.title });

  let published = meta.published;
  if (!published && paragraphs[0]) {
    const m = DATELINE_RE.exec(paragraphs[0]);
    if (m?.groups?.date) published = dateFromText(m.groups.date);
  }
  const byline = credits.find((c) => /penulis|pewarta|reporter/.test(c.role))?.name ?? null;

  return {
    url: input.url,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    text: paragraphs.join('\n\n'),
    published,
    author: meta.author ?? byline,
    publisher: meta.publisher,
    lang: meta.lang,
    // one rule for every input (html here, text in text-article.ts): the site's host without "www."
    host: siteHostOf(meta.canonicalUrl) ?? siteHostOf(input.url),
    kind: input.kind ?? 'news',
  };
}

/**
 * Joins the further pages of a paginated article ("Halaman 2", "Halaman 3") onto its first page, in the order
 * given: their main text follows the first page's, a paragraph a part repeats (a teaser, the lead shown again
 * above page 2) is kept once. The metadata stays the first page's.
 *
 * @example joinParts(page1, [page2]).text
 *   // "Sintang - Sejumlah kontraktor menuding …\n\n… ujar Kepala UKPBJ Sintang saat dikonfirmasi, Selasa."
 */
export function joinParts(first: Article, parts: Article[]): Article {
  if (!parts.length) return first;
  const paragraphs = first.text ? first.text.split('\n\n') : [];
  const have = new Set(paragraphs);
  for (const p of parts) {
    for (const para of p.text ? p.text.split('\n\n') : []) {
      if (have.has(para)) continue;
      have.add(para);
      paragraphs.push(para);
    }
  }
  return { ...first, text: paragraphs.join('\n\n') };
}
