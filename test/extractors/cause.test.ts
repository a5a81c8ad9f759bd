import { describe, expect, test } from 'vitest';
import { extractCauses } from '../../extractors/cause/index.ts';
import { ctxOf } from './helpers.ts';

const stated = (text: string) => extractCauses(ctxOf(text)).value.filter((c) => c.certainty === 'stated');

describe('extractCauses: stated causes', () => {
  test.each([
    [
      'hardware',
      '"Ada komponen perangkat keras yang rusak dan berdampak pada sistem aplikasi," kata Kepala LPSE Bartim.',
    ],
    ['hardware', 'Dari keterangan teknisi, hardisk yang berfungsi sebagai penyimpan data rusak.'],
    ['upgrade', 'Kasubag membenarkan terkendalanya server LPSE, lantaran adanya upgrade sistem.'],
    ['pdn', 'Gangguan terjadi karena dipengaruhi gangguan pada Pusat Data Nasional (PDN) di Jakarta.'],
    ['power', 'Belum selesainya lelang disebabkan adanya gangguan pasokan listrik ke server LPSE.'],
    ['network', 'Gangguan akibat terputusnya jaringan Telkom Astinet di kabupaten itu.'],
    ['network', 'Menurut informasi, jaringannya tersambar petir.'],
    ['cyberattack', 'Usut punya usut, ternyata situs LPSE ini dihacker dari luar negeri.'],
    ['overload', 'Sempat terjadi high traffic saat aplikasi itu mulai dibuka.'],
    ['maintenance', 'LPSE tidak dapat diakses karena pemeliharaan server terjadwal pada akhir pekan.'],
    ['network', 'Menurut teknisi, situs lambat karena gangguan dari provider internet.'],
  ])('%s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(r[0]?.evidence).toBe(text);
  });

  test('several stated causes are all kept', () => {
    const text =
      'Kepala LPSE membenarkan gangguan diakibatkan kelebihan beban jaringan saat lelang. "Gangguan juga disebabkan jaringan internet yang tidak stabil ditambah seringnya pemadaman listrik," ucap dia.';
    expect(
      stated(text)
        .map((c) => c.category)
        .sort(),
    ).toEqual(['network', 'overload', 'power']);
  });

  test('the PDN ransomware is pdn, not also cyberattack', () => {
    const r = stated('Serangan ransomware di Pusat Data Nasional Sementara membuat SPSE tidak bisa diakses.');
    expect(r.map((c) => c.category)).toEqual(['pdn']);
  });

  test('a damaged server is hardware only when no other cause is given', () => {
    expect(stated('Server LPSE rusak sehingga tender dihentikan.').map((c) => c.category)).toEqual(['hardware']);
    expect(
      stated('Server sempat mengalami gangguan karena tersambar petir. Kerusakan server sudah diperbaiki.').map(
        (c) => c.category,
      ),
    ).toEqual(['network']);
  });
});

describe('extractCauses: not stated causes', () => {
  test.each([
    ['speculation', 'Belum diketahui apakah pengaruh virus, mati lampu atau hal hal lainnya.', 'power'],
    [
      'a guess with "bisa … atau"',
      'Dugaan-dugaan muncul, bisa disengaja dilakukan oleh oknum, atau memang servernya down karena sedang maintenance.',
      'maintenance',
    ],
    ['an estimate', 'Dia memperkirakan gangguan teknis tersebut sebagai dampak dari gangguan daya listrik.', 'power'],
    [
      'cause declared unknown',
      'Laman LPSE diduga terkena hack. Sementara belum diketahui apakah di-hack atau tidak.',
      'cyberattack',
    ],
  ])('%s is suspected, and the cause is unexplained', (_name, text, suspected) => {
    const r = extractCauses(ctxOf(text)).value;
    expect(r[0]).toMatchObject({ category: 'unexplained', certainty: 'stated' });
    expect(r.find((c) => c.category === suspected)).toMatchObject({
      certainty: 'suspected',
      evidence: expect.stringContaining(text.split('.')[0]!.slice(0, 20)),
    });
  });

  test.each([
    ['a condition', 'Jika proses input data terganggu, belum lagi jika server kami rusak, kerugiannya makin parah.'],
    ['a denial', 'Ternyata setelah dicari tahu, masalah bukan pada jaringan internet yang terputus.'],
    [
      'a regulation example',
      'Dalam hal terjadi gangguan teknis (contoh: gangguan daya listrik, gangguan jaringan) Pokja dapat menyesuaikan jadwal.',
    ],
    ['no cause words', 'Sistem LPSE kerap eror menjelang pelaksanaan lelang.'],
  ])('%s gives only unexplained', (_name, text) => {
    expect(extractCauses(ctxOf(text)).value.map((c) => c.category)).toEqual(['unexplained']);
  });
});

describe('extractCauses: overload phrasing, English, guesses and denials', () => {
  test.each([
    ['overload', 'Ratusan rekanan mengunggah penawaran pada hari yang sama sehingga LPSE melambat.'],
    ['overload', '"Servernya langsung kewalahan," kata kepala LPSE itu.'],
    ['overload', 'Lonjakan pengakses menjelang batas waktu membuat laman LPSE tidak bisa dibuka.'],
    ['power', 'The portal was offline after a power failure at the regency data centre.'],
  ])('%s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(r[0]?.evidence).toBe(text);
  });

  test('a contractor guess is suspected, not stated', () => {
    const text = 'Beberapa penyedia menduga laman LPSE itu terkena serangan hacker.';
    const r = extractCauses(ctxOf(text)).value;
    expect(r[0]).toMatchObject({ category: 'unexplained', certainty: 'stated' });
    expect(r.find((c) => c.category === 'cyberattack')).toMatchObject({ certainty: 'suspected', evidence: text });
  });

  test.each([
    ['a headline guess', 'LPSE Kabupaten Gresik Down, Penyedia Duga Diretas'],
    ['hearsay in a quote', '"Saya dengar ada yang bilang di-hack. Ini harus dijelaskan," ujar anggota dewan.'],
    ['a rumour', 'Beredar kabar situs LPSE itu diretas, namun belum ada penjelasan resmi.'],
  ])('%s is suspected, not stated', (_name, text) => {
    expect(stated(text).map((c) => c.category)).toEqual(['unexplained']);
  });

  test('a cause denied in one sentence is no stated cause in another', () => {
    const text =
      'Anggota dewan menyebut situs itu sudah di-hack. Kepala Bagian PBJ membantah dugaan peretasan. ' +
      '"Tidak ada serangan siber, kabel fiber optik kami putus," tegasnya.';
    expect(stated(text).map((c) => c.category)).toEqual(['network']);
    // a negation about others is not a denial: "Pemkab lain yang tidak pernah terkena peretasan"
    const others =
      'Server LPSE Kabupaten Gresik diretas hingga tidak bisa diakses. Pemkab lain yang tidak pernah terkena peretasan diminta waspada.';
    expect(stated(others).map((c) => c.category)).toEqual(['cyberattack']);
    // "bukan" that denies something else: "Ini bukan kali pertama situs itu diretas"
    const notFirst =
      'Server LPSE Kabupaten Gresik diretas hingga tidak bisa diakses. Ini bukan kali pertama situs itu diretas.';
    expect(stated(notFirst).map((c) => c.category)).toEqual(['cyberattack']);
  });

  test.each([
    ['a cause noun then a negation', 'Menurut teknisi, jaringan internet tidak bermasalah saat itu.'],
    ['no trace found', '"Kami tidak menemukan tanda-tanda peretasan," ujarnya.'],
    ['a remedy planned', 'Pemkab akan mengganti power supply server tahun depan.'],
    ['a road maintenance tender', 'Contractors bidding for a road maintenance package were affected.'],
  ])('%s gives only unexplained', (_name, text) => {
    expect(extractCauses(ctxOf(text)).value.map((c) => c.category)).toEqual(['unexplained']);
  });

  test('"tidak stabil" is still a network cause', () => {
    expect(stated('Koneksi internet tidak stabil sejak pagi.').map((c) => c.category)).toEqual(['network']);
  });
});

describe('extractCauses: negation next to the cause, accusations, contrasts', () => {
  test.each([
    [
      'a denied attack beside a stated cause',
      'Kepala LPSE memastikan server tidak diretas. Gangguan akibat pemadaman listrik PLN.',
      ['power:stated'],
      'Gangguan akibat pemadaman listrik PLN.',
    ],
    [
      'an accusation then the official cause after "namun"',
      'LSM setempat menuding ada serangan hacker, namun kepala dinas menyebut penyebabnya upgrade aplikasi.',
      ['cyberattack:suspected', 'upgrade:stated'],
      'LSM setempat menuding ada serangan hacker, namun kepala dinas menyebut penyebabnya upgrade aplikasi.',
    ],
    [
      '"tidak mampu menampung banyaknya penyedia" is overload',
      'Server LPSE tidak mampu menampung banyaknya penyedia yang mengakses secara bersamaan.',
      ['overload:stated'],
      'Server LPSE tidak mampu menampung banyaknya penyedia yang mengakses secara bersamaan.',
    ],
  ])('%s', (_name, text, expected, evidence) => {
    const r = extractCauses(ctxOf(text)).value;
    expect(r.map((c) => `${c.category}:${c.certainty}`)).toEqual(expected);
    expect(r.find((c) => c.certainty === 'stated')?.evidence).toBe(evidence);
  });

  test('a negation far from the cause does not cancel it', () => {
    const text = 'Situs LPSE tidak bisa diakses sejak pagi karena jaringan internet terputus.';
    expect(stated(text).map((c) => c.category)).toEqual(['network']);
  });
});

describe('extractCauses: English reports', () => {
  test.each([
    ['cyberattack', 'Officials said the LPSE portal was hacked on Monday night.'],
    ['network', 'The portal went offline because of a network disruption in the regency.'],
    ['overload', 'A surge in traffic before the bidding deadline took the portal down.'],
  ])('%s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(r[0]?.evidence).toBe(text);
  });

  test('"was not hacked" is no cause', () => {
    expect(
      extractCauses(ctxOf('The head of the bureau said the portal was not hacked.')).value.map((c) => c.category),
    ).toEqual(['unexplained']);
  });
});

describe('extractCauses: lightning, first-person guesses', () => {
  test.each([
    ['lightning alone is network', 'Tersambar petir, LPSE Kota Contoh mati sejak kemarin.', [['network', 'stated']]],
    [
      'lightning that burnt stated hardware is hardware',
      'Menara kantor tersambar petir. "Power supply server kami terbakar," kata Kepala LPSE.',
      [['hardware', 'stated']],
    ],
    [
      '"kami kira diretas" is a guess',
      '"Kami kira diretas, soalnya laman LPSE tiba-tiba mati," kata seorang penyedia.',
      [
        ['unexplained', 'stated'],
        ['cyberattack', 'suspected'],
      ],
    ],
  ])('%s', (_name, text, want) => {
    const r = extractCauses(ctxOf(text)).value;
    expect(r.map((c) => [c.category, c.certainty])).toEqual(want);
    expect(r.every((c) => text.includes(c.evidence))).toBe(true);
  });
});

describe('extractCauses: network links, providers and power-grid lines', () => {
  test.each([
    // a link, a few words, then a break
    ['a fibre cable cut', 'Kabel serat optik milik Telkom di Kecamatan Sungai Raya putus tertimpa pohon.'],
    ['a router failed', 'Menurut teknisi Diskominfo Kabupaten Sintang, router utama rusak sejak pagi.'],
    ['a BTS down', 'Kepala Diskominfo menyebut BTS yang melayani Kota Ternate mati total.'],
    ['a radio tower fell', 'Menara radio Diskominfo Kabupaten Nabire roboh diterjang angin kencang.'],
    ['the backbone route', 'Gangguan berasal dari jalur backbone milik Dinas Kominfo Kabupaten Pesawaran.'],
    // the break first
    ['a connection cut', 'Gangguan disebabkan oleh terputusnya koneksi internet ke pusat data Pemkab Kubu Raya.'],
    [
      'trouble at the ISP',
      '"Ada gangguan di jaringan ISP sejak pukul 08.00 WIB," ujar Kepala Diskominfo Kabupaten Sambas.',
    ],
    ['the internet provider', 'LPSE Kabupaten Landak Down, Diskominfo Sebut Gangguan dari Penyedia Layanan Internet'],
    ['the internet of the server room', 'Menurut Kepala Diskominfo Sleman, internet di ruang server mati sejak pagi.'],
    ['trouble on the internet', 'Gangguan internet membuat LPSE Kabupaten Bantul tidak bisa diakses.'],
    ['a Javanese cut link', '"Servere urip, nanging jalur internete pedhot," ngendikane Kepala Bagian PBJ Klaten.'],
  ])('%s is network', (_name, text) => {
    expect(stated(text).map((c) => c.category)).toEqual(['network']);
  });

  test('a fault on the power grid\'s "jaringan transmisi" is power, not network', () => {
    const text =
      'Manajer PLN UP3 Palangka Raya menyebut pemadaman listrik disebabkan gangguan pada jaringan transmisi.';
    expect(stated(text).map((c) => c.category)).toEqual(['power']);
  });

  test('a burnt motherboard is hardware beside a network link cut by the same lightning', () => {
    const text =
      'Sambaran petir memutus radio link ke jaringan internet. Papan induk (motherboard) server LPSE Kabupaten Kapuas Hulu terbakar.';
    expect(
      stated(text)
        .map((c) => c.category)
        .sort(),
    ).toEqual(['hardware', 'network']);
  });
});

describe('extractCauses: hearsay and Javanese negation', () => {
  test('"ada pula yang menyebut" is hearsay, not a stated cause', () => {
    const text = 'Ada pula yang menyebut server rusak karena ruang servernya kebanjiran.';
    const r = extractCauses(ctxOf(text)).value;
    expect(r.map((c) => [c.category, c.certainty])).toEqual([
      ['unexplained', 'stated'],
      ['hardware', 'suspected'],
    ]);
  });

  test('Javanese "ora rusak" denies the damage', () => {
    expect(extractCauses(ctxOf('Server LPSE dhewe ora rusak.')).value.map((c) => c.category)).toEqual(['unexplained']);
  });
});

describe('extractCauses: Javanese upgrade', () => {
  test('"saka versi 4.4 menyang versi 4.5" is an upgrade', () => {
    const text = 'Kahanan iki jalaran anggone nganyari aplikasi SPSE saka versi 4.4 menyang versi 4.5 durung rampung.';
    expect(stated(text).map((c) => c.category)).toEqual(['upgrade']);
  });
});
