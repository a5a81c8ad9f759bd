import { describe, expect, test } from 'vitest';
import { extractIsIncident } from '../../extractors/relevance/index.ts';
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
