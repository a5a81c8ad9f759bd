/**
 * Page metadata: title, publication date, author, publisher, canonical URL and language, each from the most
 * reliable place a page puts it (JSON-LD, then Open Graph / article meta, then visible markup).
 */
import { dateFromIso, dateFromText, dateFromUrl } from './dates.ts';
import { compileSelector, type Document, type Element, findAll, matches, type Selector, textOf } from './dom.ts';

type JsonLd = Record<string, unknown>;

/** JSON-LD nests @graph in @graph on some sites; past this depth (or this many objects) the rest is ignored. */
const MAX_LD_OBJECTS = 500;

/**
 * Every JSON-LD object of the given <script> elements, @graph entries flattened (with a stack: a hostile page can
 * nest arrays thousands deep). Broken JSON-LD (common) is skipped.
 */
export function readJsonLd(scripts: Element[]): JsonLd[] {
  const out: JsonLd[] = [];
  for (const el of scripts) {
    const raw = textOf(el).trim();
    if (!raw) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // Sites emit trailing commas and raw newlines in strings; a page without usable JSON-LD still has meta.
      continue;
    }
    const stack: unknown[] = [parsed];
    while (stack.length > 0 && out.length < MAX_LD_OBJECTS) {
      const v = stack.pop();
      if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
      else if (v && typeof v === 'object') {
        out.push(v as JsonLd);
        const graph = (v as JsonLd)['@graph'];
        if (graph) stack.push(graph);
      }
    }
  }
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

/** A person's or organisation's name: a string, {name}, or a list of them (a few levels deep at most). */
function nameOf(v: unknown, depth = 0): string | null {
  if (!v || depth > 3) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    const names = v
      .slice(0, 20)
      .map((x) => nameOf(x, depth + 1))
      .filter((x): x is string => Boolean(x));
    return names.length ? names.join(', ') : null;
  }
  if (typeof v === 'object') return nameOf((v as JsonLd).name, depth + 1);
  return null;
}

/** The page's <meta> values by lower-cased property / name / itemprop, first one of each key kept. */
type MetaMap = Map<string, string>;

function meta(m: MetaMap, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = m.get(k.toLowerCase());
    if (v) return v;
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
].map((s) => compileSelector(s));

/** Where themes print the author's name, most specific first (the first element in page order wins). */
const AUTHOR_SELECTOR = compileSelector(
  '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], .author-name, .post-author .fn, .byline .author, .author a, .author',
);
const LD_SCRIPT = compileSelector('script[type="application/ld+json"]');
const TIME_SELECTOR = compileSelector('time[datetime]');
const LABELLED_DATE_TAGS = new Set(['p', 'small', 'span', 'div', 'li']);
/** Text walks per element are cut at this many nodes: a date line or a heading is never bigger. */
const SMALL_WALK = 400;

function first(all: Element[], sel: Selector): Element | null {
  for (const el of all) if (matches(el, sel)) return el;
  return null;
}

const BYLINE_TAGS = new Set(['p', 'small', 'span', 'div', 'font', 'td', 'li', 'address']);
/** A labelled byline: the role word, a colon, then a capitalised name up to a separator. */
const BYLINE_RE =
  /(?:^|[|•·]\s*)(?:[Pp]enulis|PENULIS|[Rr]eporter|REPORTER|[Pp]ewarta|PEWARTA|[Ww]artawan|[Dd]itulis\s+oleh)\s*:\s*(?<name>\p{Lu}[\p{L}.'’]*(?:\s+\p{Lu}[\p{L}.'’]*){0,4})\s*(?:$|[|•·,(/])/u;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function hasOwnText(el: Element): boolean {
  for (const c of el.children) if (c.type === 'text' && c.data.trim()) return true;
  return false;
}

/**
 * Reads the metadata from the parsed page. Call before extractMainText, which ignores the blocks some of it lives in.
 *
 * @example extractMetadata(parseHtml(html), 'https://kalteng.antaranews.com/berita/512340/…').published // "2021-06-09"
 */
export function extractMetadata(doc: Document, url: string): PageMeta {
  const all = findAll(doc, () => true);
  const metas: MetaMap = new Map();
  let titleEl: Element | null = null;
  let htmlLang: string | null = null;
  let canonicalHref: string | null = null;
  const ldScripts: Element[] = [];
  for (const el of all) {
    if (el.name === 'meta') {
      const content = el.attribs.content?.trim();
      if (!content) continue;
      for (const k of [el.attribs.property, el.attribs.name, el.attribs.itemprop]) {
        const key = k?.trim().toLowerCase();
        if (key && !metas.has(key)) metas.set(key, content);
      }
    } else if (el.name === 'title') titleEl ??= el;
    else if (el.name === 'html') htmlLang ??= el.attribs.lang?.trim() || null;
    else if (el.name === 'link' && canonicalHref === null && /(?:^|\s)canonical(?:\s|$)/i.test(el.attribs.rel ?? ''))
      canonicalHref = el.attribs.href ?? null;
    else if (el.name === 'script' && matches(el, LD_SCRIPT)) ldScripts.push(el);
  }
  const ld = readJsonLd(ldScripts);
  const art = articleLd(ld);
  const org = ld.find((o) => /Organization|NewsMediaOrganization/i.test(typeOf(o)));

  const siteName = meta(metas, 'og:site_name') ?? nameOf(art?.publisher) ?? nameOf(org) ?? null;

  const docTitle = titleEl ? clean(textOf(titleEl)) : '';
  const h1El = all.find((el) => el.name === 'h1');
  let h1 = h1El ? clean(textOf(h1El)) : '';
  if (!h1) {
    // No <h1> (SPSE pages put the title in a panel heading): the first heading that <title> also carries.
    for (const el of all) {
      if (el.name !== 'h2' && el.name !== 'h3' && el.name !== 'h4') continue;
      const t = clean(textOf(el, SMALL_WALK));
      if (t.length > 10 && docTitle.includes(t)) {
        h1 = t;
        break;
      }
    }
  }
  if (!h1 && wordCount(stripSiteSuffix(docTitle, siteName)) < 4) {
    // No <h1> and a <title> that only names the site (print views: "Radar Sumbawa - Versi Cetak"): the first
    // heading of four words or more before the first paragraph.
    for (const el of all) {
      if (el.name === 'p') break;
      if (el.name !== 'h2' && el.name !== 'h3') continue;
      const t = clean(textOf(el, SMALL_WALK));
      if (wordCount(t) >= 4 && t.length <= 200) {
        h1 = t;
        break;
      }
    }
  }
  const rawTitle =
    (typeof art?.headline === 'string' && clean(art.headline)) ||
    meta(metas, 'og:title', 'twitter:title') ||
    h1 ||
    docTitle;
  const title = rawTitle ? stripSiteSuffix(clean(rawTitle), siteName) : '';

  const canonicalUrl = resolveUrl(canonicalHref, url) ?? resolveUrl(meta(metas, 'og:url'), url) ?? null;

  let published =
    dateFromIso(typeof art?.datePublished === 'string' ? art.datePublished : null) ??
    dateFromIso(
      meta(
        metas,
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
    dateFromIso(first(all, TIME_SELECTOR)?.attribs.datetime) ??
    dateFromUrl(canonicalUrl ?? url) ??
    dateFromUrl(url);
  if (!published) {
    // "Tanggal: 07 Juni 2021" / "Diposting pada …": a labelled date line (SPSE announcements, old CMSes). Only
    // elements with text of their own: the label is never only deep inside, and nested wrappers are not re-read.
    for (const el of all) {
      if (!LABELLED_DATE_TAGS.has(el.name) || !hasOwnText(el)) continue;
      const t = clean(textOf(el, SMALL_WALK));
      if (t.length > 80 || !DATE_LABEL_RE.test(t)) continue;
      published = dateFromText(t);
      if (published) break;
    }
  }
  if (!published) {
    // every date selector names a class: only elements with one can match
    const classed = all.filter((el) => el.attribs.class !== undefined);
    for (const sel of DATE_SELECTORS) {
      const el = first(classed, sel);
      published = el ? dateFromText(textOf(el, SMALL_WALK * 5)) : null;
      if (published) break;
    }
  }

  let author = nameOf(art?.author) ?? meta(metas, 'author', 'article:author', 'dc.creator');
  if (!author) {
    const authorEl = first(all, AUTHOR_SELECTOR);
    author = (authorEl && clean(textOf(authorEl, SMALL_WALK))) || null;
  }
  if (!author) {
    // "Senin, 17 Juli 2023 19:02 WITA | Penulis: Lalu Ahmad Zaki": a labelled byline in a short line.
    for (const el of all) {
      if (!BYLINE_TAGS.has(el.name) || !hasOwnText(el)) continue;
      const t = clean(textOf(el, SMALL_WALK));
      if (t.length > 160) continue;
      const m = BYLINE_RE.exec(t);
      if (m?.groups?.name) {
        author = m.groups.name.trim();
        break;
      }
    }
  }

  const publisher = nameOf(art?.publisher) ?? siteName ?? nameOf(org) ?? null;
  const lang = htmlLang || meta(metas, 'og:locale', 'content-language', 'language') || null;

  return {
    title,
    published,
    author: author && !/^https?:/i.test(author) ? author : null,
    publisher,
    canonicalUrl,
    lang,
  };
}
