/**
 * The region extractor reads the LPSE table (crawlers/lpse-table.json): every regional instance's host, in both
 * forms, gives its Kemendagri code; SPSE Nasional, of no region itself, gives the regions it serves; an LPSE's own
 * announcement page that names no place is about its LPSE.
 */
import { describe, expect, test } from 'vitest';
import { makeContext } from '../../extractors/context.ts';
import { extractRegions, regionFromHost } from '../../extractors/region/index.ts';
import { LPSE_INSTANCES, lpseInstanceOf, lpseRegionCodes } from '../../extractors/region/lpse-instances.ts';
import { textArticle } from '../../extractors/text-article.ts';
import { ctxOf } from './helpers.ts';

const codeOf = (r: { regency_code: string | null; province_code: string } | null | undefined) =>
  r ? (r.regency_code ?? r.province_code) : null;
const codes = (text: string, opts: { url?: string; kind?: 'news' | 'lpse-announcement' } = {}) => {
  const article = { ...textArticle({ url: opts.url ?? null, text }), kind: opts.kind ?? 'news' };
  return extractRegions(makeContext(article, null)).value.regions.map(codeOf);
};

describe('LPSE table → region', () => {
  const regional = LPSE_INSTANCES.filter((i) => i.region_code);

  test('every regional instance, by its central address and by its own host, gives its Kemendagri code', () => {
    expect(regional.length).toBe(532);
    const wrong: string[] = [];
    for (const i of regional) {
      if (codeOf(regionFromHost(`spse.inaproc.id/${i.id}`)) !== i.region_code) wrong.push(`spse.inaproc.id/${i.id}`);
      const own = i.hosts.find((h) => h !== 'spse.inaproc.id');
      // the host pattern of the text scan: lpse.<x>.go.id and its kin (7 instances live elsewhere, e.g. lpse-wajokab.go.id)
      if (own && /^(?:lpse|spse|eproc)\.[a-z]+\.g[a-z]\.id$/.test(own) && codeOf(regionFromHost(own)) !== i.region_code)
        wrong.push(own);
    }
    expect(wrong).toEqual([]);
  });

  test('hosts the slugs alone did not resolve', () => {
    // Bolaang Mongondow Timur is "boltim" only in its host
    expect(regionFromHost('lpse.boltimkab.go.id')?.regency).toBe('Kabupaten Bolaang Mongondow Timur');
    expect(lpseInstanceOf('https://lpse.boltimkab.go.id/eproc4/publik/detil_special?beritaId=7')?.id).toBe('boltimkab');
    // a ministry's LPSE is no region
    expect(regionFromHost('lpse.bappenas.go.id')).toBeNull();
    // not in the table, and a seat of government is not an LPSE's name
    expect(regionFromHost('lpse.timikakab.go.id')).toBeNull();
  });

  test('SPSE Nasional reaches the nine regions it serves', () => {
    expect(
      codes('Situs spse.inaproc.id/nasional tidak dapat diakses sejak Senin pagi sehingga tender tertunda.'),
    ).toEqual(['18.01', '18.07', '96.05', '18.05', '95', '93', '94', '91.15', '96']);
  });

  test('a regional instance that also serves other regions is reported as its own region (as the sets label it)', () => {
    expect(
      codes('Laman lpse.jabarprov.go.id milik Pemprov Jawa Barat mengalami gangguan sejak Selasa, tender tertunda.'),
    ).toEqual(['32']);
    expect(lpseRegionCodes(lpseInstanceOf('lpse.jabarprov.go.id')!)).toEqual([
      '32',
      '32.72',
      '32.74',
      '32.18',
      '32.05',
    ]);
  });

  test('an LPSE announcement that names no place is about the LPSE of its address', () => {
    const text =
      'Pemberitahuan. Aplikasi SPSE tidak dapat diakses pada 12 Maret 2026 pukul 08.00 karena pemeliharaan server.';
    expect(
      codes(text, {
        url: 'https://spse.inaproc.id/sorongkota/publik/detil_special?beritaId=31',
        kind: 'lpse-announcement',
      }),
    ).toEqual(['96.71']);
    expect(
      codes(text, {
        url: 'https://lpse.gresikkab.go.id/eproc4/publik/detil_special?beritaId=5',
        kind: 'lpse-announcement',
      }),
    ).toEqual(['35.25']);
    // the same text on a news site: no place, no region
    expect(codes(text, { url: 'https://berita.example/2026/03/12/spse' })).toEqual([]);
    expect(ctxOf(text).article.kind).toBe('news');
  });
});
