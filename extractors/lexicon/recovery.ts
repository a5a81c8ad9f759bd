/**
 * Recovery: the words that end an outage ("kembali normal", "sudah bisa diakses kembali", "pulih", Javanese "wis
 * normal maneh", English "restored"), and the words that take a recovery back (only expected or hoped for, negated,
 * still going on). One list each, compiled into `*_RE` once.
 */
import { alternation, LATIN_LETTER } from '../text-helpers.ts';

/**
 * Recovery phrases, as regex sources: the end of the outage. "berangsur normal" is a recovery told as gradual;
 * "gangguan berhasil diatasi / teratasi", "kembali berfungsi / beroperasi"; Javanese reports write "wis normal
 * maneh", "wis bisa diakses"; English ones "restored", "back online", "back to normal".
 */
const RECOVERY_PHRASES = [
  'normal\\s+(?:kembali|lagi|maneh)',
  'sudah\\s+normal',
  'berangsur(?:-angsur)?\\s+normal',
  '(?:sudah|kembali)\\s+berjalan\\s+normal',
  'berjalan\\s+normal\\s+kembali',
  'wis\\s+normal',
  'wis\\s+(?:bisa|iso|isa)\\s+(?:diakses|dibukak|dibuka)',
  '(?:sudah|kembali)\\s+(?:bisa|dapat)\\s+(?:diakses|dibuka)',
  '(?:bisa|dapat)\\s+(?:diakses|dibuka)\\s+(?:lagi|kembali)',
  'diakses\\s+kembali',
  'pulih',
  'memulihkan',
  'dipulihkan',
  'berhasil\\s+diperbaiki',
  'teratasi',
  '(?:berhasil|sudah|dapat|bisa)\\s+diatasi',
  'berfungsi\\s+(?:normal|kembali|lagi)',
  'kembali\\s+berfungsi',
  'beroperasi\\s+(?:normal|kembali|lagi)',
  'kembali\\s+beroperasi',
  'lancar\\s+kembali',
  'kembali\\s+lancar',
  '(?:sudah|kembali)\\s+(?:bisa|dapat)\\s+(?:digunakan|dipakai)',
  '(?:dibuka|aktif|online)\\s+(?:kembali|lagi)',
  'kembali\\s+(?:dibuka|aktif|online)',
  // "gangguan itu baru berakhir pada Kamis (6/6)": the outage itself ends ("batas waktu berakhir" is a deadline)
  'gangguan\\s+(?:itu\\s+|tersebut\\s+|ini\\s+)?(?:baru\\s+|akhirnya\\s+)?berakhir',
  'restored',
  'back\\s+(?:online|up|to\\s+normal)',
];
export const RECOVERY_RE = new RegExp(
  // "kembali normal" without a closing word boundary: PDF text glues words ("kembali normaldan web LPSE…")
  `\\b(?:(?:sudah\\s+)?kembali\\s+normal|(?:${RECOVERY_PHRASES.join('|')})\\b)`,
  'i',
);
/** Recovery phrases that may stand right before their day ("kembali normal pada Senin, 9 Mei 2024"). */
export const RECOVERY_BEFORE_SOURCE = `(?:kembali\\s+normal|${RECOVERY_PHRASES.filter((p) => !p.startsWith('sudah\\s+')).join('|')})`;
export const RECOVERY_BEFORE_RE = new RegExp(`\\b${RECOVERY_BEFORE_SOURCE}\\b`, 'i');

/**
 * A recovery only expected, hoped for, planned or under way, a few words before it: "memperkirakan layanan paling
 * cepat pulih pada Kamis", "diharapkan kembali normal besok", "masih berupaya memulihkan". Not an end.
 */
const EXPECTED_WORDS = [
  'diperkirakan',
  'memperkirakan',
  'perkiraan',
  'diprediksi',
  'memprediksi',
  'ditargetkan',
  'menargetkan',
  'targetnya',
  'paling cepat',
  'paling lambat',
  'akan',
  'bakal',
  'diharapkan',
  'berharap',
  'harapannya',
  'semoga',
  'mudah-mudahan',
  'rencananya',
  'direncanakan',
  'dijadwalkan',
  'diusahakan',
  'berupaya',
  'upaya',
  'diupayakan',
  'sedang',
  'masih',
  'agar',
  'supaya',
  'expected',
  'will',
  'trying',
];
const EXPECTED_RE = new RegExp(
  `(?<![${LATIN_LETTER}])(?:${alternation(EXPECTED_WORDS)})(?:\\s+[^\\s.,;]+){0,4}\\s*$`,
  'i',
);
/** The expectation words of EXPECTED_RE in the few words before `at` (only the last 80 characters are read). */
export const expectedBefore = (text: string, at: number) => EXPECTED_RE.test(text.slice(Math.max(0, at - 80), at));

/** "belum pulih", "tidak kembali normal": a negation right before a recovery. */
export const RECOVERY_NEGATED_RE =
  /\b(?:belum|tidak|tak|not|yet\s+to)\s+(?:(?:juga|sepenuhnya|sudah|fully|been)\s+)?$/i;
/** "hingga 9 Juni 2021 masih belum…": what follows a range end says the outage goes on. */
export const STILL_AFTER_RE = /^\s*(?:[^.]{0,15}?)\b(?:masih|belum)\b/i;
/** Words saying the outage goes on: "selama tiga hari dan masih belum pulih", "hingga kini". */
export const ONGOING_RE =
  /\b(?:masih|belum|hingga\s+(?:kini|saat\s+ini|sekarang|berita)|sampai\s+(?:kini|saat\s+ini|sekarang)|still)\b/i;
/** A sentence that takes a recovery back: "Namun server masih menunggu…", "Tetapi laman belum bisa dibuka". */
export const STILL_DOWN_NEXT_RE =
  /^\s*(?:namun|tetapi|tapi|akan\s+tetapi|sayangnya|however|but)\b[^.]{0,60}?\b(?:masih|belum|still|not\s+yet)\b/i;
/** A sentence saying the outage still goes on when the text was written: "masih berlangsung hingga berita ini ditulis". */
export const STILL_ONGOING_SENTENCE_RE =
  /\b(?:masih|belum)\b[^.]{0,60}?\b(?:hingga|sampai)\s+(?:berita\s+ini|kini|saat\s+ini|sekarang)\b/i;
/**
 * A system said to work, in words that are not a recovery of their own: "server kita sudah bagus", "layanan
 * berjalan lancar", "sudah normal". A "sejak" date in such a sentence is the repair's, not the outage's start.
 */
export const WORKING_RE =
  /\b(?:sudah|telah|kembali|berjalan|dalam\s+kondisi)\s+(?:(?:sangat|cukup|dengan)\s+)?(?:bagus|baik|lancar|normal|stabil)\b/i;
