/**
 * The knowledge base against a real embedded Meilisearch (one server for this file): indexing the fixture
 * reports, searching with facets, literal filter values, getIncident, and a rebuild swapped in under a search loop.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveDataDir } from '../../src/config.ts';
import { toDocument } from '../../src/kb/document.ts';
import { type IndexNames, rebuildIndexes, upsertIncidents } from '../../src/kb/indexer.ts';
import { getIncident, getIncidentReports, listIncidents, searchIncidents } from '../../src/kb/search.ts';
import { applySettings, loadIndexConfig } from '../../src/kb/settings.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import { type MeiliConnection, connectMeili } from '../../src/meili/embedded.ts';
import { waitOk } from '../../src/meili/tasks.ts';
import { fixtureList, loadFixtures } from './helpers.ts';

let conn: MeiliConnection;
const names: IndexNames = { incidents: 'incidents', reports: 'reports' };
const kb = buildKnowledgeBase(fixtureList());

beforeAll(async () => {
  conn = await connectMeili(resolveDataDir(mkdtempSync(join(tmpdir(), 'pantau-kb-'))));
  await rebuildIndexes(conn.client, kb.docs, names);
});

afterAll(async () => {
  await conn?.close();
});

describe('searchIncidents', () => {
  test('cause hardware in Kalimantan Tengah finds the Barito Timur 2021 outage, with facet counts', async () => {
    const res = await searchIncidents(conn.client, { cause: ['hardware'], province: ['Kalimantan Tengah'] }, names);
    expect(res.hits.map((h) => h.title)).toEqual(['Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021']);
    const hit = res.hits[0]!;
    expect(hit).toMatchObject({ regency: ['Kabupaten Barito Timur'], start: '2021-06-07', causes: ['hardware'] });
    // antara + its syndicated copy (two URLs, one report) + borneonews + kalteng today
    expect(hit.sources).toBe(4);
    expect(res.facets.cause).toEqual({ hardware: 1 });
    expect(res.facets.province).toEqual({ 'Kalimantan Tengah': 1 });
    expect(res.facets.year).toEqual({ '2021': 1 });
    expect(res.facets.allegation).toEqual({ true: 1 });
  });

  test('facets over everything count every top-level incident once', async () => {
    const res = await searchIncidents(conn.client, {}, names);
    // Bartim 2021, Bartim 2022, Luwu Utara 2020, PDN 2024 (children hidden)
    expect(res.total).toBe(4);
    expect(res.facets.scope).toEqual({ local: 3, national: 1 });
    expect(res.facets.cause?.pdn).toBe(1);
    const withChildren = await searchIncidents(conn.client, { includeChildren: true }, names);
    expect(withChildren.total).toBe(7);
  });

  test('full-text query uses the domain synonyms: "diretas" finds the PDN outage described as hacked', async () => {
    const res = await searchIncidents(conn.client, { q: 'peretasan', includeChildren: true }, names);
    expect(res.hits.some((h) => h.regency.includes('Kabupaten Kutai Kartanegara'))).toBe(true);
    const pdn = await searchIncidents(conn.client, { q: 'Pusat Data Nasional' }, names);
    expect(pdn.hits[0]?.scope).toBe('national');
    const lumpuh = await searchIncidents(conn.client, { q: 'mati lampu' }, names);
    expect(lumpuh.total).toBe(0);
  });

  test('regency by short name, by official name, by code, and date range', async () => {
    const a = await searchIncidents(conn.client, { regency: ['Barito Timur'] }, names);
    expect(a.total).toBe(2);
    const b = await searchIncidents(conn.client, { regency: ['62.13'], from: '2022-01-01' }, names);
    expect(b.hits.map((h) => h.start)).toEqual(['2022-03-12']);
    const c = await searchIncidents(conn.client, { official: ['Andi Baso Rahman'] }, names);
    expect(c.hits.map((h) => h.regency)).toEqual([['Kabupaten Luwu Utara']]);
    const d = await searchIncidents(conn.client, { allegation: true, sort: 'start:asc' }, names);
    expect(d.hits.map((h) => h.start)).toEqual(['2020-09-14', '2021-06-07']);
  });

  test.each([
    ['a double quote', 'Kalimantan Tengah" OR province = "Riau'],
    ['OR', 'Kalimantan Tengah OR Riau'],
    ['=', 'province = Kalimantan Tengah'],
    ['a backslash', 'Kalimantan Tengah\\'],
    ['IN and brackets', '["Riau"]'],
  ])('a filter value with %s is matched literally (no results, no error)', async (_, value) => {
    const res = await searchIncidents(conn.client, { province: [value] }, names);
    expect(res.total).toBe(0);
    const off = await searchIncidents(conn.client, { official: [value], regency: [value] }, names);
    expect(off.total).toBe(0);
  });

  test('a value full of filter syntax still finds the document that has exactly that value', async () => {
    const tricky = 'Andi "Ucok" = OR Baso\\ IN [x]';
    const base = kb.incidents.find((i) => i.report_ids.includes('r-lutra-tribun'))!;
    const doc = toDocument({
      ...base,
      id: 'inc-literal-test',
      officials: [{ value: { ...base.officials[0]!.value, name: tricky }, report_ids: base.report_ids }],
    });
    await upsertIncidents(conn.client, { upsert: { incidents: [doc], reports: [] } }, names);
    try {
      const hit = await searchIncidents(conn.client, { official: [tricky] }, names);
      expect(hit.hits.map((h) => h.id)).toEqual(['inc-literal-test']);
      expect((await searchIncidents(conn.client, { official: ['Andi'] }, names)).total).toBe(0);
      expect((await searchIncidents(conn.client, { official: ['Andi "Ucok"'] }, names)).total).toBe(0);
    } finally {
      await upsertIncidents(
        conn.client,
        { upsert: { incidents: [], reports: [] }, deleteIncidentIds: ['inc-literal-test'] },
        names,
      );
    }
  });

  test('invalid parameters are refused before reaching Meilisearch', async () => {
    await expect(searchIncidents(conn.client, { cause: ['gempa' as never] }, names)).rejects.toThrow(/cause/);
    await expect(searchIncidents(conn.client, { from: '2021-02-30' }, names)).rejects.toThrow(/from/);
    await expect(searchIncidents(conn.client, { limit: 100000 }, names)).rejects.toThrow(/limit/);
    await expect(searchIncidents(conn.client, { from: '2022-01-01', to: '2021-01-01' }, names)).rejects.toThrow();
  });
});

describe('getIncident', () => {
  test('returns the incident with provenance, and its reports with all their URLs', async () => {
    const bartim = kb.incidents.find((i) => i.title.includes('Barito Timur, 7 Juni 2021'))!;
    const got = await getIncident(conn.client, bartim.id, names);
    expect(got).toEqual(bartim);
    expect(got!.starts).toEqual([
      { value: '2021-06-07', report_ids: ['r-bartim-antara'] },
      { value: '2021-06-08', report_ids: ['r-bartim-borneonews'] },
    ]);
    const reports = await getIncidentReports(conn.client, bartim.id, names);
    expect(reports.map((r) => r.id)).toEqual(['r-bartim-antara', 'r-bartim-borneonews', 'r-bartim-kaltengtoday']);
    expect(reports[0]!.urls).toHaveLength(2);
    expect(await getIncident(conn.client, 'inc-does-not-exist', names)).toBeNull();
    expect(await getIncident(conn.client, 'x" OR id = "y', names)).toBeNull();
  });

  test('an id absorbed into another incident still resolves, to the incident that absorbed it', async () => {
    const base = kb.incidents.find((i) => i.report_ids.includes('r-lutra-tribun'))!;
    const merged = { ...base, id: 'inc-alias-test', aliases: ['inc-absorbed-earlier'] };
    await upsertIncidents(conn.client, { upsert: { incidents: [toDocument(merged)], reports: [] } }, names);
    try {
      expect((await getIncident(conn.client, 'inc-absorbed-earlier', names))?.id).toBe('inc-alias-test');
    } finally {
      await upsertIncidents(
        conn.client,
        { upsert: { incidents: [], reports: [] }, deleteIncidentIds: ['inc-alias-test'] },
        names,
      );
    }
  });

  test('listIncidents pages through every match', async () => {
    const all = [];
    for await (const i of listIncidents(conn.client, { includeChildren: true }, names)) all.push(i.id);
    expect(all.sort()).toEqual(kb.incidents.map((i) => i.id).sort());
  });
});

describe('settings', () => {
  test('applying the settings twice: the second run changes nothing and enqueues no task', async () => {
    const idx = conn.client.index(names.incidents);
    const before = (await conn.client.tasks.getTasks({ limit: 1 })).results[0]?.uid;
    expect(await applySettings(idx, loadIndexConfig('incidents'))).toEqual([]);
    expect(await applySettings(conn.client.index(names.reports), loadIndexConfig('reports'))).toEqual([]);
    const after = (await conn.client.tasks.getTasks({ limit: 1 })).results[0]?.uid;
    expect(after).toBe(before);
    const s = await idx.getSettings();
    expect(s.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['ind'] }]);
    expect(s.synonyms?.pdn).toContain('pusat data nasional');
  });

  test('a changed setting is applied, then the config again restores it', async () => {
    await waitOk(conn.client.index(names.reports).updateSettings({ stopWords: ['yang'] }));
    expect(await applySettings(conn.client.index(names.reports), loadIndexConfig('reports'))).toEqual(['stopWords']);
  });
});

describe('reindex without downtime', () => {
  test('searches during rebuilds always see the complete index', async () => {
    const expected = (await searchIncidents(conn.client, { includeChildren: true }, names)).total;
    // What a rebuild killed a day ago left behind: removed by the next rebuild.
    const stale = `incidents__build_${(Date.now() - 86_400_000).toString(36)}dead`;
    await waitOk(conn.client.createIndex(stale, { primaryKey: 'id' }));
    let stop = false;
    const seen: number[] = [];
    const errors: unknown[] = [];
    const loop = (async () => {
      while (!stop) {
        try {
          const res = await searchIncidents(conn.client, { includeChildren: true, limit: 100 }, names);
          seen.push(res.hits.length);
        } catch (err) {
          errors.push(err);
        }
      }
    })();
    for (let i = 0; i < 3; i++) await rebuildIndexes(conn.client, kb.docs, names);
    stop = true;
    await loop;
    expect(errors).toEqual([]);
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen)).toEqual(new Set([expected]));
    const indexes = (await conn.client.getRawIndexes({ limit: 100 })).results.map((i) => i.uid).sort();
    expect(indexes).toEqual(['incidents', 'reports']);
  });

  test('an upsert adds a new report to the live incident under the same id', async () => {
    const fx = loadFixtures();
    const first = buildKnowledgeBase(fixtureList(['bartim-2021-later-kalteng-today']));
    await rebuildIndexes(conn.client, first.docs, names);
    const bartim = first.incidents.find((i) => i.report_ids.includes('r-bartim-antara'))!;
    const second = buildKnowledgeBase(fixtureList(), first.incidents);
    const again = second.incidents.find((i) => i.report_ids.includes('r-bartim-antara'))!;
    expect(again.id).toBe(bartim.id);
    expect(again.report_ids).toContain(fx['bartim-2021-later-kalteng-today']!.id);
    await upsertIncidents(
      conn.client,
      { upsert: { incidents: second.docs.incidents, reports: second.docs.reports } },
      names,
    );
    const got = await getIncident(conn.client, bartim.id, names);
    expect(got?.report_ids).toHaveLength(3);
    expect(got?.ends.map((e) => e.value)).toEqual(['2021-06-11']);
  });
});
