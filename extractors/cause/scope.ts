/**
 * Whether a cause mention is about the outage being reported: not a precaution ("agar server tidak diretas"), not the
 * system's history ("LPSE Bengkulu pernah diretas hacker"), not a past set against the present ("sering menjadi
 * sasaran hacker, tapi kali ini…"), not a question ("Apakah situs itu diretas?"), and, for an attack, not one on
 * someone else's site ("situs resmi Dinas Pendidikan diretas").
 */
import { OTHER_SYSTEMS, SYSTEM_RE } from '../lexicon/system.ts';
import { alternation } from '../text-helpers.ts';
import {
  BACKGROUND_WORDS,
  ELSEWHERE_WORDS,
  OTHER_SITE_OWNERS,
  PRECAUTION_WORDS,
  THIS_TIME_WORDS,
} from './constants.ts';

/** A precaution in the clause before a mention: "memperketat keamanan agar server tidak …". */
export const PRECAUTION_RE = new RegExp(`\\b(?:${alternation(PRECAUTION_WORDS)})\\b`, 'i');
/** "pernah" at most three words before the mention: "pernah diretas", "pernah menjadi korban peretasan". */
const BACKGROUND_BEFORE_RE = new RegExp(`\\b(?:${alternation(BACKGROUND_WORDS)})\\s+(?:\\S+\\s+){0,3}$`, 'i');
/**
 * Right after the mention: "pernah" ("Peretasan serupa pernah menimpa…", at most one word between, not a relative
 * clause's "hacker yang pernah…"), or a word putting it elsewhere ("serupa", "di daerah lain").
 */
const BACKGROUND_AFTER_RE = new RegExp(
  `^\\s*(?:(?:(?!yang\\b)[^\\s,.;]+\\s+)?(?:(?:juga|sudah|telah)\\s+)?pernah|(?:[^\\s,.;]+\\s+){0,2}?(?:${alternation(ELSEWHERE_WORDS)}))\\b`,
  'i',
);
/** A contrast to the present after the mention: "…, tapi kali ini …", "Namun saat ini …". */
const THIS_TIME_AFTER_RE = new RegExp(
  `\\b(?:namun|tetapi|tapi|akan\\s+tetapi|sedangkan|but|however)\\s*,?\\s+(?:\\S+\\s+){0,2}(?:${alternation(THIS_TIME_WORDS)})\\b`,
  'i',
);
/** The rest of the mention's clause, to its first comma, semicolon, full stop, exclamation or question mark. */
const TO_CLAUSE_END_RE = /^[^.!?,;]*[.!?,;]?/;

/**
 * Someone else's site: a site head and an owner other than the procurement system ("situs resmi Dinas Pendidikan",
 * "website KPU", "akun media sosial Pemkab"), or another system by name ("aplikasi SIPD").
 */
const OTHER_SITE_RE = new RegExp(
  `\\b(?:situs|website|web|laman|portal|akun|aplikasi|homepage|site)(?:-(?:situs|website|laman|portal|akun))?s?(?:\\s+(?:resmi|milik|media\\s+sosial|official|of|the))*\\s+(?:${alternation(OTHER_SITE_OWNERS)})\\b|\\b(?:${alternation(OTHER_SYSTEMS.filter((s) => s.length > 3))})\\b`,
  'i',
);

/**
 * A mention that is not about this outage: a precaution, history, a past set against the present, a question.
 *
 * @example outOfScope('Pada 2019 lalu, LPSE Bengkulu pernah diretas hacker.', 31, 38, 'Pada 2019 lalu, LPSE Bengkulu ')
 *   → true
 */
export function outOfScope(sentence: string, at: number, end: number, clause: string): boolean {
  if (PRECAUTION_RE.test(clause)) return true;
  if (BACKGROUND_BEFORE_RE.test(sentence.slice(Math.max(0, at - 40), at))) return true;
  const rest = sentence.slice(end);
  if (BACKGROUND_AFTER_RE.test(rest) || THIS_TIME_AFTER_RE.test(rest)) return true;
  // "Apakah situs itu diretas?", "LPSE Lumpuh, Diretas?": the mention's clause ends in a question mark
  return TO_CLAUSE_END_RE.exec(rest)?.[0].endsWith('?') ?? false;
}

/**
 * An attack told of someone else's site, in a sentence that does not name the procurement system: the target in the
 * clause before the mention ("situs resmi Dinas Pendidikan Sleman diretas") or right after it ("peretas membobol
 * website KPU").
 *
 * @example attackOnOtherSite('Sebelumnya, situs resmi Dinas Pendidikan Sleman diretas oleh hacker.', 48, 55, ' situs resmi Dinas Pendidikan Sleman ')
 *   → true
 */
export function attackOnOtherSite(sentence: string, _at: number, end: number, clause: string): boolean {
  if (SYSTEM_RE.test(sentence)) return false;
  if (OTHER_SITE_RE.test(clause)) return true;
  const after = /^[^,;.!?"“”]{0,60}/.exec(sentence.slice(end))?.[0] ?? '';
  return OTHER_SITE_RE.test(after);
}
