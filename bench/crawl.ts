/**
 * Crawl throughput: a generated local news site of 2,000 article pages (served by a child process, so the
 * crawler's process is measured alone), crawled with pacing off by Pantau's crawl() and by a bare Crawlee
 * CheerioCrawler that only follows the same links and stores nothing. Prints pages/s of each, the ratio
 * (target ≥ 0.8, median of five alternating rounds; BENCH_ROUNDS to change) and the peak RSS of each run. Run: npm run bench -- crawl
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheerioCrawler } from '@crawlee/cheerio';
import { Configuration, log } from '@crawlee/core';
import { crawl } from '../crawlers/crawl.ts';
import { countArchived } from '../src/archive.ts';
import { resolveDataDir } from '../src/config.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const PER_PAGE = 50;
const CONCURRENCY = 8;

// Both crawlers run at a fixed concurrency (min = max): Crawlee's autoscaling reacts to the machine's load,
// which would measure the neighbours rather than the crawlers.
// The site: /berita/ listing pages with pagination, article pages of ~4 KB of text in a news theme.
const SERVER = `
const http = require('node:http');
const N = ${ARTICLES}, PER = ${PER_PAGE};
const para = (i, k) => '<p>Layanan Pengadaan Secara Elektronik (LPSE) Kabupaten Contoh ' + i + ' mengalami gangguan pada hari ke-' + k + ', sehingga penyedia tidak dapat mengunggah dokumen penawaran dan Pokja menggeser jadwal tahapan tender sesuai berita acara.</p>';
const layout = (title, main) => '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>' + title + ' - Kabar Contoh</title></head><body><nav class="menu"><a href="/">Beranda</a><a href="/berita/">Berita</a></nav><main>' + main + '</main><aside class="sidebar"><h3>Terpopuler</h3><ul><li>Harga cabai naik</li></ul></aside><footer>Kabar Contoh 2024</footer></body></html>';
http.createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  let m;
  if (u.pathname === '/robots.txt') { res.writeHead(200, {'content-type': 'text/plain'}); return res.end('User-agent: *\\nAllow: /\\n'); }
  if ((m = /^\\/berita\\/(?:halaman\\/(\\d+)\\/)?$/.exec(u.pathname))) {
    const p = Number(m[1] || 1), pages = Math.ceil(N / PER);
    let items = '';
    for (let i = (p - 1) * PER + 1; i <= Math.min(N, p * PER); i++) items += '<li><a class="judul" href="/berita/' + i + '/server-lpse-kabupaten-contoh-' + i + '-gangguan">Server LPSE Kabupaten Contoh ' + i + ' Gangguan</a></li>';
    const next = p < pages ? '<a class="next" rel="next" href="/berita/halaman/' + (p + 1) + '/">Selanjutnya</a>' : '';
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    return res.end(layout('Berita', '<ul class="daftar">' + items + '</ul><div class="pagination">' + next + '</div>'));
  }
  if ((m = /^\\/berita\\/(\\d+)\\/[a-z0-9-]+$/.exec(u.pathname)) && Number(m[1]) <= N) {
    const i = Number(m[1]);
    let body = '';
    for (let k = 1; k <= 14; k++) body += para(i, k);
    res.writeHead(200, {'content-type': 'text/html; charset=utf-8'});
    return res.end(layout('Server LPSE Kabupaten Contoh ' + i + ' Gangguan', '<article><h1>Server LPSE Kabupaten Contoh ' + i + ' Gangguan</h1><div class="entry-content">' + body + '</div></article>'));
  }
  res.writeHead(404); res.end('not found');
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((ok) => child.stdout!.once('data', (d) => ok(String(d).trim())));
  return { base: `http://127.0.0.1:${port}`, child };
}

/** Runs fn while sampling RSS; returns its result, the seconds it took and the peak RSS in MB. */
async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; secs: number; peakMb: number; cpuSecs: number; sysSecs: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await fn();
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    result,
    secs,
    peakMb: peak / 1024 / 1024,
    cpuSecs: (cpu.user + cpu.system) / 1e6,
    sysSecs: cpu.system / 1e6,
  };
}

async function bareCheerio(base: string): Promise<number> {
  let pages = 0;
  const crawler = new CheerioCrawler(
    {
      maxConcurrency: CONCURRENCY,
      minConcurrency: CONCURRENCY,
      maxRequestRetries: 3,
      useSessionPool: false,
      persistCookiesPerSession: false,
      async requestHandler({ request, enqueueLinks }) {
        pages++;
        if (request.label !== 'ARTICLE') {
          await enqueueLinks({ selector: 'a.judul', label: 'ARTICLE' });
          await enqueueLinks({ selector: 'a.next', label: 'LIST' });
        }
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  await crawler.run([{ url: `${base}/berita/`, label: 'LIST' }]);
  return pages;
}

async function pantau(base: string): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  try {
    const stats = await crawl({
      dataDir: resolveDataDir(root),
      sources: [
        {
          id: 'bench',
          name: 'bench',
          kind: 'news',
          listings: [`${base}/berita/`],
          article_patterns: ['^/berita/\\d+/'],
          max_listing_pages: 1000,
        },
      ],
      pacingMs: 0,
      maxConcurrency: CONCURRENCY,
      minConcurrency: CONCURRENCY,
      progressEveryMs: 3_600_000,
    });
    const archived = countArchived(resolveDataDir(root));
    if (archived !== ARTICLES) throw new Error(`Pantau archived ${archived} of ${ARTICLES} articles`);
    return stats.done;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

log.setLevel(log.LEVELS.OFF);
const mode = process.argv.find((a) => a.startsWith('--run='))?.slice(6);
if (mode) {
  // Child: one crawl, measured alone in a fresh process (clean peak RSS), result as JSON on stdout.
  const base = process.argv.find((a) => a.startsWith('--base='))!.slice(7);
  await (mode === 'pantau' ? pantau : bareCheerio)(`${base}`).catch(() => 0); // warm-up: modules, JIT
  const m = await measure(() => (mode === 'pantau' ? pantau(base) : bareCheerio(base)));
  process.stdout.write(
    `${JSON.stringify({ pages: m.result, secs: m.secs, peakMb: m.peakMb, cpuSecs: m.cpuSecs, sysSecs: m.sysSecs })}\n`,
  );
  process.exit(0);
}

function runChild(
  name: 'pantau' | 'bare',
  base: string,
): Promise<{ pages: number; secs: number; peakMb: number; cpuSecs: number; sysSecs: number }> {
  return new Promise((ok, fail) => {
    const c = spawn(process.execPath, [...process.execArgv, process.argv[1]!, `--run=${name}`, `--base=${base}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    c.stdout!.on('data', (d) => {
      out += d;
    });
    c.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1)!)) : fail(new Error(`${name} exited ${code}`)),
    );
  });
}

const { base, child } = await startServer();
try {
  console.log(
    `site: ${ARTICLES} articles, ${Math.ceil(ARTICLES / PER_PAGE)} listing pages, at ${base}; concurrency ${CONCURRENCY}`,
  );
  console.log('each run: a fresh process, one unmeasured warm-up crawl, then the measured crawl');
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
  const rows: Array<{ name: string; pages: number; secs: number; peakMb: number; cpuSecs: number; sysSecs: number }> =
    [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, key] of [
      ['bare CheerioCrawler', 'bare'],
      ['Pantau crawl()', 'pantau'],
    ] as const) {
      const m = await runChild(key, base);
      rows.push({ name, ...m });
      console.log(
        `round ${round} ${name.padEnd(20)} ${m.pages} pages in ${m.secs.toFixed(2)} s = ${(m.pages / m.secs).toFixed(1)} pages/s, ${((1000 * m.cpuSecs) / m.pages).toFixed(2)} ms CPU/page (${((1000 * m.sysSecs) / m.pages).toFixed(2)} in the kernel), peak RSS ${m.peakMb.toFixed(0)} MB`,
      );
    }
  }
  // Rounds alternate, so both crawlers see the same machine load.
  const rate = (name: string, i: number) => {
    const r = rows.filter((x) => x.name === name)[i]!;
    return r.pages / r.secs;
  };
  const paired = Array.from({ length: ROUNDS }, (_, i) => rate('Pantau crawl()', i) / rate('bare CheerioCrawler', i));
  const median = [...paired].sort((a, b) => a - b)[Math.floor(paired.length / 2)]!;
  const best = (name: string) => Math.max(...rows.filter((r) => r.name === name).map((r) => r.pages / r.secs));
  const peak = (name: string) => Math.max(...rows.filter((r) => r.name === name).map((r) => r.peakMb));
  console.log(
    `\nratio Pantau / bare CheerioCrawler per round: ${paired.map((r) => r.toFixed(2)).join(', ')}; median ${median.toFixed(2)} (target ≥ 0.8)`,
  );
  console.log(
    `best rounds: Pantau ${best('Pantau crawl()').toFixed(1)} pages/s, bare CheerioCrawler ${best('bare CheerioCrawler').toFixed(1)} pages/s: ratio ${(best('Pantau crawl()') / best('bare CheerioCrawler')).toFixed(2)}`,
  );
  // CPU time per page does not depend on what else the machine runs: the steadier comparison on a busy box.
  const cpu = (name: string) => {
    const r = rows.filter((x) => x.name === name);
    return r.reduce((a, x) => a + x.cpuSecs, 0) / r.reduce((a, x) => a + x.pages, 0);
  };
  console.log(
    `CPU per page (all rounds): Pantau ${(1000 * cpu('Pantau crawl()')).toFixed(2)} ms, bare CheerioCrawler ${(1000 * cpu('bare CheerioCrawler')).toFixed(2)} ms: ratio ${(cpu('bare CheerioCrawler') / cpu('Pantau crawl()')).toFixed(2)}`,
  );
  console.log(
    `peak RSS: Pantau ${peak('Pantau crawl()').toFixed(0)} MB, bare CheerioCrawler ${peak('bare CheerioCrawler').toFixed(0)} MB`,
  );
} finally {
  child.kill();
}
