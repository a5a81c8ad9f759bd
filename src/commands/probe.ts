/**
 * `pantau probe`: asks every SPSE instance of the LPSE table whether it answers, one request each, spread over a
 * round, and appends one row per probe to the series store (`<data>/series/`), which turns failed rounds into
 * outage episodes. `--sim` probes the local SPSE (`src/spse-sim/`) instead of the Internet, for a look offline.
 */
import type { Command } from 'commander';
import { DEFAULT_ROUND_MS, DEFAULT_TIMEOUT_MS, type ProbeSummary, probeOnce } from '../../probe/round.ts';
import {
  FORM_CHOICES,
  type FormChoice,
  type LpseTableEntry,
  probeTargets,
  readLpseTable,
  roundNumber,
} from '../../probe/targets.ts';
import { PROBE_CLASSES, type ProbeRow, type ProbeTarget } from '../../probe/types.ts';
import { type Cli, wholeNumber } from '../cli-kit.ts';
import type { DataDir } from '../config.ts';
import { UserError } from '../errors.ts';
import { DEFAULT_RETENTION_DAYS, openSeries } from '../series/store.ts';
import { createSpseSim, type SpseSim } from '../spse-sim/server.ts';
import { demoTimetable, readTimetable } from '../spse-sim/timetable.ts';

/** Rows are written in batches of this many (and at the end of a round): a kill -9 loses at most one batch. */
const BATCH = 50;
/** The local SPSE's rounds are short: 600 requests to one process on this machine. */
const SIM_ROUND_MS = 5_000;
const SIM_TIMEOUT_MS = 1_000;

export interface ProbeOptions {
  once?: boolean;
  rounds?: string;
  roundMs?: string;
  timeoutMs?: string;
  concurrency?: string;
  form?: string;
  lpse?: string;
  sim?: boolean;
  timetable?: string;
  json?: boolean;
  retentionDays?: string;
}

/** An optional whole-number option: undefined when not given. */
const optionalWhole = (flag: string, value: string | undefined, min: number, max: number) =>
  value === undefined ? undefined : wholeNumber(flag, value, min, max);

/** The instances asked for with `--lpse a,b`; an unknown slug is an error that names it. */
export function pickInstances(table: LpseTableEntry[], lpse: string | undefined): LpseTableEntry[] {
  if (!lpse) return table;
  const wanted = lpse
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Map(table.map((e) => [e.id, e]));
  const unknown = wanted.filter((w) => !known.has(w));
  if (unknown.length) {
    throw new UserError(`unknown LPSE ${unknown.join(', ')}: use the slug of its URL (spse.inaproc.id/<slug>)`);
  }
  return wanted.map((w) => known.get(w) as LpseTableEntry);
}

/** One line for people: "round 2026-…: 600 probed in 598 s: 571 up, 11 cloudflare, …; 2 skipped". */
export function summaryLine(s: ProbeSummary): string {
  const parts = PROBE_CLASSES.filter((c) => s.counts[c] > 0).map((c) => `${s.counts[c]} ${c}`);
  const skipped = s.skipped.length
    ? `; ${s.skipped.length} skipped (${[...new Set(s.skipped.map((k) => k.reason))].join(', ')})`
    : '';
  return `round ${s.round}: ${s.rows.length} probed in ${(s.durationMs / 1000).toFixed(1)} s: ${parts.join(', ') || 'nothing'}${skipped}`;
}

export interface ProbeRun {
  summaries: ProbeSummary[];
  episodesOpen: number;
  episodes: number;
}

/**
 * Runs `rounds` rounds and saves their rows. Exported for `pantau watch`.
 */
export async function runProbe(
  dir: DataDir,
  info: (line: string) => void,
  opts: ProbeOptions,
  onRound: (s: ProbeSummary) => void = (s) => info(summaryLine(s)),
): Promise<ProbeRun> {
  if (opts.once && opts.rounds && opts.rounds !== '1') throw new UserError('use either --once or --rounds N');
  const rounds = optionalWhole('--rounds', opts.rounds, 1, 10_000) ?? 1;
  const form = (opts.form ?? 'alternate') as FormChoice;
  if (!FORM_CHOICES.includes(form))
    throw new UserError(`--form must be one of ${FORM_CHOICES.join(', ')}, not ${opts.form}`);
  if (opts.timetable && !opts.sim) throw new UserError('--timetable scripts the local SPSE: use it with --sim');
  const roundMs =
    optionalWhole('--round-ms', opts.roundMs, 100, 86_400_000) ?? (opts.sim ? SIM_ROUND_MS : DEFAULT_ROUND_MS);
  const timeoutMs =
    optionalWhole('--timeout-ms', opts.timeoutMs, 50, 120_000) ?? (opts.sim ? SIM_TIMEOUT_MS : DEFAULT_TIMEOUT_MS);
  if (timeoutMs >= roundMs)
    throw new UserError(`--timeout-ms (${timeoutMs}) must be shorter than the round (${roundMs} ms)`);
  const concurrency = optionalWhole('--concurrency', opts.concurrency, 1, 1000);
  // the local SPSE serves the instances of the same table: a slug is checked before anything starts
  const only = pickInstances(readLpseTable(), opts.lpse).map((e) => e.id);
  let sim: SpseSim | null = null;
  // opened per batch, not held: `pantau serve` and `pantau deadlines` read the file between two batches
  const retention = optionalWhole('--retention-days', opts.retentionDays, 1, 36_500);
  const store = await openSeries(dir.root, retention === undefined ? {} : { retentionDays: retention });
  try {
    if (opts.sim) {
      sim = await createSpseSim({
        timetable: opts.timetable ? readTimetable(opts.timetable) : demoTimetable(Date.now()),
      });
      info(`probe: the local SPSE on 127.0.0.1:${sim.port} (${sim.instances.size} instances)`);
    }
    const table = sim ? sim.table() : readLpseTable();
    const summaries: ProbeSummary[] = [];
    for (let r = 0; r < rounds; r++) {
      const started = Date.now();
      const targets: ProbeTarget[] = probeTargets(table, { form, round: roundNumber(started, roundMs), only });
      let batch: ProbeRow[] = [];
      // probes end concurrently: their writes are chained, one transaction at a time
      let writing: Promise<void> = Promise.resolve();
      const flush = () => {
        if (!batch.length) return writing;
        const rows = batch;
        batch = [];
        writing = writing.then(() => store.appendProbes(rows));
        return writing;
      };
      const summary = await probeOnce(targets, {
        roundMs,
        timeoutMs,
        ...(concurrency ? { concurrency } : {}),
        ...(sim ? { lookup: sim.lookup, pacingMs: 0 } : {}),
        log: info,
        onRow: async (row) => {
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        },
      });
      await flush();
      summaries.push(summary);
      onRound(summary);
      // the next round starts one round length after this one started
      const wait = started + roundMs - Date.now();
      if (r + 1 < rounds && wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    }
    const episodes = await store.episodes();
    return { summaries, episodes: episodes.length, episodesOpen: episodes.filter((e) => e.end === null).length };
  } finally {
    await sim?.close();
    await store.close();
  }
}

export function register(program: Command, cli: Cli): void {
  program
    .command('probe')
    .description(
      'ask every SPSE instance once whether it answers (one request each, spread over a round) and save the rows in the probe database',
    )
    .option('--once', 'one round (the default; `pantau watch --probe-every 10m` runs rounds on a schedule)')
    .option(
      '--rounds <n>',
      'how many rounds, one round length apart (default 1; `pantau watch` runs them on a schedule)',
    )
    .option('--round-ms <ms>', `the round's length: requests are spread over it (default ${DEFAULT_ROUND_MS})`)
    .option('--timeout-ms <ms>', `per request (default ${DEFAULT_TIMEOUT_MS})`)
    .option('--concurrency <n>', 'requests in flight at most (default 32)')
    .option(
      '--form <form>',
      `which URL form to ask: ${FORM_CHOICES.join(', ')} (default alternate: each form every other round)`,
    )
    .option('--lpse <slugs>', 'only these instances, by slug, comma-separated (spse.inaproc.id/<slug>)')
    .option('--sim', 'probe the local SPSE (600 simulated instances on 127.0.0.1) instead of the Internet')
    .option('--timetable <file>', "with --sim: the local SPSE's failures, as JSON (default: a short demo script)")
    .option(
      '--retention-days <n>',
      `probe rows older than this are dropped; episodes and tenders are kept (default ${DEFAULT_RETENTION_DAYS})`,
    )
    .option('--json', 'print the rounds as JSON')
    .addHelpText(
      'after',
      '\nThe rows go to <data>/series/pantau.duckdb; `pantau deadlines` reads them with the tender schedules.',
    )
    .action(async (opts: ProbeOptions) => {
      // rounds are printed as they end (a long run shows each), the JSON at the end
      const run = await runProbe(
        cli.dataDir(),
        (l) => cli.info(l),
        opts,
        (s) => {
          if (!opts.json) console.log(summaryLine(s));
        },
      );
      if (opts.json) {
        const out = run.summaries.map(({ rows, ...s }) => ({ ...s, probes: rows.length }));
        console.log(JSON.stringify({ rounds: out, episodes: run.episodes, episodesOpen: run.episodesOpen }, null, 2));
        return;
      }
      console.log(`${run.episodes} outage episodes in the probe database, ${run.episodesOpen} still open`);
    });
}
