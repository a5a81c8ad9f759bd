/**
 * `pantau export --format csv|json|jsonl|md [filters] [--reports] [--out FILE]`: every matching incident (or,
 * with --reports, every matching report with its main text, URLs and incident ids). CSV is UTF-8 with a BOM,
 * one row per incident, sources as URLs; JSON and JSONL carry everything, provenance included.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import {
  INCIDENT_CSV_HEADER,
  REPORT_CSV_HEADER,
  incidentMarkdown,
  incidentRow,
  reportMarkdown,
  reportRow,
  toCsv,
} from '../kb/format.ts';
import { type ExportedReport, listIncidents, listReports } from '../kb/search.ts';
import type { Incident } from '../types.ts';
import { type FilterOptions, addFilterOptions, paramsFrom } from './search.ts';

const FORMATS = ['csv', 'json', 'jsonl', 'md'] as const;
type Format = (typeof FORMATS)[number];

export function register(program: Command, cli: Cli): void {
  addFilterOptions(
    program
      .command('export')
      .description('export incidents (or reports) matching the filters as CSV, JSON, JSONL or Markdown')
      .argument('[query...]', 'optional words to search for'),
  )
    .option('--format <format>', 'csv, json, jsonl or md', 'csv')
    .option('--reports', 'export reports (main text, URLs, incident ids) instead of incidents')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (query: string[], opts: FilterOptions & { format: string; reports?: boolean; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(opts.format)) {
        throw new UserError(`--format must be one of ${FORMATS.join(', ')}, not ${opts.format}`);
      }
      const format = opts.format as Format;
      const params = paramsFrom(query, opts);
      const text = await cli.withMeili(async (conn) => {
        const client = conn.client;
        if (opts.reports) {
          const reports: ExportedReport[] = [];
          for await (const r of listReports(client, params)) reports.push(r);
          cli.info(`${reports.length} reports`);
          return render(format, reports, REPORTS);
        }
        const incidents: Incident[] = [];
        for await (const i of listIncidents(client, params)) incidents.push(i);
        cli.info(`${incidents.length} incidents`);
        return render(format, incidents, INCIDENTS);
      });
      if (opts.out) {
        const tmp = `${opts.out}.tmp-${process.pid}`;
        writeFileSync(tmp, text);
        renameSync(tmp, opts.out);
        cli.info(`wrote ${opts.out}`);
      } else {
        process.stdout.write(text);
      }
    });
}

/** How one kind of record is exported: its CSV header and row, its Markdown section, and its name in the plural. */
interface Layout<T> {
  csvHeader: string[];
  csvRow: (item: T) => unknown[];
  markdown: (item: T) => string;
  plural: string;
}

const INCIDENTS: Layout<Incident> = {
  csvHeader: INCIDENT_CSV_HEADER,
  csvRow: incidentRow,
  markdown: incidentMarkdown,
  plural: 'incidents',
};
const REPORTS: Layout<ExportedReport> = {
  csvHeader: REPORT_CSV_HEADER,
  csvRow: reportRow,
  markdown: reportMarkdown,
  plural: 'reports',
};

function render<T>(format: Format, items: T[], layout: Layout<T>): string {
  switch (format) {
    case 'csv':
      return toCsv(layout.csvHeader, items.map(layout.csvRow));
    case 'json':
      return `${JSON.stringify(items, null, 2)}\n`;
    case 'jsonl':
      return items.map((i) => `${JSON.stringify(i)}\n`).join('');
    case 'md':
      return `# Pantau: ${items.length} ${layout.plural}\n\n${items.map(layout.markdown).join('\n\n')}\n`;
  }
}
