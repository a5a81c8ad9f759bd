import { describe, expect, test } from 'vitest';
import { extractCauses } from '../../extractors/cause/index.ts';
import { buildReport } from '../../extractors/report.ts';
import { textArticle } from '../../extractors/text-article.ts';
import type { Official } from '../../types/index.ts';
import { ctxOf } from './helpers.ts';

const pairs = (text: string, opts: { title?: string } = {}, officials: Official[] = []) =>
  extractCauses(ctxOf(text, opts), officials).value.map((c) => `${c.category}:${c.certainty}`);

describe('extractCauses: what a claimant says is a suspicion', () => {
  test.each([
    ['a contractor in the quote tail', '"Server LPSE diretas, kami rugi besar," ungkap salah seorang kontraktor.'],
    ['an NGO as the subject', 'Ketua LSM Garuda Kabupaten Sigi menyebut server LPSE rusak karena banjir.'],
    ['a company as the subject', 'Direktur PT Maju Jaya mengatakan laman LPSE diretas sejak Senin.'],
    ['bidders who complain', 'Sejumlah rekanan mengeluhkan trafik yang membludak membuat situs LPSE lumpuh.'],
    ['"menurut" a contractor', 'Menurut sejumlah kontraktor, server LPSE sengaja dimatikan karena listrik padam.'],
    ['"according to" bidders', 'According to several contractors, the LPSE portal was hacked on Monday.'],
  ])('%s', (_name, text) => {
    const r = extractCauses(ctxOf(text)).value;
    expect(r[0]).toMatchObject({ category: 'unexplained', certainty: 'stated' });
    expect(r.slice(1).map((c) => [c.certainty, c.evidence])).toEqual([['suspected', text]]);
  });

  test.each([
    [
      'bidders as the ones affected',
      'Server LPSE diretas sehingga rekanan tidak bisa mengunggah penawaran.',
      'cyberattack',
    ],
    ['a lower-case "pt" is no company', 'Server LPSE mati karena banjir, kata kepala pt. kominfo.', 'hardware'],
    [
      'an internet provider is no bidder',
      'Menurut penyedia jasa internet, kabel optik ke kantor LPSE putus.',
      'network',
    ],
  ])('%s: still stated', (_name, text, category) => {
    expect(pairs(text)).toEqual([`${category}:stated`]);
  });
});

describe('extractCauses: a headline over the body', () => {
  test.each([
    [
      'a company guess under a flat headline',
      'LPSE Diretas, Perusahaan Merasa Dirugikan',
      'Juru Bicara PT Sinar Terang, Budi, menduga ada pihak yang meretas akses LPSE.',
    ],
    [
      'a contractor guess under a flat headline',
      'Situs LPSE Kena Hack, Rekanan Merugi',
      '"Kami kira situsnya di-hack orang," kata seorang kontraktor.',
    ],
  ])('%s is suspected', (_name, title, text) => {
    expect(pairs(text, { title })).toEqual(['unexplained:stated', 'cyberattack:suspected']);
  });

  test.each([
    ['an article hedge', 'Server LPSE Diretas, Lelang Dialihkan', 'Gagalnya lelang diduga karena ulah hacker.'],
    ['no body mention', 'Server LPSE Kabupaten Sigi Diretas', 'Lelang proyek jalan dialihkan ke LPSE provinsi.'],
  ])('a headline over %s stays stated', (_name, title, text) => {
    expect(pairs(text, { title })[0]).toBe('cyberattack:stated');
  });
});

describe('extractCauses: who stated it', () => {
  const official = (name: string, stance: Official['stance'], quotes: string[]): Official => ({
    name,
    role: null,
    organization: null,
    stance,
    quotes,
  });

  test.each([
    [
      'a quotation',
      '"Ruang server kami terendam banjir sejak Senin," kata Kepala LPSE Sigi, Budi Santoso.',
      official('Budi Santoso', 'official', ['Ruang server kami terendam banjir sejak Senin']),
    ],
    [
      'a paraphrase naming the official',
      'Kepala Diskominfo Yohanes Tabuni mengatakan pemadaman listrik PLN membuat server LPSE mati.',
      official('Yohanes Tabuni', 'official', []),
    ],
  ])('%s gives the official', (_name, text, o) => {
    const r = extractCauses(ctxOf(text), [o]).value;
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ certainty: 'stated', by: o.name, evidence: text });
  });

  test('a complainant quoted is a suspicion, with their name', () => {
    const text = '"Server LPSE jelas diretas," kata Ketua Gapensi Sigi, Andi Lolo.';
    const r = extractCauses(ctxOf(text), [official('Andi Lolo', 'complainant', ['Server LPSE jelas diretas'])]).value;
    expect(r.map((c) => [c.category, c.certainty, c.by ?? null])).toEqual([
      ['unexplained', 'stated', null],
      ['cyberattack', 'suspected', 'Andi Lolo'],
    ]);
  });

  test('buildReport credits the cause to the official quoted', () => {
    const text =
      'LPSE Kabupaten Sigi Tidak Bisa Diakses\n\nLaman LPSE Kabupaten Sigi tidak bisa diakses sejak Senin.\n\n' +
      '"Ruang server kami terendam banjir, semua perangkat mati," kata Kepala Bagian Pengadaan Barang dan Jasa Setda Sigi, Budi Santoso, Selasa.';
    const r = buildReport(textArticle({ url: null, text }), { id: 'r' });
    expect(r.causes).toEqual([
      expect.objectContaining({ category: 'hardware', certainty: 'stated', by: 'Budi Santoso' }),
    ]);
  });
});
