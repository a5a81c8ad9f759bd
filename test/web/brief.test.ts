/** The hearing brief as a pure function of incidents: figures, questions, citations, Markdown and HTML. */
import { describe, expect, test } from 'vitest';
import { type BriefInput, DEADLINE_RE, buildBrief } from '../../src/brief/build.ts';
import { pickAgreed, toIncidentFacts } from '../../src/brief/facts.ts';
import { daysBetween, displayTitle, formatDate, formatWindow, incidentTitle } from '../../src/i18n.ts';
import { renderBriefHtml, renderBriefMarkdown } from '../../src/brief/render.ts';
import type { IncidentSummary } from '../../src/kb/api.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import type { Incident } from '../../types/index.ts';
import { toReportRef } from '../../src/web/kb.ts';
import { webReports } from './helpers.ts';

const reports = webReports();
const kb = buildKnowledgeBase(reports);
const refs = Object.fromEntries(kb.reports.map((r) => [r.id, toReportRef(r)]));

function summary(i: Incident): IncidentSummary {
  const f = toIncidentFacts(i);
  return {
    id: i.id,
    title: i.title,
    scope: i.scope,
    province: [...new Set(i.regions.map((r) => r.value.province))],
    regency: [...new Set(i.regions.map((r) => r.value.regency).filter((r): r is string => r !== null))],
    start: f.start,
    end: f.end,
    causes: f.categories,
    allegation: i.allegation.present,
    sources: i.report_ids.length,
    officials: i.officials.map((o) => o.value.name),
    first_published: i.first_published,
  };
}

function input(regency: string, extra: Partial<BriefInput> = {}): BriefInput {
  const incidents = kb.incidents.filter((i) => i.regions.some((r) => r.value.regency === regency));
  const provinces = new Set(incidents.flatMap((i) => i.regions.map((r) => r.value.province)));
  return {
    area: { kind: 'regency', name: regency },
    from: null,
    to: null,
    incidents,
    reports: refs,
    // As loadBriefInput does: LPSEs' own incidents, national parents left out (their children count).
    comparison: kb.incidents
      .filter((i) => i.scope !== 'national' && i.regions.some((r) => provinces.has(r.value.province)))
      .map(summary),
    generated: '2024-07-01',
    ...extra,
  };
}

describe('dates and durations', () => {
  test.each([
    ['2021-06-07', 'id', '7 Juni 2021'],
    ['2021-06-07', 'en', '7 June 2021'],
    ['2023-08-21', 'id', '21 Agustus 2023'],
    ['2020-02-01', 'id', '1 Februari 2020'],
    [null, 'id', 'tidak diketahui'],
  ] as const)('formatDate(%s, %s) = %s', (iso, lang, want) => {
    expect(formatDate(iso, lang)).toBe(want);
  });
  test.each([
    [
      { national: false, name: 'LPSE Kabupaten Barito Timur', date: '2021-06-07', reported: false },
      'Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021',
      'LPSE Kabupaten Barito Timur outage, 7 June 2021',
    ],
    // only the publication date is known: said so, never shown as the outage's date
    [
      { national: false, name: 'LPSE Kota Tarakan', date: '2020-03-03', reported: true },
      'Gangguan LPSE Kota Tarakan, dilaporkan 3 Maret 2020',
      'LPSE Kota Tarakan outage, reported 3 March 2020',
    ],
    [
      { national: false, name: null, date: null, reported: true },
      'Gangguan LPSE tidak diketahui, tanggal tidak diketahui',
      'unknown LPSE outage, date unknown',
    ],
    [
      { national: true, pdn: true, affected: 4, date: '2024-06-20', reported: false },
      'Gangguan Pusat Data Nasional (PDN): 4 LPSE terdampak, 20 Juni 2024',
      'National Data Centre (PDN) outage: 4 LPSEs affected, 20 June 2024',
    ],
    [
      { national: true, pdn: false, affected: 1, date: '2024-06-20', reported: true },
      'Gangguan nasional SPSE: 1 LPSE terdampak, dilaporkan 20 Juni 2024',
      'National SPSE outage: 1 LPSE affected, reported 20 June 2024',
    ],
  ] as const)('incidentTitle(%j)', (parts, id, en) => {
    expect(incidentTitle(parts, 'id')).toBe(id);
    expect(incidentTitle(parts, 'en')).toBe(en);
    expect(displayTitle({ title: 'stored', title_parts: parts }, 'en')).toBe(en);
  });
  test('a record stored without title parts keeps its title', () => {
    expect(displayTitle({ title: 'Judul lain' }, 'en')).toBe('Judul lain');
  });
  test('window and days, both ends included', () => {
    expect(daysBetween('2021-06-06', '2021-06-10')).toBe(5);
    expect(daysBetween('2021-06-06', null)).toBeNull();
    expect(daysBetween('2021-06-10', '2021-06-06')).toBeNull();
    expect(formatWindow('2021-06-06', null, 'id')).toBe('6 Juni 2021 – belum diketahui');
  });
  test('the start most sources give wins; a tie takes the earliest start and the latest end', () => {
    const v = [
      { value: '2021-06-07', report_ids: ['a'] },
      { value: '2021-06-06', report_ids: ['b'] },
    ];
    expect(pickAgreed(v, 'start')).toBe('2021-06-06');
    expect(pickAgreed(v, 'end')).toBe('2021-06-07');
    expect(pickAgreed([...v, { value: '2021-06-07', report_ids: ['c', 'd'] }], 'start')).toBe('2021-06-07');
  });
});

describe('buildBrief', () => {
  const brief = buildBrief(input('Kabupaten Barito Timur'));

  test('one-page summary: incidents, days down over the known ends, causes, impact, allegations', () => {
    expect(brief.summary.incidents).toBe(3);
    // 6–10 June 2021 (5 days, the widest window the sources give) and 2–4 October 2023 (3); March 2022 has no end.
    expect(brief.summary.daysDown).toBe(8);
    expect(brief.summary.daysKnown).toBe(2);
    expect(brief.summary.causes).toEqual([
      { category: 'hardware', incidents: 2 },
      { category: 'unexplained', incidents: 1 },
    ]);
    expect(brief.summary.allegations).toBe(1);
    expect(brief.summary.scheduleChanged).toBe(1);
    expect(brief.chronology.map((c) => c.date)).toEqual(['2021-06-06', '2022-03-15', '2023-10-02']);
  });

  test('a stated cause outranks a report that gave none', () => {
    const inc = structuredClone(kb.incidents.find((i) => i.causes.some((c) => c.value.category === 'hardware'))!);
    inc.causes.push({ value: { category: 'unexplained', evidence: '', certainty: 'stated' }, report_ids: ['x'] });
    const f = toIncidentFacts(inc);
    expect(f.categories).toEqual(['hardware']);
    expect(f.causes.every((c) => c.value.category === 'hardware')).toBe(true);
  });

  test('an unexplained cause with nothing quoted is "no cause given", never an empty quotation', () => {
    const inc = structuredClone(kb.incidents.find((i) => i.causes.some((c) => c.value.category === 'hardware'))!);
    inc.causes = [{ value: { category: 'unexplained', evidence: '', certainty: 'stated' }, report_ids: ['x'] }];
    const f = toIncidentFacts(inc);
    expect(f.unexplained).toBe(true);
    expect(f.categories).toEqual(['unexplained']);
    expect(f.causes).toEqual([]);
    // with a sentence that says the cause is unknown, that sentence is shown
    inc.causes[0]!.value.evidence = 'Penyebab gangguan belum diketahui.';
    expect(toIncidentFacts(inc).causes.map((c) => c.value.evidence)).toEqual(['Penyebab gangguan belum diketahui.']);
  });

  test('an incident known only from its publication says "dilaporkan", not an outage date', () => {
    const inc = structuredClone(kb.incidents[0]!);
    inc.starts = [];
    inc.ends = [];
    inc.first_published = '2020-03-03';
    const f = toIncidentFacts(inc);
    expect(formatWindow(f.start, f.end, 'id', f.reported)).toBe('dilaporkan 3 Maret 2020');
    expect(formatWindow(f.start, f.end, 'en', f.reported)).toBe('reported 3 March 2020');
    expect(formatWindow('2020-03-01', null, 'id', f.reported)).toBe('1 Maret 2020 – belum diketahui');
  });

  test('a bid step that ends or is extended is a deadline', () => {
    expect(
      DEADLINE_RE.test('Tahapan upload dokumen penawaran yang semula berakhir pada 8 Juni 2021 diperpanjang'),
    ).toBe(true);
    expect(DEADLINE_RE.test('Layanan pulih pada sore hari.')).toBe(false);
  });

  test('questions the record raises, each with its source sentence', () => {
    const kinds = brief.questions.map((q) => q.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'deadline',
        'allegation',
        'unexplained',
        'repeated-hardware',
        'disagreement',
        'open-ended',
      ]),
    );
    const deadline = brief.questions.find((q) => q.kind === 'deadline');
    expect(deadline?.evidence).toMatch(/batas akhir/);
    expect(deadline?.cites.length).toBeGreaterThan(0);
    const repeated = brief.questions.find((q) => q.kind === 'repeated-hardware');
    expect(repeated?.data.count).toBe(2);
    expect(repeated?.evidence).toContain('Motherboard server kami rusak');
    const unexplained = brief.questions.find((q) => q.kind === 'unexplained');
    expect(unexplained?.data.start).toBe('2022-03-15');
  });

  test('comparison with the province: every LPSE of Kalimantan Tengah, the area marked', () => {
    expect(brief.comparison.map((r) => [r.name, r.incidents, r.daysDown, r.unknownEnd, r.isArea])).toEqual([
      ['Kabupaten Barito Timur', 3, 8, 1, true],
      ['Kota Palangka Raya', 2, 2, 1, false],
      ['Kabupaten Kapuas', 1, 1, 0, false],
    ]);
    expect(renderBriefMarkdown(brief, 'id')).toContain(
      '| **Kabupaten Barito Timur** | 3 | 8 (+1 tanpa tanggal pulih) |',
    );
  });

  test('every citation number points at a listed source', () => {
    const numbers = new Set(brief.sources.map((s) => s.n));
    expect([...numbers]).toEqual(brief.sources.map((_, i) => i + 1));
    for (const inc of brief.incidents) for (const c of inc.cites) expect(numbers.has(c.n)).toBe(true);
    for (const q of brief.questions) for (const c of q.cites) expect(numbers.has(c.n)).toBe(true);
    expect(brief.sources.map((s) => s.url)).toContain('https://kabar-kalteng.example/bartim-2021-server-rusak');
  });

  test('the period bounds the incidents the caller passes; an empty brief says so', () => {
    const empty = buildBrief(input('Kabupaten Barito Timur', { incidents: [], from: '2019-01-01', to: '2019-12-31' }));
    expect(empty.summary.incidents).toBe(0);
    expect(renderBriefMarkdown(empty, 'id')).toContain('Tidak ada insiden tercatat');
    expect(renderBriefMarkdown(empty, 'id')).toContain('1 Januari 2019 – 31 Desember 2019');
  });
});

describe('rendering', () => {
  const brief = buildBrief(input('Kabupaten Barito Timur'));
  test('Markdown quotes each statement with the person and the source number', () => {
    const md = renderBriefMarkdown(brief, 'id');
    const n = brief.sources.find((s) => s.url.endsWith('bartim-2021-kontraktor-mengeluh'))?.n;
    expect(md).toContain(`> “Power supply server kami terbakar”, kata Rahmat Hidayat, Kepala LPSE Barito Timur [${n}]`);
    expect(md).toContain('## Kronologi');
    expect(md).toContain('## Pertanyaan yang muncul dari catatan');
    expect(md).toContain('Kerusakan perangkat keras di LPSE Kabupaten Barito Timur terulang 2 kali');
    expect(renderBriefMarkdown(brief, 'en')).toContain('## Questions the record raises');
  });

  test('HTML escapes source text and has no script', () => {
    const evil = structuredClone(brief);
    const first = evil.incidents[0];
    if (!first) throw new Error('no incident');
    first.title = '<script>alert(1)</script>';
    // the title shown is built from its parts: an LPSE name from a page must be escaped too
    first.title_parts = { national: false, name: '<script>alert(2)</script>', date: null, reported: false };
    first.statements = [{ ...first.statements[0]!, quote: '<img src=x onerror=alert(1)>' }];
    const html = renderBriefHtml(evil, 'id');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;');
    expect(renderBriefHtml(brief, 'id')).toContain('<html lang="id">');
  });
});
