import { describe, expect, test } from 'vitest';
import { REGENCY_ALIASES } from '../../extractors/region/aliases.ts';
import { PROVINCES, REGENCIES } from '../../extractors/region/gazetteer-data.ts';
import { extractRegions, regionFromHost } from '../../extractors/region/index.ts';
import { ctxOf } from './helpers.ts';

describe('gazetteer', () => {
  test('holds the 38 provinces and 514 kabupaten/kota of idn-area-data with Kemendagri codes', () => {
    expect(PROVINCES).toHaveLength(38);
    expect(REGENCIES).toHaveLength(514);
    expect(REGENCIES.find((r) => r.code === '62.13')?.name).toBe('Kabupaten Barito Timur');
  });
});

describe('extractRegions: the affected LPSE', () => {
  test.each([
    [
      'alias Bartim',
      'Laman LPSE Bartim tidak bisa diakses sejak Senin.',
      'Kabupaten Barito Timur',
      '62.13',
      'LPSE Bartim',
    ],
    [
      'alias Lutra',
      'Server LPSE Lutra kembali gangguan menjelang batas akhir penawaran.',
      'Kabupaten Luwu Utara',
      '73.22',
      'LPSE Lutra',
    ],
    ['alias KLU', 'Gangguan server LPSE KLU membuat lelang tertunda.', 'Kabupaten Lombok Utara', '52.08', 'LPSE KLU'],
    ['alias Lamsel', 'Situs LPSE Lamsel error saat tender jalan.', 'Kabupaten Lampung Selatan', '18.01', 'LPSE Lamsel'],
    [
      'alias Humbahas',
      'LPSE Humbahas diretas orang tak dikenal.',
      'Kabupaten Humbang Hasundutan',
      '12.16',
      'LPSE Humbahas',
    ],
    [
      'Kab. form',
      'Website LPSE Kab. Gresik mengalami error saat diakses.',
      'Kabupaten Gresik',
      '35.25',
      'LPSE Kab. Gresik',
    ],
    [
      'Pemkot form is the Kota',
      'Sistem LPSE Pemkot Bontang terganggu sejak pekan lalu.',
      'Kota Bontang',
      '64.74',
      'LPSE Pemkot Bontang',
    ],
    [
      'Kota vs Kabupaten of the same name',
      'Server LPSE Kota Bogor mati sejak pagi.',
      'Kota Bogor',
      '32.71',
      'LPSE Kota Bogor',
    ],
    ['"LPSE di" a kabupaten', 'Server LPSE di Bantul error sejak pagi.', 'Kabupaten Bantul', '34.02', 'LPSE di Bantul'],
    [
      'bare name defaults to the Kabupaten',
      'Server LPSE Bogor mati sejak pagi.',
      'Kabupaten Bogor',
      '32.01',
      'LPSE Bogor',
    ],
    [
      'Tangsel is a Kota',
      'Pengusaha mengeluhkan web LPSE Tangsel yang tidak bisa dipakai mengunggah penawaran.',
      'Kota Tangerang Selatan',
      '36.74',
      'LPSE Tangsel',
    ],
  ])('%s', (_name, text, regency, code, evidence) => {
    const r = extractRegions(ctxOf(text));
    expect(r.value.regions.map((x) => x.regency)).toEqual([regency]);
    expect(r.value.regions[0]?.regency_code).toBe(code);
    expect(r.value.regions[0]?.evidence).toContain(evidence);
  });

  test.each([
    ['Pemprov alias', 'LPSE Pemprov Sulteng mengalami gangguan teknis sejak Rabu pagi.', 'Sulawesi Tengah', '72'],
    [
      'Provinsi form',
      'Layanan Pengadaan Secara Elektronik (LPSE) Pemerintah Provinsi Kalimantan Tengah tidak dapat dioperasikan.',
      'Kalimantan Tengah',
      '62',
    ],
  ])('provincial LPSE: %s', (_name, text, province, code) => {
    const r = extractRegions(ctxOf(text));
    expect(r.value.regions).toHaveLength(1);
    expect(r.value.regions[0]).toMatchObject({ province, province_code: code, regency: null, regency_code: null });
  });

  test('an LPSE hostname names the kabupaten', () => {
    const r = extractRegions(ctxOf('Laman http://lpse.baritotimurkab.go.id/eproc4 belum dapat diakses publik.'));
    expect(r.value.regions[0]?.regency).toBe('Kabupaten Barito Timur');
    expect(r.value.lpse?.host).toBe('lpse.baritotimurkab.go.id');
    expect(regionFromHost('lpse.jatimprov.go.id')?.province).toBe('Jawa Timur');
    expect(regionFromHost('lpse.surabayakota.go.id')?.regency).toBe('Kota Surabaya');
  });

  test('hostnames with the local abbreviation, and the national SPSE address, name the kabupaten', () => {
    expect(regionFromHost('lpse.taputkab.go.id')?.regency).toBe('Kabupaten Tapanuli Utara');
    expect(regionFromHost('lpse.kukarkab.go.id')?.regency).toBe('Kabupaten Kutai Kartanegara');
    expect(regionFromHost('spse.inaproc.id/gresikkab')?.regency).toBe('Kabupaten Gresik');
    expect(regionFromHost('spse.inaproc.id/malangkota')?.regency).toBe('Kota Malang');
    expect(regionFromHost('spse.inaproc.id/jatengprov')?.province).toBe('Jawa Tengah');
    // a seat of government is not an LPSE's name
    expect(regionFromHost('lpse.timikakab.go.id')).toBeNull();
    const r = extractRegions(
      ctxOf('Layanan lpse.taputkab.go.id tidak dapat diakses pada 18 Agustus 2025 akibat gangguan jaringan.'),
    );
    expect(r.value.regions.map((x) => x.regency)).toEqual(['Kabupaten Tapanuli Utara']);
    const i = extractRegions(ctxOf('Penyedia tidak bisa membuka https://spse.inaproc.id/gresikkab sejak pagi.'));
    expect(i.value.regions.map((x) => x.regency)).toEqual(['Kabupaten Gresik']);
  });

  test('a prefix at the end of the title does not reach the dateline of the next paragraph', () => {
    const r = extractRegions(
      ctxOf(
        'Asosiasi Protes Gangguan LPSE Provinsi\n\nPADANG - Penyedia memprotes gangguan LPSE Provinsi Sumatera Barat pekan lalu.',
      ),
    );
    expect(r.value.regions.map((x) => [x.province, x.regency])).toEqual([['Sumatera Barat', null]]);
  });

  test('the dateline is the fallback when no LPSE is named', () => {
    const r = extractRegions(ctxOf('TIMIKA, Seputarpapua.com | Laman pengadaan daerah ini sedang gangguan.'));
    expect(r.value.regions[0]?.regency).toBe('Kabupaten Mimika');
    expect(r.value.regions[0]?.evidence).toContain('TIMIKA');
  });
});

describe('extractRegions: places that are not the affected LPSE', () => {
  test.each([
    [
      'the tender moved to the province',
      'Server LPSE Pemkab Lamtim diretas hacker sehingga lelang dialihkan ke LPSE Provinsi Lampung.',
      ['Kabupaten Lampung Timur'],
    ],
    [
      'a police LPSE used instead',
      'Server LPSE KLU ngadat, pengadaan dialihkan ke LPSE Polda NTB.',
      ['Kabupaten Lombok Utara'],
    ],
    [
      'where the reporter sits',
      'JEMBER, Media - Pokja LPSE Bondowoso membantah ada permainan server.',
      ['Kabupaten Bondowoso'],
    ],
    [
      'the LKPP in Jakarta',
      'LPSE Kabupaten Natuna lumpuh. Kerusakan dikoordinasikan dengan LKPP di Jakarta.',
      ['Kabupaten Natuna'],
    ],
    [
      'an LPSE said to be unaffected',
      'Situs LPSE Pemkot Malang tidak dapat diakses sejak Sabtu. Sementara LPSE Kabupaten Malang tidak terdampak.',
      ['Kota Malang'],
    ],
    [
      'a contractor from elsewhere',
      'Situs LPSE Tangsel bermasalah, kata direktur CV asal Kota Tangerang itu.',
      ['Kota Tangerang Selatan'],
    ],
  ])('%s', (_name, text, regencies) => {
    expect(extractRegions(ctxOf(text)).value.regions.map((r) => r.regency)).toEqual(regencies);
  });

  test('two LPSEs named, and "di" + province is where they are, not a third', () => {
    const r = extractRegions(
      ctxOf('Dua LPSE di Jawa Tengah Down\nLPSE Kabupaten Kendal dan LPSE Kota Semarang sama-sama tidak bisa diakses.'),
    );
    expect(r.value.regions.map((x) => x.regency)).toEqual(['Kabupaten Kendal', 'Kota Semarang']);
  });

  test('an enumeration of governments lists every LPSE hit', () => {
    const r = extractRegions(
      ctxOf('KPK mencatat LPSE pemerintah daerah diretas, yakni Pemprov Jambi, Pemkab Tebo, dan Pemkab Bungo.'),
    );
    expect(r.value.regions.map((x) => x.regency ?? x.province)).toEqual(['Jambi', 'Kabupaten Tebo', 'Kabupaten Bungo']);
  });

  test('no region in a text without places', () => {
    const r = extractRegions(ctxOf('Sistem pengadaan sedang dalam perbaikan.'));
    expect(r.value.regions).toEqual([]);
    expect(r.value.lpse).toBeNull();
  });

  test('a national outage has no region and scope national', () => {
    const r = extractRegions(
      ctxOf(
        'Gangguan Pusat Data Nasional Sementara (PDNS) membuat layanan SPSE tidak bisa diakses di seluruh Indonesia.',
      ),
    );
    expect(r.value.regions).toEqual([]);
    expect(r.scope).toBe('national');
  });

  test('common words are not places: "batu" and "padang" need a prefix', () => {
    const r = extractRegions(ctxOf('Server LPSE rusak tertimpa batu. Petugas menuju padang rumput.'));
    expect(r.value.regions).toEqual([]);
  });
});

describe('extractRegions: unaffected and fallback LPSEs', () => {
  test.each([
    [
      'several LPSEs then "tidak mengalami gangguan"',
      'LPSE Kabupaten Klaten tidak bisa diakses sejak pagi. LPSE Provinsi Jawa Tengah maupun LPSE Kabupaten Boyolali dan Sukoharjo tidak mengalami gangguan.',
      ['Kabupaten Klaten'],
      'LPSE Kabupaten Klaten tidak bisa diakses sejak pagi.',
    ],
    [
      '"berjalan seperti biasa" later in the sentence',
      'Server LPSE Kabupaten Gowa down. Di sisi lain, LPSE Kota Makassar hingga sore ini berjalan seperti biasa.',
      ['Kabupaten Gowa'],
      'Server LPSE Kabupaten Gowa down.',
    ],
    [
      'a mistaken belief corrected by "padahal"',
      'LPSE Kabupaten Bogor lumpuh. Penyedia mengira LPSE Kota Bogor juga bermasalah, padahal layanan itu berjalan normal.',
      ['Kabupaten Bogor'],
      'LPSE Kabupaten Bogor lumpuh.',
    ],
    [
      'a same-name regency that "tetap dapat diakses" after a relative clause',
      'Server LPSE Kota Bima mati sejak Senin. LPSE Kabupaten Bima yang berkantor di Woha tetap dapat diakses selama gangguan itu.',
      ['Kota Bima'],
      'Server LPSE Kota Bima mati sejak Senin.',
    ],
    [
      'the province asked for help',
      'LPSE Kabupaten Sintang tidak dapat diakses. Untuk paket mendesak, pemkab meminta bantuan LPSE Provinsi Kalimantan Barat.',
      ['Kabupaten Sintang'],
      'LPSE Kabupaten Sintang tidak dapat diakses.',
    ],
    [
      'coordinating with the province',
      'LPSE Kabupaten Samosir eror. Kami berkoordinasi dengan LPSE Provinsi Sumatera Utara agar paket bisa dipindah ke sana.',
      ['Kabupaten Samosir'],
      'LPSE Kabupaten Samosir eror.',
    ],
  ])('%s', (_name, text, regencies, evidence) => {
    const r = extractRegions(ctxOf(text)).value.regions;
    expect(r.map((x) => x.regency)).toEqual(regencies);
    expect(r.map((x) => x.province).filter((p) => !r.some((x) => x.regency && x.province === p))).toEqual([]);
    expect(r[0]?.evidence).toBe(evidence);
  });

  test('an affected LPSE beside an unaffected one, split by "sedangkan", stays', () => {
    const r = extractRegions(
      ctxOf('LPSE Kota Bekasi tidak bisa diakses, sedangkan LPSE Kabupaten Bekasi tidak terdampak.'),
    ).value.regions;
    expect(r.map((x) => x.regency)).toEqual(['Kota Bekasi']);
  });
});

describe('extractRegions: a recovery is not an unaffected LPSE', () => {
  test('"kini sudah berjalan normal kembali" keeps the LPSE', () => {
    const r = extractRegions(ctxOf('Setelah dua hari, LPSE Kabupaten Kendal kini sudah berjalan normal kembali.')).value
      .regions;
    expect(r.map((x) => x.regency)).toEqual(['Kabupaten Kendal']);
    expect(r[0]?.evidence).toBe('Setelah dua hari, LPSE Kabupaten Kendal kini sudah berjalan normal kembali.');
  });
});

describe('extractRegions: spelling variants and LPSEs listed together', () => {
  test('every regency alias names a kabupaten/kota of the gazetteer', () => {
    const names = new Set(REGENCIES.map((r) => r.name));
    expect(Object.entries(REGENCY_ALIASES).filter(([, r]) => !names.has(r))).toEqual([]);
  });

  test.each([
    ['Server LPSE Kota Palangka Raya mati sejak pagi.', 'Kota Palangkaraya'],
    ['Laman LPSE Kabupaten Gunung Kidul tidak bisa diakses.', 'Kabupaten Gunungkidul'],
    ['LPSE Kabupaten Batang Hari down menjelang batas akhir penawaran.', 'Kabupaten Batanghari'],
    // the longer split name wins over "Kota Banjar"
    ['LPSE Kota Banjar Baru error sejak Senin.', 'Kota Banjarbaru'],
    ['LPSE Kabupaten Labuhan Batu Selatan tidak dapat diakses.', 'Kabupaten Labuhanbatu Selatan'],
  ])('a one-word name written as two words: %s', (text, regency) => {
    expect(extractRegions(ctxOf(text)).value.regions.map((x) => x.regency)).toEqual([regency]);
  });

  test('two capitalised words are needed: "pekan baru" is a week', () => {
    expect(
      extractRegions(ctxOf('Server LPSE Kabupaten Kampar mati sejak pekan baru lalu.')).value.regions.map(
        (x) => x.regency,
      ),
    ).toEqual(['Kabupaten Kampar']);
  });

  test.each([
    ['LPSE Kab. Tanah Bumbu dan Kotabaru Offline Sejak Minggu', ['Kabupaten Tanah Bumbu', 'Kabupaten Kotabaru']],
    [
      'Laman LPSE Kota Bitung, Kabupaten Minahasa Utara serta Kota Tomohon tidak bisa diakses.',
      ['Kota Bitung', 'Kabupaten Minahasa Utara', 'Kota Tomohon'],
    ],
    // a comma alone is the address, and a province after its own regency is where it lies
    ['Laman LPSE Kabupaten Gresik, Jawa Timur, tidak bisa diakses.', ['Kabupaten Gresik']],
    ['Laman LPSE Kabupaten Gresik dan Jawa Timur tidak bisa diakses.', ['Kabupaten Gresik']],
  ])('places listed after "LPSE": %s', (text, regencies) => {
    expect(extractRegions(ctxOf(text)).value.regions.map((x) => x.regency ?? x.province)).toEqual(regencies);
  });
});

describe('extractRegions: the LPSE that stood in, a company, a ministry', () => {
  const names = (text: string) =>
    extractRegions(ctxOf(text)).value.regions.map((r) => ({ name: r.regency ?? r.province, evidence: r.evidence }));
  test.each([
    [
      'a provincial LPSE the tenders moved to',
      'Server LPSE Kabupaten Tulang Bawang diduga diretas. Dia menjelaskan, terdapat 19 paket yang tendernya melalui LPSE Provinsi Lampung.',
      ['Kabupaten Tulang Bawang'],
    ],
    [
      'a provincial LPSE chosen instead',
      'LPSE Kabupaten Kendal tidak bisa diakses sejak Senin. "Kami akan memakai LPSE milik Provinsi Jawa Tengah agar lebih aman," ujarnya.',
      ['Kabupaten Kendal'],
    ],
    [
      'a provincial LPSE with its own outage is kept',
      'LPSE Kabupaten Kendal tidak bisa diakses sejak Senin. LPSE Provinsi Jawa Tengah juga diretas pada hari yang sama.',
      ['Kabupaten Kendal', 'Jawa Tengah'],
    ],
    [
      'a company named after a place',
      'PT Bintang Seribu melaporkan hilangnya dokumen penawaran di LPSE Kabupaten Way Kanan.',
      ['Kabupaten Way Kanan'],
    ],
    [
      'another company named after a place',
      'CV Karya Sleman mengadukan dokumen penawaran yang hilang dari LPSE Kota Magelang.',
      ['Kota Magelang'],
    ],
    [
      'the procurement unit of a city',
      'Saat file diunduh Pokja di Unit Layanan Pengadaan (ULP) Kota Cirebon, ternyata dua halaman hilang.',
      ['Kota Cirebon'],
    ],
    [
      'a ministry LPSE',
      'YOGYAKARTA - Proses tender dipending lantaran laman LPSE Kementerian PUPR diretas. Paket embung di Sleman dan Bantul tertunda.',
      [],
    ],
    [
      'a tender run by a ministry',
      'Pembatalan lelang di Kementerian PUPR untuk sekolah di Provinsi Riau terjadi akibat sistem yang rusak.',
      [],
    ],
    ['a university LPSE', 'LPSE Universitas Lampung tidak bisa diakses, kata petugas di Bandar Lampung.', []],
  ])('%s', (_name, text, expected) => {
    const got = names(text);
    expect(got.map((r) => r.name).sort()).toEqual([...expected].sort());
    for (const r of got) expect(text).toContain(r.evidence.slice(0, 20));
  });
});
