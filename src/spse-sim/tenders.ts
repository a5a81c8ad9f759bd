/**
 * The tender pages of a local SPSE 4.5 instance, for tests and the demo: the list page with its session token, the
 * DataTables endpoints (`/dt/lelang`, `/dt/pl`) with their token check and the 2147483647 sentinel, the
 * announcement page (403 without a Referer), the schedule pages (`Tahap | Mulai | Sampai | Perubahan`) and the
 * schedule-change history, in the shapes `../shared/data/SPSE.md` gives, under both URL forms: the central
 * `/<slug>/lelang/…` and the old `/eproc4/lelang/…`.
 *
 * The pages are route functions (`SimRoute`): the availability server (`src/spse-sim/server.ts`) resolves the
 * host to an instance and asks each route in turn; a route answers or returns null. The tenders of an instance
 * are a deterministic function of the seed, the slug and the year, plus the explicit fixture tenders of
 * `FIXTURE_TENDERS` (changed schedules, an old "Pemasukan" tender, a cancelled one, one without schedule), so a
 * test can compare what a reader recovers with `tendersOf(slug, year)`.
 *
 * Times in the model are the instance's wall-clock (`2026-08-19 20:00`), as SPSE shows them; the pages print them
 * as "19 Agustus 2026 20:00".
 */

import { MONTHS } from '../months.ts';
import { prng as rng } from '../prng.ts';
import type { SimInstance } from './instances.ts';
import type { SimRequest, SimResponse } from './server.ts';

/**
 * What the tender pages read of a request and of its instance: a part of the server's `SimRequest` and
 * `SimInstance`, so a `TenderRoute` is a `SimRoute` and a test can mount it on a bare node:http server.
 */
export type TenderRequest = Pick<SimRequest, 'method' | 'headers' | 'body'>;
export type TenderInstance = Pick<SimInstance, 'slug'> & { utcOffset?: number };
type TenderResponse = SimResponse & { status: number };
export type TenderRoute = (req: TenderRequest, instance: TenderInstance, url: URL) => TenderResponse | null;
type SimRoute = TenderRoute;

/** One change of a stage: the schedule as it was before the edit. */
export interface SimChange {
  /** Wall-clock `YYYY-MM-DD HH:mm`. */
  changedAt: string;
  originalStart: string;
  originalEnd: string;
  note: string;
}

export interface SimStage {
  name: string;
  /** Wall-clock `YYYY-MM-DD HH:mm`, or null ("-" on the page). */
  start: string | null;
  end: string | null;
  /** Oldest first. */
  history: SimChange[];
}

export interface SimTender {
  code: string;
  kind: 'tender' | 'non-tender';
  name: string;
  agency: string;
  /** The listed stage ("Tender Sudah Selesai"). */
  stageNow: string;
  /** Rupiah; exactly what the short form ("22,7 M") says. */
  value: number;
  cancelled: boolean;
  year: number;
  category: string;
  stages: SimStage[];
}

/** The months as SPSE writes them (as Pantau writes them in Indonesian). */
const BULAN = MONTHS.id;

/** The sentinel SPSE puts in `recordsTotal` whatever the count. */
export const RECORDS_SENTINEL = 2147483647;

const TENDER_STAGES = [
  'Pengumuman Pascakualifikasi',
  'Download Dokumen Pemilihan',
  'Pemberian Penjelasan',
  'Upload Dokumen Penawaran',
  'Pembukaan Dokumen Penawaran',
  'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga',
  'Pembuktian Kualifikasi',
  'Penetapan Pemenang',
  'Pengumuman Pemenang',
  'Masa Sanggah',
  'Surat Penunjukan Penyedia Barang/Jasa',
  'Penandatanganan Kontrak',
];

const NONTENDER_STAGES = [
  'Pengumuman Pengadaan Langsung',
  'Download Dokumen Pengadaan',
  'Pemasukan Dokumen Penawaran',
  'Pembukaan Dokumen Penawaran',
  'Evaluasi Penawaran',
  'Klarifikasi Teknis dan Negosiasi',
  'Penetapan Pemenang',
  'Pengumuman Pemenang',
  'Penandatanganan Kontrak',
];

const WORKS = [
  'Pembangunan Jalan',
  'Rehabilitasi Gedung',
  'Pengadaan Alat Kesehatan',
  'Peningkatan Jaringan Irigasi',
  'Pembangunan Jembatan',
  'Pengadaan Komputer',
  'Belanja Modal Kendaraan Dinas',
  'Pemeliharaan Berkala Jalan',
];
const PLACES = ['Desa Sungai Pinang', 'Kecamatan Tengah', 'Ruas Simpang Tiga', 'RSUD', 'Puskesmas Kota', 'Pasar Baru'];
const AGENCIES = [
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Sekretariat Daerah',
  'Dinas Perhubungan',
];
const CATEGORIES = ['Pekerjaan Konstruksi', 'Pengadaan Barang', 'Jasa Konsultansi Badan Usaha Non Konstruksi'];

/**
 * Tenders every instance carries, written by hand so a test can state what a reader must recover: a schedule
 * changed twice after a disruption, an old tender with "Pemasukan Dokumen Penawaran", a cancelled tender, one
 * without a schedule, and a non-tender whose bid deadline moved.
 */
export const FIXTURE_TENDERS: readonly SimTender[] = [
  {
    code: '10090001000',
    kind: 'tender',
    name: 'Pembangunan Gedung Pelayanan Terpadu RSUD Tahap II',
    agency: 'Dinas Kesehatan',
    stageNow: 'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga',
    value: 22_700_000_000,
    cancelled: false,
    year: 2026,
    category: 'Pekerjaan Konstruksi',
    stages: [
      { name: 'Pengumuman Pascakualifikasi', start: '2026-08-03 08:00', end: '2026-08-10 16:00', history: [] },
      { name: 'Download Dokumen Pemilihan', start: '2026-08-03 08:00', end: '2026-08-19 20:00', history: [] },
      { name: 'Pemberian Penjelasan', start: '2026-08-06 09:00', end: '2026-08-06 12:00', history: [] },
      {
        name: 'Upload Dokumen Penawaran',
        start: '2026-08-07 08:00',
        end: '2026-08-19 20:00',
        history: [
          {
            changedAt: '2026-08-12 09:14',
            originalStart: '2026-08-07 08:00',
            originalEnd: '2026-08-12 16:00',
            note: 'Gangguan server LPSE, jadwal diperpanjang sesuai Perka LKPP 1/2015',
          },
          {
            changedAt: '2026-08-15 10:02',
            originalStart: '2026-08-07 08:00',
            originalEnd: '2026-08-15 16:00',
            note: 'Aplikasi SPSE tidak dapat diakses',
          },
        ],
      },
      {
        name: 'Pembukaan Dokumen Penawaran',
        start: '2026-08-19 20:01',
        end: '2026-08-21 16:00',
        history: [
          {
            changedAt: '2026-08-15 10:03',
            originalStart: '2026-08-15 16:01',
            originalEnd: '2026-08-17 16:00',
            note: 'Menyesuaikan tahap sebelumnya',
          },
        ],
      },
      {
        name: 'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga',
        start: '2026-08-20 08:00',
        end: '2026-08-28 16:00',
        history: [],
      },
      { name: 'Penetapan Pemenang', start: '2026-08-31 08:00', end: '2026-08-31 16:00', history: [] },
      { name: 'Penandatanganan Kontrak', start: '2026-09-08 08:00', end: '2026-09-10 16:00', history: [] },
    ],
  },
  {
    code: '10090002000',
    kind: 'tender',
    name: 'Peningkatan Jalan Ruas Tamiang Layang - Ampah',
    agency: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    stageNow: 'Tender Sudah Selesai',
    value: 4_400_000_000,
    cancelled: false,
    year: 2026,
    category: 'Pekerjaan Konstruksi',
    stages: [
      { name: 'Pengumuman Pascakualifikasi', start: '2026-02-02 08:00', end: '2026-02-09 15:00', history: [] },
      { name: 'Pemasukan Dokumen Penawaran', start: '2026-02-02 08:00', end: '2026-02-16 10:00', history: [] },
      { name: 'Pembukaan Dokumen Penawaran', start: '2026-02-16 10:01', end: '2026-02-16 15:00', history: [] },
      { name: 'Evaluasi Penawaran', start: '2026-02-17 08:00', end: '2026-02-20 15:00', history: [] },
      { name: 'Penandatanganan Kontrak', start: '2026-03-02 08:00', end: '2026-03-04 15:00', history: [] },
    ],
  },
  {
    code: '10090003000',
    kind: 'tender',
    name: "Pengadaan Ambulans <span class='badge badge-warning'>Tender Batal</span>",
    agency: 'Dinas Kesehatan',
    stageNow: 'Tender Batal',
    value: 1_900_000_000,
    cancelled: true,
    year: 2026,
    category: 'Pengadaan Barang',
    stages: [
      { name: 'Pengumuman Pascakualifikasi', start: '2026-05-04 08:00', end: '2026-05-08 16:00', history: [] },
      { name: 'Upload Dokumen Penawaran', start: '2026-05-04 08:00', end: '2026-05-13 23:59', history: [] },
      { name: 'Pembukaan Dokumen Penawaran', start: '2026-05-14 00:00', end: '2026-05-14 16:00', history: [] },
    ],
  },
  {
    code: '10090004000',
    kind: 'tender',
    name: 'Jasa Konsultansi Perencanaan Pasar Rakyat',
    agency: 'Dinas Perdagangan',
    stageNow: 'Tidak Ada Jadwal',
    value: 650_000_000,
    cancelled: false,
    year: 2026,
    category: 'Jasa Konsultansi Badan Usaha Konstruksi',
    stages: [],
  },
  {
    code: '10090005000',
    kind: 'non-tender',
    name: 'Pengadaan Meubelair Kantor Kecamatan',
    agency: 'Sekretariat Daerah',
    stageNow: 'Klarifikasi Teknis dan Negosiasi',
    value: 199_000_000,
    cancelled: false,
    year: 2026,
    category: 'Pengadaan Barang',
    stages: [
      { name: 'Pengumuman Pengadaan Langsung', start: '2026-08-17 08:00', end: '2026-08-18 16:00', history: [] },
      {
        name: 'Pemasukan Dokumen Penawaran',
        start: '2026-08-17 08:00',
        end: '2026-08-21 23:00',
        history: [
          {
            changedAt: '2026-08-19 07:40',
            originalStart: '2026-08-17 08:00',
            originalEnd: '2026-08-19 12:00',
            note: 'Server LPSE down',
          },
        ],
      },
      { name: 'Klarifikasi Teknis dan Negosiasi', start: '2026-08-24 08:00', end: '2026-08-25 16:00', history: [] },
      { name: 'Penandatanganan Kontrak', start: '2026-08-27 08:00', end: '2026-08-28 16:00', history: [] },
    ],
  },
];

function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes since the epoch of a wall-clock time, and back (UTC arithmetic on wall-clock values: no zone). */
function wallToMin(w: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(w);
  if (!m) throw new Error(`bad wall-clock time ${w}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) / 60_000;
}
function minToWall(min: number): string {
  const d = new Date(min * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The tenders of an instance in a year: generated ones, then the fixture tenders (for the fixture year). */
export function generateTenders(slug: string, year: number, opts: { seed?: number; count?: number } = {}): SimTender[] {
  const rand = rng(hashOf(`${opts.seed ?? 1}:${slug}:${year}`));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const count = opts.count ?? 24;
  const out: SimTender[] = [];
  let code = 10_000_000_000 + Math.floor(rand() * 1_000_000) * 1000;
  for (let i = 0; i < count; i++) {
    code += 1000 + Math.floor(rand() * 50) * 1000;
    const kind: SimTender['kind'] = rand() < 0.3 ? 'non-tender' : 'tender';
    // Values as the short form prints them: one decimal of Jt or M.
    const value =
      kind === 'non-tender' ? (50 + Math.floor(rand() * 1500)) * 100_000 : (5 + Math.floor(rand() * 400)) * 100_000_000;
    const names = kind === 'tender' ? TENDER_STAGES : NONTENDER_STAGES;
    const oldStyle = kind === 'tender' && rand() < 0.2;
    const startDay = Math.floor(rand() * 330);
    let t = Date.UTC(year, 0, 1) / 60_000 + startDay * 1440 + 8 * 60;
    const stages: SimStage[] = [];
    for (const raw of names) {
      const name = oldStyle && raw === 'Upload Dokumen Penawaran' ? 'Pemasukan Dokumen Penawaran' : raw;
      const len = (1 + Math.floor(rand() * 5)) * 1440 - Math.floor(rand() * 8) * 60;
      const start = t;
      const end = t + len;
      const history: SimChange[] = [];
      if (/Dokumen Penawaran$/.test(name) && /^(Upload|Pemasukan)/.test(name) && rand() < 0.25) {
        history.push({
          changedAt: minToWall(end - 2 * 1440 + 75),
          originalStart: minToWall(start),
          originalEnd: minToWall(end - 3 * 1440),
          note: 'Perubahan jadwal karena gangguan akses LPSE',
        });
      }
      stages.push({ name, start: minToWall(start), end: minToWall(end), history });
      t = end + 1 + Math.floor(rand() * 3) * 1440;
    }
    out.push({
      code: String(code),
      kind,
      name: `${pick(WORKS)} ${pick(PLACES)}`,
      agency: pick(AGENCIES),
      stageNow:
        kind === 'tender' ? (rand() < 0.5 ? 'Tender Sudah Selesai' : 'Evaluasi Penawaran') : 'Penetapan Pemenang',
      value,
      cancelled: false,
      year,
      category: pick(CATEGORIES),
      stages,
    });
  }
  if (year === 2026) out.push(...FIXTURE_TENDERS.map((f) => structuredClone(f)));
  return out;
}

/** "22,7 M", "19,9 Jt": the list's short form of a rupiah value. */
export function shortRupiah(v: number): string {
  const unit = v >= 1e12 ? ['T', 1e12] : v >= 1e9 ? ['M', 1e9] : v >= 1e6 ? ['Jt', 1e6] : ['Rb', 1e3];
  const x = Math.round((v / (unit[1] as number)) * 10) / 10;
  return `${String(x).replace('.', ',')} ${unit[0]}`;
}

/** "19 Agustus 2026 20:00" from `2026-08-19 20:00`; "-" for none. */
export function spseDate(w: string | null): string {
  if (!w) return '-';
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(w);
  if (!m) return w;
  return `${Number(m[3])} ${BULAN[Number(m[2]) - 1]} ${m[1]} ${m[4]}`;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function zoneName(offset: number): string {
  return offset === 8 ? 'WITA' : offset === 9 ? 'WIT' : 'WIB';
}

function page(base: string, title: string, content: string, offset: number): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>${esc(title)} | SPSE 4.5</title>
<link rel="stylesheet" href="${base}/public/css/bootstrap.min.css"></head>
<body><nav class="navbar"><a class="navbar-brand" href="${base}">LPSE</a></nav>
<div class="container"><div class="content">
${content}
</div></div>
<footer class="footer"><div class="container">© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP)
<a href="${base}/publik/tentang">Aplikasi SPSE v4.5u20250321</a> <span id="clock">${zoneName(offset)}</span>
<script>var serverClock = { utc_offset: ${offset}, zone: '${zoneName(offset)}' };</script></div></footer>
</body></html>`;
}

function loginPage(base: string, offset: number): string {
  return page(
    base,
    'Login',
    `<h4>Login</h4><p>Sesi Anda telah berakhir, silakan login kembali.</p>
<form method="post" action="${base}/login"><input name="username"><input type="password" name="password">
<button type="submit">Login</button></form>`,
    offset,
  );
}

const html = (body: string, status = 200, headers: Record<string, string | string[]> = {}): TenderResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  body,
});

/** The path under the instance and the base of its links, in either URL form (null: not this instance's). */
export function localPath(instance: TenderInstance, url: URL): { path: string; base: string } | null {
  const p = url.pathname;
  for (const base of [`/${instance.slug}`, '/eproc4']) {
    if (p === base || p.startsWith(`${base}/`)) return { path: p.slice(base.length) || '/', base };
  }
  return null;
}

function header(req: TenderRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export interface TenderSiteOptions {
  seed?: number;
  /** Generated tenders per instance and year (24 by default). */
  count?: number;
  /** The tenders of an instance, instead of the generator. */
  tenders?: (slug: string, year: number) => SimTender[];
  /** How long a token lives (30 minutes by default). */
  tokenTtlMs?: number;
  /** The clock (tests move it to expire tokens). */
  now?: () => number;
}

export interface TenderSite {
  routes: SimRoute[];
  /** What the pages of an instance show for a year. */
  tendersOf(slug: string, year: number): SimTender[];
  /** Every token issued so far stops working (the next DataTables call gets the login page). */
  expireTokens(): void;
  /** Requests the routes answered, in order (method, path, status). */
  log: Array<{ method: string; path: string; status: number }>;
}

/**
 * The tender pages of every instance, as route functions.
 * @example const site = createTenderSite({ seed: 7 }); // site.routes mounted by the SPSE simulator
 */
export function createTenderSite(opts: TenderSiteOptions = {}): TenderSite {
  const now = opts.now ?? Date.now;
  const ttl = opts.tokenTtlMs ?? 30 * 60_000;
  const cache = new Map<string, SimTender[]>();
  const scheduleRows = new Map<number, { slug: string; t: SimTender; i: number }>();
  const rowIds = new Map<string, number>();
  const tokens = new Map<string, { slug: string; at: number }>();
  let issued = 0;
  let requestNo = 0;
  const log: TenderSite['log'] = [];
  const tendersOf = (slug: string, year: number): SimTender[] => {
    const key = `${slug}:${year}`;
    let list = cache.get(key);
    if (!list) {
      list = opts.tenders ? opts.tenders(slug, year) : generateTenders(slug, year, opts);
      cache.set(key, list);
      // Schedule rows get ids as SPSE's database rows do: unique in the instance, linked from the schedule.
      for (const t of list)
        t.stages.forEach((_, i) => {
          const id = 4_000_000 + scheduleRows.size + 1;
          scheduleRows.set(id, { slug, t, i });
          rowIds.set(`${slug}:${t.code}:${i}`, id);
        });
    }
    return list;
  };
  const byCode = (slug: string, code: string): SimTender | undefined => {
    for (const [key, list] of cache) {
      if (!key.startsWith(`${slug}:`)) continue;
      const t = list.find((x) => x.code === code);
      if (t) return t;
    }
    // A schedule asked for before any list: look in the years a test would use.
    for (const y of [2026, 2025, 2024]) {
      const t = tendersOf(slug, y).find((x) => x.code === code);
      if (t) return t;
    }
    return undefined;
  };
  const rowId = (slug: string, code: string, i: number) => rowIds.get(`${slug}:${code}:${i}`) ?? 0;

  const answer = (req: TenderRequest, url: URL, r: TenderResponse): TenderResponse => {
    log.push({ method: req.method, path: url.pathname, status: r.status });
    return r;
  };

  const listPage: SimRoute = (req, inst, url) => {
    const lp = localPath(inst, url);
    if (!lp || req.method !== 'GET') return null;
    const kind = lp.path === '/lelang' ? 'lelang' : lp.path === '/nontender' ? 'pl' : null;
    if (!kind) return null;
    const tahun = url.searchParams.get('tahun') ?? '2026';
    issued++;
    const token = hashOf(`${opts.seed ?? 1}:${inst.slug}:${issued}`)
      .toString(16)
      .padStart(8, '0')
      .repeat(5);
    tokens.set(token, { slug: inst.slug, at: now() });
    const body = page(
      lp.base,
      kind === 'lelang' ? 'Cari Paket Tender' : 'Cari Paket Non Tender',
      `<h4>${kind === 'lelang' ? 'Daftar Paket Tender' : 'Daftar Paket Non Tender'} Tahun ${esc(tahun)}</h4>
<table id="tbllelang" class="table table-sm table-bordered"><thead><tr><th>Kode</th><th>Nama Paket</th>
<th>K/L/PD</th><th>Tahapan</th><th>HPS</th></tr></thead></table>
<script type="text/javascript">
  var authenticityToken = '${token}';
  $(function () {
    $('#tbllelang').DataTable({ serverSide: true, ajax: { url: '${lp.base}/dt/${kind}?tahun=${esc(tahun)}', type: 'POST',
      data: function (d) { d.authenticityToken = authenticityToken; d.tahun = '${esc(tahun)}'; } } });
  });
</script>`,
      inst.utcOffset ?? 7,
    );
    return answer(
      req,
      url,
      html(body, 200, {
        'set-cookie': `SPSE_SESSION=${hashOf(token).toString(16)}-___AT=${token}&___TS=${now()}; Path=/; HttpOnly`,
      }),
    );
  };

  const dataTables: SimRoute = (req, inst, url) => {
    const lp = localPath(inst, url);
    if (!lp) return null;
    const kind = lp.path === '/dt/lelang' ? 'tender' : lp.path === '/dt/pl' ? 'non-tender' : null;
    if (!kind) return null;
    if (req.method !== 'POST') return answer(req, url, html('Method Not Allowed', 405));
    const form = new URLSearchParams(req.body);
    if (form.has('authenticity_token') && !form.has('authenticityToken'))
      return answer(req, url, html(page(lp.base, '403', '<h1>403 Akses Ditolak!</h1>', inst.utcOffset ?? 7), 403));
    const token = form.get('authenticityToken') ?? '';
    const known = tokens.get(token);
    if (!known || known.slug !== inst.slug || now() - known.at > ttl)
      return answer(req, url, html(loginPage(lp.base, inst.utcOffset ?? 7)));
    const tahun = Number(url.searchParams.get('tahun') ?? form.get('tahun') ?? 2026);
    let rows = tendersOf(inst.slug, tahun).filter((t) => t.kind === kind);
    const col = form.get('order[0][column]');
    const dir = form.get('order[0][dir]') === 'desc' ? -1 : 1;
    if (col === '0') rows = [...rows].sort((a, b) => dir * a.code.localeCompare(b.code));
    else {
      // SPSE's default order is not stable between calls: a reader that does not sort by code misses rows.
      const r = rng(++requestNo * 7919);
      rows = [...rows].sort(() => r() - 0.5);
    }
    const start = Math.max(0, Number(form.get('start') ?? 0) || 0);
    const length = Math.max(1, Math.min(Number(form.get('length') ?? 10) || 10, 10_000));
    const data = rows.slice(start, start + length).map((t) => toRow(t));
    return answer(req, url, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        draw: Number(form.get('draw') ?? 1),
        recordsTotal: RECORDS_SENTINEL,
        recordsFiltered: RECORDS_SENTINEL,
        data,
      }),
    });
  };

  const toRow = (t: SimTender): string[] => [
    t.code,
    t.name,
    t.agency,
    t.stageNow,
    shortRupiah(t.value),
    t.kind === 'tender' ? 'Pascakualifikasi Satu File' : 'Pengadaan Langsung',
    t.kind === 'tender' ? 'Tender' : 'Non Tender',
    t.kind === 'tender' ? 'Harga Terendah Sistem Gugur' : 'Harga Terendah',
    `${t.category} - TA ${t.year}`,
    '5',
    'Nilai Kontrak belum dibuat',
    '0',
    t.cancelled ? '1' : '0',
    '0',
    '1',
    '0',
  ];

  const announcement: SimRoute = (req, inst, url) => {
    const lp = localPath(inst, url);
    const m = lp && /^\/lelang\/(\d+)\/pengumumanlelang$/.exec(lp.path);
    if (!lp || !m) return null;
    const offset = inst.utcOffset ?? 7;
    if (!header(req, 'referer'))
      return answer(req, url, html(page(lp.base, '403', '<h1>403 Akses Ditolak!</h1>', offset), 403));
    const t = byCode(inst.slug, m[1]!);
    if (!t)
      return answer(req, url, html(page(lp.base, '404', '<p>Halaman yang dituju tidak ditemukan</p>', offset), 404));
    return answer(
      req,
      url,
      html(
        page(
          lp.base,
          'Pengumuman Tender',
          `<table class="table table-sm"><tr><th>Kode Tender</th><td>${t.code}</td></tr>
<tr><th>Nama Tender</th><td>${t.name}</td></tr><tr><th>Nilai HPS Paket</th><td>Rp ${t.value.toLocaleString('id-ID')},00</td></tr>
<tr><th>Tahap Tender Saat Ini</th><td>${esc(t.stageNow)}</td></tr></table>`,
          offset,
        ),
      ),
    );
  };

  const schedule: SimRoute = (req, inst, url) => {
    const lp = localPath(inst, url);
    const m = lp && /^\/(lelang|nontender)\/(\d+)\/jadwal$/.exec(lp.path);
    if (!lp || !m) return null;
    const offset = inst.utcOffset ?? 7;
    const t = byCode(inst.slug, m[2]!);
    if (!t || (t.kind === 'tender') !== (m[1] === 'lelang'))
      return answer(req, url, html(page(lp.base, '404', '<p>Halaman yang dituju tidak ditemukan</p>', offset), 404));
    // SPSE.md documents /jadwalnontender/<row-id>/history; the tender form of the path is assumed (/jadwal/…). A
    // reader follows the link it is given, so either works.
    const hist = t.kind === 'tender' ? 'jadwal' : 'jadwalnontender';
    const rows = t.stages
      .map((s, i) => {
        const change = s.history.length
          ? `<a href="${lp.base}/${hist}/${rowId(inst.slug, t.code, i)}/history" class="badge badge-danger">${s.history.length} kali perubahan</a>`
          : 'Tidak Ada';
        return `<tr><td>${i + 1}</td><td>${esc(s.name)}</td><td>${spseDate(s.start)}</td><td>${spseDate(s.end)}</td><td>${change}</td></tr>`;
      })
      .join('\n');
    return answer(
      req,
      url,
      html(
        page(
          lp.base,
          'Jadwal',
          `<h5>Jadwal ${t.kind === 'tender' ? 'Tender' : 'Non Tender'} ${t.code}</h5>
<table class="table table-sm">
<thead><tr><th>No</th><th>Tahap</th><th>Mulai</th><th>Sampai</th><th>Perubahan</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
          offset,
        ),
      ),
    );
  };

  const history: SimRoute = (req, inst, url) => {
    const lp = localPath(inst, url);
    const m = lp && /^\/(jadwal|jadwalnontender)\/(\d+)\/history$/.exec(lp.path);
    if (!lp || !m) return null;
    const offset = inst.utcOffset ?? 7;
    const row = scheduleRows.get(Number(m[2]));
    const s = row && row.slug === inst.slug ? row.t.stages[row.i] : undefined;
    if (!s)
      return answer(req, url, html(page(lp.base, '404', '<p>Halaman yang dituju tidak ditemukan</p>', offset), 404));
    const rows = s.history
      .map(
        (c, i) =>
          `<tr><td>${i + 1}</td><td>${spseDate(c.changedAt)}</td><td>${spseDate(c.originalStart)}</td><td>${spseDate(c.originalEnd)}</td><td>${esc(c.note)}</td></tr>`,
      )
      .join('\n');
    return answer(
      req,
      url,
      html(
        page(
          lp.base,
          'Riwayat Perubahan Jadwal',
          `<h5>Riwayat Perubahan Jadwal: ${esc(s.name)}</h5>
<table class="table table-sm">
<thead><tr><th>No</th><th>Tanggal Edit</th><th>Mulai</th><th>Sampai</th><th>Keterangan</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
          offset,
        ),
      ),
    );
  };

  return {
    routes: [listPage, dataTables, announcement, schedule, history],
    tendersOf,
    expireTokens() {
      for (const v of tokens.values()) v.at = Number.NEGATIVE_INFINITY;
    },
    log,
  };
}

/** Wall-clock `YYYY-MM-DD HH:mm` of an instance to a UTC ISO instant (what a reader must produce). */
export function wallToIso(w: string, utcOffset: number): string {
  return new Date((wallToMin(w) - utcOffset * 60) * 60_000).toISOString();
}
