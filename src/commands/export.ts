/**
 * `pantau export --format csv|json|jsonl|md [filters] [--reports] [--out FILE]`: every matching incident (or,
 * with --reports, every matching report with its main text, URLs and incident ids). CSV is UTF-8 with a BOM,
 * one row per incident, sources as URLs; JSON and JSONL carry everything, provenance included. The count it
 * prints is the number of records written.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { EXPORT_FORMATS, exportRecords, isExportFormat } from '../kb/export.ts';
import { checkParams } from '../kb/search.ts';
import { addFilterOptions, type FilterOptions, paramsFrom } from './search.ts';

const FORMAT_NAMES = Object.keys(EXPORT_FORMATS);

export function register(program: Command, cli: Cli): void {
  addFilterOptions(
    program
      .command('export')
      .description('export incidents (or reports) matching the filters as CSV, JSON, JSONL or Markdown')
      .argument('[query...]', 'optional words to search for'),
  )
    .option('--format <format>', FORMAT_NAMES.join(', '), 'csv')
    .option('--reports', 'export reports (main text, URLs, incident ids) instead of incidents')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (query: string[], opts: FilterOptions & { format: string; reports?: boolean; out?: string }) => {
      const format = opts.format;
      if (!isExportFormat(format))
        throw new UserError(`--format must be one of ${FORMAT_NAMES.join(', ')}, not ${format}`);
      const params = paramsFrom(query, opts);
      checkParams(params); // a bad option is refused before Meilisearch is started
      const out = await cli.withMeili((conn) => exportRecords(conn.client, params, { format, reports: opts.reports }));
      if (opts.out) {
        const tmp = `${opts.out}.tmp-${process.pid}`;
        writeFileSync(tmp, out.text);
        renameSync(tmp, opts.out);
        cli.info(`wrote ${out.count} ${out.plural} to ${opts.out}`);
      } else {
        process.stdout.write(out.text);
        cli.info(`wrote ${out.count} ${out.plural}`);
      }
    });
}
