/**
 * Load test of the web app's search API: `pantau serve`'s app on 127.0.0.1 over a synthetic knowledge base
 * (the web fixtures spread over ~120 real kabupaten/kota and six years), hit by autocannon from a second process
 * with 100 concurrent connections for 30 s, cycling through typed queries and facet combinations.
 * Prints requests/s and p50/p95/p99 latency; exits non-zero on any error or non-2xx answer.
 *
 * BENCH_WEB_SECONDS and BENCH_WEB_CONNECTIONS override the defaults (for a quick try).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDataDir } from '../src/config.ts';
import { groupIncidents } from '../src/kb/group.ts';
import { buildDocuments, rebuildIndexes } from '../src/kb/indexer.ts';
import { connectMeili } from '../src/meili/embedded.ts';
import type { Report } from '../types/index.ts';
import { meiliKbReader } from '../src/web/kb.ts';
import { startServer } from '../src/web/server.ts';
import { webReports } from '../test/web/helpers.ts';

const SECONDS = Number(process.env.BENCH_WEB_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_WEB_CONNECTIONS ?? 100);
/** BENCH_WEB_CACHE=0 measures every request going to Meilisearch. */
const CACHE_MS = Number(process.env.BENCH_WEB_CACHE ?? 5000);
const REGENCIES = 120;
const YEARS = 6;

/** Real regency names and codes (idn-area-data), so facets look like production. */
function regencies(): Array<{ code: string; province_code: string; name: string }> {
  const require = createRequire(import.meta.url);
  const csv = readFileSync(join(require.resolve('idn-area-data/package.json'), '..', 'data', 'regencies.csv'), 'utf8');
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c.length >= 3)
    .map(([code, province_code, name]) => ({
      code: code ?? '',
      province_code: province_code ?? '',
      name: (name ?? '').toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()),
    }));
}

function provinces(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const csv = readFileSync(join(require.resolve('idn-area-data/package.json'), '..', 'data', 'provinces.csv'), 'utf8');
  return new Map(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map(([code, name]) => [code ?? '', (name ?? '').toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase())]),
  );
}

function synthesize(): Report[] {
  const base = webReports();
  const regs = regencies();
  const provs = provinces();
  const out: Report[] = [];
  const step = Math.max(1, Math.floor(regs.length / REGENCIES));
  let k = 0;
  for (let i = 0; i < regs.length && k < REGENCIES; i += step, k++) {
    const reg = regs[i]!;
    for (let y = 0; y < YEARS; y++) {
      const src = base[(i + y) % base.length]!;
      const shift = (d: string | null) =>
        d ? `${2019 + y}-${String(((Number(d.slice(5, 7)) + k) % 12) + 1).padStart(2, '0')}-${d.slice(8, 10)}` : null;
      const region = {
        province: provs.get(reg.province_code) ?? reg.province_code,
        province_code: reg.province_code,
        regency: reg.name,
        regency_code: reg.code,
        evidence: `LPSE ${reg.name}`,
      };
      const day = (d: string | null) => (d && Number(d.slice(8, 10)) > 28 ? `${d.slice(0, 8)}28` : d);
      out.push({
        ...structuredClone(src),
        id: `bench-${k}-${y}`,
        url: `https://bench.example/${k}/${y}`,
        published: day(shift(src.published)),
        regions: [region],
        lpse: { name: `LPSE ${reg.name}`, host: `lpse.bench-${k}.example` },
        outage: { ...src.outage, start: day(shift(src.outage.start)), end: day(shift(src.outage.end)) },
        scope: 'local',
      });
    }
  }
  return out;
}

const QUERIES = process.env.BENCH_WEB_PATHS
  ? process.env.BENCH_WEB_PATHS.split(' ')
  : [
      'q=server',
      'q=server+rusak',
      'q=peretas',
      'q=listrik',
      'q=lpse&cause=hardware',
      'cause=hardware&province=Kalimantan+Tengah',
      'cause=network&year=2021',
      'province=Jawa+Barat&sort=start:desc',
      'allegation=true',
      'q=pdn&from=2020-01-01&to=2023-12-31',
      'q=kabupaten&limit=50&offset=20',
      'source_kind=news&sort=start:asc',
    ];

const CLIENT = `
import autocannon from 'autocannon';
const [url, seconds, connections, paths] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), JSON.parse(process.argv[4])];
const times = [];
const instance = autocannon({
  url, connections, duration: seconds, timeout: 10,
  requests: paths.map((p) => ({ method: 'GET', path: p })),
});
instance.on('response', (_c, _status, _bytes, ms) => times.push(ms));
instance.on('done', (r) => {
  times.sort((a, b) => a - b);
  const pct = (p) => times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : NaN;
  process.stdout.write(JSON.stringify({
    requests: r.requests.total, rps: r.requests.average, errors: r.errors, timeouts: r.timeouts,
    non2xx: r.non2xx, status2xx: r['2xx'], p50: pct(50), p95: pct(95), p99: pct(99), max: times[times.length - 1],
    samples: times.length,
  }));
});
`;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pantau-bench-web-'));
  const conn = await connectMeili(resolveDataDir(root, {}), { env: {} });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const reports = synthesize();
    const incidents = groupIncidents(reports);
    const t0 = performance.now();
    await rebuildIndexes(conn.client, buildDocuments(incidents, reports));
    console.log(
      `indexed ${reports.length} reports → ${incidents.length} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    server = await startServer({
      kb: meiliKbReader(conn.client),
      secrets: [conn.apiKey ?? ''],
      port: 0,
      log: () => {},
      cacheMs: CACHE_MS,
    });
    const paths = QUERIES.map((q) => (q.startsWith('/') ? q : `/api/search?${q}`));
    for (const p of paths) {
      const r = await fetch(`${server.url}${p}`);
      if (!r.ok) throw new Error(`${p} → ${r.status} ${await r.text()}`);
      const j = (await r.json()) as { total: number; processingTimeMs: number };
      if (process.env.BENCH_WEB_VERBOSE) console.log(`  ${p}: ${j.total} hits, Meilisearch ${j.processingTimeMs} ms`);
    }
    console.log(
      `autocannon: ${CONNECTIONS} connections for ${SECONDS} s on ${server.url}/api/search (${paths.length} query shapes)`,
    );
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', CLIENT, server.url, String(SECONDS), String(CONNECTIONS), JSON.stringify(paths)],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(import.meta.dirname, '..') },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    if (code !== 0) throw new Error(`autocannon exited with ${code}`);
    const r = JSON.parse(out) as Record<string, number>;
    console.log(
      `requests ${r.requests} (${Math.round(r.rps ?? 0)}/s), 2xx ${r.status2xx}, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
    );
    console.log(`latency p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms (${r.samples} samples)`);
    if (r.errors || r.non2xx || r.timeouts || !r.requests) {
      console.error('FAIL: errors under load');
      process.exitCode = 1;
    }
  } finally {
    await server?.close();
    await conn.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
