/**
 * SearchParams → Meilisearch filter: every value is validated by the one schema of src/kb/params.ts (a cause of
 * the taxonomy, a real calendar date, a bounded number, a string without control characters) and every string is quoted and
 * escaped, so no user input reaches a filter expression as syntax: `Barito" OR cause = "pdn` is a name, not a
 * clause. Pure.
 */

import { isCalendarDay } from '../../extractors/days.ts';
import { UserError } from '../errors.ts';
import type { CauseCategory } from '../../types/index.ts';
import type { SearchParams } from './api.ts';
import { toTimestamp } from './document.ts';
import { parseParams, type Sort } from './params.ts';

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

const PROVINCE_CODE_RE = /^\d{2}$/;
const REGENCY_CODE_RE = /^\d{2}\.\d{2}$/;

/**
 * A string as a Meilisearch filter literal: in double quotes, with `\` and `"` escaped, so it is matched literally.
 *
 * @example quoteFilterValue('Kabupaten "Bartim" OR 1=1') // '"Kabupaten \\"Bartim\\" OR 1=1"'
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Checks a YYYY-MM-DD date that exists in the calendar; returns its UNIX seconds. */
export function checkDate(field: string, value: unknown): number {
  const ts = isCalendarDay(value) ? toTimestamp(value) : null;
  if (ts === null) throw new SearchParamError(field, `must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return ts;
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
  sort: Sort;
  limit: number;
  offset: number;
  includeChildren: boolean;
}

/**
 * Validates search parameters against the one schema (src/kb/params.ts); throws SearchParamError naming the first
 * bad one.
 */
export function checkParams(params: SearchParams, defaults: { limit?: number } = {}): CheckedParams {
  const r = parseParams({ ...params, limit: params.limit ?? defaults.limit });
  if (!r.ok) throw new SearchParamError(r.field, r.message);
  const p = r.value;
  return {
    ...p,
    allegation: p.allegation,
    from: p.from === undefined ? undefined : (toTimestamp(p.from) ?? undefined),
    to: p.to === undefined ? undefined : (toTimestamp(p.to) ?? undefined),
    sort: p.sort ?? 'relevance',
    limit: p.limit ?? 20,
    offset: p.offset ?? 0,
    includeChildren: p.includeChildren === true,
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
