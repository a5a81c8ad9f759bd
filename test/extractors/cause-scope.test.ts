import { describe, expect, test } from 'vitest';
import { extractCauses } from '../../extractors/cause/index.ts';
import { attackOnOtherSite, outOfScope } from '../../extractors/cause/scope.ts';
import { ctxOf } from './helpers.ts';

const stated = (text: string) => extractCauses(ctxOf(text)).value.filter((c) => c.certainty === 'stated');
const categories = (text: string) => stated(text).map((c) => c.category);

describe('extractCauses: an attack word that is not this outage’s cause', () => {
  test.each([
    [
      'a precaution (agar … tidak)',
      'Kepala LPSE, Sugiyanto, mengatakan pihaknya memperketat keamanan agar server tidak diretas hacker.',
    ],
    [
      'a precaution (menangkal)',
      'Diskominfo sudah memasang firewall baru untuk menangkal serangan hacker ke server LPSE.',
    ],
    ['a threat to watch', 'Penyedia diminta mewaspadai ancaman peretasan akun SPSE menjelang tutup tender.'],
    ['the system’s history', 'Pada 2019 lalu, LPSE Bengkulu pernah diretas hacker dan tampilannya diubah.'],
    [
      'a similar attack elsewhere, "pernah" after it',
      'Peretasan serupa pernah menimpa LPSE Kota Singkawang pada 2020.',
    ],
    ['an attack in other regions', 'Kasus peretasan LPSE di daerah lain menjadi pelajaran bagi Pemkab.'],
    ['history in a relative clause', 'Tim belajar dari LPSE kabupaten tetangga yang pernah dibobol hacker tahun lalu.'],
    [
      'a past set against the present',
      'Server memang sering menjadi sasaran hacker, tapi kali ini gangguan muncul karena hal lain.',
    ],
    ['a question', 'LPSE Kabupaten Jember down sejak pagi. Apakah situs itu diretas?'],
    ['a headline question', 'Situs LPSE Lumpuh Seharian, Diretas?'],
    [
      'another site attacked',
      'Sebelumnya, situs resmi Dinas Pendidikan Sleman diretas oleh hacker dan menampilkan pesan aneh.',
    ],
    ['another site, the active voice', 'Sekelompok peretas membobol website KPU kabupaten itu pekan lalu.'],
    [
      'a vote-buying "serangan fajar"',
      'Panwas mengawasi serangan fajar menjelang pencoblosan, sementara LPSE sempat lumpuh.',
    ],
  ])('%s', (_name, text) => {
    expect(categories(text)).toEqual(['unexplained']);
  });

  test.each([
    ['an attack on the LPSE', 'Server LPSE Provinsi Bali diserang DDoS sehingga tidak bisa diakses sejak Senin.'],
    [
      'the LPSE hacked, told with its agent',
      'Kepala LPSE Serang, Ujang, mengatakan situs itu diretas pada Minggu malam oleh hacker.',
    ],
    ['an other site that took the LPSE down', 'Website Pemkab diretas sehingga LPSE ikut tidak bisa diakses.'],
    ['an intruder in the server', 'Orang tak dikenal menyusup ke server LPSE dan mengubah dokumen penawaran.'],
  ])('%s is a stated attack', (_name, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual(['cyberattack']);
    expect(r[0]?.evidence).toBe(text);
  });

  test('an attacker who once did something is still this attack', () => {
    expect(categories('Situs LPSE diretas hacker yang pernah membobol situs bank, kata polisi.')).toEqual([
      'cyberattack',
    ]);
  });

  test('a stated cause stays when the attack is another region’s', () => {
    const text =
      'Situs LPSE Kota Pontianak tidak bisa diakses sejak Senin karena server rusak. Peretasan serupa pernah menimpa LPSE Kota Singkawang pada 2020.';
    expect(categories(text)).toEqual(['hardware']);
  });

  test('a cause stated after a past set against the present is kept, the past is not', () => {
    const text =
      'Menurut Kepala LPSE, server memang sering menjadi sasaran hacker, tapi kali ini gangguan disebabkan listrik padam.';
    expect(categories(text)).toEqual(['power']);
  });

  test('the scope helpers on their own', () => {
    const s = 'Pada 2019 lalu, LPSE Bengkulu pernah diretas hacker.';
    const at = s.indexOf('diretas');
    expect(outOfScope(s, at, at + 7, s.slice(15, at))).toBe(true);
    const now = 'Pada Senin, LPSE Bengkulu diretas hacker.';
    const at2 = now.indexOf('diretas');
    expect(outOfScope(now, at2, at2 + 7, now.slice(11, at2))).toBe(false);
    const other = 'Situs resmi Dinas Pendidikan diretas.';
    const at3 = other.indexOf('diretas');
    expect(attackOnOtherSite(other, at3, at3 + 7, other.slice(0, at3))).toBe(true);
    const lpse = 'Situs resmi LPSE Dinas Pendidikan diretas.';
    const at4 = lpse.indexOf('diretas');
    expect(attackOnOtherSite(lpse, at4, at4 + 7, lpse.slice(0, at4))).toBe(false);
  });
});

describe('extractCauses: network works are not network faults', () => {
  test.each([
    ['a cable laid', 'Diskominfo memasang kabel fiber optik baru ke kantor LPSE bulan lalu.'],
    ['bandwidth added', 'Pemkab telah menambah bandwidth LPSE dari 50 Mbps menjadi 100 Mbps.'],
    ['a service named', 'LPSE memakai layanan Astinet dari Telkom sejak 2018.'],
  ])('%s gives only unexplained', (_name, text) => {
    expect(categories(text)).toEqual(['unexplained']);
  });

  test.each([
    [
      'a cable told with owner and place',
      'Kabel serat optik milik Telkom di Kecamatan Sungai Raya putus tertimpa pohon.',
    ],
    [
      'a cable cut on purpose',
      'Menurut polisi, kabel fiber optik yang menuju kantor Diskominfo sengaja dipotong orang.',
    ],
    ['too little bandwidth', 'Kepala LPSE menyebut bandwidth yang dimiliki terlalu kecil untuk lelang serentak.'],
    [
      'a government blocking',
      'Pemerintah memblokir sementara layanan data seluler di wilayah itu sehingga LPSE tak terjangkau.',
    ],
    [
      'a government blocking, the noun',
      'Pembatasan akses internet oleh pemerintah membuat penyedia tidak bisa mengunggah dokumen.',
    ],
    ['bandwidth after a causal link', 'Situs LPSE lambat karena bandwidth Diskominfo tersedot layanan lain.'],
  ])('%s is network', (_name, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual(['network']);
    expect(r[0]?.evidence).toBe(text);
  });
});

describe('extractCauses: more wordings of stated causes', () => {
  test.each([
    ['power', 'Kepala LPSE menyebut gangguan dipicu padamnya aliran listrik dari PLN di kompleks perkantoran.'],
    ['power', 'Layanan berhenti karena putusnya arus listrik ke ruang server, kata teknisi.'],
    ['hardware', 'Menurut Kepala LPSE, server utama LPSE sudah berusia lebih dari sepuluh tahun dan sering hang.'],
    ['hardware', 'Teknisi memastikan perangkat penyimpanan yang berumur hampir delapan tahun itu harus diganti.'],
    ['hardware', 'Kepala LPSE mengatakan kerusakan terjadi pada server fisik sehingga harus diganti.'],
    ['overload', 'Server down karena terlalu banyak pengguna yang mengakses menjelang batas akhir.'],
    ['overload', 'Banyaknya penyedia yang login di jam terakhir membuat SPSE tidak merespons.'],
    ['overload', '"Trafiknya naik berkali lipat karena semua penyedia unggah dokumen di hari terakhir," kata Andi.'],
    ['overload', 'Akses ke LPSE meningkat drastis menjelang tutup pendaftaran.'],
    ['maintenance', 'Akses ke situs LPSE sengaja dihentikan untuk perbaikan sistem selama dua hari.'],
    ['maintenance', 'Server LPSE dimatikan sementara guna pengecekan perangkat di ruang data, kata Kepala LPSE.'],
  ])('%s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(r[0]?.evidence).toBe(text);
  });

  test('a site shut for repairs after an attack was repaired, not maintained', () => {
    const text =
      'Situs LPSE diretas pada Sabtu. Setelah itu server sengaja dimatikan untuk perbaikan sistem selama dua hari.';
    expect(categories(text)).toEqual(['cyberattack']);
  });
});

describe('extractCauses: the national data centre told by its operator or as a guess beside a stated attack', () => {
  test.each([
    [
      'the data centre named by its operator',
      'Kepala LPSE Kota Surabaya mengatakan gangguan terjadi karena serangan ransomware pada pusat data yang dikelola Kominfo.',
    ],
    [
      'a data centre of the ministry',
      'SPSE lumpuh setelah data center Kementerian Komunikasi dan Informatika diserang.',
    ],
    [
      'the attack stated, the PDN only guessed as its source',
      'Kepala LKPP mengatakan sistem terdampak serangan ransomware, dan diduga berasal dari PDNS.',
    ],
  ])('%s is pdn, not cyberattack', (_name, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual(['pdn']);
    expect(r[0]?.evidence).toBe(text);
  });

  test('an attack on the LPSE’s own server, with the PDN not named, stays an attack', () => {
    expect(categories('Server LPSE Kota Surabaya terkena ransomware sehingga dokumen tidak bisa dibuka.')).toEqual([
      'cyberattack',
    ]);
  });
});

describe('extractCauses: other articles’ headlines at the foot of the page', () => {
  test.each([
    [
      'a list of related headlines after the body',
      'Situs LPSE Kabupaten Seruyan tidak bisa diakses sejak Senin.\n\nKepala LPSE Seruyan, Ahmad, mengatakan penyebabnya masih dicek.\n\nBerita Terkait\n\nHacker Bobol Situs LPSE Kotim\n\nLPSE Kotim Kembali Normal Usai Perbaikan',
    ],
    [
      'a related list in other words',
      'Laman LPSE Kota Palangka Raya lambat sejak pagi.\n\nTeknisi masih memeriksa server.\n\nServer LPSE Katingan Terendam Banjir\n\nGenset Rusak, LPSE Barsel Mati Total\n\nLelang Ulang Dua Paket Jalan',
    ],
    [
      'an "Artikel terkait:" line',
      'Situs LPSE Seruyan tidak bisa diakses.\n\nArtikel terkait: Hacker Bobol Situs LPSE Kotim\n\nPenyebabnya masih dicek.',
    ],
  ])('%s gives only unexplained', (_name, text) => {
    expect(categories(text)).toEqual(['unexplained']);
  });

  test('the headline opening the text still states its cause', () => {
    const text =
      'Server LPSE Lamtim Diretas, Lelang Dialihkan ke Provinsi\n\nLelang proyek dialihkan ke LPSE provinsi.';
    expect(categories(text)).toEqual(['cyberattack']);
  });

  test('a single headline-like last line (a text cut off) is still read', () => {
    const text = 'Situs LPSE Kotim tidak bisa diakses.\n\nMenurut Kepala LPSE, Server Diserang Hacker Dari Luar Negeri';
    expect(categories(text)).toEqual(['cyberattack']);
  });
});
