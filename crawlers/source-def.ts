/**
 * What a crawl source is, as data: a news outlet with its start points, or an LPSE instance. Users write these
 * as JSON (`pantau crawl --sources FILE`, format in crawlers/README.md); crawlers/sources.ts ships a starter list.
 */

export interface LpseDef {
  /** The SPSE 4 root: "https://lpse.baritotimurkab.go.id/eproc4" or "https://spse.inaproc.id/baritotimurkab". */
  base: string;
  /** Kemendagri code of the region the LPSE serves: "62.13" (a kabupaten/kota) or "62" (a province). */
  region_code: string;
  /** Official region name: "Kabupaten Barito Timur". */
  region_name?: string;
  /** Paths under base with announcement lists; default ["/berita"]. */
  announcement_paths?: string[];
}

/**
 * A news-search feed: an RSS/Atom feed of a search query, as news aggregators and search engines publish them.
 * `feed` holds `{query}`, replaced by each query (URL-encoded).
 */
export interface SearchDef {
  /** "https://www.bing.com/news/search?q={query}&format=rss" */
  feed: string;
  /** ['"LPSE" gangguan', '"server LPSE"'] */
  queries: string[];
}

export interface SourceDef {
  /** Stable id, used in the archive (RawPage.sourceId) and the crawl state. */
  id: string;
  name: string;
  /**
   * news: an outlet; lpse: an LPSE instance; news-search: query feeds whose items point at articles on any
   * outlet (fetched wherever they are, redirects followed to the publisher).
   */
  kind: 'news' | 'lpse' | 'news-search';
  /** Section, tag and search pages (followed through their pagination). */
  listings?: string[];
  /** RSS/Atom feeds. */
  feeds?: string[];
  /** Sitemaps, sitemap indexes and news sitemaps. */
  sitemaps?: string[];
  /** Regexes (source text) matched against an URL's path + query: which links are articles. */
  article_patterns?: string[];
  /** Hosts the crawl may visit; default: the hosts of the start URLs. */
  hosts?: string[];
  /** Render with Chromium (sites that only show content with JavaScript). */
  browser?: boolean;
  /** How many listing pages deep to follow pagination per start listing (default 200; `--url`: 1000). */
  max_listing_pages?: number;
  /** Find feeds, sitemaps and listing pages from the start pages (pantau crawl --url). */
  discover?: boolean;
  /** For kind "news-search". */
  search?: SearchDef;
  /** For kind "lpse". */
  lpse?: LpseDef;
  /** Region code(s) the outlet covers, informative. */
  region_codes?: string[];
}
