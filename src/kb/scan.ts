/**
 * Every document matching a filter (and a query), for exports and the overview, however many there are.
 *
 * Two behaviours of Meilisearch 1.21 make the obvious ways lose documents silently:
 * - `/documents/fetch` with a `sort` returns an empty page when the offset lands inside a run of documents with
 *   the same sort value (meilisearch#5954, #5992), so paging by offset over `date_ts:desc` stops early;
 * - a search returns at most `pagination.maxTotalHits` hits, whatever the offset.
 *
 * So nothing here pages by offset. Documents are read in the order of their primary key `id` (unique, filterable
 * and sortable in index-config/), each page asking for `id >= <last id>`: keyset pagination, which no run of equal
 * values can confuse. A query is answered chunk by chunk: the ids matching the filter are cut into ranges of fewer
 * ids than `maxTotalHits`, and the query runs inside each range, so no search can reach the cap. The wanted order
 * (relevance, date) is applied afterwards, in memory, with documents lacking the sort field last. The listing
 * ends when a page brings nothing new (never on a short page), and its count is checked against the index's own.
 */
import type { Index } from 'meilisearch';
import { UserError } from '../errors.ts';
import { quoteFilterValue } from './filter.ts';

/** Documents per request. */
export const SCAN_PAGE = 1000;

export type Doc = Record<string, unknown>;

/**
 * How Meilisearch compares string values in filters and sorts: lowercased (document ids are ASCII, see
 * toDocumentId). `id > "r-A"` is evaluated against the stored "r-a", so boundaries are given in this form.
 */
const keyOf = (id: string) => id.toLowerCase();

/** Turns "the index lacks `id` as a filter" (an index built before it was) into advice; rethrows the rest. */
function explainScan(err: unknown): never {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'index_not_found') throw new UserError('the knowledge base is empty: run `pantau index` first');
  if (/invalid_(document|search)_(filter|sort)/.test(cause?.code ?? '') && /\bid\b/.test(cause?.message ?? '')) {
    throw new UserError('the index was built by an older Pantau: run `pantau index` to update it, then retry');
  }
  throw err;
}

/**
 * Pages of documents matching `filter`, in id order, each page read with `id >= <last id>` and stripped of the ids
 * already given (ids equal but for case share a boundary). Returns when a page has nothing new.
 *
 * @example for await (const page of scanById(client.index('incidents'), ['is_child = false'], ['id', 'title'])) …
 */
export async function* scanById(
  index: Index<Doc>,
  filter: readonly string[],
  fields: readonly string[],
  page = SCAN_PAGE,
): AsyncGenerator<Doc[]> {
  let boundary: string | null = null;
  // The ids given so far whose key equals the boundary: the next page starts with them again.
  let atBoundary = new Set<string>();
  for (;;) {
    const f = boundary === null ? [...filter] : [...filter, `id >= ${quoteFilterValue(boundary)}`];
    const res = await index
      .getDocuments({
        filter: f.length ? f.join(' AND ') : undefined,
        fields: [...new Set(['id', ...fields])],
        limit: page,
        sort: ['id:asc'],
      })
      .catch(explainScan);
    const fresh = res.results.filter((d) => !atBoundary.has(String(d.id)));
    if (!fresh.length) {
      if (res.results.length >= page) throw new Error(`more than ${page} document ids equal but for case`);
      return;
    }
    const last = keyOf(String(fresh.at(-1)?.id));
    if (boundary !== null && last < boundary) throw new Error('Meilisearch returned documents out of id order');
    const next = new Set<string>(last === boundary ? atBoundary : []);
    for (const d of fresh) if (keyOf(String(d.id)) === last) next.add(String(d.id));
    boundary = last;
    atBoundary = next;
    yield fresh;
  }
}

/** How many documents match `filter` (exact: `/documents/fetch` counts without the search cap). */
export async function countDocs(index: Index<Doc>, filter: readonly string[]): Promise<number> {
  const res = await index
    .getDocuments({ filter: filter.length ? filter.join(' AND ') : undefined, fields: ['id'], limit: 1 })
    .catch(explainScan);
  return res.total;
}

/** The index's pagination.maxTotalHits: no search returns more hits than this. */
async function maxTotalHits(index: Index<Doc>): Promise<number> {
  const p = await index.getPagination().catch(explainScan);
  return p.maxTotalHits ?? 1000;
}

export interface Scanned {
  docs: Doc[];
  /** What the index counted for the same filter (and query) before the listing began. */
  expected: number;
}

/** Listings tried before giving up on an index that keeps changing under them (a rebuild swaps in once). */
const ATTEMPTS = 3;

/**
 * Every document matching `filter` and, when `q` is not empty, the query; each with `_rankingScore` for a query.
 * A listing whose count differs from the index's (the index changed meanwhile: `pantau index` swapped or upserted)
 * is read again; after ATTEMPTS, a UserError says so rather than return a partial list.
 */
export async function scanAll(
  index: Index<Doc>,
  q: string,
  filter: readonly string[],
  fields: readonly string[],
): Promise<Scanned> {
  for (let attempt = 1; ; attempt++) {
    const s = await scanOnce(index, q, filter, fields);
    if (s.docs.length === s.expected) return s;
    if (attempt >= ATTEMPTS) {
      throw new UserError(
        `the index changed while it was read (${s.docs.length} documents listed, ${s.expected} counted): run the command again`,
      );
    }
  }
}

async function scanOnce(
  index: Index<Doc>,
  q: string,
  filter: readonly string[],
  fields: readonly string[],
): Promise<Scanned> {
  if (!q) {
    const expected = await countDocs(index, filter);
    const docs: Doc[] = [];
    for await (const page of scanById(index, filter, fields)) docs.push(...page);
    return { docs, expected };
  }
  // Ranges of at most half the cap, searched with a limit of the cap: a range that fills its limit would be cut.
  const cap = await maxTotalHits(index);
  const chunk = Math.max(1, Math.min(SCAN_PAGE, Math.floor(cap / 2)));
  const limit = Math.min(cap, chunk * 2);
  const docs: Doc[] = [];
  const seen = new Set<string>();
  let expected = 0;
  const ranges: Array<[string, string]> = [];
  for await (const page of scanById(index, filter, ['id'], chunk)) {
    ranges.push([keyOf(String(page[0]?.id)), keyOf(String(page.at(-1)?.id))]);
  }
  const head = await index.search(q, { filter: [...filter], limit: 0, facets: ['scope'] }).catch(explainScan);
  expected = facetTotal(head.facetDistribution?.scope, head.estimatedTotalHits ?? 0);
  for (const [lo, hi] of ranges) {
    const res = await index
      .search(q, {
        filter: [...filter, `id >= ${quoteFilterValue(lo)}`, `id <= ${quoteFilterValue(hi)}`],
        limit,
        attributesToRetrieve: [...new Set(['id', ...fields])],
        showRankingScore: true,
      })
      .catch(explainScan);
    // A range of `chunk` ids cannot fill a larger limit: if it does, hits were cut, and the listing says so.
    if (res.hits.length >= limit && limit > chunk)
      throw new Error(`a range of ${chunk} ids gave ${res.hits.length} hits`);
    for (const h of res.hits) {
      const id = String(h.id);
      if (seen.has(id)) continue;
      seen.add(id);
      docs.push(h);
    }
  }
  return { docs, expected };
}

/**
 * The exact number of hits of a search: the sum of its `scope` facet, which every document has once and which
 * Meilisearch counts over all candidates (`estimatedTotalHits` stops at pagination.maxTotalHits).
 */
export function facetTotal(scope: Record<string, number> | undefined, estimated: number): number {
  const sum = Object.values(scope ?? {}).reduce((a, b) => a + b, 0);
  return Math.max(sum, estimated);
}

/** Orders a listing: by a numeric field (missing last), or by ranking score; ties by id, so the order is stable. */
export function orderDocs(docs: Doc[], by: { field: string; desc: boolean } | 'score'): Doc[] {
  const idOrder = (a: Doc, b: Doc) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return docs.sort((a, b) => {
    if (by === 'score') return (num(b._rankingScore) ?? 0) - (num(a._rankingScore) ?? 0) || idOrder(a, b);
    const x = num(a[by.field]);
    const y = num(b[by.field]);
    if (x === null || y === null) return x === y ? idOrder(a, b) : x === null ? 1 : -1;
    return (by.desc ? y - x : x - y) || idOrder(a, b);
  });
}
