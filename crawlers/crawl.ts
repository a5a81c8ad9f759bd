/**
 * The crawl: sources in, raw pages in the archive out, laid out as Crawlee's template: `crawl()` builds the run
 * (run.ts: frontier, robots.txt, pacing, queues, budget, statistics) and its env (env.ts), queues the start
 * requests (starts.ts), then runs the HTTP crawler (http-crawler.ts) and, for sources that only render with
 * JavaScript, the browser crawler (browser-crawler.ts); both hand every page to handle.ts, which routes it to its
 * handler in routes.ts (LIST, ARTICLE, FEED, SITEMAP, …).
 *
 * Politeness: robots.txt (robots.ts, fetched with Pantau's own User-Agent), at most one request per `pacingMs` per
 * host (pacing.ts), retries with exponential backoff, request timeouts, a maximum page size, and no request outside
 * the hosts a source names.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log as crawleeLog } from '@crawlee/core';
import { DAY_MS, dayNumber, utcDayOf } from '../extractors/days.ts';
import { cleanArchiveTemp, closeArchive } from '../src/archive.ts';
import type { DataDir } from '../src/config.ts';
import { withLock } from '../src/lock.ts';
import { createBrowserCrawler } from './browser-crawler.ts';
import { createEnv } from './env.ts';
import type { Label } from './frontier.ts';
import { createHttpCrawler } from './http-crawler.ts';
import { startProgress } from './progress.ts';
import { type CrawlRun, type CrawlSettings, openRun } from './run.ts';
import type { SourceDef } from './source-def.ts';
import { enqueueStarts, startRequests } from './starts.ts';
import { type ArticleTally, CrawlStatistics, type CrawlStats } from './statistics.ts';

export type { ArticleTally, CrawlStats };

/** Identifies Pantau to webmasters, with where to read what it does and how to reach its maintainers. */
export const USER_AGENT =
  'PantauBot/0.1 (+https://github.com/pantau-lpse/pantau/blob/main/crawlers/README.md; monitors news of LPSE outages)';

export interface CrawlOptions {
  dataDir: DataDir;
  sources: SourceDef[];
  /** Minimum time between two requests to the same site, ms (default 2000; 0 in tests and benches). */
  pacingMs?: number;
  /** Stop after this many requests in this run (listings, feeds and articles together). */
  maxPages?: number;
  /** Progress and summary lines (the CLI sends them to stderr). */
  log?: (line: string) => void;
  /** Chromium for browser sources (default /usr/bin/chromium). */
  chromiumPath?: string;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** Per-request timeout, ms (default 30 000). */
  timeoutMs?: number;
  /** Largest page accepted, bytes (default 5 MB). */
  maxPageBytes?: number;
  /** First retry delay, ms, doubled each retry (default 2000). */
  backoffMs?: number;
  /** Parallel requests (default 8; with pacing on, sites are still paced one by one). */
  maxConcurrency?: number;
  /**
   * Parallel requests to start with and never go below (default 4). Crawlee's pool otherwise starts at one and
   * adds one every 10 s while the machine is idle: on a busy machine a paced crawl of many hosts would
   * stay sequential.
   */
  minConcurrency?: number;
  /**
   * The crawl window: articles a listing, feed or sitemap dates before it are not fetched, and listings are
   * paged back only until they pass it. A date (from `--since 2026-10-01` or `--since 30d`), `'auto'` (the
   * CLI's default: since each source's last successful crawl, 30 days for a source never crawled), or
   * undefined/null for no window (every listed article, however old).
   */
  since?: Date | 'auto' | null;
  /** How often to print the progress line, ms (default 5000). */
  progressEveryMs?: number;
  userAgent?: string;
}

/**
 * Crawls the sources into the archive. Resumable: state lives in <data>/crawl/frontier.jsonl. One crawl per data
 * dir at a time (a second one would resume the first one's unfinished requests as its own).
 */
export function crawl(opts: CrawlOptions): Promise<CrawlStats> {
  return withLock(
    join(opts.dataDir.root, 'locks', 'crawl.lock'),
    (holder) => `another pantau crawl (${holder}) is crawling into this data dir; wait for it or stop it`,
    () => crawlUnlocked(opts),
  );
}

/** The crawl's options with their defaults. */
function settingsOf(opts: CrawlOptions): CrawlSettings {
  return {
    userAgent: opts.userAgent ?? USER_AGENT,
    pacingMs: opts.pacingMs ?? 2000,
    timeoutMs: opts.timeoutMs ?? 30_000,
    maxPageBytes: opts.maxPageBytes ?? 5_000_000,
    backoffMs: opts.backoffMs ?? 2000,
    maxRetries: opts.maxRetries ?? 3,
    maxConcurrency: opts.maxConcurrency ?? 8,
    minConcurrency: opts.minConcurrency ?? 4,
    chromiumPath: opts.chromiumPath,
  };
}

async function crawlUnlocked(opts: CrawlOptions): Promise<CrawlStats> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  if (!process.env.PANTAU_DEBUG) crawleeLog.setLevel(crawleeLog.LEVELS.OFF);
  cleanArchiveTemp(opts.dataDir);
  const statistics = new CrawlStatistics(started);
  const crawlState = readCrawlState(opts.dataDir.crawl);
  for (const s of opts.sources)
    statistics.stats.windows[s.id] = windowStart(opts.since, crawlState.sources[s.id]?.lastSuccess, started);
  const opened = await openRun(opts, settingsOf(opts), statistics);
  const starts = startRequests(opts.sources);
  const partial = { ...opened, startOf: new Map(starts.map((r) => [r.url, r.source])) };
  const run: CrawlRun = { ...partial, env: createEnv(partial) };
  await enqueueStarts(run, starts);

  const stopProgress = startProgress(log, () => statistics.progressLine(), opts.progressEveryMs ?? 5000);
  try {
    await runQueues(run, opts.maxPages ?? Number.POSITIVE_INFINITY);
  } finally {
    stopProgress();
    run.frontier.close();
    closeArchive(opts.dataDir);
    await run.queues.drop();
  }
  const stats = statistics.finish();
  // A crawl that ran through (not cut short by --max-pages) moves each source's window, unless its start page
  // failed: the next 'auto' crawl starts from here.
  if (!run.budget.spent) {
    const at = new Date(started).toISOString();
    for (const s of opts.sources) if (!statistics.startFailed.has(s.id)) crawlState.sources[s.id] = { lastSuccess: at };
    writeCrawlState(opts.dataDir.crawl, crawlState);
  }
  log(statistics.progressLine());
  return stats;
}

/**
 * HTTP first (it also reads the feeds and sitemaps of browser sources), then the browser queue; repeated while
 * either side handed the other new work, within the budget of requests.
 */
async function runQueues(run: CrawlRun, maxPages: number): Promise<void> {
  const { queues, statistics } = run;
  let budget = maxPages;
  for (let round = 0; round < 5 && budget > 0; round++) {
    if (!(await queues.http.isEmpty())) {
      const before = statistics.stats.done;
      await (await createHttpCrawler(run, budget)).run();
      budget -= statistics.stats.done - before;
    }
    if (budget > 0 && !(await queues.browser.isEmpty())) {
      const before = statistics.stats.done;
      await (await createBrowserCrawler(run, budget)).run();
      budget -= statistics.stats.done - before;
    }
    if ((await queues.http.isEmpty()) && (await queues.browser.isEmpty())) break;
  }
}

/** A first crawl of a source looks this far back (the CLI's default window). */
export const FIRST_CRAWL_DAYS = 30;

interface CrawlState {
  sources: Record<string, { lastSuccess: string }>;
}

/** <data>/crawl/sources.json: when each source was last crawled through. */
function readCrawlState(crawlDir: string): CrawlState {
  try {
    const data = JSON.parse(readFileSync(join(crawlDir, 'sources.json'), 'utf8')) as CrawlState;
    return data && typeof data.sources === 'object' ? data : { sources: {} };
  } catch {
    return { sources: {} };
  }
}

function writeCrawlState(crawlDir: string, state: CrawlState): void {
  mkdirSync(crawlDir, { recursive: true });
  const file = join(crawlDir, 'sources.json');
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}

/**
 * The first day of a source's window. 'auto': the day before its last successful crawl (a day's margin for
 * time zones and for articles dated the day they were listed), else FIRST_CRAWL_DAYS back.
 *
 * @example windowStart('auto', undefined, Date.parse('2026-12-07')) // "2026-11-07"
 */
export function windowStart(since: CrawlOptions['since'], lastSuccess: string | undefined, now: number): string | null {
  if (!since) return null;
  if (since instanceof Date) return utcDayOf(since.getTime());
  const last = lastSuccess ? Date.parse(lastSuccess) : Number.NaN;
  const from = Number.isNaN(last) ? now - FIRST_CRAWL_DAYS * DAY_MS : last - DAY_MS;
  return utcDayOf(from);
}

/**
 * `--since` as a date: a day (YYYY-MM-DD) or a duration back from now (90m, 12h, 30d, 2w, 6mo, 1y); "all" for
 * no window, "auto" for the default. Throws a one-line message on anything else.
 *
 * @example parseSince("30d", Date.parse("2026-12-07T00:00:00Z")) // 2026-11-07T00:00:00.000Z
 */
export function parseSince(value: string, now = Date.now()): Date | 'auto' | null {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return 'auto';
  if (v === 'all' || v === 'none') return null;
  const day = dayNumber(v);
  if (day !== null) return new Date(day * DAY_MS);
  const m = /^(\d+)\s*(min|m|h|d|w|mo|y)$/.exec(v);
  if (m) {
    const n = Number(m[1]);
    const unit = { min: 60_000, m: 60_000, h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS, mo: 30 * DAY_MS, y: 365 * DAY_MS }[
      m[2] as 'min'
    ];
    return new Date(now - n * unit);
  }
  throw new Error(
    `--since must be a date (2026-10-01), a duration (30d, 12h, 2w, 6mo, 1y), "auto" or "all", not ${value}`,
  );
}

/**
 * One line on the listed articles, for the crawl summary.
 *
 * @example articleLine(stats) // "listed articles: 80; fetched 62 (44 archived, 18 not about LPSE on their text); skipped 18 already archived; left 0"
 */
export function articleLine(stats: Pick<CrawlStats, 'articles'>): string {
  const a = stats.articles;
  const left = Object.entries(a.left);
  const leftN = left.reduce((n, [, v]) => n + v, 0);
  return (
    `listed articles: ${a.listed}; fetched ${a.fetched} (${a.kept} archived, ${a.irrelevant} not about LPSE on their text); ` +
    `skipped ${a.alreadyArchived} already archived, ${a.judgedBefore} judged before; left ${leftN}` +
    (leftN ? ` (${left.map(([why, n]) => `${n} ${why}`).join(', ')})` : '')
  );
}

export type { Label };
