/**
 * `pantau sources check`: does each start URL of a source answer, and with what? For a real deployment, before a
 * crawl or a watch relies on a sources file: the HTTP status, the type of what came back (RSS, Atom, sitemap,
 * sitemap index, news sitemap, HTML listing), how many items or article links it holds, and for a start URL that
 * does not do its job a one-line reason ("HTTP 404", "connection refused", "not a feed: an HTML page").
 * One request per start URL (and one robots.txt per host), hosts in parallel, each host's URLs one after another.
 */
import { RobotsTxtFile } from '@crawlee/utils';
import { load } from 'cheerio';
import { messageOf } from '../src/errors.ts';
import { allowedHosts, articleMatcher, pageLinks } from './links.ts';
import { LPSE_ANNOUNCEMENT_RE } from './routes.ts';
import type { SourceDef } from './source-def.ts';
import { searchFeeds } from './sources.ts';

/** What a start URL is for, as the crawl uses it. */
export type StartRole = 'listing' | 'feed' | 'sitemap' | 'lpse-list';

export interface StartUrl {
  source: string;
  role: StartRole;
  url: string;
}

/** What a body is, by its first element (not by its Content-Type, which servers get wrong). */
export type BodyType =
  | 'rss'
  | 'atom'
  | 'sitemap'
  | 'news-sitemap'
  | 'sitemap-index'
  | 'html'
  | 'json'
  | 'empty'
  | 'other';

export interface CheckResult extends StartUrl {
  ok: boolean;
  /** HTTP status of the last answer; null when none came. */
  status: number | null;
  /** After redirects, when it differs. */
  finalUrl: string | null;
  type: BodyType | null;
  /** Feed items, sitemap entries, or article links of an HTML listing. */
  items: number | null;
  /** "RSS, 20 items" when ok; why not otherwise ("HTTP 404", "connection refused"). */
  reason: string;
  ms: number;
}

/** Every start URL of a source, as `pantau crawl` queues them. */
export function startUrls(source: SourceDef): StartUrl[] {
  const out: StartUrl[] = [];
  const add = (role: StartRole, url: string) => out.push({ source: source.id, role, url });
  if (source.lpse) {
    const base = source.lpse.base.replace(/\/+$/, '');
    for (const p of source.lpse.announcement_paths ?? ['/berita']) add('lpse-list', `${base}${p}`);
  }
  for (const u of source.listings ?? []) add('listing', u);
  for (const u of source.feeds ?? []) add('feed', u);
  for (const u of source.sitemaps ?? []) add('sitemap', u);
  if (source.kind === 'news-search') for (const u of searchFeeds(source)) add('feed', u);
  return out;
}

const TYPE_NAMES: Record<BodyType, string> = {
  rss: 'RSS',
  atom: 'Atom',
  sitemap: 'sitemap',
  'news-sitemap': 'news sitemap',
  'sitemap-index': 'sitemap index',
  html: 'HTML',
  json: 'JSON',
  empty: 'an empty body',
  other: 'not HTML or XML',
};

/**
 * The type of a body and its number of items (feed items, sitemap entries; null for other types).
 *
 * @example classifyBody('<?xml version="1.0"?><rss version="2.0"><channel><item><title>LPSE Bartim gangguan</title></item></channel></rss>')
 * // { type: 'rss', items: 1 }
 */
export function classifyBody(body: string): { type: BodyType; items: number | null } {
  const head = body.slice(0, 4096).replace(/^\uFEFF/, '');
  if (!head.trim()) return { type: 'empty', items: null };
  // the first element, past an XML declaration, comments, processing instructions and a doctype
  const root = /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z][\w:.-]*)/i.exec(head)?.[1];
  const name = root?.toLowerCase().replace(/^[\w-]+:(?=rdf$)/, '');
  const count = (sel: string) => load(body, { xml: true })(sel).length;
  if (name === 'rss' || name === 'rdf') return { type: 'rss', items: count('item') };
  if (name === 'feed') return { type: 'atom', items: count('entry') };
  if (name === 'urlset')
    return { type: /xmlns:news=|<news:news\b/.test(body) ? 'news-sitemap' : 'sitemap', items: count('url') };
  if (name === 'sitemapindex') return { type: 'sitemap-index', items: count('sitemap') };
  if (name === 'html' || /<(?:head|body|div|p|a)\b/i.test(head)) return { type: 'html', items: null };
  if (/^\s*[[{]/.test(head)) return { type: 'json', items: null };
  return { type: 'other', items: null };
}

/** The article links of an HTML listing, on the source's hosts (announcement links for an LPSE list). */
export function listingLinks(source: SourceDef, html: string, pageUrl: string, role: StartRole): number {
  const hosts = allowedHosts(source);
  const isArticle =
    role === 'lpse-list'
      ? (() => {
          const res = source.article_patterns?.map((p) => new RegExp(p)) ?? [LPSE_ANNOUNCEMENT_RE];
          return (u: string) => res.some((re) => re.test(new URL(u).pathname));
        })()
      : articleMatcher(source);
  let n = 0;
  for (const l of pageLinks(load(html), pageUrl)) {
    if (hosts.size && !hosts.has(new URL(l.url).host.toLowerCase())) continue;
    if (isArticle(l.url)) n++;
  }
  return n;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Whether what came back does the job of its role, and the one-line reason. */
export function judge(
  role: StartRole,
  body: { type: BodyType; items: number | null },
  links: number | null,
): { ok: boolean; reason: string } {
  const what = TYPE_NAMES[body.type];
  const feedish = body.type === 'rss' || body.type === 'atom';
  const sitemapish = body.type === 'sitemap' || body.type === 'news-sitemap' || body.type === 'sitemap-index';
  if (role === 'feed') {
    if (!feedish) return { ok: false, reason: `not a feed: ${body.type === 'html' ? 'an HTML page' : what}` };
    return body.items
      ? { ok: true, reason: `${what}, ${plural(body.items, 'item')}` }
      : { ok: false, reason: `${what} feed without items` };
  }
  if (role === 'sitemap') {
    if (!sitemapish) return { ok: false, reason: `not a sitemap: ${body.type === 'html' ? 'an HTML page' : what}` };
    const unit = body.type === 'sitemap-index' ? 'sitemap' : 'URL';
    return body.items
      ? { ok: true, reason: `${what}, ${plural(body.items, unit)}` }
      : { ok: false, reason: `${what} without entries` };
  }
  if (feedish || sitemapish)
    return { ok: false, reason: `${what}, not an HTML listing: list it under ${feedish ? 'feeds' : 'sitemaps'}` };
  if (body.type !== 'html') return { ok: false, reason: `not an HTML listing: ${what}` };
  const unit = role === 'lpse-list' ? 'announcement link' : 'article link';
  return links
    ? { ok: true, reason: `HTML listing, ${plural(links, unit)}` }
    : {
        ok: false,
        reason: `HTML page without ${unit}s${role === 'listing' ? ' (check the URL or article_patterns)' : ''}`,
      };
}

/** A failed request in a few words: "connection refused", "host not found", "no answer within 15 s". */
export function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = e?.cause?.code ?? (err as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found (DNS)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `no answer within ${Math.round(timeoutMs / 1000)} s`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      if (code && /CERT|SSL|TLS/i.test(code)) return `TLS certificate problem (${code})`;
      return code ? `${code}: ${e.cause?.message ?? messageOf(err)}` : messageOf(err);
  }
}

export interface CheckOptions {
  userAgent: string;
  /** Per request (default 15 000 ms). */
  timeoutMs?: number;
  /** Largest body read (default 5 MB). */
  maxBytes?: number;
  /** Hosts checked at once (default 6). */
  concurrency?: number;
  /** Called as each result comes (progress). */
  onResult?(r: CheckResult): void;
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
    if (size >= maxBytes) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Checks one start URL. */
export async function checkStart(
  source: SourceDef,
  start: StartUrl,
  opts: CheckOptions & { robots?: RobotsTxtFile | null },
): Promise<CheckResult> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const t0 = Date.now();
  const result = (r: Omit<CheckResult, keyof StartUrl | 'ms'>): CheckResult => ({
    ...start,
    ...r,
    ms: Date.now() - t0,
  });
  if (opts.robots && !opts.robots.isAllowed(start.url, 'PantauBot'))
    return result({
      ok: false,
      status: null,
      finalUrl: null,
      type: null,
      items: null,
      reason: 'robots.txt forbids it to PantauBot',
    });
  let res: Response;
  try {
    res = await fetch(start.url, {
      headers: {
        'user-agent': opts.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return result({
      ok: false,
      status: null,
      finalUrl: null,
      type: null,
      items: null,
      reason: networkReason(err, timeoutMs),
    });
  }
  const finalUrl = res.url && res.url !== start.url ? res.url : null;
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    return result({
      ok: false,
      status: res.status,
      finalUrl,
      type: null,
      items: null,
      reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
    });
  }
  let body: string;
  try {
    body = await readCapped(res, opts.maxBytes ?? 5_000_000);
  } catch (err) {
    return result({
      ok: false,
      status: res.status,
      finalUrl,
      type: null,
      items: null,
      reason: `body cut off: ${networkReason(err, timeoutMs)}`,
    });
  }
  const kind = classifyBody(body);
  const links =
    kind.type === 'html' && (start.role === 'listing' || start.role === 'lpse-list')
      ? listingLinks(source, body, res.url || start.url, start.role)
      : null;
  const verdict = judge(start.role, kind, links);
  const offHost = finalUrl && !allowedHosts(source).has(new URL(finalUrl).host.toLowerCase());
  return result({
    ok: verdict.ok,
    status: res.status,
    finalUrl,
    type: kind.type,
    items: links ?? kind.items,
    reason: offHost
      ? `${verdict.reason}; redirected off the source's hosts to ${new URL(finalUrl).host}`
      : verdict.reason,
  });
}

async function robotsOf(origin: string, opts: CheckOptions): Promise<RobotsTxtFile | null> {
  try {
    const res = await fetch(`${origin}/robots.txt`, {
      headers: { 'user-agent': opts.userAgent },
      signal: AbortSignal.timeout(Math.min(opts.timeoutMs ?? 15_000, 15_000)),
    });
    if (!res.ok) return null;
    return RobotsTxtFile.from(`${origin}/robots.txt`, await res.text());
  } catch {
    return null; // an unreachable host is reported by its start URLs
  }
}

/** Checks every start URL of the sources, in the sources' order. */
export async function checkSources(sources: SourceDef[], opts: CheckOptions): Promise<CheckResult[]> {
  const jobs = sources.flatMap((s) => startUrls(s).map((start, i) => ({ s, start, i })));
  const byOrigin = new Map<string, typeof jobs>();
  for (const j of jobs) {
    const origin = new URL(j.start.url).origin;
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), j]);
  }
  const results = new Map<(typeof jobs)[number], CheckResult>();
  const origins = [...byOrigin.entries()];
  const worker = async () => {
    for (;;) {
      const next = origins.shift();
      if (!next) return;
      const [origin, list] = next;
      const robots = await robotsOf(origin, opts);
      for (const j of list) {
        const r = await checkStart(j.s, j.start, { ...opts, robots });
        results.set(j, r);
        opts.onResult?.(r);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 6) }, worker));
  return jobs.map((j) => results.get(j) as CheckResult);
}
