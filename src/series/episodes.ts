/**
 * Probe rows → outage episodes and observed spans. Pure: no I/O, no clock; the store (`store.ts`) feeds these
 * functions the rows it reads back in time order and writes what they return.
 */
import type { Episode, ProbeClass } from '../../probe/types.ts';

/** What the derivations need of a probe: its time (epoch ms) and its class. */
export interface ProbePoint {
  at: number;
  class: ProbeClass;
}

export interface EpisodeOptions {
  /**
   * Failed probes in a row that make an episode (default 2): a single failed probe between two successes is a
   * blip (one lost packet, one slow answer), not an outage.
   */
  minFailures?: number;
}

/** An episode with what the store keeps beside the contract's fields. */
export interface EpisodeRun extends Episode {
  /** The last failed probe's time (the episode's end is the first success after it). */
  lastFailure: string;
  /** Failed probes per class, most frequent first. */
  classes: Array<[ProbeClass, number]>;
}

export const DEFAULT_MIN_FAILURES = 2;

const iso = (ms: number) => new Date(ms).toISOString();

/** The most frequent class; a tie goes to the class seen first (the outage's first symptom). */
function tally(classes: ProbeClass[]): Array<[ProbeClass, number]> {
  const counts = new Map<ProbeClass, number>();
  for (const c of classes) counts.set(c, (counts.get(c) ?? 0) + 1);
  // Map keeps first-seen order and sort is stable: ties stay in the order they were first seen.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Consecutive failed probes of one instance (sorted by time) become episodes: start = first failure, end = first
 * success after it (null while still down), class = the most frequent failure class. Runs shorter than
 * `minFailures` are blips and make nothing.
 *
 * @example toEpisodes('baritotimurkab', [up 10:00, timeout 10:10, timeout 10:20, up 10:30])
 * // [{ id: 'baritotimurkab:…T03:10:00.000Z', start: '…03:10', end: '…03:30', class: 'timeout', probes: 2 }]
 */
export function toEpisodes(instance: string, points: readonly ProbePoint[], opts: EpisodeOptions = {}): EpisodeRun[] {
  const min = Math.max(1, opts.minFailures ?? DEFAULT_MIN_FAILURES);
  const out: EpisodeRun[] = [];
  let run: ProbePoint[] = [];
  const close = (end: number | null) => {
    if (run.length >= min) {
      const classes = tally(run.map((p) => p.class));
      const start = iso(run[0]!.at);
      out.push({
        id: `${instance}:${start}`,
        instance,
        start,
        end: end === null ? null : iso(end),
        class: classes[0]![0],
        probes: run.length,
        lastFailure: iso(run[run.length - 1]!.at),
        classes,
      });
    }
    run = [];
  };
  for (const p of points) {
    if (p.class === 'up') close(p.at);
    else run.push(p);
  }
  close(null);
  return out;
}

/** A stretch of time the probes covered: consecutive probes at most `maxGapMs` apart. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The observed spans of one instance's probe times (sorted): the time between two probes counts as observed
 * when they are at most `maxGapMs` apart (a prober that was stopped for a day did not see that day). `open` is
 * the instance's last span so far, which the first times extend.
 *
 * @example toSpans([0, 600_000, 1_200_000, 9_000_000], 1_800_000) // [{0, 1_200_000}, {9_000_000, 9_000_000}]
 */
export function toSpans(times: readonly number[], maxGapMs: number, open: Span | null = null): Span[] {
  const out: Span[] = [];
  let cur: Span | null = open ? { ...open } : null;
  for (const t of times) {
    if (cur && t <= cur.end) continue; // the same instant twice (or a row already inside the seed)
    if (cur && t - cur.end <= maxGapMs) cur.end = t;
    else {
      if (cur) out.push(cur);
      cur = { start: t, end: t };
    }
  }
  if (cur) out.push(cur);
  return out;
}
