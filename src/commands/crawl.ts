/**
 * `pantau crawl`: fetch news and LPSE announcements into the archive (<data>/archive), resumably.
 */
import type { Command } from 'commander';
import { utcDayOf } from '../../extractors/days.ts';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';

function nonNegativeInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UserError(`${flag} must be a whole number ≥ 0, not ${v}`);
    return n;
  };
}

/**
 * Registers `pantau crawl`. Long because it is one commander chain: the options and their help text, read top to
 * bottom as `--help` prints them, then its action.
 */
export function register(program: Command, cli: Cli): void {
  program
    .command('crawl')
    .description('fetch news and LPSE announcements into the archive (resumable; re-runs fetch only what is new)')
    .option('--sources <file>', 'JSON file of sources (format: crawlers/README.md); default: the starter list')
    .option(
      '--url <url>',
      'crawl one site ad hoc from this page: finds its feeds, sitemaps and sections, stays on its host',
    )
    .option(
      '--pacing-ms <n>',
      'one request per this many ms per host (0: no pause; only for your own or a permitting site)',
      nonNegativeInt('--pacing-ms'),
      2000,
    )
    .option('--max-pages <n>', 'stop after this many requests', nonNegativeInt('--max-pages'))
    .option(
      '--max-listing-pages <n>',
      "follow each listing's pagination at most this deep (default: the source's max_listing_pages, else 200; 1000 with --url)",
      nonNegativeInt('--max-listing-pages'),
    )
    .option(
      '--since <date|duration>',
      'crawl window: skip articles dated before it, page listings back to it (2026-10-01, 30d, 2w, 6mo; "all" for no window; default: since the last successful crawl of each source, 30 days for a new one)',
      'auto',
    )
    .option('--timeout-ms <n>', 'per-request timeout in ms', nonNegativeInt('--timeout-ms'), 30_000)
    .option('--retries <n>', 'retries per request after the first attempt', nonNegativeInt('--retries'), 3)
    .option('--chromium <path>', 'Chromium for sources that need a browser (env PANTAU_CHROMIUM)')
    .option('--json', 'print the summary as JSON on stdout')
    .action(
      async (opts: {
        sources?: string;
        url?: string;
        pacingMs: number;
        maxPages?: number;
        maxListingPages?: number;
        since: string;
        timeoutMs: number;
        retries: number;
        chromium?: string;
        json?: boolean;
      }) => {
        if (opts.sources && opts.url) throw new UserError('use either --sources or --url, not both');
        // Loaded on use: Crawlee is heavy, and every other command starts faster without it.
        const [{ crawl, articleLine, parseSince }, { STARTER_SOURCES, loadSources, sourceFromUrl }] = await Promise.all(
          [import('../../crawlers/crawl.ts'), import('../../crawlers/sources.ts')],
        );
        const listed = opts.url
          ? [sourceFromUrl(opts.url)]
          : opts.sources
            ? loadSources(opts.sources)
            : STARTER_SOURCES;
        const depth = opts.maxListingPages;
        const sources =
          depth === undefined ? listed : listed.map((s) => ({ ...s, max_listing_pages: Math.max(1, depth) }));
        let since: ReturnType<typeof parseSince>;
        try {
          since = parseSince(opts.since);
        } catch (err) {
          throw new UserError((err as Error).message);
        }
        const dataDir = cli.dataDir();
        cli.info(
          `crawl: ${sources.length} source(s) into ${dataDir.archive}; window: ${since === 'auto' ? "since each source's last successful crawl (30 days for a new one)" : since ? `since ${utcDayOf(since.getTime())}` : 'none (every listed article)'}`,
        );
        const stats = await crawl({
          dataDir,
          sources,
          pacingMs: opts.pacingMs,
          maxPages: opts.maxPages,
          since,
          timeoutMs: opts.timeoutMs,
          maxRetries: opts.retries,
          chromiumPath: opts.chromium ?? process.env.PANTAU_CHROMIUM,
          log: (l) => cli.info(l),
        });
        if (opts.json) {
          console.log(JSON.stringify(stats, null, 2));
          return;
        }
        console.log(
          `archived ${stats.archived} new or changed page(s); ${stats.unchanged} unchanged; skipped ${stats.skippedArchived} already archived, ${stats.skippedIrrelevant} irrelevant, ${stats.skippedRobots} forbidden by robots.txt; ${stats.failed} failed; ${stats.observations} SPSE error page(s) observed (${(stats.durationMs / 1000).toFixed(1)} s)`,
        );
        console.log(articleLine(stats));
        for (const f of stats.failures.slice(0, 20)) console.log(`  failed: ${f.url}: ${f.error}`);
        if (stats.failures.length > 20) console.log(`  … and ${stats.failures.length - 20} more`);
      },
    );
}
