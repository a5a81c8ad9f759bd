/**
 * `pantau search QUERY [filters]`: matching incidents (region, window, causes, sources count) and facet counts.
 * The filter options are shared with `pantau export`.
 */
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import type { SearchParams } from '../kb/api.ts';
import { renderSearch } from '../kb/format.ts';
import { LIMITS } from '../kb/params.ts';
import { checkParams, searchIncidents } from '../kb/search.ts';

export interface FilterOptions {
  cause?: string[];
  province?: string[];
  regency?: string[];
  year?: string[];
  scope?: string[];
  sourceKind?: string[];
  official?: string[];
  from?: string;
  to?: string;
  allegation?: boolean;
  sort?: string;
  children?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const collectSplit = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

/** Adds the filter options of `search` and `export` to a command. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option(
      '--cause <cause>',
      'cause category, repeatable or comma-separated (hardware, upgrade, pdn, …)',
      collectSplit,
    )
    .option('--province <name>', 'province name or code (e.g. "Kalimantan Tengah" or 62), repeatable', collect)
    .option('--regency <name>', 'kabupaten/kota name or code (e.g. "Barito Timur" or 62.13), repeatable', collect)
    .option('--year <year>', 'year of the outage, repeatable or comma-separated', collectSplit)
    .option('--scope <scope>', 'local or national', collectSplit)
    .option('--source-kind <kind>', 'news, lpse-announcement, …; repeatable', collect)
    .option('--official <name>', 'a named official or complainant quoted, repeatable', collect)
    .option('--from <date>', 'outage start (else first publication) on or after YYYY-MM-DD')
    .option('--to <date>', 'outage start (else first publication) on or before YYYY-MM-DD')
    .option('--allegation', 'only incidents with an allegation of manipulation')
    .option('--no-allegation', 'only incidents without one')
    .option('--sort <order>', 'relevance, start:desc, start:asc or published:desc')
    .option('--children', 'include the per-LPSE children of national incidents');
}

/** Filter options → SearchParams (validation happens in the KB, with messages naming the option). */
export function paramsFrom(query: string[], opts: FilterOptions): SearchParams {
  return {
    q: query.join(' ').trim() || undefined,
    cause: opts.cause as SearchParams['cause'],
    province: opts.province,
    regency: opts.regency,
    year: opts.year?.map((y) => (/^\d+$/.test(y) ? Number(y) : Number.NaN)),
    scope: opts.scope as SearchParams['scope'],
    sourceKind: opts.sourceKind,
    official: opts.official,
    from: opts.from,
    to: opts.to,
    allegation: opts.allegation,
    sort: opts.sort as SearchParams['sort'],
    includeChildren: opts.children,
  };
}

const toInt = (v: string) => (/^\d+$/.test(v) ? Number(v) : Number.NaN);

export function register(program: Command, cli: Cli): void {
  addFilterOptions(
    program
      .command('search')
      .description('search incidents: prints region, outage window, causes, number of sources, and facet counts')
      .argument('[query...]', 'words to search for (Indonesian; synonyms such as down/gangguan/lumpuh apply)'),
  )
    .option('--limit <n>', `incidents to show (1-${LIMITS.limit}, default 20)`, toInt)
    .option('--offset <n>', `skip this many incidents (offset + limit up to ${LIMITS.window}; export lists all)`, toInt)
    .option('--json', 'print the result as JSON')
    .action(async (query: string[], opts: FilterOptions & { limit?: number; offset?: number; json?: boolean }) => {
      const params = { ...paramsFrom(query, opts), limit: opts.limit, offset: opts.offset };
      checkParams(params); // a bad option is refused before Meilisearch is started
      await cli.withMeili(async (conn) => {
        const client = conn.client;
        const res = await searchIncidents(client, params);
        console.log(opts.json ? JSON.stringify(res, null, 2) : renderSearch(res, opts.offset ?? 0));
      });
    });
}
