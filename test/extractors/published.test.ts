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

describe('extractPublished: bylines, datelines, fragments, other labels, Malay', () => {
  test.each([
    [
      'a byline before an English date',
      'Keyla Supharta | June 25, 2024, 12:39 AM\n\nThe data centre was hit.',
      '2024-06-25',
      'Keyla Supharta | June 25, 2024, 12:39 AM',
    ],
    [
      '"By" and a byline before a date',
      'By Ina Opperman | 16 April 2021\n\nThe portal is down.',
      '2021-04-16',
      'By Ina Opperman | 16 April 2021',
    ],
    [
      'a byline line the analysis text drops',
      'Judul\nPenulis: Budi | Editor: Ani | 14 Juni 2021\n\nIsi berita.',
      '2021-06-14',
      'Penulis: Budi | Editor: Ani | 14 Juni 2021',
    ],
    [
      'a reporter line with a date',
      'Judul\nReporter: Sari | Kamis, 3 Maret 2022\n\nIsi berita.',
      '2022-03-03',
      'Reporter: Sari | Kamis, 3 Maret 2022',
    ],
    [
      'a dateline with spaces around the slashes',
      'Mukomuko, 09 /12/2025 — Sistem itu dilaporkan gangguan.',
      '2025-12-09',
      'Mukomuko, 09 /12/2025 —',
    ],
    [
      'a dateline with a numeric date',
      'KENDAL, 3 / 4 / 2023 - LPSE gangguan sejak pagi.',
      '2023-04-03',
      'KENDAL, 3 / 4 / 2023 -',
    ],
    [
      'a Malay date line',
      'Tajuk\nDiterbitkan: Selasa, 9 Julai 2024 | 6:05 petang\n\nSistem mengalami gangguan.',
      '2024-07-09',
      'Diterbitkan: Selasa, 9 Julai 2024 | 6:05 petang',
    ],
    [
      'another Malay month',
      'Tajuk\nKhamis, 15 Ogos 2024\n\nSistem mengalami gangguan.',
      '2024-08-15',
      'Khamis, 15 Ogos 2024',
    ],
  ])('%s', (_name, text, iso, evidence) => {
    const r = extractPublished(ctxOf(text));
    expect(r.value).toBe(iso);
    expect(r.evidence[0]?.text).toBe(evidence);
  });

  test.each([
    ['a fragment with "since"', 'Disrupted since Jun. 20, 2024.\n\nThe data centre was hit.'],
    ['a fragment with "sejak"', 'Gangguan sejak 20 Juni 2024\n\nLayanan terhenti.'],
    ['a review date', 'Reviewed on: 2026-06-12.\n\nYour login fails.'],
    ['an access date', 'Diakses 3 Maret 2026\n\nPanduan login SPSE.'],
    ['a related article', 'Judul\nBaca juga: LPSE Kembali Normal, 12 Mei 2020\n\nIsi berita.'],
  ])('no publication date: %s', (_name, text) => {
    expect(extractPublished(ctxOf(text)).value).toBeNull();
  });
});

describe('extractPublished: long bylines, ordinals, the date above the body', () => {
  const body = 'LPSE Kabupaten Contoh tidak bisa diakses sejak pagi sehingga pembukaan penawaran diundur. '.repeat(3);
  test.each([
    [
      'a long byline line',
      `Judul\nReporter: Budi Santoso | Editor: Ani Wijaya | Senin, 14 Juni 2021 10:15 WIB | Dibaca 123 kali\n\n${body}`,
      '2021-06-14',
    ],
    ['a byline with a comment count', `Judul\nAdmin | 14 Juni 2021 | 0 Komentar\n\n${body}`, '2021-06-14'],
    ['an English ordinal', `Title\nMarch 3rd, 2026\n\n${body}`, '2026-03-03'],
    ['an English ordinal, day first', `Title\nPosted on 21st January 2025\n\n${body}`, '2025-01-21'],
    [
      'a sidebar date below the body is not read',
      `Judul\nSelasa, 15 Juni 2021\n\n${body}\n\nTerpopuler\nSenin, 3 Mei 2021`,
      '2021-06-15',
    ],
    ['another sidebar below the body', `Judul\n20/07/2022\n\n${body}\n\nBerita Lainnya\n02/01/2022`, '2022-07-20'],
  ])('%s', (_name, text, iso) => {
    expect(extractPublished(ctxOf(text)).value).toBe(iso);
  });

  test.each([
    ['a sentence with a date', `Rapat digelar Senin, 14 Juni 2021 di aula kantor bupati\n\n${body}`],
    ['another sentence with a date', `Tender dibuka kembali pada Rabu, 16 Juni 2021 oleh pokja\n\n${body}`],
  ])('no publication date: %s', (_name, text) => {
    expect(extractPublished(ctxOf(text)).value).toBeNull();
  });
});
