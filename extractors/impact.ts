/**
 * Impact of the outage on procurement: schedules changed (perpanjangan, kompensasi waktu, penyesuaian jadwal,
 * lelang diundur), a manual fallback (tender dilakukan secara manual, pengadaan dialihkan ke LPSE lain), tenders
 * affected (tertunda, gagal, dibatalkan, terhambat).
 */
import type { Extracted } from '../types/index.ts';
import type { ExtractContext } from './context.ts';
import { alternation, clip } from './text-helpers.ts';

export const SCHEDULE_TERMS = [
  'perpanjangan',
  'diperpanjang',
  'memperpanjang',
  'kompensasi waktu',
  'penyesuaian jadwal',
  'perubahan jadwal',
  'merubah jadwal',
  'mengubah jadwal',
  'rubah jadwal',
  'memundurkan jadwal',
  'dimundurkan',
  'diundur',
  'mengundur jadwal',
  'jadwal mundur',
  'ditunda',
  'tertunda',
  'penundaan',
  'tender ulang',
  'lelang ulang',
  'dilelang ulang',
  'diumumkan ulang',
];
export const MANUAL_TERMS = [
  'secara manual',
  'manual',
  'non sistem',
  'dialihkan ke lpse',
  'alihkan pengadaan',
  'dialihkan ke pemerintah provinsi',
  'menggunakan lpse',
];
export const TENDER_AFFECTED_TERMS = [
  'tender terhambat',
  'lelang terhambat',
  'terhambat',
  'tertunda',
  'ditunda',
  'gagal tender',
  'gagal lelang',
  'gagal mengikuti',
  'dibatalkan',
  'batal',
  'terhenti',
  'terganggu',
  'tidak bisa mengupload',
  'tidak bisa mengunggah',
  'tidak bisa unggah',
];

const SCHEDULE_RE = new RegExp(`\\b(?:${alternation(SCHEDULE_TERMS)})(?:nya)?\\b`, 'i');
const MANUAL_RE = new RegExp(`\\b(?:${alternation(MANUAL_TERMS)})\\b`, 'i');
const TENDER_RE = /\b(?:tender|lelang|pelelangan|penawaran|pengadaan|paket)\b/i;
const AFFECTED_RE = new RegExp(`\\b(?:${alternation(TENDER_AFFECTED_TERMS)})\\b`, 'i');

export interface ImpactValue {
  schedule_changed: boolean;
  manual_fallback: boolean;
  tenders_affected: boolean;
}

/**
 * @example extractImpact(ctx("…pantia lelang juga memberikan kompensasi waktu selama sistem tersebut tidak bisa diakses"))
 *   → { value: { schedule_changed: true, … } }
 */
export function extractImpact(ctx: ExtractContext): Extracted<ImpactValue> {
  const value: ImpactValue = { schedule_changed: false, manual_fallback: false, tenders_affected: false };
  const evidence: { text: string }[] = [];
  const note = (t: string) => {
    if (evidence.length < 6 && !evidence.some((e) => e.text === clip(t))) evidence.push({ text: clip(t) });
  };
  for (const s of [{ text: ctx.title }, ...ctx.sentences]) {
    const t = s.text;
    if (!t) continue;
    if (SCHEDULE_RE.test(t) && TENDER_RE.test(t)) {
      value.schedule_changed = true;
      note(t);
    }
    if (MANUAL_RE.test(t) && TENDER_RE.test(t)) {
      value.manual_fallback = true;
      note(t);
    }
    if (AFFECTED_RE.test(t) && TENDER_RE.test(t)) {
      value.tenders_affected = true;
      note(t);
    }
  }
  return { value, evidence, confidence: 0.6 };
}
