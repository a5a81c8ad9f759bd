/**
 * Series benchmark: a year of synthetic probe rows (600 instances × 144 rounds × 365 days = 31,536,000), generated
 * inside DuckDB with range(), 60 tenders per instance, outages at random for every instance and, for one instance in
 * twenty, also in the hours before its deadlines. Times the deadline correlation (`deadlineView`, every instance
 * and overall, 10,000 permutations) and one instance's, against a plain COUNT(*) and a full scan grouping the
 * probes by instance, measured in the same run on the same file.
 *
 * Run: npm run bench series   (BENCH_DAYS=90 for a quicker run)
 */
import { rmSync, statSync } from 'node:fs';
import { openSeries } from '../src/series/store.ts';
import { tempDir } from '../test/helpers.ts';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const INSTANCES = 600;
const ROUNDS = 144;
const TENDERS = 60;
const ROWS = INSTANCES * ROUNDS * DAYS;

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
};
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const dir = tempDir('pantau-bench-series-');
const store = await openSeries(dir, { keepOpen: true, retentionDays: null });
console.log(`data dir ${dir}; ${ROWS.toLocaleString('en')} probe rows over ${DAYS} days`);

const [, load] = await time(() =>
  store.use(async (db) => {
    // deadlines: 60 per instance on random days at 16:00 WIB (09:00 UTC)
    await db.run(`INSERT INTO tenders
      SELECT 'lpse' || (i // ${TENDERS}), 'T' || i, 'tender', 'Paket ' || i, (1 + hash(i * 7) % 500) * 100000000.0,
        'Upload Dokumen Penawaran',
        TIMESTAMP '2025-01-01 09:00:00' + to_days((1 + hash(i) % ${DAYS - 2})::INTEGER), TIMESTAMP '2025-01-01'
      FROM range(${INSTANCES * TENDERS}) r(i)`);
    // probes: a 2-hour outage in 1 of 250 two-hour blocks, a blip in 1 of 400 rounds, and for every twentieth
    // instance the 2 hours (12 rounds) that end 2 hours before each of its deadlines (a hash join on the round)
    await db.run(`CREATE TEMP TABLE clustered AS
      SELECT DISTINCT substr(instance, 5)::INTEGER AS n,
        ((epoch_ms(deadline) - epoch_ms(TIMESTAMP '2025-01-01')) // 600000 - 24 + k)::BIGINT AS r
      FROM tenders, range(12) q(k) WHERE substr(instance, 5)::INTEGER % 20 = 0`);
    await db.run(`INSERT INTO probes
      SELECT ts, inst, 'https://spse.inaproc.id/' || inst, 'central', ts,
        CASE WHEN c.r IS NOT NULL THEN 'spse-error' WHEN hash(g.n, g.r // 12) % 250 = 0 THEN 'timeout'
             WHEN hash(g.n, g.r, 1) % 400 = 0 THEN 'http-5xx' ELSE 'up' END,
        200, 150, NULL, '4.5u20250321', NULL
      FROM (SELECT i % ${INSTANCES} AS n, i // ${INSTANCES} AS r, 'lpse' || (i % ${INSTANCES}) AS inst,
              TIMESTAMP '2025-01-01' + to_minutes(((i // ${INSTANCES}) * 10)::BIGINT) AS ts
            FROM range(${ROWS}) t(i)) g
      LEFT JOIN clustered c ON c.n = g.n AND c.r = g.r
      ORDER BY g.r, g.n`);
  }),
);
console.log(`load (SQL range()): ${s(load)}`);
const [, derive] = await time(() => store.rebuild());
const stats = await store.stats();
console.log(
  `derive episodes and spans from every probe (once; rounds derive as they arrive): ${s(derive)}; ${stats.episodes.toLocaleString('en')} episodes`,
);
await store.close();
console.log(`file: ${(statSync(`${dir}/series/pantau.duckdb`).size / 1024 ** 2).toFixed(0)} MB`);

// the queries, on a store opened the way `pantau deadlines` opens it (read-only, a fresh process state)
const reader = await openSeries(dir, { mode: 'read', keepOpen: true });
const q = (sql: string) => reader.use((db) => db.all(sql));
await q('SELECT count(*) FROM probes'); // warm the file cache the same for both
const median = async (fn: () => Promise<unknown>, n = 3) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push((await time(fn))[1]);
  return xs.sort((a, b) => a - b)[Math.floor(n / 2)]!;
};
const count = await median(() => q('SELECT count(*) FROM probes'));
const scan = await median(() =>
  q("SELECT instance, count(*) FILTER (WHERE class <> 'up') AS failed FROM probes GROUP BY instance"),
);
let figures = 0;
let cpu = 0;
const view = await median(async () => {
  const c0 = process.cpuUsage();
  const v = await reader.deadlineView();
  const c = process.cpuUsage(c0);
  cpu = (c.user + c.system) / 1000;
  figures = v.figures.length;
});
const one = await median(() => reader.deadlineView({ instance: 'lpse20' }));
const v = await reader.deadlineView({ instance: 'lpse20' });
const fig = v.figures[1]!;
console.log(`baseline COUNT(*) over probes: ${count.toFixed(1)} ms; GROUP BY instance scan: ${s(scan)}`);
console.log(
  `deadlineView, all ${figures - 1} instances + overall, 10,000 permutations: ${s(view)} wall, ${s(cpu)} CPU of the last run (target < 2 s): ${(view / count).toFixed(0)}× COUNT(*), ${(view / scan).toFixed(2)}× the scan`,
);
console.log(
  `deadlineView, one instance (lpse20, clustered: ratio ${fig.ratio?.toFixed(1)}, p ${fig.pValue?.toFixed(4)}): ${s(one)}`,
);
await reader.close();

// one round appended the way `pantau probe` appends it: the file opened, 600 rows and their derivation in one
// transaction, the file closed (so readers can open it between rounds)
const writer = await openSeries(dir, { retentionDays: null });
const end = Date.parse('2025-01-01T00:00:00Z') + DAYS * 86_400_000;
const appends: number[] = [];
for (let k = 0; k < 3; k++) {
  const at = new Date(end + k * 600_000).toISOString();
  const rows = Array.from({ length: INSTANCES }, (_, i) => ({
    round: at,
    instance: `lpse${i}`,
    url: `https://spse.inaproc.id/lpse${i}`,
    form: 'central' as const,
    at,
    class: i % 50 === 0 ? ('timeout' as const) : ('up' as const),
    status: 200,
    latencyMs: 150,
    errorCode: null,
    version: null,
    detail: null,
  }));
  appends.push((await time(() => writer.appendProbes(rows)))[1]);
}
await writer.close();
console.log(
  `append one round of ${INSTANCES} probes to the ${DAYS} days (open, write, derive, close): median ${s([...appends].sort((a, b) => a - b)[1]!)}`,
);
rmSync(dir, { recursive: true, force: true });
