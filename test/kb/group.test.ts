import { describe, expect, test } from 'vitest';
import { dedupeReports } from '../../src/kb/dedupe.ts';
import { INCIDENT_CSV_HEADER, incidentMarkdown, incidentRow, windowLabel } from '../../src/kb/format.ts';
import { groupIncidents } from '../../src/kb/group.ts';
import type { Report } from '../../types/index.ts';
import { fixtureList, loadFixtures } from './helpers.ts';

const fx = loadFixtures();
const all = dedupeReports(fixtureList());
const byReport = (incidents: ReturnType<typeof groupIncidents>, id: string) =>
  incidents.filter((i) => i.report_ids.includes(id));

function at(base: Report, id: string, start: string | null, end: string | null = null): Report {
  return { ...base, id, url: `https://example.id/${id}`, outage: { start, end, evidence: [] } };
}

describe('groupIncidents', () => {
  const incidents = groupIncidents(all);

  test('reports of the same outage (and its syndicated copy) become one incident with provenance', () => {
    const [bartim, ...rest] = byReport(incidents, 'r-bartim-antara');
    expect(rest).toEqual([]);
    expect(bartim!.report_ids).toEqual(['r-bartim-antara', 'r-bartim-borneonews', 'r-bartim-kaltengtoday']);
    expect(bartim!.urls).toHaveLength(4);
    expect(bartim!.title).toBe('Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021');
    // Reports disagree on the start: both kept, each with its source.
    expect(bartim!.starts).toEqual([
      { value: '2021-06-07', report_ids: ['r-bartim-antara'] },
      { value: '2021-06-08', report_ids: ['r-bartim-borneonews'] },
    ]);
    expect(bartim!.window).toEqual({ start: '2021-06-07', end: '2021-06-11', basis: 'outage' });
    // A stated cause and a suspected one, side by side; only the stated one counts.
    expect(bartim!.causes.map((c) => [c.value.category, c.value.certainty, c.report_ids])).toEqual([
      ['hardware', 'stated', ['r-bartim-antara']],
      ['hardware', 'stated', ['r-bartim-borneonews']],
      ['cyberattack', 'suspected', ['r-bartim-borneonews']],
      ['hardware', 'stated', ['r-bartim-kaltengtoday']],
    ]);
    expect(bartim!.cause_categories).toEqual(['hardware']);
    const gafur = bartim!.officials.find((o) => o.value.name === 'Abdul Gafur')!;
    expect(gafur.report_ids).toEqual(['r-bartim-antara', 'r-bartim-borneonews', 'r-bartim-kaltengtoday']);
    expect(gafur.value.quotes).toHaveLength(3);
    expect(bartim!.allegation.present).toBe(true);
    expect(bartim!.allegation.evidence[0]!.report_ids).toEqual(['r-bartim-borneonews']);
  });

  test('an outage known only from its publication is titled "dilaporkan", its window said to rest on that', () => {
    const base = fx['bartim-2021-antara']!;
    const undated = { ...at(base, 'u1', null), published: '2021-06-09' };
    const [inc] = groupIncidents([undated]);
    expect(inc!.title).toBe('Gangguan LPSE Kabupaten Barito Timur, dilaporkan 9 Juni 2021');
    expect(inc!.title_parts).toMatchObject({ national: false, date: '2021-06-09', reported: true });
    expect(inc!.window).toEqual({ start: '2021-06-09', end: '2021-06-09', basis: 'published' });
    // a second report with the outage's own day: the title takes that day
    const [both] = groupIncidents([undated, at(base, 'u2', '2021-06-07')]);
    expect(both!.title).toBe('Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021');
    expect(both!.window?.basis).toBe('outage');
    const [none] = groupIncidents([{ ...at(base, 'u3', null), published: null }]);
    expect(none!.title).toBe('Gangguan LPSE Kabupaten Barito Timur, tanggal tidak diketahui');
    expect(none!.window?.basis).toBeNull();
  });

  test('CLI, Markdown and CSV say when a window rests only on the publication date', () => {
    const base = fx['bartim-2021-antara']!;
    const [reported] = groupIncidents([{ ...at(base, 'u1', null), published: '2021-06-09' }]);
    const [dated] = groupIncidents([at(base, 'u2', '2021-06-07', '2021-06-08')]);
    expect(windowLabel(reported!.window!.start, reported!.window!.end, reported!.window!.basis)).toBe(
      'reported 2021-06-09',
    );
    expect(windowLabel(dated!.window!.start, dated!.window!.end, dated!.window!.basis)).toBe('2021-06-07 → 2021-06-08');
    expect(incidentMarkdown(reported!)).toContain('- **window**: reported 2021-06-09 (dilaporkan 9 Juni 2021)');
    const col = INCIDENT_CSV_HEADER.indexOf('window_basis');
    expect(incidentRow(reported!)[col]).toBe('published');
    expect(incidentRow(dated!)[col]).toBe('outage');
  });

  test('the same LPSE months later is another incident; a wide gap joins them', () => {
    expect(byReport(incidents, 'r-bartim-2022-pengumuman')[0]!.id).not.toBe(
      byReport(incidents, 'r-bartim-antara')[0]!.id,
    );
    const wide = groupIncidents(all, [], { gapDays: 300 });
    expect(byReport(wide, 'r-bartim-2022-pengumuman')[0]!.report_ids).toContain('r-bartim-antara');
  });

  test('a PDN-style national outage is one parent with one child per affected LPSE', () => {
    const parents = incidents.filter((i) => i.scope === 'national');
    expect(parents).toHaveLength(1);
    const pdn = parents[0]!;
    expect(pdn.parent_id).toBeNull();
    expect(pdn.report_ids.sort()).toEqual(['r-pdn-kompas', 'r-pdn-kukar', 'r-pdn-pekanbaru', 'r-pdn-sleman']);
    expect(pdn.cause_categories).toEqual(['pdn']);
    expect(pdn.title).toBe('Gangguan Pusat Data Nasional (PDN): 3 LPSE terdampak, 20 Juni 2024');
    const children = incidents.filter((i) => i.parent_id === pdn.id);
    expect(children.map((c) => c.id).sort()).toEqual([...pdn.children_ids].sort());
    expect(children.map((c) => c.regions.map((r) => r.value.regency)).sort()).toEqual([
      ['Kabupaten Kutai Kartanegara'],
      ['Kabupaten Sleman'],
      ['Kota Pekanbaru'],
    ]);
    expect(children.every((c) => c.scope === 'local' && c.report_ids.length === 1)).toBe(true);
  });

  test('a local story of an affected LPSE in the PDN days that names no cause joins that LPSE’s child', () => {
    const sleman = fx['pdn-2024-sleman']!;
    const vague: Report = {
      ...at(sleman, 'r-sleman-vague', '2024-06-21'),
      causes: [{ category: 'unexplained', evidence: 'Penyebabnya belum diketahui.', certainty: 'stated' }],
    };
    const hardware: Report = {
      ...at(sleman, 'r-sleman-hw', '2024-06-21'),
      causes: [{ category: 'hardware', evidence: 'Hardisk server rusak.', certainty: 'stated' }],
    };
    const out = groupIncidents([...all, vague, hardware]);
    const child = byReport(out, 'r-pdn-sleman').find((i) => i.parent_id)!;
    expect(child.report_ids).toEqual(['r-pdn-sleman', 'r-sleman-vague']);
    expect(
      byReport(out, 'r-sleman-vague')
        .map((i) => i.scope)
        .sort(),
    ).toEqual(['local', 'national']);
    // A different stated cause is a different outage, even in the same days.
    expect(byReport(out, 'r-sleman-hw')).toHaveLength(1);
    expect(byReport(out, 'r-sleman-hw')[0]!.parent_id).toBeNull();
  });

  test('one region blaming PDN alone stays a local incident', () => {
    const one = groupIncidents([fx['pdn-2024-pekanbaru']!]);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ scope: 'local', parent_id: null, children_ids: [] });
  });

  test('reports that are not about an outage are left out', () => {
    expect(byReport(incidents, 'r-bimtek-semarang')).toEqual([]);
  });

  test('an incident keeps its id when a new report arrives, even one dated earlier', () => {
    const first = groupIncidents(dedupeReports(fixtureList(['bartim-2021-later-kalteng-today'])));
    const id = byReport(first, 'r-bartim-antara')[0]!.id;
    const later = groupIncidents(all, first);
    expect(byReport(later, 'r-bartim-antara')[0]!.id).toBe(id);
    const earlier = at(fx['bartim-2021-borneonews']!, 'r-bartim-early', '2021-06-05');
    const withEarly = groupIncidents([...all, earlier], later);
    const inc = byReport(withEarly, 'r-bartim-early')[0]!;
    expect(inc.id).toBe(id);
    expect(inc.report_ids[0]).toBe('r-bartim-early');
    // Without the previous incidents the id would be derived from the (new) earliest report.
    expect(byReport(groupIncidents([...all, earlier]), 'r-bartim-early')[0]!.id).not.toBe(id);
    // Every other incident keeps its id too, children of the national one included.
    expect(withEarly.map((i) => i.id).sort()).toEqual(later.map((i) => i.id).sort());
  });

  test('a report bridging two incidents merges them: the larger keeps its id, the other becomes an alias', () => {
    const base = fx['bartim-2021-antara']!;
    const a = [at(base, 'r-a1', '2021-01-01'), at(base, 'r-a2', '2021-01-02')];
    const c = [at(base, 'r-c1', '2021-01-14')];
    const before = groupIncidents([...a, ...c]);
    expect(before).toHaveLength(2);
    const bridge = at(base, 'r-b1', '2021-01-07');
    const after = groupIncidents([...a, bridge, ...c], before);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(byReport(before, 'r-a1')[0]!.id);
    expect(after[0]!.aliases).toEqual([byReport(before, 'r-c1')[0]!.id]);
  });

  test('an undated report joins the LPSE’s only outage; a report naming no LPSE stands alone', () => {
    const base = fx['bartim-2021-antara']!;
    const undated = { ...at(base, 'r-undated', null), published: null };
    const nowhere = { ...at(base, 'r-nowhere', '2021-06-07'), regions: [], lpse: null };
    const out = groupIncidents([base, undated, nowhere]);
    expect(out.map((i) => i.report_ids).sort()).toEqual([['r-bartim-antara', 'r-undated'], ['r-nowhere']]);
  });
});
