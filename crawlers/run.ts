/**
 * The state of one crawl run, built once and handed to the env, the handling and both crawlers: the settings
 * (options with their defaults), the sources, and one object each for the frontier, robots.txt, pacing, the
 * queues, the budget and the statistics.
 */
import type { DataDir } from '../src/config.ts';
import { Frontier, type QueuedRequest } from './frontier.ts';
import { allowedHosts } from './links.ts';
import { HostPacer } from './pacing.ts';
import { CrawlQueues } from './queues.ts';
import { Robots } from './robots.ts';
import type { CrawlEnv } from './routes.ts';
import type { SourceDef } from './source-def.ts';
import type { CrawlStatistics } from './statistics.ts';

/** The crawl's options with their defaults (see CrawlOptions in crawl.ts). */
export interface CrawlSettings {
  userAgent: string;
  pacingMs: number;
  timeoutMs: number;
  maxPageBytes: number;
  backoffMs: number;
  maxRetries: number;
  maxConcurrency: number;
  minConcurrency: number;
  chromiumPath: string | undefined;
}

/**
 * --max-pages, exactly: Crawlee's maxRequestsPerCrawl lets requests already in flight through. A request past the
 * budget is not fetched (skipNavigation) nor journaled as done, so the next run picks it up.
 */
export class FetchBudget {
  private fetches = 0;
  constructor(readonly maxFetches: number) {}

  /** Counts a first attempt; true (and the request marked not to be fetched) when the budget is spent. */
  over(request: { skipNavigation?: boolean; retryCount: number }): boolean {
    if (request.retryCount > 0) return false; // a retry was already counted
    if (this.fetches >= this.maxFetches) {
      request.skipNavigation = true;
      return true;
    }
    this.fetches++;
    return false;
  }

  /** Did the run stop because the budget ran out (its sources' windows then stay)? */
  get spent(): boolean {
    return this.fetches >= this.maxFetches;
  }
}

export interface CrawlRun {
  readonly dataDir: DataDir;
  readonly log: (line: string) => void;
  readonly settings: CrawlSettings;
  readonly sources: Map<string, SourceDef>;
  /** Per source: the hosts its links may lead to. */
  readonly hosts: Map<string, Set<string>>;
  readonly frontier: Frontier;
  readonly robots: Robots;
  readonly pacer: HostPacer;
  readonly queues: CrawlQueues;
  readonly budget: FetchBudget;
  readonly statistics: CrawlStatistics;
  /** Start URL → the source it starts (a failed start page keeps the source's window where it was). */
  readonly startOf: Map<string, string>;
  /** What the handlers of routes.ts may do (crawlers/env.ts). */
  env: CrawlEnv;
}

/** Listings and articles of a source that only renders with JavaScript go to the browser; the rest over HTTP. */
export function usesBrowser(sources: Map<string, SourceDef>, req: QueuedRequest): boolean {
  return (
    Boolean(sources.get(req.source)?.browser) &&
    (req.label === 'LIST' || req.label === 'ARTICLE' || req.label === 'ARTICLE_PART')
  );
}

/** Opens the frontier and the queues of a run; `env` is set by the caller (it needs the run). */
export async function openRun(
  opts: { dataDir: DataDir; sources: SourceDef[]; maxPages?: number | undefined; log?: (line: string) => void },
  settings: CrawlSettings,
  statistics: CrawlStatistics,
): Promise<Omit<CrawlRun, 'env' | 'startOf'>> {
  const frontier = new Frontier(opts.dataDir.crawl);
  const sources = new Map(opts.sources.map((s) => [s.id, s]));
  const resumedUrls = new Set(frontier.resumed.map((r) => r.url));
  const queues = await CrawlQueues.open(
    opts.dataDir.crawl,
    (req) => (usesBrowser(sources, req) ? 'browser' : 'http'),
    resumedUrls,
  );
  return {
    dataDir: opts.dataDir,
    log: opts.log ?? (() => {}),
    settings,
    sources,
    hosts: new Map(opts.sources.map((s) => [s.id, allowedHosts(s)])),
    frontier,
    robots: new Robots(settings.userAgent, settings.timeoutMs),
    pacer: new HostPacer(settings.pacingMs),
    queues,
    budget: new FetchBudget(opts.maxPages ?? Number.POSITIVE_INFINITY),
    statistics,
  };
}

/** The options both crawler classes share. */
export function crawlerOptions(s: CrawlSettings) {
  return {
    maxRequestRetries: s.maxRetries,
    requestHandlerTimeoutSecs: Math.ceil(s.timeoutMs / 1000) + 60,
    navigationTimeoutSecs: Math.max(1, s.timeoutMs / 1000),
    useSessionPool: false,
    persistCookiesPerSession: false,
    maxConcurrency: s.maxConcurrency,
    minConcurrency: Math.min(s.minConcurrency, s.maxConcurrency),
  };
}
