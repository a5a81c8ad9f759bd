import { describe, expect, test } from 'vitest';
import { extractOfficials, parseWho } from '../../extractors/officials/index.ts';
import { ctxOf } from './helpers.ts';

const people = (text: string) => extractOfficials(ctxOf(text)).value;

describe('parseWho: name and role in both orders', () => {
  test.each([
    ['Kepala LPSE Bartim Abdul Gafur', 'Abdul Gafur', 'Kepala LPSE Bartim'],
    ['Aris Gunawan, Ketua LSM FPSR', 'Aris Gunawan', 'Ketua LSM FPSR'],
    [
      'Kasubag Bina Program, Bagian Administrasi Pembangunan, Setkab Pacitan, Didik Alih Wibowo',
      'Didik Alih Wibowo',
      'Kasubag Bina Program, Bagian Administrasi Pembangunan, Setkab Pacitan',
    ],
    [
      'Kepala Biro Administrasi Pembangunan Setda Sulteng Budi Santoso',
      'Budi Santoso',
      'Kepala Biro Administrasi Pembangunan Setda Sulteng',
    ],
    [
      'Kabag Humas Setda KLU, sekaligus Sekretaris LPSE, H. Saprinadi, S.Pd.',
      'H. Saprinadi',
      'Kabag Humas Setda KLU, sekaligus Sekretaris LPSE',
    ],
    ['Zainal Kasubag Pengelolaan Pengadaan Barang dan Jasa', 'Zainal', 'Kasubag Pengelolaan Pengadaan Barang dan Jasa'],
  ])('%s', (phrase, name, role) => {
    expect(parseWho(phrase)).toEqual({ name, role });
  });

  test.each([['Ketua KGS'], ['Kepala ULP'], ['LSM FPSR'], ['HK']])('no person in "%s"', (phrase) => {
    expect(parseWho(phrase)).toBeNull();
  });
});

describe('extractOfficials: attribution', () => {
  test.each([
    [
      'bare verb after a quote, role before name',
      '"Ada komponen perangkat keras yang rusak," kata Kepala LPSE Bartim Abdul Gafur didampingi Ketua Unit Pengelola Yusia Kameng di Tamiang Layang, Rabu.',
      [
        {
          name: 'Abdul Gafur',
          role: 'Kepala LPSE Bartim',
          stance: 'official',
          quotes: ['Ada komponen perangkat keras yang rusak'],
        },
      ],
    ],
    [
      'name then role after a comma',
      '"Saat diakses, website LPSE Gresik tersebut error," kata Aris Gunawan, Ketua LSM FPSR menanggapi hal itu.',
      [
        {
          name: 'Aris Gunawan',
          role: 'Ketua LSM FPSR',
          stance: 'complainant',
          quotes: ['Saat diakses, website LPSE Gresik tersebut error'],
        },
      ],
    ],
    [
      'active verb after role and name',
      'Kepala Bagian Pengadaan Barang dan Jasa Sekretariat Daerah Kabupaten Mimika Bambang Wijaksono menjelaskan, gangguan terjadi karena PDN.',
      [
        {
          name: 'Bambang Wijaksono',
          role: 'Kepala Bagian Pengadaan Barang dan Jasa Sekretariat Daerah Kabupaten Mimika',
          stance: 'official',
          quotes: [],
        },
      ],
    ],
    [
      'Menurut',
      'Menurut Sapta Gustiawan, anggota Pokja ULP, data paket sebagian sudah kembali.',
      [{ name: 'Sapta Gustiawan', role: 'anggota Pokja ULP', stance: 'official', quotes: [] }],
    ],
    [
      '"melalui" introduces a second speaker',
      'Demikian diungkapkan Kepala Bagian Administrasi Pembangunan Setda, Benny Irawan SE MM melalui Administrator LPSE, Dishaidil FH SIkom.',
      [
        { name: 'Benny Irawan', role: 'Kepala Bagian Administrasi Pembangunan Setda', stance: 'official', quotes: [] },
        { name: 'Dishaidil', role: 'Administrator LPSE', stance: 'official', quotes: [] },
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(people(text)).toMatchObject(expected);
  });

  test('"katanya" and "ujar dia" give the quote to the last named speaker; short names merge', () => {
    const text = [
      '"Server kami rusak," kata Kepala ULP Heri Joni, Rabu (31/7).',
      '"Suratnya sudah kita kirimkan kemarin," ujar dia.',
      '"Tinggal 20 paket lagi," katanya.',
      '"Mudah-mudahan cepat selesai," kata Joni.',
    ].join('\n');
    const r = people(text);
    expect(r).toHaveLength(1);
    expect(r[0]?.name).toBe('Heri Joni');
    expect(r[0]?.quotes).toEqual([
      'Server kami rusak',
      'Suratnya sudah kita kirimkan kemarin',
      'Tinggal 20 paket lagi',
      'Mudah-mudahan cepat selesai',
    ]);
  });

  test.each([
    [
      'a complainant with a lower-case role',
      '"Server down sejak pagi," ungkap salah seorang penyedia jasa, Agus, kepada media ini.',
      'Agus',
      'salah seorang penyedia jasa',
    ],
    [
      'a paraphrase with "meminta"',
      'Terpisah, anggota Komisi A DPRD Sleman, Rini Wulandari meminta LPSE transparan.',
      'Rini Wulandari',
      'anggota Komisi A DPRD Sleman',
    ],
    [
      'fillers between speaker and verb',
      'Kepala LPSE Kabupaten Sleman, Budi Santoso, ketika dihubungi melalui telepon seluler, Senin (7/6/2021), membenarkan server sedang down.',
      'Budi Santoso',
      'Kepala LPSE Kabupaten Sleman',
    ],
    [
      'a company name is not the speaker',
      '"Situsnya tidak bisa dibuka," kata Direktur CV Maju Jaya, Slamet Riyadi, kepada wartawan.',
      'Slamet Riyadi',
      'Direktur CV Maju Jaya',
    ],
  ])('%s', (_name, text, name, role) => {
    expect(people(text)).toMatchObject([{ name, role }]);
  });

  test('spelling variants of one name are one person', () => {
    const text =
      'Kabag Layanan Pengadaan Setkab Lebong, Syarifuddin mengatakan software rusak.\nSyarifudin meminta OPD menyiapkan berkas.';
    expect(people(text).map((p) => p.name)).toEqual(['Syarifuddin']);
  });

  test('"disampaikan oleh" and "selaku"', () => {
    expect(people('Hal senada disampaikan oleh Ketua Gapensi Kota Contoh, Rudi Hartono.')).toMatchObject([
      { name: 'Rudi Hartono', role: 'Ketua Gapensi Kota Contoh', stance: 'complainant' },
    ]);
    expect(people('Budi Santoso selaku Kepala LPSE mengatakan server sudah pulih.')).toMatchObject([
      { name: 'Budi Santoso', role: 'Kepala LPSE', stance: 'official' },
    ]);
  });

  test('a bare speaker gets the role and full name from an appositive elsewhere', () => {
    const text = [
      'Kerusakan server hanya diberitahukan kepada Asisten II Setda Tebo, Abu Bakar.',
      '"Setelah 16 hari saya baru tahu ada kerusakan," tukas Abu Bakar.',
    ].join('\n');
    expect(people(text)).toMatchObject([{ name: 'Abu Bakar', role: 'Asisten II Setda Tebo', stance: 'official' }]);
  });

  test('a rank stays in the role; a given name that is also a month stays in the name', () => {
    expect(people('"Kami masih mendalami," kata Kabid Humas Polda Jateng Kombes Iqbal Santoso.')).toMatchObject([
      { name: 'Iqbal Santoso', role: 'Kabid Humas Polda Jateng Kombes' },
    ]);
    expect(
      people('Pj Kepala Bagian Pengadaan Setda Bangli Ngurah Juli Adi Saputra menyampaikan tender diulang.'),
    ).toMatchObject([{ name: 'Ngurah Juli Adi Saputra', role: 'Pj Kepala Bagian Pengadaan Setda Bangli' }]);
  });

  test('evidence is the attribution sentence', () => {
    const text = 'Kepala Diskominfo Magetan Suwata berdalih masalah jaringan LPSE sebenarnya telah selesai diperbaiki.';
    const r = extractOfficials(ctxOf(text));
    expect(r.value.map((p) => p.name)).toEqual(['Suwata']);
    expect(r.evidence[0]?.text).toBe(text);
  });
});

describe('extractOfficials: not people', () => {
  test.each([
    ['a byline and editor', 'Server LPSE rusak.\nPenulis : Fachruddin Aji\nEditor : Iba'],
    ['initials only', '"Menurut saya, jawaban itu hanya mencari pembenaran," terang HK kepada media.'],
    ['a role without a name', '"Kami akan laporkan masalah ini," tegas Ketua KGS'],
    ['a photo credit', 'Kepala bagian menjelaskan gangguan (Foto: Fachruddin Aji/Seputarpapua)'],
    ['a "Baca juga" link', 'Server LPSE rusak.\nBaca juga: Bupati Joko Santoso Resmikan Jembatan'],
    ['a reporter byline in brackets', 'Server kembali normal. (Ono)'],
    ['a person only mentioned', 'Bupati Kepulauan Contoh, Johan Gonga diminta mengevaluasi kinerja dinas.'],
    ['an institution as subject', 'Kemendikbudristek menyatakan layanan SPSE terdampak gangguan.'],
    ['an institution after its head word', '"Semua paket aman," kata Kepala Dinas Pariwisata.'],
    ['a common noun as subject', 'Polisi mengatakan server LPSE sempat diretas.'],
    ['a headline', 'Server LPSE Kabupaten Gresik Error, LSM FPSR Mendesak Kepala ULP Jelaskan ke Publik'],
  ])('%s', (_name, text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('extractOfficials: second speakers, abbreviated names, initials, English', () => {
  test.each([
    [
      '"ROLE, NAME, menyambut" then a quote ending "ujarnya"',
      'Ketua Gapensi Kabupaten Klaten, Bambang Suryadi, menyambut baik perbaikan itu. "Kami lega," ujarnya.',
      ['Bambang Suryadi'],
    ],
    [
      '"ROLE di PLACE, NAME, berharap"',
      'Seorang penyedia yang ditemui di Sleman, Rina Marlina, berharap LPSE segera pulih. "Jadwal kami mepet," katanya.',
      ['Rina Marlina'],
    ],
    [
      '"disesalkan NAME. Menurut dia…"',
      'Gangguan itu disesalkan anggota DPRD Kabupaten Sintang, Yosef Lumban. Menurut dia, server sudah lama tua. "Harus diganti," tegasnya.',
      ['Yosef Lumban'],
    ],
    [
      'an abbreviated first name keeps its full stop',
      '"Server kami rusak," kata Kepala Bagian Pengadaan, Moh. Rizal Hakim, S.Sos., Senin (3/4/2023).',
      ['Moh. Rizal Hakim'],
    ],
    [
      '"Abd." and "Muh." too',
      '"Sudah normal," ujar Abd. Karim Lubis. Hal itu dibenarkan Muh. Fajar Sidik yang menyebut server sudah pulih.',
      // "dibenarkan X … yang menyebut": a person confirming is paraphrased as speaking (corpus README, officials)
      ['Abd. Karim Lubis', 'Muh. Fajar Sidik'],
    ],
    [
      'an initials-only speaker from a place is nobody',
      'Beberapa rekanan mengaku bingung. "Belum bisa masuk," ujar RS, kontraktor asal Mlati.',
      [],
    ],
    [
      'English attribution',
      '"The server went down," said Made Suardana, head of the procurement bureau. He said it was fixed.',
      ['Made Suardana'],
    ],
  ])('%s', (_name, text, names) => {
    const r = extractOfficials(ctxOf(text));
    expect(r.value.map((p) => p.name)).toEqual(names);
    if (names.length) expect(r.evidence.length).toBeGreaterThan(0);
  });
});

describe('extractOfficials: role head, institution, then the person', () => {
  test.each([
    [
      '"disayangkan ROLE ORG PLACE, NAME"',
      'Hal itu disayangkan Ketua Kadin Contoh, Ir. Syamsul Bahri. Menurutnya, pemkab harus menyiapkan cadangan.',
      'Ir. Syamsul Bahri',
      'Ketua Kadin Contoh',
      'Hal itu disayangkan Ketua Kadin Contoh, Ir. Syamsul Bahri.',
    ],
    [
      '"According to NAME, head of…"',
      'According to Budi Santoso, head of the bureau, the server failed. "We are fixing it," he said.',
      'Budi Santoso',
      null,
      'According to Budi Santoso, head of the bureau, the server failed.',
    ],
    [
      '"ROLE, NAME, menyayangkan"',
      'Rekanan asal Sleman, Dedi Kurniawan, menyayangkan keterlambatan itu.',
      'Dedi Kurniawan',
      'Rekanan asal Sleman',
      'Rekanan asal Sleman, Dedi Kurniawan, menyayangkan keterlambatan itu.',
    ],
  ])('%s', (_name, text, name, role, evidence) => {
    const r = extractOfficials(ctxOf(text));
    expect(r.value.map((p) => [p.name, p.role])).toEqual([[name, role]]);
    expect(r.evidence[0]?.text).toBe(evidence);
  });

  test('quantifiers are not names', () => {
    expect(people('Para rekanan berharap LPSE segera pulih. Beberapa penyedia menilai server terlalu tua.')).toEqual(
      [],
    );
  });
});

describe('extractOfficials: English appositives and groups', () => {
  test.each([
    [
      'an appositive with "a … in <place>"',
      'Budi Hartono, a supplier of road materials in Kuta, said he could not upload his bid.',
      'Budi Hartono',
    ],
    [
      'an appositive with "who"',
      'Sri Lestari, who heads the regency procurement unit, said the server was replaced.',
      'Sri Lestari',
    ],
  ])('%s', (_name, text, name) => {
    const r = extractOfficials(ctxOf(text));
    expect(r.value.map((p) => p.name)).toEqual([name]);
    expect(r.evidence[0]?.text).toBe(text);
  });

  test.each([
    ['a group opening the sentence', 'Contractors said the outage came at a bad time.'],
    ['residents', 'Residents said the portal had been slow for weeks.'],
  ])('%s is not a name', (_name, text) => {
    expect(people(text)).toEqual([]);
  });
});

describe('extractOfficials: second and third speakers introduced without a speech verb', () => {
  const speakers = (text: string) => people(text).map((p) => [p.name, p.quotes.length]);

  test('"Keluhan datang dari Nama, Ketua …" then "Menurutnya"/"katanya" is that person, not the last speaker', () => {
    const text =
      '"Server kami kewalahan," ujar Kepala Bagian PBJ Setda Jember, Rina Astuti.\n\n' +
      'Keluhan datang dari Hadi Purnomo, Ketua Gapensi Jember. Menurutnya, anggotanya begadang. "Kami bergantian jaga sampai pagi," katanya.';
    expect(speakers(text)).toEqual([
      ['Rina Astuti', 1],
      ['Hadi Purnomo', 1],
    ]);
  });

  test('"Anggota DPRD X, Nama, mendorong…" then "tegasnya"', () => {
    const text =
      'Kepala Diskominfo Kabupaten Sragen, Budi Santoso, mengatakan server sudah pulih.\n\n' +
      'Anggota Komisi I DPRD Sragen, Suwarno, mendorong Pemkab menambah server. "Jangan sampai terulang," tegasnya.';
    expect(speakers(text)).toEqual([
      ['Budi Santoso', 0],
      ['Suwarno', 1],
    ]);
  });

  test('"Salah satu yang terdampak adalah Nama, pemilik CV…" then "tuturnya"', () => {
    const text =
      '"Dua hard disk rusak," kata Kepala Bagian PBJ Setda Sumba Barat, Yohanis Dapa.\n\n' +
      'Salah satu yang terdampak adalah Maria Ina, pemilik CV kecil di Waikabubak. "Kami hanya bisa menunggu," tuturnya.';
    expect(speakers(text)).toEqual([
      ['Yohanis Dapa', 1],
      ['Maria Ina', 1],
    ]);
  });

  test('a person introduced in an earlier paragraph does not take a pronoun of the next one', () => {
    const text =
      'Kepala Bagian PBJ Setda Blora, Agus Salim, mengatakan server pulih.\n\n' +
      'Hadir pula Ketua Kadin Blora, Joko Susilo.\n\n' +
      '"Jadwal sudah kami perpanjang," katanya.';
    expect(speakers(text)).toEqual([['Agus Salim', 1]]);
  });

  test.each([
    [
      'a lower-case role',
      'Teuku Rizal, penyedia jasa konstruksi asal Kuala Simpang, mengaku tidak terlalu terganggu.',
      'Teuku Rizal',
    ],
    [
      'a relative clause',
      'Sekretaris Daerah Kabupaten Bengkulu Utara, Fitriansyah, yang turut hadir dalam rapat, menyatakan Pemkab akan membeli server baru.',
      'Fitriansyah',
    ],
  ])('an appositive between the name and the verb: %s', (_name, text, name) => {
    expect(people(text).map((p) => p.name)).toEqual([name]);
  });
});

describe('extractOfficials: Javanese reports', () => {
  test('ngandharake, ngendikane Nama, ngaku, kandhane', () => {
    const text =
      'Kepala Bagian Pengadaan Barang lan Jasa Setda Klaten, Sri Wahyuni, ngandharake yen jaringan provider lagi ana masalah. ' +
      '"Provider wis ndandani," ngendikane Sri Wahyuni.\n\n' +
      'Salah sijine kontraktor saka Kecamatan Delanggu, Suparno, ngaku wis nyoba wiwit esuk. "Untunge jadwale diundur," kandhane.';
    const r = people(text);
    expect(r.map((p) => [p.name, p.quotes.length])).toEqual([
      ['Sri Wahyuni', 1],
      ['Suparno', 1],
    ]);
    expect(r[0]?.role).toBe('Kepala Bagian Pengadaan Barang lan Jasa Setda Klaten');
  });

  test('a sub-district ("Kecamatan Delanggu") before the name is not the name', () => {
    expect(people('Salah sijine kontraktor saka Kecamatan Delanggu, Suparno, ngaku rugi.').map((p) => p.name)).toEqual([
      'Suparno',
    ]);
  });
});

describe('extractOfficials: denials, relative clauses, role nouns and institution words', () => {
  test.each([
    [
      'a denial verb',
      'Kuasa hukum terdakwa, Marulam Sitorus, S.H., membantah kliennya mengatur tender.',
      ['Marulam Sitorus'],
    ],
    [
      'a relative clause without commas',
      'Sementara itu Reza yang ingin membayar pajak kendaraan mengatakan layanan ikut terdampak.',
      ['Reza'],
    ],
    [
      '"yang dikonfirmasi" after a role and name',
      'Kepala LPSE Kabupaten Sleman Budi Santoso yang dikonfirmasi terpisah mengatakan server sudah pulih.',
      ['Budi Santoso'],
    ],
    [
      'a role noun before a place the gazetteer lacks',
      'Peserta asal Tanjung Selor, Nurul Hidayah, mengaku terbantu dengan pelatihan itu.',
      ['Nurul Hidayah'],
    ],
    ['a market is no person', 'Pedagang Pasar Beringharjo menyambut baik kepastian itu.', []],
    [
      'English institution words',
      'The Procurement Service of the Department of Budget and Management said the portal was restored.',
      [],
    ],
    [
      'a Malaysian association head',
      'Presiden Persatuan Kontraktor Melayu cawangan Selangor, Datuk Kamarulzaman Ismail, berkata ramai ahli menunggu.',
      ['Datuk Kamarulzaman Ismail'],
    ],
  ])('%s', (_name, text, names) => {
    expect(people(text).map((p) => p.name)).toEqual(names);
  });

  test('a role noun after the name is the role: "Nama, pemilik CV kecil"', () => {
    expect(people('Maria Ina, pemilik CV kecil di Waikabubak, mengaku rugi.').map((p) => p.role)).toEqual([
      'pemilik CV',
    ]);
  });
});

describe('extractOfficials: agreeing second speakers, campuses, Sasak titles', () => {
  test.each([
    [
      '"Senada" opens a second speaker',
      'Senada, Ketua Asosiasi Kontraktor Listrik NTB, I Gusti Ngurah Mahardika, menilai lonjakan akses sudah bisa diprediksi.',
      'I Gusti Ngurah Mahardika',
    ],
    [
      'a campus is no person',
      'Pengamat keamanan siber Universitas Andalas, Dr. Rika Oktaviani, M.Kom., menilai serangan itu kerap terjadi.',
      'Dr. Rika Oktaviani',
    ],
    [
      'the Sasak title stays in the name',
      '"Server kami kewalahan," kata Kepala Bagian PBJ Setda Lombok Timur, Lalu Ahmad Zainuri.',
      'Lalu Ahmad Zainuri',
    ],
  ])('%s', (_name, text, name) => {
    expect(people(text).map((p) => p.name)).toEqual([name]);
  });
});
