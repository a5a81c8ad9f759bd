/**
 * A URL's host, written once. Pure, so `extractors/`, `crawlers/` and `src/` all import it. The WHATWG URL parser
 * reads the host as a browser does: lower-case, without user name or port, international names in punycode.
 *
 * @example hostOf('https://WWW.Detik.com:443/berita/d-123') // "www.detik.com"
 */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url.trim()).hostname || null;
  } catch {
    return null;
  }
}

/** The host without a leading "www.", the form a report's `source.host` carries. @example siteHostOf('https://www.kompas.com/x') // "kompas.com" */
export function siteHostOf(url: string | null | undefined): string | null {
  return hostOf(url)?.replace(/^www\./, '') ?? null;
}
