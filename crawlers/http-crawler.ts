/**
 * The HTTP crawler: Crawlee's HttpCrawler with Cheerio parsing the correctly decoded page once (decodeHtml reads the
 * charset from the header or <meta>), paced per host, a page size cap enforced while it downloads.
 */
import { HttpCrawler, type HttpCrawlingContext, type InternalHttpHook, type PlainResponse } from '@crawlee/cheerio';
import type { Request, Session } from '@crawlee/core';
import { type CheerioAPI, load } from 'cheerio';
import { decodeHtml } from '../extractors/html-article.ts';
import type { QueuedRequest } from './frontier.ts';
import { handlePage, onRequestError, onRequestFailed, PageTooLarge } from './handle.ts';
import { HostPacer } from './pacing.ts';
import { type CrawlRun, crawlerOptions } from './run.ts';

export type DelayArgs = Parameters<HttpCrawler<HttpCrawlingContext>['delayRequest']>;
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

type PreNavigationHook = InternalHttpHook<HttpCrawlingContext>;

/** Before a fetch: the budget, the host's slot, Pantau's headers, and the pause counted from the socket write. */
function beforeFetch(run: CrawlRun): PreNavigationHook {
  const { pacer, budget, settings } = run;
  return async ({ request }, gotOptions) => {
    if (budget.over(request)) {
      pacer.release(request);
      return;
    }
    await pacer.wait(request);
    gotOptions.headers = {
      ...gotOptions.headers,
      'user-agent': settings.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'id,en;q=0.8',
    };
    (gotOptions as Record<string, unknown>).useHeaderGenerator = false;
    gotOptions.maxRedirects = 5;
    if (settings.pacingMs > 0) {
      // The pause is counted from the moment got sends the request (a loaded machine can take a few ms
      // between the pacing decision and the socket write), so the host sees the gap it was promised.
      const hooks = (gotOptions.hooks ?? {}) as { beforeRequest?: Array<() => void> };
      gotOptions.hooks = {
        ...hooks,
        beforeRequest: [...(hooks.beforeRequest ?? []), () => pacer.sent(request)],
      } as never;
    }
  };
}

/** After the response head: the host's pause starts again, and an announced length over the cap stops here. */
function afterResponse(run: CrawlRun) {
  const maxBytes = run.settings.maxPageBytes;
  return ({ request, response }: Pick<HttpCrawlingContext, 'request' | 'response'>) => {
    run.pacer.touch(request);
    const len = Number(response?.headers?.['content-length'] ?? 0);
    if (len > maxBytes) {
      request.noRetry = true;
      (response as unknown as { destroy?: () => void })?.destroy?.();
      throw new PageTooLarge(`page too large: ${len} bytes > ${maxBytes}`);
    }
  };
}

/** The page, decoded by its declared charset and parsed once, handed to handlePage. */
function httpRequestHandler(run: CrawlRun) {
  const maxBytes = run.settings.maxPageBytes;
  return async ({ request, body, response }: Pick<HttpCrawlingContext, 'request' | 'body' | 'response'>) => {
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
    const isXml = userData.label === 'FEED' || userData.label === 'SITEMAP';
    await handlePage(run, {
      req: userData,
      source: run.sources.get(userData.source)!,
      finalUrl: request.loadedUrl ?? request.url,
      status: response.statusCode ?? 0,
      headers,
      fetchedAt: new Date().toISOString(),
      body: text,
      // htmlparser2, as Crawlee's CheerioCrawler uses: links are all the crawler needs, and it is faster
      // than parse5 (toArticle re-parses the archived page with parse5 when extracting).
      $: isXml ? (load('') as CheerioAPI) : load(text, { xml: { xmlMode: false, decodeEntities: true } }),
    });
  };
}

/** The HTTP crawler of a run, for at most `limit` requests of its HTTP queue. */
export async function createHttpCrawler(run: CrawlRun, limit: number): Promise<PacedHttpCrawler> {
  // Crawlee imports its HTTP client on the first request, inside that request's timeout; a loaded machine
  // can spend seconds there. Import it before the clock starts.
  await import('got-scraping').catch(() => {});
  const crawler = new PacedHttpCrawler(
    {
      ...crawlerOptions(run.settings),
      requestQueue: run.queues.http,
      maxRequestsPerCrawl: Number.isFinite(limit) ? limit : undefined,
      // Raw bytes: decodeHtml reads the charset from the header or <meta>, which Crawlee's decoding does not.
      forceResponseEncoding: 'binary',
      additionalMimeTypes: ['application/rss+xml', 'application/atom+xml', 'text/plain', 'application/octet-stream'],
      ignoreHttpErrorStatusCodes: [500, 501, 502, 503, 504, 505, 520, 521, 522, 523, 524],
      preNavigationHooks: [beforeFetch(run)],
      postNavigationHooks: [afterResponse(run)],
      requestHandler: httpRequestHandler(run),
      errorHandler: async ({ request }, error) => onRequestError(run, request, error),
      failedRequestHandler: async ({ request }, error) => onRequestFailed(run, request as never, error),
    },
    run.queues.config,
  );
  crawler.maxPageBytes = run.settings.maxPageBytes;
  crawler.pacer = run.pacer;
  return crawler;
}

function flatHeaders(h: Record<string, string | string[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {}))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
