/**
 * The canonical form of a URL, written once: report ids (extractors/report.ts) and archive keys (src/archive.ts)
 * are both hashes of it, so one page has one form whichever module asks. Pure, like hosts.ts beside it.
 */

/**
 * Query parameters that never change what a page says: campaign tags, click ids, share and AMP switches. `*` ends
 * a prefix. Not `from` or `page`: on listings `?from=20` and `?page=2` are offsets, and on articles `?page=2` is
 * "Halaman 2" (a part archived under its own key).
 */
export const TRACKING_PARAMS = ['utm_*', 'fbclid', 'gclid', 'amp', 'ref', 'source', 'pgrelated'] as const;

const TRACKING_PARAM_RE = new RegExp(
  `^(?:${TRACKING_PARAMS.map((p) => (p.endsWith('*') ? `${p.slice(0, -1)}\\w+` : p)).join('|')})$`,
  'i',
);

/** Is this query parameter one that does not change the document? @example isTrackingParam('utm_source') // true */
export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAM_RE.test(name);
}

/**
 * The URL that identifies a document: https, lower-case host without "www." and without the default port, no
 * fragment, no tracking parameters (the others keep their order), no trailing slash but the root's. A string that
 * is not a URL is returned trimmed.
 *
 * @example canonicalUrl('http://WWW.Kalteng.AntaraNews.com/berita/1/?utm_source=wa#top') // "https://kalteng.antaranews.com/berita/1"
 */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
    // most URLs have no query: reading searchParams would build one
    if (u.search) for (const k of [...u.searchParams.keys()]) if (isTrackingParam(k)) u.searchParams.delete(k);
    let s = u.toString();
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s.replace(/^http:/, 'https:');
  } catch {
    return url.trim();
  }
}
