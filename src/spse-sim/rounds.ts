/**
 * Probe rounds placed in time against the local SPSE: a fake clock set to each round's start, the round itself
 * run in real time but short (its requests spread over `realRoundMs`), so hours of scripted outages are observed
 * in seconds. For `pantau demo`, and for tests of what is built on probe rows (episodes, the deadline figures).
 */
import { RobotsCache } from '../../probe/robots.ts';
import { PROBE_USER_AGENT, runRound } from '../../probe/round.ts';
import { type FormChoice, probeTargets } from '../../probe/targets.ts';
import type { ProbeRow } from '../../probe/types.ts';
import type { SpseSim } from './server.ts';

/** A clock a test or the demo moves by hand; pass `clock.now` to createSpseSim and to the rounds. */
export class FakeClock {
  constructor(private ms: number) {}
  readonly now = (): number => this.ms;
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface SimRoundsOptions {
  /** The sim, created with `clock: clock.now`. */
  sim: SpseSim;
  clock: FakeClock;
  /** The first round's start (epoch ms). */
  start: number;
  rounds: number;
  /** The rounds' length in simulated time (10 minutes by default). */
  roundMs?: number;
  /** How long each round takes for real (default 300 ms) and each request's deadline (default 250 ms). */
  realRoundMs?: number;
  timeoutMs?: number;
  /** Only these instances (slugs); default all the sim serves. */
  only?: readonly string[];
  form?: FormChoice;
  onRow?: ((row: ProbeRow) => void | Promise<void>) | undefined;
  /** After each round, with its number and rows (a progress line). */
  onRound?: ((k: number, rows: ProbeRow[]) => void) | undefined;
}

/**
 * Runs `rounds` rounds, the k-th at `start + k × roundMs` on the fake clock; returns every row.
 *
 * @example
 * const clock = new FakeClock(Date.parse('2026-08-19T06:00:00Z'));
 * const sim = await createSpseSim({ clock: clock.now, timetable: demoTimetable(clock.now()) });
 * const rows = await runSimRounds({ sim, clock, start: clock.now(), rounds: 6, only: ['baritotimurkab'] });
 * // rows[2]: { round: '2026-08-19T06:20:00.000Z', instance: 'baritotimurkab', class: 'cloudflare', status: 522, … }
 */
export async function runSimRounds(opts: SimRoundsOptions): Promise<ProbeRow[]> {
  const roundMs = opts.roundMs ?? 600_000;
  const table = opts.sim.table();
  const all: ProbeRow[] = [];
  const timeoutMs = opts.timeoutMs ?? 250;
  // One robots.txt cache for all the rounds, on the fake clock: each host's file is fetched once, as in a watch.
  const robots = new RobotsCache({
    userAgent: PROBE_USER_AGENT,
    lookup: opts.sim.lookup,
    timeoutMs,
    now: opts.clock.now,
  });
  for (let k = 0; k < opts.rounds; k++) {
    const at = opts.start + k * roundMs;
    opts.clock.set(at);
    const targets = probeTargets(table, { form: opts.form, round: Math.floor(at / roundMs), only: opts.only });
    const rows = await runRound(targets, {
      roundMs: opts.realRoundMs ?? 300,
      timeoutMs,
      concurrency: 32,
      userAgent: PROBE_USER_AGENT,
      lookup: opts.sim.lookup,
      now: opts.clock.now,
      pacingMs: 0,
      robots,
      onRow: opts.onRow,
    });
    all.push(...rows);
    opts.onRound?.(k, rows);
  }
  return all;
}
