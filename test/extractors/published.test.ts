import { describe, expect, test } from 'vitest';
import { extractPublished } from '../../extractors/published.ts';
import { ctxOf } from './helpers.ts';

describe('extractPublished', () => {
  test.each([
    [
      'a date line at the top',
      'Rabu, 12 Maret 2014\n\nSERVER GANGGUAN, LELANG DITUNDA\n\nKotabumi - Server LPSE gangguan.',
      null,
      '2014-03-12',
      'Rabu, 12 Maret 2014',
    ],
    [
      'date line with time and zone',
      'Judul berita\nSelasa, 16 Februari 2021 05:53 WIB\n\nIsi berita.',
      null,
      '2021-02-16',
      'Selasa, 16 Februari 2021 05:53 WIB',
    ],
    [
      'numeric date line',
      'Lelang Elektronik Terkendala Listrik\nMinggu 20-07-2014,13:00 WIB\nEditor : Siapa',
      null,
      '2014-07-20',
      'Minggu 20-07-2014,13:00 WIB',
    ],
    [
      'header with today and byline with the date: the earliest wins',
      'Selasa, 03 Feb 2026 15:10 WIB\n\nJudul\n\n  • | Selasa, 10 Mei 2022 12:58 WIB\nIsi.',
      null,
      '2022-05-10',
      'Selasa, 10 Mei 2022 12:58 WIB',
    ],
    [
      'berita acara document date',
      'BERITA ACARA\nPada hari ini, Rabu tanggal 19 Agustus 2015, kami menyatakan bahwa LPSE gangguan.',
      null,
      '2015-08-19',
      'Pada hari ini, Rabu tanggal 19 Agustus 2015',
    ],
    [
      'dateline with a full date',
      'Jakarta, Kamis (10/6/2021) - Layanan SPSE kembali normal.',
      null,
      '2021-06-10',
      'Jakarta, Kamis (10/6/2021) -',
    ],
    [
      'dateline with a month name',
      'PALU, 18 Mei 2017 – LPSE Sulteng gangguan.',
      null,
      '2017-05-18',
      'PALU, 18 Mei 2017 –',
    ],
    [
      'dateline with day/month, year from the URL',
      'Trenggalek, 22/5 (ADSFM) - Kepala UPT LPSE menduga ada serangan.',
      'https://radio.example.id/2012/05/berita.html',
      '2012-05-22',
      'Trenggalek, 22/5 (',
    ],
    [
      'an English date line with a label, weekday and time',
      'Portal down in Contoh\n\nPublished: Friday, March 6, 2026 - 09:40 WIB\n\nThe LPSE portal went down.',
      null,
      '2026-03-06',
      'Published: Friday, March 6, 2026 - 09:40 WIB',
    ],
    [
      'a bare English date line',
      'Portal down in Contoh\n\nMarch 6, 2026\n\nThe LPSE portal went down.',
      null,
      '2026-03-06',
      'March 6, 2026',
    ],
    [
      'an English date line with the day before the month',
      'Portal down in Makassar\n\nFriday, 6 March 2026 09:40 WITA\n\nThe LPSE portal went down.',
      null,
      '2026-03-06',
      'Friday, 6 March 2026 09:40 WITA',
    ],
    [
      'an English date line "Posted on … by …"',
      'Portal down in Makassar\n\nPosted on March 6, 2026 by admin\n\nThe LPSE portal went down.',
      null,
      '2026-03-06',
      'Posted on March 6, 2026 by admin',
    ],
  ])('%s', (_name, text, url, expected, evidence) => {
    const r = extractPublished(ctxOf(text, { url }));
    expect(r.value).toBe(expected);
    expect(r.evidence[0]?.text).toContain(evidence);
  });

  test.each([
    ['a statement date inside a sentence', '"Server rusak," kata Heri Joni, Selasa (6/10/2020).'],
    [
      'a date in running text',
      'Pemkab melayangkan surat pada 22 September 2017 kepada LKPP di Jakarta untuk perbaikan server.',
    ],
    ['a copyright year', 'Isi berita.\nCOPYRIGHT © ANTARA News 2015'],
    ['a month without a day', ' date 2020-02 Situs web resmi Pemkab eror.'],
    ['an English date inside a sentence', 'The portal went down on March 6, 2026, officials said.'],
    ['an English day-month date inside a sentence', 'The portal went down on 6 March 2026 and stayed down.'],
  ])('no publication date: %s', (_name, text) => {
    expect(extractPublished(ctxOf(text)).value).toBeNull();
  });
});
