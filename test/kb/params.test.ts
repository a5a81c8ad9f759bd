/**
 * One schema for search parameters: `pantau search`/`export` (checkParams) and the web API (parseSearchQuery)
 * accept and refuse the same values, with the limits of one table. Pure.
 */
import { describe, expect, test } from 'vitest';
import type { SearchParams } from '../../src/kb/api.ts';
import { checkParams, SearchParamError } from '../../src/kb/filter.ts';
import { LIMITS } from '../../src/kb/params.ts';
import { BadRequest, parseSearchQuery } from '../../src/web/validate.ts';

/** The field the CLI path refuses, or null. */
function cliRefuses(p: SearchParams): string | null {
  try {
    checkParams(p);
    return null;
  } catch (err) {
    if (err instanceof SearchParamError) return err.field;
    throw err;
  }
}

/** The parameter the API refuses, or null. */
function apiRefuses(query: string): string | null {
  try {
    parseSearchQuery(new URLSearchParams(query));
    return null;
  } catch (err) {
    if (err instanceof BadRequest) return err.param ?? '';
    throw err;
  }
}

const long = (n: number) => 'a'.repeat(n);

describe('one set of limits for the CLI and the API', () => {
  test.each<[string, SearchParams, string, string | null]>([
    ['q at the limit', { q: long(LIMITS.q) }, `q=${long(LIMITS.q)}`, null],
    ['q over it', { q: long(LIMITS.q + 1) }, `q=${long(LIMITS.q + 1)}`, 'q'],
    ['q with a NUL', { q: 'a\u0000b' }, 'q=a%00b', 'q'],
    ['a name at the limit', { regency: [long(LIMITS.text)] }, `regency=${long(LIMITS.text)}`, null],
    ['a name over it', { regency: [long(LIMITS.text + 1)] }, `regency=${long(LIMITS.text + 1)}`, 'regency'],
    ['filter syntax in a name', { province: ['Riau" OR x = "y'] }, 'province=Riau%22%20OR%20x%20%3D%20%22y', null],
    [
      'too many values',
      { cause: Array(LIMITS.values + 1).fill('hardware') },
      `${'cause=hardware&'.repeat(LIMITS.values + 1)}`,
      'cause',
    ],
    ['an unknown cause', { cause: ['gempa' as never] }, 'cause=gempa', 'cause'],
    ['an unknown scope', { scope: ['galactic' as never] }, 'scope=galactic', 'scope'],
    ['an unknown sort', { sort: 'title:asc' as never }, 'sort=title:asc', 'sort'],
    ['a year out of range', { year: [1066] }, 'year=1066', 'year'],
    ['a day not in the calendar', { from: '2021-02-30' }, 'from=2021-02-30', 'from'],
    ['from after to', { from: '2022-01-01', to: '2021-01-01' }, 'from=2022-01-01&to=2021-01-01', 'from'],
    ['limit over the page size', { limit: LIMITS.limit + 1 }, `limit=${LIMITS.limit + 1}`, 'limit'],
    [
      'the last page of the window',
      { offset: LIMITS.window - 20, limit: 20 },
      `offset=${LIMITS.window - 20}&limit=20`,
      null,
    ],
    [
      'a page past the window',
      { offset: LIMITS.window - 19, limit: 20 },
      `offset=${LIMITS.window - 19}&limit=20`,
      'offset',
    ],
    ['a source kind with capitals', { sourceKind: ['News!'] }, 'source_kind=News!', 'source_kind'],
  ])('%s', (_, cli, api, refused) => {
    const cliField = cliRefuses(cli);
    expect(cliField === 'sourceKind' ? 'source_kind' : cliField).toBe(refused);
    expect(apiRefuses(api)).toBe(refused);
  });

  test('the API names the parameter and keeps the schema message', () => {
    try {
      parseSearchQuery(new URLSearchParams('cause=gempa'));
      expect.unreachable();
    } catch (err) {
      expect((err as BadRequest).message).toMatch(/^cause: unknown cause "gempa" \(one of hardware/);
    }
    expect(parseSearchQuery(new URLSearchParams('cause=hardware|pdn&year=2021&children=1'))).toEqual({
      cause: ['hardware', 'pdn'],
      year: [2021],
      includeChildren: true,
      limit: 20,
      offset: 0,
    });
  });
});
