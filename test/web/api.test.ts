/**
 * The web API against a real Meilisearch: validation (400 + JSON), read-only, JSON errors without stack traces,
 * security headers, no response carrying the master key; and the CLI: `pantau serve` on a busy port, `pantau brief`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { createApp, startServer } from '../../src/web/server.ts';
import { type FixtureServer, startFixtureServer } from './helpers.ts';

let server: FixtureServer;
const bodies: Array<{ path: string; body: string; headers: Headers }> = [];

async function get(path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(`${server.url}${path}`, init);
  const buf = Buffer.from(await res.arrayBuffer());
  bodies.push({ path, body: buf.toString('latin1'), headers: res.headers });
  return new Response(buf, { status: res.status, headers: res.headers });
}

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

const ROOT = join(import.meta.dirname, '../..');

describe('API validation', () => {
  test.each([
    ['cause=bogus', 'cause'],
    ['cause=hardware&cause=nope', 'cause'],
    ['limit=1000', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=99999', 'offset'],
    ['year=20x1', 'year'],
    ['year=1066', 'year'],
    ['from=2021-02-30', 'from'],
    ['from=07-06-2021', 'from'],
    ['from=2022-01-01&to=2021-01-01', 'from'],
    ['allegation=maybe', 'allegation'],
    ['sort=title:asc', 'sort'],
    ['scope=galactic', 'scope'],
    ['source_kind=News!', 'source_kind'],
    ['regency=' + 'x'.repeat(300), 'regency'],
    [`q=${'server '.repeat(40)}`, 'q'],
    ['q=a%00b', 'q'],
    ['q=a&q=b', 'q'],
    ['filter=province%3DX', 'filter'],
    ['lang=fr', 'lang'],
  ])('/api/search?%s → 400 (%s)', async (query, param) => {
    const res = await get(`/api/search?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error: { status: number; message: string; param?: string } };
    expect(body.error.status).toBe(400);
    expect(body.error.param).toBe(param);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  test.each([
    "Atlantis (Kepulauan) 'Barat'",
    // Filter syntax in a value is text (the KB quotes it), as in `pantau search`: one schema for both.
    'Kalimantan Tengah" OR province = "Jawa Barat',
    'Kalimantan Tengah OR Riau',
  ])('a province %s is matched literally: no error, no hits', async (value) => {
    const res = await get(`/api/search?province=${encodeURIComponent(value)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(0);
  });

  test('other endpoints validate too', async () => {
    for (const path of [
      '/api/facets?cause=bogus',
      '/api/overview?year=abc',
      '/api/incidents/..%2F..%2Fetc',
      '/api/incidents/inc-1?x=1',
      '/api/brief?format=pdf',
      '/api/brief?regency=Kabupaten+Luwu+Utara&province=Sulawesi+Selatan',
      '/api/brief?regency=Kabupaten+Luwu+Utara&format=exe',
      '/api/brief?regency=Kabupaten+Luwu+Utara&lang=fr',
      '/api/brief?regency=Kabupaten+Luwu+Utara&q=x',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: { status: number } }).error.status).toBe(400);
    }
  });

  test('the archived copy is served sandboxed; only archived http(s) URLs', async () => {
    const ok = await get(`/archive?url=${encodeURIComponent('https://suara-luwu.example/lutra-2021-harddisk')}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Hard disk pada server utama rusak');
    const csp = ok.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('allow-scripts');
    const missing = await get(`/archive?url=${encodeURIComponent('https://suara-luwu.example/not-archived')}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { status: number } }).error.status).toBe(404);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', '']) {
      expect((await get(`/archive?url=${encodeURIComponent(bad)}`)).status).toBe(400);
    }
    expect((await get('/archive?url=https://a.example/&x=1')).status).toBe(400);
  });

  test('read-only: writes are refused with 405 and JSON', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await get('/api/search', { method, body: method === 'DELETE' ? undefined : '{}' });
      expect(res.status).toBe(405);
      expect(((await res.json()) as { error: { status: number } }).error.status).toBe(405);
    }
  });

  test('not found is JSON for the API', async () => {
    const a = await get('/api/incidents/inc-doesnotexist');
    expect(a.status).toBe(404);
    expect(((await a.json()) as { error: { status: number } }).error.status).toBe(404);
    const b = await get('/api/nothing-here');
    expect(b.status).toBe(404);
    expect(b.headers.get('content-type')).toMatch(/json/);
  });
});

describe('API answers', () => {
  test('search, facets, incident, overview, brief', async () => {
    const s = (await (await get('/api/search?cause=hardware&province=Kalimantan+Tengah')).json()) as {
      total: number;
      hits: Array<{ id: string; causes: string[]; province: string[] }>;
      facets: Record<string, Record<string, number>>;
    };
    expect(s.total).toBe(2);
    for (const h of s.hits) {
      expect(h.causes).toContain('hardware');
      expect(h.province).toContain('Kalimantan Tengah');
    }
    expect(s.facets.regency?.['Kabupaten Barito Timur']).toBe(2);
    const f = (await (await get('/api/facets?year=2021')).json()) as { total: number; facets: Record<string, unknown> };
    expect(f.total).toBe(3);
    const id = s.hits[0]?.id ?? '';
    const inc = (await (await get(`/api/incidents/${id}`)).json()) as {
      incident: { id: string };
      reports: Array<{ url: string; title: string }>;
    };
    expect(inc.incident.id).toBe(id);
    expect(inc.reports.length).toBeGreaterThan(0);
    expect(JSON.stringify(inc.reports)).not.toContain('"text"');
    const o = (await (await get('/api/overview')).json()) as {
      total: number;
      series: Array<{ counts: number[] }>;
      provinces: Array<{ province: string; incidents: number }>;
    };
    expect(o.series.flatMap((x) => x.counts).reduce((a, b) => a + b, 0)).toBe(o.total);
    expect(o.provinces).toContainEqual({ province: 'Sulawesi Selatan', incidents: 5, regencies: 3 });
    const counts = o.provinces.map((p) => p.incidents);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const md = await get('/api/brief?regency=Kabupaten+Barito+Timur&format=md&lang=en');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toContain('brief-kabupaten-barito-timur.md');
    expect(await md.text()).toContain('“Power supply server kami terbakar”');
    const html = await get('/api/brief?province=Sulawesi+Selatan&format=html');
    expect(html.status).toBe(200);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("script-src 'self'");
    expect(await html.text()).toContain('Kota Makassar');
  });

  test('pages and assets are served by Pantau itself, with security headers', async () => {
    const page = await get('/');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^(\/(?!\/)|#)/); // same origin only
    expect((await get('/incident/inc-abc')).status).toBe(200);
    expect((await get('/overview')).status).toBe(200);
    expect((await get('/no/such/page')).status).toBe(404);
    const js = await get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    const css = await get('/assets/app.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    for (const r of [page, js, css]) {
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // Small bundles: the pages' code, and the chart chunk loaded only by the overview.
    const gz = await fetch(`${server.url}/assets/app.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await js.arrayBuffer()).length).toBeLessThan(60_000);
    expect((await get('/assets/nope.js')).status).toBe(404);
  });

  test('an internal error is JSON with a status, never a stack trace or its message', async () => {
    const web = await createApp({
      kb: {
        search: () => Promise.reject(new Error('boom in /secret/path/file.ts:12')),
        incident: () => Promise.reject(new Error('boom')),
        reportsOf: () => Promise.reject(new Error('boom')),
      },
      log: () => {},
    });
    const res = await web.app.request('/api/search?q=x');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { status: 500, message: 'internal error; the server log says more' } });
    expect(text).not.toMatch(/secret|\.ts:|at /);
    await web.close();
  });

  test('an empty knowledge base is a 503 that says what to do', async () => {
    const web = await createApp({
      kb: {
        search: () => Promise.reject(new UserError('the knowledge base is empty: run `pantau index` first')),
        incident: async () => null,
        reportsOf: async () => [],
      },
      log: () => {},
    });
    const res = await web.app.request('/api/search');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('pantau index');
    await web.close();
  });

  test('a response that would carry a secret is refused', async () => {
    const web = await createApp({
      kb: {
        search: async () => ({ hits: [], total: 0, facets: {}, processingTimeMs: 0 }),
        incident: async () => null,
        reportsOf: async () => [],
      },
      secrets: ['0'.repeat(4) + 'total'],
      log: () => {},
    });
    // The key "0000total" is absent, so this passes; the guard is exercised below with a key that appears.
    expect((await web.app.request('/api/search')).status).toBe(200);
    await web.close();
    const leaky = await createApp({
      kb: {
        search: async () => ({
          hits: [],
          total: 0,
          facets: { cause: { 'MASTER-KEY-abcdef': 1 } },
          processingTimeMs: 0,
        }),
        incident: async () => null,
        reportsOf: async () => [],
      },
      secrets: ['MASTER-KEY-abcdef'],
      log: () => {},
    });
    const res = await leaky.app.request('/api/search');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('MASTER-KEY-abcdef');
    await leaky.close();
  });
});

describe('CLI', () => {
  const env = () => ({ ...process.env, MEILI_URL: server.meiliUrl, MEILI_MASTER_KEY: server.masterKey });

  test('pantau serve on a port in use: one line, non-zero exit', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = spawnSync(process.execPath, ['bin/pantau.js', 'serve', '--port', String(port)], {
        cwd: ROOT,
        env: env(),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim()).toBe(`pantau: port ${port} on 127.0.0.1 is already in use`);
      await expect(startServer({ kb: {} as never, port, log: () => {} })).rejects.toThrow(UserError);
    } finally {
      blocker.close();
    }
  }, 120_000);

  test('pantau brief writes md and pdf; an unknown regency is a one-line error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-brief-'));
    try {
      const md = join(dir, 'brief.md');
      const r1 = spawnSync(
        process.execPath,
        ['bin/pantau.js', '-q', 'brief', '--regency', 'Kabupaten Luwu Utara', '--from', '2021-01-01', '--out', md],
        { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 60_000 },
      );
      expect(r1.stderr).toBe('');
      expect(r1.status).toBe(0);
      const text = readFileSync(md, 'utf8');
      expect(text).toContain('Gangguan LPSE Kabupaten Luwu Utara, 15 November 2021');
      expect(text).not.toContain('1 April 2020 |'); // before --from
      const pdf = join(dir, 'brief.pdf');
      const r2 = spawnSync(
        process.execPath,
        ['bin/pantau.js', '-q', 'brief', '--regency', 'Kabupaten Barito Timur', '--format', 'pdf', '--out', pdf],
        { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 90_000 },
      );
      expect(r2.status, r2.stderr).toBe(0);
      expect(existsSync(pdf)).toBe(true);
      const { text: pdfText } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(pdf))), {
        mergePages: true,
      });
      expect(pdfText.replace(/\s+/g, ' ')).toContain('Motherboard server kami rusak');
      const r3 = spawnSync(
        process.execPath,
        ['bin/pantau.js', 'brief', '--regency', 'Kabupaten Barito Barat', '--out', join(dir, 'x.md')],
        { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 60_000 },
      );
      expect(r3.status).not.toBe(0);
      expect(r3.stderr.trim().split('\n')).toHaveLength(1);
      expect(r3.stderr).toContain('did you mean "Kabupaten Barito Timur"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('secrets', () => {
  test('no response of this run contains the master key', async () => {
    // Everything fetched above, plus the brief in every format.
    for (const f of ['md', 'html', 'pdf']) await get(`/api/brief?regency=Kabupaten+Luwu+Utara&format=${f}`);
    await get('/assets/app.css');
    await get('/brief');
    expect(server.masterKey.length).toBeGreaterThan(16);
    expect(bodies.length).toBeGreaterThan(40);
    for (const b of bodies) {
      expect(b.body.includes(server.masterKey), b.path).toBe(false);
      expect(JSON.stringify([...b.headers]).includes(server.masterKey), b.path).toBe(false);
    }
  }, 120_000);
});
