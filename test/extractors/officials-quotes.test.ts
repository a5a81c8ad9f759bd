import { describe, expect, test } from 'vitest';
import { extractOfficials, parseWho } from '../../extractors/officials/index.ts';
import { paragraphsOf, quotations } from '../../extractors/officials/quotations.ts';
import { ctxOf } from './helpers.ts';

/** Who holds which quotation: name → the first words of each quote credited to them. */
function credits(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of extractOfficials(ctxOf(text)).value)
    out[o.name] = o.quotes.map((q) => q.split(/\s+/).slice(0, 3).join(' '));
  return out;
}

describe('speaker model: each quotation credited to who said it, or to nobody', () => {
  test.each([
    [
      'a bare verb after the quotation, two speakers in one paragraph',
      '"Server kami mati sejak pagi," kata Kepala LPSE Kota Bogor Budi Santoso. "Kami tidak diberi tahu sama sekali," ujar Rudi Hartono, Direktur CV Maju.',
      { 'Budi Santoso': ['Server kami mati'], 'Rudi Hartono': ['Kami tidak diberi'] },
    ],
    [
      'a bare verb after the quotation, the verb written before the quotation of the next paragraph',
      '"Jaringan dari provider sedang putus," tutur Kabag Pengadaan Setda Sleman, Siti Aminah.\n\n"Kami sudah lapor ke Telkom sejak kemarin," tambah Siti.',
      { 'Siti Aminah': ['Jaringan dari provider', 'Kami sudah lapor'] },
    ],
    [
      'the speaker and an active verb before the quotation',
      'Kepala Dinas Kominfo Sleman, Agus Salim mengatakan, "Perbaikan server butuh dua hari lagi."',
      { 'Agus Salim': ['Perbaikan server butuh'] },
    ],
    [
      'the speaker before the quotation, the quotation in the next sentence of the paragraph',
      'Ketua Gapensi Sleman, Hasan Basri menjelaskan bahwa banyak rekanan gagal mengunggah. "Ada tiga puluh perusahaan yang mengeluh," katanya.',
      { 'Hasan Basri': ['Ada tiga puluh'] },
    ],
    [
      'a third speaker introduced after the second speaker’s quotations',
      '"Sistem kembali normal," kata Kepala LPSE Sleman Budi Santoso.\n\n"Kami rugi waktu dua hari," ujar Rudi Hartono, rekanan asal Sleman.\n\nAnggota DPRD Sleman, Dewi Lestari, menyayangkan gangguan itu. "Pemkab harus mengganti servernya," ujarnya.',
      {
        'Budi Santoso': ['Sistem kembali normal'],
        'Rudi Hartono': ['Kami rugi waktu'],
        'Dewi Lestari': ['Pemkab harus mengganti'],
      },
    ],
    [
      '"Ia menambahkan" and "ujarnya" referring back across a paragraph',
      'Kepala ULP Sleman, Joko Widarto mengatakan server rusak sejak Senin.\n\nIa menambahkan, teknisi sudah dipanggil dari Jakarta.\n\n"Mudah-mudahan besok sudah bisa dipakai," ujarnya.',
      { 'Joko Widarto': ['Mudah-mudahan besok sudah'] },
    ],
    [
      '"Dia menjelaskan" then a quotation standing on its own',
      'Plt Kepala Diskominfo Sleman, Rina Marlina, membenarkan gangguan itu.\n\nDia menjelaskan bahwa listrik padam di ruang server.\n\n"Genset kami tidak menyala karena solarnya habis."',
      { 'Rina Marlina': ['Genset kami tidak'] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });

  test.each([
    [
      'a speaker the text does not name, then a pronoun',
      '"Server sengaja dimatikan," kata seorang kontraktor yang enggan disebut namanya.\n\n"Ini sudah sering terjadi," ujarnya.',
      {},
    ],
    [
      'an unnamed speaker after a named one: the named speaker is not carried over',
      '"Perbaikan sudah selesai," kata Kepala LPSE Sleman Budi Santoso.\n\nKontraktor lain yang tidak mau disebut namanya mengatakan, "Kami tetap tidak bisa masuk."\n\n"Tolong diperbaiki lagi," katanya.',
      { 'Budi Santoso': ['Perbaikan sudah selesai'] },
    ],
    [
      'a page that stops inside the speaker’s name',
      '"Sistem sudah pulih," kata Kepala LPSE Kota Bogor Budi Santoso.\n\n"Kami menilai ada permainan pihak tertentu," kata Ketua Asosiasi Gabungan Pengu',
      { 'Budi Santoso': ['Sistem sudah pulih'] },
    ],
    [
      'a quotation cut off before its speaker, at the start of the text',
      '"Kami tidak bisa mengunggah dokumen penawaran sama sekali',
      {},
    ],
    [
      'a new named speaker between: a standing quotation is the new speaker’s',
      '"Tidak ada data yang hilang," kata Kepala LPSE Sleman Budi Santoso.\n\nSementara itu, Ketua LSM Pantau Sleman, Yusuf Hamdani menilai pemkab lalai.\n\n"Ini bukti pengelolaan yang buruk."',
      { 'Budi Santoso': ['Tidak ada data'], 'Yusuf Hamdani': ['Ini bukti pengelolaan'] },
    ],
  ])('nobody wrongly credited: %s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });

  test.each([
    [
      'a person introduced with an appositive after the last speaker',
      '"Kami sedang memulihkan data," kata Kepala LPSE Sleman Budi Santoso.\n\nKeluhan datang dari Marlon Sitompul, Ketua Asosiasi Kontraktor Sleman. "Sudah tiga kali gagal unggah," katanya.',
      { 'Budi Santoso': ['Kami sedang memulihkan'], 'Marlon Sitompul': ['Sudah tiga kali'] },
    ],
    [
      'the speaker written before the mark without a verb',
      'Andi Rahman, rekanan asal Sleman: "Kami tidak bisa login sejak pagi."\n\nSaat dimintai tanggapan Kepala Bagian Pengadaan Sleman Wawan Setiawan yang berada di kantornya "Itu gangguan dari pusat data nasional."',
      { 'Andi Rahman': ['Kami tidak bisa'], 'Wawan Setiawan': ['Itu gangguan dari'] },
    ],
    [
      'someone agreeing is listed but not credited',
      '"Paket itu sudah dikunci untuk pihak tertentu," ujar Budi Santoso yang diamini oleh Rudi Hartono, selaku Direktur CV Maju.',
      { 'Budi Santoso': ['Paket itu sudah'], 'Rudi Hartono': [] },
    ],
    [
      'a definite description after the verb is the speaker',
      'Kepala UPT LPSE Sleman, Heri Wibowo, membenarkan gangguan itu. "Kabelnya digigit tikus," kata pejabat eselon III itu.',
      { 'Heri Wibowo': ['Kabelnya digigit tikus'] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});

describe('quotations: marks as real pages write them', () => {
  test.each([
    [
      'a closing mark used to open',
      '” Sejak Senin pagi server kami sudah bagus,” jelas Kepala Dinas Sleman, Himawan Susilo.',
      'Sejak Senin pagi server kami sudah bagus',
    ],
    [
      'doubled single marks to open, a double mark to close',
      '‘’Saat ini tahapan adalah evaluasi dokumen,” sebut Kepala Bagian Sleman Ngurah Adi.',
      'Saat ini tahapan adalah evaluasi dokumen',
    ],
    [
      'an opening mark used to close',
      '“ Sistem sudah diperbaiki dan berjalan lagi “ pungkas Kepala Balai Sleman Desri Anto.',
      'Sistem sudah diperbaiki dan berjalan lagi',
    ],
  ])('%s', (_name, text, quote) => {
    const ctx = ctxOf(text);
    const [q] = quotations(ctx.text, paragraphsOf(ctx.sentences)).filter((x) => x.speech);
    expect(q?.text).toBe(quote);
    const credited = extractOfficials(ctx).value.flatMap((o) => o.quotes);
    expect(credited).toEqual([quote]);
  });

  test('a quotation over two paragraphs is one quotation of its speaker', () => {
    const text =
      'Kepala LPSE Sleman, Budi Santoso mengatakan, "Server utama terbakar pada Sabtu malam.\n\n"Data penawaran masih ada di server cadangan," ujarnya.';
    const [p] = extractOfficials(ctxOf(text)).value;
    expect(p?.name).toBe('Budi Santoso');
    expect(p?.quotes).toEqual(['Server utama terbakar pada Sabtu malam. Data penawaran masih ada di server cadangan']);
  });

  test('titles and a few words in marks are not quotations', () => {
    const text = 'Budi Santoso mengatakan acara "Sosialisasi Tender Cepat Daerah" ditunda karena "gangguan".';
    const ctx = ctxOf(text);
    expect(quotations(ctx.text, paragraphsOf(ctx.sentences)).filter((q) => q.speech)).toEqual([]);
    expect(extractOfficials(ctx).value[0]?.quotes).toEqual([]);
  });

  test('a credited quotation carries its offsets in Article.text', () => {
    const text =
      'Bogor - Layanan terganggu.\n\n"Server kami mati sejak pagi," kata Kepala LPSE Kota Bogor Budi Santoso.';
    const ctx = ctxOf(text);
    const spans = extractOfficials(ctx).evidence.filter((e) => e.start !== undefined);
    expect(spans).toEqual([{ text: 'Server kami mati sejak pagi', start: 29, end: 56 }]);
    expect(ctx.article.text.slice(29, 56)).toBe('Server kami mati sejak pagi');
  });
});

describe('roles as the text writes them in full', () => {
  test.each([
    [
      'Koordinator Pokja II wilayah utara Bagian Pengadaan Barang dan Jasa Setda Kabupaten Bogor, Ahmad Fauzi',
      'Ahmad Fauzi',
      'Koordinator Pokja II wilayah utara Bagian Pengadaan Barang dan Jasa Setda Kabupaten Bogor',
    ],
    [
      'Direktur Jenderal Pendidikan Anak Usia Dini (PAUD), Dikdas dan Dikmen Kemendikbud Ristek, Muhammad Hasbi',
      'Muhammad Hasbi',
      'Direktur Jenderal Pendidikan Anak Usia Dini (PAUD), Dikdas dan Dikmen Kemendikbud Ristek',
    ],
    [
      'Kepala Seksi Layanan, Bidang Aplikasi Informatika Diskominfo Sleman, Rahmat Hidayat',
      'Rahmat Hidayat',
      'Kepala Seksi Layanan, Bidang Aplikasi Informatika Diskominfo Sleman',
    ],
    ['Jaksa penuntut umum, Rina Marpaung', 'Rina Marpaung', 'Jaksa penuntut umum'],
  ])('%s', (phrase, name, role) => {
    expect(parseWho(phrase)).toEqual({ name, role });
  });

  test.each([
    [
      '"Koneksi ke pusat data terputus," kata Koordinator Pokja II wilayah utara Bagian Pengadaan Barang dan Jasa Setda, Ahmad Fauzi.',
      'Ahmad Fauzi',
      'Koordinator Pokja II wilayah utara Bagian Pengadaan Barang dan Jasa Setda',
    ],
    [
      'Menteri Nadia Rahmawati sebagai pimpinan Kementerian Kominfo menyampaikan permintaan maaf atas gangguan itu.',
      'Nadia Rahmawati',
      'Menteri',
    ],
    [
      'Indonesian Minister of Law and Human Rights, Yasonna Laoly confirmed that immigration data was safe.',
      'Yasonna Laoly',
      'Indonesian Minister of Law and Human Rights',
    ],
  ])('in a sentence: %s', (text, name, role) => {
    const ctx = ctxOf(text);
    const { value, evidence } = extractOfficials(ctx);
    expect(value.map((o) => [o.name, o.role])).toEqual([[name, role]]);
    expect(evidence[0]?.text).toBe(text);
  });

  test.each([
    ['Menurutnya, LPSE Kota Bogor sudah tidak bisa diakses sejak Kamis pagi, kata Budi Santoso.', ['Budi Santoso']],
    ['Menurut Perpres yang sama, pusat data dipakai bersama oleh instansi pusat dan daerah.', []],
    ['Berkali-kali pejabat tersandung kasus. Ketik "pejabat korupsi proyek" di mesin pencari.', []],
  ])('no person in words that are not names: %s', (text, names) => {
    expect(extractOfficials(ctxOf(text)).value.map((o) => o.name)).toEqual(names);
  });
});

describe('speech verbs: the less frequent ones, denied ones, headline ones', () => {
  test.each([
    [
      '"Ini jelas disengaja," cetus Ketua LSM Garda Sleman, Yusuf Hamdani.',
      { 'Yusuf Hamdani': ['Ini jelas disengaja'] },
    ],
    [
      'Rina Marlina, rekanan asal Sleman, mengeluh tidak bisa mengunggah. "Sudah tiga kali gagal," timpalnya.',
      { 'Rina Marlina': ['Sudah tiga kali'] },
    ],
    [
      'Kepala Biro Pengadaan Setda NTB, Lalu Ahmad Fikri tidak menampik kondisi tersebut. "Server kami kewalahan sejak sore," ujarnya.',
      { 'Lalu Ahmad Fikri': ['Server kami kewalahan'] },
    ],
    [
      'The agency head, Maria Santos, said the portal was restored. "We moved every service to the backup site," she added.',
      { 'Maria Santos': ['We moved every'] },
    ],
  ])('%s', (text, expected) => {
    expect(credits(text)).toEqual(expected);
  });

  test.each([
    ['Manajer PLN ULP Pelaihari, Yudi Hartono, tidak menjawab panggilan telepon wartawan hingga berita ini ditulis.'],
    ['Kepala Dinas Kominfo Sleman, Agus Salim, enggan menjelaskan penyebab gangguan itu.'],
    ['Kepala LPSE Kapuas, Yusuf Hidayat, tak kunjung menjawab pesan wartawan hingga Selasa malam.'],
    ['Sekda Kapuas, Rudi Hartono, belum juga mau menanggapi keluhan para rekanan itu.'],
    ['Sepekan LPSE Sleman Timbul Tenggelam, Penyedia Mengeluh\n\nLaman LPSE tidak bisa diakses.'],
  ])('no speaker: %s', (text) => {
    expect(extractOfficials(ctxOf(text)).value).toEqual([]);
  });
});

describe('bare verbs in their -nya form after a quotation', () => {
  test.each([
    [
      'Kepala Bagian Pengadaan Setda Sleman, Wawan Setiawan meminta penyedia bersabar.\n\n"Semoga besok sudah normal kembali," harapnya.',
      { 'Wawan Setiawan': ['Semoga besok sudah'] },
    ],
    [
      'Ketua Gapensi Sleman, Hasan Basri, mengajak rekanan melapor. "Kumpulkan bukti unggah kalian," ajaknya.',
      { 'Hasan Basri': ['Kumpulkan bukti unggah'] },
    ],
  ])('%s', (text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});

describe('a pronoun after someone else became the subject', () => {
  test.each([
    [
      'another person opens a sentence between the speaker and "ujarnya": the quotation is unclear',
      '"Server sudah kami ganti," kata Kepala LPSE Kota Bogor Budi Santoso.\n\nKepala Dinas Kominfo Kota Bogor Agus Salim juga hadir di ruang server.\n\n"Kabel dayanya yang bermasalah," ujarnya.',
      { 'Budi Santoso': ['Server sudah kami'] },
    ],
    [
      'another person opens a sentence between the speaker and a quotation standing on its own',
      'Kabag Pengadaan Setda Sleman, Siti Aminah mengatakan jadwal digeser.\n\nBupati Sleman Kustini Purnomo sudah menerima laporan itu.\n\n"Semua paket kami tunda sepekan."',
      { 'Siti Aminah': [] },
    ],
    [
      'another person opens a sentence after "Sementara itu," without a verb: the pronoun is unclear',
      '"Server sudah normal," kata Kepala LPSE Seruyan, Ahmad Yani.\n\nSementara itu, Ketua Gapensi Seruyan, Bambang Irawan. "Kami minta ganti rugi atas keterlambatan," katanya.',
      { 'Ahmad Yani': ['Server sudah normal'] },
    ],
    [
      'another person after "Di sisi lain," before a quotation standing on its own',
      'Kabag Pengadaan Setda Sleman, Siti Aminah mengatakan jadwal digeser.\n\nDi sisi lain, Bupati Sleman Kustini Purnomo sudah menerima laporan itu.\n\n"Semua paket kami tunda sepekan."',
      { 'Siti Aminah': [] },
    ],
    [
      'someone unnamed opens a sentence between the speaker and "katanya": nobody’s',
      'Kepala LPSE Langkat, Syahrial, mengatakan bahwa tim teknis sedang bekerja.\n\nSeorang penyedia mengeluh. "Saya rugi karena tidak bisa ikut tender," katanya.',
      { Syahrial: [] },
    ],
    [
      'someone known by initials opens the sentence, in the same paragraph as the speaker',
      '"Server sudah kami ganti," kata Kepala LPSE Kota Bogor Budi Santoso. Salah satu rekanan berinisial HK yang hadir mengaku kecewa. "Dokumen kami hilang," ujarnya.',
      { 'Budi Santoso': ['Server sudah kami'] },
    ],
    [
      'several unnamed people open a sentence before a quotation standing on its own',
      'Kabag Pengadaan Setda Sleman, Siti Aminah mengatakan jadwal digeser.\n\nSementara itu, sejumlah kontraktor menunggu di depan kantor ULP.\n\n"Kami sudah tiga hari tidak bisa unggah."',
      { 'Siti Aminah': [] },
    ],
    [
      'the speaker’s own words opening with "Para rekanan" inside the quotation: still his',
      '"Server sudah kami perbaiki. Para rekanan bisa mengunggah lagi mulai besok," kata Kepala LPSE Kota Bogor Budi Santoso.\n\n"Jadwal tidak kami ubah," ujarnya.',
      { 'Budi Santoso': ['Server sudah kami', 'Jadwal tidak kami'] },
    ],
    [
      'the speaker himself opens the sentence between: still his',
      '"Server sudah kami ganti," kata Kepala LPSE Kota Bogor Budi Santoso.\n\nBudi Santoso juga memeriksa ruang server.\n\n"Kabel dayanya yang bermasalah," ujarnya.',
      { 'Budi Santoso': ['Server sudah kami', 'Kabel dayanya yang'] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});

describe('a sentence after the quotation that points back to it and names the speaker', () => {
  test.each([
    [
      '"katanya" with no speaker yet, then "Hal itu disampaikan X"',
      'LPSE Kabupaten Wajo tidak bisa diakses.\n\n"Kami sudah lapor ke LKPP sejak pagi," katanya. Hal itu disampaikan Kepala LPSE Wajo, Muh Ilham, saat ditemui di kantornya.',
      { 'Muh Ilham': ['Kami sudah lapor'] },
    ],
    [
      'a quotation on its own, then "Keluhan itu diungkapkan X" opening the next paragraph',
      'Situs LPSE Kabupaten Jeneponto sempat offline.\n\n"Kami kehilangan kesempatan menawar paket jalan."\n\nKeluhan itu diungkapkan Suardi, Direktur CV Karya Mandiri, kepada wartawan.',
      { Suardi: ['Kami kehilangan kesempatan'] },
    ],
    [
      '"Hal senada" is someone else agreeing: the quotation stays its speaker’s',
      '"Server sudah normal kembali," kata Kepala LPSE Sidrap Hasnah Amir. Hal senada disampaikan Kepala Diskominfo Sidrap, Andi Faisal.',
      { 'Hasnah Amir': ['Server sudah normal'], 'Andi Faisal': [] },
    ],
    [
      '"Demikian kata X" opening the next paragraph',
      'Situs LPSE Kabupaten Kapuas sempat mati.\n\n"Kami sudah perbaiki semuanya sejak tadi malam."\n\nDemikian kata Kepala LPSE Kapuas, Yusuf Hidayat, Selasa (4/6).',
      { 'Yusuf Hidayat': ['Kami sudah perbaiki'] },
    ],
    [
      'a quotation over two paragraphs, its speaker named after the last piece',
      '"Kami sudah koordinasi dengan LKPP sejak Senin.\n\n"Mudah-mudahan besok sudah bisa normal," kata Kepala LPSE Gunung Mas, Yanto.',
      { Yanto: ['Kami sudah koordinasi'] },
    ],
    [
      'the pointing sentence two paragraphs on: nobody’s',
      'LPSE Kabupaten Wajo tidak bisa diakses.\n\n"Kami sudah lapor ke LKPP sejak pagi."\n\nJadwal lelang diundur sepekan.\n\nHal itu disampaikan Kepala LPSE Wajo, Muh Ilham.',
      { 'Muh Ilham': [] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});

describe('the words of a document, a notice or a post are no one’s', () => {
  test.each([
    [
      'a notice quoted after the speaker’s paragraph',
      '"Kami sudah umumkan perubahan jadwal," kata Kepala LPSE Kota Tarakan, Iwan Setiadi.\n\nDalam pengumuman di laman LPSE tertulis, "Sehubungan dengan gangguan server, jadwal tender diperpanjang tiga hari."',
      { 'Iwan Setiadi': ['Kami sudah umumkan'] },
    ],
    [
      'a post quoted in the speaker’s paragraph',
      'Kepala LPSE Kota Balikpapan, Dedi Irawan, membenarkan kabar itu. Di akun Instagram resmi LPSE Balikpapan, diunggah pengumuman: "Layanan LPSE sedang mengalami gangguan teknis, mohon bersabar."',
      { 'Dedi Irawan': [] },
    ],
    [
      'a speaker named before the mark in the same sentence still says it',
      'Dalam keterangan tertulisnya, Kepala LPSE Kota Bontang, Rina Marlina, mengatakan, "Semua jadwal kami geser dua hari."',
      { 'Rina Marlina': ['Semua jadwal kami'] },
    ],
    [
      'a pronoun speaker after a written channel still says it',
      'Kepala LPSE Kota Bontang, Rina Marlina, membenarkan gangguan itu.\n\nDihubungi lewat pesan singkat, ia mengatakan, "Server kami sudah pulih sejak pagi."',
      { 'Rina Marlina': ['Server kami sudah'] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});

describe('a speaker given by role alone after they spoke by name', () => {
  test.each([
    [
      'the head and unit of the role',
      'Kepala LPSE Kabupaten Barito Timur, Abdul Gafur, membenarkan gangguan itu.\n\n"Servernya kami matikan dulu untuk pengecekan," kata Kepala LPSE Bartim.',
      { 'Abdul Gafur': ['Servernya kami matikan'] },
    ],
    [
      'a one-word office',
      '"Saya minta masalah ini selesai minggu ini," kata Bupati Kutai Barat, Frederikus Yapan.\n\nKepala LPSE Kubar, Rudi, menjelaskan server sedang diganti.\n\n"Anggarannya sudah kami siapkan," ujar Bupati.',
      { 'Frederikus Yapan': ['Saya minta masalah', 'Anggarannya sudah kami'], Rudi: [] },
    ],
    [
      'two people with roles of the same opening: nobody’s',
      'Kepala Dinas Kominfo Paser, Andi Hamka, membenarkan gangguan. Kepala Dinas PUPR Paser, Budi Santoso, menyebut lelang tertunda.\n\n"Kami tunggu perbaikan server," kata Kepala Dinas.',
      { 'Andi Hamka': [], 'Budi Santoso': [] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});

describe('a name typed in lower case after the verb', () => {
  test.each([
    [
      'Rudi Hartono, salah satu rekanan, mengeluhkan server.\n\n"Kami rugi waktu dua hari," kata rudi hartono yang juga direktur CV Maju.',
      { 'Rudi Hartono': ['Kami rugi waktu'] },
    ],
    [
      '"Tolong perbaiki servernya," ujar siti yang datang dari Mlati.\n\nSiti Aminah menunggu sejak pagi di kantor ULP.',
      { Siti: ['Tolong perbaiki servernya'] },
    ],
    ['"Tolong perbaiki servernya," ujar warga yang datang dari Mlati.\n\nWarga menunggu sejak pagi.', {}],
  ])('%s', (text, expected) => {
    expect(credits(text)).toEqual(expected);
  });
});
