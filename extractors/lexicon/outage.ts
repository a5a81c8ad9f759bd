/**
 * Outage words: what news writes when an LPSE fails (down, unreachable, uploads failing, hacked), when bids or
 * uploaded documents are lost, when accounts are taken over to change bids, and when the system comes back
 * (a recovery presupposes the outage). Indonesian, Javanese and English; compiled once into `*_RE`.
 */
import { alternation } from '../text-helpers.ts';

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

/**
 * Outage words both deciders read: the system fails ("LPSE down", "situs tidak bisa diakses", "server ngadat",
 * "diretas"). Each decider adds its own below, so no word is listed twice.
 */
const SHARED_OUTAGE_TERMS = [
  'gangguan',
  'terganggu',
  'error',
  'eror',
  'down',
  'rusak',
  'kerusakan',
  'macet',
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
  'disusupi',
  'peretasan',
  'tidak bisa diakses',
  'tidak dapat diakses',
  'tidak bisa di akses',
  'tak bisa diakses',
  'belum bisa diakses',
  'belum dapat diakses',
  'tidak bisa mengupload',
  'tidak bisa upload',
  'tidak bisa mengunggah',
  'tidak bisa masuk',
  'tidak dapat masuk',
  'tak bisa masuk',
  'tidak dapat mengakses',
  'tidak bisa mengakses',
  'tidak bisa login',
  'sulit diakses',
  'susah diakses',
  'sulit dibuka',
  'tidak berfungsi',
  'putus',
  'terputus',
  'gagal login',
  'gagal upload',
  'gagal mengunggah',
  'gagal mengupload',
  'gagal masuk',
  'gagal mengakses',
  'tidak dapat digunakan',
  'tidak bisa digunakan',
  'tak dapat digunakan',
  'tak bisa digunakan',
  'terhenti',
  'tumbang',
  'mati',
  'sulitnya mengakses',
  'sulit mengakses',
  'susah mengakses',
  'kesulitan mengakses',
  'ora bisa diakses',
  'ora iso diakses',
  'ora isa diakses',
  'ora bisa dibukak',
  'ora iso dibukak',
  'ora isa dibukak',
  'rusak',
  // more ways news tells a portal failing: "tidak berjalan normal", "situs tidak dapat dijangkau", malware (not
  // "terkena virus": in 2020-2021 news that is a person with COVID-19; not "tampilan berubah": a new SPSE version
  // changes its look too)
  'tidak berjalan normal',
  'tidak dapat dijangkau',
  'tidak bisa dijangkau',
  'terserang malware',
  'terkena malware',
  'terkena ransomware',
  'susah dibuka',
  'tak dapat dibuka',
];

/** The system fails, for `is_incident` (relevance/, fields/incident.ts): the shared words and ways a page tells it. */
export const OUTAGE_TERMS = [
  ...SHARED_OUTAGE_TERMS,
  'macet total',
  'di hack',
  'di-hack',
  'kena hack',
  'dihacker',
  'dibobol',
  'pembobolan',
  'deface',
  'di-deface',
  'tidak dapat di akses',
  'tak dapat diakses',
  'tidak dapat dioperasikan',
  'tidak dapat mengunggah',
  'kesalahan sistem',
  'kesalahan teknis',
  'gangguan sistem',
  'gangguan teknis',
  'not connection',
  'tidak berfungsinya',
  'terkendala',
  'kendala teknis',
  'server mati',
  'matinya server',
  'kerap eror',
  'masalah teknis',
  'tidak berjalan',
  'gagal diakses',
  'hang',
  'galat',
  'diserang',
  'serangan siber',
  'kena retas',
  'mati total',
  'kolaps',
  'downtime',
  'timbul tenggelam',
  'putus nyambung',
  'putus-nyambung',
  'kewalahan',
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
  'judi online',
  'konten judi',
  'ora bisa mlebu',
  'pedhot',
  'hacked',
  'defaced',
  'taken offline',
  'unable to access',
  'disrupted',
  ...ENGLISH_OUTAGE_TERMS,
];

/**
 * The outage story, for the outage window (outage.ts, fields/outage-window.ts): the shared words, and words that
 * date a story already told as an outage without making one on their own (a power cut, a planned shutdown, users
 * who cannot log in). A slow portal ("lambat") is matched there with its deadline guard ("paling lambat tanggal").
 */
export const OUTAGE_STORY_TERMS = [
  ...SHARED_OUTAGE_TERMS,
  'mengganggu',
  'padam',
  'lemotnya',
  'peretas',
  'bom data',
  'tidak bisa dibuka',
  'tidak dapat dibuka',
  'tak bisa dibuka',
  // "LPSE mengalami kendala sejak Senin", "tidak normal", a blank page: in a story already told as an outage they
  // date it; alone "kendala" may be a budget's or a form's
  'mengalami kendala',
  'tidak normal',
  'blank',
  // "Sejak Senin (7/6/2021), mereka tidak bisa membuka situs LPSE", "panitia tidak dapat membuka dokumen penawaran"
  'tidak bisa membuka',
  'tidak dapat membuka',
  'gagal membuka',
  'pemutusan',
  'diputus',
  'sulitnya login',
  'sulit login',
  'ora bisa dibuka',
  'berhenti',
  'tidak bisa menggunakan',
  'tidak dapat menggunakan',
  'pemadaman',
  'mematikan',
  'dimatikan',
  'dinonaktifkan',
  'ditutup sementara',
  'menutup sementara',
  'pemeliharaan',
  'unavailable',
  ...ENGLISH_OUTAGE_TERMS,
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

/**
 * A bid is a document of the procurement system itself: lost or altered, it tells the system's failure even where
 * no system is named ("Dokumen penawaran yang sudah diunggah hilang dari sistem").
 */
export const BID_DOCUMENT_NOUNS = [
  'dokumen penawaran',
  'berkas penawaran',
  'file penawaran',
  'nilai penawaran',
  'harga penawaran',
  'dokumen lelang',
  'dokumen tender',
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

/**
 * A repair told as under way or done ("sedang diperbaiki", "dalam perbaikan", "sudah diperbaiki"): the system was
 * down. The end of an outage ("kembali normal", "pulih", "restored") is `lexicon/recovery.ts`.
 */
export const REPAIR_TERMS = ['sudah diperbaiki', 'sedang diperbaiki', 'masih diperbaiki', 'dalam perbaikan'];

/** An outage word, also with -nya ("erornya LPSE", "rusaknya server"). */
export const OUTAGE_RE = new RegExp(`\\b(?:${alternation(OUTAGE_TERMS)})(?:nya)?\\b`, 'i');
/** The same words, every match (for cutting out the negated and supposed ones). */
export const OUTAGE_ALT = alternation(OUTAGE_TERMS);
export const REPAIR_RE = new RegExp(`\\b(?:${alternation(REPAIR_TERMS)})\\b`, 'i');
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
  `\\b(?:${alternation(ACCOUNT_NOUNS)})\\b[^.,;:!?]{0,80}?\\b(?:${alternation(TAKEOVER_VERBS)})\\b|\\bpembajakan\\s+akun\\b`,
  'i',
);
/**
 * A bid lost, told as a fact: "dokumen penawaran peserta hilang", "hilangnya dokumen penawaran"; not "agar dokumen
 * penawaran tidak hilang" (a negation between the noun and the loss, or a purpose or a fear before it).
 */
const NOT_LOST_GAP = '(?:(?!\\b(?:tidak|tak|belum|bukan|jangan|never|not)\\b)[^.,;:!?])';
export const LOST_BID_RE = new RegExp(
  `\\b(?:${alternation(BID_DOCUMENT_NOUNS)})\\b${NOT_LOST_GAP}{0,50}?\\b(?:${alternation(LOST_DATA_VERBS)})\\b|\\b(?:hilangnya|raibnya|lenyapnya)\\s+(?:${alternation(BID_DOCUMENT_NOUNS)})\\b`,
  'i',
);
/** A purpose, a fear or a condition before a loss: "agar", "supaya", "khawatir", "jangan sampai", "jika". */
export const LOSS_SUPPOSED_BEFORE_RE =
  /\b(?:agar|supaya|untuk|biar|jangan|khawatir|takut|cemas|jika|bila|apabila|kalau|mencegah|menghindari)\b[^.,;:!?]*$/i;
