import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simInstances, tableInstances, utcOffsetOf } from '../../src/spse-sim/instances.ts';
import { CENTRAL_HOST, createSpseSim, type SimRoute, type SpseSim } from '../../src/spse-sim/server.ts';
import { demoTimetable, parseTimetable, readTimetable, TimetableIndex } from '../../src/spse-sim/timetable.ts';
import { tempDir } from '../helpers.ts';

const T0 = Date.parse('2026-08-19T06:00:00Z');
let now = T0;
let sim: SpseSim;
const seen: { path: string; form: string; body: string; slug: string }[] = [];

// A route as tenders.ts would write one: the list page, and a DataTables POST that echoes its form body.
const tenderRoute: SimRoute = (req, inst) => {
  seen.push({ path: req.path, form: req.form, body: req.body, slug: inst.slug });
  if (req.path === '/lelang') return { body: `<script>authenticityToken = 'tok-${inst.slug}';</script>` };
  if (req.path === '/dt/lelang' && req.method === 'POST') {
    return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ got: req.body }) };
  }
  return null;
};

beforeAll(async () => {
  sim = await createSpseSim({
    instances: tableInstances().slice(0, 12),
    clock: () => now,
    routes: [tenderRoute],
    timetable: {
      entries: [
        { instance: 'acehbaratkab', from: '2026-08-19T05:00:00Z', to: '2026-08-19T07:00:00Z', fail: 'spse-error' },
        { instance: 'acehbesarkab', from: '2026-08-19T05:00:00Z', to: '2026-08-19T07:00:00Z', fail: 'dns' },
        {
          instance: 'acehjayakab',
          from: '2026-08-19T05:00:00Z',
          to: '2026-08-19T07:00:00Z',
          fail: 'connection-refused',
        },
      ],
    },
  });
});
afterAll(() => sim?.close());

/** A request to the sim as a client that resolved `host` to 127.0.0.1 would send it. */
function get(
  host: string,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `${host}:${sim.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

describe('the local SPSE', () => {
  test('serves an instance in both forms: by path on the central host, by Host header on its own', async () => {
    const central = await get(CENTRAL_HOST, '/acehbaratdayakab');
    expect(central.status).toBe(200);
    expect(central.body).toContain('Aplikasi SPSE v4.5u20250321');
    expect(central.body).toContain('Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)');
    expect(central.headers.server).toBe('cloudflare');
    const old = await get('lpse.acehbaratdayakab.go.id', '/eproc4');
    expect(old.status).toBe(200);
    expect(old.body).toContain('LPSE Kabupaten Aceh Barat Daya');
  });

  test('an eproc4 instance shows div#footer and the noscript text', async () => {
    const inst = [...sim.instances.values()].find((i) => i.footer === 'eproc4' && i.slug !== 'acehjayakab')!;
    const page = await get(inst.oldHost, '/eproc4/');
    expect(page.body).toMatch(/<div id="footer">[\s\S]*SPSE v4\.3u20191009 &middot; Update terakhir 09-10-2019/);
    expect(page.body).toContain('harap aktifkan fitur javascript pada browser anda');
  });

  test('the error page carries "Kode Error : <code>" while the timetable says so, and the home page after', async () => {
    const during = await get(CENTRAL_HOST, '/acehbaratkab/lelang');
    expect(during.status).toBe(500);
    expect(during.body).toMatch(/Maaf, terjadi error pada aplikasi SPSE\.[\s\S]*Kode Error : [0-9a-z]{9}/);
    now = Date.parse('2026-08-19T07:00:00Z'); // the interval is half-open
    try {
      expect((await get(CENTRAL_HOST, '/acehbaratkab')).status).toBe(200);
    } finally {
      now = T0;
    }
  });

  test('routes serve the pages beyond the home page, only while the instance is up, with the POST body', async () => {
    const list = await get(CENTRAL_HOST, '/acehbaratdayakab/lelang?tahun=2026');
    expect(list.body).toContain("authenticityToken = 'tok-acehbaratdayakab'");
    const dt = await get('lpse.acehbaratdayakab.go.id', '/eproc4/dt/lelang?tahun=2026', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'draw=1&start=0&length=25&authenticityToken=tok',
    });
    expect(JSON.parse(dt.body)).toEqual({ got: 'draw=1&start=0&length=25&authenticityToken=tok' });
    expect(seen.find((s) => s.path === '/dt/lelang')).toMatchObject({ form: 'old', slug: 'acehbaratdayakab' });
    const n = seen.length;
    await get(CENTRAL_HOST, '/acehbaratkab/lelang'); // down: the route is not asked
    expect(seen.length).toBe(n);
  });

  test('an announcement without a Referer is refused with "403 Akses Ditolak!"', async () => {
    const bare = await get(CENTRAL_HOST, '/acehbaratdayakab/lelang/10012345/pengumumanlelang');
    expect(bare.status).toBe(403);
    expect(bare.body).toContain('403 Akses Ditolak!');
    const withReferer = await get(CENTRAL_HOST, '/acehbaratdayakab/lelang/10012345/pengumumanlelang', {
      headers: { referer: `http://${CENTRAL_HOST}/acehbaratdayakab/lelang` },
    });
    expect(withReferer.status).toBe(404); // no route serves it here: the Referer let it through
  });

  test('the lookup map: the central host and known old hosts resolve; dns and refused follow the timetable', async () => {
    await expect(sim.lookup(CENTRAL_HOST)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(sim.lookup('lpse.acehbaratdayakab.go.id')).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(sim.lookup('lpse.acehbesarkab.go.id')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(sim.lookup('lpse.tidakada.go.id')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(sim.lookup('lpse.acehjayakab.go.id')).resolves.toEqual({ address: '127.0.0.2', family: 4 });
  });

  test('a moved instance: its old host redirects to the central form', async () => {
    const moved = [...sim.instances.values()].find((i) => i.moved)!;
    const r = await get(moved.oldHost, '/eproc4/lelang');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe(`http://${CENTRAL_HOST}:${sim.port}/${moved.slug}/lelang`);
  });

  test('the table it exports has both URL forms on its port', () => {
    const [first] = sim.table();
    expect(first).toMatchObject({
      id: 'acehbaratdayakab',
      url: `http://${CENTRAL_HOST}:${sim.port}/acehbaratdayakab`,
      old_url: `http://lpse.acehbaratdayakab.go.id:${sim.port}`,
    });
  });
});

describe('timetables and instances', () => {
  test('the JSON form is checked, with the entry and field named', () => {
    const ok = parseTimetable(
      '{"entries":[{"instance":"baritotimurkab","from":"2026-08-19T06:00:00Z","to":"2026-08-19T15:00:00+07:00","fail":"timeout"}]}',
    );
    expect(ok.entries).toHaveLength(1);
    expect(() =>
      parseTimetable(
        '{"entries":[{"instance":"x","from":"2026-08-19T06:00:00Z","to":"2026-08-19T07:00:00Z","fail":"meteor"}]}',
      ),
    ).toThrow(/entries\.0\.fail/);
    expect(() =>
      parseTimetable(
        '{"entries":[{"instance":"x","from":"2026-08-19T07:00:00Z","to":"2026-08-19T06:00:00Z","fail":"dns"}]}',
      ),
    ).toThrow(/entries\.0: "to" is not after "from"/);
  });

  test('a timetable file, and the demo script on instances of the table', () => {
    const dir = tempDir();
    const file = join(dir, 'timetable.json');
    const demo = demoTimetable(T0);
    writeFileSync(file, JSON.stringify(demo));
    expect(readTimetable(file)).toEqual(demo);
    expect(() => readTimetable(join(dir, 'missing.json'))).toThrow(/ENOENT/);
    const slugs = new Set(tableInstances().map((i) => i.slug));
    for (const e of demo.entries) expect(slugs.has(e.instance), e.instance).toBe(true);
  });

  test('intervals are half-open, the first listed entry wins, a form restriction holds', () => {
    const idx = new TimetableIndex({
      entries: [
        { instance: 'a', from: '2026-08-19T06:00:00Z', to: '2026-08-19T07:00:00Z', fail: 'timeout', form: 'old' },
        { instance: 'a', from: '2026-08-19T06:30:00Z', to: '2026-08-19T08:00:00Z', fail: 'http-5xx' },
      ],
    });
    const at = (s: string) => Date.parse(s);
    expect(idx.failureAt('a', at('2026-08-19T05:59:59Z'), 'old')).toBeNull();
    expect(idx.failureAt('a', at('2026-08-19T06:45:00Z'), 'old')?.fail).toBe('timeout');
    expect(idx.failureAt('a', at('2026-08-19T06:45:00Z'), 'central')?.fail).toBe('http-5xx');
    expect(idx.failureAt('a', at('2026-08-19T06:15:00Z'), 'central')).toBeNull();
    expect(idx.failureAt('a', at('2026-08-19T08:00:00Z'), 'central')).toBeNull();
  });

  test('600 instances from the LPSE table, with time zones from their province', () => {
    const all = tableInstances();
    expect(all).toHaveLength(600);
    expect(new Set(all.map((i) => i.oldHost)).size).toBe(600);
    expect(utcOffsetOf('62.13')).toBe(7); // Barito Timur, Kalimantan Tengah: WIB
    expect(utcOffsetOf('73.71')).toBe(8); // Makassar: WITA
    expect(utcOffsetOf('94.71')).toBe(9); // Jayapura: WIT
    expect(
      simInstances([
        { id: 'x', name: 'LPSE X', region_code: null, url: 'https://spse.inaproc.id/x', old_url: null },
      ])[0],
    ).toMatchObject({
      oldHost: 'lpse.x.go.id',
      utcOffset: 7,
    });
  });
});
