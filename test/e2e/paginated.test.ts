/**
 * A paginated article end to end (fixtures/paginated-site: a listing and an article over three pages,
 * `?page=2` reached by "Halaman selanjutnya" and `<link rel=next>`, page 3 only from page 2, pages 2 and 3
 * naming page 1 as their canonical): the crawl fetches every page, the archive keeps each under its own URL,
 * and extraction makes one report whose text has the paragraphs of all three pages, none for the parts.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crawl } from '../../crawlers/crawl.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { extractArchived } from '../../src/extract-archived.ts';
import { readReports } from '../../src/report-store.ts';
import { ROOT, tempDir } from '../helpers.ts';

const SITE = join(ROOT, 'fixtures', 'paginated-site');
const ARTICLE = '/2026/11/20/server-lpse-sintang-mati-tiga-hari-kontraktor-mengadu';
const ROUTES: Record<string, string> = {
  '/': 'index.html',
  [ARTICLE]: 'halaman-1.html',
  [`${ARTICLE}?page=2`]: 'halaman-2.html',
  [`${ARTICLE}?page=3`]: 'halaman-3.html',
};
/** The paragraphs each page carries (as authored in the fixture). */
const paragraphsOf = (file: string) =>
  [...readFileSync(join(SITE, file), 'utf8').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!.replaceAll('&quot;', '"'));

let server: Server;
let base: string;
const requested: string[] = [];
let root: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    const file = ROUTES[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(SITE, file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  root = tempDir('pantau-paginated-');
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe('a three-page article', () => {
  test('crawled, archived page by page, extracted into one report with the text of every page', async () => {
    const dir = resolveDataDir(root);
    await crawl({
      dataDir: dir,
      sources: [{ id: 'kabar-kapuas-hulu', name: 'Kabar Kapuas Hulu', kind: 'news', listings: [`${base}/`] }],
      pacingMs: 0,
      timeoutMs: 10_000,
      maxRetries: 1,
      since: null,
    });
    for (const path of [ARTICLE, `${ARTICLE}?page=2`, `${ARTICLE}?page=3`])
      expect(requested.filter((u) => u === path)).toHaveLength(1);
    // the next post behind rel=next is not a page of this article (and its headline is not an outage story)
    expect(requested).not.toContain('/2026/11/21/harga-karet-di-kapuas-hulu-turun-lagi');

    const archived = [...listArchived(dir)].map((a) => ({ url: a.canonicalUrl, partOf: a.page.partOf ?? null }));
    expect(archived).toHaveLength(3);
    expect(
      archived
        .filter((a) => a.partOf === `${base}${ARTICLE}`)
        .map((a) => a.url)
        .sort(),
    ).toEqual([`${base}${ARTICLE}?page=2`, `${base}${ARTICLE}?page=3`]);

    const stats = extractArchived(dir);
    expect(stats.parts).toBe(2);
    const reports = readReports(dir);
    expect(reports).toHaveLength(1);
    const text = reports[0]!.text;
    const paragraphs = ['halaman-1.html', 'halaman-2.html', 'halaman-3.html'].flatMap(paragraphsOf);
    expect(paragraphs).toHaveLength(6);
    // every page's paragraphs, in page order
    let at = -1;
    for (const p of paragraphs) {
      const i = text.indexOf(p);
      expect(i, p.slice(0, 40)).toBeGreaterThan(at);
      at = i;
    }
    // the cause and the official who states it are on page 3 only (page 1 alone gives "unexplained", no one)
    expect(reports[0]!.causes.map((c) => c.category)).toEqual(['hardware']);
    expect(reports[0]!.causes[0]!.evidence).toContain('petir');
    expect(reports[0]!.officials.map((o) => o.name)).toEqual(['Markus Dedi', 'Agustinus Rabun']);

    // extracted again: nothing changed, nothing new
    expect(extractArchived(dir).extracted).toBe(0);
  });
});
