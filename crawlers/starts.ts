/**
 * Where a run starts: the unfinished work of a killed run first, then each source's start points (LPSE
 * announcement pages, listings, feeds, sitemaps, news-search feeds; listings are revisited every run), then what
 * failed last time (one more chance per run).
 */
import { hasArchived } from '../src/archive.ts';
import type { QueuedRequest } from './frontier.ts';
import type { CrawlRun } from './run.ts';
import type { SourceDef } from './source-def.ts';
import { searchFeeds } from './sources.ts';

/** The start requests of the sources, in source order. */
export function startRequests(sources: SourceDef[]): QueuedRequest[] {
  const starts: QueuedRequest[] = [];
  for (const s of sources) {
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
  return starts;
}

/** Queues a run's first requests and hands them to Crawlee. */
export async function enqueueStarts(run: CrawlRun, starts: QueuedRequest[]): Promise<void> {
  const { frontier, sources, env } = run;
  for (const r of frontier.resumed) {
    if (!sources.has(r.source)) continue;
    // An article archived just before the kill needs no second fetch.
    if (
      (r.label === 'ARTICLE' || r.label === 'ARTICLE_PART' || r.label === 'LPSE_PAGE') &&
      hasArchived(run.dataDir, r.url)
    ) {
      frontier.done(r.url);
      continue;
    }
    if (await env.enqueue(r)) run.statistics.resumed();
  }
  for (const r of starts) await env.enqueue(r);
  for (const r of frontier.failedBefore) if (sources.has(r.source)) await env.enqueue(r);
  await run.queues.flush(frontier);
}
