/**
 * What the pipeline must never lose, end to end on the fixture sites (src/fixture-server.ts over real HTTP):
 * every archived page becomes a report or a recorded failure with its reason; every stored report is a report
 * document in the index (syndicated copies inside the one they copy); every incident report belongs to exactly one
 * top-level incident; and for the same filters `pantau search`, /api/search, `pantau export` in each format and the
 * brief count the same incidents. Every fixture site but the one that needs Chromium (layar-sulteng: the crawler
 * tests cover it, and it would double this file's time).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crawl } from '../../crawlers/crawl.ts';
import { listArchived } from '../../src/archive.ts';
import { buildBrief } from '../../src/brief/build.ts';
import { loadBriefInput } from '../../src/brief/load.ts';
import { type DataDir, resolveDataDir } from '../../src/config.ts';
import { FIXTURE_SITES, fixtureSources, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';
import type { SearchParams } from '../../src/kb/api.ts';
import { EXPORT_FORMATS, type ExportFormat, exportRecords } from '../../src/kb/export.ts';
import { syncIndexes } from '../../src/kb/run.ts';
import { scanById } from '../../src/kb/scan.ts';
import { listSummaries, searchIncidents } from '../../src/kb/search.ts';
import { readIncidents } from '../../src/kb/incident-store.ts';
import { connectMeili, type MeiliConnection } from '../../src/meili/embedded.ts';
import { type ExtractStats, extractArchived } from '../../src/extract-archived.ts';
import { readReports } from '../../src/report-store.ts';
import { meiliKbReader } from '../../src/web/kb.ts';
import { createApp } from '../../src/web/server.ts';
import { PANTAU } from '../helpers.ts';
import { exportedIds } from '../kb/exported.ts';

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];
let served: ServedFixtures;
let root: string;
let dir: DataDir;
let conn: MeiliConnection;
let extracted: ExtractStats;

async function pantau(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [PANTAU, '--data-dir', root, '-q', ...args], {
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, MEILI_URL: '', MEILI_MASTER_KEY: '' },
  });
  return stdout;
}

beforeAll(async () => {
  served = await serveFixtures();
  root = mkdtempSync(join(tmpdir(), 'pantau-invariants-'));
  dir = resolveDataDir(root);
  await crawl({
    dataDir: dir,
    sources: fixtureSources(
      served,
      FIXTURE_SITES.filter((s) => s !== 'layar-sulteng'),
    ),
    pacingMs: 0,
    timeoutMs: 2000,
    maxRetries: 1,
    backoffMs: 20,
    progressEveryMs: 60_000,
    log: () => {},
  });
  extracted = extractArchived(dir);
  conn = await connectMeili(dir, { env: {} });
  await syncIndexes(conn.client, dir);
}, 180_000);

afterAll(async () => {
  await conn?.close();
  await served?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('pages → reports → index', () => {
  test('every archived page is a stored report or a failure with its reason', () => {
    const pages = [...listArchived(dir)];
    expect(pages.length).toBeGreaterThan(10);
    for (const f of extracted.failed) expect(f.error.length, f.url).toBeGreaterThan(0);
    const stored = readReports(dir);
    expect(stored.length).toBe(pages.length - extracted.failed.length);
    expect(extracted.extracted).toBe(stored.length);
  });

  test('every stored report is in the index, copies inside the report they copy', async () => {
    const stored = readReports(dir);
    const indexed: string[] = [];
    for await (const page of scanById(conn.client.index('reports'), [], ['report_id', 'duplicate_ids'])) {
      for (const d of page) indexed.push(String(d.report_id), ...((d.duplicate_ids as string[]) ?? []));
    }
    expect(indexed.sort()).toEqual(stored.map((r) => r.id).sort());
  });

  test('every incident report belongs to exactly one top-level incident, and at most one child', () => {
    const incidents = readIncidents(dir);
    const stored = readReports(dir);
    const tops = new Map<string, number>();
    const children = new Map<string, number>();
    for (const i of incidents) {
      const into = i.parent_id ? children : tops;
      for (const r of i.report_ids) into.set(r, (into.get(r) ?? 0) + 1);
    }
    const merged = new Set(incidents.flatMap((i) => i.report_ids));
    for (const r of stored.filter((x) => x.is_incident && merged.has(x.id))) {
      expect(tops.get(r.id), r.url).toBe(1);
      expect(children.get(r.id) ?? 0, r.url).toBeLessThanOrEqual(1);
    }
    // A report left out of every incident is a syndicated copy, kept inside the report it copies.
    const copies = stored.filter((x) => x.is_incident && !merged.has(x.id));
    expect(copies.length).toBe(stored.filter((x) => x.is_incident).length - merged.size);
  });
});

describe('the same filters, the same count everywhere', () => {
  const regencyOf = () => {
    const incidents = readIncidents(dir).filter((i) => !i.parent_id && i.regions.some((g) => g.value.regency));
    return incidents[0]?.regions.find((g) => g.value.regency)?.value.regency as string;
  };

  test('pantau search and pantau export (CSV and Markdown; JSON and JSONL below, in process), over everything', async () => {
    // One after another: on a loaded machine, parallel CLIs slow the shared server's health check past its timeout.
    // Two formats through the CLI keep the file's time down; the next test runs every format through the same
    // exportRecords the command calls.
    const search = await pantau('search', '--json', '--children');
    const cliFormats: ExportFormat[] = ['csv', 'md'];
    const exports: string[] = [];
    for (const f of cliFormats) exports.push(await pantau('export', '--format', f, '--children'));
    const all = readIncidents(dir);
    expect(all.length).toBeGreaterThan(5);
    expect((JSON.parse(search) as { total: number }).total).toBe(all.length);
    for (const [k, f] of cliFormats.entries()) {
      const ids = exportedIds(f, exports[k] as string, 'incidents');
      expect(new Set(ids), f).toEqual(new Set(all.map((i) => i.id)));
      expect(ids.length, f).toBe(all.length);
    }
  });

  test('search, /api/search, export (each format, incidents and reports) and the brief agree', async () => {
    const regency = regencyOf();
    const sets: Array<[SearchParams, string]> = [
      [{}, ''],
      [{ q: 'server' }, 'q=server'],
      [{ regency: [regency], includeChildren: true }, `regency=${encodeURIComponent(regency)}&children=true`],
      [{ sort: 'start:asc' }, 'sort=start:asc'],
    ];
    const web = await createApp({ kb: meiliKbReader(conn.client), cacheMs: 0, minify: false, log: () => {} });
    try {
      for (const [params, query] of sets) {
        const total = (await searchIncidents(conn.client, params)).total;
        const api = (await (await web.app.request(`/api/search?${query}`)).json()) as { total: number };
        expect(api.total, query).toBe(total);
        const listed = await listSummaries(conn.client, params);
        expect(listed.length, query).toBe(total);
        for (const format of FORMATS) {
          const out = await exportRecords(conn.client, params, { format });
          expect(out.count, `${query} ${format}`).toBe(total);
          expect(exportedIds(format, out.text, 'incidents').length, `${query} ${format}`).toBe(total);
          const reports = await exportRecords(conn.client, params, { format, reports: true });
          expect(exportedIds(format, reports.text, 'reports').length, `${query} ${format}`).toBe(reports.count);
        }
      }
      // The brief of a kabupaten: its incidents, a national parent replaced by its child for the kabupaten.
      const listed = await listSummaries(conn.client, { regency: [regency], includeChildren: true });
      const ids = new Set(listed.map((s) => s.id));
      const full = readIncidents(dir).filter((i) => ids.has(i.id));
      const expected = full.filter((i) => !i.children_ids.some((c) => ids.has(c))).length;
      const brief = buildBrief(
        await loadBriefInput(meiliKbReader(conn.client), { regency }, { generated: '2026-01-01' }),
      );
      expect(brief.summary.incidents).toBe(expected);
    } finally {
      await web.close();
    }
  });
});
