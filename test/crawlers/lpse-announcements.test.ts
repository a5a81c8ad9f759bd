/**
 * Every LPSE's news as `lpse` sources generated from the LPSE table, crawled on a local SPSE 4 instance in the old
 * form (fixtures/sites/lpse-kapuas): its home page lists `publik/detil_special?beritaId=<n>`; the outage notices
 * are archived as LPSE announcements (each once), the others are not, and the reports carry the instance's region.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkSources } from '../../crawlers/check.ts';
import { crawl } from '../../crawlers/crawl.ts';
import { lpseAnnouncementSources } from '../../crawlers/sources.ts';
import { LPSE_INSTANCES, type LpseInstance } from '../../extractors/region/lpse-instances.ts';
import { listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { extractArchived } from '../../src/extract-archived.ts';
import { FIXTURES_ROOT } from '../../src/fixture-server.ts';
import { readReports } from '../../src/report-store.ts';
import { tempDir } from '../helpers.ts';

const SITE = join(FIXTURES_ROOT, 'lpse-kapuas');
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  // A query selects the page (detil_special?beritaId=2071), which the static fixture server cannot do.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${url.pathname}${url.search}`);
    const id = url.searchParams.get('beritaId');
    const path =
      url.pathname === '/eproc4/publik/detil_special' && id && /^\d+$/.test(id)
        ? `eproc4/publik/detil_special/${id}.html`
        : url.pathname === '/robots.txt'
          ? 'robots.txt'
          : url.pathname.replace(/\/+$/, '') === '/eproc4'
            ? 'eproc4/index.html'
            : null;
    let body: string | null = null;
    try {
      body = path ? readFileSync(join(SITE, path), 'utf8') : null;
    } catch {}
    if (body === null) {
      res
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end('<h1>Halaman yang dituju tidak ditemukan</h1>');
      return;
    }
    res
      .writeHead(200, { 'content-type': path?.endsWith('.txt') ? 'text/plain' : 'text/html; charset=utf-8' })
      .end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
});

/** Kabupaten Kapuas as the table has it, served here in the old form. */
function instance(): LpseInstance {
  const kapuas = LPSE_INSTANCES.find((i) => i.id === 'kapuaskab');
  if (!kapuas) throw new Error('kapuaskab is not in the LPSE table');
  return { ...kapuas, old_url: base, hosts: [new URL(base).host] };
}

test('the table gives a source per regional LPSE, in either form', () => {
  const all = lpseAnnouncementSources();
  expect(all.sources).toHaveLength(532);
  expect(all.skipped).toHaveLength(68);
  expect(new Set(all.sources.map((s) => s.id)).size).toBe(532);
  const [central] = lpseAnnouncementSources(LPSE_INSTANCES, { only: ['kapuaskab'] }).sources;
  expect(central).toMatchObject({
    id: 'lpse-kapuaskab',
    kind: 'lpse',
    lpse: { base: 'https://spse.inaproc.id/kapuaskab', region_code: '62.03' },
    hosts: ['spse.inaproc.id', 'lpse.kapuaskab.go.id'],
  });
  const [old] = lpseAnnouncementSources(LPSE_INSTANCES, { only: ['kapuaskab'], form: 'old' }).sources;
  expect(old?.lpse?.base).toBe('https://lpse.kapuaskab.go.id/eproc4');
});

test('crawled: the outage notices of detil_special?beritaId=… archived once each, the others not', async () => {
  const { sources } = lpseAnnouncementSources([instance()], { form: 'old' });
  const [checked] = await checkSources(sources, { userAgent: 'PantauBot/test', timeoutMs: 5000 });
  expect(checked).toMatchObject({ ok: true, role: 'lpse-list', reason: 'HTML listing, 5 announcement links' });

  const dir = resolveDataDir(tempDir());
  const stats = await crawl({ dataDir: dir, sources, pacingMs: 0, since: null, maxRetries: 0 });
  expect(stats.failed).toBe(0);
  const archived = [...listArchived(dir)].map((a) => ({ url: a.page.url, kind: a.page.kind }));
  const ids = archived.map((a) => new URL(a.url).searchParams.get('beritaId')).sort();
  expect(ids).toEqual(['2060', '2064', '2071']);
  expect(archived.every((a) => a.kind === 'lpse-announcement')).toBe(true);
  // each announcement fetched once; the holiday and training notices fetched, judged on their text, not kept
  const fetched = requests.filter((r) => r.startsWith('/eproc4/publik/detil_special'));
  expect(fetched.sort()).toEqual(
    [2051, 2060, 2064, 2068, 2071].map((n) => `/eproc4/publik/detil_special?beritaId=${n}`),
  );

  extractArchived(dir);
  const reports = readReports(dir);
  expect(reports).toHaveLength(3);
  const byId = new Map(reports.map((r) => [new URL(r.url).searchParams.get('beritaId'), r]));
  expect(byId.get('2060')?.is_incident).toBe(true);
  expect(byId.get('2060')?.regions.map((r) => r.regency_code)).toEqual(['62.03']);
  expect(byId.get('2071')?.is_incident).toBe(true);

  // a second crawl fetches no announcement again
  const before = requests.length;
  await crawl({ dataDir: dir, sources, pacingMs: 0, since: null, maxRetries: 0 });
  expect(requests.slice(before).filter((r) => r.includes('beritaId'))).toEqual([]);
});
