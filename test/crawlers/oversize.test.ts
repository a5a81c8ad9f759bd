/**
 * A page over the size cap sent without Content-Length (chunked): the crawler stops the download once more than
 * maxPageBytes have arrived, instead of reading the whole body and rejecting it afterwards. The server lives in
 * this test and counts what it managed to write before the crawler closed the connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type CrawlStats, crawl } from '../../crawlers/crawl.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';

const MAX_PAGE_BYTES = 1_000_000;
/** What the server would send in all (without a Content-Length header). */
const BODY_BYTES = 256 * 1024 * 1024;
const HUGE = '/berita/arsip-lengkap-gangguan-lpse-sultra';
const NORMAL = '/berita/lpse-konawe-normal-kembali-usai-perbaikan';

const hugeStream = { requests: 0, written: 0, closed: false, ended: false };
const requests: string[] = [];
const sockets = new Set<Socket>();
let server: Server;
let base: string;
let root: string;
let stats: CrawlStats;

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    if (path === '/berita/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          'Berita',
          `<ul><li><a href="${HUGE}">Arsip Lengkap Gangguan LPSE Sultra</a></li>` +
            `<li><a href="${NORMAL}">LPSE Konawe Normal Kembali Usai Perbaikan Server</a></li></ul>`,
        ),
      );
      return;
    }
    if (path === NORMAL) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page('LPSE Konawe Normal Kembali', '<p>Layanan LPSE Konawe kembali normal setelah server diperbaiki.</p>'),
      );
      return;
    }
    if (path === HUGE) {
      // No Content-Length: Node sends the body chunked. Written with backpressure, so `written` is what the
      // socket took (the crawler's reads plus what sits in the kernel's buffers), not what piled up in memory.
      hugeStream.requests++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.from(`<p>${'Arsip gangguan LPSE Sulawesi Tenggara. '.repeat(1600)}</p>\n`);
      const pump = () => {
        while (!hugeStream.closed && hugeStream.written < BODY_BYTES) {
          const part = chunk.subarray(0, Math.min(chunk.length, BODY_BYTES - hugeStream.written));
          hugeStream.written += part.length;
          if (!res.write(part)) return void res.once('drain', pump);
        }
        if (!hugeStream.closed) {
          hugeStream.ended = true;
          res.end();
        }
      };
      res.on('close', () => {
        hugeStream.closed = true;
      });
      pump();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${addr.port}`;

  root = mkdtempSync(join(tmpdir(), 'pantau-oversize-'));
  stats = await crawl({
    dataDir: resolveDataDir(root),
    sources: [
      {
        id: 'rusak-chunked',
        name: 'Rusak Chunked',
        kind: 'news',
        listings: [`${base}/berita/`],
        article_patterns: ['^/berita/[^/]+$'],
      },
    ],
    pacingMs: 0,
    // Generous: the size cap, not a timeout, must end the download, however busy the machine.
    timeoutMs: 60_000,
    maxRetries: 2,
    backoffMs: 20,
    maxPageBytes: MAX_PAGE_BYTES,
    progressEveryMs: 60_000,
  });
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  if (root) rmSync(root, { recursive: true, force: true });
});

test('a chunked page over maxPageBytes fails as too large, once, without retries', () => {
  expect(stats.failures).toEqual([{ url: `${base}${HUGE}`, error: expect.stringMatching(/^page too large/) }]);
  expect(stats.failed).toBe(1);
  expect(hugeStream.requests).toBe(1);
  expect(requests.filter((p) => p === HUGE)).toHaveLength(1);
});

test('the download is stopped early: the server saw the connection closed long before the end of the body', () => {
  expect(hugeStream.closed).toBe(true);
  expect(hugeStream.ended).toBe(false);
  expect(hugeStream.written).toBeGreaterThan(MAX_PAGE_BYTES);
  // The cap plus what sat in the kernel's socket buffers when the crawler hung up: about 4 MB here, at most the
  // cap + tcp_wmem max + tcp_rmem max (4 + 32 MB by Linux's defaults). Without the cap: all 256 MB.
  expect(hugeStream.written).toBeLessThan(BODY_BYTES / 4);
});

test('the rest of the site is crawled as usual', () => {
  const paths = [...listArchived(resolveDataDir(root))].map((a) => new URL(a.canonicalUrl).pathname);
  expect(paths).toEqual([NORMAL]);
  expect(stats.archived).toBe(1);
});
