/**
 * Bad input, the web API: every hostile query string gets a 400 with a JSON error naming the parameter (or a 404 /
 * 405 with a JSON error), never a 5xx, a stack trace or an HTML error page; the knowledge base is never asked a
 * question built from a bad parameter. The app runs in-process over a reader that records what it was asked.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KbReader } from '../../src/brief/load.ts';
import type { SearchParams } from '../../src/kb/api.ts';
import { createApp, type WebApp } from '../../src/web/server.ts';

const asked: SearchParams[] = [];
const kb: KbReader = {
  async search(params) {
    asked.push(params);
    return { hits: [], total: 0, facets: {}, limit: params.limit ?? 20, offset: params.offset ?? 0 } as never;
  },
  async all(params) {
    asked.push(params);
    return [];
  },
  async incident() {
    return null;
  },
  async reportsOf() {
    return [];
  },
};

let web: WebApp;
beforeAll(async () => {
  web = await createApp({ kb, minify: false, cacheMs: 0, today: () => '2026-12-07', log: () => {} });
});
afterAll(() => web?.close());

const long = (n: number) => 'a'.repeat(n);
/** [path with query string, expected status, the parameter the error must name (or a word of its message)] */
const CASES: Array<[string, number, RegExp]> = [
  ['/api/search?limit=abc', 400, /limit/],
  ['/api/search?limit=-1', 400, /limit/],
  ['/api/search?limit=0', 400, /limit/],
  ['/api/search?limit=1e3', 400, /limit/],
  ['/api/search?limit=99999999999999999999', 400, /limit/],
  ['/api/search?offset=-5', 400, /offset/],
  ['/api/search?offset=1.5', 400, /offset/],
  ['/api/search?offset=999999999', 400, /offset/],
  ['/api/search?limit=10&limit=20', 400, /limit/],
  ['/api/search?from=2024-02-30', 400, /from/],
  ['/api/search?from=2024-13-01', 400, /from/],
  ['/api/search?from=yesterday', 400, /from/],
  ['/api/search?to=20240101', 400, /to/],
  ['/api/search?from=2024-03-01&to=2024-01-01', 400, /from|to/],
  ['/api/search?cause=aliens', 400, /cause/],
  ['/api/search?cause=hardware%00', 400, /cause/],
  ['/api/search?scope=galactic', 400, /scope/],
  ['/api/search?sort=random', 400, /sort/],
  ['/api/search?sort=start:desc;DROP', 400, /sort/],
  ['/api/search?year=twenty', 400, /year/],
  ['/api/search?year=-2020', 400, /year/],
  ['/api/search?year=99999', 400, /year/],
  ['/api/search?allegation=maybe', 400, /allegation/],
  [`/api/search?q=${long(5000)}`, 400, /q/],
  [`/api/search?province=${long(5000)}`, 400, /province/],
  [`/api/search?${Array.from({ length: 200 }, (_, i) => `province=p${i}`).join('&')}`, 400, /province/],
  ['/api/search?unknown=1', 400, /unknown/],
  ['/api/search?__proto__=1', 400, /__proto__/],
  ['/api/search?constructor=1', 400, /constructor/],
  ['/api/facets?limit=abc', 400, /limit/],
  ['/api/facets?cause=aliens', 400, /cause/],
  ['/api/overview?from=2024-02-30', 400, /from/],
  ['/api/overview?cause=aliens', 400, /cause/],
  ['/api/incidents/..%2F..%2Fetc%2Fpasswd', 400, /id/],
  [`/api/incidents/${long(500)}`, 400, /id/],
  ['/api/incidents/inc%00x', 400, /id/],
  ['/api/incidents/inc-doesnotexist', 404, /incident/],
  ['/api/brief?format=docx&regency=Gresik', 400, /format/],
  ['/api/brief?format=md', 400, /regency|province/],
  ['/api/brief?format=md&regency=Gresik&from=2024-02-30', 400, /from/],
  [`/api/brief?format=md&regency=${long(5000)}`, 400, /regency/],
  ['/api/brief?format=md&regency=Gresik&lang=xx', 400, /lang/],
  ['/api/nope', 404, /no such endpoint/],
];

describe(`bad input: ${CASES.length} hostile API requests, each a JSON error naming what is wrong`, () => {
  test.each(CASES.map(([path, status, names]) => [path.slice(0, 70), path, status, names] as const))(
    'GET %s',
    async (_name, path, status, names) => {
      const before = asked.length;
      const res = await web.app.request(`http://127.0.0.1${path}`);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type') ?? '').toMatch(/application\/json/);
      const body = (await res.json()) as { error?: { status: number; message: string; param?: string } };
      expect(body.error?.status).toBe(status);
      expect(typeof body.error?.message).toBe('string');
      expect(`${body.error?.param ?? ''} ${body.error?.message}`).toMatch(names);
      expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      // a refused request never reaches the knowledge base
      if (status === 400) expect(asked.length).toBe(before);
    },
  );

  // not errors: an empty filter value is no filter, and bytes that do not decode are searched as U+FFFD
  test.each([
    ['/api/search?cause=', undefined],
    ['/api/search?q=%E0%A4%A', '\ufffd%A'],
    ['/api/search?q=%FF%FE', '\ufffd\ufffd'],
  ])('GET %s is answered, not refused', async (path, q) => {
    const before = asked.length;
    const res = await web.app.request(`http://127.0.0.1${path}`);
    expect(res.status).toBe(200);
    expect(asked.length).toBe(before + 1);
    expect(asked.at(-1)?.cause ?? []).toEqual([]);
    if (q) expect(asked.at(-1)?.q).toBe(q);
  });

  test.each([
    ['POST', '/api/search'],
    ['PUT', '/api/incidents/inc-x'],
    ['DELETE', '/api/search'],
  ])('%s %s → 405, read-only', async (method, path) => {
    const res = await web.app.request(`http://127.0.0.1${path}`, { method });
    expect(res.status).toBe(405);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/read-only/);
  });
});
