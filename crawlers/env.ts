/**
 * The env the handlers of routes.ts work through: every link they find is checked here (hosts, robots.txt, seen
 * this run), journaled and queued; every page they keep is archived here; and the statistics are told what
 * became of each.
 */
import { CriticalError } from '@crawlee/core';
import { saveRawPage } from '../src/archive.ts';
import { isDiskFull, messageOf } from '../src/errors.ts';
import type { Label } from './frontier.ts';
import type { CrawlEnv } from './routes.ts';
import type { CrawlRun } from './run.ts';

export const isArticleLabel = (label: Label) => label === 'ARTICLE' || label === 'LPSE_PAGE';

/**
 * Runs a write to the data dir; a full disk stops the whole crawl (Crawlee's CriticalError) instead of failing one
 * page after another with retries: every later page would fail the same way, and be recorded as failed.
 */
export function stopOnFullDisk<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (isDiskFull(err)) throw new CriticalError(messageOf(err));
    throw err;
  }
}

export function createEnv(run: Omit<CrawlRun, 'env'>): CrawlEnv {
  const { frontier, statistics, sources, hosts, robots, queues } = run;
  /** Every URL queued, skipped or refused this run: each is considered once. */
  const queuedThisRun = new Set<string>();
  return {
    dataDir: run.dataDir,
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
        queuedThisRun.add(req.url);
        statistics.offHost(req.url, article);
        return false;
      }
      if (!(await robots.allows(req.url))) {
        queuedThisRun.add(req.url);
        frontier.markSeen(req.url, 'robots');
        statistics.forbidden(req.url, article);
        return false;
      }
      queuedThisRun.add(req.url);
      frontier.add(req);
      queues.add(req);
      statistics.queued(req.url, article);
      return true;
    },
    skip(url, why) {
      if (queuedThisRun.has(url)) return;
      queuedThisRun.add(url);
      statistics.skipped(url, why);
      frontier.markSeen(url, why);
    },
    discard(url) {
      // Fetched, so queuedThisRun has it already and no link-level skip counted it this run.
      if (statistics.discarded(url)) frontier.markIrrelevantPage(url);
    },
    wasDiscarded: (url) => frontier.wasIrrelevantPage(url),
    knewBefore: (url) => frontier.knewBefore(url),
    windowStart: (id) => statistics.stats.windows[id] ?? null,
    outsideWindow(url) {
      if (queuedThisRun.has(url)) return;
      queuedThisRun.add(url);
      statistics.outsideWindow(url);
    },
    async archive(ctx, kind, parts) {
      // a short append to files already open: written synchronously, on disk when this returns
      const { changed } = stopOnFullDisk(() =>
        saveRawPage(run.dataDir, {
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
      statistics.archived(ctx.req.url, changed);
    },
    sitemapsOf: (url) => robots.sitemapsOf(url),
  };
}
