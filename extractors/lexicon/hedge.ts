/**
 * Hedges and conditions: words that make an outage only possible, feared, averted, supposed, mistaken, excused or
 * still to come ("rawan diretas", "jika terjadi gangguan", "untuk menghindari gangguan", "akan offline", "berdalih
 * server down"). A sentence they govern states no event. Indonesian, Javanese and English; compiled once into `*_RE`.
 */
import { alternation } from '../text-helpers.ts';

/**
 * Possibility, fear and the future: "LPSE rawan diretas", "bisa down", "akan offline Sabtu malam", "kalau sampai
 * diretas" (a recovery after them, "akan kembali normal", still presupposes an outage).
 */
export const POSSIBILITY_WORDS = [
  'rawan',
  'rentan',
  'berpotensi',
  'berisiko',
  'terancam',
  'mudah',
  'gampang',
  'ancaman',
  'potensi',
  'risiko',
  'khawatir',
  'dikhawatirkan',
  'bisa',
  'bisa saja',
  'dapat',
  'akan',
  'bakal',
  'mungkin',
  'kemungkinan',
  'kalau sampai',
  'jika sampai',
  'bila sampai',
  'jangan sampai',
  'sampai ada',
  'could',
  'might',
  // Javanese
  'iso wae',
  'bakale',
];
/** Causative verbs between a possibility and its outage: "dapat membuat LPSE tidak bisa diakses". */
export const CAUSATIVE_WORDS = ['membuat', 'menyebabkan', 'mengakibatkan', 'memicu', 'make', 'cause'];
/** Purposes that avert an outage: "untuk menghindari gangguan akibat padatnya akses", "mencegah peretasan". */
export const AVERT_WORDS = [
  'menghindari',
  'menghindarkan',
  'mencegah',
  'pencegahan',
  'mengantisipasi',
  'antisipasi',
  'meminimalkan',
  'meminimalisasi',
  'meminimalisir',
  'menangkal',
  'avoid',
  'prevent',
];
/** Conditions: a clause they open states no event ("bila server utama bermasalah", "Dalam hal SPSE mengalami…"). */
export const CONDITION_WORDS = [
  'jika',
  'jikalau',
  'apabila',
  'bila',
  'bilamana',
  'kalau',
  'seandainya',
  'andaikan',
  'andaikata',
  'manakala',
  'dalam hal',
  'if',
  'in case',
  'yen',
  'menawi',
  // "whether" opens a clause that asks, not states: "untuk dibuktikan apakah benar tidak bisa diakses"
  'apakah',
  'whether',
];
/**
 * After a verb of saying or knowing, "bila" and "kalau" mean "that": "membenarkan bila servernya mengalami gangguan",
 * "muncul informasi bila laman LPSE sempat dihack". Me-…-kan verbs (mengatakan, membenarkan…) are matched as a form.
 */
export const THAT_CLAUSE_HEADS = [
  'mengakui',
  'mengaku',
  'menyebut',
  'membantah',
  'menduga',
  'mengira',
  'tahu',
  'sadar',
  'informasi',
  'kabar',
  'isu',
  'diakui',
  'dibenarkan',
  'diketahui',
  'terbukti',
  'ternyata',
];
/** A claim called an excuse: "terdakwa berdalih server LPSE mengalami gangguan", "alasan server down itu hanya dalih". */
export const EXCUSE_TERMS = ['berdalih', 'dalih', 'dalihnya', 'berkilah', 'kilah'];
/** A belief the text goes on to correct: "Saya kira LPSE down, ternyata hanya akun saya", "penyedia mengira LPSE down". */
export const MISTAKEN_TERMS = ['mengira', 'dikira', 'kira', 'kirain', 'menyangka', 'disangka', 'sangka'];
/** A notice of maintenance still to come: the portal is not down yet. */
export const PLANNED_TERMS = [
  'akan melaksanakan pemeliharaan',
  'akan melakukan pemeliharaan',
  'akan dilakukan pemeliharaan',
  'akan dilaksanakan pemeliharaan',
  'rencana pemeliharaan sistem',
  'will undergo maintenance',
  'scheduled maintenance will',
];
/** Words that put a stop in the future: "akan offline", "dijadwalkan nonaktif". */
export const FUTURE_WORDS = ['akan', 'bakal', 'dijadwalkan', 'rencananya', 'direncanakan'];

export const POSSIBILITY_ALT = alternation(POSSIBILITY_WORDS);
export const CAUSATIVE_ALT = alternation(CAUSATIVE_WORDS);
export const AVERT_ALT = alternation(AVERT_WORDS);
/** A condition's clause, to the next punctuation: "bila server utama bermasalah". */
export const CONDITION_CLAUSE_RE = new RegExp(`\\b(?:${alternation(CONDITION_WORDS)})\\b[^,.;:!?"“”]*`, 'gi');
/** "bila" after a verb of saying or knowing means "that": the clause is kept. */
export const THAT_HEAD_BEFORE_RE = new RegExp(`\\b(?:me[a-z]+kan|${alternation(THAT_CLAUSE_HEADS)})\\s+$`, 'i');
/** A condition, not an event: "Jika terjadi gangguan, penyedia dapat menghubungi helpdesk LPSE." */
export const HYPOTHETICAL_RE =
  /^\W*(?:jika|apabila|bila|kalau|seandainya|andaikan|dalam\s+hal|if|yen)\b|\b(?:jika|apabila|bila)\s+terjadi\b/i;
export const EXCUSE_RE = new RegExp(`\\b(?:${alternation(EXCUSE_TERMS)})\\b`, 'i');
export const MISTAKEN_RE = new RegExp(`\\b(?:${alternation(MISTAKEN_TERMS)})\\b`, 'i');
export const PLANNED_RE = new RegExp(`\\b(?:${alternation(PLANNED_TERMS)})\\b`, 'i');
/** The headline or lead announces a stop to come: "LPSE Badung Akan Offline Sabtu Malam", "akan menghentikan layanan". */
export const FUTURE_STOP_RE = new RegExp(
  `\\b(?:${alternation(FUTURE_WORDS)})\\s+(?:[a-z-]+\\s+){0,2}?(?:offline|down|nonaktif|dihentikan\\s+sementara|menghentikan\\s+(?:sementara\\s+)?layanan)\\b`,
  'i',
);

/**
 * Allegations: "atas dugaan hilangnya dokumen penawaran", "akun pokja diduga dibajak". A loss or a takeover only
 * alleged dates the complaint or the tender, not an outage.
 */
export const ALLEGATION_WORDS = ['dugaan', 'diduga', 'ditengarai', 'disinyalir', 'alleged', 'allegedly'];
export const ALLEGED_RE = new RegExp(`\\b(?:${alternation(ALLEGATION_WORDS)})\\b`, 'i');

/**
 * Kinds, not an event: "menjawab berbagai kendala teknis yang terjadi di lapangan", "segala gangguan". A quantifier of
 * kinds right before an outage word makes it a generality.
 */
export const GENERIC_WORDS = ['berbagai', 'bermacam-macam', 'bermacam', 'macam-macam', 'aneka', 'segala', 'various'];
export const GENERIC_BEFORE_RE = new RegExp(`\\b(?:${alternation(GENERIC_WORDS)})\\s+(?:[a-z]+\\s+)?$`, 'i');
