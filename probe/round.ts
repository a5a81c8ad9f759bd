/**
 * A probe round: one request per target, spread evenly over the round (600 instances in 10 minutes is one request
 * a second, never a burst), at most `concurrency` in flight, each with its own deadline, robots.txt respected
 * per host, at least `pacingMs` between two requests to one host, and every row handed to `onRow` the moment its
 * probe ends, so a store can append it before the next one lands (a kill -9 loses only rows not yet handed over).
 *
 * The requests are spread over the round less one timeout (and one robots.txt timeout), so that the last one,
 * even if its host hangs, ends inside the round.
 */
import { setMaxListeners } from 'node:events';
import { classifyProbe } from './classify.ts';
import { DEFAULT_MAX_BODY_BYTES, probeUrl } from './http.ts';
import { RobotsCache } from './robots.ts';
import {
  PROBE_CLASSES,
  type ProbeClass,
  type ProbeRow,
  type ProbeTarget,
  type RoundOptions,
  type RoundRunner,
} from './types.ts';

/**
 * Identifies the probe to webmasters. The robots.txt token is the crawler's (`PantauBot`), so a site's rules for
 * Pantau's crawler hold for the probe too; the comment says what this visitor does.
 */
export const PROBE_USER_AGENT =
  'PantauBot/0.1 (+https://github.com/pantau-lpse/pantau/blob/main/probe/README.md; checks that LPSE sites answer: one request per site per round)';

export const DEFAULT_ROUND_MS = 600_000;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCURRENCY = 32;
/** Between two requests to one host: a probe is one small GET, and 300 instances share spse.inaproc.id. */
export const DEFAULT_PACING_MS = 1000;

/** RoundOptions and the prober's own settings (every one optional, with the defaults above). */
export interface ProbeRoundOptions extends RoundOptions {
  /** The clock of `round` and `at` (epoch ms; default Date.now). Tests place rounds in time with it. */
  now?: (() => number) | undefined;
  /** The round's id (default: the ISO instant of `now()` at its start). */
  roundId?: string | undefined;
  /** robots.txt, kept between rounds (pass the same cache to every round); false to ignore robots.txt. */
  robots?: RobotsCache | false | undefined;
  /** Minimum gap between two requests to one host, ms (default 1000; 0 in tests). */
  pacingMs?: number | undefined;
  maxRedirects?: number | undefined;
  maxBodyBytes?: number | undefined;
  /** A target not probed: robots.txt forbids it (no row: nothing was observed). */
  onSkip?: ((target: ProbeTarget, reason: string) => void) | undefined;
}

/** The start offset (ms from the round's start) of each target, spread evenly and paced per host. */
export function schedule(
  targets: readonly ProbeTarget[],
  opts: { roundMs: number; timeoutMs: number; pacingMs: number; robotsTimeoutMs?: number },
): number[] {
  const n = targets.length;
  // The last probe may wait for robots.txt and then for its own answer, each up to its deadline.
  const reserve = opts.timeoutMs + (opts.robotsTimeoutMs ?? 0);
  const span = opts.roundMs > reserve ? opts.roundMs - reserve : opts.roundMs;
  const gap = n > 0 ? span / n : 0;
  const hostNext = new Map<string, number>();
  return targets.map((t, i) => {
    const host = hostOf(t.url);
    const at = Math.max(i * gap, hostNext.get(host) ?? 0);
    hostNext.set(host, at + opts.pacingMs);
    return Math.round(at);
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      ok();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs one round (the RoundRunner of probe/types.ts).
 *
 * @example
 * await runRound(probeTargets(readLpseTable()), { roundMs: 600_000, timeoutMs: 10_000, concurrency: 32,
 *   userAgent: PROBE_USER_AGENT, onRow: (row) => store.appendProbes([row]) });
 * // [{ round: '2026-08-19T06:00:00.000Z', instance: 'acehbaratdayakab', class: 'up', version: '4.5u20250321', … }, …]
 */
export async function runRound(targets: readonly ProbeTarget[], options: ProbeRoundOptions): Promise<ProbeRow[]> {
  const now = options.now ?? Date.now;
  const round = options.roundId ?? new Date(now()).toISOString();
  const pacingMs = options.pacingMs ?? DEFAULT_PACING_MS;
  const concurrency = Math.max(1, options.concurrency);
  const robots =
    options.robots === false
      ? null
      : (options.robots ??
        new RobotsCache({
          userAgent: options.userAgent,
          lookup: options.lookup,
          timeoutMs: Math.min(options.timeoutMs, 5000),
          now,
        }));
  // Stops the round on the caller's signal, or when onRow fails (a store that cannot write: nothing is lost
  // silently, the error reaches the caller).
  const stop = new AbortController();
  // Each request in flight listens on it (http.request's signal), and so does the wait for the next slot.
  // A socket lets go of it when it closes, a little after its probe ended: room for a few per slot.
  setMaxListeners(concurrency * 4 + 16, stop.signal);
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let rowError: unknown = null;

  await robots?.ready();
  const offsets = schedule(targets, {
    roundMs: options.roundMs,
    timeoutMs: options.timeoutMs,
    pacingMs,
    robotsTimeoutMs: robots?.timeoutMs ?? 0,
  });
  const rows: ProbeRow[] = [];
  const inflight = new Set<Promise<void>>();
  const t0 = performance.now();

  const probeOne = async (target: ProbeTarget): Promise<void> => {
    if (robots && !(await robots.allows(target.url))) {
      options.onSkip?.(target, 'robots.txt forbids it');
      return;
    }
    const at = new Date(now()).toISOString();
    const res = await probeUrl(target.url, {
      timeoutMs: options.timeoutMs,
      userAgent: options.userAgent,
      lookup: options.lookup,
      maxRedirects: options.maxRedirects,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      allow: robots ? (u) => robots.allows(u) : undefined,
      signal: stop.signal,
    });
    if (res.aborted) return;
    if (res.refused) {
      options.onSkip?.(target, 'robots.txt forbids where it redirects');
      return;
    }
    const c = classifyProbe(res.outcome);
    const row: ProbeRow = {
      round,
      instance: target.instance,
      url: target.url,
      form: target.form,
      at,
      class: c.class,
      status: res.status,
      latencyMs: res.latencyMs,
      errorCode: c.errorCode,
      version: c.version,
      detail: c.detail,
    };
    rows.push(row);
    if (options.onRow) {
      try {
        await options.onRow(row);
      } catch (err) {
        rowError ??= err;
        stop.abort();
      }
    }
  };

  try {
    for (let i = 0; i < targets.length && !stop.signal.aborted; i++) {
      await sleep(offsets[i]! - (performance.now() - t0), stop.signal);
      while (inflight.size >= concurrency && !stop.signal.aborted) await Promise.race(inflight);
      if (stop.signal.aborted) break;
      const p: Promise<void> = probeOne(targets[i]!).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (rowError) throw rowError;
  return rows;
}

/** What `probeOnce` reports. */
export interface ProbeSummary {
  round: string;
  rows: ProbeRow[];
  /** Rows per class (every class present, zeros included). */
  counts: Record<ProbeClass, number>;
  /** Targets not probed, and why. */
  skipped: { instance: string; url: string; reason: string }[];
  /** Wall-clock time of the round, and the round length it was given. */
  durationMs: number;
  roundMs: number;
}

/**
 * One round with the defaults filled in, for `pantau probe --once` and the demo.
 *
 * @example const { counts } = await probeOnce(probeTargets(readLpseTable()), { roundMs: 60_000 });
 * // counts: { up: 571, 'spse-error': 3, cloudflare: 11, timeout: 9, … }
 */
export async function probeOnce(
  targets: readonly ProbeTarget[],
  options: Partial<ProbeRoundOptions> & { log?: ((line: string) => void) | undefined } = {},
): Promise<ProbeSummary> {
  const roundMs = options.roundMs ?? DEFAULT_ROUND_MS;
  const now = options.now ?? Date.now;
  const round = options.roundId ?? new Date(now()).toISOString();
  const counts = Object.fromEntries(PROBE_CLASSES.map((c) => [c, 0])) as Record<ProbeClass, number>;
  const skipped: ProbeSummary['skipped'] = [];
  const t0 = performance.now();
  let done = 0;
  const progress = options.log
    ? setInterval(() => {
        const failed = done - counts.up;
        options.log?.(`probe: ${done} of ${targets.length} done, ${failed} not up, ${skipped.length} skipped`);
      }, 10_000)
    : null;
  progress?.unref();
  try {
    const rows = await runRound(targets, {
      ...options,
      roundMs,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      userAgent: options.userAgent ?? PROBE_USER_AGENT,
      roundId: round,
      now,
      onRow: async (row) => {
        counts[row.class]++;
        done++;
        await options.onRow?.(row);
      },
      onSkip: (target, reason) => {
        skipped.push({ instance: target.instance, url: target.url, reason });
        options.onSkip?.(target, reason);
      },
    });
    return { round, rows, counts, skipped, durationMs: Math.round(performance.now() - t0), roundMs };
  } finally {
    if (progress) clearInterval(progress);
  }
}

// runRound is the contract's RoundRunner (the store and the watch call it through that type).
void (runRound satisfies RoundRunner);
