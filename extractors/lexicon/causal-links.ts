/**
 * Causal links: the words that tie a cause to what it caused, in the two orders Indonesian news uses. A cause
 * after its link ("LPSE lumpuh akibat korsleting di ruang panel listrik"), or a cause before a result verb
 * ("Putusnya kabel fiber optik membuat situs LPSE tidak bisa diakses"), or a result opener at the start of the next
 * sentence ("Ruang server terendam banjir. Akibatnya, …"). Indonesian, Javanese and English.
 */
import { alternation, LATIN_LETTER } from '../text-helpers.ts';

/** Links after which the cause follows: "disebabkan oleh", "akibat", "imbas", Javanese "amarga", "due to". */
export const CAUSE_LINKS = [
  'disebabkan',
  'disebabkan oleh',
  'diakibatkan',
  'diakibatkan oleh',
  'dikarenakan',
  'karena',
  'karna',
  'akibat',
  'akibat dari',
  'sebagai akibat',
  'gara-gara',
  'dipicu',
  'dipicu oleh',
  'imbas',
  'imbas dari',
  'terimbas',
  'lantaran',
  'menyusul',
  'setelah',
  'usai',
  'sebab',
  'penyebab',
  'penyebabnya',
  'penyebabnya adalah',
  'penyebab utamanya',
  'dampak dari',
  'terdampak',
  'buntut',
  'buntut dari',
  'efek dari',
  'pengaruh dari',
  'dipengaruhi',
  'dipengaruhi oleh',
  'berasal dari',
  'bersumber dari',
  'bersumber pada',
  'terkendala',
  'terganggu oleh',
  'ulah',
  // Javanese
  'amarga',
  'amargi',
  'merga',
  'mergo',
  'jalaran',
  // English
  'due to',
  'because of',
  'caused by',
  'as a result of',
  'owing to',
  'after',
  'following',
];

/** Verbs and connectives after which the effect follows the cause: "membuat", "menyebabkan", "sehingga". */
export const RESULT_LINKS = [
  'menyebabkan',
  'mengakibatkan',
  'membuat',
  'memicu',
  'berdampak',
  'berakibat',
  'melumpuhkan',
  'mengganggu',
  'memutus',
  'mematikan',
  'sehingga',
  'nyebabake',
  'marakake',
  'caused',
  'causing',
  'knocked',
];

/** Openers of the next sentence that make it the effect of the one before: "Akibatnya, LPSE tidak bisa diakses". */
export const RESULT_OPENERS = [
  'akibatnya',
  'imbasnya',
  'dampaknya',
  'sehingga',
  'karena itu',
  'oleh karena itu',
  'hal ini menyebabkan',
  'hal itu menyebabkan',
  'hal ini membuat',
  'hal itu membuat',
  'kondisi ini membuat',
  'kondisi itu membuat',
  'kejadian ini membuat',
  'kejadian itu membuat',
  'as a result',
];

/**
 * Words that may stand between a link and the cause noun it governs: "karena [adanya gangguan pada] jaringan",
 * "akibat [ruang server] terendam", "lantaran [masalah] listrik". Any other word ends the link's reach ("Karena
 * informasinya pihak Telkom…" is no Telkom fault).
 */
export const LINK_FILLERS = [
  'adanya',
  'ada',
  'terjadinya',
  'terjadi',
  'gangguan',
  'masalah',
  'permasalahan',
  'persoalan',
  'kendala',
  'faktor',
  'kerusakan',
  'rusaknya',
  'matinya',
  'putusnya',
  'terputusnya',
  'padamnya',
  'lemahnya',
  'lambatnya',
  'buruknya',
  'tingginya',
  'banyaknya',
  'minimnya',
  'terbatasnya',
  'kondisi',
  'peristiwa',
  'insiden',
  'musibah',
  'bencana',
  'sebuah',
  'pada',
  'di',
  'dari',
  'oleh',
  'yang',
  'sedang',
  'dalam',
  'dilakukan',
  'dilakukannya',
  'proses',
  'ruang',
  'ruangan',
  'server',
  'servernya',
  'sistem',
  'jaringan',
  'layanan',
  'akses',
  'pihak',
  'the',
  'a',
  'an',
  'problems',
  'problem',
  'issues',
  'with',
];

/**
 * A link closing the text before a cause noun, at most three filler words before it:
 * "…tidak bisa diakses karena ruang server [terendam]", "Penyebabnya, [server yang sudah tua]".
 */
export const CAUSE_LINK_BEFORE_RE = new RegExp(
  `(?:^|[^${LATIN_LETTER}-])(?:${alternation(CAUSE_LINKS)})\\s*[,:]?\\s+(?:(?:${alternation(LINK_FILLERS)})\\s+){0,3}$`,
  'i',
);
/** A result verb opening the text after a cause phrase, at most six words on and no clause break between. */
export const RESULT_LINK_AFTER_RE = new RegExp(`^\\s*(?:[^\\s,;:.]+\\s+){0,6}(?:${alternation(RESULT_LINKS)})\\b`, 'i');
/** A result opener at the start of a sentence. */
export const RESULT_OPENER_RE = new RegExp(`^\\W*(?:${alternation(RESULT_OPENERS)})\\b`, 'i');
/** Any link of either order in a sentence: the cheap gate before looking for the nouns they govern. */
export const ANY_LINK_RE = new RegExp(`\\b(?:${alternation([...CAUSE_LINKS, ...RESULT_LINKS])})\\b`, 'i');
