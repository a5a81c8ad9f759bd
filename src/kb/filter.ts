/**
 * SearchParams → Meilisearch filter: every value is validated against what it may be (a cause of the taxonomy,
 * a real calendar date, a bounded number, a string without control characters) and every string is quoted and
 * escaped, so no user input reaches a filter expression as syntax: `Barito" OR cause = "pdn` is a name, not a
 * clause. Pure.
 */
import { UserError } from '../errors.ts';
import { CAUSE_CATEGORIES, type CauseCategory } from '../types.ts';
import type { SearchParams } from './api.ts';
import { toTimestamp } from './document.ts';

/** A search parameter that cannot be used as given; `field` names it (the web app answers 400 with it). */
export class SearchParamError extends UserError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, 2);
    this.name = 'SearchParamError';
  }
}

export const MAX_LIMIT = 100;
/** Must not exceed pagination.maxTotalHits in index-config/*.json. */
export const MAX_OFFSET = 10_000;
const MAX_STRING = 200;
const MAX_VALUES = 50;
const MAX_QUERY = 500;
const PROVINCE_CODE_RE = /^\d{2}$/;
const REGENCY_CODE_RE = /^\d{2}\.\d{2}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SORTS = ['relevance', 'start:desc', 'start:asc', 'published:desc'] as const;
const SCOPES = ['local', 'national'] as const;

/**
 * A string as a Meilisearch filter literal: in double quotes, with `\` and `"` escaped, so it is matched literally.
 *
 * @example quoteFilterValue('Kabupaten "Bartim" OR 1=1') // '"Kabupaten \\"Bartim\\" OR 1=1"'
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function checkString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new SearchParamError(field, 'must be text');
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) throw new SearchParamError(field, 'must not be empty');
  if (v.length > MAX_STRING) throw new SearchParamError(field, `at most ${MAX_STRING} characters`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new SearchParamError(field, 'must not contain control characters');
  return v;
}

function checkList(field: string, values: unknown): string[] {
  if (values === undefined) return [];
  const list = Array.isArray(values) ? values : [values];
  if (list.length > MAX_VALUES) throw new SearchParamError(field, `at most ${MAX_VALUES} values`);
  return [...new Set(list.map((v) => checkString(field, v)))];
}

/** Checks a YYYY-MM-DD date that exists in the calendar; returns its UNIX seconds. */
export function checkDate(field: string, value: unknown): number {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  const ts = m ? toTimestamp(value as string) : null;
  if (!m || ts === null || new Date(ts * 1000).toISOString().slice(0, 10) !== value) {
    throw new SearchParamError(field, `must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  }
  return ts;
}

function checkInt(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SearchParamError(field, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** SearchParams after validation: what the query builder may use. */
export interface CheckedParams {
  q: string;
  cause: CauseCategory[];
  province: string[];
  regency: string[];
  year: number[];
  scope: Array<'local' | 'national'>;
  allegation: boolean | undefined;
  sourceKind: string[];
  official: string[];
  from: number | undefined;
  to: number | undefined;
  sort: (typeof SORTS)[number];
  limit: number;
  offset: number;
  includeChildren: boolean;
}

/** Validates search parameters; throws SearchParamError naming the first bad one. */
export function checkParams(params: SearchParams, defaults: { limit?: number } = {}): CheckedParams {
  const q = params.q === undefined ? '' : typeof params.q === 'string' ? params.q.trim() : null;
  if (q === null) throw new SearchParamError('q', 'must be text');
  if (q.length > MAX_QUERY) throw new SearchParamError('q', `at most ${MAX_QUERY} characters`);
  const cause = checkList('cause', params.cause).map((c) => {
    if (!(CAUSE_CATEGORIES as readonly string[]).includes(c)) {
      throw new SearchParamError('cause', `unknown cause ${JSON.stringify(c)} (one of ${CAUSE_CATEGORIES.join(', ')})`);
    }
    return c as CauseCategory;
  });
  const scope = checkList('scope', params.scope).map((s) => {
    if (!(SCOPES as readonly string[]).includes(s)) throw new SearchParamError('scope', 'must be local or national');
    return s as 'local' | 'national';
  });
  const year = (params.year ?? []).map((y) => checkInt('year', y, 1990, 2100));
  if (params.allegation !== undefined && typeof params.allegation !== 'boolean') {
    throw new SearchParamError('allegation', 'must be true or false');
  }
  const from = params.from === undefined ? undefined : checkDate('from', params.from);
  const to = params.to === undefined ? undefined : checkDate('to', params.to);
  if (from !== undefined && to !== undefined && from > to) throw new SearchParamError('from', 'is after to');
  const sort = params.sort ?? 'relevance';
  if (!(SORTS as readonly string[]).includes(sort)) {
    throw new SearchParamError('sort', `must be one of ${SORTS.join(', ')}`);
  }
  return {
    q,
    cause,
    province: checkList('province', params.province),
    regency: checkList('regency', params.regency),
    year,
    scope,
    allegation: params.allegation,
    sourceKind: checkList('sourceKind', params.sourceKind),
    official: checkList('official', params.official),
    from,
    to,
    sort,
    limit: params.limit === undefined ? (defaults.limit ?? 20) : checkInt('limit', params.limit, 1, MAX_LIMIT),
    offset: params.offset === undefined ? 0 : checkInt('offset', params.offset, 0, MAX_OFFSET),
    includeChildren: params.includeChildren === true,
  };
}

const anyOf = (clauses: string[]) => (clauses.length === 1 ? clauses[0]! : `(${clauses.join(' OR ')})`);
const inList = (attr: string, values: string[]) => `${attr} IN [${values.map(quoteFilterValue).join(', ')}]`;

/**
 * The filter (AND of clauses) for checked parameters. `target` is the index: report documents have no is_child.
 *
 * @example buildFilter(checkParams({ cause: ['hardware'], province: ['Kalimantan Tengah'] }))
 *   // ['cause IN ["hardware"]', 'province IN ["Kalimantan Tengah"]', 'is_child = false']
 */
export function buildFilter(p: CheckedParams, target: 'incidents' | 'reports' = 'incidents'): string[] {
  const f: string[] = [];
  if (p.cause.length) f.push(inList('cause', p.cause));
  if (p.province.length) {
    const codes = p.province.filter((v) => PROVINCE_CODE_RE.test(v));
    const names = p.province.filter((v) => !PROVINCE_CODE_RE.test(v));
    const clauses: string[] = [];
    if (names.length) clauses.push(inList('province', names));
    if (codes.length) clauses.push(inList('province_code', codes));
    f.push(anyOf(clauses));
  }
  if (p.regency.length) {
    const codes = p.regency.filter((v) => REGENCY_CODE_RE.test(v));
    const names = p.regency.filter((v) => !REGENCY_CODE_RE.test(v));
    const clauses: string[] = [];
    // "Barito Timur" and "Kabupaten Barito Timur" both find the kabupaten.
    if (names.length) clauses.push(inList('regency', names), inList('regency_alias', names));
    if (codes.length) clauses.push(inList('regency_code', codes));
    f.push(anyOf(clauses));
  }
  if (p.year.length) f.push(`year IN [${p.year.join(', ')}]`);
  if (p.scope.length) f.push(inList('scope', p.scope));
  if (p.allegation !== undefined) f.push(`allegation = ${p.allegation}`);
  if (p.sourceKind.length) f.push(inList('source_kind', p.sourceKind));
  if (p.official.length) f.push(inList('officials', p.official));
  if (p.from !== undefined) f.push(`date_ts >= ${p.from}`);
  if (p.to !== undefined) f.push(`date_ts <= ${p.to}`);
  if (target === 'incidents' && !p.includeChildren) f.push('is_child = false');
  if (target === 'reports') f.push('is_incident = true');
  return f;
}

/** The Meilisearch sort for a sort choice (none for relevance). */
export function buildSort(sort: CheckedParams['sort']): string[] | undefined {
  switch (sort) {
    case 'start:desc':
      return ['date_ts:desc'];
    case 'start:asc':
      return ['date_ts:asc'];
    case 'published:desc':
      return ['published_ts:desc'];
    default:
      return undefined;
  }
}
