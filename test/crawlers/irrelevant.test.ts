/**
 * An article linked without a title (a plain sitemap, a bare link) is fetched to be judged on its text. When the
 * text is not about LPSE/SPSE, the page counts in skippedIrrelevant (once, however often it is linked) and the
 * verdict is journaled, so the next run does not fetch it again. The site lives in this test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type CrawlStats, crawl } from '../../crawlers/crawl.ts';
import { Frontier } from '../../crawlers/frontier.ts';
import type { SourceDef } from '../../crawlers/source-def.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';

/** Linked bare from the listing and listed in the sitemap without a title; its text is about football. */
const SPORT = '/berita/40117';
/** Linked bare and listed the same way; its text is about an LPSE outage. */
const LPSE = '/berita/40118';
/** Shown on the listing with a title that is not about LPSE: fetched all the same, judged on its text. */
const PRICES = '/berita/40119';

const page = (title: string, text: string) =>
  `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;

const PAGES: Record<string, [string, string]> = {
  '/berita/': [
    'text/html; charset=utf-8',
    page(
      'Berita Terkini',
      `<a href="${SPORT}"><img src="/img/40117.jpg"></a> <a href="${LPSE}"><img src="/img/40118.jpg"></a> ` +
        `<a href="${PRICES}">Harga Cabai Rawit di Pasar Kendari Tembus Rp80 Ribu</a> <a href="${SPORT}"></a>`,
    ),
  ],
  '/sitemap.xml': [
    'application/xml; charset=utf-8',
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>__BASE__${SPORT}</loc></url><url><loc>__BASE__${LPSE}</loc></url></urlset>`,
  ],
  [SPORT]: [
    'text/html; charset=utf-8',
    page(
      'Sultra United Menang Tipis di Kandang',
      'Sultra United menang 1-0 atas tamunya. Gol tunggal dicetak pada menit ke-78 lewat sundulan.',
    ),
  ],
  [LPSE]: [
    'text/html; charset=utf-8',
    page(
      'Layanan Pengadaan Terganggu',
      'Situs LPSE Kabupaten Konawe tidak dapat diakses sejak Senin pagi karena server rusak.',
    ),
  ],
  [PRICES]: ['text/html; charset=utf-8', page('Harga Cabai', 'Harga cabai rawit naik.')],
};

const requests: string[] = [];
let server: Server;
let base: string;
let root: string;
let source: SourceDef;
let first: CrawlStats;
let firstRequests: string[];
const hits = (list: string[], path: string) => list.filter((p) => p === path).length;
const FAST = { pacingMs: 0, timeoutMs: 20_000, maxRetries: 1, backoffMs: 20, progressEveryMs: 60_000 };

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const found = PAGES[path];
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': found[0] });
    res.end(found[1].replaceAll('__BASE__', base));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}`;
  source = {
    id: 'kendari-kini',
    name: 'Kendari Kini',
    kind: 'news',
    listings: [`${base}/berita/`],
    sitemaps: [`${base}/sitemap.xml`],
    article_patterns: ['^/berita/\\d+$'],
  };
  root = mkdtempSync(join(tmpdir(), 'pantau-irrelevant-'));
  first = await crawl({ dataDir: resolveDataDir(root), sources: [source], ...FAST });
  firstRequests = [...requests];
}, 120_000);

afterAll(async () => {
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('an untitled link to a page that turns out not to be about LPSE', () => {
  test('is fetched once, not archived, and counted as irrelevant once', () => {
    expect(first.failures).toEqual([]);
    expect(hits(firstRequests, SPORT)).toBe(1);
    expect(hits(firstRequests, PRICES)).toBe(1);
    expect([...listArchived(resolveDataDir(root))].map((a) => new URL(a.canonicalUrl).pathname)).toEqual([LPSE]);
    // The prices page and the football page, both judged on their text, each once although the football page
    // is linked three times.
    expect(first.skippedIrrelevant).toBe(2);
    expect(first.articles).toMatchObject({ listed: 3, fetched: 3, kept: 1, irrelevant: 2, left: {} });
  });

  test('is recorded in the journal as done and judged irrelevant', () => {
    const lines = readFileSync(join(resolveDataDir(root).crawl, 'frontier.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { op: string; url: string; why?: string })
      .filter((e) => e.url === `${base}${SPORT}`)
      .map((e) => `${e.op}${e.why ? ` ${e.why}` : ''}`);
    expect(lines).toEqual(['add', 'seen irrelevant-page', 'done']);
  });

  test('is not fetched again by the next run, and counted there as skipped', async () => {
    requests.length = 0;
    const again = await crawl({ dataDir: resolveDataDir(root), sources: [source], ...FAST });
    expect(hits(requests, '/berita/')).toBe(1);
    expect(hits(requests, '/sitemap.xml')).toBe(1);
    expect(hits(requests, SPORT)).toBe(0);
    expect(hits(requests, PRICES)).toBe(0);
    expect(hits(requests, LPSE)).toBe(0);
    expect(again.skippedArchived).toBe(1);
    expect(again.skippedIrrelevant).toBe(2);
    expect(again.failures).toEqual([]);
  }, 120_000);
});

describe('the frontier keeps the verdict on a fetched page', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  test('across a reload and a compaction of the journal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-frontier-'));
    dirs.push(dir);
    const f = new Frontier(dir);
    f.add({ url: 'https://k.example/berita/1', label: 'ARTICLE', source: 's' });
    f.add({ url: 'https://k.example/berita/2', label: 'ARTICLE', source: 's' });
    f.markIrrelevantPage('https://k.example/berita/1');
    f.done('https://k.example/berita/1');
    f.done('https://k.example/berita/2');
    f.close();
    const g = new Frontier(dir);
    expect(g.wasIrrelevantPage('https://k.example/berita/1')).toBe(true);
    expect(g.wasIrrelevantPage('https://k.example/berita/2')).toBe(false);
    expect(g.resumed).toEqual([]);
    // Enough lines to make the next load compact the journal to one line per URL.
    for (let i = 0; i < 200; i++) g.done('https://k.example/berita/2');
    g.close();
    const h = new Frontier(dir);
    expect(readFileSync(h.file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(h.wasIrrelevantPage('https://k.example/berita/1')).toBe(true);
    expect(h.wasIrrelevantPage('https://k.example/berita/2')).toBe(false);
    expect(h.knewBefore('https://k.example/berita/2')).toBe(true);
  });
});
