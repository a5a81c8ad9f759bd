/**
 * One handler per page type, as Crawlee's template lays out a router. Handlers archive raw pages and enqueue
 * what they find; they never extract (that is `pantau extract`, offline, from the archive).
 */
import { parseSitemap } from '@crawlee/utils';
import { type CheerioAPI, load } from 'cheerio';
import { utcDayOf } from '../extractors/days.ts';
import { dateFromText, dateFromUrl } from '../extractors/html/dates.ts';
import type { Document } from '../extractors/html/dom.ts';
import { extractMainText } from '../extractors/html/main-text.ts';
import { hasArchived } from '../src/archive.ts';
import type { Label, QueuedRequest } from './frontier.ts';
import {
  absolutize,
  articleMatcher,
  articleParts,
  feedLinks,
  listingDates,
  nextPageUrl,
  pageLinks,
  sectionLinks,
} from './links.ts';
import { isRelevantAnnouncementText, isRelevantText, isRelevantTitle, titleFromUrl } from './link-priority.ts';
import type { SourceDef } from './source-def.ts';

/** A fetched page as every handler sees it, whichever crawler (HTTP or browser) fetched it. */
export interface PageContext {
  req: QueuedRequest & { resumed?: boolean };
  source: SourceDef;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
  body: string;
  $: CheerioAPI;
}

/** What handlers may do: enqueue, archive, record. Implemented by crawlers/crawl.ts. */
export interface CrawlEnv {
  dataDir: import('../src/config.ts').DataDir;
  enqueue(req: QueuedRequest): Promise<boolean>;
  /**
   * Marks a listed article not fetched: archived already, or fetched in an earlier run and found, on its text,
   * not to be about LPSE/SPSE.
   */
  skip(url: string, why: 'archived' | 'judged'): void;
  /** Marks a fetched page not archived because its text is not about LPSE/SPSE (counted once per run). */
  discard(url: string): void;
  /** Was this page fetched in an earlier run (or this one) and found not to be about LPSE/SPSE? */
  wasDiscarded(url: string): boolean;
  /** Was this URL known before this run? (decides whether a listing's next page is worth visiting) */
  knewBefore(url: string): boolean;
  /** The first day (YYYY-MM-DD) of a source's crawl window, or null when the crawl has none. */
  windowStart(sourceId: string): string | null;
  /** Marks a listed article not fetched because the listing dates it before the crawl window. */
  outsideWindow(url: string, date: string): void;
  /**
   * Resolves once the page's record and its index line are on disk. `parts`: the further pages of a paginated
   * article it links to, kept on the record so extraction can join them.
   */
  archive(ctx: PageContext, kind: 'news' | 'lpse-announcement', parts?: string[]): Promise<void>;
  sitemapsOf(url: string): Promise<string[]>;
}

export type Handler = (ctx: PageContext, env: CrawlEnv) => Promise<void>;

/**
 * How deep a listing's pagination is followed when the source does not say (`max_listing_pages`): a guard
 * against endless pagination (calendar pages, search pages that never end), not a budget; listings stop earlier
 * when the crawl window is passed or a page shows nothing new.
 */
export const DEFAULT_MAX_LISTING_PAGES = 200;
export const LPSE_ANNOUNCEMENT_RE = /\/(?:berita|pengumuman|informasi|publik\/berita|publik\/pengumuman)\/\d+(?:\/|$)/;

/**
 * One article link found on a listing, feed or sitemap: queued unless it is archived already or its text was
 * judged in an earlier run. Its headline only decides its place in the queue (likely outage stories first):
 * a headline that does not name the system says nothing about the text, so nothing is dropped by it.
 * Returns whether the link was unknown before this run.
 */
async function considerArticle(
  env: CrawlEnv,
  source: SourceDef,
  url: string,
  title: string,
  label: 'ARTICLE' | 'LPSE_PAGE',
  date: string | null = null,
): Promise<boolean> {
  const fresh = !env.knewBefore(url);
  const start = env.windowStart(source.id);
  // Not journaled: a later crawl with a wider window (--since) still considers it.
  if (start && date && date < start) {
    env.outsideWindow(url, date);
    return fresh;
  }
  if (hasArchived(env.dataDir, url)) {
    env.skip(url, 'archived');
    return fresh;
  }
  if (env.wasDiscarded(url)) {
    env.skip(url, 'judged');
    return fresh;
  }
  const shown = title || titleFromUrl(url);
  const priority = label === 'ARTICLE' ? Boolean(shown) && isRelevantTitle(shown) : false;
  await env.enqueue({ url, label, source: source.id, ...(title ? { title } : {}), ...(priority ? { priority } : {}) });
  return fresh;
}

/** The title and main text of a fetched page (boilerplate removed by the extractor's main-text pass). */
function judgedText(ctx: PageContext): { title: string; text: string } {
  const $ = ctx.$;
  const title = [ctx.req.title ?? '', $('h1').first().text(), $('title').first().text()].join(' ').trim();
  // the extractor's main-text pass reads the page cheerio already parsed (its root is a domhandler Document)
  const { paragraphs } = extractMainText($.root()[0] as unknown as Document, {
    title: $('h1').first().text().trim() || undefined,
  });
  return { title, text: paragraphs.join('\n') };
}

/**
 * Follows a listing's pagination: until the page is past the crawl window (every dated link on it is older),
 * until a page shows nothing new, or `max_listing_pages` deep at most.
 */
async function followNext(ctx: PageContext, env: CrawlEnv, fresh: number, pastWindow: boolean): Promise<void> {
  const next = nextPageUrl(ctx.$, ctx.finalUrl);
  const depth = ctx.req.depth ?? 0;
  const max = ctx.source.max_listing_pages ?? DEFAULT_MAX_LISTING_PAGES;
  // Incremental: a listing page whose links were all known before this run means the rest is old news,
  // unless this page was left unfinished by a killed run (then what follows may never have been read).
  if (next && !pastWindow && depth + 1 < max && (fresh > 0 || ctx.req.resumed)) {
    await env.enqueue({ url: next, label: ctx.req.label, source: ctx.source.id, depth: depth + 1 });
  }
}

const LIST: Handler = async (ctx, env) => {
  const { source } = ctx;
  const isArticle = articleMatcher(source);
  const links = pageLinks(ctx.$, ctx.finalUrl);
  if (source.discover && (ctx.req.depth ?? 0) === 0 && (source.listings ?? []).includes(ctx.req.url)) {
    // `pantau crawl --url`: the start page leads to the site's feeds, sitemaps and sections.
    for (const f of feedLinks(ctx.$, ctx.finalUrl)) await env.enqueue({ url: f, label: 'FEED', source: source.id });
    for (const s of await env.sitemapsOf(ctx.finalUrl))
      await env.enqueue({ url: s, label: 'SITEMAP', source: source.id });
    for (const l of sectionLinks(links, ctx.finalUrl)) {
      if (!isArticle(l)) await env.enqueue({ url: l, label: 'LIST', source: source.id, depth: 0 });
    }
  }
  const start = env.windowStart(source.id);
  const dates = start ? listingDates(ctx.$, ctx.finalUrl, isArticle) : new Map<string, string>();
  let fresh = 0;
  for (const l of links) {
    if (!isArticle(l.url)) continue;
    if (await considerArticle(env, source, l.url, l.title, 'ARTICLE', dates.get(l.url) ?? null)) fresh++;
  }
  await followNext(ctx, env, fresh, pastWindow(start, dates));
};

/** A listing page is past the window when it dates some of its articles and none within the window. */
function pastWindow(start: string | null, dates: Map<string, string>): boolean {
  if (!start || dates.size === 0) return false;
  for (const d of dates.values()) if (d >= start) return false;
  return true;
}

/** A feed's or sitemap's date (RFC 822, ISO 8601, or a written date) as YYYY-MM-DD, or null. */
function dayOf(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(v);
  if (iso) return iso[0]; // the day as written, in the outlet's time zone
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return utcDayOf(t);
  return dateFromText(v);
}

const ARTICLE: Handler = async (ctx, env) => {
  const links = pageLinks(ctx.$, ctx.finalUrl);
  // Every listed article is judged here, on its text, whatever its headline said.
  const { title, text } = judgedText(ctx);
  if (!isRelevantText(title, text)) {
    env.discard(ctx.req.url);
    return;
  }
  // A news-search item's outlet is no source of Pantau's (its hosts are not the source's): its pages are not
  // followed either.
  const parts = ctx.source.kind === 'news-search' ? [] : articleParts(ctx.$, ctx.finalUrl);
  await env.archive(
    ctx,
    'news',
    parts.map((p) => p.url),
  );
  await queueParts(env, ctx, parts, ctx.finalUrl);
  // A news-search item is one article of an outlet Pantau has no source for: its links are not followed.
  if (ctx.source.kind === 'news-search') return;
  // "Baca juga" and related links: more discovery, added when their headline looks like an outage story
  // (the listings, feeds and sitemaps are what guarantees coverage).
  // Within a crawl window only links dated in it (by their URL) are followed: an undated related link is as
  // likely a year old, and the listings already cover the window.
  const isArticle = articleMatcher(ctx.source);
  const start = env.windowStart(ctx.source.id);
  for (const l of links) {
    if (l.url === ctx.finalUrl || !isArticle(l.url) || !l.title || !isRelevantTitle(l.title)) continue;
    const day = start ? dateFromUrl(l.url) : null;
    if (start && !(day && day >= start)) continue;
    await considerArticle(env, ctx.source, l.url, l.title, 'ARTICLE', day);
  }
};

/**
 * Queues the further pages of a paginated article ("Halaman 2", `?page=2`) with the URL of its first page:
 * archived as parts of it, and joined onto its text by extraction. Not judged on their own text (the article
 * was, on its first page).
 */
async function queueParts(
  env: CrawlEnv,
  ctx: PageContext,
  parts: Array<{ url: string; part: number }>,
  first: string,
): Promise<void> {
  for (const p of parts) {
    if (hasArchived(env.dataDir, p.url)) continue;
    await env.enqueue({ url: p.url, label: 'ARTICLE_PART', source: ctx.source.id, partOf: first, part: p.part });
  }
}

/** A further page of an archived article: archived under its own URL with a reference to the first page. */
const ARTICLE_PART: Handler = async (ctx, env) => {
  // "Halaman selanjutnya" on page 2 leads to page 3: only the pages after this one.
  const parts = articleParts(ctx.$, ctx.finalUrl, ctx.req.part ?? 1).filter((p) => p.part > (ctx.req.part ?? 1));
  await env.archive(
    ctx,
    'news',
    parts.map((p) => p.url),
  );
  await queueParts(env, ctx, parts, ctx.req.partOf ?? ctx.req.url);
};

const FEED: Handler = async (ctx, env) => {
  const $ = load(ctx.body, { xml: true });
  const items: Array<{ url: string | null; title: string; date: string | null }> = [];
  $('item').each((_, el) => {
    const item = $(el);
    items.push({
      url: absolutize(item.children('link').first().text(), ctx.finalUrl),
      title: item.children('title').first().text().trim(),
      date: dayOf(item.children('pubDate, dc\\:date').first().text()),
    });
  });
  $('entry').each((_, el) => {
    const entry = $(el);
    const link = entry.children('link[rel="alternate"]').attr('href') ?? entry.children('link').first().attr('href');
    items.push({
      url: absolutize(link, ctx.finalUrl),
      title: entry.children('title').first().text().trim(),
      date: dayOf(entry.children('published').first().text() || entry.children('updated').first().text()),
    });
  });
  // A feed lists articles by definition; env.enqueue still keeps the crawl on the source's hosts.
  for (const it of items) if (it.url) await considerArticle(env, ctx.source, it.url, it.title, 'ARTICLE', it.date);
};

const SITEMAP: Handler = async (ctx, env) => {
  const titles = new Map<string, string>();
  /** loc → day: a news sitemap's publication date, else lastmod (of an URL, or of a nested sitemap). */
  const dates = new Map<string, string>();
  const $ = load(ctx.body, { xml: true });
  $('url, sitemap').each((_, el) => {
    const loc = $(el).children('loc').text().trim();
    const title = $(el).find('news\\:title, title').first().text().trim();
    if (loc && title) titles.set(loc, title);
    const day =
      dayOf($(el).find('news\\:publication_date, publication_date').first().text()) ??
      dayOf($(el).children('lastmod').text());
    if (loc && day) dates.set(loc, day);
  });
  const start = env.windowStart(ctx.source.id);
  const isArticle = articleMatcher(ctx.source);
  for await (const item of parseSitemap([{ type: 'raw', content: ctx.body }], undefined, {
    emitNestedSitemaps: true,
    maxDepth: 0,
    reportNetworkErrors: false,
  })) {
    const url = absolutize(item.loc, ctx.finalUrl);
    if (!url) continue;
    const day = dates.get(item.loc) ?? null;
    if (item.originSitemapUrl === null) {
      // A nested sitemap last changed before the window lists nothing new.
      if (!(start && day && day < start)) await env.enqueue({ url, label: 'SITEMAP', source: ctx.source.id });
    } else if (isArticle(url)) await considerArticle(env, ctx.source, url, titles.get(item.loc) ?? '', 'ARTICLE', day);
  }
};

const LPSE_LIST: Handler = async (ctx, env) => {
  const patterns = ctx.source.article_patterns?.map((p) => new RegExp(p)) ?? [LPSE_ANNOUNCEMENT_RE];
  const isAnnouncement = (u: string) => patterns.some((re) => re.test(new URL(u).pathname));
  const start = env.windowStart(ctx.source.id);
  const dates = start ? listingDates(ctx.$, ctx.finalUrl, isAnnouncement) : new Map<string, string>();
  let fresh = 0;
  for (const l of pageLinks(ctx.$, ctx.finalUrl)) {
    if (!isAnnouncement(l.url)) continue;
    if (await considerArticle(env, ctx.source, l.url, l.title, 'LPSE_PAGE', dates.get(l.url) ?? null)) fresh++;
  }
  await followNext(ctx, env, fresh, pastWindow(start, dates));
};

const LPSE_PAGE: Handler = async (ctx, env) => {
  const { title, text } = judgedText(ctx);
  if (!isRelevantAnnouncementText(title, text)) {
    env.discard(ctx.req.url);
    return;
  }
  await env.archive(ctx, 'lpse-announcement');
};

/** The router: one handler per page type. */
export const ROUTES: Record<Label, Handler> = { LIST, ARTICLE, ARTICLE_PART, FEED, SITEMAP, LPSE_LIST, LPSE_PAGE };
