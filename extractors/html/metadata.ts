/**
 * Page metadata: title, publication date, author, publisher, canonical URL and language, each from the most
 * reliable place a page puts it (JSON-LD, then Open Graph / article meta, then visible markup).
 */
import type { CheerioAPI } from 'cheerio';
import { dateFromIso, dateFromText, dateFromUrl } from './dates.ts';

type JsonLd = Record<string, unknown>;

/** Every JSON-LD object on the page, @graph entries flattened. Broken JSON-LD (common) is skipped. */
export function readJsonLd($: CheerioAPI): JsonLd[] {
  const out: JsonLd[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      out.push(v as JsonLd);
      const graph = (v as JsonLd)['@graph'];
      if (graph) visit(graph);
    }
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    try {
      visit(JSON.parse(raw));
    } catch {
      // Sites emit trailing commas and raw newlines in strings; a page without usable JSON-LD still has meta.
    }
  });
  return out;
}

const ARTICLE_TYPES_RE = /(?:News)?Article|BlogPosting|Report|WebPage/i;

function typeOf(o: JsonLd): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

function articleLd(items: JsonLd[]): JsonLd | undefined {
  return (
    items.find((o) => /(?:News)?Article|BlogPosting|Report/i.test(typeOf(o))) ??
    items.find((o) => ARTICLE_TYPES_RE.test(typeOf(o)) && (o.datePublished || o.headline))
  );
}

function nameOf(v: unknown): string | null {
  if (!v) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => Boolean(x));
    return names.length ? names.join(', ') : null;
  }
  if (typeof v === 'object') return nameOf((v as JsonLd).name);
  return null;
}

function meta($: CheerioAPI, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = $(`meta[property="${k}"], meta[name="${k}"], meta[itemprop="${k}"]`).first().attr('content');
    if (v?.trim()) return v.trim();
  }
  return null;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Strips the " - Site Name" / " | Site Name" suffix <title> usually carries. */
function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  if (siteName && last.toLowerCase().includes(siteName.toLowerCase().slice(0, 6)))
    return parts.slice(0, -1).join(' - ');
  if (last.length < 30 && parts[0]!.length > last.length) return parts.slice(0, -1).join(' - ');
  return title;
}

export interface PageMeta {
  title: string;
  published: string | null;
  author: string | null;
  publisher: string | null;
  canonicalUrl: string | null;
  lang: string | null;
}

function resolveUrl(href: string | undefined | null, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return null;
  }
}

const DATE_LABEL_RE = /^(?:tanggal|tgl\.?|diterbitkan|dipublikasikan|diposting|dirilis|posted|published)\b/i;

// A visible date line near the headline: "Rabu, 9 Juni 2021 14:20 WIB" in .entry-date, .post-date, .date …
const DATE_SELECTORS = [
  '.entry-date',
  '.post-date',
  '.published',
  '.date',
  '.tanggal',
  '.time',
  '.detail__date',
  '[class*="date"]',
  '[class*="tanggal"]',
];

/** Reads the metadata. Call before extractMainText, which removes the blocks some of it lives in. */
export function extractMetadata($: CheerioAPI, url: string): PageMeta {
  const ld = readJsonLd($);
  const art = articleLd(ld);
  const org = ld.find((o) => /Organization|NewsMediaOrganization/i.test(typeOf(o)));

  const siteName = meta($, 'og:site_name') ?? nameOf(art?.publisher) ?? nameOf(org) ?? null;

  const docTitle = clean($('title').first().text());
  let h1 = clean($('article h1, main h1, h1.entry-title, h1').first().text());
  if (!h1) {
    // No <h1> (SPSE pages put the title in a panel heading): the first heading that <title> also carries.
    $('h2, h3, h4').each((_, el) => {
      const t = clean($(el).text());
      if (t.length > 10 && docTitle.includes(t)) {
        h1 = t;
        return false;
      }
      return undefined;
    });
  }
  const rawTitle =
    (typeof art?.headline === 'string' && clean(art.headline)) ||
    meta($, 'og:title', 'twitter:title') ||
    h1 ||
    docTitle;
  const title = rawTitle ? stripSiteSuffix(clean(rawTitle), siteName) : '';

  const canonicalUrl =
    resolveUrl($('link[rel="canonical"]').attr('href'), url) ?? resolveUrl(meta($, 'og:url'), url) ?? null;

  let published =
    dateFromIso(typeof art?.datePublished === 'string' ? art.datePublished : null) ??
    dateFromIso(
      meta(
        $,
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'DC.date.issued',
        'dc.date',
        'content_PublishedDate',
      ),
    ) ??
    dateFromIso($('article time[datetime], time[datetime]').first().attr('datetime')) ??
    dateFromUrl(canonicalUrl ?? url) ??
    dateFromUrl(url);
  if (!published) {
    // "Tanggal: 07 Juni 2021" / "Diposting pada …": a labelled date line (SPSE announcements, old CMSes).
    $('p, small, span, div, li').each((_, el) => {
      const t = clean($(el).text());
      if (t.length > 80 || !DATE_LABEL_RE.test(t)) return undefined;
      published = dateFromText(t);
      return published ? false : undefined;
    });
  }
  if (!published) {
    for (const sel of DATE_SELECTORS) {
      const t = $(sel).first().text();
      published = dateFromText(t);
      if (published) break;
    }
  }

  const author =
    nameOf(art?.author) ??
    meta($, 'author', 'article:author', 'dc.creator') ??
    (clean(
      $(
        '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], .author-name, .post-author .fn, .byline .author, .author a, .author',
      )
        .first()
        .text(),
    ) ||
      null);

  const publisher = nameOf(art?.publisher) ?? siteName ?? nameOf(org) ?? null;
  const lang = $('html').attr('lang')?.trim() || meta($, 'og:locale', 'content-language', 'language') || null;

  return {
    title,
    published,
    author: author && !/^https?:/i.test(author) ? author : null,
    publisher,
    canonicalUrl,
    lang,
  };
}
