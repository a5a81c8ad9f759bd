/**
 * Completeness benchmark: 30,000 synthetic reports (bench/kb.ts's generator) with many equal dates (a fifth on one
 * day, the rest on about 3,700 days), a tenth with no date at all and a twentieth with no region, indexed with
 * the settings of index-config/ (pagination.maxTotalHits 10,000, fewer than the incidents). Checks that exports
 * (every format, incidents and reports, with and without a query), search totals, facets and the overview count
 * every incident, and times them. The baseline is what the previous listing and counts gave on the same index:
 * offset paging of `/documents/fetch` sorted by date until the first short page, and `estimatedTotalHits`.
 *
 * Run: npm run bench complete   (BENCH_REPORTS=100000 for more). Exits 1 when a count is wrong.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDataDir } from '../src/config.ts';
import { EXPORT_FORMATS, type ExportFormat, exportRecords } from '../src/kb/export.ts';
import { type IndexNames, rebuildIndexes } from '../src/kb/indexer.ts';
import { searchIncidents } from '../src/kb/search.ts';
import { buildKnowledgeBase } from '../src/kb/sync.ts';
import { connectMeili } from '../src/meili/embedded.ts';
import { waitOk } from '../src/meili/tasks.ts';
import type { Report } from '../types/index.ts';
import { meiliKbReader } from '../src/web/kb.ts';
import { createApp } from '../src/web/server.ts';
import { generate } from './kb.ts';

const N = Number(process.env.BENCH_REPORTS ?? 30_000);

function reports(n: number): Report[] {
  return generate(n).map((r, k) => {
    if (k % 10 === 0) return { ...r, published: null, outage: { start: null, end: null, evidence: [] } };
    if (k % 5 === 1) return { ...r, published: '2021-06-07', outage: { ...r.outage, start: '2021-06-07', end: null } };
    if (k % 20 === 3) return { ...r, regions: [] };
    return r;
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, Math.round(performance.now() - t0)];
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pantau-bench-complete-'));
  const conn = await connectMeili(resolveDataDir(root), { env: {} });
  const names: IndexNames = { incidents: 'incidents', reports: 'reports' };
  let wrong = 0;
  const check = (what: string, got: number, want: number, ms?: number, baseline?: number) => {
    const ok = got === want;
    if (!ok) wrong++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${what}: ${got} of ${want}${ms === undefined ? '' : ` in ${ms} ms`}${baseline === undefined ? '' : ` (before: ${baseline})`}`,
    );
  };
  try {
    const kb = buildKnowledgeBase(reports(N));
    const tops = kb.docs.incidents.filter((d) => !d.is_child);
    const incidentReports = kb.docs.reports.filter((d) => d.is_incident);
    console.log(
      `${N} reports → ${kb.reports.length} after merging copies, ${kb.incidents.length} incidents (${tops.length} top-level, ${tops.filter((d) => d.date_ts === null).length} undated)`,
    );
    const [, indexMs] = await timed(() => rebuildIndexes(conn.client, kb.docs, names));
    console.log(`indexed in ${indexMs} ms`);
    const incidents = conn.client.index(names.incidents);

    // What the previous code got: offset pages of /documents/fetch sorted by date, stopping at the first short one.
    let before = 0;
    for (let offset = 0; ; offset += 1000) {
      const page = await incidents.getDocuments({
        filter: 'is_child = false',
        fields: ['id'],
        limit: 1000,
        offset,
        sort: ['date_ts:desc'],
      });
      before += page.results.length;
      if (page.results.length < 1000) break;
    }
    const capped = (await incidents.search('', { filter: ['is_child = false'], limit: 0 })).estimatedTotalHits ?? 0;

    // The truth for a query: the hit count with the cap out of the way, then the cap put back.
    const cap = (await incidents.getPagination()).maxTotalHits ?? 0;
    await waitOk(incidents.updatePagination({ maxTotalHits: 10_000_000 }));
    const qTruth = (await incidents.search('lpse', { filter: ['is_child = false'], limit: 0 })).estimatedTotalHits;
    await waitOk(incidents.updatePagination({ maxTotalHits: cap }));
    const qCapped = (await incidents.search('lpse', { filter: ['is_child = false'], limit: 0 })).estimatedTotalHits;

    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
      const [inc, ms] = await timed(() => exportRecords(conn.client, {}, { format }, names));
      check(`export --format ${format}`, inc.count, tops.length, ms, format === 'jsonl' ? before : undefined);
    }
    const [all, allMs] = await timed(() =>
      exportRecords(conn.client, { includeChildren: true }, { format: 'jsonl' }, names),
    );
    check('export --format jsonl --children', all.text.split('\n').filter(Boolean).length, kb.incidents.length, allMs);
    const [rep, repMs] = await timed(() => exportRecords(conn.client, {}, { format: 'jsonl', reports: true }, names));
    check(
      'export --reports --format jsonl',
      rep.text.split('\n').filter(Boolean).length,
      incidentReports.length,
      repMs,
    );
    const [q, qMs] = await timed(() => exportRecords(conn.client, { q: 'lpse' }, { format: 'csv' }, names));
    check('export "lpse" --format csv', q.count, qTruth ?? -1, qMs, qCapped);
    const undatedOnly = tops.filter((d) => d.date_ts === null).length;
    const [sorted, sortedMs] = await timed(() =>
      exportRecords(conn.client, { sort: 'start:asc' }, { format: 'jsonl' }, names),
    );
    const lastLines = sorted.text.trim().split('\n').slice(-undatedOnly);
    const undatedLast = lastLines.filter(
      (l) => (JSON.parse(l) as { first_published: string | null }).first_published === null,
    ).length;
    check('export --sort start:asc, undated incidents last', undatedLast, undatedOnly, sortedMs);

    const [res, searchMs] = await timed(() => searchIncidents(conn.client, {}, names));
    check('search total', res.total, tops.length, searchMs, capped);
    const [resQ, searchQMs] = await timed(() => searchIncidents(conn.client, { q: 'lpse' }, names));
    check('search "lpse" total', resQ.total, qTruth ?? -1, searchQMs, qCapped);
    const years = Object.values(res.facets.year ?? {}).reduce((a, b) => a + b, 0);
    check('year facet + undated', years + tops.filter((d) => d.year === null).length, tops.length);
    const causes: Record<string, number> = {};
    for (const d of tops) for (const c of d.cause) causes[c] = (causes[c] ?? 0) + 1;
    for (const [cause, n] of Object.entries(causes)) check(`cause facet ${cause}`, res.facets.cause?.[cause] ?? 0, n);

    const web = await createApp({ kb: meiliKbReader(conn.client, { names }), cacheMs: 0, log: () => {} });
    try {
      const [ov, ovMs] = await timed(
        async () => (await (await web.app.request('/api/overview')).json()) as { total: number },
      );
      check('/api/overview total', ov.total, tops.length, ovMs, Math.min(1000, tops.length));
      const api = (await (await web.app.request('/api/search?q=lpse')).json()) as { total: number };
      check('/api/search?q=lpse total', api.total, qTruth ?? -1, undefined, qCapped);
    } finally {
      await web.close();
    }
    console.log(wrong ? `${wrong} counts wrong` : 'every count complete');
  } finally {
    await conn.close();
    rmSync(root, { recursive: true, force: true });
  }
  if (wrong) process.exitCode = 1;
}

await main();
