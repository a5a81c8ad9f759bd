/**
 * Episodes in the knowledge base: a probe report per episode, its evidence the probe rows, its region from the
 * LPSE table; a news report of the same LPSE and days joins its incident, which says which days were observed.
 */
import { expect, test } from 'vitest';
import type { ProbeClass, ProbeRow } from '../../probe/types.ts';
import { groupIncidents } from '../../src/kb/group.ts';
import { readProbeReports } from '../../src/series/kb-reports.ts';
import { openSeries } from '../../src/series/store.ts';
import type { Report } from '../../types/index.ts';
import { tempDir } from '../helpers.ts';

const MIN10 = 600_000;
// 19 Agustus 2026, 10:00 WIB
const T0 = Date.parse('2026-08-19T03:00:00Z');

function rows(instance: string, classes: ProbeClass[], from = T0): ProbeRow[] {
  return classes.map((c, i) => {
    const at = new Date(from + i * MIN10).toISOString();
    return {
      round: at,
      instance,
      url: `https://spse.inaproc.id/${instance}`,
      form: 'central',
      at,
      class: c,
      status: c === 'http-5xx' ? 503 : c === 'up' ? 200 : null,
      latencyMs: 10_000,
      errorCode: null,
      version: null,
      detail: c === 'timeout' ? 'ETIMEDOUT after 10000 ms' : null,
    };
  });
}

function news(id: string, over: Partial<Report>): Report {
  return {
    id,
    url: `https://kalteng.example/${id}`,
    title: 'LPSE Bartim tidak bisa diakses',
    text: 'Situs LPSE Kabupaten Barito Timur tidak bisa diakses sejak Rabu (19/8).',
    source: { name: 'Kalteng Pos', host: 'kalteng.example', kind: 'news' },
    language: 'id',
    published: '2026-08-21',
    is_incident: true,
    scope: 'local',
    regions: [
      {
        province: 'Kalimantan Tengah',
        province_code: '62',
        regency: 'Kabupaten Barito Timur',
        regency_code: '62.13',
        evidence: 'LPSE Kabupaten Barito Timur',
      },
    ],
    lpse: { name: 'LPSE Kabupaten Barito Timur', host: null },
    outage: { start: '2026-08-19', end: '2026-08-20', evidence: ['sejak Rabu (19/8)'] },
    causes: [],
    allegation: { present: false, evidence: [] },
    officials: [],
    impact: { schedule_changed: false, manual_fallback: false, evidence: [] },
    ...over,
  };
}

test('an episode becomes a probe report with its rows as evidence; a news report of the LPSE and days joins it', async () => {
  const dir = tempDir();
  const s = await openSeries(dir, { keepOpen: true });
  const cls: ProbeClass[] = ['up', ...Array<ProbeClass>(10).fill('timeout'), 'http-5xx', 'http-5xx', 'up'];
  await s.appendProbes(rows('baritotimurkab', cls));
  // a 20-minute episode elsewhere: too short for the knowledge base
  await s.appendProbes(rows('acehbaratkab', ['up', 'dns', 'dns', 'up'], T0 + 20 * MIN10));
  await s.close();

  const reports = await readProbeReports(dir);
  expect(reports).toHaveLength(1);
  const r = reports[0]!;
  expect(r.source).toEqual({ name: 'Pantau probe', host: null, kind: 'probe' });
  expect(r.outage.evidence).toEqual([
    '12 probes from 10:10 to 12:00 WIB on 2026-08-19 failed: timeout ×10, http-5xx ×2; up again at 12:10 WIB.',
  ]);
  expect(r.text.split('\n').slice(2, 3)).toEqual([
    '2026-08-19 10:10 WIB timeout (ETIMEDOUT after 10000 ms) https://spse.inaproc.id/baritotimurkab',
  ]);
  expect(r.text).toContain('2026-08-19 12:00 WIB http-5xx (HTTP 503)');
  expect(r.regions.map((g) => [g.regency, g.regency_code])).toEqual([['Kabupaten Barito Timur', '62.13']]);
  expect(r.outage).toMatchObject({ start: '2026-08-19', end: '2026-08-19' });

  const [incident, ...rest] = groupIncidents([...reports, news('kalteng-1', {})]);
  expect(rest).toEqual([]);
  expect(incident!.report_ids.sort()).toEqual(['kalteng-1', r.id].sort());
  // the probes saw the 19th; the 20th is only what the news says
  expect(incident!.days).toEqual({ observed: ['2026-08-19'], reported: ['2026-08-20'] });
  // news of another LPSE, or of the same one a month later, stays out
  const apart = groupIncidents([
    ...reports,
    news('kalteng-2', { outage: { start: '2026-09-25', end: null, evidence: [] }, published: '2026-09-25' }),
    news('sampit-1', {
      regions: [
        {
          province: 'Kalimantan Tengah',
          province_code: '62',
          regency: 'Kabupaten Kotawaringin Timur',
          regency_code: '62.02',
          evidence: 'x',
        },
      ],
    }),
  ]);
  expect(apart).toHaveLength(3);
  expect(apart.find((i) => i.report_ids.includes(r.id))!.report_ids).toEqual([r.id]);
  // incidents without a probe report are as before: no days field
  expect(apart.find((i) => i.report_ids.includes('sampit-1'))!.days).toBeUndefined();
});

test('an LPSE without any probe database gives no probe reports', async () => {
  expect(await readProbeReports(tempDir())).toEqual([]);
});
