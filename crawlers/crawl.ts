/**
 * The crawl: sources in, raw pages in the archive out. Plain HTTP sources go through Crawlee's HttpCrawler with
 * Cheerio parsing the correctly decoded page once; sources that only render with JavaScript go through
 * PlaywrightCrawler driving Debian's Chromium (never a downloaded browser). Both share the router of
 * crawlers/routes.ts, the durable frontier of crawlers/frontier.ts and the archive of src/archive.ts.
 *
 * Politeness: robots.txt (fetched with Pantau's own User-Agent), at most one request per `pacingMs` per host
 * (Crawlee's same-domain delay, keyed by host: Crawlee keys it by registrable domain and skips hosts without
 * one, such as IP addresses and government hosts it cannot parse), retries with exponential backoff, request timeouts, a maximum page size, and no request outside the hosts a
 * source names.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpCrawler, type HttpCrawlingContext, type InternalHttpHook, type PlainResponse } from '@crawlee/cheerio';
import {
  Configuration,
  CriticalError,
  log as crawleeLog,
  type Request,
  RequestQueue,
  type Session,
} from '@crawlee/core';
import { RobotsTxtFile } from '@crawlee/utils';
import { type CheerioAPI, load } from 'cheerio';
import { decodeHtml } from '../extractors/article.ts';
import { DAY_MS, dayNumber, utcDayOf } from '../extractors/days.ts';
import { cleanArchiveTemp, closeArchive, hasArchived, saveObservation, saveRawPage } from '../src/archive.ts';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../src/chromium.ts';
import type { DataDir } from '../src/config.ts';
import { isDiskFull, messageOf } from '../src/errors.ts';
import { withLock } from '../src/lock.ts';
import { Frontier, type Label, type QueuedRequest } from './frontier.ts';
import { allowedHosts } from './links.ts';
import { spseError } from './link-priority.ts';
import { type CrawlEnv, type PageContext, ROUTES } from './routes.ts';
import type { SourceDef } from './source-def.ts';
import { searchFeeds } from './sources.ts';

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

export interface CrawlStats {
  /** Requests finished this run (success or final failure). */
  done: number;
  /** Pages newly archived (or archived again because they changed). */
  archived: number;
  /** Pages fetched again and found identical to the archive. */
  unchanged: number;
  /** Article links not fetched because they are archived already. */
  skippedArchived: number;
  /**
   * Articles fetched and not archived because their text is not about LPSE/SPSE, and article links not fetched
   * because their text was judged so in an earlier run: each URL once per run. Never judged on a headline.
   */
  skippedIrrelevant: number;
  /** What became of the article URLs the sources listed this run (listings, feeds, sitemaps, archives). */
  articles: ArticleTally;
  /** Each source's crawl window this run: its first day (YYYY-MM-DD), or null for none. */
  windows: Record<string, string | null>;
  /** Links not fetched because robots.txt forbids them. */
  skippedRobots: number;
  /** Links not followed because they lead off the source's hosts. */
  skippedOffHost: number;
  /** Requests that failed for good this run (after retries): 5xx, timeouts, redirect loops, oversize pages. */
  failed: number;
  failures: Array<{ url: string; error: string }>;
  /** SPSE error pages met (recorded as LPSE observations). */
  observations: number;
  /** Requests re-queued from an earlier, unfinished run. */
  resumed: number;
  durationMs: number;
  pagesPerSecond: number;
}

/** The listed articles of one run, each URL counted once. */
export interface ArticleTally {
  /** Distinct article URLs listed (and carried over from a killed run). */
  listed: number;
  /** Fetched this run (archived, unchanged, or found not about LPSE/SPSE on their text). */
  fetched: number;
  /** Of those fetched: archived (new, changed or unchanged). */
  kept: number;
  /** Of those fetched: not archived, their text is not about LPSE/SPSE. */
  irrelevant: number;
  /** Not fetched: in the archive already. */
  alreadyArchived: number;
  /** Not fetched: their text was judged not about LPSE/SPSE in an earlier run. */
  judgedBefore: number;
  /** Not fetched, by reason ("robots.txt", "failed", "--max-pages reached", …): what is left for later or never. */
  left: Record<string, number>;
}

class PageTooLarge extends Error {}

/** A page over the size cap, thrown as is (Content-Length, browser) or wrapped by got (download stopped). */
const isTooLarge = (e: Error) => e instanceof PageTooLarge || e.cause instanceof PageTooLarge;

/** Longest gap a request waits for its host's slot in place, holding its concurrency slot (ms). */
const PARK_MAX_MS = 1000;

/** Pacing state of one host. */
export interface HostPace {
  /** Earliest time the host's next request may be sent (ms since the epoch). */
  next: number;
  /** The request that holds the host's next slot and has not been sent yet (its unique key), if any. */
  holder: string | null;
  /** Requests back in the queue on a timer, waiting for later slots. */
  waiting: number;
}

/**
 * Per-host pacing: one request per `delayMs` per host, whatever `delayMs`, counted from the moment each request
 * is sent (`sent()`, from got's beforeRequest hook) and from its response (`touchHost`), so neither a slow answer
 * nor a busy event loop between the decision and the socket write shortens the pause the host sees.
 *
 * One request at a time holds a host's next slot. It goes at once if the slot is open, or waits for it in place
 * if it opens within a pacing interval (at most PARK_MAX_MS; awaited by a pre-navigation hook), so short pacings
 * are exact. The others go back to the queue on a timer, each for a later slot (staggered, so a thousand queued
 * articles of one site do not all wake at once), without holding a concurrency slot, and the pool is told as
 * soon as one is back (`notify`): Crawlee itself looks for ready requests only every 0.5 s, which made any
 * pacing under 0.5 s about 2 pages/s.
 */
export class HostPacer {
  readonly hosts = new Map<string, HostPace>();
  /** Requests holding a slot they must wait for: unique key → host. */
  private readonly parked = new Map<string, string>();
  constructor(readonly delayMs: number) {}

  private hostOf(url: string): HostPace | null {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return null;
    }
    let h = this.hosts.get(host);
    if (!h) {
      h = { next: 0, holder: null, waiting: 0 };
      this.hosts.set(host, h);
    }
    return h;
  }

  /** Crawlee's delayRequest: true when the request went back to the queue for later. */
  delay(
    request: { url: string; uniqueKey?: string },
    source: { reclaimRequest(r: unknown, o?: { forefront?: boolean }): Promise<unknown> },
    notify: () => void,
    now = Date.now(),
  ): boolean {
    if (this.delayMs <= 0) return false;
    const h = this.hostOf(request.url);
    if (!h) return false;
    const key = request.uniqueKey ?? request.url;
    if (h.holder === null && h.next - now <= Math.min(this.delayMs, PARK_MAX_MS)) {
      h.holder = key;
      if (h.next > now) this.parked.set(key, new URL(request.url).host);
      return false;
    }
    const slot = Math.max(h.next, now) + (h.holder !== null ? this.delayMs : 0) + h.waiting * this.delayMs;
    h.waiting++;
    setTimeout(() => {
      h.waiting--;
      void source
        .reclaimRequest(request)
        .then(notify)
        .catch(() => {});
    }, slot - now);
    return true;
  }

  /** Before the request is sent: waits until its host's slot, if it holds one that is not open yet. */
  async wait(request: { url: string; uniqueKey?: string }): Promise<void> {
    const key = request.uniqueKey ?? request.url;
    const host = this.parked.get(key);
    if (host === undefined) return;
    this.parked.delete(key);
    const h = this.hosts.get(host)!;
    // h.next may move while waiting (the response of the host's previous request starts the pause again).
    for (let ms = h.next - Date.now(); ms > 0; ms = h.next - Date.now()) await new Promise((r) => setTimeout(r, ms));
  }

  /** The request is being sent: the host's next interval starts now (its slot stays held until the answer). */
  sent(request: { url: string; uniqueKey?: string }): void {
    if (this.delayMs <= 0) return;
    const h = this.hostOf(request.url);
    if (h) h.next = Math.max(h.next, Date.now() + this.delayMs);
  }

  /**
   * The answer (or a failure) came: the pause is counted from it too, and the slot goes to the next request. A
   * host thus has at most one request in flight, and it sees at least `delayMs` between the end of one answer and
   * the next request, however late a busy event loop writes a request after deciding to send it.
   */
  touch(request: { url: string; uniqueKey?: string }): void {
    if (this.delayMs <= 0) return;
    const h = this.hostOf(request.url);
    if (!h) return;
    h.next = Math.max(h.next, Date.now() + this.delayMs);
    if (h.holder === (request.uniqueKey ?? request.url)) h.holder = null;
  }

  /** The request will not be sent (budget spent, error before sending): its slot goes to the next one. */
  release(request: { url: string; uniqueKey?: string }): void {
    const key = request.uniqueKey ?? request.url;
    this.parked.delete(key);
    for (const h of this.hosts.values()) if (h.holder === key) h.holder = null;
  }
}

type DelayArgs = Parameters<HttpCrawler<HttpCrawlingContext>['delayRequest']>;
/** HttpCrawler's RequestFunctionOptions (not exported by Crawlee). */
interface RequestFunctionArgs {
  request: Request;
  session?: Session;
  proxyUrl?: string;
  gotOptions: Parameters<InternalHttpHook<HttpCrawlingContext>>[1];
}
/** The response HttpCrawler reads the body from: got's request stream, which reports what it hands on. */
type ProgressStream = PlainResponse & {
  on(event: 'downloadProgress', listener: (progress: { transferred: number }) => void): unknown;
};

class PacedHttpCrawler extends HttpCrawler<HttpCrawlingContext> {
  maxPageBytes = Number.POSITIVE_INFINITY;
  pacer = new HostPacer(0);
  protected override delayRequest(request: DelayArgs[0], source: DelayArgs[1]): boolean {
    return this.pacer.delay(request, source as never, () => {
      void this.autoscaledPool?.notify();
    });
  }

  /**
   * Stops a download as soon as more than maxPageBytes have arrived, whether or not the server announced the
   * length (chunked pages have no Content-Length to check beforehand). HttpCrawler reads the body from got's
   * request stream, which emits downloadProgress for each chunk it takes from the socket, before handing it on;
   * destroying the stream there closes the connection, and the body read so far is dropped. A page thus costs
   * at most about maxPageBytes of memory and bandwidth. Got wraps the error (RequestError, `cause` is ours).
   */
  protected override async _requestFunction(args: RequestFunctionArgs): Promise<PlainResponse> {
    const response = (await super._requestFunction(args)) as ProgressStream | undefined;
    const limit = this.maxPageBytes;
    if (!response || !Number.isFinite(limit)) return response as PlainResponse;
    response.on('downloadProgress', ({ transferred }) => {
      if (transferred <= limit || response.destroyed) return;
      args.request.noRetry = true;
      response.destroy(new PageTooLarge(`page too large: more than ${limit} bytes, download stopped`));
    });
    return response;
  }
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

async function crawlUnlocked(opts: CrawlOptions): Promise<CrawlStats> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const ua = opts.userAgent ?? USER_AGENT;
  const pacingMs = opts.pacingMs ?? 2000;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxBytes = opts.maxPageBytes ?? 5_000_000;
  const backoffMs = opts.backoffMs ?? 2000;
  const maxRetries = opts.maxRetries ?? 3;
  if (!process.env.PANTAU_DEBUG) crawleeLog.setLevel(crawleeLog.LEVELS.OFF);

  cleanArchiveTemp(opts.dataDir);
  const frontier = new Frontier(opts.dataDir.crawl);
  const sources = new Map(opts.sources.map((s) => [s.id, s]));
  const hosts = new Map(opts.sources.map((s) => [s.id, allowedHosts(s)]));
  const stats: CrawlStats = {
    done: 0,
    archived: 0,
    unchanged: 0,
    skippedArchived: 0,
    skippedIrrelevant: 0,
    skippedRobots: 0,
    skippedOffHost: 0,
    failed: 0,
    failures: [],
    observations: 0,
    resumed: 0,
    articles: { listed: 0, fetched: 0, kept: 0, irrelevant: 0, alreadyArchived: 0, judgedBefore: 0, left: {} },
    windows: {},
    durationMs: 0,
    pagesPerSecond: 0,
  };
  const crawlState = readCrawlState(opts.dataDir.crawl);
  for (const s of opts.sources)
    stats.windows[s.id] = windowStart(opts.since, crawlState.sources[s.id]?.lastSuccess, started);
  /** Sources whose start page failed this run: their crawl is not a success (the window does not move). */
  const startFailed = new Set<string>();
  /** Listed article URL → what became of it this run ("queued" until it is fetched or given up). */
  const articleFate = new Map<string, string>();
  const isArticleLabel = (label: Label) => label === 'ARTICLE' || label === 'LPSE_PAGE';

  // ------------------------------------------------------------------ robots.txt, fetched once per origin
  const robots = new Map<string, Promise<RobotsTxtFile | null>>();
  const robotsFor = (url: string): Promise<RobotsTxtFile | null> => {
    const origin = new URL(url).origin;
    let r = robots.get(origin);
    if (!r) {
      r = (async () => {
        try {
          const res = await fetch(`${origin}/robots.txt`, {
            headers: { 'user-agent': ua },
            signal: AbortSignal.timeout(Math.min(timeoutMs, 15_000)),
          });
          if (!res.ok) return null; // no robots.txt: everything allowed
          return RobotsTxtFile.from(`${origin}/robots.txt`, await res.text());
        } catch {
          return null;
        }
      })();
      robots.set(origin, r);
    }
    return r;
  };
  const robotsAllows = async (url: string) => (await robotsFor(url))?.isAllowed(url, 'PantauBot') ?? true;

  // ------------------------------------------------------------------ queues: one per crawler class
  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    storageClientOptions: { localDataDirectory: join(opts.dataDir.crawl, 'crawlee') },
  });
  const runId = randomUUID().slice(0, 8);
  const queues = {
    http: await RequestQueue.open(`http-${runId}`, { config }),
    browser: await RequestQueue.open(`browser-${runId}`, { config }),
  };
  const queuedThisRun = new Set<string>();
  /** Fetched pages found not to be about LPSE/SPSE this run (counted once, even if handled again). */
  const discardedThisRun = new Set<string>();
  /** Per host: the earliest time its next request may be sent (pacing), and requests waiting for their slot. */
  const pacer = new HostPacer(pacingMs);
  const resumedUrls = new Set(frontier.resumed.map((r) => r.url));
  let budget = opts.maxPages ?? Number.POSITIVE_INFINITY;
  // --max-pages, exactly: Crawlee's maxRequestsPerCrawl lets requests already in flight through. A request
  // past the budget is not fetched (skipNavigation) nor journaled as done, so the next run picks it up.
  const maxFetches = opts.maxPages ?? Number.POSITIVE_INFINITY;
  let fetches = 0;
  const overBudget = (request: { skipNavigation?: boolean; noRetry: boolean; retryCount: number }) => {
    if (request.retryCount > 0) return false; // a retry was already counted
    if (fetches >= maxFetches) {
      request.skipNavigation = true;
      return true;
    }
    fetches++;
    return false;
  };
  let queuedCount = 0;

  const useBrowser = (req: QueuedRequest) =>
    Boolean(sources.get(req.source)?.browser) &&
    (req.label === 'LIST' || req.label === 'ARTICLE' || req.label === 'ARTICLE_PART');

  // Requests are journaled at once (frontier.add, synchronous) and handed to Crawlee in batches at the end of
  // each handler: one addRequests call per page instead of one per link.
  // Two batches per queue: likely outage stories go to the front (forefront), the rest to the back.
  type Batch = Array<Parameters<RequestQueue['addRequest']>[0]>;
  const buffered: Record<'http' | 'browser', { front: Batch; back: Batch }> = {
    http: { front: [], back: [] },
    browser: { front: [], back: [] },
  };
  const addToQueue = (req: QueuedRequest) => {
    buffered[useBrowser(req) ? 'browser' : 'http'][req.priority ? 'front' : 'back'].push({
      url: req.url,
      uniqueKey: req.url,
      label: req.label,
      userData: { ...req, resumed: resumedUrls.has(req.url) },
    });
    queuedCount++;
  };
  const flushQueues = async () => {
    // Journal first: a request Crawlee holds is always in the journal, so a kill cannot lose it.
    frontier.flush();
    for (const k of ['http', 'browser'] as const) {
      for (const end of ['front', 'back'] as const) {
        const batch = buffered[k][end];
        if (!batch.length) continue;
        buffered[k][end] = [];
        await queues[k].addRequests(batch, { forefront: end === 'front' });
      }
    }
  };

  const env: CrawlEnv = {
    dataDir: opts.dataDir,
    async enqueue(req) {
      if (queuedThisRun.has(req.url)) return false;
      const source = sources.get(req.source);
      if (!source) return false;
      let host: string;
      try {
        host = new URL(req.url).host.toLowerCase();
      } catch {
        return false;
      }
      const article = isArticleLabel(req.label);
      // A news-search feed's items are on any outlet: that is what it is for. Its feeds stay on their host.
      const anyHost = source.kind === 'news-search' && article;
      if (!anyHost && !hosts.get(source.id)?.has(host)) {
        stats.skippedOffHost++;
        queuedThisRun.add(req.url);
        if (article) articleFate.set(req.url, "off the source's hosts");
        return false;
      }
      if (!(await robotsAllows(req.url))) {
        stats.skippedRobots++;
        queuedThisRun.add(req.url);
        frontier.markSeen(req.url, 'robots');
        if (article) articleFate.set(req.url, 'forbidden by robots.txt');
        return false;
      }
      queuedThisRun.add(req.url);
      if (article) articleFate.set(req.url, 'queued');
      frontier.add(req);
      addToQueue(req);
      return true;
    },
    skip(url, why) {
      if (queuedThisRun.has(url)) return;
      queuedThisRun.add(url);
      if (why === 'archived') stats.skippedArchived++;
      else stats.skippedIrrelevant++;
      articleFate.set(url, why === 'archived' ? 'already archived' : 'judged before');
      frontier.markSeen(url, why);
    },
    discard(url) {
      // Fetched, so queuedThisRun has it already and no link-level skip counted it this run.
      if (discardedThisRun.has(url)) return;
      discardedThisRun.add(url);
      stats.skippedIrrelevant++;
      if (articleFate.has(url)) articleFate.set(url, 'irrelevant');
      frontier.markIrrelevantPage(url);
    },
    wasDiscarded: (url) => frontier.wasIrrelevantPage(url),
    knewBefore: (url) => frontier.knewBefore(url),
    windowStart: (id) => stats.windows[id] ?? null,
    outsideWindow(url) {
      if (queuedThisRun.has(url)) return;
      queuedThisRun.add(url);
      articleFate.set(url, 'older than the crawl window');
    },
    async archive(ctx, kind, parts) {
      // a short append to files already open: written synchronously, on disk when this returns
      const { changed } = stopOnFullDisk(() =>
        saveRawPage(opts.dataDir, {
          url: ctx.req.url,
          finalUrl: ctx.finalUrl,
          status: ctx.status,
          headers: ctx.headers,
          fetchedAt: ctx.fetchedAt,
          body: ctx.body,
          sourceId: ctx.source.id,
          kind,
          ...(ctx.req.partOf ? { partOf: ctx.req.partOf, part: ctx.req.part } : {}),
          ...(parts?.length ? { parts } : {}),
        }),
      );
      if (changed) stats.archived++;
      else stats.unchanged++;
      if (articleFate.has(ctx.req.url)) articleFate.set(ctx.req.url, 'kept');
    },
    async sitemapsOf(url) {
      const r = await robotsFor(url);
      const listed = r?.getSitemaps() ?? [];
      return listed.length ? listed : [`${new URL(url).origin}/sitemap.xml`];
    },
  };

  // ------------------------------------------------------------------ start requests
  const starts: QueuedRequest[] = [];
  for (const s of opts.sources) {
    if (s.kind === 'lpse' && s.lpse) {
      const base = s.lpse.base.replace(/\/+$/, '');
      for (const p of s.lpse.announcement_paths ?? ['/berita'])
        starts.push({ url: `${base}${p}`, label: 'LPSE_LIST', source: s.id, depth: 0 });
    }
    for (const u of s.listings ?? []) starts.push({ url: u, label: 'LIST', source: s.id, depth: 0 });
    for (const u of s.feeds ?? []) starts.push({ url: u, label: 'FEED', source: s.id });
    for (const u of s.sitemaps ?? []) starts.push({ url: u, label: 'SITEMAP', source: s.id });
    if (s.kind === 'news-search') for (const u of searchFeeds(s)) starts.push({ url: u, label: 'FEED', source: s.id });
  }
  // Unfinished work of a killed run first, then the start points (listings are revisited every run), then
  // what failed last time (one more chance per run).
  for (const r of frontier.resumed) {
    if (!sources.has(r.source)) continue;
    // An article archived just before the kill needs no second fetch.
    if (
      (r.label === 'ARTICLE' || r.label === 'ARTICLE_PART' || r.label === 'LPSE_PAGE') &&
      hasArchived(opts.dataDir, r.url)
    ) {
      frontier.done(r.url);
      continue;
    }
    if (await env.enqueue(r)) stats.resumed++;
  }
  for (const r of starts) await env.enqueue(r);
  for (const r of frontier.failedBefore) if (sources.has(r.source)) await env.enqueue(r);
  await flushQueues();

  // ------------------------------------------------------------------ handling, shared by both crawlers
  const finish = (url: string) => {
    stats.done++;
    frontier.done(url);
    // An article handled without being judged (robots.txt after a redirect) is left, not fetched.
    if (articleFate.get(url) === 'queued') articleFate.set(url, 'forbidden by robots.txt');
  };
  const startOf = new Map(starts.map((r) => [r.url, r.source]));
  const failFor = (url: string, error: string) => {
    const startSource = startOf.get(url);
    if (startSource) startFailed.add(startSource);
    stats.done++;
    stats.failed++;
    stats.failures.push({ url, error });
    frontier.fail(url, error);
    if (articleFate.has(url)) articleFate.set(url, 'failed');
  };
  const observe = (req: QueuedRequest, source: SourceDef, status: number, body: string, fetchedAt: string) => {
    const err = spseError(body);
    if (!err) return false;
    stopOnFullDisk(() =>
      saveObservation(opts.dataDir, {
        lpse: source.id,
        base: source.lpse?.base ?? null,
        region_code: source.lpse?.region_code || null,
        url: req.url,
        observedAt: fetchedAt,
        status,
        kind: 'spse-error',
        errorCode: err.code,
        message: err.message,
      }),
    );
    stats.observations++;
    log(
      `crawl: SPSE error page at ${req.url} (Kode Error ${err.code ?? '?'}), recorded as an observation of ${source.id}`,
    );
    return true;
  };

  const handle = async (ctx: PageContext) => {
    const { req, source } = ctx;
    const isLpse = source.kind === 'lpse' || /^(?:lpse|spse)\./i.test(new URL(ctx.finalUrl).host);
    if (isLpse && observe(req, source, ctx.status, ctx.body, ctx.fetchedAt)) {
      failFor(req.url, `SPSE error page (HTTP ${ctx.status})`);
      return;
    }
    if (ctx.status >= 500) throw new Error(`HTTP ${ctx.status}`); // retried with backoff
    if (ctx.status >= 400) {
      failFor(req.url, `HTTP ${ctx.status}`);
      return;
    }
    const finalHost = new URL(ctx.finalUrl).host.toLowerCase();
    // A news-search item redirects to its publisher, wherever that is; the archive keeps the publisher's URL.
    const anyHost = source.kind === 'news-search' && isArticleLabel(req.label);
    if (finalHost !== new URL(req.url).host.toLowerCase()) pacer.sent({ url: ctx.finalUrl }); // pace the publisher too
    if (!anyHost && !hosts.get(source.id)?.has(finalHost)) {
      stats.skippedOffHost++;
      failFor(req.url, `redirected off the source's hosts to ${finalHost}`);
      return;
    }
    if (ctx.finalUrl !== req.url && !(await robotsAllows(ctx.finalUrl))) {
      stats.skippedRobots++;
      finish(req.url);
      return;
    }
    await ROUTES[req.label](ctx, env);
    await flushQueues();
    finish(req.url);
  };

  const onError = async (request: { url: string; retryCount: number; noRetry: boolean }, error: Error) => {
    pacer.touch(request);
    if (isTooLarge(error) || /redirect/i.test(error.message)) request.noRetry = true;
    else await new Promise((r) => setTimeout(r, Math.min(backoffMs * 2 ** request.retryCount, 60_000)));
  };
  const onFailed = (request: { url: string; userData: QueuedRequest }, error: Error) => {
    pacer.touch(request);
    failFor(request.userData.url ?? request.url, error.message.split('\n')[0]!.slice(0, 200));
  };

  // ------------------------------------------------------------------ progress
  const progress = () => {
    const secs = (Date.now() - started) / 1000;
    const queued = Math.max(0, queuedCount - stats.done);
    log(
      `crawl: ${stats.done} done, ${queued} queued, ${stats.failed} failed, ${stats.archived} archived, ${(stats.done / Math.max(secs, 0.001)).toFixed(1)} pages/s`,
    );
  };
  const timer = setInterval(progress, opts.progressEveryMs ?? 5000);
  timer.unref();

  const common = {
    maxRequestRetries: maxRetries,
    requestHandlerTimeoutSecs: Math.ceil(timeoutMs / 1000) + 60,
    navigationTimeoutSecs: Math.max(1, timeoutMs / 1000),
    useSessionPool: false,
    persistCookiesPerSession: false,
    maxConcurrency: opts.maxConcurrency ?? 8,
    minConcurrency: Math.min(opts.minConcurrency ?? 4, opts.maxConcurrency ?? 8),
  };

  try {
    // HTTP first (it also reads the feeds and sitemaps of browser sources), then the browser queue; repeat
    // while either side handed the other new work.
    for (let round = 0; round < 5 && budget > 0; round++) {
      if (!(await queues.http.isEmpty())) {
        const before = stats.done;
        await runHttp(budget);
        budget -= stats.done - before;
      }
      if (budget > 0 && !(await queues.browser.isEmpty())) {
        const before = stats.done;
        await runBrowser(budget);
        budget -= stats.done - before;
      }
      if ((await queues.http.isEmpty()) && (await queues.browser.isEmpty())) break;
    }
  } finally {
    clearInterval(timer);
    frontier.close();
    closeArchive(opts.dataDir);
    await queues.http.drop().catch(() => {});
    await queues.browser.drop().catch(() => {});
  }
  stats.durationMs = Date.now() - started;
  stats.pagesPerSecond = stats.done / Math.max(stats.durationMs / 1000, 0.001);
  stats.articles = tallyArticles(articleFate);
  // A crawl that ran through (not cut short by --max-pages) moves each source's window, unless its start page
  // failed: the next 'auto' crawl starts from here.
  if (fetches < maxFetches) {
    const at = new Date(started).toISOString();
    for (const s of opts.sources) if (!startFailed.has(s.id)) crawlState.sources[s.id] = { lastSuccess: at };
    writeCrawlState(opts.dataDir.crawl, crawlState);
  }
  progress();
  return stats;

  async function runHttp(limit: number): Promise<void> {
    // Crawlee imports its HTTP client on the first request, inside that request's timeout; a loaded machine
    // can spend seconds there. Import it before the clock starts.
    await import('got-scraping').catch(() => {});
    const crawler = new PacedHttpCrawler(
      {
        ...common,
        requestQueue: queues.http,
        maxRequestsPerCrawl: Number.isFinite(limit) ? limit : undefined,
        // Raw bytes: decodeHtml reads the charset from the header or <meta>, which Crawlee's decoding does not.
        forceResponseEncoding: 'binary',
        additionalMimeTypes: ['application/rss+xml', 'application/atom+xml', 'text/plain', 'application/octet-stream'],
        ignoreHttpErrorStatusCodes: [500, 501, 502, 503, 504, 505, 520, 521, 522, 523, 524],
        preNavigationHooks: [
          async ({ request }, gotOptions) => {
            if (overBudget(request)) {
              pacer.release(request);
              return;
            }
            await pacer.wait(request);
            gotOptions.headers = {
              ...gotOptions.headers,
              'user-agent': ua,
              accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
              'accept-language': 'id,en;q=0.8',
            };
            (gotOptions as Record<string, unknown>).useHeaderGenerator = false;
            gotOptions.maxRedirects = 5;
            if (pacingMs > 0) {
              // The pause is counted from the moment got sends the request (a loaded machine can take a few ms
              // between the pacing decision and the socket write), so the host sees the gap it was promised.
              const hooks = (gotOptions.hooks ?? {}) as { beforeRequest?: Array<() => void> };
              gotOptions.hooks = {
                ...hooks,
                beforeRequest: [...(hooks.beforeRequest ?? []), () => pacer.sent(request)],
              } as never;
            }
          },
        ],
        postNavigationHooks: [
          ({ request, response }) => {
            pacer.touch(request);
            const len = Number(response?.headers?.['content-length'] ?? 0);
            if (len > maxBytes) {
              request.noRetry = true;
              (response as unknown as { destroy?: () => void })?.destroy?.();
              throw new PageTooLarge(`page too large: ${len} bytes > ${maxBytes}`);
            }
          },
        ],
        requestHandler: async ({ request, body, response }) => {
          if (request.skipNavigation) return;
          const bytes = typeof body === 'string' ? Buffer.from(body) : (body as Buffer);
          // Not expected over HTTP (the download stops past maxBytes, see PacedHttpCrawler); a last check.
          if (bytes.length > maxBytes) {
            request.noRetry = true;
            throw new PageTooLarge(`page too large: ${bytes.length} bytes > ${maxBytes}`);
          }
          const headers = flatHeaders(response.headers);
          const text = decodeHtml(bytes, headers['content-type']);
          const userData = request.userData as QueuedRequest & { resumed?: boolean };
          const source = sources.get(userData.source)!;
          const isXml = userData.label === 'FEED' || userData.label === 'SITEMAP';
          await handle({
            req: userData,
            source,
            finalUrl: request.loadedUrl ?? request.url,
            status: response.statusCode ?? 0,
            headers,
            fetchedAt: new Date().toISOString(),
            body: text,
            // htmlparser2, as Crawlee's CheerioCrawler uses: links are all the crawler needs, and it is faster
            // than parse5 (toArticle re-parses the archived page with parse5 when extracting).
            $: isXml ? (load('') as CheerioAPI) : load(text, { xml: { xmlMode: false, decodeEntities: true } }),
          });
        },
        errorHandler: async ({ request }, error) => onError(request, error),
        failedRequestHandler: async ({ request }, error) => onFailed(request as never, error),
      },
      config,
    );
    crawler.maxPageBytes = maxBytes;
    crawler.pacer = pacer;
    await crawler.run();
  }

  async function runBrowser(limit: number): Promise<void> {
    const [{ PlaywrightCrawler }, { chromium }] = await Promise.all([
      import('@crawlee/playwright'),
      import('playwright-core'),
    ]);
    class PacedPlaywrightCrawler extends PlaywrightCrawler {
      protected override delayRequest(request: DelayArgs[0], source: DelayArgs[1]): boolean {
        return pacer.delay(request, source as never, () => {
          void this.autoscaledPool?.notify();
        });
      }
    }
    const crawler = new PacedPlaywrightCrawler(
      {
        ...common,
        maxConcurrency: Math.min(common.maxConcurrency, 2),
        minConcurrency: 1,
        requestQueue: queues.browser,
        maxRequestsPerCrawl: Number.isFinite(limit) ? limit : undefined,
        launchContext: {
          launcher: chromium,
          userAgent: ua,
          launchOptions: { executablePath: opts.chromiumPath ?? DEFAULT_CHROMIUM, args: CHROMIUM_ARGS, headless: true },
        },
        browserPoolOptions: { useFingerprints: false },
        postNavigationHooks: [({ request }) => pacer.touch(request)],
        preNavigationHooks: [
          async ({ request }) => {
            if (overBudget(request)) {
              pacer.release(request);
              return;
            }
            await pacer.wait(request);
            pacer.sent(request); // page.goto follows at once
          },
        ],
        requestHandler: async ({ request, page, response }) => {
          if (request.skipNavigation) return;
          await page.waitForLoadState('networkidle', { timeout: Math.min(timeoutMs, 10_000) }).catch(() => {});
          const html = await page.content();
          if (html.length > maxBytes) {
            request.noRetry = true;
            throw new PageTooLarge(`page too large: ${html.length} chars > ${maxBytes}`);
          }
          const userData = request.userData as QueuedRequest & { resumed?: boolean };
          await handle({
            req: userData,
            source: sources.get(userData.source)!,
            finalUrl: page.url(),
            status: response?.status() ?? 200,
            headers: response ? await response.allHeaders() : {},
            fetchedAt: new Date().toISOString(),
            body: html,
            $: load(html),
          });
        },
        errorHandler: async ({ request }, error) => onError(request, error),
        failedRequestHandler: async ({ request }, error) => onFailed(request as never, error),
      },
      config,
    );
    await crawler.run();
  }
}

/**
 * Runs a write to the data dir; a full disk stops the whole crawl (Crawlee's CriticalError) instead of failing one
 * page after another with retries: every later page would fail the same way, and be recorded as failed.
 */
function stopOnFullDisk<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (isDiskFull(err)) throw new CriticalError(messageOf(err));
    throw err;
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

/** Sums what became of each listed article. */
function tallyArticles(fates: Map<string, string>): ArticleTally {
  const t: ArticleTally = {
    listed: 0,
    fetched: 0,
    kept: 0,
    irrelevant: 0,
    alreadyArchived: 0,
    judgedBefore: 0,
    left: {},
  };
  for (const fate of fates.values()) {
    t.listed++;
    if (fate === 'kept' || fate === 'irrelevant') {
      t.fetched++;
      if (fate === 'kept') t.kept++;
      else t.irrelevant++;
    } else if (fate === 'already archived') t.alreadyArchived++;
    else if (fate === 'judged before') t.judgedBefore++;
    else {
      // Queued and never reached: the --max-pages budget ran out (the next run resumes them).
      const why = fate === 'queued' ? 'not reached (--max-pages), queued for the next run' : fate;
      t.left[why] = (t.left[why] ?? 0) + 1;
    }
  }
  return t;
}

function flatHeaders(h: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {}))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export type { Label };
