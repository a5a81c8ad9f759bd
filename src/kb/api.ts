/**
 * The knowledge base's query contract, shared by the CLI (`pantau search`, `export`, `incident`, `brief`) and the
 * web app (`pantau serve`). Types only: the implementation is in src/kb/search.ts.
 */
import type { CauseCategory, Incident, TitleParts } from '../../types/index.ts';

/** Filters a person can set; every value is validated and quoted before it reaches Meilisearch. */
export interface SearchParams {
  q?: string;
  cause?: CauseCategory[];
  province?: string[];
  regency?: string[];
  year?: number[];
  scope?: Array<'local' | 'national'>;
  allegation?: boolean;
  sourceKind?: string[];
  official?: string[];
  /** YYYY-MM-DD, inclusive, on the outage start (or first publication when no start). */
  from?: string;
  to?: string;
  sort?: 'relevance' | 'start:desc' | 'start:asc' | 'published:desc';
  limit?: number;
  offset?: number;
  /** Include child incidents of national ones (default false: parents only). */
  includeChildren?: boolean;
}

export type FacetName = 'cause' | 'province' | 'regency' | 'year' | 'allegation' | 'source_kind' | 'scope';

export interface SearchResult {
  hits: IncidentSummary[];
  total: number;
  facets: Partial<Record<FacetName, Record<string, number>>>;
  processingTimeMs: number;
}

/** What a result list shows of an incident. */
export interface IncidentSummary {
  id: string;
  title: string;
  scope: 'local' | 'national';
  province: string[];
  regency: string[];
  start: string | null;
  end: string | null;
  causes: CauseCategory[];
  allegation: boolean;
  sources: number;
  officials: string[];
  first_published: string | null;
  /** What the title says, as data (i18n displayTitle builds it in the reader's language). */
  title_parts?: TitleParts | null;
  /** `published`: start/end are only the first report's date, to be shown as "dilaporkan …". */
  window_basis?: 'outage' | 'published' | null;
}

export type { Incident };
