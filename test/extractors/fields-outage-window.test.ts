import { describe, expect, test } from 'vitest';
import { annotate } from '../../extractors/annotate/index.ts';
import { decideOutageWindow } from '../../extractors/fields/outage-window.ts';
import { buildReport } from '../../extractors/report.ts';
import { textArticle } from '../../extractors/text-article.ts';
import { ctxOf } from './helpers.ts';

/** The decider over the annotation pass, as buildReport runs it. */
const run = (text: string, published: string | null = null) => {
  const ctx = ctxOf(text, { published });
  return decideOutageWindow(annotate(ctx, published));
};

type Row = [
  name: string,
  text: string,
  published: string | null,
  start: string | null,
  end: string | null,
  evidence: string,
];

const rows = (cases: Row[]) =>
  test.each(cases)('%s', (_name, text, published, start, end, evidence) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    const ev = r.evidence.find((e) => e.text === evidence);
    expect(ev, r.evidence.map((e) => e.text).join(' | ')).toBeDefined();
    // the evidence span leads back to its sentence in Article.text
    expect(text.slice(ev?.start, ev?.end)).toBe(evidence);
  });

describe('decideOutageWindow: ranges with one month for both days', () => {
  rows([
    [
      '"dari 11 sampai dengan 15 Maret 2019"',
      'Situs LPSE Kabupaten Contoh mengalami gangguan dari 11 sampai dengan 15 Maret 2019.',
      null,
      '2019-03-11',
      '2019-03-15',
      'Situs LPSE Kabupaten Contoh mengalami gangguan dari 11 sampai dengan 15 Maret 2019.',
    ],
    [
      '"3–5 Juni" right after the outage word, the year from the publication date',
      'Layanan LPSE Kota Contoh lumpuh 3–5 Juni lalu akibat listrik padam.',
      '2023-06-10',
      '2023-06-03',
      '2023-06-05',
      'Layanan LPSE Kota Contoh lumpuh 3–5 Juni lalu akibat listrik padam.',
    ],
    [
      '"11-15/3"',
      'Server LPSE mati 11-15/3 karena gangguan jaringan.',
      '2024-03-20',
      '2024-03-11',
      '2024-03-15',
      'Server LPSE mati 11-15/3 karena gangguan jaringan.',
    ],
    [
      'a list of days "3, 4 dan 5 Juni 2024"',
      'Portal LPSE Kabupaten Contoh tidak bisa diakses pada tanggal 3, 4 dan 5 Juni 2024.',
      null,
      '2024-06-03',
      '2024-06-05',
      'Portal LPSE Kabupaten Contoh tidak bisa diakses pada tanggal 3, 4 dan 5 Juni 2024.',
    ],
    [
      'a range across a month end "30 Mei-2 Juni 2024"',
      'LPSE Kota Contoh down pada 30 Mei-2 Juni 2024.',
      null,
      '2024-05-30',
      '2024-06-02',
      'LPSE Kota Contoh down pada 30 Mei-2 Juni 2024.',
    ],
  ]);
});

describe('decideOutageWindow: weekday dates without parentheses', () => {
  rows([
    [
      '"sejak Selasa 14 Mei 2019"',
      'Laman LPSE Kabupaten Contoh tidak bisa diakses sejak Selasa 14 Mei 2019.',
      null,
      '2019-05-14',
      null,
      'Laman LPSE Kabupaten Contoh tidak bisa diakses sejak Selasa 14 Mei 2019.',
    ],
    [
      '"Sejak Selasa 14 Mei 2019 pukul 08.00 WIB," opening the sentence',
      'Sejak Selasa 14 Mei 2019 pukul 08.00 WIB, portal pengadaan itu tidak bisa dibuka.',
      null,
      '2019-05-14',
      null,
      'Sejak Selasa 14 Mei 2019 pukul 08.00 WIB, portal pengadaan itu tidak bisa dibuka.',
    ],
    [
      '"Senin, 7 Juni 2021," opening the outage sentence',
      'Senin, 7 Juni 2021, LPSE Kabupaten Contoh tidak dapat diakses sama sekali.',
      null,
      '2021-06-07',
      null,
      'Senin, 7 Juni 2021, LPSE Kabupaten Contoh tidak dapat diakses sama sekali.',
    ],
  ]);
});

describe('decideOutageWindow: a date opening the outage sentence, with or without a comma', () => {
  rows([
    [
      'no comma',
      'Senin (8/7/2024) LPSE Kabupaten Contoh down seharian.',
      null,
      '2024-07-08',
      null,
      'Senin (8/7/2024) LPSE Kabupaten Contoh down seharian.',
    ],
    [
      'a part of day, no comma',
      'Rabu (5/6/2024) pagi situs pengadaan itu tidak bisa diakses.',
      null,
      '2024-06-05',
      null,
      'Rabu (5/6/2024) pagi situs pengadaan itu tidak bisa diakses.',
    ],
  ]);

  test('an opening date of a statement is no start', () => {
    expect(run('Selasa (9/7/2019) Bupati mengatakan server LPSE rusak.').value.start).toBeNull();
  });
});

describe('decideOutageWindow: the date in a sentence the story ties to the outage', () => {
  rows([
    [
      '"Akibatnya, sejak 2 Juli panitia tidak dapat membuka dokumen penawaran"',
      'Server LPSE terkena virus ransomware. Akibatnya, sejak 2 Juli panitia tidak dapat membuka dokumen penawaran.',
      '2023-07-05',
      '2023-07-02',
      null,
      'Akibatnya, sejak 2 Juli panitia tidak dapat membuka dokumen penawaran.',
    ],
    [
      '"Pemutusan jaringan itu berlangsung sejak 8 Januari" after the outage sentence',
      'Telkom memutus jaringan internet Pemkab Contoh karena tunggakan, sehingga LPSE tidak bisa diakses. Pemutusan jaringan itu berlangsung sejak 8 Januari.',
      '2020-01-10',
      '2020-01-08',
      null,
      'Pemutusan jaringan itu berlangsung sejak 8 Januari.',
    ],
    [
      '"Kejadian itu bermula pada …" after the outage sentence',
      'Situs LPSE Kabupaten Contoh diretas. Kejadian itu bermula pada Rabu (5/6/2024) malam ketika halaman depannya diganti.',
      null,
      '2024-06-05',
      null,
      'Kejadian itu bermula pada Rabu (5/6/2024) malam ketika halaman depannya diganti.',
    ],
    [
      'a "sejak" date and the users\' trouble right before the outage sentence',
      'Sejak Senin (8/7/2024) peserta tender tidak dapat mengirim dokumen penawaran. Situs LPSE Kabupaten Contoh ternyata down.',
      null,
      '2024-07-08',
      null,
      'Sejak Senin (8/7/2024) peserta tender tidak dapat mengirim dokumen penawaran.',
    ],
    [
      'a "sejak" date right before the sentence that tells the outage',
      'Sejak Rabu (12/6/2024) ada 40 paket yang dilelang lewat LPSE Kota Contoh. Namun peserta tidak bisa mengunggah penawaran.',
      null,
      '2024-06-12',
      null,
      'Sejak Rabu (12/6/2024) ada 40 paket yang dilelang lewat LPSE Kota Contoh.',
    ],
    [
      'a continuation opening the next paragraph points back at the dated outage',
      'Pemkab Contoh meminta maaf atas terganggunya layanan LPSE sejak Kamis (29/2/2024) pagi hingga Jumat (1/3/2024) sore.\n\nGangguan tersebut disebabkan putusnya kabel fiber optik.',
      null,
      '2024-02-29',
      '2024-03-01',
      'Pemkab Contoh meminta maaf atas terganggunya layanan LPSE sejak Kamis (29/2/2024) pagi hingga Jumat (1/3/2024) sore.',
    ],
  ]);
});

describe('decideOutageWindow: days counted from the publication date or the start', () => {
  rows([
    [
      '"dalam tiga hari terakhir" (the publication day counts)',
      'Situs LPSE Kabupaten Contoh lemot dalam tiga hari terakhir.',
      '2024-11-27',
      '2024-11-25',
      null,
      'Situs LPSE Kabupaten Contoh lemot dalam tiga hari terakhir.',
    ],
    [
      '"selama dua hari terakhir"',
      'Para penyedia mengeluh LPSE Kota Contoh tidak bisa diakses selama dua hari terakhir.',
      '2024-03-06',
      '2024-03-05',
      null,
      'Para penyedia mengeluh LPSE Kota Contoh tidak bisa diakses selama dua hari terakhir.',
    ],
    [
      '"sudah bisa diakses kembali Kamis" after a dated start',
      'LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (3/6/2024). Situs itu sudah bisa diakses kembali Kamis.',
      null,
      '2024-06-03',
      '2024-06-06',
      'Situs itu sudah bisa diakses kembali Kamis.',
    ],
    [
      '"kembali normal Rabu sore" after a dated start',
      'Server LPSE Kota Contoh down sejak Senin (3/6/2024) pagi. Layanan kembali normal Rabu sore.',
      null,
      '2024-06-03',
      '2024-06-05',
      'Layanan kembali normal Rabu sore.',
    ],
    [
      'a year left out comes from the publication date and the weekday',
      'Situs LPSE Kota Contoh mati sejak Senin (3/6) pagi.',
      '2024-06-05',
      '2024-06-03',
      null,
      'Situs LPSE Kota Contoh mati sejak Senin (3/6) pagi.',
    ],
  ]);
});

describe('decideOutageWindow: dates the text does not tie to the outage', () => {
  test.each([
    ['a statement day', '"Server LPSE rusak," kata Kepala ULP, Senin, 7 Juni 2021.', null],
    [
      'a bid deadline in an outage story',
      'LPSE Kota Contoh sempat gangguan. Batas akhir pemasukan penawaran paket itu pada Jumat (2/5/2014).',
      null,
    ],
    [
      'a repair day next to the outage sentence, no trouble told with it',
      'Aplikasi cadangan data yang tidak berfungsi tidak terantisipasi. Sejak Senin (5/8/2019) pagi, server kita sudah bagus.',
      null,
    ],
    [
      'an event the next sentence does not refer back to',
      'Tender jalan itu diumumkan pada Senin (8/7/2024). Namun situs LPSE tidak bisa diakses.',
      null,
    ],
    ['a weekday that contradicts its date', 'Situs LPSE Kota Contoh mati sejak Selasa (3/6) pagi.', '2024-06-05'],
    ['no year and no publication date', 'Situs LPSE Kota Contoh mati sejak Senin (3/6) pagi.', null],
    [
      '"sejak minggu lalu" is a week, not a day',
      'LPSE Kota Contoh tidak bisa diakses sejak minggu lalu.',
      '2024-07-11',
    ],
    ['"beberapa hari terakhir" is no count', 'LPSE Kota Contoh lemot dalam beberapa hari terakhir.', '2024-07-11'],
  ])('%s', (_name, text, published) => {
    expect(run(text, published).value).toEqual({ start: null, end: null });
  });
});

describe('decideOutageWindow: a date closing the outage sentence after a comma, no one speaking', () => {
  rows([
    [
      'the system as subject',
      'Situs LPSE Kabupaten Contoh diretas orang tak dikenal, Minggu (6/6/2021).',
      null,
      '2021-06-06',
      null,
      'Situs LPSE Kabupaten Contoh diretas orang tak dikenal, Minggu (6/6/2021).',
    ],
    [
      'users complaining of the outage, a part of day after the date',
      'Para penyedia jasa mengeluhkan gangguan di LPSE Kota Contoh, Kamis (7/11/2019) siang.',
      null,
      '2019-11-07',
      null,
      'Para penyedia jasa mengeluhkan gangguan di LPSE Kota Contoh, Kamis (7/11/2019) siang.',
    ],
  ]);

  test.each([
    [
      'a meeting about the outage',
      'Komisi I menggelar rapat terkait serangan siber yang melumpuhkan LPSE, Kamis (27/6/2024).',
    ],
    ['the outage still going on that day', 'Situs LPSE Kota Contoh masih belum bisa diakses, Rabu (9/6/2021).'],
    ['a day of looking, "masih" after the date', 'Senin (7/6/2021), situs LPSE Kota Contoh masih tidak bisa dibuka.'],
    [
      'someone speaking',
      'Situs LPSE Kota Contoh tidak bisa diakses, kata Budi saat ditemui di kantornya, Rabu (5/6/2024).',
    ],
    ["another event's moment", 'Situs LPSE Kota Contoh tidak bisa diakses saat tender ditutup, Rabu (5/6/2024).'],
  ])('no start: %s', (_name, text) => {
    expect(run(text).value).toEqual({ start: null, end: null });
  });
});

describe('decideOutageWindow: the outage told through lost bids, hijacked accounts and attacks', () => {
  rows([
    [
      'an account taken over on a day',
      'Akun milik penyedia di LPSE Kabupaten Contoh dibajak pada Senin (7/6/2021) untuk mengubah nilai penawaran.',
      null,
      '2021-06-07',
      null,
      'Akun milik penyedia di LPSE Kabupaten Contoh dibajak pada Senin (7/6/2021) untuk mengubah nilai penawaran.',
    ],
    [
      'bids lost on a day',
      'Dokumen penawaran milik sejumlah peserta hilang dari aplikasi SPSE pada Senin (7/6/2021).',
      null,
      '2021-06-07',
      null,
      'Dokumen penawaran milik sejumlah peserta hilang dari aplikasi SPSE pada Senin (7/6/2021).',
    ],
    [
      'an attack on a day',
      'Website LPSE Kabupaten Contoh diserang hacker pada Minggu, 12 Mei 2019 dini hari.',
      null,
      '2019-05-12',
      null,
      'Website LPSE Kabupaten Contoh diserang hacker pada Minggu, 12 Mei 2019 dini hari.',
    ],
    [
      'broken into on a day',
      'Situs LPSE Kota Contoh dibobol peretas pada Sabtu (4/5/2024).',
      null,
      '2024-05-04',
      null,
      'Situs LPSE Kota Contoh dibobol peretas pada Sabtu (4/5/2024).',
    ],
  ]);

  test('a loss only alleged dates the complaint or the tender, not an outage', () => {
    const text =
      'PT Contoh melapor ke polisi atas dugaan hilangnya dokumen penawaran di LPSE pada tender gedung pada tanggal 16 Desember 2021.';
    expect(run(text).value).toEqual({ start: null, end: null });
  });
});

describe('decideOutageWindow: more ways of writing the day', () => {
  rows([
    [
      '"Jumat pekan lalu (12/4/2024)"',
      'Situs LPSE Pemkab Contoh tak bisa diakses sejak Jumat pekan lalu (12/4/2024).',
      null,
      '2024-04-12',
      null,
      'Situs LPSE Pemkab Contoh tak bisa diakses sejak Jumat pekan lalu (12/4/2024).',
    ],
    [
      '"Senin minggu lalu (8/4/2024)"',
      'Situs LPSE Kota Contoh error sejak Senin minggu lalu (8/4/2024).',
      null,
      '2024-04-08',
      null,
      'Situs LPSE Kota Contoh error sejak Senin minggu lalu (8/4/2024).',
    ],
    [
      'a date in brackets right after the outage',
      'Situs LPSE Kabupaten Contoh sempat tidak bisa diakses (7/11/2019).',
      null,
      '2019-11-07',
      null,
      'Situs LPSE Kabupaten Contoh sempat tidak bisa diakses (7/11/2019).',
    ],
    [
      'a date in brackets, then the hours',
      'Server LPSE Kota Contoh down (3/6/2024) sejak pagi.',
      null,
      '2024-06-03',
      null,
      'Server LPSE Kota Contoh down (3/6/2024) sejak pagi.',
    ],
    [
      '"7 s.d. 9 Juni 2021" is one range, not two sentences',
      'Layanan LPSE Kabupaten Contoh offline pada 7 s.d. 9 Juni 2021 karena pemeliharaan server.',
      null,
      '2021-06-07',
      '2021-06-09',
      'Layanan LPSE Kabupaten Contoh offline pada 7 s.d. 9 Juni 2021 karena pemeliharaan server.',
    ],
    [
      '"dari tanggal 3 s.d. 5 Juni 2024"',
      'Situs LPSE Kota Contoh tidak bisa diakses dari tanggal 3 s.d. 5 Juni 2024.',
      null,
      '2024-06-03',
      '2024-06-05',
      'Situs LPSE Kota Contoh tidak bisa diakses dari tanggal 3 s.d. 5 Juni 2024.',
    ],
    [
      'recovered "keesokan harinya", right after the recovery',
      'LPSE Kabupaten Contoh lumpuh pada 7 Juni 2021 dan kembali normal keesokan harinya.',
      null,
      '2021-06-07',
      '2021-06-08',
      'LPSE Kabupaten Contoh lumpuh pada 7 Juni 2021 dan kembali normal keesokan harinya.',
    ],
    [
      'recovered "pada hari yang sama"',
      'Server LPSE Kota Contoh mati sejak Senin (3/6/2024) siang dan pulih pada hari yang sama.',
      null,
      '2024-06-03',
      '2024-06-03',
      'Server LPSE Kota Contoh mati sejak Senin (3/6/2024) siang dan pulih pada hari yang sama.',
    ],
    [
      'a dateline fixes "pagi tadi" when no publication date is known',
      'JAKARTA, Senin (7/6/2021) - Situs LPSE Kabupaten Contoh tidak bisa diakses sejak pagi tadi.',
      null,
      '2021-06-07',
      null,
      'JAKARTA, Senin (7/6/2021) - Situs LPSE Kabupaten Contoh tidak bisa diakses sejak pagi tadi.',
    ],
    [
      'a dateline fixes "sejak kemarin"',
      'Contoh, Rabu (5/6/2024) – Server LPSE Kota Contoh mati sejak kemarin.',
      null,
      '2024-06-04',
      null,
      'Contoh, Rabu (5/6/2024) – Server LPSE Kota Contoh mati sejak kemarin.',
    ],
  ]);
});

describe('decideOutageWindow: a day counted from the publication or the day of speaking, without "sejak"', () => {
  rows([
    [
      '"Kemarin," opening the outage sentence',
      'Kemarin, situs LPSE Kota Contoh tidak bisa diakses.',
      '2021-06-09',
      '2021-06-08',
      null,
      'Kemarin, situs LPSE Kota Contoh tidak bisa diakses.',
    ],
    [
      '"hari ini" right after the outage',
      'Server LPSE Kabupaten Contoh down hari ini karena listrik padam.',
      '2024-03-05',
      '2024-03-05',
      null,
      'Server LPSE Kabupaten Contoh down hari ini karena listrik padam.',
    ],
    [
      'a bare weekday opening the outage sentence',
      'Senin malam, situs LPSE Kota Contoh tidak bisa diakses.',
      '2021-06-09',
      '2021-06-07',
      null,
      'Senin malam, situs LPSE Kota Contoh tidak bisa diakses.',
    ],
    [
      'no publication date: "sejak kemarin" counts from the day it was said',
      'Kepala ULP Budi mengatakan, server LPSE tidak bisa diakses sejak kemarin. "Kami sedang memperbaiki," kata Budi, Rabu (9/6/2021).',
      null,
      '2021-06-08',
      null,
      'Kepala ULP Budi mengatakan, server LPSE tidak bisa diakses sejak kemarin.',
    ],
    [
      'no publication date: "sejak dua hari lalu" in the dated statement',
      'Situs LPSE Kota Contoh tidak bisa diakses sejak dua hari lalu, kata Budi, Rabu (9/6/2021).',
      null,
      '2021-06-07',
      null,
      'Situs LPSE Kota Contoh tidak bisa diakses sejak dua hari lalu, kata Budi, Rabu (9/6/2021).',
    ],
  ]);

  test.each([
    ['"hari ini" while it still goes on', 'Hari ini situs LPSE Kota Contoh masih belum bisa diakses.', '2021-06-09'],
    [
      '"pada Selasa lalu" may be last week\'s',
      'LPSE Kota Contoh sempat tidak dapat diakses pada Selasa lalu.',
      '2025-06-19',
    ],
    [
      '"Sudah tiga hari" gives no first day',
      'Sudah tiga hari situs LPSE Kota Contoh tidak bisa diakses.',
      '2021-06-09',
    ],
    [
      'two statement days in one paragraph: no day of speaking',
      'LPSE Kota Contoh mati sejak kemarin, kata Budi, Rabu (9/6/2021). Hal itu dibenarkan Ani, Kamis (10/6/2021).',
      null,
    ],
    [
      'two statement days in one paragraph, the second with "kata"',
      'LPSE Kota Contoh mati sejak kemarin, kata Budi, Rabu (9/6/2021). "Benar," kata Ani, Kamis (10/6/2021).',
      null,
    ],
  ])('no start: %s', (_name, text, published) => {
    expect(run(text, published).value).toEqual({ start: null, end: null });
  });
});

describe('decideOutageWindow: a date set between commas, "dimulai", hours of one day, days later', () => {
  rows([
    [
      'a date between commas after the subject',
      'Situs LPSE Kabupaten Contoh, Senin (7/6/2021), tidak bisa diakses.',
      null,
      '2021-06-07',
      null,
      'Situs LPSE Kabupaten Contoh, Senin (7/6/2021), tidak bisa diakses.',
    ],
    [
      'a date between commas after a time phrase',
      'Hari pertama pendaftaran, Senin (7/6/2021), situs LPSE Kota Contoh langsung down.',
      null,
      '2021-06-07',
      null,
      'Hari pertama pendaftaran, Senin (7/6/2021), situs LPSE Kota Contoh langsung down.',
    ],
    [
      '"dimulai" before the day, the recovery in the next sentence',
      'Gangguan LPSE Kota Contoh dimulai Senin (7/6/2021). Layanan baru pulih Rabu (9/6/2021).',
      null,
      '2021-06-07',
      '2021-06-09',
      'Gangguan LPSE Kota Contoh dimulai Senin (7/6/2021).',
    ],
    [
      '"mulai terjadi pada"',
      'Kerusakan server ULP Kota Contoh dimulai pada 3 Maret 2024 malam.',
      null,
      '2024-03-03',
      null,
      'Kerusakan server ULP Kota Contoh dimulai pada 3 Maret 2024 malam.',
    ],
    [
      'down a few hours on one day',
      'Situs LPSE Kota Contoh sempat down beberapa jam pada Senin (7/6/2021).',
      null,
      '2021-06-07',
      '2021-06-07',
      'Situs LPSE Kota Contoh sempat down beberapa jam pada Senin (7/6/2021).',
    ],
    [
      'lumpuh for three hours',
      'Pada 3 Maret 2024, server LPSE Kabupaten Contoh lumpuh selama tiga jam karena listrik padam.',
      null,
      '2024-03-03',
      '2024-03-03',
      'Pada 3 Maret 2024, server LPSE Kabupaten Contoh lumpuh selama tiga jam karena listrik padam.',
    ],
    [
      '"Sehari kemudian" before the recovery',
      'Situs LPSE Kota Contoh tidak bisa diakses sejak Senin (7/6/2021). Sehari kemudian situs kembali normal.',
      null,
      '2021-06-07',
      '2021-06-08',
      'Sehari kemudian situs kembali normal.',
    ],
    [
      '"Dua hari kemudian," before the recovery',
      'Server LPSE Kota Contoh rusak pada 3 Maret 2024. Dua hari kemudian, layanan pulih.',
      null,
      '2024-03-03',
      '2024-03-05',
      'Dua hari kemudian, layanan pulih.',
    ],
    [
      'back online "sejak" a day',
      'Situs LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (7/6/2021). Situs sudah kembali online sejak Rabu (9/6/2021) siang.',
      null,
      '2021-06-07',
      '2021-06-09',
      'Situs sudah kembali online sejak Rabu (9/6/2021) siang.',
    ],
    [
      'users unable to open the site since a day',
      'Para kontraktor di Kabupaten Contoh resah. Sejak Senin (7/6/2021), mereka tidak bisa membuka situs LPSE.',
      null,
      '2021-06-07',
      null,
      'Sejak Senin (7/6/2021), mereka tidak bisa membuka situs LPSE.',
    ],
    [
      'an hour, then the closing date',
      'Gangguan pada LPSE Kabupaten Contoh terjadi sekitar pukul 10.00 WIB, Senin (7/6/2021).',
      null,
      '2021-06-07',
      null,
      'Gangguan pada LPSE Kabupaten Contoh terjadi sekitar pukul 10.00 WIB, Senin (7/6/2021).',
    ],
  ]);

  test.each([
    [
      'another act after an inserted date',
      'Bupati Contoh, Senin (7/6/2021), meninjau ruang server LPSE yang rusak.',
      null,
    ],
    [
      'failures counted over the last week',
      'Rekanan mengaku sudah lima kali gagal membuka situs LPSE dalam sepekan terakhir.',
      '2022-08-10',
    ],
    ['"sering" down over the last days', 'Situs LPSE Kota Contoh sering down dalam tiga hari terakhir.', '2022-08-10'],
  ])('no start: %s', (_name, text, published) => {
    expect(run(text, published).value).toEqual({ start: null, end: null });
  });
});

describe('decideOutageWindow: more outage wordings, a repair under way, a day of speaking', () => {
  rows([
    [
      '"mengalami kendala sejak"',
      'Situs LPSE Kota Contoh mengalami kendala sejak Senin (7/6/2021).',
      null,
      '2021-06-07',
      null,
      'Situs LPSE Kota Contoh mengalami kendala sejak Senin (7/6/2021).',
    ],
    [
      '"tidak berjalan normal"',
      'Sejak 3 Maret 2024, aplikasi SPSE Kabupaten Contoh tidak berjalan normal.',
      null,
      '2024-03-03',
      null,
      'Sejak 3 Maret 2024, aplikasi SPSE Kabupaten Contoh tidak berjalan normal.',
    ],
    [
      'malware',
      'Server LPSE Kota Contoh terkena malware pada Rabu (5/6/2024) malam.',
      null,
      '2024-06-05',
      null,
      'Server LPSE Kota Contoh terkena malware pada Rabu (5/6/2024) malam.',
    ],
    [
      'a repair under way since a day',
      'Server LPSE Kota Contoh sedang dalam perbaikan sejak Senin (7/6/2021).',
      null,
      '2021-06-07',
      null,
      'Server LPSE Kota Contoh sedang dalam perbaikan sejak Senin (7/6/2021).',
    ],
  ]);

  test.each([
    ['a repair\'s day with "pada"', 'Pada Senin (7/6/2021), server LPSE Kota Contoh diperbaiki teknisi.', null],
    ['repaired since a day is the recovery', 'Server LPSE Kota Contoh sudah diperbaiki sejak Senin (7/6/2021).', null],
    [
      '"Kemarin" is the day of someone\'s word',
      '"Kemarin kata petugas PLN jaringannya sedang diperbaiki," kata Kepala Diskominfo tentang LPSE.',
      '2024-06-17',
    ],
  ])('no start: %s', (_name, text, published) => {
    expect(run(text, published).value.start).toBeNull();
  });
});

describe('decideOutageWindow: no publication date, a weekday resolved from the day of reporting or the recovery', () => {
  rows([
    [
      'the one statement day of the article',
      'Situs LPSE Kota Contoh tidak bisa diakses sejak Senin.\n\n"Kami sedang memperbaiki server," kata Kepala Bagian, Rabu (9/6/2021).',
      null,
      '2021-06-07',
      null,
      'Situs LPSE Kota Contoh tidak bisa diakses sejak Senin.',
    ],
    [
      '"sejak kemarin" and the day of reporting two paragraphs on',
      'Server LPSE Kabupaten Contoh mati sejak kemarin.\n\nPenyedia mengeluh.\n\n"Tim teknis sudah bekerja," ujar Budi, Kamis (6/6/2024).',
      null,
      '2024-06-05',
      null,
      'Server LPSE Kabupaten Contoh mati sejak kemarin.',
    ],
    [
      'a "sejak" weekday before a dated recovery',
      'Situs LPSE Kota Contoh down sejak Senin. Layanan kembali normal pada Kamis (10/6/2021).',
      null,
      '2021-06-07',
      '2021-06-10',
      'Situs LPSE Kota Contoh down sejak Senin.',
    ],
    [
      'a "sejak" weekday before a recovery dated with a month name',
      'Aplikasi SPSE Kabupaten Contoh error sejak Sabtu pagi. Aplikasi sudah bisa diakses kembali pada Selasa, 4 Juni 2024.',
      null,
      '2024-06-01',
      '2024-06-04',
      'Aplikasi SPSE Kabupaten Contoh error sejak Sabtu pagi.',
    ],
  ]);

  test('the recovery on the same weekday leaves the start unknown', () => {
    const r = run('Situs LPSE Kota Contoh down sejak Kamis. Layanan kembali normal pada Kamis (10/6/2021).');
    expect(r.value).toEqual({ start: null, end: '2021-06-10' });
  });
});

describe('buildReport: the outage window from the decider, its evidence with offsets', () => {
  test('the spans lead back to the sentences in Report.text', () => {
    const text =
      'LPSE Kota Contoh Lumpuh\n\nPortal LPSE Kota Contoh  tidak bisa diakses sejak Senin (3/6/2024) pagi.\nBaca juga: Tender Ditunda\n\nLayanan kembali normal pada Rabu (5/6/2024) sore, kata Kepala Bagian.';
    const r = buildReport(textArticle({ url: 'https://berita.example.id/lpse', text }), { id: 'r' });
    expect(r.outage).toMatchObject({ start: '2024-06-03', end: '2024-06-05' });
    expect(r.outage.spans?.map((s) => r.text.slice(s.start, s.end))).toEqual([
      'Portal LPSE Kota Contoh  tidak bisa diakses sejak Senin (3/6/2024) pagi.',
      'Layanan kembali normal pada Rabu (5/6/2024) sore, kata Kepala Bagian.',
    ]);
    expect(r.outage.evidence[0]).toBe('Portal LPSE Kota Contoh tidak bisa diakses sejak Senin (3/6/2024) pagi.');
  });
});
