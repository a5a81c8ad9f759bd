/**
 * Query parameters of the web API → `SearchParams`, or a 400 with a reason. This module only reads the query string
 * (names, repeated values split on `|`, numbers and booleans from text); what each value may be is checked by the
 * one schema the CLI and exports use too (src/kb/params.ts), so the API and `pantau search` have the same limits.
 * Unknown parameter names are refused so a typo never silently widens a search; free text is matched literally.
 */

import { isCalendarDay } from '../../extractors/days.ts';
import type { SearchParams } from '../kb/api.ts';
import { INCIDENT_ID_RE, LIMITS, parseParams } from '../kb/params.ts';

export { LIMITS };

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

/** The API's name of a SearchParams field. */
const API_NAME: Record<string, string> = { sourceKind: 'source_kind', includeChildren: 'children' };

export function checkNames(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of new Set(query.keys())) {
    if (!allowed.includes(name)) throw new BadRequest(`unknown parameter "${name.slice(0, 40)}"`, name.slice(0, 40));
  }
}

function all(query: URLSearchParams, name: string): string[] | undefined {
  const values = query
    .getAll(name)
    .flatMap((v) => v.split('|'))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length ? values : undefined;
}

function one(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw new BadRequest(`${name} may be given once`, name);
  const v = values[0]?.trim();
  return v === '' ? undefined : v;
}

/** A number from its digits; anything else stays text, for the schema to refuse with its message. */
const num = (v: string | undefined): number | string | undefined =>
  v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : v;

function bool(v: string | undefined, name: string): boolean | undefined {
  if (v === undefined) return undefined;
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
  const lang = one(query, 'lang');
  if (lang !== undefined && lang !== 'id' && lang !== 'en') throw new BadRequest('lang must be id or en', 'lang');
  const raw = {
    q: one(query, 'q'),
    cause: all(query, 'cause'),
    province: all(query, 'province'),
    regency: all(query, 'regency'),
    official: all(query, 'official'),
    year: all(query, 'year')?.map(num),
    scope: all(query, 'scope'),
    sourceKind: all(query, 'source_kind'),
    allegation: bool(one(query, 'allegation'), 'allegation'),
    from: one(query, 'from'),
    to: one(query, 'to'),
    sort: one(query, 'sort'),
    limit: num(one(query, 'limit')) ?? 20,
    offset: num(one(query, 'offset')) ?? 0,
    includeChildren: bool(one(query, 'children'), 'children'),
  };
  const r = parseParams(raw);
  if (!r.ok) {
    const param = API_NAME[r.field] ?? r.field;
    throw new BadRequest(`${param}: ${r.message}`, param);
  }
  // The values as given (the KB checks them again with the same schema), without the keys left unset.
  const p = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  return p as SearchParams;
}

/** A real calendar day YYYY-MM-DD (2021-02-30 is refused). */
export function checkDate(v: string, name: string): string {
  if (!isCalendarDay(v)) throw new BadRequest(`${name} must be a calendar date YYYY-MM-DD`, name);
  return v;
}

/** An incident id as the KB makes them: short, URL-safe. */
export function checkIncidentId(id: string): string {
  if (!INCIDENT_ID_RE.test(id)) throw new BadRequest('not an incident id', 'id');
  return id;
}
