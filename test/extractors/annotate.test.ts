import { describe, expect, test } from 'vitest';
import { annotate } from '../../extractors/annotate/index.ts';
import { ctxOf } from './helpers.ts';

const roles = (text: string, published: string | null = null) =>
  annotate(ctxOf(text, { published }), published).dates.map((d) => [d.written, d.iso, d.role, d.link]);

describe('annotate: sentences located in Article.text', () => {
  test('offsets survive dropped boilerplate lines and collapsed spaces', () => {
    const text =
      'Server LPSE Kota Contoh  rusak sejak Senin (3/6/2024).\nBaca juga: Lelang Ditunda\nPeserta tidak bisa mengunggah penawaran. Tim  teknis masih bekerja.';
    const ctx = ctxOf(text);
    const a = annotate(ctx, null);
    expect(a.sentences.map((s) => s.analysed)).toEqual([
      'Server LPSE Kota Contoh rusak sejak Senin (3/6/2024).',
      'Peserta tidak bisa mengunggah penawaran.',
      'Tim teknis masih bekerja.',
    ]);
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    // the collapsed double space is found anyway: the span covers the sentence as the article writes it
    expect(a.sentences[0]?.text).toBe('Server LPSE Kota Contoh  rusak sejak Senin (3/6/2024).');
    expect(a.sentences[1]?.start).toBe(text.indexOf('Peserta'));
    expect(a.sentences.map((s) => s.para)).toEqual([0, 1, 1]);
  });

  test('a date span points at the date in Article.text', () => {
    const text = 'Judul berita\n\nLaman LPSE Kabupaten Contoh tidak bisa diakses sejak Jumat sore (26/5/2023).';
    const [d] = annotate(ctxOf(text), null).dates;
    expect(d?.written).toBe('Jumat sore (26/5/2023)');
    expect(text.slice(d?.start, d?.end)).toBe('Jumat sore (26/5/2023)');
    expect(d?.sentence).toBe(1);
  });
});

describe('annotate: date roles', () => {
  test.each([
    ['a statement after "kata X,"', '"Server LPSE memang rusak," kata Didik, Rabu (1/4/2015).', 'statement', null],
    [
      'a statement after "ujar … kepada wartawan"',
      'Perbaikan masih berjalan, ujar Kepala LPSE kepada wartawan di kantornya, Kamis (8/10/2020) sore.',
      'statement',
      null,
    ],
    [
      'a statement date before the verb',
      'Plt Kepala Dinas Kominfo, Selasa (9/7/2019) menjelaskan, server baru sudah terpasang.',
      'statement',
      null,
    ],
    [
      'a bid deadline',
      'Batas akhir pemasukan penawaran paket jalan itu pada Jumat (2/5/2014) pukul 16.00 WIB.',
      'deadline',
      null,
    ],
    ['"paling lambat"', 'Dokumen diunggah paling lambat tanggal 20 Mei 2023.', 'deadline', null],
    ['a date line', 'Selasa, 16 Februari 2021 05:53 WIB', 'publication', null],
    [
      'a dateline opening the text',
      'Trenggalek, 22/5/2012 (ADSFM) - Kepala UPT LPSE menduga ada serangan.',
      'publication',
      null,
    ],
    ['"sejak" before a weekday date', 'LPSE mati sejak Senin (7/6/2021).', 'start', 'since'],
    ['"mulai" before a date', 'Portal itu ditutup mulai 3 Juni 2024 untuk perbaikan.', 'start', 'since'],
    ['"terjadi pada" before a date', 'Gangguan server LPSE terjadi pada 10 September 2017.', 'start', 'since'],
    ['"pada" before a date', 'Gangguan server LPSE terjadi lagi pada 10 September 2017.', 'start', 'on'],
    ['"pada hari" before a date', 'Kantor itu menerima tamu pada hari Kamis (1/12/2022).', 'start', 'on'],
    ['right after an outage word', 'Layanan LPSE lumpuh 3–5 Juni 2023 akibat listrik padam.', 'start', 'on'],
    [
      'a recovery before its day',
      'Layanan LPSE kembali normal pada Kamis, 9 Mei 2024 setelah kabel disambung.',
      'end',
      'recovery',
    ],
    [
      'a recovery after its day',
      'Kamis 20 Agustus 2015 pukul 07.30 WIB, jaringan sudah kembali normal.',
      'end',
      'recovery-after',
    ],
    [
      'a date with no link',
      'Anggaran 2023 disahkan DPRD dalam rapat 12 Januari 2023 yang dihadiri bupati.',
      'other',
      null,
    ],
    [
      'a date closing its sentence after a comma, no one speaking',
      'Situs LPSE Kota Contoh diretas orang tak dikenal, Minggu (6/6/2021) malam.',
      'start',
      'closing',
    ],
    [
      "a closing date after users' complaint",
      'Penyedia mengeluhkan gangguan LPSE Kota Contoh, Kamis (7/11/2019).',
      'start',
      'closing',
    ],
    [
      'a closing date with a place after it is no closing date',
      'Penyedia mengeluhkan gangguan LPSE Kota Contoh, Kamis (7/11/2019) di gedung DPRD.',
      'other',
      null,
    ],
    ['a date in brackets right after the outage', 'Situs LPSE sempat tidak bisa diakses (7/11/2019).', 'start', 'on'],
    // a weekday that contradicts its date is no date at all (9 May 2024 was a Thursday)
  ])('%s', (_name, text, role, link) => {
    const [d] = annotate(ctxOf(text), null).dates;
    expect([d?.role, d?.link]).toEqual([role, link]);
  });

  test('a weekday that contradicts its written date drops the date', () => {
    expect(roles('Layanan LPSE kembali normal pada Senin, 9 Mei 2024.')).toEqual([]);
  });

  test('a range end after its start: "sejak … hingga …" read as one range, "hingga" before a second date', () => {
    expect(roles('Laman LPSE down sejak Senin (6/3/2023) pukul 08.00 WITA hingga Rabu (8/3/2023) siang.')).toEqual([
      ['Senin (6/3/2023) pukul 08.00 WITA', '2023-03-06', 'start', 'since'],
      ['Rabu (8/3/2023)', '2023-03-08', 'end', 'range-end'],
    ]);
  });

  test('a year left out is taken from the publication date; a weekday that contradicts it drops the date', () => {
    expect(roles('LPSE mati sejak Senin (3/6) pagi.', '2024-06-05')).toEqual([
      ['Senin (3/6) pagi', '2024-06-03', 'start', 'since'],
    ]);
    expect(roles('LPSE mati sejak Selasa (3/6) pagi.', '2024-06-05')).toEqual([]);
    expect(roles('LPSE mati sejak Senin (3/6) pagi.')).toEqual([['Senin (3/6)', null, 'start', 'since']]);
  });
});

describe('annotate: years a URL names help a weekday pick its year', () => {
  test.each([
    ['a date in the path', 'https://berita.example.id/news/20210609/lpse-down', '2021-06-07'],
    ['a date in the slug', 'https://berita.example.id/ba-kerusakan-lpse-09-06-2021.html', '2021-06-07'],
    ['a /yyyy/mm/ path', 'https://berita.example.id/2021/06/lpse-down/', '2021-06-07'],
    ['a long article number is no year', 'https://berita.example.id/berita/2021567/lpse-down', null],
  ])('%s', (_name, url, iso) => {
    const a = annotate(ctxOf('Situs LPSE Kota Contoh tidak bisa diakses sejak Senin (7/6).', { url }), null);
    expect(a.dates.map((d) => [d.written, d.iso])).toEqual([['Senin (7/6)', iso]]);
  });
});
