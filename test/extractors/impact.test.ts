import { describe, expect, test } from 'vitest';
import { extractImpact } from '../../extractors/impact.ts';
import { ctxOf } from './helpers.ts';

describe('extractImpact', () => {
  test.each([
    [
      'schedule: kompensasi waktu',
      'Panitia lelang akan memberikan kompensasi waktu selama server tidak bisa diakses.',
      { schedule_changed: true },
    ],
    [
      'schedule: jadwal mundur',
      'ULP terpaksa memundurkan jadwal pelaksanaan lelang hingga pukul 20.00 WIB.',
      { schedule_changed: true },
    ],
    [
      'schedule: perpanjangan',
      'Jika Pokja sedang tahap evaluasi berkas, tahapan tender akan diperpanjang.',
      { schedule_changed: true },
    ],
    ['manual fallback', 'Pokja diminta melanjutkan tahapan tender secara manual.', { manual_fallback: true }],
    ['moved to another LPSE', 'Pelelangan proyek DAK dialihkan ke LPSE Provinsi.', { manual_fallback: true }],
    ['tenders affected', 'Sebanyak 20 paket tender terhenti karena server rusak.', { tenders_affected: true }],
  ])('%s', (_name, text, expected) => {
    const r = extractImpact(ctxOf(text));
    expect(r.value).toMatchObject(expected);
    expect(r.evidence[0]?.text).toBe(text);
  });

  test.each([
    ['no procurement words', 'Server mati dan teknisi sedang memperbaiki.'],
    ['manual without a tender', 'Buku manual aplikasi tersedia di laman resmi.'],
  ])('no impact: %s', (_name, text) => {
    const r = extractImpact(ctxOf(text));
    expect(r.value).toEqual({ schedule_changed: false, manual_fallback: false, tenders_affected: false });
    expect(r.evidence).toEqual([]);
  });
});
