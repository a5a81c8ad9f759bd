/**
 * The news pipeline as watch jobs: crawl → extract → index, each the same code as its command (`pantau crawl`,
 * `pantau extract`, `pantau index`), each incremental: the crawl fetches what is new in each source's window
 * (since its last successful crawl by default) and resumes a killed run's frontier; extract turns only new or
 * changed pages into reports; index upserts what changed instead of rebuilding.
 */
import type { SourceDef } from '../../crawlers/source-def.ts';
import type { MeiliConnection } from '../meili/embedded.ts';
import type { WatchJob } from './loop.ts';
import type { Schedule } from './schedule.ts';
import type { JobCounts } from './state.ts';

export interface PipelineOptions {
  /** The sources, read again at each run (an edited sources file is used from the next run on). */
  sources(): Promise<SourceDef[]>;
  /** `--since` of the crawl, parsed at each run (a duration counts back from the run). */
  since: string;
  pacingMs: number;
  maxPages?: number | undefined;
  timeoutMs: number;
  maxRetries: number;
  chromiumPath?: string | undefined;
  gapDays: number;
  /** Meilisearch for the index job (the CLI's: the data dir's embedded server or MEILI_URL). */
  withMeili<T>(fn: (conn: MeiliConnection) => Promise<T>): Promise<T>;
}

const n = (c: JobCounts, k: string) => c[k] ?? 0;

/** The three jobs of the news pipeline, in order. */
export function pipelineJobs(p: PipelineOptions): WatchJob[] {
  return [
    {
      name: 'crawl',
      async run(ctx) {
        // Crawlee is heavy: loaded by the first run, not at start-up
        const { crawl, parseSince } = await import('../../crawlers/crawl.ts');
        const stats = await crawl({
          dataDir: ctx.dataDir,
          sources: await p.sources(),
          pacingMs: p.pacingMs,
          maxPages: p.maxPages,
          since: parseSince(p.since, ctx.runStart),
          timeoutMs: p.timeoutMs,
          maxRetries: p.maxRetries,
          chromiumPath: p.chromiumPath,
          log: ctx.info,
        });
        return {
          archived: stats.archived,
          unchanged: stats.unchanged,
          failed: stats.failed,
          listed: stats.articles.listed,
          fetched: stats.articles.fetched,
          alreadyArchived: stats.articles.alreadyArchived,
          observations: stats.observations,
          resumed: stats.resumed,
        };
      },
      summary: (c) => `${n(c, 'archived')} archived, ${n(c, 'unchanged')} unchanged, ${n(c, 'failed')} failed`,
    },
    {
      name: 'extract',
      async run(ctx) {
        const { extractArchived } = await import('../extract-archived.ts');
        const s = extractArchived(ctx.dataDir, { log: ctx.info });
        return {
          extracted: s.extracted,
          incidents: s.incidents,
          unchanged: s.unchanged,
          parts: s.parts,
          failed: s.failed.length,
        };
      },
      summary: (c) =>
        `${n(c, 'extracted')} extracted (${n(c, 'incidents')} about an outage), ${n(c, 'unchanged')} unchanged, ${n(c, 'failed')} failed`,
    },
    {
      name: 'index',
      async run(ctx) {
        const [{ DEFAULT_INDEXES, dropStaleBuilds }, { syncIndexes }] = await Promise.all([
          import('../kb/indexer.ts'),
          import('../kb/run.ts'),
        ]);
        const c = await p.withMeili(async (conn) => {
          await dropStaleBuilds(conn.client, DEFAULT_INDEXES, ctx.info);
          return syncIndexes(conn.client, ctx.dataDir, { gapDays: p.gapDays, log: ctx.info });
        });
        return { reports: c.reports, incidents: c.incidents, national: c.national, index: c.index };
      },
      summary: (c) => `${n(c, 'incidents')} incidents from ${n(c, 'reports')} reports, ${c.index}`,
    },
  ];
}

export interface ProbeJobOptions {
  /** The probe's own schedule (`--probe-every 10m`): rounds are more frequent than crawls. */
  every: Schedule;
  /** The round's length: its requests are spread over it (the other jobs wait while it runs). */
  roundMs: number;
  /** Probe the local SPSE instead of the Internet (`--probe-sim`: to try the watch offline). */
  sim?: boolean;
}

/** One probe round of every SPSE instance (`pantau probe`), on its own schedule. */
export function probeJob(p: ProbeJobOptions): WatchJob {
  return {
    name: 'probe',
    every: p.every,
    async run(ctx) {
      const { runProbe } = await import('../commands/probe.ts');
      const run = await runProbe(ctx.dataDir, ctx.info, { roundMs: String(p.roundMs), sim: p.sim }, () => {});
      const s = run.summaries[0];
      const up = s?.counts.up ?? 0;
      return {
        probed: s?.rows.length ?? 0,
        up,
        down: (s?.rows.length ?? 0) - up,
        skipped: s?.skipped.length ?? 0,
        episodesOpen: run.episodesOpen,
      };
    },
    summary: (c) =>
      `${n(c, 'probed')} probed, ${n(c, 'down')} not up, ${n(c, 'skipped')} skipped; ${n(c, 'episodesOpen')} outage episodes open`,
  };
}

/** The tender schedules of every SPSE instance (`pantau schedules`): new and running tenders, on their own schedule. */
export function schedulesJob(p: { every: Schedule; sim?: boolean | undefined }): WatchJob {
  return {
    name: 'schedules',
    every: p.every,
    async run(ctx) {
      const { runSchedules } = await import('../commands/schedules.ts');
      const run = await runSchedules(ctx.dataDir, ctx.info, { sim: p.sim });
      return { instances: run.instances, tenders: run.tenders, failed: run.failed.length };
    },
    summary: (c) => `${n(c, 'tenders')} tenders read from ${n(c, 'instances')} instances, ${n(c, 'failed')} not read`,
  };
}
