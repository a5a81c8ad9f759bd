/**
 * Links on listing pages, feeds and sitemaps: which are articles (by the source's patterns, else by shape),
 * which is the next page, and (for `pantau crawl --url`) which are feeds, sitemaps and section pages.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { dateFromText, dateFromUrl } from '../extractors/html/dates.ts';
import type { SourceDef } from './source-def.ts';

export interface FoundLink {
  url: string;
  /** The anchor or item title, if the page shows one. */
  title: string;
}

/** Resolves an href against a page URL; http(s) only, fragment dropped. */
export function absolutize(href: string | undefined, base: string): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || /^(?:javascript|mailto|tel|data|whatsapp):/i.test(h) || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.toString();
  } catch {
    return null;
  }
}

/** Hosts a source may visit: its own list, else the hosts of its start URLs. */
export function allowedHosts(source: SourceDef): Set<string> {
  if (source.hosts?.length) return new Set(source.hosts.map((h) => h.toLowerCase()));
  const urls = [
    ...(source.listings ?? []),
    ...(source.feeds ?? []),
    ...(source.sitemaps ?? []),
    ...(source.lpse ? [source.lpse.base] : []),
    ...(source.search ? [source.search.feed.replaceAll('{query}', 'x')] : []),
  ];
  const hosts = new Set<string>();
  for (const u of urls) {
    try {
      hosts.add(new URL(u).host.toLowerCase());
    } catch {
      // invalid start URL: reported by the sources loader
    }
  }
  return hosts;
}

// Paths that are never articles: taxonomy, pagination, feeds, author pages, search, static files.
const NOT_ARTICLE_RE =
  /\/(?:tag|tags|topik|topic|kategori|category|categories|author|penulis|page|halaman|feed|rss|search|cari|indeks|index|wp-admin|wp-content|wp-json|login|register|kontak|contact|tentang|about|redaksi|pedoman)(?:\/|$)|\.(?:jpe?g|png|gif|webp|svg|pdf|zip|css|js|xml|rss|mp4|mp3)$/i;
// An article URL by shape: a date in the path, a long numeric id, or a slug of four or more words.
const ARTICLE_SHAPE_RE =
  /\/(?:19|20)\d{2}\/\d{1,2}\/|\/\d{5,}(?:\/|$|-)|\/[^/]*[a-z0-9]+-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+[^/]*\/?$/i;

/** Compiled article patterns of a source. */
export function articleMatcher(source: SourceDef): (url: string) => boolean {
  const res = (source.article_patterns ?? []).map((p) => new RegExp(p));
  return (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    const path = u.pathname + u.search;
    if (res.length) return res.some((re) => re.test(path));
    return !NOT_ARTICLE_RE.test(u.pathname) && ARTICLE_SHAPE_RE.test(u.pathname);
  };
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Text of a node and its descendants (faster than wrapping each anchor in a Cheerio object). */
function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  const children = (node as { children?: AnyNode[] }).children;
  if (!children) return '';
  let out = '';
  for (const c of children) out += textOf(c);
  return out;
}

function imgAlt(node: AnyNode): string {
  const el = node as Element;
  if (el.type === 'tag' && el.name === 'img') return el.attribs.alt ?? '';
  for (const c of el.children ?? []) {
    const a = imgAlt(c);
    if (a) return a;
  }
  return '';
}

/** The <a href> elements of a parsed page in document order: $('a[href]') without compiling a selector per page. */
function anchors($: CheerioAPI): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...(($.root()[0] as unknown as { children: AnyNode[] }).children ?? [])].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const el = node as Element;
    if (el.type !== 'tag' && el.type !== 'script' && el.type !== 'style') continue;
    if (el.name === 'a' && el.attribs.href !== undefined) out.push(el);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Every <a href> of a page with its text (or title attribute), first occurrence of each URL, longest title kept. */
export function pageLinks($: CheerioAPI, pageUrl: string): FoundLink[] {
  const byUrl = new Map<string, FoundLink>();
  for (const el of anchors($)) {
    const url = absolutize(el.attribs.href, pageUrl);
    if (!url) continue;
    const title = clean(textOf(el)) || clean(el.attribs.title ?? '') || clean(imgAlt(el));
    const prev = byUrl.get(url);
    if (!prev) byUrl.set(url, { url, title });
    else if (title.length > prev.title.length) prev.title = title;
  }
  return [...byUrl.values()];
}

const NEXT_TEXT_RE =
  /^(?:next|selanjutnya|berikutnya|lanjut|older(?: posts)?|posting(?:an)? lama|entri lama|»|›|>|&raquo;|→)(?:\s*(?:»|›|→))?$|(?:selanjutnya|berikutnya|next)\s*[»›→]?$|^(?:load more|muat lebih banyak|tampilkan lebih banyak|lihat lebih banyak|berita lainnya|indeks berikutnya|lebih banyak)(?:\s*[»›→…]|\.\.\.)?$/i;

/**
 * The next page of a listing: <link rel=next>, <a rel=next>, an anchor reading "Selanjutnya"/"Next"/"»",
 * or the numbered link one past the current page.
 */
export function nextPageUrl($: CheerioAPI, pageUrl: string): string | null {
  const rel =
    absolutize($('link[rel="next"]').attr('href'), pageUrl) ??
    absolutize($('a[rel~="next"]').not('.post-navigation a, .nav-next a').first().attr('href'), pageUrl);
  if (rel && rel !== pageUrl) return rel;
  let found: string | null = null;
  $('.pagination a, .nav-links a, .page-numbers, .paging a, nav a, a.next, .next a').each((_, el) => {
    const t = clean($(el).text());
    const cls = $(el).attr('class') ?? '';
    if (NEXT_TEXT_RE.test(t) || /\bnext\b/.test(cls)) {
      const u = absolutize($(el).attr('href'), pageUrl);
      if (u && u !== pageUrl) {
        found = u;
        return false;
      }
    }
    return undefined;
  });
  if (found) return found;
  // "Berikutnya", "Load more", "Muat lebih banyak" anywhere on the page (themes put them in any block).
  for (const el of anchors($)) {
    const t = clean(textOf(el));
    const cls = el.attribs.class ?? '';
    if (t.length > 40 || !(NEXT_TEXT_RE.test(t) || /\b(?:load-?more|next-page|next)\b/i.test(cls))) continue;
    const u = absolutize(el.attribs.href, pageUrl);
    if (u && u !== pageUrl && new URL(u).host === new URL(pageUrl).host) return u;
  }
  // Numbered pagination: the link whose number is the current page's + 1, the current page told by the
  // pagination's marked item, else by the page number in the URL (page 1 without one).
  const marked = Number(
    clean($('.pagination .active, .pagination .current, .page-numbers.current, [aria-current="page"]').first().text()),
  );
  const current = Number.isFinite(marked) && marked > 0 ? marked : pageNumberOf(pageUrl);
  for (const el of anchors($)) {
    if (clean(textOf(el)) !== String(current + 1)) continue;
    // A lone number is a footnote or a rank; a page number stands among other numbers.
    const siblings = (el.parent as Element | null)?.children ?? [];
    const numbers = siblings.filter((c) => /^\s*\d{1,4}\s*$/.test(textOf(c))).length;
    const grand = ((el.parent as Element | null)?.parent as Element | null)?.children ?? [];
    const numbersAbove = grand.filter((c) => /^\s*\d{1,4}\s*$/.test(textOf(c))).length;
    if (numbers < 2 && numbersAbove < 2) continue;
    const u = absolutize(el.attribs.href, pageUrl);
    if (u && u !== pageUrl) return u;
  }
  return null;
}

/** The page number an URL names (`?page=3`, `/page/3/`, `/halaman/3`, `?hal=3`), 1 if none. */
export function pageNumberOf(url: string): number {
  try {
    const u = new URL(url);
    for (const k of ['page', 'halaman', 'hal', 'p', 'paged', 'pg']) {
      const v = Number(u.searchParams.get(k));
      if (Number.isInteger(v) && v > 0) return v;
    }
    const m = /\/(?:page|halaman|hal|p)\/(\d{1,4})\/?$/i.exec(u.pathname) ?? /\/(\d{1,3})\/?$/.exec(u.pathname);
    return m ? Number(m[1]) : 1;
  } catch {
    return 1;
  }
}

/** Feed URLs a page advertises (<link rel=alternate type=rss/atom>). */
export function feedLinks($: CheerioAPI, pageUrl: string): string[] {
  const out = new Set<string>();
  $('link[rel="alternate"][type*="rss"], link[rel="alternate"][type*="atom"]').each((_, el) => {
    const u = absolutize($(el).attr('href'), pageUrl);
    if (u && !/comments/i.test(u)) out.add(u);
  });
  return [...out];
}

// Section, tag and index pages worth walking from a home page when discovering a site.
const SECTION_RE =
  /\/(?:kategori|category|rubrik|kanal|topik|topic|tag|daerah|regional|berita|news|terkini|terbaru|indeks|index|nasional|ekonomi|hukum|pemerintahan)(?:\/[^/]*)?\/?$/i;
const SECTION_TEXT_RE =
  /\b(?:daerah|regional|berita|terkini|terbaru|indeks|pemerintahan|hukum|ekonomi|nasional|news|lpse|pengadaan)\b/i;

/** Listing pages linked from a home page: same host, section-shaped path or text. */
export function sectionLinks(links: FoundLink[], home: string): string[] {
  const host = new URL(home).host;
  const out: string[] = [];
  for (const l of links) {
    const u = new URL(l.url);
    if (u.host !== host || u.search) continue;
    if (
      SECTION_RE.test(u.pathname) ||
      (SECTION_TEXT_RE.test(l.title) && u.pathname.split('/').filter(Boolean).length <= 2)
    ) {
      if (!out.includes(l.url) && l.url !== home) out.push(l.url);
    }
  }
  return out.slice(0, 60);
}

/** A date a listing shows for an article: `<time datetime>`, a date in the URL, or a date written near the link. */
const TIME_SELECTOR = 'time[datetime], [itemprop="datePublished"], meta[itemprop="datePublished"]';

/**
 * The publication day (YYYY-MM-DD) a listing page shows for each article link: the date in its URL, else a
 * `<time datetime>` or a written date ("Selasa, 3 November 2026", "03/11/2026") in the smallest block around
 * the link that holds no other article. Links whose date cannot be told are left out (they are fetched).
 *
 * @example listingDates($, "https://kabar.example/", isArticle).get("https://kabar.example/read/28812-server-rusak") // "2026-11-03"
 */
export function listingDates($: CheerioAPI, pageUrl: string, isArticle: (url: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of anchors($)) {
    const url = absolutize(el.attribs.href, pageUrl);
    if (!url || out.has(url) || !isArticle(url)) continue;
    const fromUrl = dateFromUrl(url);
    if (fromUrl) {
      out.set(url, fromUrl);
      continue;
    }
    let node: Element | null = el.parent as Element | null;
    for (let level = 0; node && node.type === 'tag' && level < 5; level++, node = node.parent as Element | null) {
      const block = $(node);
      // Stop at a block that lists another article: its date would not be this one's.
      const others = block.find('a[href]').filter((_, a) => {
        const u = absolutize((a as Element).attribs.href, pageUrl);
        return Boolean(u && u !== url && isArticle(u));
      });
      if (others.length) break;
      const t = block.find(TIME_SELECTOR).first();
      const attr = t.attr('datetime') ?? t.attr('content') ?? '';
      // "2026-11-03T08:00:00+07:00": the day as written, in the outlet's own time zone.
      const d = /^\d{4}-\d{2}-\d{2}/.exec(attr)?.[0] ?? dateFromText(attr) ?? dateFromText(t.text());
      const written = d ?? dateFromText(clean(block.text()).slice(0, 400));
      if (written) {
        out.set(url, written);
        break;
      }
    }
  }
  return out;
}

// Query keys and path tails that number the pages of one article: `?page=2`, `?halaman=2`, `/2/`, `/halaman/2`.
const PART_KEYS = ['page', 'halaman', 'hal', 'p', 'paged', 'pg'];
const PART_PATH_RE = /\/(?:page\/|halaman\/|hal\/)?(\d{1,2})\/?$/i;
// What an article's page link reads: "2", "Halaman 2", "Halaman selanjutnya", "Selanjutnya »", "Next page".
const PART_TEXT_RE =
  /^(?:halaman|hal\.?|page)?\s*\d{1,2}$|^(?:halaman|hal\.?|page)?\s*(?:selanjutnya|berikutnya|next)(?:\s*(?:halaman|page))?\s*[»›→>]?$|^(?:lanjut(?:kan)? baca|baca selanjutnya)\s*[»›→>]?$/i;

/** One page of a paginated article: its URL and its number (2, 3, …). */
export interface ArticlePart {
  url: string;
  part: number;
}

/** An URL with its page number taken out, and that number (1 when it names none). */
function splitPart(url: string): { stem: string; part: number } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  let part = 1;
  for (const k of PART_KEYS) {
    const v = u.searchParams.get(k);
    if (v === null) continue;
    if (!/^\d{1,2}$/.test(v)) return null; // `?page=all`: the whole article on one page, not a part
    part = Number(v);
    u.searchParams.delete(k);
  }
  if (part === 1) {
    const m = PART_PATH_RE.exec(u.pathname);
    if (m) {
      part = Number(m[1]);
      u.pathname = u.pathname.slice(0, m.index) || '/';
    }
  }
  u.hash = '';
  return { stem: `${u.host}${u.pathname.replace(/\/+$/, '')}?${u.searchParams.toString()}`, part };
}

/**
 * The further pages of a paginated article ("Halaman 2", "Halaman selanjutnya", `?page=2`, `/2/`, a
 * `rel="next"`, numbered links 1 2 3 under the text): links on the same host whose URL is the page's own with
 * another page number, in page order. A `rel=next` to another article (a different slug) is not one of them,
 * nor "Tampilkan Semua" (`?page=all`). `ownPart` is the page's own number (1 for an article's first page): an
 * URL that reads otherwise (`/berita/5` is article 5, not page 5) has no parts, so "Berikutnya" to `/berita/6`
 * is not taken for one.
 *
 * @example articleParts($, "https://poskapuas.example/2022/08/30/kontraktor-tuding-server-lpse-sengaja-dimatikan")
 *   // [{ url: "https://poskapuas.example/2022/08/30/kontraktor-tuding-server-lpse-sengaja-dimatikan?page=2", part: 2 }]
 */
export function articleParts($: CheerioAPI, pageUrl: string, ownPart = 1): ArticlePart[] {
  const self = splitPart(pageUrl);
  if (!self || self.part !== ownPart) return [];
  const found = new Map<string, ArticlePart>();
  const consider = (href: string | undefined) => {
    const url = absolutize(href, pageUrl);
    if (!url || url === pageUrl) return;
    const p = splitPart(url);
    if (!p || p.stem !== self.stem || p.part <= 1 || p.part === self.part) return;
    if (![...found.values()].some((f) => f.part === p.part)) found.set(url, { url, part: p.part });
  };
  consider($('link[rel="next"]').attr('href'));
  $('a[rel~="next"]').each((_, el) => consider($(el).attr('href')));
  for (const el of anchors($)) {
    const t = clean(textOf(el));
    if (t.length <= 40 && PART_TEXT_RE.test(t)) consider(el.attribs.href);
  }
  return [...found.values()].sort((a, b) => a.part - b.part);
}
