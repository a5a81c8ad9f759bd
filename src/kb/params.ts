/**
 * The search parameters, defined once: one table of limits, one list of sorts and scopes, one schema (zod) that
 * `pantau search`, `pantau export`, the brief and the web API all validate through (src/kb/filter.ts's
 * `checkParams`; the web API only turns its query string into these values first, src/web/validate.ts). Pure.
 */
import { z } from 'zod';
import { isCalendarDay } from '../../extractors/days.ts';
import { CAUSE_CATEGORIES, type CauseCategory } from '../../types/index.ts';

/** Every limit on a search, in one place. */
export const LIMITS = {
  /** Characters of a query. */
  q: 200,
  /** Characters of one filter value (a region, an official, a source kind). */
  text: 120,
  /** Values of one filter. */
  values: 20,
  /** Hits per page. */
  limit: 100,
  /**
   * How deep a result list goes: offset + limit. index-config/*.json's pagination.maxTotalHits; Meilisearch
   * returns nothing past it, so a page there would be silently empty. Exports have no such bound.
   */
  window: 10_000,
  minYear: 1990,
  maxYear: 2100,
} as const;

/** An incident id as the KB makes them (inc-…, with -N for a split): short and URL-safe. */
export const INCIDENT_ID_RE = /^[A-Za-z0-9_-]{1,128}$/;

export const SORTS = ['relevance', 'start:desc', 'start:asc', 'published:desc'] as const;
export const SCOPES = ['local', 'national'] as const;
export type Sort = (typeof SORTS)[number];

const SOURCE_KIND_RE = /^[a-z][a-z-]{0,39}$/;
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

const shown = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/** Free text as a filter value: trimmed, spaces collapsed, bounded, no control characters. Matched literally. */
const text = z
  .string({ error: 'must be text' })
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, { error: 'must not be empty' })
      .max(LIMITS.text, { error: `at most ${LIMITS.text} characters` })
      .refine((v) => !CONTROL_RE.test(v), { error: 'must not contain control characters' }),
  );

/** One value or many (the CLI repeats an option, the API a parameter), at most LIMITS.values, duplicates dropped. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(item).max(LIMITS.values, { error: `at most ${LIMITS.values} values` }),
    )
    .transform((xs) => [...new Set(xs as Array<z.output<T>>)]);

const oneOf = <T extends readonly string[]>(values: T, what: string) =>
  z.custom<T[number]>((v) => typeof v === 'string' && values.includes(v), {
    error: (iss) => `unknown ${what} ${shown(iss.input)} (one of ${values.join(', ')})`,
  });

const wholeNumber = (min: number, max: number) =>
  z.custom<number>((v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max, {
    error: (iss) => `must be a whole number from ${min} to ${max} (got ${shown(iss.input)})`,
  });

const date = z.custom<string>(isCalendarDay, {
  error: (iss) => `must be a date YYYY-MM-DD (got ${shown(iss.input)})`,
});

const flag = z.boolean({ error: 'must be true or false' });

/** The schema of SearchParams (src/kb/api.ts). Its output is what the query builder may use. */
export const searchParamsSchema = z
  .object({
    q: z.preprocess(
      (v) => v ?? '',
      z
        .string({ error: 'must be text' })
        .transform((v) => v.trim())
        .pipe(
          z
            .string()
            .max(LIMITS.q, { error: `at most ${LIMITS.q} characters` })
            .refine((v) => !CONTROL_RE.test(v), { error: 'must not contain control characters' }),
        ),
    ),
    cause: listOf(oneOf(CAUSE_CATEGORIES as readonly CauseCategory[], 'cause')),
    province: listOf(text),
    regency: listOf(text),
    official: listOf(text),
    sourceKind: listOf(
      text.pipe(z.string().regex(SOURCE_KIND_RE, { error: 'must be a kind such as news or lpse-announcement' })),
    ),
    year: listOf(wholeNumber(LIMITS.minYear, LIMITS.maxYear)),
    scope: listOf(oneOf(SCOPES, 'scope')),
    allegation: flag.optional(),
    from: date.optional(),
    to: date.optional(),
    sort: oneOf(SORTS, 'sort').optional(),
    limit: wholeNumber(1, LIMITS.limit).optional(),
    offset: wholeNumber(0, LIMITS.window).optional(),
    includeChildren: flag.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.from && p.to && p.from > p.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'is after to' });
    const end = (p.offset ?? 0) + (p.limit ?? 1);
    if (end > LIMITS.window) {
      ctx.addIssue({
        code: 'custom',
        path: ['offset'],
        message: `offset + limit may not pass ${LIMITS.window} (export lists everything)`,
      });
    }
  });

export type ParsedParams = z.output<typeof searchParamsSchema>;

/**
 * Validates search parameters; returns the parsed values or the first problem, with the parameter it names.
 *
 * @example parseParams({ cause: ['hardware'], province: 'Kalimantan Tengah' }) // { ok: true, value: { … } }
 */
export function parseParams(
  params: unknown,
): { ok: true; value: ParsedParams } | { ok: false; field: string; message: string } {
  const r = searchParamsSchema.safeParse(params ?? {});
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, field: String(issue?.path[0] ?? 'params'), message: issue?.message ?? 'invalid' };
}
