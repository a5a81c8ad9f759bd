/** The page state lives in the URL, so any view can be shared as a link. */
import type { Lang } from '../../i18n.ts';

/** Filter parameters, as named in the URL and in the API. */
export const MULTI = ['cause', 'province', 'regency', 'year', 'source_kind', 'scope'] as const;
export const SINGLE = ['q', 'allegation', 'from', 'to', 'sort'] as const;
export const FACETS = ['cause', 'province', 'regency', 'year', 'allegation', 'source_kind', 'scope'] as const;
export type FacetKey = (typeof FACETS)[number];

export const PAGE_SIZE = 20;

export function currentParams(): URLSearchParams {
  return new URLSearchParams(location.search);
}

export function langOf(params: URLSearchParams = currentParams()): Lang {
  const l = params.get('lang');
  if (l === 'en' || l === 'id') return l;
  try {
    const saved = localStorage.getItem('pantau-lang');
    if (saved === 'en') return 'en';
  } catch {}
  return 'id';
}

/** Only the filters (no page, no lang): what the API and the other pages take. */
export function filtersOf(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of [...SINGLE, ...MULTI]) for (const v of params.getAll(k)) if (v) out.append(k, v);
  return out;
}

export function withLang(path: string, params: URLSearchParams, lang: Lang): string {
  const p = new URLSearchParams(params);
  p.delete('lang');
  if (lang !== 'id') p.set('lang', lang);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export function toggle(params: URLSearchParams, key: FacetKey, value: string): URLSearchParams {
  const p = new URLSearchParams(params);
  p.delete('page');
  if (key === 'allegation') {
    if (p.get(key) === value) p.delete(key);
    else p.set(key, value);
    return p;
  }
  const values = p.getAll(key);
  p.delete(key);
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  for (const v of next) p.append(key, v);
  return p;
}
