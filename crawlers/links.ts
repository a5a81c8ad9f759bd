/**
 * Links on listing pages, feeds and sitemaps: which are articles (by the source's patterns, else by shape),
 * which is the next page, and (for `pantau crawl --url`) which are feeds, sitemaps and section pages.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
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
  /^(?:next|selanjutnya|berikutnya|lanjut|older(?: posts)?|»|›|>|&raquo;|→)(?:\s*(?:»|›|→))?$|(?:selanjutnya|berikutnya|next)\s*[»›→]?$/i;

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
  // Numbered pagination: the link whose number is the current page's + 1.
  const current = Number(
    clean($('.pagination .active, .pagination .current, .page-numbers.current, [aria-current="page"]').first().text()),
  );
  if (Number.isFinite(current) && current > 0) {
    $('.pagination a, .nav-links a, a.page-numbers').each((_, el) => {
      if (clean($(el).text()) === String(current + 1)) {
        found = absolutize($(el).attr('href'), pageUrl);
        return false;
      }
      return undefined;
    });
  }
  return found;
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
