/**
 * The role of a date in its sentence (see `DateRole`): a refiner over date mentions, the way chrono's refiners
 * work over parsed results. It reads only the sentence around the mention; whether the date belongs to the outage
 * is the decider's question (`fields/outage-window.ts`).
 */

import { WEEKDAY_PATTERN } from '../lexicon/calendar.ts';
import {
  expectedBefore,
  RECOVERY_BEFORE_RE,
  RECOVERY_BEFORE_SOURCE,
  RECOVERY_NEGATED_RE,
  RECOVERY_RE,
} from '../lexicon/recovery.ts';
import {
  DEADLINE_BEFORE_RE,
  EN_START_LINK_RE,
  RANGE_END_LINK_RE,
  START_LINK_RE,
  STRONG_START_LINK_RE,
} from '../lexicon/temporal-links.ts';
import { OUTAGE_RE } from '../outage.ts';
import type { DateLink, DateRole } from './types.ts';

/**
 * Speech and reporting verbs that date a statement: "kata Didik, Rabu (1/4)", "ujarnya kepada wartawan, Senin".
 * (A local list until the speech-verb lexicon lands; it only needs the verbs a dateline follows.)
 */
export const SPEECH_RE =
  /\b(?:kata(?:nya)?|ujar(?:nya)?|ucap(?:nya)?|tutur(?:nya)?|jelas(?:nya)?|terang(?:nya)?|ungkap(?:nya)?|sebut(?:nya)?|papar(?:nya)?|tukas(?:nya)?|cetus(?:nya)?|tegas(?:nya)?|imbuh(?:nya)?|tambah(?:nya)?|tulis(?:nya)?|pungkas(?:nya)?|kata\s+dia|mengatakan|menyatakan|menjelaskan|menyampaikan|mengungkapkan|menegaskan|menuturkan|menerangkan|membenarkan|mengonfirmasi|mengkonfirmasi|disampaikan|dikatakan|dijelaskan|diungkapkan|ditegaskan|dibenarkan|disebutkan|diakui|dikonfirmasi|ditemui|dihubungi|dikutip|kepada\s+(?:wartawan|media|awak\s+media|pers)|konferensi\s+pers|keterangan\s+(?:resmi|tertulis|pers)|said|says|told|statement)\b/i;
const SPEECH_ALL_RE = new RegExp(SPEECH_RE.source, 'gi');
/** What may follow a statement's date to the end of its sentence: a part of day, a place, "seperti dikutip…". */
const STATEMENT_TAIL_RE =
  /^\s*\)?\s*(?:(?:pagi|siang|sore|petang|malam|kemarin|lalu|pekan\s+lalu)\b\s*)*(?:[.,;"”]|$|(?:di|dalam|saat|ketika|usai|seusai|seperti|kepada|melalui|lewat|sekitar|pukul|via|in|at|on|during)\b)/i;
/** A speech verb right after a date that follows a name: "Plt Bupati Zaiful, Selasa (9/7/2019) menjelaskan, …". */
const SAID_AFTER_RE =
  /^\s*\)?\s*,?\s*(?:(?:pagi|siang|sore|malam|kemarin|telah|juga|pun)\s+)*(?:mengatakan|menjelaskan|menyatakan|menyampaikan|mengungkapkan|menegaskan|menuturkan|menerangkan|membenarkan|mengonfirmasi|mengkonfirmasi|mengaku|menyebut|menyebutkan|said|told)\b/i;
/** A date line: the date and little else ("Selasa, 16 Februari 2021 05:53 WIB", "Posted March 3, 2026"). */
const DATE_LINE_LEFTOVER_RE =
  /^[\s|•·,:()\-–—]*(?:(?:posted|published|diterbitkan|dipublikasikan|diperbarui|updated|oleh|by|on)\b[\s|•·,:()\-–—]*)*$/i;
/** A dateline opening the text: "Trenggalek, 22/5 (ADSFM) -", "JAKARTA, Rabu (5/6) –". */
const DATELINE_HEAD_RE = /^[A-Z][A-Za-z.' ]{1,40},\s*$/;
const DATELINE_TAIL_RE = /^\s*(?:\([^)]{0,40}\)\s*)?[-–—]/;
/** "Pada hari ini, Rabu tanggal 19 Agustus 2015": the formula that dates a document. */
const DOCUMENT_DATE_RE = /^\W*pada\s+hari\s+ini\s*,?\s*$/i;
/**
 * A recovery right before its date, a weekday, "pada" or "tanggal" at most between; "sudah kembali online sejak Rabu
 * (9/6)" is the recovery's day too.
 */
const RECOVERY_ADJACENT_RE = new RegExp(
  `\\b${RECOVERY_BEFORE_SOURCE}\\s*(?:(?:pada|on|sejak|mulai|since)\\s+)?(?:(?:hari|tanggal)\\s+)?(?:(?:${WEEKDAY_PATTERN})\\s*,?\\s*)?$`,
  'i',
);
/** A date opening its sentence before a comma: "Senin (8/7/2024), server LPSE down seharian." */
const OPENING_DATE_AFTER_RE =
  /^\s*\)?\s*(?:(?:lalu|kemarin|pagi|siang|sore|petang|malam|dini\s+hari)\s*)?(?:,|\s+[A-Za-z])/i;

/** A comma right before a date that closes its sentence ("…, Minggu (6/6/2021).", "…, pada Senin"). */
const CLOSING_HEAD_RE = /[^\s,],\s*(?:pada\s+(?:hari\s+)?)?$/;
/** What may follow a closing date to its sentence's end: a part of day, "lalu", an hour. */
const CLOSING_TAIL_RE =
  /^\s*\)?\s*(?:(?:pagi|siang|sore|petang|malam|dini\s+hari|kemarin|lalu|pekan\s+lalu)\b\s*)*(?:,?\s*(?:sekitar\s+|sekira\s+)?(?:pukul|jam)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:WIB|WITA|WIT)?\s*)?(?:[.;!?"”]|$)/i;

/** What follows a date set between commas: a part of day at most, the comma, then the sentence goes on. */
const INSERTED_TAIL_RE = /^\s*\)?\s*(?:(?:pagi|siang|sore|petang|malam|dini\s+hari|lalu|kemarin)\s*)?,\s*[A-Za-z]/i;

/** An outage word right before the date, a word or two at most between ("lumpuh total", "tidak bisa diakses lagi"). */
const OUTAGE_BEFORE_RE = new RegExp(
  `(?:${OUTAGE_RE.source})(?:\\s+(?:total|lagi|kembali|seharian|sama\\s+sekali))?\\s*,?\\s*\\(?$`,
  'i',
);
const PADA_END_RE = /\bpada\s*(?:hari\s+|tanggal\s+)?$/i;

/** The last speech verb before `at` in the sentence, or -1. */
function lastSaid(sentence: string, at: number): number {
  SPEECH_ALL_RE.lastIndex = 0;
  let found = -1;
  const head = sentence.slice(0, at);
  for (let m = SPEECH_ALL_RE.exec(head); m; m = SPEECH_ALL_RE.exec(head)) found = m.index;
  return found;
}

export interface RoleInput {
  /** The sentence's text. */
  sentence: string;
  /** Index of the sentence in the article (datelines open the text). */
  sentenceIndex: number;
  /** Offset of the mention in the sentence and its text as written. */
  offset: number;
  written: string;
}

/**
 * @example dateRole({ sentence: '"Server rusak," kata Didik, Rabu (1/4).', sentenceIndex: 3, offset: 28, written: 'Rabu (1/4)' })
 *   → { role: "statement", link: null }
 */
export function dateRole(input: RoleInput): { role: DateRole; link: DateLink } {
  const { sentence, offset, written } = input;
  const head = sentence.slice(0, offset);
  const before = sentence.slice(Math.max(0, offset - 60), offset);
  const after = sentence.slice(offset + written.length);
  // chrono may take the link word into the date ("pada tanggal 15 Mei")
  const lead = written.replace(/[\d(].*$/s, '');

  if (
    DATE_LINE_LEFTOVER_RE.test(head) &&
    DATE_LINE_LEFTOVER_RE.test(after.replace(/\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)?|\d+\s+views?/gi, ''))
  )
    return { role: 'publication', link: null };
  if (input.sentenceIndex < 4 && DATELINE_HEAD_RE.test(head) && DATELINE_TAIL_RE.test(after))
    return { role: 'publication', link: null };
  if (DOCUMENT_DATE_RE.test(head)) return { role: 'publication', link: null };

  const strong = STRONG_START_LINK_RE.test(before) || (lead !== '' && STRONG_START_LINK_RE.test(before + lead));
  const rangeEnd = RANGE_END_LINK_RE.test(before);
  // "…," kata Didik, Rabu (1/4). / "…" ujar X kepada wartawan pada Selasa, 25 Juni 2024.
  const said = lastSaid(sentence, offset);
  // (not when the outage is told between the verb and the date: "mengatakan … penyedia yang tidak dapat mengakses
  // LPSE dari Senin (2/6/2025) sampai Rabu (4/6/2025).")
  const told = said >= 0 ? sentence.slice(said, offset) : '';
  if (
    !strong &&
    !rangeEnd &&
    said >= 0 &&
    STATEMENT_TAIL_RE.test(after) &&
    !RECOVERY_RE.test(told) &&
    !OUTAGE_RE.test(told)
  )
    return { role: 'statement', link: null };
  // "Plt Bupati Zaiful, Selasa (9/7/2019) menjelaskan, …"
  if (!strong && SAID_AFTER_RE.test(after) && /,\s*(?:pada\s+(?:hari\s+)?)?$/.test(head))
    return { role: 'statement', link: null };
  const recovery = RECOVERY_RE.exec(after);
  const recoveryNext =
    recovery !== null &&
    !/[.;]/.test(after.slice(0, recovery.index)) &&
    !SPEECH_RE.test(after.slice(0, recovery.index)) &&
    !RECOVERY_NEGATED_RE.test(after.slice(0, recovery.index)) &&
    !expectedBefore(after, recovery.index);
  // "setelah batas waktu penawaran berakhir pada Kamis (28/3/2013) pukul 10.00 WIB, sistem upload … kembali
  // normal": a deadline's day that a recovery follows is the recovery's
  // "jadwal pemeliharaan rutin pada Sabtu (9/9/2023)": a scheduled outage is the outage's
  const deadline = DEADLINE_BEFORE_RE.exec(before);
  if (!strong && !rangeEnd && !recoveryNext && deadline && !OUTAGE_RE.test(`${deadline[1] ?? ''}${written}`))
    return { role: 'deadline', link: null };

  if (rangeEnd) return { role: 'end', link: 'range-end' };
  const adjacent = RECOVERY_ADJACENT_RE.exec(head + lead) ?? RECOVERY_ADJACENT_RE.exec(head);
  if (adjacent && !RECOVERY_NEGATED_RE.test(head.slice(0, adjacent.index)) && !expectedBefore(head, adjacent.index))
    return { role: 'end', link: 'recovery' };
  // "sudah memulihkan laman tersebut pada Rabu (2/10/2019) pagi": the recovery, then "pada" and its day
  const recoveryBefore = RECOVERY_BEFORE_RE.exec(head);
  if (
    !strong &&
    recoveryBefore &&
    (PADA_END_RE.test(head) || PADA_END_RE.test(head + lead)) &&
    !SPEECH_RE.test(head.slice(recoveryBefore.index)) &&
    !RECOVERY_NEGATED_RE.test(head.slice(0, recoveryBefore.index)) &&
    !expectedBefore(head, recoveryBefore.index)
  )
    return { role: 'end', link: 'recovery' };
  // "Kamis 20 Agustus 2015 pukul 07.30 WIB, jaringan sudah kembali normal"; the decider keeps a start when the
  // recovery is a later event ("diretas sejak 3 Maret dan baru pulih sepekan kemudian")
  if (recoveryNext) return { role: 'end', link: 'recovery-after' };
  if (strong) return { role: 'start', link: 'since' };
  if (START_LINK_RE.test(before) || (lead !== '' && START_LINK_RE.test(before + lead)) || EN_START_LINK_RE.test(before))
    return { role: 'start', link: 'on' };
  // "lumpuh 3–5 Juni lalu", "mati 11-15/3", "tidak bisa diakses Senin (8/7)": the date right after the outage
  if (OUTAGE_BEFORE_RE.test(before) || (lead !== '' && OUTAGE_BEFORE_RE.test(before + lead)))
    return { role: 'start', link: 'on' };
  if (/^\s*["“]?\s*$/.test(head) && OPENING_DATE_AFTER_RE.test(after)) return { role: 'start', link: 'opening' };
  // "Situs LPSE Kabupaten Contoh diretas orang tak dikenal, Minggu (6/6/2021).": the day of the sentence's event, told
  // after a comma at its end with no one speaking (the decider keeps it when the event is the outage)
  if (said < 0 && CLOSING_HEAD_RE.test(head) && CLOSING_TAIL_RE.test(after)) return { role: 'start', link: 'closing' };
  // "Situs LPSE Kota Contoh, Senin (7/6/2021), tidak bisa diakses": the day set between commas after the subject is
  // the day of the predicate that follows it
  if (said < 0 && CLOSING_HEAD_RE.test(head) && INSERTED_TAIL_RE.test(after))
    return { role: 'start', link: 'inserted' };
  return { role: 'other', link: null };
}
