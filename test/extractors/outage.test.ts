import { describe, expect, test } from 'vitest';
import { extractOutageWindow } from '../../extractors/outage.ts';
import { ctxOf } from './helpers.ts';

const run = (text: string, published: string | null = null, url: string | null = null) =>
  extractOutageWindow(ctxOf(text, { url, published }), published);

describe('extractOutageWindow: outage days', () => {
  test.each([
    [
      'start after "sejak"',
      'Website LPSE Pemkab Contoh tidak bisa diakses sejak Jumat sore (26/5/2023). Hingga berita ini ditayangkan belum pulih.',
      null,
      '2023-05-26',
      null,
      'Website LPSE Pemkab Contoh tidak bisa diakses sejak Jumat sore (26/5/2023).',
    ],
    [
      'a range with its end',
      'Surat bernomor 01/LPSE/III/2015 sudah dikirim. "Sejak Jumat (27/3) hingga Senin (30/3) server memang tidak bisa diakses," jelas Didik.',
      null,
      '2015-03-27',
      '2015-03-30',
      '"Sejak Jumat (27/3) hingga Senin (30/3) server memang tidak bisa diakses," jelas Didik.',
    ],
    [
      '"terjadi pada" with the outage',
      'Gangguan server LPSE kembali terjadi pada 10 September 2017, karena gangguan pasokan listrik.',
      null,
      '2017-09-10',
      null,
      'Gangguan server LPSE kembali terjadi pada 10 September 2017, karena gangguan pasokan listrik.',
    ],
    [
      'recovery gives the end',
      'Gangguan akses website LPSE terjadi sejak pukul 07.30 WIB tanggal 19 Agustus 2015. Kamis 20 Agustus 2015 pukul 07.30 WIB, jaringan sudah kembali normal.',
      null,
      '2015-08-19',
      '2015-08-20',
      'Kamis 20 Agustus 2015 pukul 07.30 WIB, jaringan sudah kembali normal.',
    ],
    [
      'year from the URL',
      'Sistem LPSE Kabupaten Contoh pada Rabu (26/08) tidak bisa di akses.',
      'https://kabar.example.id/2020/08/26/error-lpse/',
      '2020-08-26',
      null,
      'Sistem LPSE Kabupaten Contoh pada Rabu (26/08) tidak bisa di akses.',
    ],
  ])('%s', (_name, text, url, start, end, evidence) => {
    const r = run(text, null, url);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test('a recovery told before its day gives the end', () => {
    const r = run(
      'Laman LPSE Kota Contoh diretas sejak Selasa (1/10/2019) malam. Kepala dinas mengatakan pihaknya sudah memulihkan laman tersebut pada Rabu (2/10/2019) pagi.',
    );
    expect(r.value).toEqual({ start: '2019-10-01', end: '2019-10-02' });
  });

  test('a range end followed by "masih belum" is not the end', () => {
    const r = run(
      '"Kami sudah menyampaikan bahwa sejak tanggal 7 hingga 9 Juni 2021 masih belum dapat diakses," kata Gafur.',
    );
    expect(r.value).toEqual({ start: '2021-06-07', end: null });
  });
});

describe('extractOutageWindow: dates that are not the outage', () => {
  test.each([
    ['the statement date', '"Server LPSE memang rusak," kata Kepala ULP, Rabu (31/7/2019).'],
    [
      'a tender deadline',
      'LPSE sempat gangguan. Sedianya, proses lelang itu selesai Senin (3/3/2014) pukul 10:00 WIB.',
    ],
    ['the year equipment was bought', 'Perangkat LPSE yang rusak diadakan pada tahun 2012.'],
    ['a duration, not a day', 'Situs LPSE Kabupaten Natuna mengalami gangguan sejak dua hari terakhir.'],
    ['year unknown', 'LPSE Provinsi Contoh gangguan sejak Rabu (17/5) pagi tadi.'],
    [
      'a confirmation of recovery is the statement day',
      'Kepala bagian, pada hari Kamis, 6 Juni 2024, telah mengonfirmasi bahwa LPSE sudah kembali normal.',
    ],
  ])('%s', (_name, text) => {
    expect(run(text).value).toEqual({ start: null, end: null });
  });
});
