/**
 * `pantau crawl --url`: one start page, and the crawler finds the site's feed, sitemaps and sections itself,
 * staying on that host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { crawl } from '../../crawlers/crawl.ts';
import { sourceFromUrl } from '../../crawlers/sources.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';

let served: ServedFixtures;
let root: string;

beforeAll(async () => {
  served = await serveFixtures({ sites: ['warta-nusantara', 'lpse-bartim'] });
  root = mkdtempSync(join(tmpdir(), 'pantau-discover-'));
});
afterAll(async () => {
  await served?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('from the home page alone: feeds, sitemaps and sections found, relevant articles archived, one host only', async () => {
  const base = served.sites['warta-nusantara']!;
  const stats = await crawl({
    dataDir: resolveDataDir(root),
    sources: [sourceFromUrl(`${base}/`)],
    pacingMs: 0,
    timeoutMs: 3000,
  });
  const paths = [...listArchived(resolveDataDir(root))].map((a) => new URL(a.canonicalUrl).pathname).sort();
  expect(paths).toEqual(
    [
      '/2015/04/02/upgrade-sistem-server-lpse-pacitan-not-connection/',
      '/2020/07/05/diduga-main-kucing-kucingan-lpse-luwu-utara-disorot/',
      '/2021/06/09/lpse-barito-timur-tidak-bisa-diakses-perangkat-server-rusak/',
      '/2023/02/15/lpse-pacitan-gelar-pelatihan-spse-bagi-60-penyedia-jasa-konstruksi/',
      '/2023/05/27/server-lpse-kabupaten-gresik-error-lsm-fpsr-mendesak-kepala-ulp-jelaskan-ke-publik/',
      '/2024/03/05/pemkab-mimika-umumkan-tender-pembangunan-pasar-sentral-timika-lewat-lpse/',
      '/2024/06/27/laman-lpse-mimika-gangguan-proses-tender-proyek-tidak-maksimal/',
    ].sort(),
  );
  const wartaPaths = served.requests.filter((r) => r.site === 'warta-nusantara').map((r) => r.path);
  expect(wartaPaths).toContain('/feed/');
  expect(wartaPaths).toContain('/sitemap.xml');
  expect(wartaPaths).toContain('/kategori/daerah/');
  // The football report is listed too: fetched once, judged on its text, not archived.
  expect(
    wartaPaths.filter((p) => p === '/2022/09/14/tim-sepak-takraw-luwu-utara-raih-dua-emas-di-porprov-sulsel/'),
  ).toHaveLength(1);
  expect(stats.articles.left).toEqual({});
  expect(served.requests.filter((r) => r.site !== 'warta-nusantara')).toEqual([]);
  expect(stats.failures).toEqual([]);
}, 60_000);

test('an SPSE root URL becomes an LPSE source', () => {
  expect(sourceFromUrl('https://lpse.baritotimurkab.go.id/eproc4')).toMatchObject({
    kind: 'lpse',
    lpse: { base: 'https://lpse.baritotimurkab.go.id/eproc4' },
  });
  expect(sourceFromUrl('https://spse.inaproc.id/baritotimurkab/').kind).toBe('lpse');
  expect(sourceFromUrl('https://kalteng.antaranews.com/')).toMatchObject({
    kind: 'news',
    discover: true,
    hosts: ['kalteng.antaranews.com'],
  });
});

test('--max-pages stops the crawl after that many requests; the next run carries on', async () => {
  const dir = resolveDataDir(mkdtempSync(join(tmpdir(), 'pantau-max-')));
  try {
    const base = served.sites['warta-nusantara']!;
    const source = {
      id: 'w',
      name: 'w',
      kind: 'news' as const,
      listings: [`${base}/`],
      article_patterns: ['^/\\d{4}/\\d{2}/\\d{2}/[^/]+/?$'],
    };
    const first = await crawl({ dataDir: dir, sources: [source], pacingMs: 0, maxPages: 3 });
    expect(first.done).toBeLessThanOrEqual(3);
    const second = await crawl({ dataDir: dir, sources: [source], pacingMs: 0 });
    expect(first.archived + second.archived).toBe(7);
    expect(second.resumed).toBeGreaterThan(0);
  } finally {
    rmSync(dir.root, { recursive: true, force: true });
  }
}, 60_000);
