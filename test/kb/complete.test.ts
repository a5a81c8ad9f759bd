/**
 * Nothing silently lost: on an index far larger than its pagination.maxTotalHits (set to 20 here, so the paging
 * logic is exercised with a few hundred documents), with runs of equal dates and incidents lacking a start date,
 * a region or a cause, every export format, `export --reports`, search totals, facets, the overview and the web
 * API count every matching incident. A real Meilisearch; the truth is the knowledge base built in memory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generate } from '../../bench/kb.ts';
import { resolveDataDir } from '../../src/config.ts';
import type { IndexDocument } from '../../src/kb/document.ts';
import { EXPORT_FORMATS, type ExportFormat, exportRecords } from '../../src/kb/export.ts';
import { type IndexNames, rebuildIndexes } from '../../src/kb/indexer.ts';
import { scanById } from '../../src/kb/scan.ts';
import { listIncidents, listReports, listSummaries, searchIncidents } from '../../src/kb/search.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import { connectMeili, type MeiliConnection } from '../../src/meili/embedded.ts';
import { waitOk } from '../../src/meili/tasks.ts';
import type { Report } from '../../types/index.ts';
import { meiliKbReader } from '../../src/web/kb.ts';
import { createApp } from '../../src/web/server.ts';
import { exportedIds } from './exported.ts';

const CAP = 20;
const names: IndexNames = { incidents: 'many_incidents', reports: 'many_reports' };

/** Synthetic reports where a third have no date at all, a third share one day, and some lack region or cause. */
function reports(): Report[] {
  return generate(360).map((r, k) => {
    const out: Report = structuredClone(r);
    if (k % 3 === 0) {
      out.outage = { start: null, end: null, evidence: [] };
      out.published = null;
    } else if (k % 3 === 1) {
      out.outage = { ...out.outage, start: '2021-06-07', end: null };
      out.published = '2021-06-07';
    }
    if (k % 5 === 0) out.regions = [];
    if (k % 4 === 0) out.causes = [];
    return out;
  });
}

const kb = buildKnowledgeBase(reports());
const tops = kb.docs.incidents.filter((d) => !d.is_child);
const incidentReports = kb.docs.reports.filter((d) => d.is_incident);
let conn: MeiliConnection;
/** Hits of a query with the index's own cap out of the way: what a complete listing must find. */
const truth = new Map<string, number>();
const QUERIES = ['server', 'listrik padam', 'Kalimantan'];

beforeAll(async () => {
  conn = await connectMeili(resolveDataDir(mkdtempSync(join(tmpdir(), 'pantau-complete-'))), { env: {} });
  await rebuildIndexes(conn.client, kb.docs, names);
  for (const q of QUERIES) {
    const res = await conn.client.index(names.incidents).search(q, { filter: ['is_child = false'], limit: 0 });
    truth.set(q, res.estimatedTotalHits ?? -1);
  }
  const res = await conn.client.index(names.reports).search('server', { filter: ['is_incident = true'], limit: 0 });
  truth.set('reports:server', res.estimatedTotalHits ?? -1);
  for (const uid of [names.incidents, names.reports]) {
    await waitOk(conn.client.index(uid).updateSettings({ pagination: { maxTotalHits: CAP } }));
  }
}, 120_000);

afterAll(async () => {
  await conn?.close();
});

describe('the test data', () => {
  test('is far over the cap, with undated, regionless and causeless incidents', () => {
    expect(tops.length).toBeGreaterThan(CAP * 5);
    expect(tops.filter((d) => d.date_ts === null).length).toBeGreaterThan(CAP);
    expect(tops.filter((d) => d.start === '2021-06-07').length).toBeGreaterThan(CAP);
    expect(tops.some((d) => d.province.length === 0)).toBe(true);
    expect(tops.some((d) => d.cause.length === 1 && d.cause[0] === 'unexplained')).toBe(true);
    for (const q of [...QUERIES, 'reports:server']) expect(truth.get(q), q).toBeGreaterThan(CAP);
  });
});

describe('listings', () => {
  test('every incident, parents and children, once; undated ones last in date order', async () => {
    const all: string[] = [];
    for await (const i of listIncidents(conn.client, { includeChildren: true }, names)) all.push(i.id);
    expect(all.length).toBe(kb.incidents.length);
    expect(new Set(all)).toEqual(new Set(kb.incidents.map((i) => i.id)));
    for (const sort of ['start:desc', 'start:asc', 'published:desc'] as const) {
      const list = await listSummaries(conn.client, { sort }, names);
      expect(list.length, sort).toBe(tops.length);
      const key = (s: (typeof list)[number]) =>
        sort === 'published:desc' ? s.first_published : (s.start ?? s.first_published);
      const keys = list.map(key);
      const firstNull = keys.indexOf(null);
      expect(firstNull, sort).toBeGreaterThan(0);
      expect(
        keys.slice(firstNull).every((k) => k === null),
        `${sort}: undated last`,
      ).toBe(true);
      const dated = keys.slice(0, firstNull) as string[];
      const sorted = [...dated].sort();
      expect(dated).toEqual(sort === 'start:asc' ? sorted : sorted.reverse());
    }
  });

  test('filters and queries list exactly what the index holds for them, past the cap', async () => {
    const expectFilter = async (params: object, match: (d: IndexDocument) => boolean) => {
      const want = tops.filter(match).map((d) => d.id);
      expect(want.length, JSON.stringify(params)).toBeGreaterThan(CAP);
      const got = (await listSummaries(conn.client, params, names)).map((s) => s.id);
      expect(got.sort(), JSON.stringify(params)).toEqual(want.sort());
      expect((await searchIncidents(conn.client, params, names)).total, JSON.stringify(params)).toBe(want.length);
    };
    await expectFilter({ cause: ['unexplained'] }, (d) => d.cause.includes('unexplained'));
    await expectFilter({ from: '2021-06-07', to: '2021-06-07' }, (d) => d.date_ts === Date.UTC(2021, 5, 7) / 1000);
    await expectFilter({ scope: ['local'] }, (d) => d.scope === 'local');
    for (const q of QUERIES) {
      const got = await listSummaries(conn.client, { q }, names);
      expect(got.length, q).toBe(truth.get(q));
      expect(new Set(got.map((s) => s.id)).size, q).toBe(got.length);
      expect((await searchIncidents(conn.client, { q }, names)).total, q).toBe(truth.get(q));
      const sorted = await listSummaries(conn.client, { q, sort: 'start:asc' }, names);
      expect(sorted.length, q).toBe(truth.get(q));
    }
  });

  test('every report of an incident, and ids equal but for case, are listed once', async () => {
    const reportsOut: string[] = [];
    for await (const r of listReports(conn.client, {}, names)) reportsOut.push(r.id);
    expect(reportsOut.sort()).toEqual(incidentReports.map((d) => d.report_id).sort());
    const uid = 'case_ids';
    await waitOk(conn.client.createIndex(uid, { primaryKey: 'id' }));
    await waitOk(conn.client.index(uid).updateSettings({ filterableAttributes: ['id'], sortableAttributes: ['id'] }));
    // Meilisearch compares ids lowercased: three ids share the key "r-a", so pages of 4 and 5 end inside the run.
    const ids = ['r-A', 'r-a', 'R-a', 'r-b', 'r-B', 'r-c', 'r_a', 'r-', 'x', 'X'];
    await waitOk(conn.client.index(uid).addDocuments(ids.map((id) => ({ id }))));
    for (const page of [4, 5, 7, 100]) {
      const got: string[] = [];
      for await (const p of scanById(conn.client.index(uid), [], ['id'], page)) got.push(...p.map((d) => String(d.id)));
      expect(got.sort(), `page ${page}`).toEqual([...ids].sort());
    }
  });
});

describe('search totals, facets, overview and the web API', () => {
  test('totals and facets count every incident, not the first maxTotalHits', async () => {
    const res = await searchIncidents(conn.client, {}, names);
    expect(res.total).toBe(tops.length);
    const years = Object.values(res.facets.year ?? {}).reduce((a, b) => a + b, 0);
    expect(years + tops.filter((d) => d.year === null).length).toBe(tops.length);
    const causes: Record<string, number> = {};
    for (const d of tops) for (const c of d.cause) causes[c] = (causes[c] ?? 0) + 1;
    expect(res.facets.cause).toEqual(causes);
  });

  test('/api/search, /api/facets and /api/overview count every incident, undated ones included', async () => {
    const web = await createApp({
      kb: meiliKbReader(conn.client, { names }),
      cacheMs: 0,
      minify: false,
      log: () => {},
    });
    try {
      const get = async (path: string) => {
        const res = await web.app.request(path);
        expect(res.status, path).toBe(200);
        return (await res.json()) as Record<string, unknown>;
      };
      expect((await get('/api/search')).total).toBe(tops.length);
      expect((await get('/api/search?cause=unexplained')).total).toBe(
        tops.filter((d) => d.cause.includes('unexplained')).length,
      );
      expect((await get('/api/facets?q=server')).total).toBe(truth.get('server'));
      const overview = (await get('/api/overview')) as {
        total: number;
        undated: number;
        series: Array<{ counts: number[] }>;
      };
      expect(overview.total).toBe(tops.length);
      const undated = tops.filter((d) => !d.start && !d.first_published).length;
      expect(overview.undated).toBe(undated);
      const charted = overview.series.flatMap((s) => s.counts).reduce((a, b) => a + b, 0);
      expect(charted + undated).toBe(tops.length);
    } finally {
      await web.close();
    }
  });
});

describe('exports', () => {
  const formats = Object.keys(EXPORT_FORMATS) as ExportFormat[];

  test.each(formats)(
    '%s: every incident and every report, the count returned being the count written',
    async (format) => {
      const inc = await exportRecords(conn.client, { includeChildren: true }, { format }, names);
      const ids = exportedIds(format, inc.text, 'incidents');
      expect(inc.count).toBe(kb.incidents.length);
      expect(ids.length).toBe(inc.count);
      expect(new Set(ids)).toEqual(new Set(kb.incidents.map((i) => i.id)));
      const rep = await exportRecords(conn.client, {}, { format, reports: true }, names);
      expect(rep.count).toBe(incidentReports.length);
      expect(exportedIds(format, rep.text, 'reports').length).toBe(rep.count);
      const repQ = await exportRecords(conn.client, { q: 'server' }, { format, reports: true }, names);
      expect(repQ.count).toBe(truth.get('reports:server'));
      expect(exportedIds(format, repQ.text, 'reports').length).toBe(repQ.count);
      const q = await exportRecords(conn.client, { q: 'server' }, { format }, names);
      expect(q.count).toBe(truth.get('server'));
      expect(exportedIds(format, q.text, 'incidents').length).toBe(q.count);
    },
  );
});
