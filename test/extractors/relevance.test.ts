import { describe, expect, test } from 'vitest';
import { extractIsIncident } from '../../extractors/fields/incident.ts';
import { annotateLines, sentencesOf, windowAhead } from '../../extractors/relevance/index.ts';
import { ctxOf } from './helpers.ts';

describe('extractIsIncident: outages of an LPSE', () => {
  test.each([
    [
      'site unreachable',
      'Server LPSE Kabupaten Sleman Error',
      'Situs LPSE Kabupaten Sleman tidak bisa diakses sejak Senin pagi. Para rekanan mengeluh tidak bisa mengunggah penawaran.',
      'Situs LPSE Kabupaten Sleman tidak bisa diakses sejak Senin pagi.',
    ],
    [
      'hacked',
      '',
      'Server LPSE Pemkab Contoh diretas hacker sehingga lelang dihentikan sementara. Pokja menunggu perbaikan dari dinas kominfo.',
      'Server LPSE Pemkab Contoh diretas hacker sehingga lelang dihentikan sementara.',
    ],
    [
      'system in one sentence, malfunction in the next',
      '',
      'Paket proyek jalan itu tiba-tiba hilang dari aplikasi LPSE. Bagian pengadaan menyatakan ada kesalahan teknis sehingga lelang diulang. Kepala bagian tidak tahu penyebab erornya LPSE untuk paket itu.',
      'Paket proyek jalan itu tiba-tiba hilang dari aplikasi LPSE.',
    ],
  ])('%s', (_name, title, text, evidence) => {
    const r = extractIsIncident(ctxOf(text, { title }), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(title || evidence);
  });
});

describe('extractIsIncident: not an LPSE outage', () => {
  test.each([
    [
      'a tender notice',
      'Pokja ULP mengumumkan lelang pembangunan jembatan melalui LPSE Kabupaten Contoh. Pendaftaran dibuka hingga akhir bulan.',
    ],
    [
      'an LPSE training',
      'Sebanyak 40 operator mengikuti pelatihan LPSE di aula kantor bupati. Pelatihan membahas fitur baru SPSE.',
    ],
    [
      'a FAQ about errors',
      'FAQ LPSE\nBagaimana cara mengatasi error saat login ke SPSE?\nQ : Mengapa muncul halaman error?\nA : Hubungi admin LPSE.',
    ],
    [
      'a briefing with a condition',
      'Biro Pengadaan menggelar sosialisasi SPSE versi terbaru. "Jika terjadi gangguan, penyedia dapat menghubungi helpdesk LPSE," katanya.',
    ],
    [
      'another service down',
      'Layanan Samsat tutup karena server mati akibat listrik padam. Warga diminta membayar pajak secara online.',
    ],
    [
      'a denial',
      'Kabag pengadaan menyebut gagal lelang murni bukan karena aplikasi LPSE yang lelet, tetapi human error panitia.',
    ],
    ['not Indonesian', 'The e-procurement portal is down for maintenance and tenders are stuck.'],
  ])('%s', (name, text) => {
    const r = extractIsIncident(ctxOf(text), name === 'not Indonesian' ? 'eng' : 'ind');
    expect(r.value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: English reports, denials and guides', () => {
  test.each([
    [
      'an English report naming an Indonesian LPSE',
      'The procurement portal run by the LPSE of Contoh Regency went down on Monday after a power failure at the data centre.',
      'eng',
      true,
    ],
    [
      'an English report of another country',
      "The city's e-procurement portal went down on Monday after a power failure at the data centre.",
      'eng',
      false,
    ],
    [
      'a denial of hacking',
      'Kepala bagian pengadaan memastikan LPSE Kota Contoh tidak diretas dan tetap bisa diakses. Kabar bahwa LPSE sedang diserang itu tidak benar, katanya.',
      'ind',
      false,
    ],
    [
      'a denied malfunction in a corruption case',
      'Jaksa menyebut pemenang tender sudah diatur sebelum proses di LPSE dimulai. Ia menegaskan sistem LPSE tidak mengalami gangguan.',
      'ind',
      false,
    ],
  ])('%s', (_name, text, language, expected) => {
    const r = extractIsIncident(ctxOf(text), language);
    expect(r.value.is_incident).toBe(expected);
    if (expected) expect(r.evidence.map((e) => e.text)).toContain(text);
  });

  test('a how-to guide with a hypothetical outage is not a report', () => {
    const r = extractIsIncident(
      ctxOf(
        'Penyedia kerap menemui pesan error di SPSE menjelang batas waktu. Berikut beberapa langkah yang bisa dicoba. Bersihkan cache peramban. Jika laman LPSE tetap tidak bisa diakses, hubungi helpdesk. Semoga bermanfaat!',
        { title: 'Cara Mengatasi Error Unggah Dokumen di SPSE' },
      ),
      'ind',
    );
    expect(r.value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: a hacking denial inside a real outage report', () => {
  test('"tidak diretas, melainkan listrik padam" is still an outage', () => {
    const text =
      'LPSE Kabupaten Contoh tidak bisa diakses sejak Senin pagi. Kepala LPSE memastikan sistem tidak diretas, melainkan listrik padam di ruang server.';
    const r = extractIsIncident(ctxOf(text), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain('LPSE Kabupaten Contoh tidak bisa diakses sejak Senin pagi.');
  });
});

describe('extractIsIncident: an LPSE said to be spared', () => {
  test.each([
    [
      'spared while another system was attacked',
      'LPSE Kota Contoh Tetap Normal',
      'Pemkot memastikan LPSE Kota Contoh tidak terganggu meski PDN diserang. Layanan tetap berjalan normal.',
    ],
    [
      'a tips article',
      'Tips Agar Tidak Gagal Upload di SPSE',
      'Penyedia sering gagal upload di SPSE. Pastikan koneksi stabil. Jika LPSE tidak bisa diakses, hubungi helpdesk.',
    ],
  ])('%s', (_name, title, text) => {
    expect(extractIsIncident(ctxOf(text, { title }), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: English genres that are not reports', () => {
  test('an English graft story that mentions a hacked-looking LPSE', () => {
    const text =
      'Prosecutors named a suspect in the graft case over a road tender run through the LPSE of Contoh Regency. The LPSE was down for a day during the tender, the suspect claimed.';
    expect(extractIsIncident(ctxOf(text), 'eng').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: sites that will not open, planned maintenance, a safe LPSE in the headline', () => {
  test.each([
    [
      'a site that will not open',
      'Situs Lelang Kota Contoh Tak Bisa Dibuka',
      'Rekanan mengeluhkan laman lpse.contohkota.go.id yang tidak dapat dibuka sejak dua hari terakhir.',
      'Situs Lelang Kota Contoh Tak Bisa Dibuka',
    ],
    [
      'a portal that cannot be used during a migration',
      '',
      'LPSE Provinsi Contoh tidak dapat digunakan selama dua hari karena migrasi SPSE. Penyedia hanya melihat pesan bahwa sistem sedang diperbarui.',
      'LPSE Provinsi Contoh tidak dapat digunakan selama dua hari karena migrasi SPSE.',
    ],
  ])('%s', (_name, title, text, evidence) => {
    const r = extractIsIncident(ctxOf(text, { title }), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test.each([
    [
      'a document that will not open',
      '',
      'Dokumen penawaran kami di LPSE tidak bisa dibuka. Apakah pokja boleh menggugurkan penawaran itu?',
    ],
    [
      'a notice of maintenance to come',
      'Pemberitahuan',
      'LPSE Kabupaten Contoh akan melaksanakan pemeliharaan server pada Sabtu, 6 Desember 2025. Selama pemeliharaan, aplikasi SPSE tidak dapat diakses.',
    ],
    [
      'another service down, the LPSE safe in the headline',
      'Server Dukcapil Kota Contoh Down, LPSE Aman',
      'Server Dukcapil Kota Contoh Down, LPSE Aman. Gangguan jaringan membuat layanan e-KTP terhenti sejak Senin.',
    ],
  ])('%s', (_name, title, text) => {
    expect(extractIsIncident(ctxOf(text, { title }), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: English defacements', () => {
  test.each([
    [
      'a defaced portal',
      'The LPSE portal of Contoh Regency was defaced by hackers on Saturday and stayed closed for a day.',
      true,
    ],
    ['a portal taken offline', "Contoh city's LPSE was taken offline on Monday after an attack on its server.", true],
    ['another country', "The city's e-procurement site was defaced on Monday, officials said.", false],
  ])('%s', (_name, text, expected) => {
    const r = extractIsIncident(ctxOf(text), 'eng');
    expect(r.value.is_incident).toBe(expected);
    if (expected) expect(r.evidence.map((e) => e.text)).toContain(text);
  });
});

describe('extractIsIncident: Javanese reports', () => {
  test('a Javanese report of an LPSE outage', () => {
    const text = 'LPSE Kabupaten Contoh ora bisa diakses wiwit Rebo awan amarga listrik padam.';
    const r = extractIsIncident(ctxOf(text), 'jav');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(text);
  });
});

describe('extractIsIncident: genre words and where they stand', () => {
  const filler =
    'Pengadaan digital di kabupaten ini dimulai sejak 2012 dan server yang dipakai dibeli pada 2016. '.repeat(8);
  test('an outage feature that asks for training at its end is still an incident', () => {
    const text = `${filler}Tanggal 3 Maret lalu, server LPSE Kabupaten Sumba Timur mati dan layanan lumpuh selama tiga hari. Kepala bagian berharap pelatihan dari LKPP menjangkau daerah kepulauan.`;
    expect(extractIsIncident(ctxOf(text, { title: 'Jalan Panjang Pengadaan Digital' }), 'ind').value.is_incident).toBe(
      true,
    );
  });

  test('a training story announced in the lead is not, even when it mentions an error', () => {
    const text =
      'Puluhan penyedia mengikuti pelatihan SPSE di aula Setda. Narasumber menjelaskan cara menghadapi LPSE yang error saat unggah penawaran.';
    expect(extractIsIncident(ctxOf(text, { title: 'Penyedia Ikuti Pelatihan' }), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: malfunctions only supposed, averted or denied', () => {
  test.each([
    [
      'a warning that the LPSE could be hacked',
      'Anggota DPRD menilai LPSE Kabupaten Indramayu rawan diretas menjelang akhir tahun.',
    ],
    [
      'a scenario that could make it unreachable',
      'Narasumber mencontohkan serangan DDoS yang dapat membuat LPSE tidak bisa diakses pada batas akhir penawaran.',
    ],
    ['a stop still to come', 'Kepala bagian menyebut LPSE Kabupaten Badung akan offline pada Sabtu malam.'],
    [
      'a purpose that averts a malfunction',
      'Peserta disarankan mengunggah lebih awal untuk menghindari gangguan akibat padatnya akses ke server LPSE Kabupaten Sragen.',
    ],
    [
      'a condition in mid-sentence',
      'Gapensi meminta server cadangan LPSE Kabupaten Gresik yang siap mengambil alih bila server utama bermasalah.',
    ],
    [
      'help for anyone who meets a problem',
      'LPSE Kota Balikpapan membuka layanan pendampingan bagi penyedia yang mengalami kendala teknis.',
    ],
    [
      'a claim called an excuse',
      'Direktur perusahaan itu berdalih server LPSE Kabupaten Gowa mengalami gangguan hari itu.',
    ],
    [
      'a definition',
      'Keadaan kahar adalah suatu keadaan yang terjadi di luar kehendak para pihak, termasuk gangguan pada sistem SPSE.',
    ],
    [
      'other places',
      'Pengalaman sejumlah daerah yang LPSE-nya sempat lumpuh saat pembaruan menjadi pelajaran bagi Pemkab Banyuwangi.',
    ],
    ['"tanpa" denies', 'Penawaran masuk melalui LPSE Kabupaten Banyumas tanpa gangguan sama sekali.'],
    ['"tidak ada laporan" denies', 'Tidak ada laporan gangguan di LPSE Kota Malang selama batas akhir penawaran.'],
    ['"tidak terjadi" denies', 'Selama migrasi tidak terjadi gangguan pada LPSE Kabupaten Sleman.'],
  ])('%s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });

  test('a Javanese denial ("ora rusak") is no outage', () => {
    const text = 'Server LPSE Kabupaten Klaten ora rusak lan tetep iso dibukak saben dina.';
    expect(extractIsIncident(ctxOf(text), 'jav').value.is_incident).toBe(false);
  });

  test.each([
    ['a recovery after "akan"', 'Kepala bagian memastikan LPSE Kota Bitung akan kembali normal besok pagi.'],
    ['"bila" meaning "that"', 'Kepala LPSE Kabupaten Lampung Utara membenarkan bila servernya mengalami gangguan.'],
    [
      'many regions at once through the national data centre',
      'Gangguan Pusat Data Nasional membuat LPSE di berbagai daerah tidak bisa diakses sejak Kamis.',
    ],
    ['a portal that died', 'Server LPSE Kabupaten Kotawaringin Timur mati seharian pada Senin.'],
    ['a swamped portal', 'Diserbu ratusan penyedia, LPSE Kabupaten Banyuwangi kewalahan sejak Kamis pagi.'],
    ['access hard', 'Penyedia mengeluhkan sulitnya mengakses LPSE Kabupaten Banyuwangi sejak Kamis.'],
    ['on and off', 'Sepekan terakhir LPSE Kabupaten Nabire timbul tenggelam.'],
    ['downtime', 'LPSE Kota Ambon mengalami downtime enam jam pada Selasa.'],
  ])('%s is an incident', (_name, text) => {
    const r = extractIsIncident(ctxOf(text), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(text);
  });

  test('a Javanese report that the site would not open', () => {
    const text = 'Situs LPSE Kabupaten Klaten ora bisa dibukak wiwit Senen esuk.';
    expect(extractIsIncident(ctxOf(text), 'jav').value.is_incident).toBe(true);
  });
});

describe('extractIsIncident: headlines that deny or call the LPSE smooth', () => {
  const complaint = 'Seorang penyedia mengeluh LPSE Kabupaten Gowa error saat pembukaan penawaran.';
  test.each([
    ['a headline denial', 'Ahli: Server LPSE Kabupaten Gowa Tak Pernah Down'],
    ['a smooth migration', 'Migrasi SPSE di LPSE Kabupaten Gowa Berjalan Mulus'],
    ['a smooth deadline', 'Batas Akhir 28 Paket, LPSE Kabupaten Gowa Lancar'],
  ])('%s outweighs one complaint', (_name, title) => {
    expect(extractIsIncident(ctxOf(`${title}\n\n${complaint}`, { title }), 'ind').value.is_incident).toBe(false);
  });

  test('"normal and never hacked" outweighs one complaint', () => {
    const text = `${complaint} Kepala Diskominfo memastikan LPSE Kabupaten Gowa berjalan normal dan belum pernah diretas.`;
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });

  test('a recovery headline ("Kembali Lancar") is no safe headline', () => {
    const title = 'LPSE Kabupaten Sleman Kembali Lancar';
    const text = `${title}\n\nLPSE Kabupaten Sleman sempat tidak bisa diakses pada Senin.`;
    expect(extractIsIncident(ctxOf(text, { title }), 'ind').value.is_incident).toBe(true);
  });
});

describe('extractIsIncident: genres that mention LPSE errors without reporting one', () => {
  const error = 'Pada sesi itu dibahas LPSE Kabupaten Deli Serdang yang error saat batas akhir penawaran.';
  test.each([
    ['a Q&A page', 'Tanya Jawab Seputar Akses SPSE', error],
    ['a trial', 'Sidang Pengaturan Tender', `Terdakwa hadir di ruang sidang. ${error}`],
    [
      'a job vacancy',
      'Pengumuman Rekrutmen Tenaga Pendukung LPSE',
      `Uraian tugas meliputi administrasi server. ${error}`,
    ],
    ['a performance report', 'Kinerja LPSE 2023', `Biro merilis laporan kinerja tahunan. ${error}`],
    ['an op-ed by its rubric', 'Opini: Menakar Ketahanan Pengadaan Elektronik', error],
    ['an op-ed by its author note', '', `${error}\n\nPenulis adalah dosen administrasi publik.`],
    ['a seminar', 'Diskominfo Gelar Seminar Keamanan Siber untuk Pengelola LPSE', error],
    ['a webinar', 'Webinar Ketahanan SPSE', error],
  ])('%s', (_name, title, body) => {
    const text = title ? `${title}\n\n${body}` : body;
    expect(extractIsIncident(ctxOf(text, { title }), 'ind').value.is_incident).toBe(false);
  });

  test('a tender page with field labels', () => {
    const text = [
      'Kode Tender: 1234567',
      'Nama Tender: Pembangunan Jembatan Desa',
      'Satuan Kerja: Dinas PUPR Kabupaten Sragen',
      'Peserta yang gagal upload karena LPSE Kabupaten Sragen error dapat melapor ke helpdesk.',
    ].join('\n');
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });

  test('numbered questions of a help page', () => {
    const text = [
      '1. Laman LPSE Kota Semarang error, apa yang harus saya lakukan?',
      'Bersihkan cache peramban.',
      '2. Akun saya terkunci, bagaimana membukanya?',
      'Tunggu 30 menit.',
    ].join('\n');
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });

  test('a lead that announces a stop to come', () => {
    const title = 'Pemeliharaan Server';
    const text = `${title}\n\nLPSE Kabupaten Badung akan menghentikan layanan sementara pada Sabtu malam. Kepala bagian menyebut LPSE Kabupaten Badung sempat error pekan lalu.`;
    expect(extractIsIncident(ctxOf(text, { title }), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: vulnerabilities, tallies, a user own line, a window to come', () => {
  test.each([
    ['an LPSE easily hacked', 'Anggota DPRD meminta LPSE Kota Padang diperkuat karena mudah diretas.'],
    ['a threat', 'Ia menyebut ancaman peretasan terhadap LPSE Kota Padang meningkat tahun ini.'],
    ['"belum ada" denies', 'Hingga kini belum ada gangguan pada LPSE Kabupaten Kendal.'],
    [
      'a tally of past years',
      'Sepanjang 2023 tercatat tiga kali gangguan pada LPSE Kota Bogor, turun dari tujuh kali pada 2022.',
    ],
    [
      "one user's own line",
      'Seorang kontraktor gagal mengunggah penawaran di LPSE Kabupaten Kepulauan Sangihe karena koneksi internet di kantornya terputus.',
    ],
    ['a trial', 'Dalam persidangan, saksi menyebut server LPSE Kabupaten Gowa sempat down saat pembukaan penawaran.'],
  ])('%s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });

  test('the ISP ("jaringan milik penyedia layanan") is no user own line', () => {
    const text =
      'LPSE Kabupaten Ketapang tidak dapat diakses karena gangguan jaringan internet milik penyedia layanan.';
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(true);
  });

  const notice =
    'Sehubungan dengan pemeliharaan server, layanan LPSE Kota Medan tidak dapat diakses pada Minggu, 15 Desember 2024 pukul 08.00 sampai 12.00 WIB.';
  test('a window dated after the publication is a notice', () => {
    expect(extractIsIncident(ctxOf(notice, { published: '2024-12-10' }), 'ind').value.is_incident).toBe(false);
  });
  test('the same window dated before the publication is a report', () => {
    expect(extractIsIncident(ctxOf(notice, { published: '2024-12-16' }), 'ind').value.is_incident).toBe(true);
  });
  test('a bracketed day takes the year of the publication', () => {
    const text = 'LPSE Kabupaten Badung akan offline pada Sabtu (14/12) untuk pemeliharaan server.';
    const r = extractIsIncident(ctxOf(text.replace('akan offline', 'offline'), { published: '2024-12-10' }), 'ind');
    expect(r.value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: beliefs corrected and tips', () => {
  test('"Saya kira LPSE down, ternyata hanya akun saya" is no outage', () => {
    const text =
      'Seorang kontraktor mengaku tak bisa masuk ke SPSE Kabupaten Musi Banyuasin. "Saya kira LPSE Muba down, ternyata hanya akun saya yang diblokir," ujarnya.';
    expect(extractIsIncident(ctxOf(text, { title: 'Akun SPSE Kontraktor Diblokir' }), 'ind').value.is_incident).toBe(
      false,
    );
  });

  test('a headline offering tips names a guide', () => {
    const text =
      'Banyak penyedia mengira LPSE sedang down ketika dokumen gagal diunggah. Petugas helpdesk LPSE Kota Bandung membagikan sejumlah tips.';
    const title = 'Gagal Unggah Dokumen di SPSE? Ini Tips dari Helpdesk LPSE Bandung';
    expect(extractIsIncident(ctxOf(text, { title }), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: the system described, named once, or told through what it lost', () => {
  test.each([
    ['a procurement site', 'Situs pengadaan Pemkab Contoh tidak bisa diakses sejak Senin pagi.'],
    ['the server of the ULP', 'Server ULP Kabupaten Contoh mati total sehingga pokja menunda pembukaan penawaran.'],
    ['an e-auction system', 'Sistem pelelangan elektronik Pemkot Contoh macet saat batas akhir penawaran.'],
    ['the SPSE application', 'Aplikasi SPSE Provinsi Contoh error ketika ratusan penyedia mengunggah dokumen.'],
    [
      'bid documents lost',
      'Dokumen penawaran sejumlah peserta di LPSE Kabupaten Contoh hilang setelah pembaruan sistem.',
    ],
    ['tender data unreadable', 'Data lelang yang diinput ke SPSE sejak 9 Juli tidak terbaca oleh pokja.'],
    ['an account hijacked', 'Akun pokja di LPSE Kota Contoh dibajak untuk mengubah nilai penawaran.'],
    [
      'an account taken over',
      'Penyidik menemukan akun penyedia di SPSE Kabupaten Contoh diambil alih sebelum batas penawaran.',
    ],
    ['a bid altered', 'Nilai penawaran yang diunggah ke aplikasi SPSE berbeda dengan nilai yang ditampilkan sistem.'],
    [
      'a headline with a denial beside the outage',
      'LPSE Kota Contoh Ikut Tumbang, Diskominfo: Server Kami Tidak Diretas',
    ],
  ])('%s', (_name, text) => {
    const r = extractIsIncident(ctxOf(text), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(text);
  });

  test.each([
    [
      'the server, a paragraph later',
      'Pemkab Contoh menayangkan 40 paket tahun ini melalui LPSE.\n\nNamun sejak Senin servernya mati dan penyedia tidak bisa mengunggah penawaran.',
      'Namun sejak Senin servernya mati dan penyedia tidak bisa mengunggah penawaran.',
    ],
    [
      'the site, in the next sentence',
      'Tender jalan desa tayang di LPSE Kota Contoh pekan lalu. Menjelang penutupan, rekanan mengeluh situs tersebut sulit diakses.',
      'Menjelang penutupan, rekanan mengeluh situs tersebut sulit diakses.',
    ],
    [
      'the system known by the tender it runs',
      'Pembukaan tender proyek jalan diundur karena sistem yang rusak sejak Senin. Hingga Selasa sistem itu belum bisa diakses.',
      'Pembukaan tender proyek jalan diundur karena sistem yang rusak sejak Senin.',
    ],
    [
      'the national data centre taking LKPP down',
      'Serangan ransomware ke Pusat Data Nasional Sementara melumpuhkan ratusan layanan. Layanan LKPP ikut terganggu sejak Kamis.',
      'Layanan LKPP ikut terganggu sejak Kamis.',
    ],
    [
      'SPSE among the services the data centre took down',
      'Gangguan Pusat Data Nasional membuat 47 layanan kementerian belum bisa diakses. Di antaranya Sistem Pengadaan Secara Elektronik (SPSE) dan layanan beasiswa.',
      'Di antaranya Sistem Pengadaan Secara Elektronik (SPSE) dan layanan beasiswa.',
    ],
    [
      'a rumour denied inside a real outage',
      'LPSE Kabupaten Contoh tidak bisa diakses sejak Senin pagi. Kabar bahwa servernya diretas itu tidak benar, kata kepala LPSE.',
      'LPSE Kabupaten Contoh tidak bisa diakses sejak Senin pagi.',
    ],
  ])('%s', (_name, text, evidence) => {
    const r = extractIsIncident(ctxOf(text), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(evidence);
  });

  test('an English report: the portal taken offline, the LPSE named in the next paragraph', () => {
    const text =
      'The procurement portal of Contoh city was taken offline after hackers defaced its front page.\n\nVisitors to the portal, run by the LPSE of Contoh, found a gambling advert. The portal stayed offline until Monday.';
    expect(extractIsIncident(ctxOf(text), 'eng').value.is_incident).toBe(true);
  });
});

describe('extractIsIncident: what only looks like an LPSE outage', () => {
  test.each([
    [
      'one account blocked (headline)',
      'Akun Penyedia di SPSE Kabupaten Contoh Diblokir',
      'Seorang penyedia tidak bisa masuk ke SPSE Kabupaten Contoh sejak Senin.',
    ],
    [
      'one account locked (lead)',
      '',
      'Akun rekanan di LPSE Kota Contoh terkunci setelah salah memasukkan kata sandi. Ia tidak bisa login ke LPSE Kota Contoh selama sehari.',
    ],
    [
      'another system down',
      '',
      'Aplikasi PPDB Kota Contoh down pada hari pertama pendaftaran. Dinas pendidikan juga mengumumkan lelang seragam melalui LPSE.',
    ],
    [
      'SIPD down, LPSE only mentioned',
      '',
      'SIPD Kabupaten Contoh mengalami gangguan selama empat hari sehingga pencairan tertunda. Pembayaran kontrak hasil tender LPSE ikut menunggu.',
    ],
    [
      'a question whether it was down',
      '',
      'Pokja meminta LPSE memeriksa apakah server benar-benar down saat pembukaan penawaran.',
    ],
    ['a check whether it opens', '', 'Kami akan cek apakah situs LPSE tidak bisa diakses dari luar daerah.'],
    ['a hacker hired, nothing broken', '', 'Kontraktor menyewa hacker untuk mengintip syarat lelang di LPSE.'],
    [
      'a hacker offering services',
      '',
      'Polisi menyebut seorang hacker menawarkan jasa memenangkan tender di LPSE Kota Contoh.',
    ],
  ])('%s', (_name, title, text) => {
    const body = title ? `${title}\n\n${text}` : text;
    expect(extractIsIncident(ctxOf(body, { title }), 'ind').value.is_incident).toBe(false);
  });

  test.each([
    ['another country', 'Power outages in parts of the country hamper e-procurement, an NGO said.'],
    [
      'a foreign procurement system',
      'The national electronic procurement system suffered an outage on Monday. Analysts compared it with the LPSE units of Indonesia.',
    ],
  ])('English: %s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'eng').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: a rumour the text calls untrue', () => {
  test.each([
    [
      'the rumour told after its denial',
      'Kepala bagian memastikan LPSE Kota Contoh tidak diretas. Kabar LPSE kami dibobol itu tidak benar, katanya.\n\nSebelumnya beredar narasi bahwa LPSE Kota Contoh sedang diserang peretas.',
    ],
    [
      'the rumour told before its denial',
      'Di grup kontraktor beredar isu server LPSE Kabupaten Contoh down karena diretas.\n\nDiskominfo menyebut informasi itu hoaks dan situs berjalan seperti biasa.',
    ],
  ])('%s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: genre words that stand far from the lead are no genre', () => {
  const outage = 'LPSE Kabupaten Contoh tidak bisa diakses sejak Senin pagi sehingga pembukaan penawaran diundur.';
  const filler = ' Pokja mencatat keluhan penyedia satu per satu dan menyiapkan jadwal pengganti.'.repeat(10);
  test.each([
    ['a syndication footer', `${outage}${filler}\n\nArtikel ini telah tayang di Kompas.com.`],
    [
      'maintenance promised as a remedy',
      `${outage}${filler}\n\nDiskominfo akan melakukan pemeliharaan server agar tidak terulang.`,
    ],
    [
      'a case mentioned as background',
      `${outage}${filler}\n\nTahun lalu seorang pejabat pengadaan ditetapkan sebagai tersangka suap.`,
    ],
  ])('%s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(true);
  });

  test.each([
    ['a slow portal', 'Menjelang batas akhir, LPSE Kota Contoh sangat lambat dan sering tidak merespons.'],
    ['a portal that does not respond', 'Sejak pagi server SPSE Kabupaten Contoh tidak merespon permintaan penyedia.'],
    ['gambling content planted', 'Laman LPSE Provinsi Contoh disusupi konten judi online sejak Sabtu.'],
    [
      'a gambling page in place of the portal',
      'Situs LPSE Kabupaten Contoh menampilkan iklan judi online pada Minggu pagi.',
    ],
  ])('%s', (_name, text) => {
    const r = extractIsIncident(ctxOf(text), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(text);
  });

  test('a guide headline outweighs any number of ties', () => {
    const text =
      'Penyedia sering menemui error di SPSE. Server LPSE kerap lambat menjelang batas waktu. Koneksi yang tidak stabil membuat unggahan terputus. Aplikasi bisa hang.';
    expect(extractIsIncident(ctxOf(text, { title: 'Cara Mengatasi Error di SPSE' }), 'ind').value.is_incident).toBe(
      false,
    );
  });
});

describe('annotateLines reads the sentences of the annotation pass', () => {
  test.each([
    [
      'a headline, then two paragraphs',
      'Server LPSE Kabupaten Contoh Down',
      'Pemkab Contoh menggelar rapat.\n\nServer LPSE Kabupaten Contoh tidak bisa diakses sejak Senin. Rekanan mengeluh.',
      2,
      'Server LPSE Kabupaten Contoh tidak bisa diakses sejak Senin.',
    ],
    [
      // written by us: runs of spaces the analysis collapses, so the sentence is found with its spacing as written
      'spacing the analysis text tidies',
      '',
      'Bupati  meninjau kantor.  Situs   pengadaan milik ULP   mati total sejak pagi.',
      2,
      'Situs   pengadaan milik ULP   mati total sejak pagi.',
    ],
  ])('%s: each line keeps its sentence index and offsets into Article.text', (_n, title, text, line, written) => {
    const ctx = ctxOf(text, { title });
    const sentences = sentencesOf(ctx);
    const lines = annotateLines(ctx, 'ind', sentences);
    expect(lines[0]).toMatchObject({ text: title, sentence: -1, start: -1, end: -1 });
    expect(lines).toHaveLength(sentences.length + 1);
    const l = lines[line]!;
    expect(l.sentence).toBe(line - 1);
    expect(l.outage).toBeGreaterThanOrEqual(0);
    expect(l.system).toBeGreaterThanOrEqual(0);
    expect(ctx.article.text.slice(l.start, l.end)).toBe(written);
  });
});

describe('windowAhead: a service window announced for days after the publication (dates of the annotation pass)', () => {
  test.each([
    [
      'a notice dated before its window',
      'LPSE Kabupaten Contoh akan melakukan pemeliharaan server pada Minggu, 15 Desember 2024. Aplikasi SPSE tidak dapat diakses.',
      '2024-12-10',
      true,
    ],
    [
      // written by us: the day in brackets, its year the publication's
      'a bare day in brackets after the publication',
      'Layanan SPSE offline sementara pada Sabtu (21/6) untuk pemindahan server.',
      '2025-06-18',
      true,
    ],
    [
      'a report of a window already past',
      'Situs LPSE Kota Contoh tidak bisa diakses pada 9 Desember 2024 karena maintenance.',
      '2024-12-10',
      false,
    ],
    ['no publication date to compare with', 'LPSE offline pada 15 Desember 2024 karena pemeliharaan.', null, false],
    ['"besok" is no calendar day', 'Aplikasi SPSE tidak dapat diakses besok karena pemeliharaan.', '2024-12-10', false],
  ])('%s', (_n, text, published, ahead) => {
    expect(windowAhead(ctxOf(text, { published }))).toBe(ahead);
  });
});

describe('extractIsIncident: bids lost with no system named, kinds of trouble, a hijacked account told at length', () => {
  test.each([
    [
      'bid documents lost from "the system"',
      'Dokumen Penawaran Peserta Tender Hilang',
      'Sejumlah peserta tender proyek gedung di Kabupaten Contoh kaget. Dokumen penawaran yang sudah mereka unggah hilang dari sistem.',
      'Dokumen Penawaran Peserta Tender Hilang',
    ],
    [
      'the loss told as a noun',
      '',
      'Rekanan mempertanyakan hilangnya dokumen penawaran milik tiga perusahaan pada tender jalan Kota Contoh. Panitia belum memberi penjelasan.',
      'Rekanan mempertanyakan hilangnya dokumen penawaran milik tiga perusahaan pada tender jalan Kota Contoh.',
    ],
    [
      "an account taken over, the owner's long name between",
      '',
      'Akun milik sebuah perusahaan peserta tender di LPSE Kabupaten Contoh dibajak orang tak dikenal. Pelaku mengganti dokumen perusahaan itu.',
      'Akun milik sebuah perusahaan peserta tender di LPSE Kabupaten Contoh dibajak orang tak dikenal.',
    ],
  ])('%s', (_name, title, text, evidence) => {
    const r = extractIsIncident(ctxOf(text, { title }), 'ind');
    expect(r.value.is_incident).toBe(true);
    expect(r.evidence.map((e) => e.text)).toContain(title || evidence);
  });

  test.each([
    [
      'a loss guarded against',
      'Penyedia diminta menyimpan salinan agar dokumen penawaran tidak hilang. Unggah dokumen jauh sebelum batas akhir.',
    ],
    ['a loss feared', 'Rekanan khawatir dokumen penawaran hilang bila diunggah mendekati batas akhir.'],
    [
      'kinds of trouble in a training story',
      'Pemprov Contoh menambah kapasitas pengelola SPSE. "Pelatihan ini untuk menjawab berbagai kendala teknis yang terjadi di lapangan," kata Kepala Biro.',
    ],
    [
      'kinds of trouble explained to users',
      'Pemkab Contoh menggelar sosialisasi bagi penyedia. Kepala bagian menjelaskan berbagai gangguan yang sering dialami penyedia di LPSE.',
    ],
  ])('no incident: %s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });
});

describe('extractIsIncident: more outage wordings', () => {
  test.each([
    ['"tidak berjalan normal"', 'Aplikasi SPSE Kota Contoh tidak berjalan normal sepanjang hari Kamis.'],
    ['"tidak dapat dijangkau"', 'Situs LPSE Kota Contoh tidak dapat dijangkau dari luar kantor sejak pagi.'],
    ['malware', 'Server LPSE Kabupaten Contoh terkena malware sehingga lelang dihentikan.'],
  ])('%s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(true);
  });

  test.each([
    ['one account blocked', 'Akun LPSE seorang kontraktor diblokir karena dokumennya kedaluwarsa.'],
    ['a fake site to be blocked', 'Pemkot melaporkan situs palsu yang meniru LPSE ke Kominfo untuk diblokir.'],
    ['a person with COVID-19', 'Kantor LPSE Kota Contoh ditutup karena dua pegawainya terkena virus corona.'],
    ["a new version's look", 'Tampilan aplikasi SPSE versi terbaru berubah. Menu LPSE kini lebih ringkas.'],
    ['a budget\'s "kendala"', 'LPSE Kota Contoh mengalami kendala anggaran untuk membeli server baru tahun depan.'],
  ])('no incident: %s', (_name, text) => {
    expect(extractIsIncident(ctxOf(text), 'ind').value.is_incident).toBe(false);
  });
});
