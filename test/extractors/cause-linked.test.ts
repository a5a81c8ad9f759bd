import { describe, expect, test } from 'vitest';
import { extractCauses } from '../../extractors/cause/index.ts';
import { ctxOf } from './helpers.ts';

const stated = (text: string) => extractCauses(ctxOf(text)).value.filter((c) => c.certainty === 'stated');

describe('extractCauses: causes in words of their own', () => {
  test.each([
    // a short circuit, a panel or transformer, an unsteady supply
    ['power', 'Situs LPSE mati setelah korsleting di ruang panel listrik.'],
    ['power', 'Gangguan LPSE Kabupaten Sigi terjadi akibat hubungan arus pendek di gedung Setda.'],
    ['power', 'Trafo di belakang kantor Diskominfo meledak sehingga server LPSE padam.'],
    ['power', 'Menurut teknisi, tegangan listrik di gedung itu naik turun sejak pagi.'],
    // the internet cut or slowed on purpose
    ['network', 'Layanan LPSE terganggu akibat pemblokiran internet oleh pemerintah pusat.'],
    ['network', 'Pemerintah membatasi akses internet di Papua sehingga LPSE tidak bisa diakses.'],
    ['network', 'Sejak internet diputus pemerintah, pokja tidak bisa membuka dokumen penawaran.'],
    // a submarine cable
    ['network', 'Kabel bawah laut yang menghubungkan Ternate putus, LPSE ikut lumpuh.'],
    // the server room flooded or burnt, ageing equipment, overheating
    ['hardware', 'Server LPSE lumpuh karena ruang server terendam banjir.'],
    ['hardware', 'Air hujan masuk dan ruangan server kebanjiran setinggi lutut.'],
    ['hardware', 'Penyebabnya, server yang sudah tua dan belum pernah diganti sejak 2012.'],
    ['hardware', 'Kepala LPSE menyebut perangkat server sudah usang.'],
    ['hardware', 'Pendingin ruang server mati sehingga server LPSE overheat.'],
    // the server's size no longer enough
    ['overload', 'Spesifikasi server sudah tidak sanggup melayani banyaknya pengguna, kata Kepala LPSE.'],
    ['overload', 'Sistem LPSE tidak bisa diakses karena kapasitas server tidak memadai.'],
    ['overload', 'Menjelang batas akhir, pengakses LPSE melonjak hingga lima kali lipat.'],
    // upgrade, maintenance, attacks in other words
    ['upgrade', 'Layanan terhenti selama transisi ke SPSE versi 4.5.'],
    ['upgrade', 'Kepala UKPBJ menyebut pemutakhiran aplikasi belum rampung.'],
    ['maintenance', 'LPSE Kabupaten Sigi tidak bisa diakses karena sedang dalam pemeliharaan.'],
    ['maintenance', 'Situs LPSE ditutup sementara untuk perbaikan rutin pada akhir pekan.'],
    ['cyberattack', 'Situs LPSE dibobol dan disisipi konten judi online.'],
    ['cyberattack', 'Akun admin LPSE dibajak untuk mengubah harga penawaran.'],
  ])('%s: %s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(r[0]?.evidence).toBe(text);
  });
});

describe('extractCauses: a cause noun governed by a causal link', () => {
  test.each([
    // the link before the noun, with fillers between
    ['hardware', 'Gara-gara banjir, server LPSE Kota Ternate mati.'],
    ['hardware', 'Akibat kebakaran di ruang server, LPSE tidak bisa diakses.'],
    ['network', 'LPSE tidak bisa diakses lantaran jaringan internet lemot.'],
    ['network', 'Situs LPSE sulit dibuka karena adanya gangguan pada koneksi.'],
    ['power', 'Server LPSE mati karena masalah listrik di gedung Setda.'],
    ['power', 'Layanan LPSE terhenti akibat pemadaman sejak pukul 09.00 WIT.'],
    ['overload', 'Situs LPSE melambat karena tingginya trafik menjelang batas akhir penawaran.'],
    ['maintenance', 'Layanan LPSE dihentikan sementara karena perawatan.'],
    ['network', 'The LPSE portal was unreachable due to connectivity problems.'],
    // Javanese link
    ['power', 'LPSE ora iso diakses amarga listrik ing kantor mati.'],
    // the noun before a result verb
    ['overload', 'Trafik yang tinggi membuat situs LPSE tidak bisa dibuka.'],
    ['hardware', 'Banjir yang merendam kantor Setda menyebabkan server LPSE mati.'],
    // a result opener in the next sentence
    ['hardware', 'Kantor Setda Kabupaten Sigi kebanjiran. Akibatnya, server LPSE tidak bisa diakses.'],
  ])('%s: %s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(text).toContain(r[0]?.evidence);
  });

  test.each([
    ['no link', 'Lelang proyek penanganan banjir di Kabupaten Sigi dibuka lewat LPSE.'],
    ['no link, a grid word', 'Jaringan listrik desa itu diperbaiki PLN, kata kepala desa.'],
    ['a link whose reach ends before the noun', '"Karena informasinya pihak Telkom sudah punya datanya," ujarnya.'],
    ["the bidder's own connection", 'Gagal unggah disebabkan koneksi internet yang digunakan penyedia.'],
    ['no system in the story', 'Jalan desa rusak akibat banjir sejak pekan lalu.'],
    [
      "the power company's own works",
      'Listrik padam akibat pemeliharaan jaringan PLN. LPSE tetap bisa diakses dengan genset.',
    ],
    ['a condition', 'Jika terjadi banjir, server LPSE akan dipindahkan ke lantai dua.'],
  ])('%s: no such cause', (_name, text) => {
    const cats = extractCauses(ctxOf(text))
      .value.filter((c) => c.certainty === 'stated')
      .map((c) => c.category);
    expect(cats).not.toContain('hardware');
    expect(cats).not.toContain('network');
    expect(cats).not.toContain('maintenance');
  });

  test('a guess about a linked noun is suspected', () => {
    const text = 'Kontraktor menduga situs LPSE down karena trafik yang membludak.';
    const r = extractCauses(ctxOf(text)).value;
    expect(r.map((c) => `${c.category}:${c.certainty}`)).toEqual(['unexplained:stated', 'overload:suspected']);
    expect(r[1]?.evidence).toBe(text);
  });
});

describe('extractCauses: more words per category', () => {
  test.each([
    ['cyberattack', 'Server LPSE Kabupaten Sigi diserang sejak Senin malam.'],
    ['cyberattack', 'Ada akses ilegal ke akun pokja di LPSE Kota Palu.'],
    ['power', 'LPSE Sigi tidak bisa diakses karena PLN melakukan pemadaman di wilayah itu.'],
    ['power', 'PLN padam sejak pagi sehingga server LPSE mati.'],
    ['network', 'Situs LPSE mati akibat gangguan Telkom di Palu.'],
    ['network', 'LPSE mengalami gangguan koneksi sejak pagi.'],
    ['network', 'LPSE Kota Palu menjadi korban internet blackout di Sulawesi Tengah.'],
    ['overload', 'LPSE down karena banyaknya yang mengakses menjelang batas akhir.'],
    ['overload', 'Akses yang tinggi menjelang tenggat membuat LPSE lambat.'],
    ['upgrade', 'Aplikasi SPSE sedang diupdate sehingga penyedia belum bisa mengunggah dokumen.'],
    ['upgrade', 'Layanan LPSE terhenti selama proses migrasi ke spse.inaproc.id.'],
    ['upgrade', 'Gangguan terjadi akibat perubahan sistem di LKPP.'],
    ['hardware', 'Memori server penuh sehingga aplikasi SPSE berhenti.'],
    ['hardware', 'Teknisi menemukan prosesor server LPSE rusak.'],
    ['maintenance', 'LPSE tidak bisa diakses karena sedang dilakukan backup data.'],
    ['maintenance', 'Situs LPSE ditutup akibat pencadangan data akhir tahun.'],
  ])('%s: %s', (category, text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual([category]);
    expect(r[0]?.evidence).toBe(text);
  });

  test.each([
    ['a recovery after the link', 'LPSE kembali bisa diakses setelah jaringan internet pulih.'],
    ['power back on', 'Layanan LPSE normal lagi setelah listrik kembali menyala.'],
    ['criticism is no attack', 'Pengelola LPSE diserang kritik anggota dewan.'],
    ['a news update note', 'Situs LPSE tidak bisa diakses sejak pagi. Berita ini akan diperbarui.'],
    ['an update of information', 'Proses pembaruan informasi di laman LPSE terkendala.'],
  ])('%s: only unexplained', (_name, text) => {
    expect(stated(text).map((c) => c.category)).toEqual(['unexplained']);
  });
});

describe('extractCauses: many users at once, told at length', () => {
  test.each([
    'Ribuan penyedia mengakses dan mengunggah dokumen pada saat bersamaan menjelang tenggat.',
    'Semua peserta login di waktu yang sama sehingga SPSE tidak merespons.',
    '"Servernya tidak rusak, tapi bebannya luar biasa," kata Kepala Biro PBJ.',
  ])('%s', (text) => {
    const r = stated(text);
    expect(r.map((c) => c.category)).toEqual(['overload']);
    expect(r[0]?.evidence).toBe(text);
  });

  test('a staff workload is no overload', () => {
    expect(stated('Beban kerja pokja berat menjelang akhir tahun.').map((c) => c.category)).toEqual(['unexplained']);
  });
});

describe('extractCauses: the evidence of unexplained', () => {
  test.each([
    ['Situs LPSE Kota Palu tidak bisa diakses sejak pagi. Penyebab gangguan itu belum diketahui.', 1],
    ['LPSE Sigi lumpuh dua hari. Hingga kini pengelola belum mengetahui apa penyebabnya.', 1],
    ['LPSE Sigi lumpuh dua hari dan lelang ditunda.', -1],
  ])('%s', (text, sentence) => {
    const r = extractCauses(ctxOf(text)).value;
    expect(r.map((c) => c.category)).toEqual(['unexplained']);
    expect(r[0]?.evidence).toBe(sentence < 0 ? '' : text.split('. ')[sentence]);
  });
});

describe('extractCauses: more hedges and denials', () => {
  test.each([
    'Ada indikasi peretasan pada server LPSE Kabupaten Sigi.',
    'Situs LPSE ditengarai diretas oleh pihak luar.',
    'Tampaknya server LPSE kelebihan beban menjelang tenggat.',
    'Penyebabnya belum dipastikan, namun server LPSE diduga terkena serangan hacker.',
    'Polisi masih menyelidiki apakah ada peretasan. Dugaan peretasan masih diselidiki.',
    'The outage was likely caused by a cyberattack.',
  ])('%s is suspected', (text) => {
    const r = extractCauses(ctxOf(text)).value;
    expect(r[0]).toMatchObject({ category: 'unexplained', certainty: 'stated' });
    expect(r.slice(1).map((c) => c.certainty)).toEqual(['suspected']);
  });

  test.each([
    ['Kepala Diskominfo menampik server LPSE diretas. Gangguan akibat korsleting listrik.', ['power']],
    ['Tidak benar server LPSE diretas, kata Kabag PBJ. Penyebabnya pemadaman listrik PLN.', ['power']],
  ])('a denied attack beside the stated cause: %s', (text, want) => {
    expect(stated(text).map((c) => c.category)).toEqual(want);
  });
});
