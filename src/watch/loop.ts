/**
 * The run loop of `pantau watch`: a list of jobs, each `{ name, every?, run(ctx) }`, run in list order whenever
 * they are due, one run at a time, with their state in <data>/watch/state.json. The news pipeline is three jobs
 * (crawl, extract, index: src/watch/jobs.ts) on the watch's schedule; another job (an LPSE probe on its own
 * interval) is one more entry in the list.
 *
 * Timetable: a job is due at `schedule.next(start of its last run)`; one that never ran, or whose last run did
 * not end (the watch was killed in it, or stopped before reaching it), is due at once. So a restart keeps the
 * timetable, and a kill -9 costs the interrupted job one more go: every stage is incremental and append-safe
 * (the crawl resumes its journaled frontier, extract re-extracts at most its last batch and the report store
 * keeps the newest line per id, the index upserts by id), so nothing is lost or counted twice.
 */
import type { DataDir } from '../config.ts';
import { isDiskFull, messageOf } from '../errors.ts';
import { withLock } from '../lock.ts';
import type { Schedule } from './schedule.ts';
import {
  emptyJobState,
  type JobCounts,
  type JobState,
  readWatchState,
  type WatchState,
  watchLockFile,
  writeWatchState,
} from './state.ts';

export interface JobContext {
  dataDir: DataDir;
  /** When the run started (ms): the same for every job of the run. */
  runStart: number;
  /** Progress lines of the job (shown with --verbose). */
  info(line: string): void;
}

export interface WatchJob {
  name: string;
  /** The job's own schedule; default: the watch's. */
  every?: Schedule;
  run(ctx: JobContext): Promise<JobCounts>;
  /** The job's part of the run line ("13 archived, 2 unchanged, 0 failed"); default: its counts as k=v. */
  summary?(counts: JobCounts): string;
}

export interface WatchOptions {
  dataDir: DataDir;
  jobs: WatchJob[];
  schedule: Schedule;
  /** One run of every job, then return. */
  once?: boolean;
  /** Aborted: stop after the job running now (or at once while waiting). */
  stop?: AbortSignal;
  /** The run line, once per run. */
  log?(line: string): void;
  /** The watch's own lines: waits, a resumed run. */
  info?(line: string): void;
  /** The jobs' progress lines (the crawl's every 5 s, …); default: dropped. */
  progress?(line: string): void;
  now?(): number;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Sleeps, woken early by the signal; long waits in steps (setTimeout caps at about 24.8 days). */
function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** When a job is due (ms; -Infinity: at once). */
export function dueAt(job: WatchJob, state: JobState | undefined, schedule: Schedule): number {
  if (!state?.runStart || !state.start || !state.end) return Number.NEGATIVE_INFINITY;
  return (job.every ?? schedule).next(Date.parse(state.runStart));
}

/** Runs due jobs until stopped (or one run with `once`). Holds the data dir's watch lock throughout. */
export function runWatch(opts: WatchOptions): Promise<{ runs: number }> {
  return withLock(
    watchLockFile(opts.dataDir),
    (holder) => `another pantau watch (${holder}) is watching this data dir; stop it first`,
    () => watchUnlocked(opts),
  );
}

async function watchUnlocked(opts: WatchOptions): Promise<{ runs: number }> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? sleepFor;
  const info = opts.info ?? (() => {});
  const log = opts.log ?? info;
  const progress = opts.progress ?? (() => {});
  const dir = opts.dataDir;
  const previous = readWatchState(dir);
  if (previous?.running && !previous.stoppedAt)
    info(
      `watch: the run of pid ${previous.pid} ended during ${previous.running.job} (since ${previous.running.since}) without stopping: what it left undone runs now`,
    );
  const state: WatchState = {
    version: 1,
    pid: process.pid,
    startedAt: iso(now()),
    stoppedAt: null,
    schedule: opts.schedule.describe,
    running: null,
    runs: previous?.runs ?? 0,
    lastRun: previous?.lastRun ?? null,
    nextRun: null,
    jobs: {},
  };
  for (const job of opts.jobs) state.jobs[job.name] = { ...emptyJobState(), ...previous?.jobs[job.name] };
  const save = () => writeWatchState(dir, state);
  const due = (job: WatchJob) => dueAt(job, state.jobs[job.name], opts.schedule);
  const stopped = () => opts.stop?.aborted === true;
  /** Each job's next time and the earliest of them, into the state; returns the earliest (ms, ±Infinity). */
  const plan = () => {
    const at = (ms: number) => (Number.isFinite(ms) ? iso(ms) : ms < 0 ? iso(now()) : null);
    for (const job of opts.jobs) (state.jobs[job.name] as JobState).next = at(due(job));
    const next = Math.min(...opts.jobs.map(due));
    state.nextRun = at(next);
    return next;
  };
  let runs = 0;
  try {
    while (!stopped() && !(opts.once && runs > 0)) {
      const next = plan();
      save();
      if (!opts.once) {
        if (next === Number.POSITIVE_INFINITY) {
          info('watch: no job is due ever again (the cron expression has no next time)');
          break;
        }
        const wait = next - now();
        if (wait > 0) {
          info(`watch: next run ${iso(next)}`);
          await sleep(wait, opts.stop);
          continue; // woken: by the clock (check again what is due) or by a stop
        }
      }
      const runStart = now();
      // a second of slack: jobs on one timetable whose next times differ by rounding run together
      const jobs = opts.once ? opts.jobs : opts.jobs.filter((j) => due(j) <= runStart + 1000);
      await runOnce(jobs, runStart);
      runs++;
    }
  } finally {
    plan();
    state.running = null;
    state.stoppedAt = iso(now());
    save();
  }
  return { runs };

  async function runOnce(jobs: WatchJob[], runStart: number): Promise<void> {
    const parts: string[] = [];
    const errors: string[] = [];
    const ran: string[] = [];
    for (const job of jobs) {
      if (stopped()) {
        parts.push(`${job.name} not run (stopped)`);
        continue;
      }
      const js = state.jobs[job.name] as JobState;
      const start = now();
      Object.assign(js, { runStart: iso(runStart), start: iso(start), end: null });
      state.running = { job: job.name, since: iso(start) };
      save();
      ran.push(job.name);
      try {
        const counts = await job.run({ dataDir: dir, runStart, info: progress });
        Object.assign(js, { ok: true, counts, error: null });
        parts.push(`${job.name} ${job.summary ? job.summary(counts) : defaultSummary(counts)}`);
      } catch (err) {
        const message = isDiskFull(err) ? `no space left on the disk of ${dir.root}` : messageOf(err);
        if (process.env.PANTAU_DEBUG) console.error(err);
        Object.assign(js, { ok: false, counts: null, error: message });
        errors.push(`${job.name}: ${message}`);
        parts.push(`${job.name} FAILED: ${message}`);
      }
      js.end = iso(now());
      state.running = null;
      save();
    }
    const end = now();
    const line = `${parts.join('; ')} (${((end - runStart) / 1000).toFixed(1)} s)`;
    state.runs++;
    state.lastRun = { start: iso(runStart), end: iso(end), jobs: ran, ok: errors.length === 0, errors, line };
    save();
    log(`watch: run ${state.runs} at ${iso(runStart)}: ${line}`);
  }
}

function defaultSummary(counts: JobCounts): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}
