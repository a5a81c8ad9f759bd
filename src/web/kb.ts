/**
 * The knowledge base as the web app and the brief read it: src/kb/search.ts over a Meilisearch client, with each
 * report cut down to what a reader is shown (title, source, date, links), never its full text.
 */
import { Meilisearch } from 'meilisearch';
import { hasArchived, readArchived } from '../archive.ts';
import type { DataDir } from '../config.ts';
import type { ReportRef } from '../brief/build.ts';
import type { KbReader } from '../brief/load.ts';
import { DEFAULT_INDEXES, type IndexNames } from '../kb/indexer.ts';
import { getIncident, getIncidentReports, listSummaries, searchIncidents } from '../kb/search.ts';
import type { Report } from '../../types/index.ts';

export interface KbReaderOptions {
  names?: IndexNames;
  /** The URL of Pantau's archived copy of a page, when it has one. */
  archiveUrl?: (report: Report) => string | null;
}

export function toReportRef(r: Report, archiveUrl?: (report: Report) => string | null): ReportRef {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    source: { name: r.source.name, host: r.source.host, kind: r.source.kind },
    published: r.published,
    archive_url: archiveUrl?.(r) ?? null,
    quotes: [...new Set(r.officials.flatMap((o) => o.quotes))],
  };
}

export function meiliKbReader(client: Meilisearch, opts: KbReaderOptions = {}): KbReader {
  const names = opts.names ?? DEFAULT_INDEXES;
  return {
    search: (params) => searchIncidents(client, params, names),
    all: (params) => listSummaries(client, params, names),
    incident: (id) => getIncident(client, id, names),
    reportsOf: async (id) => (await getIncidentReports(client, id, names)).map((r) => toReportRef(r, opts.archiveUrl)),
  };
}

/** The app's link to Pantau's archived copy of a page, when the archive has it. */
export function archiveLink(dir: DataDir, url: string): string | null {
  return hasArchived(dir, url) ? `/archive?url=${encodeURIComponent(url)}` : null;
}

/** Reads archived pages for the server's /archive route. */
export function archiveReader(dir: DataDir): (url: string) => { body: string; fetchedAt: string } | null {
  return (url) => {
    const a = readArchived(dir, url);
    return a ? { body: a.page.body, fetchedAt: a.page.fetchedAt } : null;
  };
}
