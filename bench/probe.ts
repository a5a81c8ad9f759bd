/**
 * A probe round over 600 instances: the local SPSE (src/spse-sim/) serves the 600 instances of
 * crawlers/lpse-table.json on one 127.0.0.1 port, in a child process (so the prober's process is measured alone),
 * with a scripted share of failures (hangs, unresolvable names, refused connections, Cloudflare and SPSE error
 * pages, maintenance, redirect loops). The prober reaches the 600 old hosts and the central host through the
 * lookup map.
 *
 * Three runs, each measured for wall time, CPU and peak RSS:
 *   1. the round as scheduled: a 10-minute round scaled down (BENCH_ROUND_MS, default 60 s; timeout and per-host
 *      pacing scaled alike: 1 s, 100 ms). It must end within its round length: the ratio round-time/round-length;
 *   2. the same round unpaced (round length 0): how long the prober needs when nothing holds it back;
 *   3. the baseline: a bare sequential GET of the same 600 URLs with Node's http and the same lookup and timeout
 *      (no redirects followed, no robots.txt, no classification), measured in the same run.
 * Prints ratios, never a pass/fail. Run: npm run bench probe
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { toNodeLookup } from '../probe/http.ts';
import { RobotsCache } from '../probe/robots.ts';
import { PROBE_USER_AGENT, probeOnce } from '../probe/round.ts';
import { probeTargets } from '../probe/targets.ts';
import type { ProbeTarget } from '../probe/types.ts';
import { tableInstances } from '../src/spse-sim/instances.ts';
import { createSimLookup } from '../src/spse-sim/server.ts';
import type { SimFailure, Timetable } from '../src/spse-sim/timetable.ts';

const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 60_000);
const SCALE = ROUND_MS / 600_000;
const TIMEOUT_MS = Math.max(200, Math.round(10_000 * SCALE));
const PACING_MS = Math.round(1000 * SCALE);
const CONCURRENCY = 32;

// About one instance in twelve down, in every way the sim knows (the central form cannot fail by name or port).
const MIX: [SimFailure, number][] = [
  ['timeout', 12],
  ['dns', 8],
  ['connection-refused', 6],
  ['cloudflare', 8],
  ['spse-error', 6],
  ['http-5xx', 6],
  ['maintenance', 3],
  ['forbidden', 2],
  ['redirect-loop', 2],
];

function timetable(slugs: string[]): Timetable {
  const from = new Date(Date.now() - 3600_000).toISOString();
  const to = new Date(Date.now() + 24 * 3600_000).toISOString();
  const entries: Timetable['entries'] = [];
  let k = 0;
  for (const [fail, n] of MIX) {
    for (let j = 0; j < n; j++) entries.push({ instance: slugs[(k++ * 37) % slugs.length]!, from, to, fail });
  }
  return { entries };
}

const SERVER = (tt: Timetable) => `
const { createSpseSim } = await import(${JSON.stringify(new URL('../src/spse-sim/server.ts', import.meta.url).href)});
const sim = await createSpseSim({ timetable: ${JSON.stringify(tt)}, keepRequests: 0 });
process.stdout.write(String(sim.port) + '\\n');
process.stdin.on('end', () => sim.close().then(() => process.exit(0)));
process.stdin.resume();
`;

async function startSim(tt: Timetable): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SERVER(tt)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the local SPSE exited (${code})`)));
    child.stdout!.once('data', (d) => ok(Number(String(d).trim())));
  });
  return { port, child };
}

async function measure<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; secs: number; cpuSecs: number; peakMb: number; startMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
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
    cpuSecs: (cpu.user + cpu.system) / 1e6,
    peakMb: peak / 1024 / 1024,
    startMb: start / 1024 / 1024,
  };
}

/** The baseline: one GET after another, nothing else. */
async function bareSequential(targets: readonly ProbeTarget[], lookup: ReturnType<typeof createSimLookup>) {
  const nodeLookup = toNodeLookup(lookup);
  let answered = 0;
  for (const t of targets) {
    await new Promise<void>((done) => {
      const req = request(
        t.url,
        { agent: false, lookup: nodeLookup, headers: { 'user-agent': PROBE_USER_AGENT } },
        (res) => {
          res.resume();
          res.on('end', () => {
            answered++;
            done();
          });
          res.on('error', () => done());
        },
      );
      req.setTimeout(TIMEOUT_MS, () => req.destroy());
      req.on('error', () => done());
      req.end();
    });
  }
  return answered;
}

const instances = tableInstances();
const tt = timetable(instances.map((i) => i.slug));
const { port, child } = await startSim(tt);
try {
  const lookup = createSimLookup({ instances, timetable: tt });
  const table = instances.map((i) => ({
    id: i.slug,
    name: i.name,
    region_code: i.regionCode,
    url: `http://spse.inaproc.id:${port}/${i.slug}`,
    old_url: `http://${i.oldHost}:${port}`,
  }));
  // The old form: 600 host names, each with its own robots.txt (the central form would be one host for 600).
  const targets = probeTargets(table, { form: 'old' });
  const hosts = new Set(targets.map((t) => new URL(t.url).host));
  console.log(
    `${targets.length} instances (${targets.filter((t) => t.form === 'central').length} central, ` +
      `${targets.filter((t) => t.form === 'old').length} old form: ${hosts.size} host names through the lookup map), ` +
      `${tt.entries.length} scripted down; round ${ROUND_MS / 1000} s (a 10-minute round × ${SCALE.toFixed(3)}), timeout ${TIMEOUT_MS} ms, ` +
      `pacing ${PACING_MS} ms per host, concurrency ${CONCURRENCY}`,
  );
  const opts = {
    timeoutMs: TIMEOUT_MS,
    pacingMs: PACING_MS,
    concurrency: CONCURRENCY,
    lookup,
    robots: new RobotsCache({ userAgent: PROBE_USER_AGENT, lookup, timeoutMs: TIMEOUT_MS }),
  };
  // The first round of a watch: robots.txt of all 600 hosts is fetched during the round (the worst case; later
  // rounds find it cached).
  const paced = await measure(() => probeOnce(targets, { ...opts, roundMs: ROUND_MS }));
  const counts = Object.entries(paced.result.counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  console.log(
    `round as scheduled: ${paced.secs.toFixed(1)} s for a ${ROUND_MS / 1000} s round: ratio round-time/round-length ` +
      `${(paced.secs / (ROUND_MS / 1000)).toFixed(3)}; ${paced.result.rows.length} rows (${counts}); ` +
      `CPU ${paced.cpuSecs.toFixed(2)} s (${((paced.cpuSecs / targets.length) * 1000).toFixed(2)} ms/probe); RSS ${paced.startMb.toFixed(0)} MB at the start, peak ${paced.peakMb.toFixed(0)} MB`,
  );
  // Robots.txt is cached now, as in every round after the first.
  const unpaced = await measure(() => probeOnce(targets, { ...opts, roundMs: 0, pacingMs: 0 }));
  const bare = await measure(() => bareSequential(targets, lookup));
  console.log(
    `unpaced round: ${unpaced.secs.toFixed(2)} s, CPU ${((unpaced.cpuSecs / targets.length) * 1000).toFixed(2)} ms/probe, peak RSS ${unpaced.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `baseline, bare sequential GET of the same URLs: ${bare.secs.toFixed(2)} s (${bare.result} answered), ` +
      `CPU ${((bare.cpuSecs / targets.length) * 1000).toFixed(2)} ms/request, peak RSS ${bare.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `ratios: unpaced round / bare sequential ${(unpaced.secs / bare.secs).toFixed(3)} (wall), ` +
      `${(unpaced.cpuSecs / bare.cpuSecs).toFixed(2)} (CPU per request)`,
  );
} finally {
  child.stdin!.end();
  await new Promise((ok) => child.once('exit', ok));
}
