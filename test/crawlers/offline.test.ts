/**
 * Crawl the demo fixture sites, shut them down, then extract from the archive alone: the network is not needed
 * after the crawl.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { crawl } from '../../crawlers/crawl.ts';
import { countArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { DEMO_SITES, fixtureSources, serveFixtures } from '../../src/fixture-server.ts';
import { extractArchived } from '../../src/extract-archived.ts';
import { readReports } from '../../src/report-store.ts';

const root = mkdtempSync(join(tmpdir(), 'pantau-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('crawl, stop the sites, extract from the archive: the five seed incidents and no incident for the others', async () => {
  const dir = resolveDataDir(root);
  const served = await serveFixtures({ sites: DEMO_SITES });
  await crawl({ dataDir: dir, sources: fixtureSources(served), pacingMs: 0 });
  await served.close();
  const stats = extractArchived(dir);
  expect(stats.failed).toEqual([]);
  expect(stats.extracted).toBe(countArchived(dir));
  const reports = readReports(dir);
  const incidentRegions = new Set(reports.filter((r) => r.is_incident).flatMap((r) => r.regions.map((g) => g.regency)));
  for (const r of [
    'Kabupaten Luwu Utara',
    'Kabupaten Gresik',
    'Kabupaten Pacitan',
    'Kabupaten Mimika',
    'Kabupaten Barito Timur',
  ])
    expect(incidentRegions).toContain(r);
  for (const r of reports.filter((r) => /pelatihan|umumkan-tender/.test(r.url))) expect(r.is_incident).toBe(false);
  expect(reports.filter((r) => r.source.kind === 'lpse-announcement').length).toBe(3);
}, 120_000);
