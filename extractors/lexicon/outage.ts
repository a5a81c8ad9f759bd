/**
 * Outage words: what news writes when an LPSE fails (down, unreachable, uploads failing, hacked), when bids or
 * uploaded documents are lost, when accounts are taken over to change bids, and when the system comes back
 * (a recovery presupposes the outage). Indonesian, Javanese and English; compiled once into `*_RE`.
 */
import { alternation } from '../text.ts';

/** English words of an Indonesian portal's outage: "LPSE … went offline", "was inaccessible", "power failure". */
export const ENGLISH_OUTAGE_TERMS = [
  'was offline',
  'went offline',
  'went down',
  'was down',
  'outage',
  'power failure',
  'power cut',
  'crashed',
  'inaccessible',
  'could not be accessed',
  'unreachable',
  'knocked out',
  'knocked offline',
];

/** The system fails: "LPSE down", "situs tidak bisa diakses", "server ngadat", "diretas". */
export const OUTAGE_TERMS = [
  'gangguan',
  'terganggu',
  'error',
  'eror',
  'down',
  'rusak',
  'kerusakan',
  'macet',
  'macet total',
  'ngadat',
  'lumpuh',
  'lelet',
  'lemot',
  'melambat',
  'trouble',
  'offline',
  'bermasalah',
  'diretas',
  'dihack',
  'di hack',
  'di-hack',
  'kena hack',
  'dihacker',
  'disusupi',
  'peretasan',
  'dibobol',
  'pembobolan',
  'deface',
  'di-deface',
  'tidak bisa diakses',
  'tidak dapat diakses',
  'tidak bisa di akses',
  'tidak dapat di akses',
  'tak bisa diakses',
  'tak dapat diakses',
  'belum bisa diakses',
  'belum dapat diakses',
  'tidak dapat dioperasikan',
  'tidak bisa mengupload',
  'tidak bisa upload',
  'tidak bisa mengunggah',
  'tidak dapat mengunggah',
  'tidak bisa masuk',
  'tidak dapat masuk',
  'tak bisa masuk',
  'tidak dapat mengakses',
  'tidak bisa mengakses',
  'tidak bisa login',
  'sulit diakses',
  'susah diakses',
  'sulit dibuka',
  'kesalahan sistem',
  'kesalahan teknis',
  'gangguan sistem',
  'gangguan teknis',
  'not connection',
  'tidak berfungsi',
  'tidak berfungsinya',
  'terkendala',
  'kendala teknis',
  'server mati',
  'matinya server',
  'kerap eror',
  'masalah teknis',
  'tidak berjalan',
  'putus',
  'terputus',
  'gagal diakses',
  'hang',
  'galat',
  'diserang',
  'serangan siber',
  'kena retas',
  'gagal login',
  'gagal upload',
  'gagal mengunggah',
  'gagal mengupload',
  'gagal masuk',
  'gagal mengakses',
  'mati total',
  'tidak dapat digunakan',
  'tidak bisa digunakan',
  'tak dapat digunakan',
  'tak bisa digunakan',
  'terhenti',
  'tumbang',
  'kolaps',
  'mati',
  'downtime',
  'timbul tenggelam',
  'putus nyambung',
  'putus-nyambung',
  'kewalahan',
  'sulitnya mengakses',
  'sulit mengakses',
  'susah mengakses',
  'kesulitan mengakses',
  'tidak mampu melayani',
  'ransomware',
  'overload',
  'crash',
  'lambat',
  'sangat lambat',
  'tidak stabil',
  'tidak merespons',
  'tidak merespon',
  'tidak respon',
  'service unavailable',
  'bad gateway',
  'internal server error',
  // a defacement told by what was planted: "laman LPSE disusupi konten judi online"
  'judi online',
  'konten judi',
  // Javanese reports
  'ora bisa diakses',
  'ora iso diakses',
  'ora isa diakses',
  'ora bisa dibukak',
  'ora iso dibukak',
  'ora isa dibukak',
  'ora bisa mlebu',
  'pedhot',
  'rusak',
  // English reports of an Indonesian portal
  ...ENGLISH_OUTAGE_TERMS,
  'hacked',
  'defaced',
  'taken offline',
  'knocked offline',
  'unable to access',
  'disrupted',
];

/**
 * A site that will not open ("situs lelang tak bisa dibuka", "sistem yang tidak mau dibuka"); a document that will
 * not open is a bidder's trouble, not an outage.
 */
export const SITE_NOUNS = ['situs', 'laman', 'website', 'portal', 'aplikasi', 'web', 'sistem', 'server', 'halaman'];
export const UNOPENED_TERMS = [
  'tidak bisa dibuka',
  'tidak dapat dibuka',
  'tak bisa dibuka',
  'tak dapat dibuka',
  'tidak mau dibuka',
  'gagal dibuka',
  'ora bisa dibuka',
];

/**
 * Bids or uploaded documents lost or altered by the system: "dokumen penawaran hilang", "data lelang tidak terbaca",
 * "nilai penawaran berubah", "paket hilang dari aplikasi". The noun names what was lost, the verb the loss.
 */
export const LOST_DATA_NOUNS = [
  'dokumen penawaran',
  'penawaran',
  'dokumen',
  'data lelang',
  'data tender',
  'data',
  'berkas',
  'file',
  'paket',
  'nilai penawaran',
  'harga penawaran',
];
export const LOST_DATA_VERBS = [
  'hilang',
  'raib',
  'lenyap',
  'terhapus',
  'tidak terbaca',
  'tak terbaca',
  'tidak tersimpan',
  'tidak terkirim',
  'gagal terkirim',
  'tidak masuk',
  'tidak terunggah',
  'lost',
  'missing',
  'deleted',
];

/** A bid the system changed: "nilai penawaran yang masuk beda dengan yang ditampilkan", "harga penawaran berubah". */
export const BID_NOUNS = ['nilai penawaran', 'harga penawaran', 'penawaran harga', 'angka penawaran'];
export const ALTERED_VERBS = ['berubah', 'berubah sendiri', 'beda', 'berbeda', 'tertukar', 'bergeser'];

/** Accounts taken over to change bids: "akun penyedia dibajak", "akun pokja diambil alih", "akun diretas". */
export const ACCOUNT_NOUNS = ['akun', 'user id', 'password', 'kata sandi', 'account'];
export const TAKEOVER_VERBS = [
  'dibajak',
  'diambil alih',
  'diretas',
  'dibobol',
  'disalahgunakan',
  'dipakai orang lain',
  'digunakan orang lain',
  'hijacked',
  'hacked',
];

/** The system back after an outage: "sudah normal kembali", "pulih", "sudah bisa diakses kembali". */
export const RECOVERY_TERMS = [
  'kembali normal',
  'sudah normal',
  'normal kembali',
  'diakses kembali',
  'bisa diakses lagi',
  'dapat diakses lagi',
  'kembali pulih',
  'sudah pulih',
  'mulai pulih',
  'telah pulih',
  'kembali online',
  'online kembali',
  'sudah diperbaiki',
  'sedang diperbaiki',
  'masih diperbaiki',
  'dalam perbaikan',
  'normal maneh',
  'back online',
  'restored',
];

/** An outage word, also with -nya ("erornya LPSE", "rusaknya server"). */
export const OUTAGE_RE = new RegExp(`\\b(?:${alternation(OUTAGE_TERMS)})(?:nya)?\\b`, 'i');
/** The same words, every match (for cutting out the negated and supposed ones). */
export const OUTAGE_ALT = alternation(OUTAGE_TERMS);
export const RECOVERY_RE = new RegExp(`\\b(?:${alternation(RECOVERY_TERMS)})\\b`, 'i');
export const SITE_UNOPENED_RE = new RegExp(
  `\\b(?:${alternation(SITE_NOUNS)})(?:nya)?\\b[^.,;]{0,40}?\\b(?:${alternation(UNOPENED_TERMS)})\\b`,
  'i',
);
/** "dokumen penawaran peserta hilang", "data yang sudah diinput tidak terbaca" (a few words may stand between). */
export const LOST_DATA_RE = new RegExp(
  `\\b(?:${alternation(LOST_DATA_NOUNS)})\\b[^.,;:!?]{0,50}?\\b(?:${alternation(LOST_DATA_VERBS)})\\b|\\b(?:hilangnya|raibnya|lenyapnya)\\s+(?:${alternation(LOST_DATA_NOUNS)})\\b`,
  'i',
);
export const ALTERED_BID_RE = new RegExp(
  `\\b(?:${alternation(BID_NOUNS)})\\b[^.;:!?]{0,80}?\\b(?:${alternation(ALTERED_VERBS)})\\b`,
  'i',
);
/** "akun milik penyedia dibajak", "akun pokja diretas untuk mengubah penawaran". */
export const TAKEOVER_RE = new RegExp(
  `\\b(?:${alternation(ACCOUNT_NOUNS)})\\b[^.,;:!?]{0,40}?\\b(?:${alternation(TAKEOVER_VERBS)})\\b|\\bpembajakan\\s+akun\\b`,
  'i',
);
