/**
 * Outage words: the list that makes a sentence tell the outage itself ("gangguan", "tidak bisa diakses", "diretas",
 * Javanese "ora bisa dibukak", English "went offline"). The outage-window decider (`fields/outage-window.ts`) reads
 * it to follow the outage story through the annotated sentences.
 */
import { alternation, LATIN_LETTER } from './text.ts';
import { ENGLISH_OUTAGE_TERMS } from './vocab.ts';

/** Words that make a sentence about the outage itself. */
export const OUTAGE_TERMS = [
  'gangguan',
  'terganggu',
  'mengganggu',
  'error',
  'eror',
  'down',
  'rusak',
  'kerusakan',
  'macet',
  'ngadat',
  'lumpuh',
  'trouble',
  'offline',
  'terputus',
  'putus',
  'bermasalah',
  'mati',
  'padam',
  'lelet',
  'lemot',
  'lemotnya',
  'diretas',
  'dihack',
  // a hack told through the hacker: "menjadi sasaran peretas", "disusupi konten judi online"
  'peretas',
  'peretasan',
  'disusupi',
  'bom data',
  'tidak bisa diakses',
  'tidak dapat diakses',
  // "portal pengadaan itu tidak bisa dibuka", "jaringan diputus": the site closed to its users
  'tidak bisa dibuka',
  'tidak dapat dibuka',
  'tak bisa dibuka',
  'pemutusan',
  'diputus',
  'tidak bisa di akses',
  'belum bisa diakses',
  'belum dapat diakses',
  'tak bisa diakses',
  'tidak bisa mengupload',
  'tidak bisa upload',
  'tidak bisa mengunggah',
  'gagal mengunggah',
  'gagal mengupload',
  'gagal upload',
  'sulitnya login',
  'sulit login',
  'tidak bisa login',
  'tidak dapat mengakses',
  'tidak bisa mengakses',
  'tidak berfungsi',
  // Javanese reports: "ora bisa dibukak wiwit dina Senen"
  'ora bisa diakses',
  'ora iso diakses',
  'ora isa diakses',
  'ora bisa dibukak',
  'ora bisa dibuka',
  'ora iso dibukak',
  'ora isa dibukak',
  'tidak dapat digunakan',
  'tidak bisa digunakan',
  'tak dapat digunakan',
  'tak bisa digunakan',
  'terhenti',
  'berhenti',
  // degraded service is an outage too: "sulit diakses", "lambat"
  'sulit diakses',
  'susah diakses',
  'sulit dibuka',
  'melambat',
  // the outage told as the users' trouble: "mengeluhkan sulitnya mengakses LPSE"
  'sulit mengakses',
  'sulitnya mengakses',
  'susah mengakses',
  'kesulitan mengakses',
  'tidak bisa menggunakan',
  'tidak dapat menggunakan',
  // the outage told as a complaint: "mengeluhkan tidak bisa masuk ke laman LPSE"
  'tidak bisa masuk',
  'tidak dapat masuk',
  'tak bisa masuk',
  'gagal masuk',
  'gagal login',
  'gagal mengakses',
  'tumbang',
  // power cuts and deliberate shutdowns take the portal offline
  'pemadaman',
  'mematikan',
  'dimatikan',
  'dinonaktifkan',
  'ditutup sementara',
  'menutup sementara',
  'pemeliharaan',
  // English reports of an Indonesian outage
  ...ENGLISH_OUTAGE_TERMS,
  'unavailable',
];
/** "lambat" is a slow portal, but "paling lambat tanggal 20 / pada … / 20 Juni" is a deadline. */
const SLOW_PATTERN = 'lambat(?:nya)?(?!\\s+(?:tanggal|pada|hari|pukul|jam|\\d))';
/** The words also take "-nya" as nouns of the event: "terganggunya layanan", "lumpuhnya LPSE", "matinya server". */
export const OUTAGE_RE = new RegExp(
  `(?<![${LATIN_LETTER}])(?:${alternation(OUTAGE_TERMS)}|${SLOW_PATTERN})(?:nya)?(?![${LATIN_LETTER}])`,
  'i',
);
