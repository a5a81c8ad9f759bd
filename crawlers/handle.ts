/**
 * What both crawlers do with a fetched page before and after its route (routes.ts): an SPSE error page is
 * recorded as an LPSE observation, HTTP errors are retried or failed, a redirect off the source's hosts or into
 * robots.txt is refused, then the page's handler runs, its links are handed to the queues and the request is
 * journaled done. Also the error hooks: retries with exponential backoff, and the final failure.
 */
import { saveObservation } from '../src/archive.ts';
import { isArticleLabel, stopOnFullDisk } from './env.ts';
import type { QueuedRequest } from './frontier.ts';
import { spseError } from './link-priority.ts';
import { type PageContext, ROUTES } from './routes.ts';
import type { CrawlRun } from './run.ts';
import type { SourceDef } from './source-def.ts';

export class PageTooLarge extends Error {}

/** A page over the size cap, thrown as is (Content-Length, browser) or wrapped by got (download stopped). */
const isTooLarge = (e: Error) => e instanceof PageTooLarge || e.cause instanceof PageTooLarge;

function finish(run: CrawlRun, url: string): void {
  run.statistics.finished(url);
  run.frontier.done(url);
}

function failFor(run: CrawlRun, url: string, error: string): void {
  run.statistics.failed(url, error, run.startOf.get(url));
  run.frontier.fail(url, error);
}

/** Records an SPSE error page ("Maaf, terjadi error pada aplikasi SPSE") as an observation of its LPSE. */
function observe(run: CrawlRun, ctx: PageContext, source: SourceDef): boolean {
  const err = spseError(ctx.body);
  if (!err) return false;
  stopOnFullDisk(() =>
    saveObservation(run.dataDir, {
      lpse: source.id,
      base: source.lpse?.base ?? null,
      region_code: source.lpse?.region_code || null,
      url: ctx.req.url,
      observedAt: ctx.fetchedAt,
      status: ctx.status,
      kind: 'spse-error',
      errorCode: err.code,
      message: err.message,
    }),
  );
  run.statistics.observed();
  run.log(
    `crawl: SPSE error page at ${ctx.req.url} (Kode Error ${err.code ?? '?'}), recorded as an observation of ${source.id}`,
  );
  return true;
}

/** The request handler both crawlers call with the page they fetched. */
export async function handlePage(run: CrawlRun, ctx: PageContext): Promise<void> {
  const { req, source } = ctx;
  const isLpse = source.kind === 'lpse' || /^(?:lpse|spse)\./i.test(new URL(ctx.finalUrl).host);
  if (isLpse && observe(run, ctx, source)) {
    failFor(run, req.url, `SPSE error page (HTTP ${ctx.status})`);
    return;
  }
  if (ctx.status >= 500) throw new Error(`HTTP ${ctx.status}`); // retried with backoff
  if (ctx.status >= 400) {
    failFor(run, req.url, `HTTP ${ctx.status}`);
    return;
  }
  const finalHost = new URL(ctx.finalUrl).host.toLowerCase();
  // A news-search item redirects to its publisher, wherever that is; the archive keeps the publisher's URL.
  const anyHost = source.kind === 'news-search' && isArticleLabel(req.label);
  if (finalHost !== new URL(req.url).host.toLowerCase()) run.pacer.sent({ url: ctx.finalUrl }); // pace the publisher too
  if (!anyHost && !run.hosts.get(source.id)?.has(finalHost)) {
    run.statistics.offHost(req.url, false);
    failFor(run, req.url, `redirected off the source's hosts to ${finalHost}`);
    return;
  }
  if (ctx.finalUrl !== req.url && !(await run.robots.allows(ctx.finalUrl))) {
    run.statistics.forbidden(req.url, false);
    finish(run, req.url);
    return;
  }
  await ROUTES[req.label](ctx, run.env);
  await run.queues.flush(run.frontier);
  finish(run, req.url);
}

/** Crawlee's errorHandler: a page too large or a redirect loop is not retried; anything else after a backoff. */
export async function onRequestError(
  run: CrawlRun,
  request: { url: string; retryCount: number; noRetry: boolean },
  error: Error,
): Promise<void> {
  run.pacer.touch(request);
  if (isTooLarge(error) || /redirect/i.test(error.message)) request.noRetry = true;
  else await new Promise((r) => setTimeout(r, Math.min(run.settings.backoffMs * 2 ** request.retryCount, 60_000)));
}

/** Crawlee's failedRequestHandler: the request failed for good (after its retries). */
export function onRequestFailed(run: CrawlRun, request: { url: string; userData: QueuedRequest }, error: Error): void {
  run.pacer.touch(request);
  failFor(run, request.userData.url ?? request.url, error.message.split('\n')[0]!.slice(0, 200));
}
