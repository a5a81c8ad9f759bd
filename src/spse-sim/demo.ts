/**
 * The availability half of `pantau demo`: the local SPSE scripted with a week of outages and deadlines
 * (`scenario.ts`), probed round by round on a simulated clock, its tender schedules read with the real reader,
 * everything saved in a series store, and the deadline correlation asked of it. The store lives in its own data
 * dir (`<data>/demo/`), never in the real one: simulated outages of real LPSE names must not mix with observed ones.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { refreshSchedules } from '../../probe/schedules/read.ts';
import type { DeadlineView } from '../../probe/types.ts';
import { openSeries } from '../series/store.ts';
import { fetchVia } from './fetch.ts';
import { FakeClock, runSimRounds } from './rounds.ts';
import { deadlineScenario } from './scenario.ts';
import { createSpseSim } from './server.ts';
import { createTenderSite } from './tenders.ts';

/** Rounds of 30 simulated minutes: a week is 336 rounds, each a few milliseconds for real. */
const ROUND_MS = 30 * 60_000;

export interface DeadlineDemo {
  /** The data dir of the demo's series store. */
  dataDir: string;
  probes: number;
  tenders: number;
  view: DeadlineView;
}

/** @example const { view } = await runDeadlineDemo('data', console.error); // view.figures[0].ratio: 9.6 */
export async function runDeadlineDemo(dataRoot: string, log: (line: string) => void): Promise<DeadlineDemo> {
  const dataDir = join(dataRoot, 'demo');
  const scenario = deadlineScenario(Date.now());
  const clock = new FakeClock(scenario.from);
  const site = createTenderSite({ tenders: scenario.tenders, now: clock.now });
  const sim = await createSpseSim({ clock: clock.now, timetable: scenario.timetable, routes: site.routes });
  // the demo's store starts empty each run, so its figures are the scenario's alone
  rmSync(join(dataDir, 'series'), { recursive: true, force: true });
  const store = await openSeries(dataDir, { keepOpen: true, retentionDays: null });
  try {
    const rounds = Math.floor((scenario.to - scenario.from) / ROUND_MS);
    const rows = await runSimRounds({
      sim,
      clock,
      start: scenario.from,
      rounds,
      roundMs: ROUND_MS,
      realRoundMs: 10,
      // generous: no scripted failure hangs, so only a starved machine ever waits this long
      timeoutMs: 5_000,
      only: scenario.instances,
      form: 'central',
    });
    await store.appendProbes(rows);
    log(`    ${rounds} rounds of ${scenario.instances.length} instances on a simulated week: ${rows.length} probes`);
    const year = new Date(scenario.to).getUTCFullYear();
    const years = [...new Set([new Date(scenario.from).getUTCFullYear(), year])];
    let tenders = 0;
    for (const slug of scenario.instances) {
      const instance = sim.instances.get(slug);
      const read = await refreshSchedules(
        { instance: slug, base: sim.centralBase(slug), utcOffset: instance?.utcOffset },
        store,
        { fetch: fetchVia(sim.lookup), pacingMs: 0, years, now: () => new Date(clock.now()) },
      );
      tenders += read.length;
    }
    log(`    read ${tenders} tender schedules of ${scenario.instances.length} instances`);
    const view = await store.deadlineView({
      from: new Date(scenario.from).toISOString(),
      to: new Date(scenario.to).toISOString(),
    });
    return { dataDir, probes: rows.length, tenders, view };
  } finally {
    await sim.close();
    await store.close();
  }
}
