/**
 * Crawl sources as data: the starter list Pantau ships, and the loader for a user's own file
 * (`pantau crawl --sources FILE`, format in crawlers/README.md).
 *
 * The starter list was compiled without network access: the outlets and LPSE hosts are real, but paths such
 * as feed and tag URLs follow each platform's usual layout and were not fetched. A start URL that answers 404
 * costs one request and is counted as a failure in the crawl summary; fix or drop it in your own file.
 */
import { readFileSync } from 'node:fs';
import { LPSE_INSTANCES, type LpseInstance } from '../extractors/region/lpse-instances.ts';
import { UserError } from '../src/errors.ts';
import { outletSources } from './outlets.ts';
import { LPSE_ANNOUNCEMENT_RE } from './routes.ts';
import type { SourceDef } from './source-def.ts';

export type { LpseDef, SourceDef } from './source-def.ts';

const WP_ARTICLE = '^/(?:\\d{4}/\\d{2}/\\d{2}/)?[a-z0-9-]{20,}/?$';
const ANTARA_ARTICLE = '^/berita/\\d+/[^/]+$';

/** National wires with regional desks, and regional outlets that report on their LPSE. */
export const NEWS_SOURCES: SourceDef[] = [
  {
    id: 'antara-kalteng',
    name: 'ANTARA Kalteng',
    kind: 'news',
    listings: ['https://kalteng.antaranews.com/tag/lpse'],
    feeds: ['https://kalteng.antaranews.com/rss/terkini.xml'],
    article_patterns: [ANTARA_ARTICLE],
    region_codes: ['62'],
  },
  {
    id: 'antara-jatim',
    name: 'ANTARA Jatim',
    kind: 'news',
    listings: ['https://jatim.antaranews.com/tag/lpse'],
    feeds: ['https://jatim.antaranews.com/rss/terkini.xml'],
    article_patterns: [ANTARA_ARTICLE],
    region_codes: ['35'],
  },
  {
    id: 'antara-sulsel',
    name: 'ANTARA Sulsel',
    kind: 'news',
    listings: ['https://sulsel.antaranews.com/tag/lpse'],
    feeds: ['https://sulsel.antaranews.com/rss/terkini.xml'],
    article_patterns: [ANTARA_ARTICLE],
    region_codes: ['73'],
  },
  {
    id: 'antara-papua',
    name: 'ANTARA Papua',
    kind: 'news',
    listings: ['https://papua.antaranews.com/tag/lpse'],
    feeds: ['https://papua.antaranews.com/rss/terkini.xml'],
    article_patterns: [ANTARA_ARTICLE],
    region_codes: ['91', '94'],
  },
  {
    id: 'antaranews',
    name: 'ANTARA',
    kind: 'news',
    listings: ['https://www.antaranews.com/tag/lpse'],
    sitemaps: ['https://www.antaranews.com/sitemap-news.xml'],
    article_patterns: [ANTARA_ARTICLE],
  },
  {
    id: 'seputarpapua',
    name: 'Seputar Papua',
    kind: 'news',
    listings: ['https://seputarpapua.com/tag/lpse/'],
    feeds: ['https://seputarpapua.com/feed/'],
    article_patterns: ['^/view/\\d+/[^/]+\\.html$', WP_ARTICLE],
    region_codes: ['94.04'],
  },
  {
    id: 'mili-id',
    name: 'mili.id',
    kind: 'news',
    listings: ['https://mili.id/tag/lpse'],
    sitemaps: ['https://mili.id/sitemap.xml'],
    region_codes: ['35'],
  },
  {
    id: 'kabaratta',
    name: 'Kabaratta.com',
    kind: 'news',
    listings: ['https://kabaratta.com/tag/lpse/'],
    feeds: ['https://kabaratta.com/feed/'],
    region_codes: ['73'],
  },
  {
    id: 'sindopos',
    name: 'Sindopos',
    kind: 'news',
    feeds: ['https://www.sindopos.com/feeds/posts/default?alt=rss'],
    listings: ['https://www.sindopos.com/search/label/Pacitan'],
    article_patterns: ['^/\\d{4}/\\d{2}/[^/]+\\.html$'],
    region_codes: ['35.01'],
  },
  {
    id: 'tribun-kalteng',
    name: 'Tribun Kalteng',
    kind: 'news',
    listings: ['https://kalteng.tribunnews.com/tag/lpse'],
    article_patterns: ['^/\\d{4}/\\d{2}/\\d{2}/[^/]+$'],
    region_codes: ['62'],
  },
  {
    id: 'detik-tag-lpse',
    name: 'detikcom (tag LPSE)',
    kind: 'news',
    listings: ['https://www.detik.com/tag/lpse'],
    hosts: ['www.detik.com', 'news.detik.com', 'www.detik.com'],
    article_patterns: ['^/[a-z-]+/d-\\d+/[^/]+$', '^/d-\\d+/[^/]+$'],
  },
];

/** LPSE instances in both URL forms: the LPSE's own host, and LKPP's national spse.inaproc.id/<code>. */
export const LPSE_SOURCES: SourceDef[] = [
  lpse('lpse-baritotimurkab', 'LPSE Kabupaten Barito Timur', 'https://lpse.baritotimurkab.go.id/eproc4', '62.13'),
  lpse('lpse-gresikkab', 'LPSE Kabupaten Gresik', 'https://lpse.gresikkab.go.id/eproc4', '35.25'),
  lpse('lpse-luwuutarakab', 'LPSE Kabupaten Luwu Utara', 'https://lpse.luwuutarakab.go.id/eproc4', '73.22'),
  lpse('lpse-pacitankab', 'LPSE Kabupaten Pacitan', 'https://lpse.pacitankab.go.id/eproc4', '35.01'),
  lpse('lpse-mimikakab', 'LPSE Kabupaten Mimika', 'https://lpse.mimikakab.go.id/eproc4', '94.04'),
  lpse('lpse-surabaya', 'LPSE Kota Surabaya', 'https://lpse.surabaya.go.id/eproc4', '35.78'),
  lpse('lpse-makassarkota', 'LPSE Kota Makassar', 'https://lpse.makassarkota.go.id/eproc4', '73.71'),
  lpse('lpse-kalteng', 'LPSE Provinsi Kalimantan Tengah', 'https://lpse.kalteng.go.id/eproc4', '62'),
  lpse('inaproc-gresikkab', 'LPSE Kabupaten Gresik (SPSE nasional)', 'https://spse.inaproc.id/gresikkab', '35.25'),
  lpse(
    'inaproc-baritotimurkab',
    'LPSE Kabupaten Barito Timur (SPSE nasional)',
    'https://spse.inaproc.id/baritotimurkab',
    '62.13',
  ),
  lpse('inaproc-mimikakab', 'LPSE Kabupaten Mimika (SPSE nasional)', 'https://spse.inaproc.id/mimikakab', '94.04'),
  lpse('inaproc-sigikab', 'LPSE Kabupaten Sigi (SPSE nasional)', 'https://spse.inaproc.id/sigikab', '72.10'),
];

/**
 * Links to an SPSE 4 instance's news and announcements: `publik/detil_special?beritaId=<n>` (../shared/data/SPSE.md;
 * matched on the path, the query names the item), and the `/berita/<n>` form of other versions.
 */
export const LPSE_ANNOUNCEMENT_PATTERNS = ['/publik/detil_special$', LPSE_ANNOUNCEMENT_RE.source];

/**
 * The news and announcement pages of every regional LPSE in the LPSE table, as `lpse` sources: each instance's home
 * page (which lists its latest news) in the central form (`https://spse.inaproc.id/<slug>`, where the old hosts
 * redirect since 2024) or the old one (`https://lpse.<x>.go.id/eproc4`), with both hosts allowed. Instances of a
 * ministry or an agency (no region code) are left out; `skipped` names them. The paths follow SPSE.md and were not
 * fetched offline: `pantau sources check` tells which answer.
 *
 * @example lpseAnnouncementSources(LPSE_INSTANCES, { only: ['kapuaskab'] }).sources[0]?.lpse?.base // "https://spse.inaproc.id/kapuaskab"
 */
export function lpseAnnouncementSources(
  instances: readonly LpseInstance[] = LPSE_INSTANCES,
  opts: { form?: 'central' | 'old'; only?: readonly string[] } = {},
): { sources: SourceDef[]; skipped: string[] } {
  const sources: SourceDef[] = [];
  const skipped: string[] = [];
  for (const i of instances) {
    if (opts.only && !opts.only.includes(i.id)) continue;
    if (!i.region_code) {
      skipped.push(i.id);
      continue;
    }
    const old = i.old_url ? `${i.old_url.replace(/\/+$/, '')}/eproc4` : null;
    const base = opts.form === 'old' && old ? old : i.url.replace(/\/+$/, '');
    sources.push({
      id: `lpse-${i.id}`,
      name: i.name,
      kind: 'lpse',
      lpse: { base, region_code: i.region_code, region_name: i.name.replace(/^LPSE /, ''), announcement_paths: [''] },
      article_patterns: LPSE_ANNOUNCEMENT_PATTERNS,
      hosts: [...new Set([...i.hosts, new URL(base).host].map((h) => h.toLowerCase()))],
    });
  }
  return { sources, skipped };
}

function lpse(id: string, name: string, base: string, region_code: string): SourceDef {
  return { id, name, kind: 'lpse', lpse: { base, region_code, region_name: name.replace(/^LPSE |\s*\(.*\)$/g, '') } };
}

/** The queries a national watch runs on news-search feeds: how reporters write about LPSE outages. */
export const SEARCH_QUERIES = [
  '"LPSE" gangguan',
  '"server LPSE"',
  '"LPSE" "tidak bisa diakses"',
  '"SPSE" gangguan',
  '"lelang elektronik" gangguan',
];

/**
 * News-search feeds: items point at articles on outlets Pantau has no source for (the one regional outlet that
 * covered an outage). Not fetched when this list was written (no network): the feed URL forms are the
 * engines' documented RSS forms; Google News items may need a browser to resolve (they are not plain
 * redirects), Bing's are HTTP redirects to the publisher.
 */
export const SEARCH_SOURCES: SourceDef[] = [
  {
    id: 'bing-news-lpse',
    name: 'Bing News (LPSE queries)',
    kind: 'news-search',
    search: { feed: 'https://www.bing.com/news/search?q={query}&format=rss&setlang=id', queries: SEARCH_QUERIES },
  },
  {
    id: 'google-news-lpse',
    name: 'Google News (LPSE queries)',
    kind: 'news-search',
    search: { feed: 'https://news.google.com/rss/search?q={query}&hl=id&gl=ID&ceid=ID:id', queries: SEARCH_QUERIES },
  },
];

/** The feed URLs of a news-search source, one per query. */
export function searchFeeds(source: SourceDef): string[] {
  if (!source.search) return [];
  return source.search.queries.map((q) => source.search!.feed.replaceAll('{query}', encodeURIComponent(q)));
}

/**
 * The starter list: the outlets above (written out by hand), the outlets per province of crawlers/outlets.ts
 * (generated from their platforms' URL patterns; a hand-written entry with the same id wins), the news-search
 * feeds and the LPSEs above.
 */
const HAND_WRITTEN = new Set(NEWS_SOURCES.map((s) => s.id));
export const STARTER_SOURCES: SourceDef[] = [
  ...NEWS_SOURCES,
  ...outletSources().filter((s) => !HAND_WRITTEN.has(s.id)),
  ...SEARCH_SOURCES,
  ...LPSE_SOURCES,
];

const ID_RE = /^[a-z0-9][a-z0-9._-]*$/i;
const REGION_CODE_RE = /^\d{2}(?:\.\d{2})?$/;

function checkUrl(where: string, u: unknown): string {
  if (typeof u !== 'string') throw new UserError(`${where}: expected an URL string`);
  try {
    const p = new URL(u);
    if (p.protocol !== 'http:' && p.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new UserError(`${where}: not an http(s) URL: ${u}`);
  }
  return u;
}

/**
 * Checks source definitions (parsed JSON), with errors naming the source and field.
 *
 * @example validateSources([{ id: "lpse-gresik", name: "LPSE Gresik", kind: "lpse", lpse: { base: "https://lpse.gresikkab.go.id/eproc4", region_code: "35.25" } }])
 */
export function validateSources(data: unknown, origin = 'sources'): SourceDef[] {
  const list = Array.isArray(data) ? data : (data as { sources?: unknown })?.sources;
  if (!Array.isArray(list)) throw new UserError(`${origin}: expected a JSON array of sources or { "sources": [...] }`);
  const ids = new Set<string>();
  return list.map((raw, i) => {
    const s = raw as SourceDef;
    const where = `${origin}: source ${typeof s?.id === 'string' ? `"${s.id}"` : `#${i + 1}`}`;
    if (!s || typeof s !== 'object') throw new UserError(`${where}: expected an object`);
    if (typeof s.id !== 'string' || !ID_RE.test(s.id))
      throw new UserError(`${where}: "id" must be letters, digits, . _ -`);
    if (ids.has(s.id)) throw new UserError(`${where}: duplicate id`);
    ids.add(s.id);
    if (s.kind !== 'news' && s.kind !== 'lpse' && s.kind !== 'news-search')
      throw new UserError(`${where}: "kind" must be "news", "lpse" or "news-search"`);
    if (typeof s.name !== 'string') s.name = s.id;
    for (const f of ['listings', 'feeds', 'sitemaps'] as const) {
      const v = s[f];
      if (v === undefined) continue;
      if (!Array.isArray(v)) throw new UserError(`${where}: "${f}" must be an array of URLs`);
      for (const [j, u] of v.entries()) checkUrl(`${where} ${f}[${j}]`, u);
    }
    for (const p of s.article_patterns ?? []) {
      try {
        new RegExp(p);
      } catch {
        throw new UserError(`${where}: article pattern is not a valid regex: ${p}`);
      }
    }
    if (s.kind === 'lpse') {
      if (!s.lpse || typeof s.lpse !== 'object')
        throw new UserError(`${where}: an "lpse" source needs "lpse": { "base", "region_code" }`);
      checkUrl(`${where} lpse.base`, s.lpse.base);
      if (typeof s.lpse.region_code !== 'string' || !REGION_CODE_RE.test(s.lpse.region_code))
        throw new UserError(`${where}: lpse.region_code must be a Kemendagri code like "62.13" or "62"`);
    } else if (s.kind === 'news-search') {
      const q = s.search;
      if (!q || typeof q !== 'object' || typeof q.feed !== 'string' || !q.feed.includes('{query}'))
        throw new UserError(
          `${where}: a "news-search" source needs "search": { "feed": "…{query}…", "queries": [...] }`,
        );
      checkUrl(`${where} search.feed`, q.feed.replaceAll('{query}', 'x'));
      if (!Array.isArray(q.queries) || !q.queries.length || q.queries.some((x) => typeof x !== 'string' || !x.trim()))
        throw new UserError(`${where}: search.queries must be a non-empty array of query strings`);
    } else if (!s.listings?.length && !s.feeds?.length && !s.sitemaps?.length) {
      throw new UserError(`${where}: a news source needs at least one of "listings", "feeds", "sitemaps"`);
    }
    return s;
  });
}

/** Reads a sources file (JSON). */
export function loadSources(file: string): SourceDef[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read sources file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`sources file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  return validateSources(data, file);
}

/** `pantau crawl --url`: how deep each listing of the site is followed (a whole site's archive, not a sample). */
export const URL_MAX_LISTING_PAGES = 1000;

/**
 * An ad hoc source for `pantau crawl --url URL`: start from that page, find the site's feeds, sitemaps and
 * sections, stay on its host.
 *
 * @example sourceFromUrl("https://seputarpapua.com/") // { id: "seputarpapua.com", discover: true, … }
 */
export function sourceFromUrl(url: string): SourceDef {
  checkUrl('--url', url);
  const u = new URL(url);
  const isLpse = /\/eproc4\/?$/.test(u.pathname) || u.host === 'spse.inaproc.id';
  if (isLpse)
    return {
      id: `${u.host}${u.pathname}`.replace(/[^\w.-]+/g, '-').replace(/-+$/, ''),
      name: u.host,
      kind: 'lpse',
      lpse: { base: url.replace(/\/+$/, ''), region_code: '' }, // unknown: the gazetteer may tell later
    };
  return {
    id: u.host,
    name: u.host,
    kind: 'news',
    listings: [url],
    hosts: [u.host],
    discover: true,
    max_listing_pages: URL_MAX_LISTING_PAGES,
  };
}
