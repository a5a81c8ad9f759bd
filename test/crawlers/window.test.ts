/**
 * The crawl window: articles dated before it are left (and counted), listings are paged back only until they
 * pass it, and a crawl that ran through moves each source's window to its own start.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crawl, parseSince, windowStart } from '../../crawlers/crawl.ts';
import { listingDates, nextPageUrl, pageNumberOf } from '../../crawlers/links.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { fixtureSources, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';

const FAST = { pacingMs: 0, timeoutMs: 5000, maxRetries: 1, backoffMs: 20, progressEveryMs: 60_000 };
const NOW = Date.parse('2026-12-07T10:00:00Z');

describe('--since and the window of a source', () => {
  test('dates and durations, "all" and "auto"; anything else is refused in one line', () => {
    expect(parseSince('2026-10-01', NOW)).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(parseSince('30d', NOW)).toEqual(new Date('2026-11-07T10:00:00Z'));
    expect(parseSince('2w', NOW)).toEqual(new Date('2026-11-23T10:00:00Z'));
    expect(parseSince('12h', NOW)).toEqual(new Date('2026-12-06T22:00:00Z'));
    expect(parseSince('all', NOW)).toBeNull();
    expect(parseSince('auto', NOW)).toBe('auto');
    expect(() => parseSince('kemarin', NOW)).toThrow(/--since must be a date .* not kemarin$/);
  });

  test('auto: 30 days for a source never crawled, else the day before its last successful crawl', () => {
    expect(windowStart('auto', undefined, NOW)).toBe('2026-11-07');
    expect(windowStart('auto', '2026-12-01T03:00:00Z', NOW)).toBe('2026-11-30');
    expect(windowStart(new Date('2026-10-01T00:00:00Z'), '2026-12-01T03:00:00Z', NOW)).toBe('2026-10-01');
    expect(windowStart(null, '2026-12-01T03:00:00Z', NOW)).toBeNull();
  });
});

describe('dates a listing shows and its pagination', () => {
  const isArticle = (u: string) => /\/read\/\d+/.test(u);
  test("from the URL, a <time datetime>, or a date written beside the link, never a neighbour's", () => {
    const $ = load(`<ul>
      <li><a href="/read/11111-a">Server Rusak</a><time datetime="2026-11-03T08:00:00+07:00">3 Nov</time></li>
      <li><div><a href="/read/22222-b">Tender Tertunda</a></div><span class="tgl">Selasa, 27 Oktober 2026</span></li>
      <li><a href="/read/33333-c">Tanpa tanggal</a></li>
      <li><a href="/2025/01/09/lpse-x-gangguan/">Dari URL</a></li></ul>`);
    const dates = listingDates($, 'https://kabar.example/', (u) => isArticle(u) || /\/2025\//.test(u));
    expect(Object.fromEntries(dates)).toEqual({
      'https://kabar.example/read/11111-a': '2026-11-03',
      'https://kabar.example/read/22222-b': '2026-10-27',
      'https://kabar.example/2025/01/09/lpse-x-gangguan/': '2025-01-09',
    });
  });

  test('"Berikutnya", "Load more" and bare page numbers lead to the next page', () => {
    const base = 'https://kabar.example/kanal/daerah';
    expect(nextPageUrl(load('<div class="nav"><a href="/kanal/daerah?hal=2">Berikutnya »</a></div>'), base)).toBe(
      'https://kabar.example/kanal/daerah?hal=2',
    );
    expect(nextPageUrl(load('<p><a class="btn" href="/indeks?offset=20">Load more</a></p>'), base)).toBe(
      'https://kabar.example/indeks?offset=20',
    );
    const numbers =
      '<div class="hlm"><span>1</span> <a href="/kanal/daerah/2">2</a> <a href="/kanal/daerah/3">3</a></div>';
    expect(nextPageUrl(load(numbers), base)).toBe('https://kabar.example/kanal/daerah/2');
    expect(nextPageUrl(load(numbers), `${base}/2`)).toBe('https://kabar.example/kanal/daerah/3');
    expect(pageNumberOf('https://kabar.example/kanal/daerah?page=4')).toBe(4);
    // A lone number is not pagination (a rank in a "Terpopuler" box).
    expect(nextPageUrl(load('<ol><li><a href="/read/11111-a">2</a> Terpopuler</li></ol>'), base)).toBeNull();
  });
});

describe('a crawl with a window', () => {
  let served: ServedFixtures;
  let root: string;
  beforeAll(async () => {
    served = await serveFixtures({ sites: ['warta-nusantara'] });
    root = mkdtempSync(join(tmpdir(), 'pantau-window-'));
  });
  afterAll(async () => {
    await served?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('leaves the older articles, counted as such, and records the crawl for the next window', async () => {
    const dataDir = resolveDataDir(root);
    const stats = await crawl({
      dataDir,
      sources: fixtureSources(served),
      ...FAST,
      since: new Date('2023-01-01T00:00:00Z'),
    });
    const days = [...listArchived(dataDir)].map((a) =>
      /\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(a.canonicalUrl)!.slice(1).join('-'),
    );
    expect(days.sort()).toEqual(['2023-02-15', '2023-05-27', '2024-03-05', '2024-06-27']);
    // The Luwu Utara, Pacitan and Barito Timur seeds (2020, 2015, 2021) and the 2022 football report.
    expect(stats.articles.left['older than the crawl window']).toBe(4);
    for (const old of ['/2015/04/02/', '/2020/07/05/', '/2021/06/09/', '/2022/09/14/'])
      expect(served.requests.some((r) => r.path.startsWith(old))).toBe(false);
    expect(stats.windows).toEqual({ 'warta-nusantara': '2023-01-01' });
    const state = JSON.parse(readFileSync(join(dataDir.crawl, 'sources.json'), 'utf8'));
    expect(Date.parse(state.sources['warta-nusantara'].lastSuccess)).toBeGreaterThan(Date.now() - 600_000);
  }, 60_000);
});
