/**
 * News-search feeds as a source kind: the query feeds of fixtures/sites/cari-berita list articles on two
 * fixture outlets that are not in the source list, through redirects carrying tracking queries. Their outage
 * articles are archived under the publishers' canonical URLs, once each, and a second run fetches none again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CrawlStats, crawl } from '../../crawlers/crawl.ts';
import type { SourceDef } from '../../crawlers/source-def.ts';
import { searchFeeds, validateSources } from '../../crawlers/sources.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { FIXTURES_ROOT, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';

const DIR = join(FIXTURES_ROOT, 'cari-berita');
const FAST = { pacingMs: 0, timeoutMs: 10_000, maxRetries: 1, backoffMs: 20, progressEveryMs: 60_000 };

let outlets: ServedFixtures;
let aggregator: Server;
let agg: string;
let root: string;
let source: SourceDef;
let first: CrawlStats;
let firstRequests: string[];
const aggRequests: string[] = [];

/** The aggregator: query feeds from rss/<query slug>.rss, /r/<id> redirects to the outlets. */
function fill(text: string): string {
  return text
    .replaceAll('__BASE__', agg)
    .replace(/__SITE:([a-z-]+)__/g, (_, name: string) => outlets.sites[name] ?? `http://unserved-${name}`);
}

beforeAll(async () => {
  outlets = await serveFixtures({ sites: ['kabar-lembah', 'warta-nusantara'] });
  const redirects = JSON.parse(readFileSync(join(DIR, '_redirects.json'), 'utf8')) as Record<string, string>;
  aggregator = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    aggRequests.push(u.pathname + u.search);
    if (u.pathname === '/rss/search') {
      const slug = (u.searchParams.get('q') ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      try {
        const body = fill(readFileSync(join(DIR, 'rss', `${slug}.rss`), 'utf8'));
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(body);
      } catch {
        res.writeHead(404).end('no such query');
      }
      return;
    }
    const to = redirects[u.pathname];
    if (to) {
      res.writeHead(302, { location: fill(to), 'content-length': 0 }).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ok) => aggregator.listen(0, '127.0.0.1', () => ok()));
  const addr = aggregator.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  agg = `http://127.0.0.1:${addr.port}`;
  source = validateSources([
    {
      id: 'cari-berita',
      name: 'Cari Berita (LPSE)',
      kind: 'news-search',
      search: { feed: `${agg}/rss/search?q={query}`, queries: ['"LPSE" gangguan', '"server LPSE"'] },
    },
  ])[0]!;
  root = mkdtempSync(join(tmpdir(), 'pantau-search-'));
  first = await crawl({ dataDir: resolveDataDir(root), sources: [source], ...FAST, since: null });
  firstRequests = outlets.requests.map((r) => `${r.site}${r.path}`);
}, 120_000);

afterAll(async () => {
  await outlets?.close();
  await new Promise<void>((ok) => (aggregator ? aggregator.close(() => ok()) : ok()));
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a news-search source', () => {
  test('is data: a feed template and its queries, checked on load', () => {
    expect(searchFeeds(source)).toEqual([
      `${agg}/rss/search?q=%22LPSE%22%20gangguan`,
      `${agg}/rss/search?q=%22server%20LPSE%22`,
    ]);
    expect(() =>
      validateSources([
        { id: 'x', name: 'x', kind: 'news-search', search: { feed: 'https://x.example/rss', queries: ['a'] } },
      ]),
    ).toThrow(/"search": \{ "feed": "…\{query\}…"/);
  });

  test("archives the outlets' outage articles under the publishers' canonical URLs, once each", () => {
    const archived = [...listArchived(resolveDataDir(root))];
    const k = outlets.sites['kabar-lembah']!;
    const w = outlets.sites['warta-nusantara']!;
    expect(archived.map((a) => a.canonicalUrl).sort()).toEqual(
      [
        `${k}/read/29297-dua-hari-lumpuh-layanan-pengadaan-palu-akhirnya-pulih`,
        `${k}/read/29360-server-rusak-tiga-paket-proyek-di-sigi-batal-dilelang`,
        `${w}/2021/06/09/lpse-barito-timur-tidak-bisa-diakses-perangkat-server-rusak/`,
        `${w}/2024/06/27/laman-lpse-mimika-gangguan-proses-tender-proyek-tidak-maksimal/`,
      ].sort(),
    );
    expect(new Set(archived.map((a) => a.key)).size).toBe(4);
    expect(first.archived).toBe(4);
    for (const a of archived) expect(a.page.sourceId).toBe('cari-berita');
    expect(first.failures).toEqual([]);
  });

  test('fetches the football report too, judges it on its text, and reads nothing else of the outlets', () => {
    expect(firstRequests).toContain('kabar-lembah/read/29325-persipal-palu-tundukkan-tamunya-di-stadion-gawalise');
    expect(first.articles.irrelevant).toBe(1);
    const pages = firstRequests.filter((p) => !p.endsWith('/robots.txt'));
    // Four outage articles and the football report; two of them listed by both queries (other redirect ids).
    expect(new Set(pages).size).toBe(5);
    expect(pages.every((p) => /\/read\/\d+-|\/20\d\d\/\d\d\/\d\d\//.test(p))).toBe(true);
  });

  test('a second run fetches none of them again', async () => {
    outlets.requests.length = 0;
    const again = await crawl({ dataDir: resolveDataDir(root), sources: [source], ...FAST, since: null });
    expect(again.archived).toBe(0);
    expect(outlets.requests.filter((r) => r.path !== '/robots.txt')).toEqual([]);
    expect(again.articles.alreadyArchived + again.articles.judgedBefore).toBe(again.articles.listed);
  }, 60_000);
});
