/**
 * Query parameters of the web API → `SearchParams`, or a 400 with a reason. Every value is checked here before it
 * goes near Meilisearch: enums must be known, free text is bounded and matched literally (the KB quotes it), numbers
 * are integers in range, and unknown parameter names are refused so a typo never silently widens a search.
 */
import type { SearchParams } from '../kb/api.ts';
import { CAUSE_CATEGORIES, type CauseCategory } from '../types.ts';

/** A bad request: the API answers 400 with `{ error: { status: 400, message, param } }`. */
export class BadRequest extends Error {
  readonly status = 400;
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

export const LIMITS = {
  q: 200,
  text: 120,
  values: 20,
  limit: 100,
  offset: 1000,
  minYear: 1990,
  maxYear: 2100,
} as const;

const SORTS = ['relevance', 'start:desc', 'start:asc', 'published:desc'] as const;
const SCOPES = ['local', 'national'] as const;
const SOURCE_KIND_RE = /^[a-z][a-z-]{0,39}$/;
const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
// Letters of any script, digits, spaces and the punctuation found in region and person names ("Kota Bau-Bau",
// "Prof. Dr. H. Andi", "Daerah Istimewa Yogyakarta"). No quotes, brackets or control characters.
const NAME_RE = /^[\p{L}\p{M}\p{N} .,'’()\-/]+$/u;

/** Parameters every search-like endpoint accepts; `extra` names those an endpoint adds. */
const SEARCH_PARAMS = [
  'q',
  'cause',
  'province',
  'regency',
  'year',
  'scope',
  'allegation',
  'source_kind',
  'official',
  'from',
  'to',
  'sort',
  'limit',
  'offset',
  'children',
  'lang',
] as const;

export function checkNames(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of new Set(query.keys())) {
    if (!allowed.includes(name)) throw new BadRequest(`unknown parameter "${name.slice(0, 40)}"`, name.slice(0, 40));
  }
}

function all(query: URLSearchParams, name: string): string[] {
  const values = query
    .getAll(name)
    .flatMap((v) => v.split('|'))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length > LIMITS.values) throw new BadRequest(`at most ${LIMITS.values} values for ${name}`, name);
  return [...new Set(values)];
}

function one(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw new BadRequest(`${name} may be given once`, name);
  const v = values[0]?.trim();
  return v === '' ? undefined : v;
}

function names(query: URLSearchParams, name: string): string[] {
  return all(query, name).map((v) => {
    if (v.length > LIMITS.text) throw new BadRequest(`${name} is longer than ${LIMITS.text} characters`, name);
    if (!NAME_RE.test(v)) throw new BadRequest(`${name} has characters a name cannot have`, name);
    return v;
  });
}

function int(v: string, name: string, min: number, max: number): number {
  if (!/^\d{1,6}$/.test(v)) throw new BadRequest(`${name} must be a whole number`, name);
  const n = Number(v);
  if (n < min || n > max) throw new BadRequest(`${name} must be from ${min} to ${max}`, name);
  return n;
}

/** A real calendar day YYYY-MM-DD (2021-02-30 is refused). */
export function checkDate(v: string, name: string): string {
  if (!ISO_DATE_RE.test(v)) throw new BadRequest(`${name} must be a date YYYY-MM-DD`, name);
  const d = new Date(`${v}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new BadRequest(`${name} is not a calendar date`, name);
  }
  return v;
}

function bool(v: string, name: string): boolean {
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new BadRequest(`${name} must be true or false`, name);
}

/**
 * Validates the search parameters of a request.
 * @example parseSearchQuery(new URLSearchParams('q=server&cause=hardware&province=Kalimantan Tengah'))
 */
export function parseSearchQuery(query: URLSearchParams, extra: readonly string[] = []): SearchParams {
  checkNames(query, [...SEARCH_PARAMS, ...extra]);
  const p: SearchParams = {};
  const q = one(query, 'q');
  if (q !== undefined) {
    if (q.length > LIMITS.q) throw new BadRequest(`q is longer than ${LIMITS.q} characters`, 'q');
    if (/[\u0000-\u001f\u007f]/.test(q)) throw new BadRequest('q has control characters', 'q');
    p.q = q;
  }
  const causes = all(query, 'cause');
  for (const c of causes) {
    if (!CAUSE_CATEGORIES.includes(c as CauseCategory)) {
      throw new BadRequest(`unknown cause "${c.slice(0, 40)}"; known: ${CAUSE_CATEGORIES.join(', ')}`, 'cause');
    }
  }
  if (causes.length) p.cause = causes as CauseCategory[];
  const province = names(query, 'province');
  if (province.length) p.province = province;
  const regency = names(query, 'regency');
  if (regency.length) p.regency = regency;
  const official = names(query, 'official');
  if (official.length) p.official = official;
  const years = all(query, 'year').map((y) => int(y, 'year', LIMITS.minYear, LIMITS.maxYear));
  if (years.length) p.year = years;
  const scopes = all(query, 'scope');
  for (const s of scopes) {
    if (!SCOPES.includes(s as 'local')) throw new BadRequest(`scope must be local or national`, 'scope');
  }
  if (scopes.length) p.scope = scopes as Array<'local' | 'national'>;
  const kinds = all(query, 'source_kind');
  for (const k of kinds) {
    if (!SOURCE_KIND_RE.test(k)) throw new BadRequest('source_kind must be a kind such as news', 'source_kind');
  }
  if (kinds.length) p.sourceKind = kinds;
  const allegation = one(query, 'allegation');
  if (allegation !== undefined) p.allegation = bool(allegation, 'allegation');
  const from = one(query, 'from');
  if (from !== undefined) p.from = checkDate(from, 'from');
  const to = one(query, 'to');
  if (to !== undefined) p.to = checkDate(to, 'to');
  if (p.from && p.to && p.from > p.to) throw new BadRequest('from is after to', 'from');
  const sort = one(query, 'sort');
  if (sort !== undefined) {
    if (!SORTS.includes(sort as 'relevance')) throw new BadRequest(`sort must be one of ${SORTS.join(', ')}`, 'sort');
    p.sort = sort as SearchParams['sort'];
  }
  const limit = one(query, 'limit');
  p.limit = limit === undefined ? 20 : int(limit, 'limit', 1, LIMITS.limit);
  const offset = one(query, 'offset');
  p.offset = offset === undefined ? 0 : int(offset, 'offset', 0, LIMITS.offset);
  const children = one(query, 'children');
  if (children !== undefined) p.includeChildren = bool(children, 'children');
  const lang = one(query, 'lang');
  if (lang !== undefined && lang !== 'id' && lang !== 'en') throw new BadRequest('lang must be id or en', 'lang');
  return p;
}

/** An incident id as the KB makes them: short, URL-safe. */
export function checkIncidentId(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new BadRequest('not an incident id', 'id');
  return id;
}
