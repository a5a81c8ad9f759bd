/**
 * The crawler against the fixture sites over real HTTP on 127.0.0.1: what it archives, what it skips, how it
 * survives the failing site, what it fetches again on a second run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CrawlStats, crawl } from '../../crawlers/crawl.ts';
import { type ArchivedPage, archiveKey, listArchived, listObservations } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { fixtureSources, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';

/** What the crawl must archive: site → paths. */
const RELEVANT: Record<string, string[]> = {
  'warta-nusantara': [
    '/2020/07/05/diduga-main-kucing-kucingan-lpse-luwu-utara-disorot/',
    '/2023/05/27/server-lpse-kabupaten-gresik-error-lsm-fpsr-mendesak-kepala-ulp-jelaskan-ke-publik/',
    '/2015/04/02/upgrade-sistem-server-lpse-pacitan-not-connection/',
    '/2024/06/27/laman-lpse-mimika-gangguan-proses-tender-proyek-tidak-maksimal/',
    '/2021/06/09/lpse-barito-timur-tidak-bisa-diakses-perangkat-server-rusak/',
    // LPSE in the title, not incidents: fetched and archived, the extractor says no.
    '/2023/02/15/lpse-pacitan-gelar-pelatihan-spse-bagi-60-penyedia-jasa-konstruksi/',
    '/2024/03/05/pemkab-mimika-umumkan-tender-pembangunan-pasar-sentral-timika-lewat-lpse/',
  ],
  'lpse-bartim': ['/eproc4/berita/1003', '/eproc4/berita/1004', '/eproc4/berita/1005'],
  'kantor-berita-nusa': [
    '/kalteng/berita/512340/lpse-barito-timur-tidak-bisa-diakses-perangkat-server-rusak',
    '/berita/3921455/lkpp-layanan-spse-pulih-bertahap-setelah-gangguan-pusat-data-nasional',
  ],
  'layar-sulteng': ['/baca/situs-lpse-kabupaten-sigi-sempat-tak-bisa-diakses-penyedia-minta-perpanjangan/'],
  'sulbar-pos': ['/berita/2022/lpse-mamuju-tengah-kembali-normal-setelah-listrik-padam'],
  'rusak-net': ['/berita/lpse-konawe-normal-kembali', '/berita/lpse-sekali-gagal'],
};

/**
 * Listed articles whose text is not about LPSE/SPSE (or, for the LPSE, announcements without an outage): fetched
 * once and judged on their text, never archived. Nothing is left unfetched for its headline.
 */
const IRRELEVANT: Record<string, string[]> = {
  'warta-nusantara': [
    '/2022/09/14/tim-sepak-takraw-luwu-utara-raih-dua-emas-di-porprov-sulsel/',
    '/2023/09/20/dprd-gresik-sahkan-perubahan-apbd-2023-dalam-rapat-paripurna/',
    '/2024/03/12/harga-cabai-rawit-di-pasar-tamiang-layang-tembus-rp80-ribu-per-kilogram/',
    '/2023/08/03/layanan-disdukcapil-gresik-sempat-terhenti-karena-gangguan-jaringan/',
  ],
  'lpse-bartim': ['/eproc4/berita/1001', '/eproc4/berita/1002'],
  'kantor-berita-nusa': [
    '/jatim/berita/70211/bupati-pacitan-resmikan-jembatan-gantung-di-kecamatan-tegalombo',
    '/kalteng/berita/512400/pemkab-barito-timur-salurkan-bantuan-benih-padi-untuk-petani',
  ],
  'layar-sulteng': ['/baca/festival-danau-lindu-kembali-digelar-akhir-pekan-ini/'],
  'sulbar-pos': ['/berita/2022/pelantikan-pengurus-kwarcab-pramuka-mamuju-tengah'],
};

/** What the crawl must never request: a section robots.txt forbids, a page that is not an announcement. */
const NEVER: Record<string, string[]> = {
  'lpse-bartim': ['/eproc4/lelang'],
  'sulbar-pos': ['/arsip-internal/draf-lpse-mamuju-gangguan-ulang'],
};

const FAST = { pacingMs: 0, timeoutMs: 2000, maxRetries: 1, backoffMs: 20, progressEveryMs: 60_000 };

let served: ServedFixtures;
let root: string;
let first: CrawlStats;
let firstRequests: ServedFixtures['requests'];
let archived: ArchivedPage[];
const lines: string[] = [];

const hits = (requests: ServedFixtures['requests'], site: string, path: string) =>
  requests.filter((r) => r.site === site && r.path === path).length;

beforeAll(async () => {
  served = await serveFixtures();
  root = mkdtempSync(join(tmpdir(), 'pantau-crawl-'));
  first = await crawl({
    dataDir: resolveDataDir(root),
    sources: fixtureSources(served),
    ...FAST,
    log: (l) => lines.push(l),
  });
  firstRequests = [...served.requests];
  archived = [...listArchived(resolveDataDir(root))];
}, 120_000);

afterAll(async () => {
  await served?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a crawl over the fixture sites', () => {
  test('archives every relevant article exactly once', () => {
    const want = Object.entries(RELEVANT).flatMap(([site, paths]) => paths.map((p) => `${served.sites[site]}${p}`));
    const got = archived.map((a) => a.canonicalUrl).sort();
    expect(got).toEqual([...want].sort());
    expect(new Set(archived.map((a) => a.key)).size).toBe(archived.length);
    for (const a of archived) expect(a.key).toBe(archiveKey(a.canonicalUrl));
    expect(first.archived).toBe(want.length);
  });

  test.each(Object.entries(RELEVANT).flatMap(([site, paths]) => paths.map((p) => [site, p] as const)))(
    '%s%s was requested once (twice only after a 500)',
    (site, path) => {
      expect(hits(firstRequests, site, path)).toBe(path === '/berita/lpse-sekali-gagal' ? 2 : 1);
    },
  );

  test.each(Object.entries(IRRELEVANT).flatMap(([site, paths]) => paths.map((p) => [site, p] as const)))(
    'fetched %s%s once, judged it on its text and did not archive it',
    (site, path) => {
      expect(hits(firstRequests, site, path)).toBe(1);
      expect(archived.some((a) => a.canonicalUrl === `${served.sites[site]}${path}`)).toBe(false);
    },
  );

  test.each(Object.entries(NEVER).flatMap(([site, paths]) => paths.map((p) => [site, p] as const)))(
    'never requested %s%s (forbidden or not an article)',
    (site, path) => {
      expect(hits(firstRequests, site, path)).toBe(0);
    },
  );

  test('counts what it skipped, and what became of every listed article', () => {
    expect(first.skippedRobots).toBe(1);
    const irrelevant = Object.values(IRRELEVANT).flat().length;
    expect(first.skippedIrrelevant).toBeGreaterThanOrEqual(irrelevant);
    const a = first.articles;
    expect(a.kept).toBe(Object.values(RELEVANT).flat().length);
    expect(a.irrelevant).toBe(first.skippedIrrelevant);
    expect(a.fetched).toBe(a.kept + a.irrelevant);
    expect(a.left).toMatchObject({ 'forbidden by robots.txt': 1, failed: 5 });
    expect(a.listed).toBe(
      a.fetched + a.alreadyArchived + a.judgedBefore + Object.values(a.left).reduce((x, y) => x + y),
    );
  });

  test('survives the failing site and counts its failures', () => {
    const byPath = Object.fromEntries(first.failures.map((f) => [new URL(f.url).pathname, f.error]));
    expect(byPath['/berita/lpse-error-500']).toMatch(/500/);
    expect(byPath['/berita/lpse-lambat']).toMatch(/timed out|timeout/i);
    expect(byPath['/berita/lpse-putar']).toMatch(/redirect/i);
    expect(byPath['/berita/lpse-besar']).toMatch(/too large/);
    expect(byPath['/eproc4/berita/1006']).toMatch(/SPSE error page/);
    expect(first.failed).toBe(5);
    // The 500 was retried once (maxRetries 1); the redirect loop and the oversize page were not.
    expect(hits(firstRequests, 'rusak-net', '/berita/lpse-error-500')).toBe(2);
    expect(hits(firstRequests, 'rusak-net', '/berita/lpse-besar')).toBe(1);
  });

  test('an SPSE error page becomes an observation of that LPSE, with its time', () => {
    const obs = listObservations(resolveDataDir(root));
    expect(obs).toHaveLength(1);
    expect(obs[0]).toMatchObject({
      lpse: 'lpse-bartim',
      region_code: '62.13',
      url: `${served.sites['lpse-bartim']}/eproc4/berita/1006`,
      status: 500,
      errorCode: '4f7a2c91',
      kind: 'spse-error',
    });
    expect(Date.parse(obs[0]!.observedAt)).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  test('stores fetch metadata and the kind of each page', () => {
    const ann = archived.find((a) => a.canonicalUrl.endsWith('/eproc4/berita/1004'))!;
    expect(ann.page.kind).toBe('lpse-announcement');
    expect(ann.page.sourceId).toBe('lpse-bartim');
    expect(ann.page.status).toBe(200);
    expect(ann.page.headers['content-type']).toMatch(/text\/html/);
    expect(Date.parse(ann.page.fetchedAt)).not.toBeNaN();
    expect(ann.page.body).toContain('Perubahan Jadwal Tahapan Tender');
    const news = archived.find((a) => a.canonicalUrl.includes('luwu-utara'))!;
    expect(news.page.kind).toBe('news');
  });

  test('decodes a windows-1252 page before archiving it', () => {
    const page = archived.find((a) => a.page.sourceId === 'sulbar-pos')!.page;
    expect(page.body).toContain('“Genset kantor tidak kuat');
    expect(page.body).toContain('batas waktu – jadwal');
  });

  test('archives the JavaScript-only site as rendered by Chromium', () => {
    const page = archived.find((a) => a.page.sourceId === 'layar-sulteng')!.page;
    expect(page.body).toContain('Pengelola LPSE Sigi, Moh. Fadli');
    expect(page.body).toContain('article:published_time');
  });

  test('identifies itself with a contact URL on every request', () => {
    for (const r of firstRequests.filter((r) => r.site !== 'layar-sulteng' || r.path.startsWith('/baca'))) {
      expect(r.userAgent).toMatch(/^PantauBot\/[\d.]+ \(\+https?:\/\//);
    }
  });

  test('prints a progress line with done, queued, failed and rate', () => {
    expect(lines.at(-1)).toMatch(/^crawl: \d+ done, \d+ queued, \d+ failed, \d+ archived, [\d.]+ pages\/s$/);
  });

  test('a second run revisits listings, fetches no archived article, and archives nothing new', async () => {
    served.requests.length = 0;
    const again = await crawl({ dataDir: resolveDataDir(root), sources: fixtureSources(served), ...FAST });
    expect(again.archived).toBe(0);
    expect(hits(served.requests, 'warta-nusantara', '/')).toBe(1);
    expect(hits(served.requests, 'lpse-bartim', '/eproc4/berita')).toBe(1);
    for (const [site, paths] of Object.entries({ ...RELEVANT, ...IRRELEVANT }))
      for (const p of paths) if (p !== '/berita/lpse-sekali-gagal') expect(hits(served.requests, site, p)).toBe(0);
    expect(again.articles.fetched).toBe(0);
    expect(again.articles.judgedBefore).toBeGreaterThan(0);
    // All links of the first listing page were known: pagination is not walked again.
    expect(hits(served.requests, 'warta-nusantara', '/page/3/')).toBe(0);
    expect([...listArchived(resolveDataDir(root))]).toHaveLength(archived.length);
  }, 120_000);
});

describe('politeness', () => {
  test("a short pacing is kept exactly and not slowed to Crawlee's 0.5 s poll", async () => {
    // The site is served by a child process: arrival times there are not delayed by this process's event loop.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixture-child.ts'), 'warta-nusantara'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const out: string[] = [];
    let buf = '';
    await new Promise<void>((ok) => {
      child.stdout!.on('data', (d) => {
        buf += d;
        const parts = buf.split('\n');
        buf = parts.pop()!;
        out.push(...parts);
        if (out.length) ok();
      });
    });
    const sites = JSON.parse(out[0]!) as Record<string, string>;
    const dir = mkdtempSync(join(tmpdir(), 'pantau-pace-short-'));
    try {
      await crawl({ dataDir: resolveDataDir(dir), sources: fixtureSources({ sites }), ...FAST, pacingMs: 60 });
      await new Promise((r) => setTimeout(r, 100));
      const requests = out.slice(1).map((l) => JSON.parse(l) as ServedFixtures['requests'][number]);
      const times = requests.filter((r) => r.path !== '/robots.txt').map((r) => r.at);
      expect(times.length).toBeGreaterThanOrEqual(20);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(55);
      // About one request per 60 ms plus the response and handling time; the old per-host delay waited for
      // Crawlee's 0.5 s poll, about 500 ms between any two requests.
      const median = [...gaps].sort((a, b) => a - b)[gaps.length >> 1]!;
      expect(median).toBeLessThan(400);
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('paces requests to one host (robots.txt aside) at least pacingMs apart', async () => {
    const s = await serveFixtures({ sites: ['lpse-bartim', 'sulbar-pos'] });
    const dir = mkdtempSync(join(tmpdir(), 'pantau-pace-'));
    try {
      await crawl({ dataDir: resolveDataDir(dir), sources: fixtureSources(s), ...FAST, pacingMs: 250 });
      for (const site of ['lpse-bartim', 'sulbar-pos']) {
        const times = s.requests.filter((r) => r.site === site && r.path !== '/robots.txt').map((r) => r.at);
        expect(times.length).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(245);
      }
      // Two hosts are paced independently: the crawl overlaps them instead of queueing one behind the other.
      const first = (site: string) => s.requests.find((r) => r.site === site && r.path !== '/robots.txt')!.at;
      expect(Math.abs(first('lpse-bartim') - first('sulbar-pos'))).toBeLessThan(250);
    } finally {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
