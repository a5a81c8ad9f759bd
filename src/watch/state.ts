/**
 * What `pantau watch` writes about itself: <data>/watch/state.json, rewritten atomically (temp file + rename)
 * at each job's start and end, so a reader (`pantau status`, /api/health) never sees half a file and a kill -9
 * leaves the state of the last finished step plus the job that was running.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../archive.ts';
import type { DataDir } from '../config.ts';
import { pidAlive } from '../lock.ts';

/** What a job reports of one run, for the state and the run line: small numbers and short texts. */
export type JobCounts = Record<string, number | string>;

export interface JobState {
  /** Start of the last run the job took part in, shared by the run's jobs so they stay on one timetable. */
  runStart: string | null;
  /** When the job itself last started and ended; `end` null after a start: running, or killed. */
  start: string | null;
  end: string | null;
  /** The last finished run: did it end without an error, what it counted, its error. */
  ok: boolean | null;
  counts: JobCounts | null;
  error: string | null;
  /** When it is due next. */
  next: string | null;
}

export interface RunSummary {
  start: string;
  end: string;
  /** The jobs of the run, in order. */
  jobs: string[];
  ok: boolean;
  /** "crawl: another pantau crawl (pid 12) is crawling…", one per failed job. */
  errors: string[];
  /** The log line of the run. */
  line: string;
}

export interface WatchState {
  version: 1;
  /** The watch process, and its schedule ("every 30m"). */
  pid: number;
  startedAt: string;
  /** Set by a clean stop (Ctrl-C, SIGTERM, --once); null while it runs or after a kill. */
  stoppedAt: string | null;
  schedule: string;
  /** The job running now (or when the watch was killed). */
  running: { job: string; since: string } | null;
  /** Runs finished by this data dir's watches, all processes together. */
  runs: number;
  lastRun: RunSummary | null;
  nextRun: string | null;
  jobs: Record<string, JobState>;
}

export const watchDir = (dir: DataDir) => join(dir.root, 'watch');
export const watchStateFile = (dir: DataDir) => join(watchDir(dir), 'state.json');
export const watchLockFile = (dir: DataDir) => join(dir.root, 'locks', 'watch.lock');

export const emptyJobState = (): JobState => ({
  runStart: null,
  start: null,
  end: null,
  ok: null,
  counts: null,
  error: null,
  next: null,
});

/** The state, or null when no watch ever ran here (or the file is not Pantau's: started afresh). */
export function readWatchState(dir: DataDir): WatchState | null {
  const file = watchStateFile(dir);
  if (!existsSync(file)) return null;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as WatchState;
    return s && s.version === 1 && typeof s.jobs === 'object' && s.jobs ? s : null;
  } catch {
    return null;
  }
}

export function writeWatchState(dir: DataDir, state: WatchState): void {
  writeFileAtomic(watchStateFile(dir), `${JSON.stringify(state, null, 2)}\n`);
}

/** The state with what a reader cannot tell from the file: is the watch alive, and was it killed mid-run. */
export interface WatchStatus extends WatchState {
  alive: boolean;
  /** Stopped without a clean stop (kill -9, a crash, the machine going down). */
  killed: boolean;
}

/**
 * The watch of a data dir as `pantau status` and /api/health show it. Alive: its pid runs and holds the watch
 * lock (a pid handed to another process after a kill does not count).
 */
export function watchStatus(dir: DataDir): WatchStatus | null {
  const s = readWatchState(dir);
  if (!s) return null;
  let holder = 0;
  try {
    holder = Number.parseInt(readFileSync(watchLockFile(dir), 'utf8'), 10) || 0;
  } catch {
    // no lock: no watch running
  }
  const alive = !s.stoppedAt && holder === s.pid && pidAlive(s.pid);
  return { ...s, alive, killed: !alive && !s.stoppedAt };
}

/** "2026-12-08 01:40:00 UTC" */
const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * The watch in a few lines for `pantau status`.
 *
 * @example describeWatch(status)
 * // ["running (pid 4242, every 30m)", "last run 2026-12-08 01:40:00 UTC, 12.3 s, ok: crawl 13 archived…",
 * //  "next run 2026-12-08 02:10:00 UTC"]
 */
export function describeWatch(s: WatchStatus | null): string[] {
  if (!s) return ['never run here (`pantau watch --every 30m` keeps the index current)'];
  const lines: string[] = [];
  if (s.alive)
    lines.push(
      `running (pid ${s.pid}, ${s.schedule})${s.running ? `, now ${s.running.job} since ${stamp(s.running.since)}` : ''}`,
    );
  else if (s.killed)
    lines.push(
      `not running: pid ${s.pid} (${s.schedule}) ended without stopping${s.running ? `, during ${s.running.job} (since ${stamp(s.running.since)}); its next start resumes it` : ''}`,
    );
  else lines.push(`not running (stopped ${stamp(s.stoppedAt as string)}; was ${s.schedule})`);
  const r = s.lastRun;
  if (r) {
    const secs = ((Date.parse(r.end) - Date.parse(r.start)) / 1000).toFixed(1);
    lines.push(`last run ${stamp(r.start)}, ${secs} s, ${r.ok ? 'ok' : 'with errors'}: ${r.line}`);
  } else lines.push('last run none finished yet');
  if (s.nextRun) lines.push(`next run ${stamp(s.nextRun)}${s.alive ? '' : ' (when a watch runs)'}`);
  return lines;
}
