/**
 * `pantau schedules`: reads each SPSE instance's tender and non-tender lists and the schedule (with its change
 * history) of every tender that is new or still running, into the probe database, where `pantau deadlines` finds
 * the bid-upload deadlines. Incremental: a finished tender already read is not read again. `--sim` reads the local
 * SPSE's tenders instead of the Internet.
 */
import type { Command } from 'commander';
import { createPacer, refreshSchedules, ScheduleReadError } from '../../probe/schedules/read.ts';
import { type LpseTableEntry, readLpseTable, urlOf } from '../../probe/targets.ts';
import { type Cli, wholeNumber } from '../cli-kit.ts';
import type { DataDir } from '../config.ts';
import { UserError } from '../errors.ts';
import { openSeries } from '../series/store.ts';
import { fetchVia } from '../spse-sim/fetch.ts';
import { utcOffsetOf } from '../spse-sim/instances.ts';
import { createSpseSim, type SpseSim } from '../spse-sim/server.ts';
import { createTenderSite } from '../spse-sim/tenders.ts';
import { pickInstances } from './probe.ts';

export interface SchedulesOptions {
  lpse?: string;
  years?: string;
  pacingMs?: string;
  sim?: boolean;
  json?: boolean;
}

export interface SchedulesRun {
  instances: number;
  tenders: number;
  failed: { instance: string; error: string }[];
}

function yearsOf(value: string | undefined, now: Date): number[] {
  if (!value) return [now.getUTCFullYear()];
  const years = value.split(',').map((y) => Number(y.trim()));
  if (years.some((y) => !Number.isInteger(y) || y < 2008 || y > now.getUTCFullYear() + 1)) {
    throw new UserError(
      `--years must be budget years from 2008 to ${now.getUTCFullYear() + 1}, comma-separated, not ${value}`,
    );
  }
  return years;
}

/** Reads the schedules of the chosen instances and saves them. Exported for `pantau watch`. */
export async function runSchedules(
  dir: DataDir,
  info: (line: string) => void,
  opts: SchedulesOptions,
): Promise<SchedulesRun> {
  const years = yearsOf(opts.years, new Date());
  const pacingMs = opts.pacingMs === undefined ? 1000 : wholeNumber('--pacing-ms', opts.pacingMs, 0, 60_000);
  const entries: LpseTableEntry[] = pickInstances(readLpseTable(), opts.lpse);
  let sim: SpseSim | null = null;
  const store = await openSeries(dir.root);
  // one pacer and one robots.txt cache for every instance: most of them share spse.inaproc.id (the local SPSE is
  // not paced)
  const pacer = createPacer(opts.sim ? 0 : pacingMs);
  const robots = new Map();
  const run: SchedulesRun = { instances: 0, tenders: 0, failed: [] };
  try {
    if (opts.sim) {
      sim = await createSpseSim({ routes: createTenderSite().routes });
      info(`schedules: the local SPSE on 127.0.0.1:${sim.port}`);
    }
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const base = sim ? sim.centralBase(e.id) : urlOf(e, 'central');
      if (!base) continue;
      try {
        const read = await refreshSchedules(
          { instance: e.id, base, utcOffset: utcOffsetOf(e.region_code ?? null) },
          store,
          {
            years,
            pacer,
            robots,
            ...(sim ? { fetch: fetchVia(sim.lookup) } : {}),
            onWarning: (line) => info(`schedules: ${line}`),
          },
        );
        run.tenders += read.length;
        run.instances++;
        if (run.instances % 25 === 0)
          info(`schedules: ${run.instances} of ${seen.size}… instances read, ${run.tenders} tenders`);
      } catch (err) {
        if (!(err instanceof ScheduleReadError)) throw err;
        run.failed.push({ instance: e.id, error: err.detail });
        info(`schedules: ${err.message}`);
      }
    }
    return run;
  } finally {
    await sim?.close();
    await store.close();
  }
}

export function register(program: Command, cli: Cli): void {
  program
    .command('schedules')
    .description(
      "read each SPSE instance's tender lists and the schedules of new or running tenders (bid deadlines, changes) into the probe database",
    )
    .option('--lpse <slugs>', 'only these instances, by slug, comma-separated (spse.inaproc.id/<slug>)')
    .option('--years <list>', 'budget years whose lists are read (default: this year)')
    .option('--pacing-ms <n>', 'one request per this many ms per host (default 1000)')
    .option('--sim', 'read the local SPSE (simulated instances on 127.0.0.1) instead of the Internet')
    .option('--json', 'print the counts as JSON')
    .addHelpText(
      'after',
      '\n`pantau deadlines` reads the deadlines with the probe rows; `pantau watch --schedules-every 6h` keeps them current.',
    )
    .action(async (opts: SchedulesOptions) => {
      const run = await runSchedules(cli.dataDir(), (l) => cli.info(l), opts);
      if (opts.json) {
        console.log(JSON.stringify(run, null, 2));
      } else {
        console.log(`${run.tenders} tenders read (new or still running) from ${run.instances} instances`);
        for (const f of run.failed) console.log(`not read: ${f.instance}: ${f.error}`);
      }
      if (run.failed.length && !run.instances) process.exitCode = 1;
    });
}
