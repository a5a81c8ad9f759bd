/**
 * The pipeline's chain of types, one function per arrow:
 *
 *   RawPage --toArticle()--> Article --buildReport()--> Report --groupIncidents()--> Incident --toDocument()--> IndexDocument
 *
 * `Report` follows ../shared/SCHEMA.md exactly for the fields it fixes; fields marked "added" are Pantau's own.
 * Types (and the cause list they name), no code of any stage: at the top level so `extractors/`, `crawlers/` and `src/` all import it, and
 * `extractors/` need import nothing from `src/`.
 */

/** A fetched page as archived by a crawler: the raw bytes' text plus fetch metadata. */
export interface RawPage {
  /** The URL the crawler asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
  /** The decoded HTML (or XML, or text). */
  body: string;
  /** Which configured source produced it (id from crawlers/sources), if any. */
  sourceId?: string | undefined;
  /** news | lpse-announcement | lpse-error | ... */
  kind?: SourceKind | undefined;
  /** A further page of a paginated article ("Halaman 2"): the URL of its first page, as archived. */
  partOf?: string | undefined;
  /** Its page number (2, 3, …), with `partOf`. */
  part?: number | undefined;
  /** The further pages this page links to (first page: 2, 3…; a part: the ones after it), in page order. */
  parts?: string[] | undefined;
}

/** `probe`: an outage episode Pantau's own probes saw (src/series/probe-reports.ts), its text the probe rows. */
export type SourceKind = 'news' | 'lpse-announcement' | 'lpse-observation' | 'probe' | 'other';

/** A page reduced to its main text and metadata (extractors/article). */
export interface Article {
  url: string;
  canonicalUrl: string | null;
  title: string;
  /** Main text, paragraphs separated by blank lines, boilerplate removed. */
  text: string;
  /** YYYY-MM-DD or null. */
  published: string | null;
  author: string | null;
  publisher: string | null;
  /** The page's declared language (html lang), as written, or null. */
  lang: string | null;
  /** The site's host without "www." (extractors/hosts.ts siteHostOf), the form a report's `source.host` carries. */
  host: string | null;
  kind: SourceKind;
}

/** A piece of source text that supports a value. */
export interface Span {
  text: string;
  /** Character offsets in Article.text, when known. */
  start?: number;
  end?: number;
}

/** What an extractor returns: a value and the sentence(s) behind it. */
export interface Extracted<T> {
  value: T;
  evidence: Span[];
  confidence: number;
}

export type CauseCategory =
  | 'hardware'
  | 'upgrade'
  | 'pdn'
  | 'power'
  | 'network'
  | 'cyberattack'
  | 'overload'
  | 'maintenance'
  | 'unexplained';

export const CAUSE_CATEGORIES: readonly CauseCategory[] = [
  'hardware',
  'upgrade',
  'pdn',
  'power',
  'network',
  'cyberattack',
  'overload',
  'maintenance',
  'unexplained',
];

export interface Region {
  province: string;
  province_code: string;
  /** Official name, e.g. "Kabupaten Barito Timur"; null for a province-level LPSE. */
  regency: string | null;
  regency_code: string | null;
  evidence: string;
}

export interface Cause {
  category: CauseCategory;
  evidence: string;
  certainty: 'stated' | 'suspected';
  /** added: who stated or suspected it, when known. */
  by?: string | null;
}

export interface Official {
  name: string;
  role: string | null;
  organization: string | null;
  stance: 'official' | 'complainant' | 'other';
  quotes: string[];
}

/** One report per source document (../shared/SCHEMA.md). */
export interface Report {
  id: string;
  url: string;
  title: string;
  text: string;
  source: { name: string | null; host: string | null; kind: SourceKind };
  language: string;
  published: string | null;
  is_incident: boolean;
  scope: 'local' | 'national';
  regions: Region[];
  lpse: { name: string; host: string | null } | null;
  outage: {
    start: string | null;
    end: string | null;
    evidence: string[];
    /** The evidence sentences with their offsets into Article.text (Report.text), for highlighting. */
    spans?: Span[];
  };
  causes: Cause[];
  allegation: { present: boolean; evidence: string[]; by?: string[] };
  officials: Official[];
  impact: { schedule_changed: boolean; manual_fallback: boolean; tenders_affected?: boolean; evidence: string[] };
  /** added: every URL this report's text was found at (syndicated copies). */
  urls?: string[];
  /** added: the extractor version, so re-extraction can be detected. */
  extractor_version?: string;
}

/** What an incident's title says: built into words at the edge, in the reader's language. */
export interface TitleParts {
  /** A national outage (with `affected` LPSEs), or the outage of one LPSE (`name`). */
  national: boolean;
  /** For a national outage: the PDN disruption, rather than SPSE itself. */
  pdn?: boolean;
  affected?: number;
  /** "LPSE Kabupaten Barito Timur", or null when the LPSE is unknown. */
  name?: string | null;
  /** The outage's first day, or the first publication when `reported`; null when neither is known. */
  date: string | null;
  /** `date` is when the outage was first reported, not when it happened. */
  reported: boolean;
}

/** A merged value of an incident with the reports it came from. */
export interface Sourced<T> {
  value: T;
  report_ids: string[];
}

/** Reports about one outage of one LPSE (or one national outage). */
export interface Incident {
  /** Stable: does not change when more reports arrive. */
  id: string;
  title: string;
  scope: 'local' | 'national';
  /** For a child of a national incident, the parent's id. */
  parent_id: string | null;
  children_ids: string[];
  regions: Sourced<Region>[];
  lpse: Sourced<{ name: string; host: string | null }>[];
  /** Several when reports disagree. */
  starts: Sourced<string>[];
  ends: Sourced<string>[];
  causes: Sourced<Cause>[];
  allegation: { present: boolean; evidence: Sourced<string>[] };
  officials: Sourced<Official>[];
  impact: { schedule_changed: boolean; manual_fallback: boolean; evidence: Sourced<string>[] };
  report_ids: string[];
  urls: string[];
  first_published: string | null;
  /** added: what the reports were grouped on: `r:<regency or province code>`, `h:<lpse host>`, or `national`. */
  key?: string;
  /**
   * added: the window the reports were grouped on (earliest start, else publication; latest end), YYYY-MM-DD, and
   * what it rests on: `outage` when a report gives an outage date, `published` when only publication dates are
   * known (then it must be shown as "dilaporkan …", never as the outage's date).
   */
  window?: { start: string | null; end: string | null; basis?: 'outage' | 'published' | null };
  /** added: what the title says, as data, so each reader's language builds its own (brief/i18n incidentTitle). */
  title_parts?: TitleParts;
  /** added: the categories the incident counts: stated causes, else `unexplained` (SCHEMA.md). */
  cause_categories?: CauseCategory[];
  /** added: ids of earlier incidents this one absorbed, so links to them still resolve. */
  aliases?: string[];
  /**
   * added, when Pantau's own probes saw the outage (a `probe` report): the days (YYYY-MM-DD, the LPSE's time zone)
   * the probes observed it down, and the days only the other reports give.
   */
  days?: { observed: string[]; reported: string[] };
}
