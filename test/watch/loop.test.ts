/**
 * The watch's run loop on a test clock: jobs in list order, one timetable kept across restarts, a killed job due
 * again at once, a failing job recorded without stopping the others, a stop honoured after the current job, and
 * one watch per data dir.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { resolveDataDir } from '../../src/config.ts';
import { type JobContext, runWatch, type WatchJob } from '../../src/watch/loop.ts';
import { cronSchedule, everySchedule } from '../../src/watch/schedule.ts';
import { describeWatch, readWatchState, watchStatus, writeWatchState } from '../../src/watch/state.ts';
import { tempDir } from '../helpers.ts';

const T0 = Date.parse('2026-12-08T01:00:00Z');
const MIN = 60_000;

/** A clock the jobs and the sleeps move; jobs record (name, time) and take `cost` ms. */
function rig(opts: { stopAfterRuns?: number; failing?: string } = {}) {
  let clock = T0;
  const calls: Array<[string, number]> = [];
  const lines: string[] = [];
  const stop = new AbortController();
  const job = (name: string, cost: number, every?: WatchJob['every']): WatchJob => ({
    name,
    ...(every ? { every } : {}),
    async run(ctx: JobContext) {
      calls.push([name, (clock - T0) / 1000]);
      expect(ctx.runStart).toBeLessThanOrEqual(clock);
      clock += cost;
      if (name === opts.failing) throw new Error(`${name} broke`);
      return { done: 1 };
    },
  });
  return {
    calls,
    lines,
    controller: stop,
    job,
    now: () => clock,
    set: (t: number) => {
      clock = t;
    },
    sleep: async (ms: number) => {
      clock += ms;
    },
    log: (line: string) => {
      lines.push(line);
      if (opts.stopAfterRuns && lines.length >= opts.stopAfterRuns) stop.abort();
    },
  };
}

test('jobs run in order on one timetable, every N from the start of the last run', async () => {
  const dir = resolveDataDir(tempDir());
  const r = rig({ stopAfterRuns: 3 });
  const jobs = [r.job('crawl', 20_000), r.job('extract', 5000), r.job('index', 3000)];
  const res = await runWatch({ dataDir: dir, jobs, schedule: everySchedule('1m'), ...r, stop: r.controller.signal });
  expect(res.runs).toBe(3);
  expect(r.calls).toEqual([
    ['crawl', 0],
    ['extract', 20],
    ['index', 25],
    ['crawl', 60],
    ['extract', 80],
    ['index', 85],
    ['crawl', 120],
    ['extract', 140],
    ['index', 145],
  ]);
  expect(r.lines[0]).toMatch(
    /^watch: run 1 at 2026-12-08T01:00:00.000Z: crawl done=1; extract done=1; index done=1 \(28.0 s\)$/,
  );
  const s = readWatchState(dir)!;
  expect(s.runs).toBe(3);
  expect(s.nextRun).toBe('2026-12-08T01:03:00.000Z');
  expect(s.jobs.index?.runStart).toBe('2026-12-08T01:02:00.000Z');
  expect(s.stoppedAt).not.toBeNull();
  expect(s.running).toBeNull();
});

test('a restart keeps the timetable; a job left running by a kill, and those after it, run at once', async () => {
  const dir = resolveDataDir(tempDir());
  const first = rig();
  const jobs = (r: ReturnType<typeof rig>) => [r.job('crawl', 20_000), r.job('extract', 5000), r.job('index', 3000)];
  await runWatch({ dataDir: dir, jobs: jobs(first), schedule: everySchedule('10m'), ...first, once: true });
  // restarted 2 minutes later: nothing is due before 01:10
  const second = rig({ stopAfterRuns: 1 });
  second.set(T0 + 2 * MIN);
  await runWatch({
    dataDir: dir,
    jobs: jobs(second),
    schedule: everySchedule('10m'),
    ...second,
    stop: second.controller.signal,
  });
  expect(second.calls[0]).toEqual(['crawl', 600]);
  // a kill during extract of the 01:10 run: the state file says so
  const s = readWatchState(dir)!;
  writeWatchState(dir, {
    ...s,
    stoppedAt: null,
    running: { job: 'extract', since: '2026-12-08T01:10:20.000Z' },
    jobs: {
      ...s.jobs,
      extract: { ...s.jobs.extract!, start: '2026-12-08T01:10:20.000Z', end: null },
      // not reached by the killed run: its last run is still the 01:00 one
      index: { ...s.jobs.index!, runStart: '2026-12-08T01:00:00.000Z', start: '2026-12-08T01:00:25.000Z' },
    },
  });
  expect(watchStatus(dir)?.killed).toBe(true);
  expect(describeWatch(watchStatus(dir))[0]).toMatch(/ended without stopping, during extract/);
  const third = rig({ stopAfterRuns: 1 });
  third.set(T0 + 12 * MIN);
  const info: string[] = [];
  await runWatch({
    dataDir: dir,
    jobs: jobs(third),
    schedule: everySchedule('10m'),
    ...third,
    info: (l) => info.push(l),
    stop: third.controller.signal,
  });
  // extract (killed) at once; index: it was due at 01:10 and never ran in that run, so at once too; crawl at 01:20
  expect(third.calls).toEqual([
    ['extract', 720],
    ['index', 725],
  ]);
  expect(info[0]).toMatch(/ended during extract .* what it left undone runs now/);
});

test('a failing job is recorded and the next ones still run; a stop ends the run after the current job', async () => {
  const dir = resolveDataDir(tempDir());
  const r = rig({ failing: 'crawl' });
  const jobs = [r.job('crawl', 1000), r.job('extract', 1000), r.job('index', 1000)];
  await runWatch({ dataDir: dir, jobs, schedule: everySchedule('1m'), ...r, once: true });
  expect(r.calls.map((c) => c[0])).toEqual(['crawl', 'extract', 'index']);
  expect(r.lines[0]).toMatch(/crawl FAILED: crawl broke; extract done=1/);
  const s = readWatchState(dir)!;
  expect(s.lastRun?.ok).toBe(false);
  expect(s.jobs.crawl).toMatchObject({ ok: false, error: 'crawl broke' });

  const dir2 = resolveDataDir(tempDir());
  const r2 = rig();
  const stopping: WatchJob = {
    name: 'crawl',
    async run() {
      r2.controller.abort(); // Ctrl-C arrives during the crawl
      return { archived: 2 };
    },
  };
  await runWatch({
    dataDir: dir2,
    jobs: [stopping, r2.job('extract', 1000)],
    schedule: everySchedule('1m'),
    ...r2,
    stop: r2.controller.signal,
  });
  expect(r2.calls).toEqual([]);
  expect(r2.lines[0]).toMatch(/crawl archived=2; extract not run \(stopped\)/);
  // extract never ran in that run: due at once next time
  expect(readWatchState(dir2)?.jobs.extract?.next).toBe(readWatchState(dir2)?.stoppedAt);
});

test('a job with its own interval runs between the runs of the others', async () => {
  const dir = resolveDataDir(tempDir());
  const r = rig({ stopAfterRuns: 4 });
  const jobs = [r.job('crawl', 1000), r.job('probe', 1000, everySchedule('20m'))];
  await runWatch({ dataDir: dir, jobs, schedule: everySchedule('30m'), ...r, stop: r.controller.signal });
  expect(r.calls).toEqual([
    ['crawl', 0],
    ['probe', 1],
    ['probe', 1200],
    ['crawl', 1800],
    ['probe', 2400],
  ]);
});

test('one watch per data dir: a second one is refused with the first one’s pid', async () => {
  const root = tempDir();
  const dir = resolveDataDir(root);
  mkdirSync(join(root, 'locks'), { recursive: true });
  const { spawn } = await import('node:child_process');
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  try {
    writeFileSync(join(root, 'locks', 'watch.lock'), String(other.pid));
    const r = rig();
    await expect(
      runWatch({ dataDir: dir, jobs: [r.job('crawl', 1)], schedule: everySchedule('1m'), ...r, once: true }),
    ).rejects.toThrow(`another pantau watch (pid ${other.pid}) is watching this data dir`);
    expect(r.calls).toEqual([]);
  } finally {
    other.kill('SIGKILL');
  }
});

test('schedules: --every units and bounds, cron times, one-line errors', () => {
  expect(everySchedule('30m').next(T0)).toBe(T0 + 30 * MIN);
  expect(everySchedule('2h').next(T0)).toBe(T0 + 120 * MIN);
  expect(everySchedule('90s').describe).toBe('every 90s');
  expect(() => everySchedule('5s')).toThrow('at least 10s');
  expect(() => everySchedule('soon')).toThrow('--every must be a number and a unit');
  const cron = cronSchedule('*/10 * * * *', 'UTC');
  expect(new Date(cron.next(Date.parse('2026-12-08T01:03:20Z'))).toISOString()).toBe('2026-12-08T01:10:00.000Z');
  expect(new Date(cron.next(Date.parse('2026-12-08T01:10:00Z'))).toISOString()).toBe('2026-12-08T01:20:00.000Z');
  // 06:00 in Jakarta is 23:00 UTC the day before
  expect(new Date(cronSchedule('0 6 * * *', 'Asia/Jakarta').next(T0)).toISOString()).toBe('2026-12-08T23:00:00.000Z');
  expect(() => cronSchedule('every day')).toThrow('is not a cron expression');
  expect(() => cronSchedule('0 0 30 2 *')).toThrow('never runs again');
});

test('pantau status lines: never run, and a clean stop', async () => {
  const dir = resolveDataDir(tempDir());
  expect(describeWatch(watchStatus(dir))).toEqual([
    'never run here (`pantau watch --every 30m` keeps the index current)',
  ]);
  const r = rig();
  await runWatch({ dataDir: dir, jobs: [r.job('crawl', 2000)], schedule: everySchedule('30m'), ...r, once: true });
  expect(describeWatch(watchStatus(dir))).toEqual([
    'not running (stopped 2026-12-08 01:00:02 UTC; was every 30m)',
    'last run 2026-12-08 01:00:00 UTC, 2.0 s, ok: crawl done=1 (2.0 s)',
    'next run 2026-12-08 01:30:00 UTC (when a watch runs)',
  ]);
});

test('/api/health carries the watch of the data dir (pantau serve passes watchStatus)', async () => {
  const { createApp } = await import('../../src/web/server.ts');
  const dir = resolveDataDir(tempDir());
  const r = rig();
  await runWatch({ dataDir: dir, jobs: [r.job('crawl', 2000)], schedule: everySchedule('30m'), ...r, once: true });
  const web = await createApp({
    kb: { search: () => Promise.reject(new Error('unused')), incident: async () => null, reportsOf: async () => [] },
    health: async () => ({ ok: true, backend: 'available' }),
    watch: () => watchStatus(dir),
    log: () => {},
  });
  try {
    const res = await web.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      backend: 'available',
      watch: { alive: false, killed: false, runs: 1, nextRun: '2026-12-08T01:30:00.000Z', schedule: 'every 30m' },
    });
  } finally {
    await web.close();
  }
});
