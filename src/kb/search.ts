/**
 * The knowledge base's read side (contract in src/kb/api.ts): searching incidents with facet counts, one incident
 * in full, its reports, and exhaustive listings for export. Used by `pantau search/incident/export` and the web app.
 */
import type { Meilisearch } from 'meilisearch';
import { UserError } from '../errors.ts';
import type { CauseCategory, Incident } from '../../types/index.ts';
import type { FacetName, IncidentSummary, SearchParams, SearchResult } from './api.ts';
import type { DedupedReport } from './dedupe.ts';
import { type IndexDocument, toDocumentId } from './document.ts';
import { buildFilter, buildSort, checkParams, quoteFilterValue } from './filter.ts';
import { DEFAULT_INDEXES, type IndexNames } from './indexer.ts';
import { facetTotal, orderDocs, scanAll, scanById } from './scan.ts';

export { buildFilter, checkParams, quoteFilterValue, SearchParamError } from './filter.ts';

export const FACETS: FacetName[] = ['cause', 'province', 'regency', 'year', 'allegation', 'source_kind', 'scope'];

/** What a result list needs of a document: the big fields (text, incident_json) stay on the server. */
export const SUMMARY_FIELDS = [
  'id',
  'title',
  'scope',
  'province',
  'regency',
  'start',
  'end',
  'cause',
  'allegation',
  'sources',
  'officials',
  'first_published',
  'title_parts',
  'window_basis',
] as const satisfies ReadonlyArray<keyof IndexDocument>;

type SummaryDoc = Pick<IndexDocument, (typeof SUMMARY_FIELDS)[number]>;

function toSummary(d: SummaryDoc): IncidentSummary {
  return {
    id: d.id,
    title: d.title,
    scope: d.scope,
    province: d.province ?? [],
    regency: d.regency ?? [],
    start: d.start ?? null,
    end: d.end ?? null,
    causes: (d.cause ?? []) as CauseCategory[],
    allegation: Boolean(d.allegation),
    sources: d.sources ?? 0,
    officials: d.officials ?? [],
    first_published: d.first_published ?? null,
    title_parts: d.title_parts ?? null,
    window_basis: d.window_basis ?? null,
  };
}

/** The report a `reports` document was made from (its JSON carries everything but the main text). */
function fromReportDocument(d: { report_json?: unknown; text?: unknown }): DedupedReport {
  const report = JSON.parse(String(d.report_json)) as DedupedReport;
  report.text = String(d.text ?? '');
  return report;
}

/** Turns "index not found" into advice; everything else propagates. */
function explain(err: unknown): never {
  const code = (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'index_not_found') throw new UserError('the knowledge base is empty: run `pantau index` first');
  throw err;
}

/**
 * Searches incidents: full text over title, region, causes' evidence, quotes and text, with validated, quoted
 * filters and facet counts for cause, province, regency, year, allegation, source_kind and scope.
 *
 * @example await searchIncidents(client, { q: 'server rusak', cause: ['hardware'], province: ['Kalimantan Tengah'] })
 */
export async function searchIncidents(
  client: Meilisearch,
  params: SearchParams,
  names: IndexNames = DEFAULT_INDEXES,
): Promise<SearchResult> {
  const p = checkParams(params);
  const sort = buildSort(p.sort);
  try {
    const res = await client.index<SummaryDoc>(names.incidents).search(p.q, {
      filter: buildFilter(p),
      facets: FACETS,
      limit: p.limit,
      offset: p.offset,
      attributesToRetrieve: [...SUMMARY_FIELDS],
      ...(sort ? { sort } : {}),
    });
    return {
      hits: res.hits.map(toSummary),
      // estimatedTotalHits stops at pagination.maxTotalHits; the facet counts do not.
      total: facetTotal(res.facetDistribution?.scope, res.estimatedTotalHits ?? res.hits.length),
      facets: (res.facetDistribution ?? {}) as SearchResult['facets'],
      processingTimeMs: res.processingTimeMs,
    };
  } catch (err) {
    explain(err);
  }
}

/**
 * One incident in full, provenance included; also found by an id it absorbed (Incident.aliases). Null if unknown.
 *
 * @example await getIncident(client, 'inc-5d2f0c8a9b1e4f77')
 */
export async function getIncident(
  client: Meilisearch,
  id: string,
  names: IndexNames = DEFAULT_INDEXES,
): Promise<Incident | null> {
  if (typeof id !== 'string' || !id.trim() || id.length > 200) return null;
  const index = client.index<Pick<IndexDocument, 'incident_json'>>(names.incidents);
  try {
    const doc = await index.getDocument(toDocumentId(id.trim()), { fields: ['incident_json'] });
    return JSON.parse(doc.incident_json) as Incident;
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code !== 'document_not_found') explain(err);
  }
  const res = await index.search('', {
    filter: [`aliases = ${quoteFilterValue(id.trim())}`],
    limit: 1,
    attributesToRetrieve: ['incident_json'],
  });
  const hit = res.hits[0];
  return hit ? (JSON.parse(hit.incident_json) as Incident) : null;
}

/** The reports of an incident (with every URL of each), oldest first. */
export async function getIncidentReports(
  client: Meilisearch,
  incidentId: string,
  names: IndexNames = DEFAULT_INDEXES,
): Promise<DedupedReport[]> {
  const out: DedupedReport[] = [];
  const index = client.index<Record<string, unknown>>(names.reports);
  for await (const page of scanById(
    index,
    [`incident_ids = ${quoteFilterValue(incidentId)}`],
    ['report_json', 'text'],
  )) {
    for (const d of page) out.push(fromReportDocument(d));
  }
  return out.sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id));
}

/** Incidents in a listing: everything the order needs besides what the caller asked for. */
const ORDER_FIELDS = ['date_ts', 'published_ts'];

/**
 * Every document of `target` matching the filters and query, in the order asked for (relevance with a query, else
 * outage start, newest first), documents lacking the sort field last. See src/kb/scan.ts for why this is complete.
 */
async function listDocs(
  client: Meilisearch,
  uid: string,
  target: 'incidents' | 'reports',
  fields: string[],
  params: SearchParams,
): Promise<Array<Record<string, unknown>>> {
  const p = checkParams({ ...params, limit: undefined, offset: undefined });
  const { docs } = await scanAll(client.index(uid), p.q, buildFilter(p, target), [...fields, ...ORDER_FIELDS]);
  const sort = p.sort === 'relevance' && !p.q ? 'start:desc' : p.sort;
  if (sort === 'relevance') return orderDocs(docs, 'score');
  return orderDocs(docs, {
    field: sort === 'published:desc' ? 'published_ts' : 'date_ts',
    desc: sort !== 'start:asc',
  });
}

/**
 * Every incident matching the filters (not only the first page of a search), in full, provenance included.
 *
 * @example for await (const i of listIncidents(client, { cause: ['pdn'] })) console.log(i.title)
 */
export async function* listIncidents(
  client: Meilisearch,
  params: SearchParams,
  names: IndexNames = DEFAULT_INDEXES,
): AsyncGenerator<Incident> {
  for (const d of await listDocs(client, names.incidents, 'incidents', ['incident_json'], params)) {
    yield JSON.parse(String(d.incident_json)) as Incident;
  }
}

/**
 * The summaries of every incident matching the filters, in the listing's order (what the overview counts).
 *
 * @example (await listSummaries(client, { province: ['Kalimantan Tengah'] })).length
 */
export async function listSummaries(
  client: Meilisearch,
  params: SearchParams,
  names: IndexNames = DEFAULT_INDEXES,
): Promise<IncidentSummary[]> {
  const docs = await listDocs(client, names.incidents, 'incidents', [...SUMMARY_FIELDS], params);
  return docs.map((d) => toSummary(d as unknown as SummaryDoc));
}

/** A report as exported: its fields, every URL, and the incidents it belongs to. */
export type ExportedReport = DedupedReport & { incident_ids: string[] };

/** Every incident report matching the filters (for `export --reports`), each with its URLs and incident ids. */
export async function* listReports(
  client: Meilisearch,
  params: SearchParams,
  names: IndexNames = DEFAULT_INDEXES,
): AsyncGenerator<ExportedReport> {
  for (const d of await listDocs(client, names.reports, 'reports', ['report_json', 'text', 'incident_ids'], params)) {
    yield { ...fromReportDocument(d), incident_ids: (d.incident_ids as string[]) ?? [] };
  }
}
