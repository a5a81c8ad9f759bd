/**
 * The schedule reader against the local SPSE's tender pages (src/spse-sim/tenders.ts): every stage, deadline and
 * change of the fixture tenders recovered, in both URL forms and three time zones; paging by code until an empty
 * page; the token's refusal paths; incremental reads; politeness.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  bidDeadline,
  parseRows,
  parseSchedule,
  parseSpseTime,
  parseToken,
  parseValue,
} from '../../probe/schedules/parse.ts';
import { readSchedules, refreshSchedules, SCHEDULE_USER_AGENT, ScheduleReadError } from '../../probe/schedules/read.ts';
import type { Tender } from '../../probe/types.ts';
import {
  createTenderSite,
  type TenderInstance as SimInstance,
  type SimTender,
  shortRupiah,
  spseDate,
  type TenderSite,
  wallToIso,
} from '../../src/spse-sim/tenders.ts';
import { type Served, serveRoutes } from './schedules-server.ts';

const INSTANCES: Record<string, SimInstance> = {
  bartimkab: { slug: 'bartimkab' },
  kutaikartanegarakab: { slug: 'kutaikartanegarakab', utcOffset: 8 },
  jayapurakab: { slug: 'jayapurakab', utcOffset: 9 },
};
const NOW = () => new Date('2026-08-18T03:00:00.000Z');

let site: TenderSite;
let central: Served;
let old: Served;

beforeAll(async () => {
  site = createTenderSite({ seed: 42, count: 30 });
  central = await serveRoutes(site.routes, (u) => INSTANCES[u.pathname.split('/')[1] ?? ''] ?? null);
  // The old form: the instance's own host, paths under /eproc4 (a WITA instance).
  old = await serveRoutes(site.routes, () => INSTANCES.kutaikartanegarakab!);
});
afterAll(async () => {
  await central?.close();
  await old?.close();
});

const opts = { years: [2026], pacingMs: 0, now: NOW };

/** What the reader must produce for a tender of the model, computed from the model's wall-clock times. */
function expected(t: SimTender, instance: string, offset: number): Omit<Tender, 'readAt'> {
  const iso = (w: string | null) => (w ? wallToIso(w, offset) : null);
  const stages = t.stages.map((s) => ({
    name: s.name,
    start: iso(s.start),
    end: iso(s.end),
    changes: s.history.length,
  }));
  const bid = t.stages.find((s) => /^(Upload|Pemasukan) Dokumen Penawaran/.test(s.name));
  return {
    instance,
    code: t.code,
    kind: t.kind,
    name: t.name.replace(/<span[^>]*>.*?<\/span>/, '').trim(),
    value: t.value,
    stageNow: t.stageNow,
    stages,
    history: t.stages.flatMap((s) =>
      s.history.map((c) => ({
        stage: s.name,
        changedAt: iso(c.changedAt),
        originalStart: iso(c.originalStart),
        originalEnd: iso(c.originalEnd),
        note: c.note,
      })),
    ),
    deadline: iso(bid?.end ?? null),
  };
}

function byCode(list: Tender[]): Map<string, Tender> {
  return new Map(list.map((t) => [t.code, t]));
}

describe('parsing SPSE', () => {
  test.each([
    ['22,7 M', 22_700_000_000],
    ['19,9 Jt', 19_900_000],
    ['850 Jt', 850_000_000],
    ['1,25 T', 1_250_000_000_000],
    ['Rp 1.250.000.000,00', 1_250_000_000],
    ['Nilai Kontrak belum dibuat', null],
    ['', null],
  ])('parseValue(%j) = %j', (text, want) => {
    expect(parseValue(text)).toBe(want);
  });

  test.each([
    ['19 Agustus 2026 20:00', 7, '2026-08-19T13:00:00.000Z'],
    ['19 Agustus 2026 20:00', 8, '2026-08-19T12:00:00.000Z'],
    ['19 Agustus 2026 20:00', 9, '2026-08-19T11:00:00.000Z'],
    // past midnight local is the previous day in UTC
    ['1 Januari 2026 03:30', 7, '2025-12-31T20:30:00.000Z'],
    ['01 Des 2025 08.00', 7, '2025-12-01T01:00:00.000Z'],
    ['31 Juni 2026 10:00', 7, null],
    ['-', 7, null],
  ] as const)('parseSpseTime(%j, %i) = %j', (text, offset, want) => {
    expect(parseSpseTime(text, offset)).toBe(want);
  });

  test('the token from the script, else from the SPSE_SESSION cookie', () => {
    expect(parseToken("<script>var authenticityToken = 'abc123def456';</script>")).toBe('abc123def456');
    expect(parseToken('<p>no script</p>', ['SPSE_SESSION=9f3e-___AT=feedc0ffee42&___TS=1; Path=/'])).toBe(
      'feedc0ffee42',
    );
    expect(parseToken('<p>none</p>', ['OTHER=x'])).toBeNull();
  });

  test('a row with the Tender Batal badge: the name without it, the stage says so', () => {
    const [row] = parseRows({
      data: [
        [
          '10090003000',
          "Pengadaan Ambulans <span class='badge badge-warning'>Tender Batal</span>",
          'Dinas Kesehatan',
          'Upload Dokumen Penawaran',
          '1,9 M',
        ],
      ],
    });
    expect(row).toEqual({
      code: '10090003000',
      name: 'Pengadaan Ambulans',
      value: 1_900_000_000,
      stageNow: 'Tender Batal',
      cancelled: true,
    });
  });

  test('the deadline is the Sampai of the upload stage, never of another stage', () => {
    const stages = parseSchedule(
      `<table class="table table-sm"><tr><th>No</th><th>Tahap</th><th>Mulai</th><th>Sampai</th><th>Perubahan</th></tr>
       <tr><td>1</td><td>Pembukaan Dokumen Penawaran</td><td>20 Agustus 2026 08:00</td><td>20 Agustus 2026 16:00</td><td>Tidak Ada</td></tr>
       <tr><td>2</td><td>Pemasukan Dokumen Penawaran</td><td>7 Agustus 2026 08:00</td><td>19 Agustus 2026 20:00</td><td><a href="/x/jadwalnontender/5/history">1 kali perubahan</a></td></tr></table>`,
      7,
    );
    expect(stages!.map((s) => [s.name, s.changes, s.historyHref])).toEqual([
      ['Pembukaan Dokumen Penawaran', 0, null],
      ['Pemasukan Dokumen Penawaran', 1, '/x/jadwalnontender/5/history'],
    ]);
    expect(bidDeadline(stages!)).toBe('2026-08-19T13:00:00.000Z');
    // A page without the table is not "no schedule": an error page, the login page
    expect(parseSchedule('<p>Maaf, terjadi error pada aplikasi SPSE.</p><p>Kode Error : 81kep4jo9</p>')).toBeNull();
  });

  test('the simulator prints what SPSE prints', () => {
    expect(shortRupiah(22_700_000_000)).toBe('22,7 M');
    expect(shortRupiah(19_900_000)).toBe('19,9 Jt');
    expect(spseDate('2026-08-19 20:00')).toBe('19 Agustus 2026 20:00');
  });
});

describe('the local SPSE', () => {
  test('DataTables: camelCase token required, snake_case 403, wrong token the login page, sentinel total', async () => {
    const list = await fetch(`${central.url}/bartimkab/lelang?tahun=2026`);
    const html = await list.text();
    const token = /authenticityToken = '([^']+)'/.exec(html)?.[1] ?? '';
    expect(token).not.toBe('');
    expect(list.headers.getSetCookie().join(';')).toContain(`___AT=${token}&`);
    const post = (body: Record<string, string>) =>
      fetch(`${central.url}/bartimkab/dt/lelang?tahun=2026`, {
        method: 'POST',
        body: new URLSearchParams(body),
      });
    const ok = await post({ authenticityToken: token, start: '0', length: '3', 'order[0][column]': '0' });
    const json = (await ok.json()) as { recordsTotal: number; data: string[][] };
    expect(json.recordsTotal).toBe(2147483647);
    expect(json.data).toHaveLength(3);
    expect(json.data[0]).toHaveLength(16);
    expect((await post({ authenticity_token: token, start: '0', length: '3' })).status).toBe(403);
    const wrong = await post({ authenticityToken: 'deadbeefdeadbeef', start: '0', length: '3' });
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toMatch(/<title>Login/);
    // Unsorted, the order changes between two identical calls.
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const r = (await (await post({ authenticityToken: token, start: '0', length: '100' })).json()) as {
        data: string[][];
      };
      orders.add(r.data.map((d) => d[0]).join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  test('the announcement needs a Referer', async () => {
    const url = `${central.url}/bartimkab/lelang/10090001000/pengumumanlelang`;
    const bare = await fetch(url);
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('Akses Ditolak!');
    expect((await fetch(url, { headers: { Referer: `${central.url}/bartimkab/lelang` } })).status).toBe(200);
  });
});

describe('readSchedules', () => {
  test('central form, WIB: every listed tender, with every stage, deadline and change of the model', async () => {
    const got = await readSchedules({ instance: 'bartimkab', base: `${central.url}/bartimkab` }, opts);
    const model = site.tendersOf('bartimkab', 2026);
    expect(got.map((t) => t.code).sort()).toEqual(model.map((t) => t.code).sort());
    const map = byCode(got);
    for (const t of model) {
      const { readAt, ...rest } = map.get(t.code)!;
      expect(rest).toEqual(expected(t, 'bartimkab', 7));
      expect(readAt).toBe('2026-08-18T03:00:00.000Z');
    }
    // Some generated tenders were changed too, and old ones say "Pemasukan".
    expect(got.filter((t) => t.history.length).length).toBeGreaterThan(2);
    expect(got.some((t) => t.stages.some((s) => s.name === 'Pemasukan Dokumen Penawaran'))).toBe(true);
  });

  test('the fixture tenders, as a person reads their pages', async () => {
    const got = byCode(await readSchedules({ instance: 'bartimkab', base: `${central.url}/bartimkab` }, opts));
    const changed = got.get('10090001000')!;
    // "19 Agustus 2026 20:00" WIB, after two changes (12 and 15 Agustus, 16:00)
    expect(changed.deadline).toBe('2026-08-19T13:00:00.000Z');
    expect(changed.value).toBe(22_700_000_000);
    const upload = changed.stages.find((s) => s.name === 'Upload Dokumen Penawaran')!;
    expect(upload).toEqual({
      name: 'Upload Dokumen Penawaran',
      start: '2026-08-07T01:00:00.000Z',
      end: '2026-08-19T13:00:00.000Z',
      changes: 2,
    });
    expect(changed.history.filter((c) => c.stage === 'Upload Dokumen Penawaran')).toEqual([
      {
        stage: 'Upload Dokumen Penawaran',
        changedAt: '2026-08-12T02:14:00.000Z',
        originalStart: '2026-08-07T01:00:00.000Z',
        originalEnd: '2026-08-12T09:00:00.000Z',
        note: 'Gangguan server LPSE, jadwal diperpanjang sesuai Perka LKPP 1/2015',
      },
      {
        stage: 'Upload Dokumen Penawaran',
        changedAt: '2026-08-15T03:02:00.000Z',
        originalStart: '2026-08-07T01:00:00.000Z',
        originalEnd: '2026-08-15T09:00:00.000Z',
        note: 'Aplikasi SPSE tidak dapat diakses',
      },
    ]);
    expect(changed.history).toHaveLength(3);
    // An older tender: "Pemasukan Dokumen Penawaran" until 16 Februari 2026 10:00 WIB
    expect(got.get('10090002000')!.deadline).toBe('2026-02-16T03:00:00.000Z');
    const cancelled = got.get('10090003000')!;
    expect([cancelled.name, cancelled.stageNow]).toEqual(['Pengadaan Ambulans', 'Tender Batal']);
    const none = got.get('10090004000')!;
    expect([none.stages, none.deadline, none.stageNow]).toEqual([[], null, 'Tidak Ada Jadwal']);
    const pl = got.get('10090005000')!;
    expect(pl.kind).toBe('non-tender');
    expect(pl.deadline).toBe('2026-08-21T16:00:00.000Z');
    expect(pl.history).toEqual([
      {
        stage: 'Pemasukan Dokumen Penawaran',
        changedAt: '2026-08-19T00:40:00.000Z',
        originalStart: '2026-08-17T01:00:00.000Z',
        originalEnd: '2026-08-19T05:00:00.000Z',
        note: 'Server LPSE down',
      },
    ]);
  });

  test('old form under /eproc4, WITA read from the footer clock; a set zone wins', async () => {
    const source = { instance: 'kutaikartanegarakab', base: `${old.url}/eproc4` };
    const got = await readSchedules(source, opts);
    const model = site.tendersOf('kutaikartanegarakab', 2026);
    expect(got).toHaveLength(model.length);
    const map = byCode(got);
    for (const t of model)
      expect({ ...map.get(t.code)!, readAt: undefined }).toEqual({
        ...expected(t, source.instance, 8),
        readAt: undefined,
      });
    expect(map.get('10090001000')!.deadline).toBe('2026-08-19T12:00:00.000Z');
    expect(old.seen.some((s) => s.path.startsWith('/eproc4/dt/pl'))).toBe(true);
    const wit = await readSchedules({ ...source, utcOffset: 9 }, { ...opts, toRefresh: () => ['10090001000'] });
    expect(wit.map((t) => t.deadline)).toEqual(['2026-08-19T11:00:00.000Z']);
  });

  test('pages by code with the length asked until an empty page, never by recordsTotal', async () => {
    const before = central.seen.length;
    const listed: string[][] = [];
    await readSchedules(
      { instance: 'jayapurakab', base: `${central.url}/jayapurakab` },
      {
        ...opts,
        pageLength: 7,
        toRefresh: (codes) => {
          listed.push(codes);
          return [];
        },
      },
    );
    const model = site.tendersOf('jayapurakab', 2026);
    const tenders = model.filter((t) => t.kind === 'tender').length;
    const nonTenders = model.length - tenders;
    const posts = central.seen.slice(before).filter((s) => s.method === 'POST');
    expect(posts.filter((s) => s.path.includes('/dt/lelang'))).toHaveLength(Math.ceil(tenders / 7) + 1);
    expect(posts.filter((s) => s.path.includes('/dt/pl'))).toHaveLength(Math.ceil(nonTenders / 7) + 1);
    expect(listed[0]).toHaveLength(model.length);
    expect(new Set(listed[0]).size).toBe(model.length);
  });

  test('incremental: only the codes the store names are read again', async () => {
    const before = site.log.length;
    const got = await readSchedules(
      { instance: 'bartimkab', base: `${central.url}/bartimkab` },
      { ...opts, toRefresh: async (codes) => codes.filter((c) => c === '10090001000' || c === '10090005000') },
    );
    expect(got.map((t) => t.code).sort()).toEqual(['10090001000', '10090005000']);
    const pages = site.log.slice(before).map((l) => l.path);
    expect(pages.filter((p) => p.endsWith('/jadwal')).sort()).toEqual([
      '/bartimkab/lelang/10090001000/jadwal',
      '/bartimkab/nontender/10090005000/jadwal',
    ]);
    // 2 changed stages of the tender, 1 of the non-tender
    expect(pages.filter((p) => p.endsWith('/history'))).toHaveLength(3);
  });

  test('refreshSchedules: a first pass reads every tender, the next only the new and the still running', async () => {
    // A store as the contract says: new to it, or running at `now` (a stage not yet over), is re-read.
    const saved = new Map<string, Tender>();
    const asked: string[] = [];
    const store = {
      async tendersToRefresh(_instance: string, listed: readonly string[], now: string) {
        asked.push(now);
        return listed.filter((c) => {
          const t = saved.get(c);
          return !t || t.stages.length === 0 || t.stages.some((s) => (s.end ?? '') > now);
        });
      },
      async upsertTenders(ts: readonly Tender[]) {
        for (const t of ts) saved.set(t.code, t);
      },
    };
    const source = { instance: 'jayapurakab', base: `${central.url}/jayapurakab` };
    const model = site.tendersOf('jayapurakab', 2026);
    const first = await refreshSchedules(source, store, opts);
    expect(first).toHaveLength(model.length);
    const now = NOW().toISOString();
    const running = model.filter(
      (t) => t.stages.length === 0 || t.stages.some((s) => s.end !== null && wallToIso(s.end, 9) > now),
    );
    expect(running.length).toBeGreaterThan(0);
    expect(running.length).toBeLessThan(model.length);
    const before = site.log.length;
    const second = await refreshSchedules(source, store, opts);
    expect(second.map((t) => t.code).sort()).toEqual(running.map((t) => t.code).sort());
    expect(site.log.slice(before).filter((l) => l.path.endsWith('/jadwal'))).toHaveLength(running.length);
    expect(asked).toEqual([now, now]);
  });

  test('an expired token: the list page is fetched again, once, and the read goes on', async () => {
    let posts = 0;
    const expiring: typeof fetch = (input, init) => {
      if (init?.method === 'POST' && ++posts === 2) site.expireTokens();
      return fetch(input, init);
    };
    const before = site.log.length;
    const got = await readSchedules(
      { instance: 'bartimkab', base: `${central.url}/bartimkab` },
      { ...opts, fetch: expiring, toRefresh: () => [] },
    );
    expect(got).toEqual([]);
    const log = site.log.slice(before);
    expect(log.filter((l) => l.method === 'GET' && l.path.endsWith('/lelang'))).toHaveLength(2);
  });

  test('a token refused twice is a clear error', async () => {
    const refusing: typeof fetch = (input, init) => {
      if (init?.method === 'POST') site.expireTokens();
      return fetch(input, init);
    };
    const err = await readSchedules(
      { instance: 'bartimkab', base: `${central.url}/bartimkab` },
      { ...opts, fetch: refusing },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ScheduleReadError);
    expect(err.message).toBe('bartimkab: the tender list answered the login page twice: the session token is refused');
  });

  test('a refused list (403) and a page that never answers are one-line errors', async () => {
    const snake: typeof fetch = (input, init) => {
      if (init?.method === 'POST' && init.body) {
        init = { ...init, body: String(init.body).replace('authenticityToken=', 'authenticity_token=') };
      }
      return fetch(input, init);
    };
    const e403 = await readSchedules(
      { instance: 'bartimkab', base: `${central.url}/bartimkab` },
      { ...opts, fetch: snake },
    ).catch((e) => e);
    expect(e403.message).toBe('bartimkab: the tender list refused the request (403 Akses Ditolak)');
    const hanging = await serveRoutes(site.routes, () => INSTANCES.bartimkab!, { hang: /\/dt\// });
    try {
      const t0 = Date.now();
      const eHang = await readSchedules(
        { instance: 'bartimkab', base: `${hanging.url}/eproc4` },
        { ...opts, timeoutMs: 300 },
      ).catch((e) => e);
      expect(eHang).toBeInstanceOf(ScheduleReadError);
      expect(eHang.message).toMatch(
        /^bartimkab: http:\/\/127\.0\.0\.1:\d+\/eproc4\/dt\/lelang\?.* did not answer within 300 ms$/,
      );
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      await hanging.close();
    }
  });

  test('robots.txt is obeyed: a forbidden list stops the read, a forbidden schedule skips the tender', async () => {
    const robots =
      (rules: string): typeof fetch =>
      (input, init) =>
        String(input).endsWith('/robots.txt')
          ? Promise.resolve(new Response(`User-agent: *\n${rules}\n`, { status: 200 }))
          : fetch(input, init);
    const source = { instance: 'bartimkab', base: `${central.url}/bartimkab` };
    const err = await readSchedules(source, { ...opts, fetch: robots('Disallow: /bartimkab/dt/') }).catch((e) => e);
    expect(err.message).toBe('bartimkab: robots.txt forbids /bartimkab/dt/lelang');
    const warnings: string[] = [];
    const got = await readSchedules(source, {
      ...opts,
      fetch: robots('Disallow: /bartimkab/nontender/'),
      toRefresh: () => ['10090001000', '10090005000'],
      onWarning: (w) => warnings.push(w),
    });
    expect(got.map((t) => t.code)).toEqual(['10090001000']);
    expect(warnings).toEqual([
      'bartimkab: tender 10090005000 skipped: robots.txt forbids /bartimkab/nontender/10090005000/jadwal',
    ]);
  });

  test("an error page instead of a schedule skips the tender, never reads as 'no schedule'", async () => {
    const failing: typeof fetch = (input, init) =>
      String(input).endsWith('/10090001000/jadwal')
        ? Promise.resolve(
            new Response(
              '<h1>Terjadi Kesalahan</h1><p>Maaf, terjadi error pada aplikasi SPSE.</p><p>Kode Error : 81kep4jo9</p>',
              {
                status: 200,
                headers: { 'content-type': 'text/html' },
              },
            ),
          )
        : fetch(input, init);
    const warnings: string[] = [];
    const got = await readSchedules(
      { instance: 'bartimkab', base: `${central.url}/bartimkab` },
      { ...opts, fetch: failing, toRefresh: () => ['10090001000', '10090004000'], onWarning: (w) => warnings.push(w) },
    );
    expect(got.map((t) => [t.code, t.stages.length])).toEqual([['10090004000', 0]]);
    expect(warnings).toEqual(['bartimkab: tender 10090001000 skipped: no schedule table on the page']);
  });

  test('polite: its User-Agent, a Referer on every schedule page, requests to one host spaced', async () => {
    const before = central.seen.length;
    const t0 = Date.now();
    await readSchedules(
      { instance: 'bartimkab', base: `${central.url}/bartimkab` },
      { ...opts, pacingMs: 40, toRefresh: () => ['10090001000'] },
    );
    const seen = central.seen.slice(before);
    expect(seen.every((s) => s.headers['user-agent'] === SCHEDULE_USER_AGENT)).toBe(true);
    expect(seen.filter((s) => /jadwal|history/.test(s.path)).every((s) => Boolean(s.headers.referer))).toBe(true);
    expect(
      seen.filter((s) => s.method === 'POST').every((s) => s.headers['x-requested-with'] === 'XMLHttpRequest'),
    ).toBe(true);
    // n requests spaced 40 ms apart take at least (n - 1) × 40 ms
    expect(Date.now() - t0).toBeGreaterThanOrEqual((seen.length - 1) * 40 - 5);
  });
});
