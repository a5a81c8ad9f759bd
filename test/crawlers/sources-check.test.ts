/**
 * `pantau sources check` against local servers: an answering feed, sitemap and listing; a 404; a refused port; a
 * feed URL that answers with an HTML page; a start URL robots.txt forbids; one that never answers. Each gets its
 * status, type, item count and a one-line reason.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkSources, classifyBody, judge } from '../../crawlers/check.ts';
import type { SourceDef } from '../../crawlers/source-def.ts';
import { type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';
import { freePort } from '../../src/meili/embedded.ts';
import { runPantau, tempDir } from '../helpers.ts';

let served: ServedFixtures;
let sources: SourceDef[];

beforeAll(async () => {
  served = await serveFixtures({ sites: ['warta-nusantara', 'lpse-bartim', 'rusak-net'] });
  const w = served.sites['warta-nusantara'];
  const refused = `http://127.0.0.1:${await freePort()}`; // a free port: nothing listens there
  sources = [
    {
      id: 'warta',
      name: 'Warta Nusantara',
      kind: 'news',
      listings: [`${w}/kategori/daerah/`, `${w}/wp-admin/`],
      feeds: [`${w}/feed/`, `${w}/tidak-ada/feed/`, `${w}/`],
      sitemaps: [`${w}/sitemap.xml`],
    },
    { id: 'mati', name: 'Mati', kind: 'news', feeds: [`${refused}/feed/`] },
    { id: 'lambat', name: 'Lambat', kind: 'news', listings: [`${served.sites['rusak-net']}/berita/lpse-lambat`] },
    {
      id: 'lpse-bartim',
      name: 'LPSE Barito Timur',
      kind: 'lpse',
      lpse: { base: `${served.sites['lpse-bartim']}/eproc4`, region_code: '62.13' },
    },
  ];
});

afterAll(async () => {
  await served?.close();
});

test('each start URL: status, type, items, and why it fails', async () => {
  const results = await checkSources(sources, { userAgent: 'PantauBot/test', timeoutMs: 1500 });
  const byUrl = Object.fromEntries(
    results.filter((r) => r.source !== 'mati').map((r) => [r.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''), r]),
  );
  expect(results.map((r) => [r.source, r.role])).toEqual([
    ['warta', 'listing'],
    ['warta', 'listing'],
    ['warta', 'feed'],
    ['warta', 'feed'],
    ['warta', 'feed'],
    ['warta', 'sitemap'],
    ['mati', 'feed'],
    ['lambat', 'listing'],
    ['lpse-bartim', 'lpse-list'],
  ]);
  expect(byUrl['/feed/']).toMatchObject({
    ok: true,
    status: 200,
    type: 'rss',
    reason: expect.stringMatching(/^RSS, \d+ items$/),
  });
  expect(byUrl['/feed/']!.items).toBeGreaterThan(0);
  expect(byUrl['/sitemap.xml']).toMatchObject({
    ok: true,
    type: 'sitemap-index',
    reason: expect.stringMatching(/^sitemap index, \d+ sitemaps?$/),
  });
  expect(byUrl['/kategori/daerah/']).toMatchObject({
    ok: true,
    type: 'html',
    reason: expect.stringMatching(/^HTML listing, \d+ article links?$/),
  });
  expect(byUrl['/tidak-ada/feed/']).toMatchObject({ ok: false, status: 404, type: null, reason: 'HTTP 404 Not Found' });
  expect(byUrl['/']).toMatchObject({ ok: false, status: 200, type: 'html', reason: 'not a feed: an HTML page' });
  expect(byUrl['/wp-admin/']).toMatchObject({ ok: false, status: null, reason: 'robots.txt forbids it to PantauBot' });
  const refused = results.find((r) => r.source === 'mati');
  expect(refused).toMatchObject({ ok: false, status: null, reason: 'connection refused' });
  expect(byUrl['/berita/lpse-lambat']).toMatchObject({ ok: false, status: null, reason: 'no answer within 2 s' });
  expect(byUrl['/eproc4/berita']).toMatchObject({
    ok: true,
    reason: expect.stringMatching(/^HTML listing, \d+ announcement links?$/),
  });
});

test('what a body is, by its first element', () => {
  expect(
    classifyBody('\uFEFF<?xml version="1.0"?>\n<!-- x --><rss version="2.0"><channel><item/><item/></channel></rss>'),
  ).toEqual({ type: 'rss', items: 2 });
  expect(classifyBody('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item/></rdf:RDF>')).toEqual({
    type: 'rss',
    items: 1,
  });
  expect(classifyBody('<feed xmlns="http://www.w3.org/2005/Atom"><entry/><entry/><entry/></feed>')).toEqual({
    type: 'atom',
    items: 3,
  });
  expect(
    classifyBody(
      '<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>x</loc></url></urlset>',
    ),
  ).toEqual({ type: 'news-sitemap', items: 1 });
  expect(classifyBody('<sitemapindex><sitemap><loc>a</loc></sitemap></sitemapindex>')).toEqual({
    type: 'sitemap-index',
    items: 1,
  });
  expect(classifyBody('<!DOCTYPE html><html><body><p>Berita</p></body></html>').type).toBe('html');
  expect(classifyBody('{"items": []}').type).toBe('json');
  expect(classifyBody('   ').type).toBe('empty');
  // a feed under listings, an empty feed: the reason says what to do
  expect(judge('listing', { type: 'rss', items: 3 }, null)).toEqual({
    ok: false,
    reason: 'RSS, not an HTML listing: list it under feeds',
  });
  expect(judge('feed', { type: 'atom', items: 0 }, null)).toEqual({ ok: false, reason: 'Atom feed without items' });
  expect(judge('listing', { type: 'html', items: null }, 0).reason).toBe(
    'HTML page without article links (check the URL or article_patterns)',
  );
});

test('pantau sources check: one line per start URL, a summary, exit 1 when one fails', async () => {
  const file = join(tempDir(), 'sources.json');
  writeFileSync(file, JSON.stringify(sources.filter((s) => s.id !== 'lambat')));
  const r = await runPantau(['sources', 'check', '--sources', file, '--timeout-ms', '2000']);
  expect(r.code).toBe(1);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(9);
  expect(lines).toContainEqual(
    expect.stringMatching(/^ok {4}warta {8}feed {7}200 {2}http:\S+\/feed\/ {2}RSS, \d+ items$/),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^FAIL {2}mati {9}feed {7}--- {2}http:\S+ {2}connection refused$/),
  );
  expect(lines.at(-1)).toBe('4 of 8 start URLs answer as expected, 4 do not; no start URL of mati answers');
  const ok = await runPantau(['sources', 'check', '--sources', file, '--source', 'lpse-bartim', '--json']);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout)).toMatchObject({
    total: 1,
    ok: 1,
    failed: 0,
    results: [{ role: 'lpse-list', ok: true }],
  });
  const unknown = await runPantau(['sources', 'check', '--sources', file, '--source', 'nope']);
  expect(unknown.stderr.trim()).toBe(`pantau: no source with id nope in ${file}`);
});
