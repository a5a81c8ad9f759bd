import { describe, expect, test } from 'vitest';
import { extractOutageWindow } from '../../extractors/fields/outage-window.ts';
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

describe('extractOutageWindow: ranges, bare weekdays, complaints, relative starts', () => {
  test.each([
    [
      'a time inside the range does not break it',
      'Portal LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (6/3/2023) pukul 08.00 WITA hingga Rabu (8/3/2023) siang.',
      null,
      '2023-03-06',
      '2023-03-08',
      'Portal LPSE Kabupaten Contoh tidak bisa diakses sejak Senin (6/3/2023) pukul 08.00 WITA hingga Rabu (8/3/2023) siang.',
    ],
    [
      'weekday, comma and full date after "pada"',
      'Pemadaman listrik pada Senin, 4 Maret 2024, membuat LPSE Kota Contoh tidak bisa diakses.',
      null,
      '2024-03-04',
      null,
      'Pemadaman listrik pada Senin, 4 Maret 2024, membuat LPSE Kota Contoh tidak bisa diakses.',
    ],
    [
      'degraded service is an outage',
      'Laman SPSE Kabupaten Contoh sulit diakses sejak Selasa (9/1/2024).',
      null,
      '2024-01-09',
      null,
      'Laman SPSE Kabupaten Contoh sulit diakses sejak Selasa (9/1/2024).',
    ],
    [
      'an outage told as a complaint',
      'Para rekanan mengeluhkan tidak bisa masuk ke aplikasi LPSE pada Kamis (11/4/2024) malam.',
      null,
      '2024-04-11',
      null,
      'Para rekanan mengeluhkan tidak bisa masuk ke aplikasi LPSE pada Kamis (11/4/2024) malam.',
    ],
    [
      'a recovery on a bare weekday is the next such weekday',
      'LPSE Kota Contoh lumpuh pada Jumat (10/5/2024). Menurut dia, layanan sudah kembali normal Minggu pagi.',
      null,
      '2024-05-10',
      '2024-05-12',
      'Menurut dia, layanan sudah kembali normal Minggu pagi.',
    ],
    [
      'a recovery at a time is the start day',
      'Server LPSE Kabupaten Contoh mati pada Rabu (7/8/2024) siang. Layanan pulih pukul 21.15 WIB.',
      null,
      '2024-08-07',
      '2024-08-07',
      'Layanan pulih pukul 21.15 WIB.',
    ],
    [
      '"sejak kemarin" against the publication date',
      'Pemkab Contoh menutup sementara laman LPSE sejak kemarin karena disusupi konten asing.',
      '2024-06-20',
      '2024-06-19',
      null,
      'Pemkab Contoh menutup sementara laman LPSE sejak kemarin karena disusupi konten asing.',
    ],
  ])('%s', (_name, text, published, start, end, evidence) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test.each([
    ['"sejak kemarin" without a publication date', 'LPSE Kota Contoh ditutup sementara sejak kemarin.', null],
    [
      'a bare weekday recovery without a dated start',
      'LPSE Kota Contoh sempat down. Layanan kembali normal Sabtu dini hari.',
      '2024-06-20',
    ],
    [
      'a range end followed by "masih" is still no end',
      'LPSE tidak bisa diakses sejak Senin (6/3/2023) pukul 08.00 WIB hingga Rabu (8/3/2023) masih belum pulih.',
      null,
    ],
  ])('%s', (_name, text, published) => {
    const r = run(text, published);
    expect(r.value.end).toBeNull();
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

describe('extractOutageWindow: English reports', () => {
  test('an English date after "for most of" starts it; "restored early on Wednesday" ends it', () => {
    const r = run(
      'The LPSE portal of Contoh Regency was offline for most of Monday, March 4, 2024, after a power failure. He said the portal was restored early on Wednesday morning.',
    );
    expect(r.value).toEqual({ start: '2024-03-04', end: '2024-03-06' });
    expect(r.evidence.map((e) => e.text)).toContain('He said the portal was restored early on Wednesday morning.');
  });

  test('an English date that is not linked to the outage is not its start', () => {
    const r = run(
      'The LPSE portal went down. The regent announced the budget on the radio, citing a report of July 2, 2024.',
    );
    expect(r.value.start).toBeNull();
  });
});

describe('extractOutageWindow: deadlines are not slow portals', () => {
  test('"paling lambat pada tanggal" is a deadline', () => {
    const r = run('Penawaran diunggah ke LPSE paling lambat pada tanggal 15 Mei 2023 pukul 12.00 WIB.');
    expect(r.value).toEqual({ start: null, end: null });
  });
});

describe('extractOutageWindow: days written relative to the publication date or the start', () => {
  test.each([
    [
      '"sejak Senin lalu" is the last Monday up to publication',
      'Situs LPSE Kabupaten Contoh tidak bisa diakses sejak Senin lalu.',
      '2024-06-20',
      '2024-06-17',
      null,
    ],
    [
      '"sejak dua hari lalu"',
      'Situs LPSE Kabupaten Contoh tidak bisa diakses sejak dua hari lalu.',
      '2024-06-20',
      '2024-06-18',
      null,
    ],
    [
      '"keesokan harinya" after a dated start',
      'LPSE Kota Contoh mati sejak Senin (17/6/2024). Layanan baru pulih keesokan harinya.',
      null,
      '2024-06-17',
      '2024-06-18',
    ],
    [
      '"sore harinya" is the start day',
      'LPSE Kota Contoh down pada Senin (17/6/2024) pagi. Sore harinya layanan kembali normal.',
      null,
      '2024-06-17',
      '2024-06-17',
    ],
    [
      '"dari … sampai dengan …"',
      'Gangguan LPSE berlangsung dari Senin (3/7/2023) sampai dengan Rabu (5/7/2023).',
      null,
      '2023-07-03',
      '2023-07-05',
    ],
  ])('%s', (_name, text, published, start, end) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  test.each([
    [
      '"sejak Senin pekan lalu" is not fixed',
      'Situs LPSE Kota Contoh tidak bisa diakses sejak Senin pekan lalu.',
      '2024-06-20',
    ],
    ['no publication date', 'Situs LPSE Kota Contoh tidak bisa diakses sejak Senin lalu.', null],
  ])('%s', (_name, text, published) => {
    expect(run(text, published).value.start).toBeNull();
  });
});

describe('extractOutageWindow: recoveries told relative to the start', () => {
  test.each([
    [
      'a dated outage, then "dan baru pulih sepekan kemudian"',
      'LPSE Kabupaten Contoh diretas pada 3 Maret 2023 dan baru pulih sepekan kemudian.',
      '2023-03-03',
      '2023-03-10',
      'LPSE Kabupaten Contoh diretas pada 3 Maret 2023 dan baru pulih sepekan kemudian.',
    ],
    [
      '"dua hari kemudian"',
      'Server LPSE Kota Contoh mati sejak Senin (6/3/2023). Layanan kembali normal dua hari kemudian.',
      '2023-03-06',
      '2023-03-08',
      'Layanan kembali normal dua hari kemudian.',
    ],
    [
      'a weekday before the recovery',
      'LPSE down sejak Jumat (26/5/2023). "Sabtu pagi sudah bisa diakses lagi," kata Kepala LPSE.',
      '2023-05-26',
      '2023-05-27',
      '"Sabtu pagi sudah bisa diakses lagi," kata Kepala LPSE.',
    ],
  ])('%s', (_name, text, start, end, evidence) => {
    const r = run(text);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test('a weekday before "belum pulih" is no end', () => {
    const r = run('LPSE down sejak Jumat (26/5/2023). Hingga Sabtu pagi layanan belum pulih.');
    expect(r.value).toEqual({ start: '2023-05-26', end: null });
  });
});

describe('extractOutageWindow: recoveries next to their day, same-day hours, partial recoveries', () => {
  test.each([
    [
      'the recovery right before "pada" and a weekday with its date',
      'Portal SPSE Kota Contoh mati sejak Jumat, 3 Mei 2024. Layanan akhirnya kembali normal pada Minggu, 5 Mei 2024 siang.',
      null,
      '2024-05-03',
      '2024-05-05',
      'Layanan akhirnya kembali normal pada Minggu, 5 Mei 2024 siang.',
    ],
    [
      '"dibuka lagi" right before a weekday and its date',
      'LPSE Kabupaten Contoh lumpuh sejak Rabu (12/6/2024). Setelah server diganti, laman itu dibuka lagi Jumat (14/6/2024) pagi.',
      null,
      '2024-06-12',
      '2024-06-14',
      'Setelah server diganti, laman itu dibuka lagi Jumat (14/6/2024) pagi.',
    ],
    [
      'a weekday later in the recovery clause',
      'Aplikasi SPSE Kota Contoh tidak bisa diakses sejak Senin (2/9/2024). Petugas berhasil memulihkan sambungan lewat jalur satelit pada Selasa malam.',
      null,
      '2024-09-02',
      '2024-09-03',
      'Petugas berhasil memulihkan sambungan lewat jalur satelit pada Selasa malam.',
    ],
    [
      'a portal that "tidak dapat digunakan" over a range',
      'Aplikasi SPSE Provinsi Contoh tidak dapat digunakan selama dua hari, sejak Senin (7/10/2024) hingga Selasa (8/10/2024).',
      null,
      '2024-10-07',
      '2024-10-08',
      'Aplikasi SPSE Provinsi Contoh tidak dapat digunakan selama dua hari, sejak Senin (7/10/2024) hingga Selasa (8/10/2024).',
    ],
    [
      'hours on the start day, no second date',
      'LPSE Kabupaten Contoh terganggu pada Kamis (10/10/2024), mulai pukul 08.00 WIB hingga pukul 13.30 WIB.',
      null,
      '2024-10-10',
      '2024-10-10',
      'LPSE Kabupaten Contoh terganggu pada Kamis (10/10/2024), mulai pukul 08.00 WIB hingga pukul 13.30 WIB.',
    ],
    [
      '"kemarin, sejak pukul" resolved from the publication date, closed "hingga sore"',
      'Situs LPSE Kota Contoh sempat down kemarin, sejak pukul 09.00 WIB hingga sore.',
      '2024-08-21',
      '2024-08-20',
      '2024-08-20',
      'Situs LPSE Kota Contoh sempat down kemarin, sejak pukul 09.00 WIB hingga sore.',
    ],
  ])('%s', (_name, text, published, start, end, evidence) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test.each([
    [
      'a part recovered, the service still down',
      'LPSE Kota Contoh mati sejak Senin (2/9/2024). Jaringan kantor sudah dipulihkan pada Rabu pagi. Namun server LPSE masih menunggu suku cadang.',
      null,
      '2024-09-02',
    ],
    [
      '"belum kembali normal pada" is no end',
      'LPSE Kota Contoh mati sejak Senin (2/9/2024). Hingga kini layanan belum kembali normal pada Rabu, 4 September 2024.',
      null,
      '2024-09-02',
    ],
    [
      'a later deadline after the hours is not a same-day end',
      'LPSE Kota Contoh error sejak Senin (2/9/2024). Batas penawaran diperpanjang hingga Kamis (5/9/2024) pukul 12.00 WIB.',
      null,
      '2024-09-02',
    ],
    ['"kemarin" without "sejak" or hours is no start', 'Situs LPSE Kota Contoh kemarin down.', '2024-08-21', null],
  ])('%s', (_name, text, published, start) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end: null });
  });
});

describe('extractOutageWindow: English dates without a year', () => {
  test.each([
    [
      'a start and a recovery, years from the publication date',
      'The LPSE portal of Contoh Regency went offline on Thursday, March 5. Officials said the portal was restored on Friday, March 6, at noon.',
      '2026-03-09',
      '2026-03-05',
      '2026-03-06',
      'Officials said the portal was restored on Friday, March 6, at noon.',
    ],
  ])('%s', (_name, text, published, start, end, evidence) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test.each([
    ['a weekday that contradicts the inferred year', 'The LPSE portal went offline on Monday, March 5.', '2026-03-09'],
    ['no publication date', 'The LPSE portal went offline on Thursday, March 5.', null],
  ])('%s is no start', (_name, text, published) => {
    expect(run(text, published).value.start).toBeNull();
  });
});

describe('extractOutageWindow: Javanese reports', () => {
  test.each([
    [
      '"wiwit <weekday> (d/m) nganti <weekday> (d/m)"',
      'LPSE Kabupaten Contoh ora bisa diakses wiwit Senen (3/11) esuk nganti Rebo (5/11) sore.',
      '2025-11-08',
      '2025-11-03',
      '2025-11-05',
    ],
    [
      'a Javanese weekday that contradicts its date is no start',
      'LPSE Kabupaten Contoh ora bisa diakses wiwit Setu (3/11) esuk.',
      '2025-11-08',
      null,
      null,
    ],
  ])('%s', (_name, text, published, start, end) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    if (start) expect(r.evidence.map((e) => e.text)).toContain(text);
  });
});

describe('extractOutageWindow: day ranges with a hyphen, lengths, hours, year ends', () => {
  test.each([
    [
      'two weekdays and a hyphenated day range',
      'Penyedia mengeluhkan lambatnya LPSE Kabupaten Cirebon pada Senin dan Selasa (3-4/2/2025).',
      '2025-02-05',
      '2025-02-03',
      '2025-02-04',
    ],
    [
      'a weekday pair with a hyphen',
      'Situs LPSE Kabupaten Sleman tidak bisa diakses pada Sabtu-Minggu (18-19/5/2024).',
      '2024-05-21',
      '2024-05-18',
      '2024-05-19',
    ],
    [
      'a day range before a month name',
      'Layanan LPSE Provinsi Jambi terganggu pada 12-14 Agustus 2023 karena kabel serat optik putus.',
      '2023-08-20',
      '2023-08-12',
      '2023-08-14',
    ],
    [
      'a range across the year end',
      'LPSE Kabupaten Gresik tidak bisa diakses sejak 28 Desember hingga 2 Januari.',
      '2025-01-05',
      '2024-12-28',
      '2025-01-02',
    ],
    [
      'a length in days from the start, the first day counting',
      'Tanggal 3 Maret lalu, server LPSE Kabupaten Sumba Timur mati dan layanan lumpuh selama tiga hari sejak hari itu.',
      '2025-03-16',
      '2025-03-03',
      '2025-03-05',
    ],
    [
      'a length that is still running is no end',
      'Server LPSE mati sejak 3 Februari 2025 dan sudah lumpuh selama tiga hari, hingga kini belum pulih.',
      '2025-02-06',
      '2025-02-03',
      null,
    ],
    [
      'hours within the day in the next paragraph',
      'Gapensi mengeluhkan gangguan LPSE Kabupaten Bone pada Jumat (25/7/2025).\n\nKetua Gapensi, Andi, mengatakan anggotanya gagal mengunggah dokumen penawaran antara pukul 10.00 hingga 15.00 WITA.',
      '2025-07-26',
      '2025-07-25',
      '2025-07-25',
    ],
    [
      'hours on another day are not the same day',
      'Gapensi mengeluhkan gangguan LPSE Kabupaten Bone pada Jumat (25/7/2025).\n\nPada Senin, penyedia kembali gagal mengunggah dokumen antara pukul 10.00 hingga 15.00 WITA.',
      '2025-07-29',
      '2025-07-25',
      null,
    ],
    [
      'an English weekday and date without a year',
      "Bali's procurement portal (LPSE) has been unreachable since Thursday, June 20, one of hundreds of services.",
      '2024-06-24',
      '2024-06-20',
      null,
    ],
  ])('%s', (_name, text, published, start, end) => {
    expect(run(text, published).value).toEqual({ start, end });
  });
});

describe('extractOutageWindow: relative days, whole days, weekends, lengths, recoveries told in other words', () => {
  test.each([
    [
      '"sejak tadi pagi" is the publication day; "belum pulih" is no end',
      'Laman LPSE Kota Ambon tidak bisa diakses sejak tadi pagi.\n\nHingga berita ini diturunkan, LPSE Kota Ambon belum pulih.',
      '2024-10-15',
      '2024-10-15',
      null,
    ],
    [
      '"sejak pagi hingga sore kemarin" is one day before the publication',
      'Laman LPSE Kabupaten Ketapang tidak dapat diakses sejak pagi hingga sore kemarin.',
      '2023-11-22',
      '2023-11-21',
      '2023-11-21',
    ],
    [
      '"dari pagi hingga sore kemarin" too',
      'Situs LPSE Kabupaten Sambas down dari pagi hingga sore kemarin.',
      '2023-11-22',
      '2023-11-21',
      '2023-11-21',
    ],
    [
      'bare weekdays "sejak Kamis pagi hingga Jumat sore kemarin" from a Saturday',
      'Penyedia mengeluhkan sulitnya mengakses LPSE Kabupaten Jember sejak Kamis pagi hingga Jumat sore kemarin.',
      '2023-09-16',
      '2023-09-14',
      '2023-09-15',
    ],
    [
      '"hampir sepanjang Senin (8/7)" starts it; "kembali normal pada Senin malam" ends it',
      'LPSE Kabupaten Kotawaringin Barat tidak dapat diakses hampir sepanjang Senin (8/7/2024). Layanan baru kembali normal pada Senin malam sekitar pukul 22.00 WIB.',
      '2024-07-09',
      '2024-07-08',
      '2024-07-08',
    ],
    [
      '"pada akhir pekan lalu," before the weekend\'s days; a hack told through "peretas"',
      'Situs LPSE Kabupaten Bantul menjadi sasaran peretas pada akhir pekan lalu, Sabtu-Minggu (18-19/5/2024).',
      '2024-05-20',
      '2024-05-18',
      '2024-05-19',
    ],
    [
      '"disusupi" on a dated day; "kembali dapat diakses" right before the recovery day',
      'Situs LPSE Kabupaten Musi Banyuasin disusupi konten judi online pada Selasa (2/4/2024). Situs kembali dapat diakses Rabu (3/4/2024) sore.',
      '2024-04-04',
      '2024-04-02',
      '2024-04-03',
    ],
    [
      '"selama dua hari," followed by the range of its days',
      'LPSE Kabupaten Halmahera Utara tidak dapat diakses selama dua hari, Kamis-Jumat (26-27/9/2024).',
      '2024-09-28',
      '2024-09-26',
      '2024-09-27',
    ],
    [
      '"berangsur normal" at a time is the start day',
      'LPSE Kabupaten Paser tidak dapat diakses pada Kamis (7/3/2024) sejak pukul 10.00 Wita. Layanan berangsur normal sekitar pukul 20.00 Wita.',
      '2024-03-08',
      '2024-03-07',
      '2024-03-07',
    ],
    [
      '"baru berangsur normal pada" a dated day',
      'Pemadaman listrik sejak Rabu (15/2/2023) malam melumpuhkan LPSE Kabupaten Majene. LPSE itu baru berangsur normal pada Kamis (16/2/2023) sekitar pukul 11.00 Wita.',
      '2023-02-16',
      '2023-02-15',
      '2023-02-16',
    ],
    [
      'a recovery "semula dijadwalkan" far before it is still a recovery',
      'LPSE Kabupaten Sintang tidak dapat diakses sejak Sabtu, 7 Februari 2026. Layanan yang semula dijadwalkan hanya berhenti semalam untuk pemeliharaan baru kembali normal pada Senin, 9 Februari 2026.',
      '2026-02-10',
      '2026-02-07',
      '2026-02-09',
    ],
  ])('%s', (_name, text, published, start, end) => {
    const r = run(text, published);
    expect(r.value).toEqual({ start, end });
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  test.each([
    [
      'a recovery only expected on a bare weekday',
      'LPSE Kabupaten Sanggau tidak dapat diakses sejak Minggu (21/1) sore. Kepala dinas memperkirakan layanan paling cepat pulih pada Kamis.',
      '2024-01-23',
      '2024-01-21',
    ],
    [
      'a recovery on a weekday still to come',
      'LPSE Kabupaten Sanggau tidak dapat diakses sejak Minggu (21/1) sore. Layanan baru bisa pulih Kamis mendatang.',
      '2024-01-23',
      '2024-01-21',
    ],
    [
      'a recovery only expected on a dated day',
      'LPSE Kabupaten Sanggau tidak dapat diakses sejak Minggu (21/1/2024) sore. Layanan diperkirakan kembali normal pada Kamis (25/1/2024).',
      '2024-01-23',
      '2024-01-21',
    ],
    [
      'a bare weekday end after the publication day is no end',
      'Penyedia sulit mengakses LPSE Kabupaten Jember sejak Kamis pagi hingga Sabtu.',
      '2023-09-15',
      '2023-09-14',
    ],
  ])('%s', (_name, text, published, start) => {
    expect(run(text, published).value).toEqual({ start, end: null });
  });

  test('an English range end after "until late"', () => {
    const r = run(
      'The portal of Tanjungpinang City was unreachable from Thursday, June 20, until late Monday, June 24, 2024, officials said.',
      '2024-06-26',
    );
    expect(r.value).toEqual({ start: '2024-06-20', end: '2024-06-24' });
  });

  test('Javanese: "ora bisa dibukak wiwit dina Senen (15/7/2024)", "Selasa sore LPSE wis normal maneh"', () => {
    const r = run(
      'Situs LPSE Kabupaten Boyolali ora bisa dibukak wiwit dina Senen (15/7/2024) esuk. "Provider wis ndandani lan Selasa sore LPSE wis normal maneh," kandhane.',
      '2024-07-17',
    );
    expect(r.value).toEqual({ start: '2024-07-15', end: '2024-07-16' });
  });
});

describe('extractOutageWindow: the outage told through its users or its hacker', () => {
  test.each([
    ['kesulitan mengakses', 'Penyedia kesulitan mengakses LPSE Kabupaten Gowa sejak Senin (3/3/2025).'],
    ['susah mengakses', 'Penyedia susah mengakses LPSE Kabupaten Gowa sejak Senin (3/3/2025).'],
    ['tidak bisa menggunakan', 'Pokja tidak bisa menggunakan LPSE Kabupaten Gowa sejak Senin (3/3/2025).'],
    ['tidak dapat menggunakan', 'Pokja tidak dapat menggunakan LPSE Kabupaten Gowa sejak Senin (3/3/2025).'],
    ['peretasan', 'Peretasan situs LPSE Kabupaten Gowa terjadi pada Senin (3/3/2025).'],
    ['ora isa diakses', 'LPSE Kabupaten Sragen ora isa diakses wiwit Senen (3/3/2025).'],
    ['ora iso dibukak', 'LPSE Kabupaten Sragen ora iso dibukak wiwit Senen (3/3/2025).'],
  ])('%s', (_word, text) => {
    expect(run(text, '2025-03-05').value.start).toBe('2025-03-03');
  });
});

describe('extractOutageWindow: bare weekdays resolved from the publication date', () => {
  test.each([
    [
      '"pada Senin" in a Wednesday article',
      'LPSE Kabupaten Gowa tidak bisa diakses pada Senin.',
      '2024-07-10',
      '2024-07-08',
      null,
    ],
    [
      '"Senin kemarin" the day before',
      'LPSE Kabupaten Gowa tidak bisa diakses Senin kemarin.',
      '2024-07-09',
      '2024-07-08',
      null,
    ],
    [
      'English "on Sunday morning", "restored on Monday evening"',
      'The LPSE portal of Makassar went offline on Sunday morning and was restored on Monday evening.',
      '2024-07-10',
      '2024-07-07',
      '2024-07-08',
    ],
    [
      'English "for most of Tuesday", "restored late Tuesday evening"',
      'The LPSE portal of Makassar was inaccessible for most of Tuesday. Service was restored late Tuesday evening.',
      '2024-07-11',
      '2024-07-09',
      '2024-07-09',
    ],
    [
      '"sejak Senin hingga Rabu (10/7)": the start counted back from the dated end',
      'LPSE Kabupaten Gowa tidak bisa diakses sejak Senin hingga Rabu (10/7).',
      '2024-07-20',
      '2024-07-08',
      '2024-07-10',
    ],
    [
      '"sejak Senin (8/7) pagi hingga Selasa sore": a bare weekday closing a dated range',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024) pagi hingga Selasa sore.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
  ])('%s', (_name, text, published, start, end) => {
    expect(run(text, published).value).toEqual({ start, end });
  });

  test.each([
    [
      '"pada Selasa lalu" may be any past Tuesday',
      'LPSE Kabupaten Gowa tidak dapat diakses pada Selasa lalu.',
      '2024-07-11',
    ],
    ['"Senin kemarin" not the day before', 'LPSE Kabupaten Gowa tidak bisa diakses Senin kemarin.', '2024-07-11'],
    ['"minggu lalu" is last week', 'LPSE Kabupaten Gowa tidak bisa diakses sejak minggu lalu.', '2024-07-11'],
    ['a shutdown planned for Saturday', 'LPSE Kabupaten Gowa akan ditutup sementara pada Sabtu.', '2024-07-11'],
    [
      'a statement on Wednesday',
      'The portal suffered an outage, said Andi Baso, a spokesperson, in a statement on Wednesday.',
      '2024-07-11',
    ],
  ])('%s is no start', (_name, text, published) => {
    expect(run(text, published).value.start).toBeNull();
  });

  test('a bare weekday recovery cannot fall after the publication day', () => {
    const r = run(
      'The LPSE portal of Makassar went offline on Wednesday. Service was restored late Tuesday evening.',
      '2024-07-11',
    );
    expect(r.value).toEqual({ start: '2024-07-10', end: null });
  });
});

describe('extractOutageWindow: days joined by "dan", next days, recoveries in other words', () => {
  test.each([
    [
      '"pada Senin (8/7) dan Selasa (9/7)"',
      'LPSE Kabupaten Gowa tidak bisa diakses pada Senin (8/7) dan Selasa (9/7).',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
    [
      '"pada 8 dan 9 Juli 2024"',
      'LPSE Kabupaten Gowa tidak bisa diakses pada 8 dan 9 Juli 2024.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
    [
      '"dua hari, yakni Senin dan Selasa (8-9/7/2024)"',
      'LPSE Kabupaten Gowa mati dua hari, yakni Senin dan Selasa (8-9/7/2024).',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
    [
      '"pulih sehari kemudian"',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). Layanan pulih sehari kemudian.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
    [
      '"Esoknya … sudah normal"',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). Esoknya layanan sudah normal.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
    [
      '"kembali normal kemarin sore"',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). Layanan baru kembali normal kemarin sore.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-11',
    ],
    [
      '"berhasil diatasi pada" a dated day',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). Gangguan berhasil diatasi pada Rabu (10/7/2024).',
      '2024-07-12',
      '2024-07-08',
      '2024-07-10',
    ],
    [
      '"teratasi Rabu sore"',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). Gangguan teratasi Rabu sore.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-10',
    ],
    [
      'a dated day, then "kembali berfungsi"',
      'LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). Rabu (10/7/2024) layanan kembali berfungsi.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-10',
    ],
    [
      'English "back to normal on Tuesday"',
      'The LPSE portal of Makassar went offline on Monday, July 8, 2024. It was back to normal on Tuesday.',
      '2024-07-12',
      '2024-07-08',
      '2024-07-09',
    ],
    [
      'a date opening the sentence before a comma',
      'Senin (8/7/2024), server LPSE Kabupaten Gowa down seharian.',
      '2024-07-12',
      '2024-07-08',
      null,
    ],
  ])('%s', (_name, text, published, start, end) => {
    expect(run(text, published).value).toEqual({ start, end });
  });

  test.each([
    ['"masih berupaya memulihkan"', 'Petugas masih berupaya memulihkan layanan pada Rabu (10/7/2024).'],
    ['"sedang dipulihkan"', 'Layanan sedang dipulihkan pada Rabu (10/7/2024).'],
    ['"belum dapat diatasi"', 'Gangguan belum dapat diatasi pada Rabu (10/7/2024).'],
  ])('%s is no end', (_name, second) => {
    const r = run(`LPSE Kabupaten Gowa mati sejak Senin (8/7/2024). ${second}`, '2024-07-12');
    expect(r.value).toEqual({ start: '2024-07-08', end: null });
  });

  test('a date opening a statement is no start', () => {
    const r = run('Senin (8/7/2024), Kepala LPSE mengatakan server sempat down.', '2024-07-12');
    expect(r.value.start).toBeNull();
  });
});

describe('extractOutageWindow: an event dated, the outage told next', () => {
  test('the next sentence points back at the dated event', () => {
    const text =
      'Petir menyambar menara radio link di Balai Kota Palangka Raya pada Selasa, 26 November 2024 sore. Sambaran itu merusak perangkat jaringan sehingga LPSE Kota Palangka Raya tidak bisa diakses. LPSE kembali bisa digunakan Rabu (27/11/2024) pagi.';
    expect(run(text, '2024-11-27').value).toEqual({ start: '2024-11-26', end: '2024-11-27' });
  });

  test('a dated sentence followed by an unrelated outage sentence is not the start', () => {
    const text =
      'Bupati meresmikan gedung baru pada Selasa, 26 November 2024. Warga lain mengeluhkan LPSE Kota Palangka Raya tidak bisa diakses.';
    expect(run(text, '2024-11-27').value.start).toBeNull();
  });
});

describe('extractOutageWindow: counts of days read from one table', () => {
  test.each([
    ['tiga', '2023-03-06'],
    ['tujuh', '2023-03-10'],
  ])('"%s hari kemudian" counts from the start, not from the publication date', (n, end) => {
    const text = `Server LPSE Kabupaten Gresik diretas pada 3 Maret 2023 dan baru pulih ${n} hari kemudian.`;
    expect(run(text, '2023-03-20').value).toEqual({ start: '2023-03-03', end });
  });
});
