/**
 * Words that tie a date to an event in Indonesian news: the link words before a start ("sejak", "mulai", "terjadi
 * pada"), range connectors ("hingga", "sampai dengan"), continuations that carry the story of the sentence before
 * into the next ("Akibatnya, …", "Hal itu …"), and the words of a deadline or a schedule ("batas akhir", "paling
 * lambat"), whose date is not an outage's. One list each, compiled into `*_RE` once.
 */
import { alternation } from '../text-helpers.ts';
import { DAY_COUNT_WORDS, WEEKDAY_PATTERN } from './calendar.ts';

/** Connectors of a date range: "sejak … hingga …", "27 September sampai 2 Oktober" (the date parsers read them). */
export const RANGE_CONNECTORS = ['hingga', 'sampai dengan', 'sampai', 's.d.', 's/d', 'sd', '-', '–'];
/** Range connectors in words, as a regex source (Javanese "nganti", English "until"). */
export const RANGE_CONNECTOR = '(?:hingga|sampai(?:\\s+dengan)?|sampe|nganti|s\\.?\\s?d\\.?|s/d|until|till|through)';

/** Link words that open an outage at their date: "sejak Senin (8/7)", "wiwit dina Senen", "since Sunday". */
export const SINCE_WORDS = ['sejak', 'semenjak', 'mulai', 'wiwit', 'since'];
export const SINCE_RE = new RegExp(`\\b(?:${alternation(SINCE_WORDS)})\\b`, 'i');
/** The "since" word right before a relative day: "ditutup sejak kemarin". */
export const SINCE_BEFORE_RE = new RegExp(`\\b(?:${alternation(SINCE_WORDS)})\\s*$`, 'i');
/** "dari" right before a relative day opens a range only ("dari pagi hingga sore kemarin"). */
export const FROM_BEFORE_RE = /\b(?:dari|from)\s*$/i;

/**
 * Link words right before a start date: "sejak", "pada", "terjadi pada", "(hampir) sepanjang Senin (8/7)" (the whole
 * day), "selama dua hari, Kamis-Jumat (26-27/9)", "dua hari, yakni …" (a length followed by its days), "semenjak".
 */
const START_LINK_WORDS = [
  'sejak(?:\\s+dari)?',
  'semenjak',
  'wiwit',
  'mulai',
  '(?:di)?mulai(?:\\s+(?:pada|sejak))?',
  'terjadi(?:\\s+pada)?',
  'pada(?:\\s+hari)?(?:\\s+tanggal)?',
  'tanggal',
  'dari(?:\\s+tanggal)?',
  'berlangsung(?:\\s+pada)?',
  'sepanjang(?:\\s+hari)?',
  '(?:bermula|berawal)(?:\\s+(?:pada|sejak|dari))?',
  `(?:selama\\s+)?(?:\\d{1,2}|${DAY_COUNT_WORDS.join('|')})\\s+hari(?:\\s+berturut-turut)?`,
];
/**
 * What may sit between the link word and the date: "hari", "tanggal", a time, a weekday and comma ("pada Kamis, 1
 * Desember 2022"), the Javanese "dina" ("wiwit dina Senen (15/7)"), "akhir pekan lalu," before the weekend's days, a
 * comma ("Sejak, Senin (5/8) pagi").
 */
const START_FILLERS = [
  'hari',
  'dina',
  'tanggal',
  'tgl\\.?',
  'dari\\s+tanggal',
  'pukul\\s+\\d{1,2}[.:]\\d{2}\\s*(?:WIB|WITA|WIT)?(?:\\s+tanggal)?',
  '(?:akhir|awal)\\s+pekan(?:\\s+(?:lalu|kemarin|ini))?\\s*,?',
  // "mati dua hari, yakni Senin dan Selasa (8-9/7)"
  '(?:yakni|yaitu|tepatnya)',
  `(?:${WEEKDAY_PATTERN})\\s*,?\\s*\\(?`,
];
/** A start link at the end of the text before a date (the date follows it). */
export const START_LINK_RE = new RegExp(
  `(?:\\b(?:${START_LINK_WORDS.join('|')})\\b(?:\\s*,?\\s*(?:${START_FILLERS.join('|')}))*)\\s*,?\\s*$`,
  'i',
);
/** The strong start links: "sejak", "mulai", "semenjak" (a "pada" date may be any event's). */
export const STRONG_START_LINK_RE = new RegExp(
  `(?:\\b(?:sejak(?:\\s+dari)?|semenjak|wiwit|mulai|(?:di)?mulai(?:\\s+(?:pada|sejak))?|since|terjadi(?:\\s+pada)?|berlangsung(?:\\s+pada)?|sepanjang(?:\\s+hari)?|(?:bermula|berawal)(?:\\s+(?:pada|sejak|dari))?)\\b(?:\\s*,?\\s*(?:${START_FILLERS.join('|')}))*)\\s*,?\\s*$`,
  'i',
);
/** English link words before a start date: "offline since…", "down on…", "for most of…". */
export const EN_START_LINK_RE = /\b(?:since|from|on|began\s+on|(?:for\s+)?(?:most|all|much)\s+of)\s*$/i;
/** A range connector right before a date: the date ends a range begun earlier in the sentence. */
export const RANGE_END_LINK_RE = new RegExp(
  `\\b${RANGE_CONNECTOR}\\s+(?:hari\\s+|tanggal\\s+|(?:late|early)\\s+(?:on\\s+)?)?$`,
  'i',
);

/**
 * Continuations: a sentence that begins by carrying on the story of the one before. "Akibatnya, …", "Sehingga …",
 * "Hal itu …", "Kejadian tersebut …", "Gangguan ini …", "Sambaran itu …" (any noun with "itu"/"tersebut"),
 * "Kejadian bermula pada …", "Masalah berawal sejak …" (the story's beginning).
 */
export const CONTINUATION_WORDS = [
  'akibatnya',
  'imbasnya',
  'dampaknya',
  'karenanya',
  'sehingga',
  'oleh karena itu',
  'karena itu',
  'alhasil',
  'walhasil',
  'hal ini',
  'kejadian ini',
  'peristiwa ini',
  'gangguan ini',
  'kondisi ini',
  'masalah ini',
  'persoalan ini',
  'kendala ini',
];
export const CONTINUATION_RE = new RegExp(
  `^\\W*(?:${alternation(CONTINUATION_WORDS)}|[a-z]+(?:nya)?\\s+(?:itu|tersebut)|[a-z]+\\s+(?:bermula|berawal))\\b`,
  'i',
);

/**
 * A deadline or a schedule right before its date in the clause: "batas akhir pemasukan penawaran pada Jumat 2
 * Mei", "paling lambat tanggal 20", "dijadwalkan 15 Maret", "harus sudah penandatanganan kontrak pada 21 Juli".
 */
export const DEADLINE_WORDS = [
  'batas akhir',
  'batas waktu',
  'tenggat',
  'deadline',
  'paling lambat',
  'selambat-lambatnya',
  'jadwal',
  'jadwalnya',
  'dijadwalkan',
  'terjadwal',
  'sedianya',
  'rencananya',
  'direncanakan',
  'harus sudah',
  'tanda tangan kontrak',
  'penandatanganan kontrak',
  'ditayangkan',
  'diumumkan',
  'pengumuman',
  'penutupan',
];
/** Deadline words a few words before the date, no sentence break between. */
export const DEADLINE_BEFORE_RE = new RegExp(`\\b(?:${alternation(DEADLINE_WORDS)})\\b([^.;]{0,60})$`, 'i');
