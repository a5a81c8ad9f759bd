/**
 * Negation: words that deny the outage word after them ("tidak diretas", "tanpa gangguan", "ora rusak"), rumours
 * called untrue, and the system said to be safe or unaffected ("LPSE aman", "tidak terdampak"). Indonesian,
 * Javanese and English; compiled once into `*_RE`.
 */
import { alternation } from '../text-helpers.ts';
import { OUTAGE_ALT } from './outage.ts';

/** Words that deny what follows: "tidak diretas", "bukan gangguan", "belum pernah down". */
export const NEGATION_WORDS = [
  'tidak',
  'tak',
  'bukan',
  'belum pernah',
  'tidak pernah',
  'belum ada',
  'tanpa',
  'not',
  'never',
  'no',
  // Javanese
  'ora',
  'boten',
  'mboten',
];
/** Words between a negation and the outage it denies: "tidak ada laporan gangguan", "tanpa terjadi down". */
export const NEGATION_FILLERS = [
  'pernah',
  'sedang',
  'ada',
  'mengalami',
  'sampai',
  'terjadi',
  'laporan',
  'been',
  'ikut',
  'sama sekali',
  'menemukan',
  'ditemukan',
];
/** A rumour called untrue: "kabar LPSE kami dibobol itu tidak benar", "isu peretasan itu hoaks". */
export const RUMOUR_NOUNS = ['kabar', 'isu', 'informasi', 'narasi', 'berita'];
export const UNTRUE_TERMS = ['tidak benar', 'hoaks', 'hoax', 'tidak berdasar', 'keliru'];
/** The system said to be safe: "Jaringan Pemkot Down, LPSE Aman", "tetap berjalan normal". */
export const SAFE_TERMS = [
  'aman',
  'lancar',
  'berjalan lancar',
  'berjalan normal',
  'mulus',
  'berjalan mulus',
  'tetap berjalan normal',
  'tetap berjalan',
  'tetap normal',
  'tetap lancar',
  'tetap bisa diakses',
  'tetap dapat diakses',
  'tidak terdampak',
  'tak terdampak',
];
/**
 * Said of a place after its name, it was spared: "LPSE Provinsi X maupun LPSE Kabupaten Y tidak mengalami gangguan",
 * "LPSE Kota X … berjalan seperti biasa".
 */
export const UNAFFECTED_PHRASES = [
  'tidak terdampak',
  'tak terdampak',
  'tidak terpengaruh',
  'tak terpengaruh',
  'tidak mengalami gangguan',
  'tidak mengalami masalah',
  'tidak mengalami kendala',
  'tidak ikut terganggu',
  'tidak terganggu',
  'tetap normal',
  'tetap lancar',
  'tetap bisa diakses',
  'tetap dapat diakses',
  'dapat diakses seperti biasa',
  'berjalan normal',
  'berjalan seperti biasa',
  'berjalan lancar',
  'beroperasi normal',
  'bisa diakses seperti biasa',
  'were not affected',
  'was not affected',
  'not affected',
  'unaffected',
];
/** The outage denied as the reason: "bukan karena aplikasi yang lelet", "murni human error", "bukan dari sistem". */
export const DENIED_REASON_TERMS = [
  'bukan karena aplikasi',
  'bukan karena sistem',
  'bukan karena server',
  'bukan kesalahan sistem',
  'bukan dari sistem',
  'murni bukan',
  'human error',
  'human eror',
  'tidak ada masalah dari sisi sistem',
  'tidak ada masalah pada sistem',
  'sistem tidak bermasalah',
];

/** A denied outage, cut out before the outage test: "LPSE tidak diretas dan tetap berjalan normal". */
export const NEGATED_OUTAGE_RE = new RegExp(
  `\\b(?:${alternation(NEGATION_WORDS)})\\s+(?:(?:${alternation(NEGATION_FILLERS)})\\s+){0,2}(?:${OUTAGE_ALT})(?:nya)?\\b`,
  'gi',
);
export const RUMOUR_DENIED_RE = new RegExp(
  `\\b(?:${alternation(RUMOUR_NOUNS)})\\b[^.]{0,80}\\b(?:${alternation(UNTRUE_TERMS)})\\b`,
  'i',
);
export const SAFE_ALT = alternation(SAFE_TERMS);
/** A rumour told: "narasi bahwa LPSE sedang diserang", "isu peretasan". */
export const RUMOUR_RE = new RegExp(`\\b(?:${alternation([...RUMOUR_NOUNS, 'hoaks', 'hoax', 'rumor'])})\\b`, 'i');
export const UNAFFECTED_RE = new RegExp(`\\b(?:${alternation(UNAFFECTED_PHRASES)})\\b`, 'i');
export const DENIED_REASON_RE = new RegExp(`\\b(?:${alternation(DENIED_REASON_TERMS)})`, 'i');
/** The system said never to have failed: "tidak diretas dan tetap berjalan normal" (a real outage says "kembali normal"). */
export const NEVER_DOWN_RE =
  /\b(?:tidak|tak|bukan)\s+(?:ikut\s+)?(?:(?:di)?(?:retas|bobol|hack)|terganggu|terdampak|bermasalah|mengalami\s+gangguan)\b[\s\S]{0,160}?\b(?:tetap|masih)\s+(?:berjalan\s+)?(?:normal|aman|lancar|bisa\s+diakses)/i;
/** The system said never to have failed, safe word first: "LPSE berjalan normal dan belum pernah diretas". */
export const NEVER_DOWN_AFTER_RE = new RegExp(
  `\\b(?:berjalan|tetap|masih)\\s+(?:normal|aman|lancar|stabil)\\b[^.]{0,60}?\\b(?:belum|tidak|tak)\\s+pernah\\s+(?:${OUTAGE_ALT})`,
  'i',
);
