/**
 * The counters of one crawl in one object, as Crawlee keeps its own in `Statistics`: every handler and hook records
 * what became of a request here (queued, skipped and why, archived, failed), and the run's figures (`CrawlStats`)
 * and its progress line are read from it.
 */

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

/** What becomes of the article URLs the sources list, and the counters of the run. */
export class CrawlStatistics {
  readonly stats: CrawlStats = {
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
  /** Sources whose start page failed this run: their crawl is not a success (the window does not move). */
  readonly startFailed = new Set<string>();
  /** Listed article URL → what became of it this run ("queued" until it is fetched or given up). */
  private readonly articleFate = new Map<string, string>();
  /** Fetched pages found not to be about LPSE/SPSE this run (counted once, even if handled again). */
  private readonly discardedThisRun = new Set<string>();
  /** Requests handed to the queues this run. */
  private queuedCount = 0;

  constructor(readonly startedAt: number) {}

  /** A request queued (an article among them is 'queued' until it is fetched or given up). */
  queued(url: string, article: boolean): void {
    this.queuedCount++;
    if (article) this.articleFate.set(url, 'queued');
  }

  /** A link (or a redirect) leading off the source's hosts. */
  offHost(url: string, article: boolean): void {
    this.stats.skippedOffHost++;
    if (article) this.articleFate.set(url, "off the source's hosts");
  }

  /** A link (or a redirect) robots.txt forbids. */
  forbidden(url: string, article: boolean): void {
    this.stats.skippedRobots++;
    if (article) this.articleFate.set(url, 'forbidden by robots.txt');
  }

  /** A listed article not fetched: archived already, or judged not about LPSE/SPSE in an earlier run. */
  skipped(url: string, why: 'archived' | 'judged'): void {
    if (why === 'archived') this.stats.skippedArchived++;
    else this.stats.skippedIrrelevant++;
    this.articleFate.set(url, why === 'archived' ? 'already archived' : 'judged before');
  }

  /** A fetched page not about LPSE/SPSE on its text; false when it was counted already this run. */
  discarded(url: string): boolean {
    if (this.discardedThisRun.has(url)) return false;
    this.discardedThisRun.add(url);
    this.stats.skippedIrrelevant++;
    if (this.articleFate.has(url)) this.articleFate.set(url, 'irrelevant');
    return true;
  }

  /** A listed article the listing dates before the crawl window. */
  outsideWindow(url: string): void {
    this.articleFate.set(url, 'older than the crawl window');
  }

  /** A page written to the archive (`changed`) or found identical to it. */
  archived(url: string, changed: boolean): void {
    if (changed) this.stats.archived++;
    else this.stats.unchanged++;
    if (this.articleFate.has(url)) this.articleFate.set(url, 'kept');
  }

  /** A request of a killed run queued again. */
  resumed(): void {
    this.stats.resumed++;
  }

  /** An SPSE error page recorded as an observation. */
  observed(): void {
    this.stats.observations++;
  }

  /** A request handled through. */
  finished(url: string): void {
    this.stats.done++;
    // An article handled without being judged (robots.txt after a redirect) is left, not fetched.
    if (this.articleFate.get(url) === 'queued') this.articleFate.set(url, 'forbidden by robots.txt');
  }

  /** A request failed for good; `startOf` names the source whose start page it was, if it was one. */
  failed(url: string, error: string, startOf?: string): void {
    if (startOf) this.startFailed.add(startOf);
    this.stats.done++;
    this.stats.failed++;
    this.stats.failures.push({ url, error });
    if (this.articleFate.has(url)) this.articleFate.set(url, 'failed');
  }

  /** "crawl: 12 done, 30 queued, 0 failed, 9 archived, 3.1 pages/s" */
  progressLine(now = Date.now()): string {
    const s = this.stats;
    const secs = (now - this.startedAt) / 1000;
    const queued = Math.max(0, this.queuedCount - s.done);
    return `crawl: ${s.done} done, ${queued} queued, ${s.failed} failed, ${s.archived} archived, ${(s.done / Math.max(secs, 0.001)).toFixed(1)} pages/s`;
  }

  /** The run's figures at its end: duration, rate, and what became of the listed articles. */
  finish(now = Date.now()): CrawlStats {
    this.stats.durationMs = now - this.startedAt;
    this.stats.pagesPerSecond = this.stats.done / Math.max(this.stats.durationMs / 1000, 0.001);
    this.stats.articles = tallyArticles(this.articleFate);
    return this.stats;
  }
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
