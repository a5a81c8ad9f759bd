/**
 * Exports: every incident (or report) matching the filters, rendered as CSV, JSON, JSONL or Markdown. The
 * listing is complete (src/kb/scan.ts), and the count returned is the number of records in the text.
 */
import type { Meilisearch } from 'meilisearch';
import type { Incident } from '../../types/index.ts';
import type { SearchParams } from './api.ts';
import {
  INCIDENT_CSV_HEADER,
  incidentMarkdown,
  incidentRow,
  REPORT_CSV_HEADER,
  reportMarkdown,
  reportRow,
  toCsv,
} from './format.ts';
import { DEFAULT_INDEXES, type IndexNames } from './indexer.ts';
import { type ExportedReport, listIncidents, listReports } from './search.ts';

/** The export formats: name, media type and file extension. */
export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  json: { type: 'application/json; charset=utf-8', ext: 'json' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', ext: 'jsonl' },
  md: { type: 'text/markdown; charset=utf-8', ext: 'md' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const isExportFormat = (f: string): f is ExportFormat => Object.hasOwn(EXPORT_FORMATS, f);

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

/** Renders records in a format. Pure. */
export function renderExport<T>(format: ExportFormat, items: T[], layout: Layout<T>): string {
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

export interface ExportResult {
  text: string;
  /** Records in `text`. */
  count: number;
  /** "incidents" or "reports". */
  plural: string;
}

/**
 * Every matching incident (or, with `reports`, report) rendered in `format`.
 *
 * @example (await exportRecords(client, { province: ['Kalimantan Tengah'] }, { format: 'csv' })).count
 */
export async function exportRecords(
  client: Meilisearch,
  params: SearchParams,
  opts: { format: ExportFormat; reports?: boolean },
  names: IndexNames = DEFAULT_INDEXES,
): Promise<ExportResult> {
  if (opts.reports) {
    const reports: ExportedReport[] = [];
    for await (const r of listReports(client, params, names)) reports.push(r);
    return { text: renderExport(opts.format, reports, REPORTS), count: reports.length, plural: REPORTS.plural };
  }
  const incidents: Incident[] = [];
  for await (const i of listIncidents(client, params, names)) incidents.push(i);
  return { text: renderExport(opts.format, incidents, INCIDENTS), count: incidents.length, plural: INCIDENTS.plural };
}
