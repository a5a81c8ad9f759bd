/**
 * `pantau watch`: keeps the knowledge base current by running crawl → extract → index on a schedule
 * (`--every 30m`, or `--cron "0 * * * *"`), each run incremental, one watch per data dir; its state is in
 * <data>/watch/state.json for `pantau status` and /api/health. Ctrl-C stops it after the job running now.
 */
import type { Command } from 'commander';
import { type Cli, onInterrupt, wholeNumberOption } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { runWatch } from '../watch/loop.ts';
import { cronSchedule, everySchedule, type Schedule } from '../watch/schedule.ts';

interface WatchOpts {
  every?: string;
  cron?: string;
  tz?: string;
  once?: boolean;
  sources?: string;
  pacingMs: number;
  maxPages?: number;
  since: string;
  timeoutMs: number;
  retries: number;
  chromium?: string;
  gapDays: number;
  verbose?: boolean;
  probeEvery?: string;
  probeRoundMs?: number;
  probeSim?: boolean;
  schedulesEvery?: string;
  news: boolean;
}

function scheduleOf(opts: WatchOpts): Schedule {
  if (opts.every && opts.cron) throw new UserError('use either --every or --cron, not both');
  if (opts.tz && !opts.cron) throw new UserError('--tz goes with --cron');
  try {
    return opts.cron ? cronSchedule(opts.cron, opts.tz) : everySchedule(opts.every ?? '30m');
  } catch (err) {
    throw new UserError((err as Error).message);
  }
}

export function register(program: Command, cli: Cli): void {
  program
    .command('watch')
    .description(
      'keep the index current: crawl, extract and index on a schedule, incrementally (Ctrl-C stops after the current step)',
    )
    .option('--every <interval>', 'run every this long (90s, 30m, 2h, 1d; default 30m)')
    .option('--cron <expression>', 'run at the times of this cron expression ("*/10 * * * *", "0 6,18 * * *")')
    .option('--tz <zone>', "time zone of --cron (default: the machine's; e.g. Asia/Jakarta)")
    .option('--once', 'one run of every step, then exit (non-zero if a step failed)')
    .option('--sources <file>', 'JSON file of sources, read again at each run; default: the starter list')
    .option('--pacing-ms <n>', 'one request per this many ms per host', wholeNumberOption('--pacing-ms'), 2000)
    .option('--max-pages <n>', 'at most this many requests per crawl', wholeNumberOption('--max-pages'))
    .option(
      '--since <date|duration>',
      'crawl window of each run (default: since each source\'s last successful crawl; "all" for none)',
      'auto',
    )
    .option('--timeout-ms <n>', 'per-request timeout in ms', wholeNumberOption('--timeout-ms'), 30_000)
    .option('--retries <n>', 'retries per request after the first attempt', wholeNumberOption('--retries'), 3)
    .option('--chromium <path>', 'Chromium for sources that need a browser (env PANTAU_CHROMIUM)')
    .option(
      '--gap-days <n>',
      'reports of one LPSE at most this many days apart are one outage',
      wholeNumberOption('--gap-days', 0, 365),
      7,
    )
    .option('--probe-every <interval>', 'also probe every SPSE instance on this schedule (10m; see pantau probe)')
    .option(
      '--probe-round-ms <n>',
      "a probe round's length: its requests are spread over it, the other steps wait meanwhile",
      wholeNumberOption('--probe-round-ms'),
      300_000,
    )
    .option(
      '--schedules-every <interval>',
      'also read the tender schedules on this schedule (6h; see pantau schedules)',
    )
    .option('--probe-sim', 'probe (and read the schedules of) the local SPSE on 127.0.0.1 instead of the Internet')
    .option('--no-news', 'no crawl, extract and index: only the probe (with --probe-every)')
    .option('--verbose', 'the progress lines of each step too, not only one line per run')
    .action(async (opts: WatchOpts) => {
      const schedule = scheduleOf(opts);
      if (!opts.probeEvery && !opts.schedulesEvery && (opts.probeSim || !opts.news))
        throw new UserError('--probe-sim and --no-news go with --probe-every or --schedules-every');
      const every = (flag: string, value: string | undefined): Schedule | null => {
        try {
          return value ? everySchedule(value) : null;
        } catch (err) {
          throw new UserError(`${flag}: ${(err as Error).message}`);
        }
      };
      const probeSchedule = every('--probe-every', opts.probeEvery);
      const schedulesSchedule = every('--schedules-every', opts.schedulesEvery);
      const [{ parseSince }, { STARTER_SOURCES, loadSources }, { pipelineJobs, probeJob, schedulesJob }] =
        await Promise.all([
          import('../../crawlers/crawl.ts'),
          import('../../crawlers/sources.ts'),
          import('../watch/jobs.ts'),
        ]);
      try {
        parseSince(opts.since);
      } catch (err) {
        throw new UserError((err as Error).message);
      }
      // Checked once now, so a typo stops the watch at once; read again at each run, so an edit takes effect.
      const sourcesFile = opts.sources;
      if (sourcesFile) loadSources(sourcesFile);
      const dataDir = cli.dataDir();
      const stop = new AbortController();
      onInterrupt((signal) => {
        cli.info(
          `\nwatch: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; stopping after the current step (again to stop at once)`,
        );
        stop.abort();
      });
      const news = pipelineJobs({
        sources: async () => (sourcesFile ? loadSources(sourcesFile) : STARTER_SOURCES),
        since: opts.since,
        pacingMs: opts.pacingMs,
        maxPages: opts.maxPages,
        timeoutMs: opts.timeoutMs,
        maxRetries: opts.retries,
        chromiumPath: opts.chromium ?? process.env.PANTAU_CHROMIUM,
        gapDays: opts.gapDays,
        withMeili: (fn) => cli.withMeili(fn),
      });
      const jobs = [
        ...(opts.news ? news : []),
        ...(probeSchedule
          ? [probeJob({ every: probeSchedule, roundMs: opts.probeRoundMs ?? 300_000, sim: opts.probeSim })]
          : []),
        ...(schedulesSchedule ? [schedulesJob({ every: schedulesSchedule, sim: opts.probeSim })] : []),
      ];
      cli.info(
        `watch: ${opts.once ? 'one run' : schedule.describe} of ${jobs.map((j) => j.name).join(' → ')} on ${dataDir.root} (state: pantau status)`,
      );
      let failed = false;
      const { runs } = await runWatch({
        dataDir,
        jobs,
        schedule,
        once: opts.once,
        stop: stop.signal,
        log: (line) => {
          failed = line.includes(' FAILED: ');
          console.log(line);
        },
        info: (line) => cli.info(line),
        ...(opts.verbose ? { progress: (line: string) => cli.info(line) } : {}),
      }).finally(() => onInterrupt(null));
      if (!opts.once) cli.info(`watch: stopped after ${runs} run(s)`);
      if (opts.once && failed) process.exitCode = 1;
      // Crawlee keeps timers for some seconds after a crawl: a stopped watch exits now, once the CLI has closed
      // what it holds (the timer is unref'd, so it never holds the process itself).
      setTimeout(() => process.exit(), 500).unref();
    });
}
