/**
 * The outage window: which dates in the text are the outage's first and last day, and which are something else
 * (the day a statement was made, a tender deadline, the year equipment was bought). A start needs a link word
 * ("sejak", "mulai", "terjadi pada", "pada tanggal") before a date in a sentence about the outage; an end is the
 * end of such a range, or a date followed by recovery ("kembali normal", "sudah bisa diakses"). A range end
 * followed by "masih" ("sejak tanggal 7 hingga 9 Juni 2021 masih belum dapat diakses") is not a recovery. A date
 * whose year the text does not fix is left out: null, never a guess.
 */
import type { Extracted } from '../src/types.ts';
import type { ExtractContext } from './context.ts';
import { DAY_PART_PATTERN, WEEKDAY_DICTIONARY, WEEKDAY_PATTERN } from './dates/constants.ts';
import { type DateMention, isoDay, parseDates, yearsIn } from './dates/index.ts';
import { pastLeaningYear } from './dates/refiners/year-inference.ts';
import { urlYear } from './published.ts';
import { alternation, LATIN_LETTER, type Sentence, sentenceAt } from './text.ts';
import { ENGLISH_MONTHS, ENGLISH_OUTAGE_TERMS, ENGLISH_WEEKDAYS } from './vocab.ts';

export interface OutageWindow {
  start: string | null;
  end: string | null;
}

/** A sentence that begins by pointing back at the one before: "Sambaran itu …", "Akibatnya …", "Kejadian tersebut …". */
const BACK_REFERENCE_RE = /^\W*(?:akibatnya|imbasnya|dampaknya|karenanya|[a-z]+(?:nya)?\s+(?:itu|tersebut))\b/i;

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
const OUTAGE_RE = new RegExp(
  `(?<![${LATIN_LETTER}])(?:${alternation(OUTAGE_TERMS)}|${SLOW_PATTERN})(?![${LATIN_LETTER}])`,
  'i',
);
const DIGIT_RE = /\d/;
const SEJAK_RE = /\b(?:sejak|semenjak|wiwit|mulai)\b/i;
/** Parts of the day, for starts told relative to the publication date. */
const DAY_PARTS = ['dini hari', 'pagi', 'siang', 'sore', 'petang', 'malam'];
/**
 * "sejak kemarin", "sejak tadi pagi", "sejak pagi hingga sore kemarin": a start written relative to the publication
 * date, in a sentence without digits.
 */
const SINCE_RELATIVE_RE = new RegExp(
  `\\b(?:sejak|semenjak|mulai|dari)\\s+(?:kemarin|hari\\s+ini|tadi\\s+(?:${alternation(DAY_PARTS)})|(?:${alternation(DAY_PARTS)})\\b[^.]{0,30}?\\b(?:kemarin|tadi|ini))\\b`,
  'i',
);
/** The link word right before a relative day that starts the outage; "dari" only before a range ("dari pagi hingga…"). */
const SINCE_BEFORE_RE = /\b(?:sejak|semenjak|mulai|since)\s*$/i;
const FROM_BEFORE_RE = /\b(?:dari|from)\s*$/i;
/** A cheap test for a day word relative to the publication date: "sejak kemarin", "tadi pagi", "sore ini". */
const RELATIVE_DAY_WORD_RE = /\b(?:kemarin|tadi|(?:hari|pagi|siang|sore|petang)\s+ini)\b/i;
/** Day counts in words: "dua hari", "sehari", "sepekan" (the one table every count of days below reads). */
const DAY_COUNTS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  sehari: 1,
  seminggu: 7,
  sepekan: 7,
};
/** The number words of DAY_COUNTS ("tiga" in "tiga hari"), and its words that are a count of days on their own. */
const DAY_COUNT_WORDS = Object.keys(DAY_COUNTS).filter((w) => !w.startsWith('se'));
const DAY_SPAN_WORDS = Object.keys(DAY_COUNTS).filter((w) => w.startsWith('se'));
/**
 * Link words right before a start date: "sejak", "pada", "terjadi pada", "(hampir) sepanjang Senin (8/7)" (the whole
 * day), "selama dua hari, Kamis-Jumat (26-27/9)", "dua hari, yakni …" (a length followed by its days).
 */
const START_LINK_WORDS = [
  'sejak',
  'semenjak',
  'wiwit',
  'mulai',
  'terjadi(?:\\s+pada)?',
  'pada(?:\\s+hari)?(?:\\s+tanggal)?',
  'tanggal',
  'dari(?:\\s+tanggal)?',
  'berlangsung(?:\\s+pada)?',
  'sepanjang(?:\\s+hari)?',
  `(?:selama\\s+)?(?:\\d{1,2}|${DAY_COUNT_WORDS.join('|')})\\s+hari(?:\\s+berturut-turut)?`,
];
/**
 * What may sit between the link word and the date: "hari", "tanggal", a time, a weekday and comma ("pada Kamis, 1
 * Desember 2022"), the Javanese "dina" ("wiwit dina Senen (15/7)"), "akhir pekan lalu," before the weekend's days.
 */
const START_FILLERS = [
  'hari',
  'dina',
  'tanggal',
  'dari\\s+tanggal',
  'pukul\\s+\\d{1,2}[.:]\\d{2}\\s*(?:WIB|WITA|WIT)?(?:\\s+tanggal)?',
  '(?:akhir|awal)\\s+pekan(?:\\s+(?:lalu|kemarin|ini))?\\s*,?',
  // "mati dua hari, yakni Senin dan Selasa (8-9/7)"
  '(?:yakni|yaitu|tepatnya)',
  `(?:${WEEKDAY_PATTERN})\\s*,?`,
];
const START_LINK_RE = new RegExp(
  `(?:\\b(?:${START_LINK_WORDS.join('|')})\\b(?:\\s*,?\\s+(?:${START_FILLERS.join('|')}))*)\\s*,?\\s*$`,
  'i',
);
const ENGLISH_CHEAP_RE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** A range connector right before a date: the date ends a range begun earlier in the sentence. */
const RANGE_END_LINK_RE =
  /\b(?:hingga|nganti|sampai(?:\s+dengan)?|s\.\s?d\.?|s\/d|until|till|through)\s+(?:hari\s+|tanggal\s+|(?:late|early)\s+(?:on\s+)?)?$/i;
/** English weekday names → getUTCDay() numbers, and month names → month numbers, for English reports. */
const ENGLISH_WEEKDAY_NUMBER: Record<string, number> = Object.fromEntries(ENGLISH_WEEKDAYS.map((w, i) => [w, i]));
const ENGLISH_MONTH_NUMBER: Record<string, number> = Object.fromEntries(ENGLISH_MONTHS.map((m, i) => [m, i + 1]));
const EN_MONTH = ENGLISH_MONTHS.join('|');
const EN_WEEKDAY = ENGLISH_WEEKDAYS.join('|');
/** An English date with its year: "(Tuesday, )July 18, 2023" or "(Tuesday )18 July 2023". chrono.id reads neither. */
const ENGLISH_DATE_RE = new RegExp(
  `\\b(?:(${EN_WEEKDAY}),?\\s+)?(?:(${EN_MONTH})\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\s+(${EN_MONTH}),?\\s+(\\d{4}))\\b`,
  'gi',
);
/** English link words before a start date: "offline since…", "down on…", "for most of…". */
const EN_START_LINK_RE = /\b(?:since|from|on|began\s+on|(?:for\s+)?(?:most|all|much)\s+of)\s*$/i;

/** English dates in the chosen sentences, as date mentions at their offsets in the text. */
function englishDates(sentences: Sentence[], published: string | null): DateMention[] {
  const out: DateMention[] = [];
  for (const s of sentences) {
    ENGLISH_DATE_RE.lastIndex = 0;
    for (let m = ENGLISH_DATE_RE.exec(s.text); m; m = ENGLISH_DATE_RE.exec(s.text)) {
      const month = ENGLISH_MONTH_NUMBER[(m[2] ?? m[6] ?? '').toLowerCase()];
      const day = Number(m[3] ?? m[5]);
      if (!month || day < 1 || day > 31) continue;
      // "on Sunday, January 11": the year from the publication date (news leans past), the weekday must agree
      let year = Number(m[4] ?? m[7]);
      if (!year) {
        if (!published) continue;
        year = pastLeaningYear(published, month, day);
        const wd = m[1] ? ENGLISH_WEEKDAY_NUMBER[m[1].toLowerCase()] : undefined;
        if (wd !== undefined && new Date(Date.UTC(year, month - 1, day)).getUTCDay() !== wd) continue;
      }
      if (year < 2005 || year > 2035) continue;
      out.push({
        text: m[0],
        index: s.start + m.index,
        start: { year, month, day, weekday: null },
        end: null,
        relative: false,
      });
    }
  }
  return out;
}

/** Parts of the day that close a same-day range ("hingga sore"). */
const SAME_DAY_PARTS = ['siang', 'sore', 'petang', 'malam'];

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
  'restored',
  'back\\s+(?:online|up|to\\s+normal)',
];
const RECOVERY_RE = new RegExp(
  // "kembali normal" without a closing word boundary: PDF text glues words ("kembali normaldan web LPSE…")
  `\\b(?:(?:sudah\\s+)?kembali\\s+normal|(?:${RECOVERY_PHRASES.join('|')})\\b)`,
  'i',
);
/** Recovery phrases that may stand right before their day ("kembali normal pada Senin, 9 Mei 2024"). */
const RECOVERY_BEFORE_SOURCE = `(?:kembali\\s+normal|${RECOVERY_PHRASES.filter((p) => !p.startsWith('sudah\\s+')).join('|')})`;
const RECOVERY_BEFORE_RE = new RegExp(`\\b${RECOVERY_BEFORE_SOURCE}\\b`, 'i');
/**
 * A recovery right before its date, a weekday, "pada" or "tanggal" at most between: "kembali normal pada Senin,
 * 9 Mei 2024", "layanan dibuka lagi Selasa (4/6)".
 */
const RECOVERY_ADJACENT_RE = new RegExp(
  `\\b${RECOVERY_BEFORE_SOURCE}\\s*(?:(?:pada|on)\\s+)?(?:(?:hari|tanggal)\\s+)?(?:(?:${WEEKDAY_PATTERN})\\s*,?\\s*)?$`,
  'i',
);
/** A weekday later in the recovery's clause: "memulihkan koneksi lewat jalur cadangan pada Rabu malam". */
const RECOVERY_WEEKDAY_LATER_RE = new RegExp(
  `^[^,.;]{0,60}?\\b(?:pada|on)\\s+(?:hari\\s+)?(${WEEKDAY_PATTERN}|${EN_WEEKDAY})\\b(?!\\s*,?\\s*\\(?\\d)`,
  'i',
);
/**
 * A range of times after the start's date, no second date: "pada Jumat (14/6), mulai pukul 09.30 hingga pukul
 * 16.00 WITA", "sejak pukul 11.00 hingga menjelang sore". The outage ended the day it began.
 */
const SAME_DAY_RANGE_RE = new RegExp(
  `^[^.]{0,40}?\\b(?:sejak|mulai|dari)\\s+(?:sekitar\\s+)?(?:pukul|jam)\\s+\\d{1,2}(?:[.:]\\d{2})?[^.\\d]{0,12}?\\b(?:hingga|sampai(?:\\s+dengan)?|s\\.d\\.?|s/d)\\s+(?:sekitar\\s+|menjelang\\s+)?(?:(?:pukul|jam)\\s+\\d|${SAME_DAY_PARTS.join('|')})`,
  'i',
);
/** A sentence that takes a recovery back: "Namun server masih menunggu…", "Tetapi laman belum bisa dibuka". */
const STILL_DOWN_NEXT_RE =
  /^\s*(?:namun|tetapi|tapi|akan\s+tetapi|sayangnya|however|but)\b[^.]{0,60}?\b(?:masih|belum|still|not\s+yet)\b/i;
/** "kemarin, sejak pukul 11.00": a relative day followed by its hours. */
const RELATIVE_THEN_HOURS_RE = /^\s*,?\s*(?:sejak|mulai)\s+(?:sekitar\s+)?(?:pukul|jam)\s+\d/i;
/**
 * A recovery with only a weekday ("kembali normal Sabtu dini hari", "restored early on Wednesday") or only a time
 * ("pulih pukul 19.30 WIB"): the day is the first such weekday from the start, or the start day itself.
 */
const RECOVERY_WEEKDAY_RE = new RegExp(
  `^\\s*(?:(?:pada|on|early|late|sekitar)\\s+)*(?:hari\\s+)?(${WEEKDAY_PATTERN}|${EN_WEEKDAY})\\b(?!\\s*,?\\s*\\(?\\d)`,
  'i',
);
const RECOVERY_TIME_RE = /^\s*(?:(?:pada|sekitar|at|around)\s+)*(?:pukul|jam)\s+\d{1,2}[.:]\d{2}/i;
/** A conjunction between a date and a recovery that makes the recovery a later event. */
const LATER_EVENT_RE = /\b(?:dan|lalu|kemudian|namun|tetapi|tapi|sebelum|and|before)\b/i;
/** "baru pulih tiga hari kemudian", "sepekan kemudian": days after the start. */
const DAYS_LATER_RE = new RegExp(
  `^\\s*(?:\\S+\\s+){0,2}?(?:(\\d|${DAY_COUNT_WORDS.join('|')})\\s+hari|(${DAY_SPAN_WORDS.join('|')}))\\s+(?:kemudian|setelahnya|berikutnya)\\b`,
  'i',
);
/** A weekday right before the recovery: "Sabtu pagi sudah bisa diakses lagi". */
const WEEKDAY_BEFORE_RECOVERY_RE = new RegExp(
  `\\b(${WEEKDAY_PATTERN})(?:\\s+(?:${DAY_PART_PATTERN}))?\\s*,?\\s*(?:[${LATIN_LETTER}]+\\s+){0,3}$`,
  'i',
);
/**
 * A recovery only expected, hoped for, planned or under way, a few words before it: "memperkirakan layanan paling cepat pulih
 * pada Kamis", "diharapkan kembali normal besok". Not an end; "semula dijadwalkan hanya berhenti semalam untuk
 * pemeliharaan, baru kembali normal pada Senin" is.
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
  // a recovery under way or sought: "masih berupaya memulihkan", "sedang dipulihkan", "agar segera pulih"
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
const expectedBefore = (text: string, at: number) => EXPECTED_RE.test(text.slice(Math.max(0, at - 80), at));
/** A weekday still to come: "pulih pada Kamis mendatang", "Senin depan". */
const FUTURE_WEEKDAY_RE = /^\s*(?:(?:pagi|siang|sore|petang|malam)\s+)?(?:mendatang|depan|nanti|next)\b/i;
/** "belum pulih", "tidak kembali normal": no recovery. */
const NEGATED_RE = /\b(?:belum|tidak|tak|not|yet\s+to)\s+(?:(?:juga|sepenuhnya|sudah|fully|been)\s+)?$/i;
/**
 * Starts written relative to the publication date without digits: "sejak Senin lalu" (the last Monday up to the
 * publication day), "sejak dua hari lalu" (two days before it). A second bare weekday after "hingga" ends the range:
 * "sejak Kamis pagi hingga Jumat sore kemarin" (the first such weekday from the start). English reports write the
 * same: "since Sunday morning", "on Sunday … until Monday evening".
 */
const ANY_WEEKDAY = `${WEEKDAY_PATTERN}|${EN_WEEKDAY}`;
const BARE_WEEKDAY = `(?:hari\\s+)?(${ANY_WEEKDAY})(?:\\s+(?:${DAY_PART_PATTERN}|morning|afternoon|evening|night))?(?:\\s+(?:lalu|kemarin))?`;
/** No date follows the weekday ("Senin (8/7)", "Sunday, January 11" are read as dates), nor "pekan" ("Senin pekan lalu"). */
const NOT_DATED = `\\b(?!\\s*,?\\s*\\(?\\d|\\s+(?:pekan|minggu)\\b|,?\\s+(?:${EN_MONTH})\\b)`;
const WEEKDAY_RANGE_END = `(?:\\s+(?:hingga|sampai(?:\\s+dengan)?|nganti|s\\.?d\\.?|s/d|until|till|through)\\s+(?:(?:late|early)\\s+)?${BARE_WEEKDAY})?`;
const SINCE_WEEKDAY_RE = new RegExp(
  `\\b(?:sejak|semenjak|since)\\s+${BARE_WEEKDAY}${WEEKDAY_RANGE_END}${NOT_DATED}`,
  'i',
);
/**
 * A bare weekday as the outage's day: "tidak bisa diakses pada Senin", "went offline on Sunday morning", "for most of
 * Tuesday", "mati Senin kemarin": the last such weekday up to the publication day, as with "sejak". Without "sejak",
 * "Selasa lalu" may be any past Tuesday (not fixed), and "Senin kemarin" is fixed only when it is the day before.
 */
const ON_WEEKDAY_RE = new RegExp(
  `\\b(?:pada|on|sepanjang|(?:for\\s+)?(?:most|all|much)\\s+of)\\s+${BARE_WEEKDAY}${WEEKDAY_RANGE_END}${NOT_DATED}`,
  'i',
);
const YESTERDAY_WEEKDAY_RE = new RegExp(
  `\\b(${WEEKDAY_PATTERN})(?:\\s+(?:${DAY_PART_PATTERN}))?\\s+kemarin${WEEKDAY_RANGE_END}${NOT_DATED}`,
  'i',
);
/** A statement's day, not the outage's: "said … in a statement on Wednesday", "ujarnya pada Rabu". */
const SAID_RE =
  /\b(?:kata(?:nya)?|ujar(?:nya)?|ucap(?:nya)?|tutur(?:nya)?|jelas(?:nya)?|terang(?:nya)?|mengatakan|menyatakan|menjelaskan|menyampaikan|said|says|told|statement)\b/i;
/** A cheap test for any weekday name before the weekday patterns run. */
const ANY_WEEKDAY_RE = new RegExp(`\\b(?:${ANY_WEEKDAY})\\b`, 'i');
const RANGE_CONNECTOR = '(?:hingga|sampai(?:\\s+dengan)?|nganti|s\\.?d\\.?|s/d|until|till|through)';
/** "sejak Senin hingga Rabu (10/7)": a bare weekday starts the range its dated end closes. */
const BARE_START_BEFORE_RE = new RegExp(
  `\\b(?:sejak|semenjak|mulai|wiwit|dari|since|from)\\s+${BARE_WEEKDAY}\\s*,?\\s*${RANGE_CONNECTOR}\\s+(?:hari\\s+|tanggal\\s+|(?:late|early)\\s+)?$`,
  'i',
);
/** "sejak Senin (8/7) pagi hingga Selasa sore": a dated start, then a bare weekday closing the range. */
const BARE_END_AFTER_RE = new RegExp(
  `^(?:[^.,;]|\\d[.:]\\d){0,40}?\\b${RANGE_CONNECTOR}\\s+(?:(?:late|early)\\s+(?:on\\s+)?)?${BARE_WEEKDAY}${NOT_DATED}`,
  'i',
);
/** "pada Senin (8/7) dan Selasa (9/7)": a second day joined by "dan" to a start. */
const AND_NEXT_DAY_RE = /^\s*,?\s*(?:dan|serta|and)\s+(?:hari\s+|tanggal\s+)?$/i;
/** A date opening its sentence before a comma: "Senin (8/7/2024), server LPSE down seharian." */
const OPENING_DATE_AFTER_RE = /^\s*(?:(?:lalu|kemarin|pagi|siang|sore|petang|malam|dini\s+hari)\s*)?,/i;
const SINCE_DAYS_AGO_RE = new RegExp(
  `\\b(?:sejak|semenjak)\\s+(?:(\\d|${DAY_COUNT_WORDS.join('|')})\\s+)?hari\\s+(?:yang\\s+)?lalu\\b`,
  'i',
);
/** "Sore harinya layanan kembali normal", "pulih pada hari yang sama": the start day. */
const SAME_DAY_RE =
  /\b(?:(?:pagi|siang|sore|petang|malam)\s+harinya|(?:pada\s+)?hari\s+yang\s+sama|the\s+same\s+day|later\s+that\s+day)\b/i;
/** "keesokan harinya": the day after. */
const NEXT_DAY_RE =
  /\b(?:keesokan(?:nya|\s+hari(?:nya)?)?|esok(?:nya|\s+hari(?:nya)?)|besoknya|hari\s+berikutnya|the\s+next\s+day|the\s+following\s+day)\b/i;
/** A speech or confirmation verb between a date and a recovery phrase makes the date the statement's. */
const STATEMENT_VERB_RE =
  /\b(?:mengonfirmasi|mengkonfirmasi|mengatakan|menyatakan|menjelaskan|menyampaikan|kata|ujar)\b/i;
/** "hingga 9 Juni 2021 masih belum…": the range end is not a recovery. */
const STILL_RE = /^\s*(?:[^.]{0,15}?)\b(?:masih|belum)\b/i;

export function extractOutageWindow(ctx: ExtractContext, published: string | null): Extracted<OutageWindow> {
  const years = [...yearsIn(`${ctx.title}\n${ctx.text}`)];
  const uy = urlYear(ctx.article.url);
  if (uy) years.push(uy);
  // only sentences with a digit that are about the outage, its recovery, or a "sejak" can hold its days; chrono
  // reads just those, joined into one text so its per-call work is paid once
  // (without digits: a day word relative to the publication date, after "sejak" or before a recovery); a sentence is
  // tested for outage words once
  const outageCache = new Map<Sentence, boolean>();
  const isOutage = (s: Sentence) => {
    let v = outageCache.get(s);
    if (v === undefined) {
      v = OUTAGE_RE.test(s.text);
      outageCache.set(s, v);
    }
    return v;
  };
  // "Petir menyambar … pada Selasa, 26 November 2024 sore. Sambaran itu merusak … sehingga LPSE tidak bisa diakses":
  // the event's date, and the outage in the next sentence of the paragraph, which refers back to it
  const causedNext = new Set<Sentence>();
  for (const [i, s] of ctx.sentences.entries()) {
    const next = ctx.sentences[i + 1];
    if (next && next.para === s.para && BACK_REFERENCE_RE.test(next.text) && isOutage(next)) causedNext.add(s);
  }
  const chosen = ctx.sentences.filter(
    (s) =>
      (DIGIT_RE.test(s.text) ||
        (published !== null &&
          RELATIVE_DAY_WORD_RE.test(s.text) &&
          (SINCE_RELATIVE_RE.test(s.text) || RECOVERY_RE.test(s.text)))) &&
      (isOutage(s) || causedNext.has(s) || RECOVERY_RE.test(s.text) || SEJAK_RE.test(s.text)),
  );
  let joined = '';
  const offsets: { at: number; s: Sentence }[] = [];
  for (const s of chosen) {
    offsets.push({ at: joined.length, s });
    joined += `${s.text}\n\n`;
  }
  const dates = parseDates(joined, { published, years }).flatMap((d) => {
    let k = offsets.length - 1;
    while (k > 0 && offsets[k]!.at > d.index) k--;
    const o = offsets[k];
    return o ? [{ ...d, index: d.index - o.at + o.s.start }] : [];
  });
  // English reports: a cheap test before the English pattern runs
  // ("10 September 2017" is also Indonesian: a span chrono already read is not read twice)
  if (ENGLISH_CHEAP_RE.test(joined)) {
    const read = [...dates];
    for (const e of englishDates(chosen, published))
      if (!read.some((d) => d.index < e.index + e.text.length && e.index < d.index + d.text.length)) dates.push(e);
  }
  const starts: { iso: string; s: Sentence }[] = [];
  const ends: { iso: string; s: Sentence }[] = [];
  let lastStart = null as { iso: string; s: Sentence; at: number } | null;
  for (const d of dates) {
    const s = sentenceAt(ctx.sentences, d.index);
    if (!s) continue;
    const start = isoDay(d.start);
    if (!start) continue;
    const before = ctx.text.slice(Math.max(s.start, d.index - 40), d.index);
    const after = ctx.text.slice(d.index + d.text.length, s.end);
    // a relative day counts only as a start right after "sejak" ("ditutup sejak kemarin"), resolved against the
    // publication date by chrono
    if (d.relative) {
      if (
        published &&
        isOutage(s) &&
        (SINCE_BEFORE_RE.test(before) || (d.end && FROM_BEFORE_RE.test(before)) || RELATIVE_THEN_HOURS_RE.test(after))
      ) {
        starts.push({ iso: start, s });
        // "sejak pagi hingga sore kemarin": the range names its own day
        const end = isoDay(d.end);
        if (end) ends.push({ iso: end, s });
        else if (SAME_DAY_RANGE_RE.test(after)) ends.push({ iso: start, s });
        continue;
      }
      // "layanan baru kembali normal kemarin sore": a recovery right before a relative day
      const head = ctx.text.slice(s.start, d.index);
      // only a day counted from the publication ("kemarin", "tadi pagi"): "tiga hari kemudian" counts from the start,
      // which recoveryWithoutDate reads
      const adjacent = published && RELATIVE_DAY_WORD_RE.test(d.text) ? RECOVERY_ADJACENT_RE.exec(head) : null;
      if (adjacent && !NEGATED_RE.test(head.slice(0, adjacent.index)) && !expectedBefore(head, adjacent.index))
        ends.push({ iso: start, s });
      continue;
    }
    // "sejak Selasa (14/2/2023) pukul 10.00 WIT hingga Kamis (16/2/2023) sore": a time inside the range splits it
    // in two; the second date ends the range begun in the same sentence
    if (RANGE_END_LINK_RE.test(before) && starts.some((o) => o.s === s) && !STILL_RE.test(after)) {
      const end = isoDay(d.end) ?? start;
      ends.push({ iso: end, s });
      continue;
    }
    // "sejak Senin hingga Rabu (10/7)": the start is the last such weekday up to the dated end
    const bareStart = RANGE_END_LINK_RE.test(before) ? BARE_START_BEFORE_RE.exec(before) : null;
    const bareN = weekdayNumber(bareStart?.[1]);
    if (bareN !== undefined && isOutage(s) && !STILL_RE.test(after) && isWeekdayName(bareStart?.[1])) {
      const endDay = new Date(`${start}T12:00:00Z`).getUTCDay();
      starts.push({ iso: addDays(start, -weekdayDelta(bareN, endDay)), s });
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    // "pada Senin (8/7) dan Selasa (9/7)": the next day joined to a start
    if (
      lastStart?.s === s &&
      start === addDays(lastStart.iso, 1) &&
      AND_NEXT_DAY_RE.test(ctx.text.slice(lastStart.at, d.index))
    ) {
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    // a "sejak" date in a paragraph about the outage
    const aboutOutage =
      isOutage(s) ||
      causedNext.has(s) ||
      (/\bsejak\b/i.test(before) && ctx.sentences.some((o) => o.para === s.para && isOutage(o)));
    const recovery = RECOVERY_RE.exec(after);
    // "LPSE diretas pada 3 Maret 2023 dan baru pulih sepekan kemudian": the date is the outage's, the recovery a
    // later event joined by a conjunction
    const outageFirst =
      OUTAGE_RE.test(ctx.text.slice(s.start, d.index)) &&
      START_LINK_RE.test(before + d.text.replace(/[\d(].*$/s, '')) &&
      recovery !== null &&
      LATER_EVENT_RE.test(after.slice(0, recovery.index));
    if (
      recovery &&
      !outageFirst &&
      !STATEMENT_VERB_RE.test(after.slice(0, recovery.index)) &&
      !NEGATED_RE.test(after.slice(0, recovery.index)) &&
      !expectedBefore(after, recovery.index)
    ) {
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    // "sudah memulihkan laman tersebut pada Rabu (2/10/2019) pagi": the recovery, then its day
    const head = ctx.text.slice(s.start, d.index);
    const before2 = RECOVERY_BEFORE_RE.exec(head);
    if (
      before2 &&
      /\bpada\s*(?:hari\s+|tanggal\s+)?$/i.test(head) &&
      !STATEMENT_VERB_RE.test(head.slice(before2.index)) &&
      !NEGATED_RE.test(head.slice(0, before2.index)) &&
      !expectedBefore(head, before2.index)
    ) {
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    // chrono may take the link word into the date ("pada tanggal 15 Mei")
    const lead = d.text.replace(/[\d(].*$/s, '');
    // "kembali normal pada Senin, 9 Mei 2024": the recovery right before its date
    const adjacent = RECOVERY_ADJACENT_RE.exec(head + lead) ?? RECOVERY_ADJACENT_RE.exec(head);
    if (adjacent && !NEGATED_RE.test(head.slice(0, adjacent.index)) && !expectedBefore(head, adjacent.index)) {
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    const linked =
      START_LINK_RE.test(before) ||
      (lead && START_LINK_RE.test(before + lead)) ||
      EN_START_LINK_RE.test(before) ||
      // "Senin (8/7/2024), server LPSE down seharian": the date opens the sentence, no one speaking
      (/^\s*["“]?\s*$/.test(head) && OPENING_DATE_AFTER_RE.test(after) && !SAID_RE.test(s.text));
    if (!aboutOutage || !linked) continue;
    starts.push({ iso: start, s });
    lastStart = { iso: start, s, at: d.index + d.text.length };
    if (!d.end && SAME_DAY_RANGE_RE.test(after)) ends.push({ iso: start, s });
    else if (!d.end) {
      // "sejak Senin (8/7) pagi hingga Selasa sore": the first such weekday from the start (chrono may have read the
      // range, its end without a date)
      const tail = (d.openEnd ?? '') + after;
      const bareEnd = BARE_END_AFTER_RE.exec(tail);
      const n = weekdayNumber(bareEnd?.[1]);
      const rest = bareEnd ? tail.slice(bareEnd[0].length) : '';
      if (bareEnd && n !== undefined && isWeekdayName(bareEnd[1]) && !STILL_RE.test(rest)) {
        const end = addDays(start, weekdayDelta(new Date(`${start}T12:00:00Z`).getUTCDay(), n));
        if (end > start && (!published || end <= published) && !FUTURE_WEEKDAY_RE.test(rest))
          ends.push({ iso: end, s });
      }
    }
    if (d.end) {
      const end = isoDay(d.end);
      if (end && !STILL_RE.test(after)) ends.push({ iso: end, s });
    }
  }
  if (published && !starts.length) {
    const relative = relativeWindow(ctx.sentences, published, isOutage);
    starts.push(...relative.starts);
    ends.push(...relative.ends);
  }
  starts.sort((a, b) => a.iso.localeCompare(b.iso));
  const start = starts[0] ?? null;
  const endCands = ends.filter((e) => !start || e.iso >= start.iso).sort((a, b) => b.iso.localeCompare(a.iso));
  // a recovery day counted from a bare weekday cannot come after the publication day ("restored late Tuesday" is
  // not next week's Tuesday); a written date may (a document dated before the events it records)
  const inferred = start ? recoveryWithoutDate(ctx.sentences, start.iso) : null;
  const end =
    endCands[0] ??
    (start
      ? ((inferred && (!published || inferred.iso <= published) ? inferred : null) ??
        durationEnd(start) ??
        sameDayHours(ctx.sentences, start, new Set(starts.map((x) => x.iso)).size))
      : null);
  const evidence = [...new Set([start?.s.text, end?.s.text].filter((t): t is string => Boolean(t)))].map((text) => ({
    text,
  }));
  return {
    value: { start: start?.iso ?? null, end: end?.iso ?? null },
    evidence,
    confidence: start ? 0.7 : 0.2,
  };
}

/** Days from one weekday to the next such weekday (0 for the same day). */
const weekdayDelta = (from: number, to: number) => (to - from + 7) % 7;

const WEEKDAY_NUMBER: Record<string, number> = { ...WEEKDAY_DICTIONARY, ...ENGLISH_WEEKDAY_NUMBER };

/**
 * With a dated start and no dated end: a recovery followed by a bare weekday is the first such weekday from the
 * start; a recovery followed by a time is the start day (or the next day with "keesokan harinya").
 */
function recoveryWithoutDate(sentences: Sentence[], startIso: string): { iso: string; s: Sentence } | null {
  const startDay = new Date(`${startIso}T12:00:00Z`);
  for (const [i, s] of sentences.entries()) {
    const rec = RECOVERY_RE.exec(s.text);
    if (!rec || NEGATED_RE.test(s.text.slice(0, rec.index)) || expectedBefore(s.text, rec.index)) continue;
    // "Jaringan sudah dipulihkan Senin sore. Namun server masih menunggu suku cadang": a part recovered, not the
    // service
    const next = sentences[i + 1];
    if (next && next.para === s.para && STILL_DOWN_NEXT_RE.test(next.text)) continue;
    const tail = s.text.slice(rec.index + rec[0].length);
    const wd = RECOVERY_WEEKDAY_RE.exec(tail);
    if (wd && FUTURE_WEEKDAY_RE.test(tail.slice(wd[0].length))) continue;
    const head = s.text.slice(Math.max(0, rec.index - 40), rec.index);
    const wdBefore = DIGIT_RE.test(head) ? null : WEEKDAY_BEFORE_RECOVERY_RE.exec(head);
    const later = DAYS_LATER_RE.exec(tail);
    const wdLater = RECOVERY_WEEKDAY_LATER_RE.exec(tail);
    let delta: number | null = null;
    if (later) {
      const word = (later[1] ?? later[2] ?? '').toLowerCase();
      delta = DAY_COUNTS[word] ?? Number(word);
    } else if (wd?.[1] || wdBefore?.[1]) {
      const name = (wd?.[1] ?? wdBefore?.[1] ?? '').toLowerCase().replace(/[’']/g, "'");
      const n = WEEKDAY_NUMBER[name];
      if (n !== undefined) delta = weekdayDelta(startDay.getUTCDay(), n);
    } else if (RECOVERY_TIME_RE.test(tail)) {
      delta = NEXT_DAY_RE.test(tail.slice(0, 60)) ? 1 : 0;
    } else if (wdLater?.[1] && !LATER_EVENT_RE.test(tail.slice(0, wdLater[0].length))) {
      const n = WEEKDAY_NUMBER[wdLater[1].toLowerCase().replace(/[’']/g, "'")];
      if (n !== undefined) delta = weekdayDelta(startDay.getUTCDay(), n);
    } else if (!DIGIT_RE.test(s.text) && NEXT_DAY_RE.test(s.text)) {
      delta = 1;
    } else if (!DIGIT_RE.test(s.text) && SAME_DAY_RE.test(s.text)) {
      delta = 0;
    }
    if (delta === null) continue;
    const day = new Date(startDay.getTime() + delta * 86_400_000);
    return { iso: day.toISOString().slice(0, 10), s };
  }
  return null;
}

/** "lumpuh selama tiga hari sejak hari itu": a duration in days from the start. */
const DURATION_RE = new RegExp(
  `\\bselama\\s+(?:(\\d{1,2}|${DAY_COUNT_WORDS.join('|')})\\s+hari|(${DAY_SPAN_WORDS.join('|')}))\\b(?!\\s+(?:terakhir|belakangan|ini))`,
  'i',
);
/** Words saying the outage goes on: "selama tiga hari dan masih belum pulih", "hingga kini". */
const ONGOING_RE =
  /\b(?:masih|belum|hingga\s+(?:kini|saat\s+ini|sekarang|berita)|sampai\s+(?:kini|saat\s+ini|sekarang)|still)\b/i;

/** The start's sentence gives the outage a length: "…mati dan layanan lumpuh selama tiga hari sejak hari itu". */
function durationEnd(start: { iso: string; s: Sentence }): { iso: string; s: Sentence } | null {
  const m = DURATION_RE.exec(start.s.text);
  if (!m || ONGOING_RE.test(start.s.text)) return null;
  const word = (m[1] ?? m[2] ?? '').toLowerCase();
  const days = DAY_COUNTS[word] ?? Number(word);
  if (!(days >= 1 && days <= 31)) return null;
  // the first day counts: three days from 3 March end on 5 March
  return { iso: addDays(start.iso, days - 1), s: start.s };
}

/** Hours within one day, no date: "gagal mengunggah antara pukul 10.00 hingga 15.00 WITA". */
const HOURS_RANGE_RE =
  /\b(?:antara|sejak|mulai|dari)\s+(?:sekitar\s+)?(?:pukul|jam)\s+\d{1,2}(?:[.:]\d{2})?[^.\d]{0,12}?\b(?:hingga|sampai(?:\s+dengan)?|s\.d\.?|s\/d|dan)\s+(?:sekitar\s+)?(?:(?:pukul|jam)\s+)?\d{1,2}[.:]\d{2}/i;
/** Anything in the hours' sentence that could name another day. */
const OTHER_DAY_RE = new RegExp(
  `\\b(?:${WEEKDAY_PATTERN}|besok|keesokan|esok|kemarin|malam\\s+hari|tanggal)\\b|\\d{1,2}\\s*/\\s*\\d{1,2}`,
  'i',
);

/**
 * An outage of one dated day whose hours are given in its own or the next paragraph, with no other day in sight:
 * it ended the day it began.
 */
function sameDayHours(
  sentences: Sentence[],
  start: { iso: string; s: Sentence },
  startDays: number,
): { iso: string; s: Sentence } | null {
  if (startDays !== 1) return null;
  const nextPara = sentences.find((s) => s.para > start.s.para)?.para ?? start.s.para;
  for (const s of sentences) {
    if (s.para < start.s.para || s.para > nextPara) continue;
    if (!HOURS_RANGE_RE.test(s.text) || !OUTAGE_RE.test(s.text) || ONGOING_RE.test(s.text)) continue;
    if (s !== start.s && OTHER_DAY_RE.test(s.text)) continue;
    return { iso: start.iso, s };
  }
  return null;
}

const addDays = (iso: string, n: number) =>
  new Date(new Date(`${iso}T12:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

type Dated = { iso: string; s: Sentence };
/** A weekday, not a week: "Minggu" the weekday is written with a capital, "minggu" is a week ("sejak minggu lalu"). */
const isWeekdayName = (name: string | undefined) => name?.toLowerCase() !== 'minggu' || name?.[0] === 'M';
const weekdayNumber = (name: string | undefined) =>
  name ? WEEKDAY_NUMBER[name.toLowerCase().replace(/’/g, "'")] : undefined;

/**
 * A bare weekday told as past, not as a plan ("akan ditutup pada Sabtu", "Senin depan") nor as a week ("minggu lalu"
 * is last week: the weekday Minggu is written with a capital). Without "sejak" (`strict`): no "lalu", "kemarin"
 * only on the day before the publication, and no statement verb between the outage and the weekday.
 */
function pastWeekday(re: RegExp, text: string, pubDay: number, strict: boolean): RegExpExecArray | null {
  const m = re.exec(text);
  if (!m?.[1] || !isWeekdayName(m[1])) return null;
  const at = m.index + m[0].length;
  if (expectedBefore(text, m.index) || FUTURE_WEEKDAY_RE.test(text.slice(at))) return null;
  if (!strict) return m;
  if (/\blalu\b/i.test(m[0])) return null;
  const last = weekdayNumber(m[2] ?? m[1]);
  if (/\bkemarin\b/i.test(m[0]) && (last === undefined || weekdayDelta(last, pubDay) !== 1)) return null;
  const head = text.slice(0, m.index);
  const said = SAID_RE.exec(head);
  if (said && !OUTAGE_RE.test(head.slice(said.index))) return null;
  return m;
}

/**
 * Starts (and range ends) relative to the publication date in outage sentences: "sejak Senin lalu", "sejak dua hari
 * lalu", "sejak Kamis pagi hingga Jumat sore kemarin". An end after the publication day is no end.
 */
function relativeWindow(
  sentences: Sentence[],
  published: string,
  isOutage: (s: Sentence) => boolean,
): { starts: Dated[]; ends: Dated[] } {
  const starts: Dated[] = [];
  const ends: Dated[] = [];
  const pubDay = new Date(`${published}T12:00:00Z`).getUTCDay();
  for (const s of sentences) {
    // cheap tests first: a "sejak" or a weekday name, then the outage words
    const since = SEJAK_RE.test(s.text) || /\bsince\b/i.test(s.text);
    const weekday = ANY_WEEKDAY_RE.test(s.text);
    if ((!since && !weekday) || !isOutage(s)) continue;
    const wd = !weekday
      ? null
      : ((since ? pastWeekday(SINCE_WEEKDAY_RE, s.text, pubDay, false) : null) ??
        pastWeekday(ON_WEEKDAY_RE, s.text, pubDay, true) ??
        pastWeekday(YESTERDAY_WEEKDAY_RE, s.text, pubDay, true));
    const n = weekdayNumber(wd?.[1]);
    if (n !== undefined) {
      const iso = addDays(published, -weekdayDelta(n, pubDay));
      starts.push({ iso, s });
      const n2 = weekdayNumber(wd?.[2]);
      const end = n2 === undefined ? null : addDays(iso, weekdayDelta(n, n2));
      if (end && end <= published) ends.push({ iso: end, s });
      continue;
    }
    const ago = since ? SINCE_DAYS_AGO_RE.exec(s.text) : null;
    if (ago) {
      const k = ago[1] ? (DAY_COUNTS[ago[1].toLowerCase()] ?? Number(ago[1])) : 1;
      if (k >= 1 && k <= 7) starts.push({ iso: addDays(published, -k), s });
    }
  }
  return { starts, ends };
}
