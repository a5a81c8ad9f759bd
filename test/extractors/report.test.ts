import { describe, expect, test } from 'vitest';
import { buildReport, EXTRACTOR_VERSION } from '../../extractors/report.ts';
import { textArticle } from '../../extractors/text-article.ts';
import { canonicalUrl } from '../../extractors/urls.ts';
import { reportId, reportIdOf } from '../../src/hash.ts';
import { SEED_STORIES } from './seed-stories.ts';

describe('buildReport on the seed incidents', () => {
  test.each(SEED_STORIES.map((s) => [s.name, s] as const))('%s', (_name, story) => {
    const r = buildReport(textArticle({ url: story.url, text: story.text }), { id: 'r' });
    expect(r.is_incident).toBe(true);
    expect(r.language).toBe('ind');
    expect(r.regions.map((x) => x.regency)).toEqual([story.regency]);
    expect(r.regions[0]?.province).toBe(story.province);
    expect(r.causes.map((c) => c.category)).toContain(story.cause);
    for (const c of r.causes) expect(typeof c.evidence).toBe('string');
    expect(r.extractor_version).toBe(EXTRACTOR_VERSION);
  });

  test('Barito Timur: outage start, LPSE host, official with quotes, schedule impact', () => {
    const story = SEED_STORIES.find((s) => s.name.startsWith('Barito'))!;
    const r = buildReport(textArticle({ url: story.url, text: story.text }), { id: 'r' });
    expect(r.outage).toMatchObject({ start: '2021-06-07', end: null });
    expect(r.outage.evidence[0]).toContain('sejak Senin (7/6)');
    expect(r.lpse).toEqual({ name: 'LPSE Kabupaten Barito Timur', host: 'lpse.baritotimurkab.go.id' });
    expect(r.officials.map((o) => o.name)).toEqual(['Abdul Gafur']);
    expect(r.officials[0]?.quotes).toContain(
      'Ada komponen perangkat keras yang rusak dan berdampak pada sistem aplikasi',
    );
    expect(r.impact.schedule_changed).toBe(true);
    expect(r.allegation.present).toBe(false);
  });

  test('Pacitan: the outage range, the year from the letter number', () => {
    const story = SEED_STORIES.find((s) => s.name.startsWith('Pacitan'))!;
    const r = buildReport(textArticle({ url: null, text: story.text }), { id: 'r' });
    expect(r.outage).toMatchObject({ start: '2015-03-27', end: '2015-03-30' });
    expect(r.officials[0]).toMatchObject({ name: 'Didik Alih Wibowo', stance: 'official' });
  });

  test('Luwu Utara: an allegation, speculation kept apart from causes, no official', () => {
    const story = SEED_STORIES.find((s) => s.name.startsWith('Luwu'))!;
    const r = buildReport(textArticle({ url: null, text: story.text }), { id: 'r' });
    expect(r.allegation.present).toBe(true);
    expect(r.causes.map((c) => c.category)).toEqual(['unexplained']);
    expect(r.suspected_causes.map((c) => c.category)).toContain('power');
    expect(r.officials).toEqual([]);
  });

  test('Mimika: the statement date is not the outage start', () => {
    const story = SEED_STORIES.find((s) => s.name.startsWith('Mimika'))!;
    const r = buildReport(textArticle({ url: story.url, text: story.text }), { id: 'r' });
    expect(r.outage.start).toBeNull();
    expect(r.impact.manual_fallback).toBe(true);
    expect(r.scope).toBe('local');
  });
});

describe('report ids', () => {
  test('the same URL in different dress gives the same id', () => {
    const a = reportId('https://www.Example.id/berita/lpse-rusak/?utm_source=x#top', 'a');
    const b = reportId('http://example.id/berita/lpse-rusak', 'b');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(canonicalUrl('https://www.Example.id/a/?fbclid=1')).toBe('https://example.id/a');
  });

  test("an article's id is its declared canonical URL's, else its own URL's, else its text's", () => {
    const a = textArticle({ url: 'https://www.example.id/berita/1?utm_source=wa', text: 'Server LPSE rusak.' });
    expect(reportIdOf(a)).toBe(reportId('https://example.id/berita/1', ''));
    expect(reportIdOf({ ...a, canonicalUrl: 'https://example.id/kanonik' })).toBe(
      reportId('https://example.id/kanonik', ''),
    );
    expect(reportIdOf({ ...a, url: '', canonicalUrl: null })).toBe(reportId(null, 'Server LPSE rusak.'));
  });

  test('without a URL the id is the hash of the text', () => {
    expect(reportId(null, 'Server LPSE rusak.')).toBe(reportId(null, 'Server  LPSE rusak. '));
    expect(reportId(null, 'Server LPSE rusak.')).not.toBe(reportId(null, 'Server LPSE pulih.'));
  });

  test('an id given by the caller is kept, and published from the caller wins', () => {
    const r = buildReport(textArticle({ url: null, text: 'Rabu, 12 Maret 2014\nServer LPSE gangguan.' }), {
      id: 'x1',
      published: '2014-03-13',
    });
    expect(r.id).toBe('x1');
    expect(r.published).toBe('2014-03-13');
  });
});

describe('publication dates from callers', () => {
  test.each([['2021-13-45'], ['2021-02-30'], ['0000-00-00'], ['kemarin']])('"%s" is not a day and is ignored', (p) => {
    const r = buildReport(
      textArticle({ url: null, text: 'Rabu, 12 Maret 2014\nServer LPSE Kabupaten Sleman gangguan.' }),
      {
        id: 'r',
        published: p,
      },
    );
    expect(r.published).toBe('2014-03-12');
  });
});

describe('not incidents', () => {
  test.each([
    [
      'a tender notice',
      'Pokja ULP Kabupaten Contoh mengumumkan lelang pembangunan jalan melalui LPSE. Dokumen dapat diunduh.',
    ],
    [
      'an English article',
      'The e-procurement portal of the city has been down for three days due to maintenance and tenders are stuck.',
    ],
  ])('%s has no outage fields', (_name, text) => {
    const r = buildReport(textArticle({ url: null, text }), { id: 'r' });
    expect(r.is_incident).toBe(false);
    expect(r.causes).toEqual([]);
    expect(r.outage).toEqual({ start: null, end: null, evidence: [] });
  });
});
