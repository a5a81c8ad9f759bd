/**
 * The browser crawler, for sources that only render with JavaScript: Crawlee's PlaywrightCrawler driving Debian's
 * Chromium (never a downloaded browser), paced by the run's HostPacer like the HTTP crawler. Loaded on first use:
 * a crawl without browser sources never imports Playwright.
 */
import type { PlaywrightCrawler, PlaywrightCrawlingContext } from '@crawlee/playwright';
import { load } from 'cheerio';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../src/chromium.ts';
import type { QueuedRequest } from './frontier.ts';
import { handlePage, onRequestError, onRequestFailed, PageTooLarge } from './handle.ts';
import type { DelayArgs } from './http-crawler.ts';
import { type CrawlRun, crawlerOptions } from './run.ts';

/** The rendered page (after the network went quiet, 10 s at most), handed to handlePage. */
function browserRequestHandler(run: CrawlRun) {
  const { maxPageBytes: maxBytes, timeoutMs } = run.settings;
  return async ({ request, page, response }: Pick<PlaywrightCrawlingContext, 'request' | 'page' | 'response'>) => {
    if (request.skipNavigation) return;
    await page.waitForLoadState('networkidle', { timeout: Math.min(timeoutMs, 10_000) }).catch(() => {});
    const html = await page.content();
    if (html.length > maxBytes) {
      request.noRetry = true;
      throw new PageTooLarge(`page too large: ${html.length} chars > ${maxBytes}`);
    }
    const userData = request.userData as QueuedRequest & { resumed?: boolean };
    await handlePage(run, {
      req: userData,
      source: run.sources.get(userData.source)!,
      finalUrl: page.url(),
      status: response?.status() ?? 200,
      headers: response ? await response.allHeaders() : {},
      fetchedAt: new Date().toISOString(),
      body: html,
      $: load(html),
    });
  };
}

/** The browser crawler of a run, for at most `limit` requests of its browser queue. */
export async function createBrowserCrawler(run: CrawlRun, limit: number): Promise<PlaywrightCrawler> {
  const [{ PlaywrightCrawler }, { chromium }] = await Promise.all([
    import('@crawlee/playwright'),
    import('playwright-core'),
  ]);
  const { pacer, budget, settings } = run;
  class PacedPlaywrightCrawler extends PlaywrightCrawler {
    protected override delayRequest(request: DelayArgs[0], source: DelayArgs[1]): boolean {
      return pacer.delay(request, source as never, () => {
        void this.autoscaledPool?.notify();
      });
    }
  }
  const common = crawlerOptions(settings);
  return new PacedPlaywrightCrawler(
    {
      ...common,
      maxConcurrency: Math.min(common.maxConcurrency, 2),
      minConcurrency: 1,
      requestQueue: run.queues.browser,
      maxRequestsPerCrawl: Number.isFinite(limit) ? limit : undefined,
      launchContext: {
        launcher: chromium,
        userAgent: settings.userAgent,
        launchOptions: {
          executablePath: settings.chromiumPath ?? DEFAULT_CHROMIUM,
          args: CHROMIUM_ARGS,
          headless: true,
        },
      },
      browserPoolOptions: { useFingerprints: false },
      postNavigationHooks: [({ request }) => pacer.touch(request)],
      preNavigationHooks: [
        async ({ request }) => {
          if (budget.over(request)) {
            pacer.release(request);
            return;
          }
          await pacer.wait(request);
          pacer.sent(request); // page.goto follows at once
        },
      ],
      requestHandler: browserRequestHandler(run),
      errorHandler: async ({ request }, error) => onRequestError(run, request, error),
      failedRequestHandler: async ({ request }, error) => onRequestFailed(run, request as never, error),
    },
    run.queues.config,
  );
}
