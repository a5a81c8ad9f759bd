/**
 * `pantau crawl --url` on a site in a theme the crawler was not written for (fixtures/sites/kabar-lembah:
 * div-soup markup, `/read/<id>-<slug>` URLs, headlines that mostly do not name LPSE, pagination by bare page
 * numbers, "Berikutnya" and "Load more", an RSS feed of the latest 15 and a news sitemap of the last 45 days):
 * every outage report is archived, none is dropped by its headline, and the crawl window pages listings back
 * only as far as it reaches.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CrawlStats, crawl } from '../../crawlers/crawl.ts';
import { isRelevantTitle } from '../../crawlers/link-priority.ts';
import { sourceFromUrl } from '../../crawlers/sources.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { FIXTURES_ROOT, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';

interface KeyEntry {
  path: string;
  title: string;
  date: string;
  outage: boolean;
}
const KEY = JSON.parse(readFileSync(join(FIXTURES_ROOT, 'kabar-lembah', '_key.json'), 'utf8')) as KeyEntry[];
const OUTAGES = KEY.filter((k) => k.outage);
const FAST = { pacingMs: 0, timeoutMs: 10_000, maxRetries: 1, backoffMs: 20, progressEveryMs: 60_000 };

let served: ServedFixtures;
const roots: string[] = [];
const archivedPaths = (root: string) =>
  [...listArchived(resolveDataDir(root))].map((a) => new URL(a.canonicalUrl).pathname).sort();

beforeAll(async () => {
  served = await serveFixtures({ sites: ['kabar-lembah'] });
});
afterAll(async () => {
  await served?.close();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function newRoot(): string {
  const r = mkdtempSync(join(tmpdir(), 'pantau-lembah-'));
  roots.push(r);
  return r;
}

describe('a whole site from its home page, no window', () => {
  let root: string;
  let stats: CrawlStats;
  let paths: string[];
  beforeAll(async () => {
    root = newRoot();
    served.requests.length = 0;
    stats = await crawl({
      dataDir: resolveDataDir(root),
      sources: [sourceFromUrl(`${served.sites['kabar-lembah']}/`)],
      ...FAST,
      since: null,
    });
    paths = served.requests.map((r) => r.path);
  }, 120_000);

  test('the site is what it claims: 44 outage reports among 80, most headlines naming no system', () => {
    expect(KEY).toHaveLength(80);
    expect(OUTAGES).toHaveLength(44);
    // Judged on the headline alone, as the crawler used to, most of them would have been left.
    expect(OUTAGES.filter((k) => /LPSE|SPSE/.test(k.title)).length).toBeLessThan(5);
    expect(OUTAGES.filter((k) => !isRelevantTitle(k.title)).length).toBeGreaterThan(10);
  });

  test('at least 98 % of the outage reports are archived, and nothing else', () => {
    const got = archivedPaths(root);
    const hit = OUTAGES.filter((k) => got.includes(k.path)).length;
    expect(hit / OUTAGES.length).toBeGreaterThanOrEqual(0.98);
    expect(got).toEqual(OUTAGES.map((k) => k.path).sort());
    expect(stats.failures).toEqual([]);
  });

  test('none is dropped by its headline: every listed article is fetched once and judged on its text', () => {
    for (const k of KEY)
      expect(
        paths.filter((p) => p === k.path),
        k.title,
      ).toHaveLength(1);
    expect(stats.articles).toMatchObject({ listed: 80, fetched: 80, kept: 44, irrelevant: 36, left: {} });
  });

  test('all three paginations were walked to their end; robots.txt kept it out of search', () => {
    expect(paths).toContain('/terkini/hal/7'); // "Berikutnya"
    expect(paths).toContain('/indeks/lagi/60'); // "Load more"
    expect(paths).toContain('/kanal/daerah/3'); // bare page numbers
    expect(paths).toContain('/rss.xml');
    expect(paths).toContain('/sitemap-news.xml');
    expect(paths.some((p) => p.startsWith('/cari'))).toBe(false);
  });
});

describe('with a window', () => {
  test('only articles dated in the window are fetched, and listings stop once they are past it', async () => {
    const root = newRoot();
    served.requests.length = 0;
    const since = '2026-09-01';
    const stats = await crawl({
      dataDir: resolveDataDir(root),
      sources: [sourceFromUrl(`${served.sites['kabar-lembah']}/`)],
      ...FAST,
      since: new Date(`${since}T00:00:00Z`),
    });
    const paths = served.requests.map((r) => r.path);
    // The "Terpopuler" box lists three outage reports without a date beside them on every page: undated links
    // are fetched whatever their age (the window only leaves what a listing dates before it).
    const home = readFileSync(join(FIXTURES_ROOT, 'kabar-lembah', 'index.html'), 'utf8');
    const box = home.slice(home.indexOf('kotak-populer'), home.indexOf('</ol>', home.indexOf('kotak-populer')));
    const popular = [...box.matchAll(/href="__BASE__([^"]+)"/g)].map((m) => m[1]!);
    expect(popular).toHaveLength(3);
    const inWindow = KEY.filter((k) => k.date >= since || popular.includes(k.path));
    expect(inWindow.length).toBeLessThan(KEY.length * 0.6);
    expect(archivedPaths(root)).toEqual(
      inWindow
        .filter((k) => k.outage)
        .map((k) => k.path)
        .sort(),
    );
    for (const k of KEY) expect(paths.includes(k.path), `${k.date} ${k.title}`).toBe(inWindow.includes(k));
    // 12 per page, newest first: page 5 ends before September; the pages after it are not read.
    expect(paths).toContain('/terkini/hal/5');
    expect(paths).not.toContain('/terkini/hal/7');
    // Those seen on the pages read are counted as left; the pages past the window are not read at all.
    const older = stats.articles.left['older than the crawl window'] ?? 0;
    expect(older).toBeGreaterThan(0);
    expect(older).toBeLessThanOrEqual(KEY.length - inWindow.length);
  }, 120_000);
});
