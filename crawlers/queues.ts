/**
 * Crawlee's request queues of one run, one per crawler class (HTTP, browser). Requests are journaled at once
 * (Frontier.add, synchronous) and handed to Crawlee in batches at the end of each handler: one addRequests call
 * per page instead of one per link. Two batches per queue: likely outage stories go to the front (forefront),
 * the rest to the back. The queues live in memory only: the frontier journal is what survives a kill.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Configuration, RequestQueue } from '@crawlee/core';
import type { Frontier, QueuedRequest } from './frontier.ts';

type Batch = Array<Parameters<RequestQueue['addRequest']>[0]>;
export type CrawlerKind = 'http' | 'browser';

export class CrawlQueues {
  private readonly buffered: Record<CrawlerKind, { front: Batch; back: Batch }> = {
    http: { front: [], back: [] },
    browser: { front: [], back: [] },
  };

  private constructor(
    readonly config: Configuration,
    readonly http: RequestQueue,
    readonly browser: RequestQueue,
    private readonly kindOf: (req: QueuedRequest) => CrawlerKind,
    private readonly resumedUrls: Set<string>,
  ) {}

  /** Opens this run's queues (named for the run, under <crawl>/crawlee/, never persisted). */
  static async open(
    crawlDir: string,
    kindOf: (req: QueuedRequest) => CrawlerKind,
    resumedUrls: Set<string>,
  ): Promise<CrawlQueues> {
    const config = new Configuration({
      persistStorage: false,
      purgeOnStart: false,
      storageClientOptions: { localDataDirectory: join(crawlDir, 'crawlee') },
    });
    const runId = randomUUID().slice(0, 8);
    const http = await RequestQueue.open(`http-${runId}`, { config });
    const browser = await RequestQueue.open(`browser-${runId}`, { config });
    return new CrawlQueues(config, http, browser, kindOf, resumedUrls);
  }

  /** Buffers a request (journaled already) for its crawler's queue. */
  add(req: QueuedRequest): void {
    this.buffered[this.kindOf(req)][req.priority ? 'front' : 'back'].push({
      url: req.url,
      uniqueKey: req.url,
      label: req.label,
      userData: { ...req, resumed: this.resumedUrls.has(req.url) },
    });
  }

  /** Hands the buffered requests to Crawlee, after the journal: a request Crawlee holds is always journaled. */
  async flush(frontier: Frontier): Promise<void> {
    frontier.flush();
    for (const k of ['http', 'browser'] as const) {
      for (const end of ['front', 'back'] as const) {
        const batch = this.buffered[k][end];
        if (!batch.length) continue;
        this.buffered[k][end] = [];
        await this[k].addRequests(batch, { forefront: end === 'front' });
      }
    }
  }

  async drop(): Promise<void> {
    await this.http.drop().catch(() => {});
    await this.browser.drop().catch(() => {});
  }
}
