/**
 * The outage window decider: which annotated dates are the outage's first and last day. It reads annotations only
 * (`annotate/`): sentences and date mentions with their roles. A date belongs to the outage when the story ties it
 * there: a start link ("sejak", "mulai", "terjadi pada", "pada") or a range's end, in a sentence that carries the
 * outage story: an outage word in it, in the sentence before or after it, or a continuation ("Akibatnya, …",
 * "Hal itu …") of an outage sentence. An end is the end of such a range, or a day next to a recovery ("kembali
 * normal", "sudah bisa diakses kembali"). Statement days, deadlines and date lines are never the outage's. A date
 * whose year the text does not fix, or whose weekday contradicts it, is null: never a guess.
 */
import type { Extracted, Span } from '../../types/index.ts';
import { SPEECH_RE } from '../annotate/date-roles.ts';
import { annotate } from '../annotate/index.ts';
import type { Annotations, SentenceAnnotation } from '../annotate/types.ts';
import type { ExtractContext } from '../context.ts';
import { addDays, weekdayOf } from '../days.ts';
import {
  DAY_COUNT_PATTERN,
  DAY_PART_PATTERN,
  DAY_SPAN_WORDS,
  dayCount,
  FREQUENCY_RE,
  FUTURE_WEEKDAY_RE,
  HOURS_SPAN_RE,
  RELATIVE_DAY_WORD_RE,
  SAME_DAY_PARTS,
  WEEKDAY_DICTIONARY,
  WEEKDAY_PATTERN,
} from '../lexicon/calendar.ts';
import { ALLEGED_RE } from '../lexicon/hedge.ts';
import {
  ALTERED_BID_RE,
  OUTAGE_RE as INCIDENT_OUTAGE_RE,
  LOST_DATA_RE,
  SITE_UNOPENED_RE,
  TAKEOVER_RE,
} from '../lexicon/outage.ts';
import {
  expectedBefore,
  ONGOING_RE,
  RECOVERY_NEGATED_RE,
  RECOVERY_RE,
  STILL_AFTER_RE,
  STILL_DOWN_NEXT_RE,
  STILL_ONGOING_SENTENCE_RE,
  WORKING_RE,
} from '../lexicon/recovery.ts';
import {
  CONTINUATION_RE,
  FROM_BEFORE_RE,
  RANGE_CONNECTOR,
  SINCE_BEFORE_RE,
  SINCE_RE,
  START_LINK_RE,
} from '../lexicon/temporal-links.ts';
import { OUTAGE_RE } from '../outage.ts';
import { LATIN_LETTER } from '../text-helpers.ts';
import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS } from '../vocab.ts';

export interface OutageWindow {
  start: string | null;
  end: string | null;
}

type S = SentenceAnnotation;
type Dated = { iso: string; s: S };

const DIGIT_RE = /\d/;
const EN_WEEKDAY = ENGLISH_WEEKDAYS.join('|');
const EN_MONTH = ENGLISH_MONTHS.join('|');
const WEEKDAY_NUMBER: Record<string, number> = {
  ...WEEKDAY_DICTIONARY,
  ...Object.fromEntries(ENGLISH_WEEKDAYS.map((w, i) => [w, i])),
};
const DAY_PARTS_EN = 'morning|afternoon|evening|night';

/** A conjunction between a date and a recovery that makes the recovery a later event. */
const LATER_EVENT_RE = /\b(?:dan|lalu|kemudian|namun|tetapi|tapi|sebelum|and|before)\b/i;
/**
 * A range of times after the start's date, no second date: "pada Jumat (14/6), mulai pukul 09.30 hingga pukul
 * 16.00 WITA", "sejak pukul 11.00 hingga menjelang sore". The outage ended the day it began.
 */
const SAME_DAY_RANGE_RE = new RegExp(
  `^[^.]{0,40}?\\b(?:sejak|mulai|dari)\\s+(?:sekitar\\s+)?(?:pukul|jam)\\s+\\d{1,2}(?:[.:]\\d{2})?[^.\\d]{0,12}?\\b(?:hingga|sampai(?:\\s+dengan)?|s\\.d\\.?|s/d)\\s+(?:sekitar\\s+|menjelang\\s+)?(?:(?:pukul|jam)\\s+\\d|${SAME_DAY_PARTS.join('|')})`,
  'i',
);
/** "kemarin, sejak pukul 11.00": a relative day followed by its hours. */
const RELATIVE_THEN_HOURS_RE = /^\s*,?\s*(?:sejak|mulai)\s+(?:sekitar\s+)?(?:pukul|jam)\s+\d/i;
/** A recovery with only a weekday ("kembali normal Sabtu dini hari", "restored early on Wednesday"). */
const RECOVERY_WEEKDAY_RE = new RegExp(
  `^\\s*(?:(?:kembali|lagi|pada|on|early|late|sekitar)\\s+)*(?:hari\\s+)?(${WEEKDAY_PATTERN}|${EN_WEEKDAY})\\b(?!\\s*,?\\s*\\(?\\d)`,
  'i',
);
const RECOVERY_TIME_RE = /^\s*(?:(?:pada|sekitar|at|around)\s+)*(?:pukul|jam)\s+\d{1,2}[.:]\d{2}/i;
/** A weekday later in the recovery's clause: "memulihkan koneksi lewat jalur cadangan pada Rabu malam". */
const RECOVERY_WEEKDAY_LATER_RE = new RegExp(
  `^[^,.;]{0,60}?\\b(?:pada|on)\\s+(?:hari\\s+)?(${WEEKDAY_PATTERN}|${EN_WEEKDAY})\\b(?!\\s*,?\\s*\\(?\\d)`,
  'i',
);
/** "baru pulih tiga hari kemudian", "sepekan kemudian": days after the start. */
const DAYS_LATER_RE = new RegExp(
  `^\\s*(?:\\S+\\s+){0,2}?(?:(${DAY_COUNT_PATTERN})\\s+hari|(${DAY_SPAN_WORDS.join('|')}))\\s+(?:kemudian|setelahnya|berikutnya)\\b`,
  'i',
);
/** Days after the start before the recovery: "Sehari kemudian situs kembali normal", "Tiga hari kemudian, …". */
const DAYS_LATER_ANYWHERE_RE = new RegExp(
  `\\b(?:(${DAY_COUNT_PATTERN})\\s+hari|(${DAY_SPAN_WORDS.join('|')})|(sehari))\\s+(?:kemudian|setelahnya|berikutnya)\\b`,
  'i',
);
/** A weekday right before the recovery: "Sabtu pagi sudah bisa diakses lagi". */
const WEEKDAY_BEFORE_RECOVERY_RE = new RegExp(
  `\\b(${WEEKDAY_PATTERN})(?:\\s+(?:${DAY_PART_PATTERN}))?\\s*,?\\s*(?:[${LATIN_LETTER}]+\\s+){0,3}$`,
  'i',
);
/** "Sore harinya layanan kembali normal", "pulih pada hari yang sama": the start day. */
const SAME_DAY_RE =
  /\b(?:(?:pagi|siang|sore|petang|malam)\s+harinya|(?:pada\s+)?hari\s+yang\s+sama|the\s+same\s+day|later\s+that\s+day)\b/i;
/** "keesokan harinya": the day after. */
const NEXT_DAY_RE =
  /\b(?:keesokan(?:nya|\s+hari(?:nya)?)?|esok(?:nya|\s+hari(?:nya)?)|besoknya|hari\s+berikutnya|the\s+next\s+day|the\s+following\s+day)\b/i;

/** A day word right after a recovery: "pulih keesokan harinya", "kembali normal pada hari yang sama". */
const RIGHT_AFTER_RE = new RegExp(
  `^\\s*,?\\s*(?:(?:baru|pada|sekitar)\\s+)*(?:${NEXT_DAY_RE.source}|${SAME_DAY_RE.source})`,
  'i',
);

/**
 * Starts written relative to the publication date without digits: "sejak Senin lalu" (the last Monday up to the
 * publication day), "sejak dua hari lalu" (two days before it). A second bare weekday after "hingga" ends the range.
 */
const BARE_WEEKDAY = `(?:hari\\s+)?(${WEEKDAY_PATTERN}|${EN_WEEKDAY})(?:\\s+(?:${DAY_PART_PATTERN}|${DAY_PARTS_EN}))?(?:\\s+(?:lalu|kemarin))?`;
/** No date follows the weekday ("Senin (8/7)", "Sunday, January 11" are read as dates), nor "pekan". */
const NOT_DATED = `\\b(?!\\s*,?\\s*\\(?\\d|\\s+(?:pekan|minggu)\\b|,?\\s+(?:${EN_MONTH})\\b)`;
const WEEKDAY_RANGE_END = `(?:\\s+${RANGE_CONNECTOR}\\s+(?:(?:late|early)\\s+)?${BARE_WEEKDAY})?`;
const SINCE_WEEKDAY_RE = new RegExp(
  `\\b(?:sejak|semenjak|since)\\s+${BARE_WEEKDAY}${WEEKDAY_RANGE_END}${NOT_DATED}`,
  'i',
);
/** A bare weekday as the outage's day: "tidak bisa diakses pada Senin", "went offline on Sunday morning". */
const ON_WEEKDAY_RE = new RegExp(
  `\\b(?:pada|on|sepanjang|(?:for\\s+)?(?:most|all|much)\\s+of)\\s+${BARE_WEEKDAY}${WEEKDAY_RANGE_END}${NOT_DATED}`,
  'i',
);
/** A bare weekday opening the outage sentence: "Senin malam, situs LPSE … tidak bisa diakses". */
const OPENING_WEEKDAY_RE = new RegExp(`^\\W*(?:pada\\s+)?${BARE_WEEKDAY}${NOT_DATED}\\s*,?\\s+(?=[A-Za-z])`, 'i');
const YESTERDAY_WEEKDAY_RE = new RegExp(
  `\\b(${WEEKDAY_PATTERN})(?:\\s+(?:${DAY_PART_PATTERN}))?\\s+kemarin${WEEKDAY_RANGE_END}${NOT_DATED}`,
  'i',
);
const ANY_WEEKDAY_RE = new RegExp(`\\b(?:${WEEKDAY_PATTERN}|${EN_WEEKDAY})\\b`, 'i');
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
const SINCE_DAYS_AGO_RE = new RegExp(
  `\\b(?:sejak|semenjak)\\s+(?:(${DAY_COUNT_PATTERN})\\s+)?hari\\s+(?:yang\\s+)?lalu\\b`,
  'i',
);
/** "dalam tiga hari terakhir", "selama 2 hari terakhir": the last N days up to the publication day. */
const LAST_DAYS_RE = new RegExp(
  `\\b(?:dalam|selama|sejak)\\s+(?:(${DAY_COUNT_PATTERN})\\s+hari|(${DAY_SPAN_WORDS.join('|')}))\\s+(?:terakhir|belakangan(?:\\s+ini)?)\\b`,
  'i',
);
/** "lumpuh selama tiga hari sejak hari itu": a duration in days from the start. */
const DURATION_RE = new RegExp(
  `\\bselama\\s+(?:(${DAY_COUNT_PATTERN})\\s+hari|(${DAY_SPAN_WORDS.join('|')}))\\b(?!\\s+(?:terakhir|belakangan|ini))`,
  'i',
);
/** Hours within one day, no date: "gagal mengunggah antara pukul 10.00 hingga 15.00 WITA". */
const HOURS_RANGE_RE =
  /\b(?:antara|sejak|mulai|dari)\s+(?:sekitar\s+)?(?:pukul|jam)\s+\d{1,2}(?:[.:]\d{2})?[^.\d]{0,12}?\b(?:hingga|sampai(?:\s+dengan)?|s\.d\.?|s\/d|dan)\s+(?:sekitar\s+)?(?:(?:pukul|jam)\s+)?\d{1,2}[.:]\d{2}/i;
/** Anything in the hours' sentence that could name another day. */
const OTHER_DAY_RE = new RegExp(
  `\\b(?:${WEEKDAY_PATTERN}|besok|keesokan|esok|kemarin|malam\\s+hari|tanggal)\\b|\\d{1,2}\\s*/\\s*\\d{1,2}`,
  'i',
);
/**
 * Users unable to do their work, the outage told through them: "panitia tidak dapat membuka dokumen penawaran",
 * "peserta gagal mengunggah". Ties a "sejak" date in a continuation of the story.
 */
const UNABLE_RE =
  /\b(?:(?:tidak|tak|belum|ora)\s+(?:bisa|dapat|mampu|iso|isa)\s+(?:di|me|ber|meng|mem|men|meny)[a-z]{2,}|gagal\s+(?:di|me|ber|meng|mem|men|meny)[a-z]{2,})/i;

/**
 * The outage told as the topic of another event (a meeting, a report, a reply), or in a quotation: a day closing such
 * a sentence is that event's. "Komisi I menggelar rapat terkait serangan yang melumpuhkan PDN, Kamis (27/6/2024)".
 */
const TOPIC_OF_OTHER_RE =
  /\b(?:terkait|tentang|mengenai|soal|perihal|membahas|menanggapi|menyikapi|rapat|sidang|audiensi|pertemuan|konferensi|diskusi|seminar|kunjungan|dialog|laporan|melaporkan|dilaporkan|mengadukan|aduan|pengaduan|ketika|saat|sebelum|setelah|usai|seusai)\b|["“”]/i;

/** A repair still under way: "sedang diperbaiki", "masih dalam perbaikan". */
const UNDER_REPAIR_RE = /\b(?:(?:sedang|masih)\s+(?:dalam\s+)?(?:diperbaiki|perbaikan)|dalam\s+perbaikan)\b/i;

/** The outage still going on ("masih down", "belum juga pulih", "still offline"). */
const STILL_RE = /\b(?:masih|still)\b/i;

/** Days from one weekday to the next such weekday (0 for the same day). */
const weekdayDelta = (from: number, to: number) => (to - from + 7) % 7;
/** A weekday, not a week: "Minggu" the weekday is written with a capital, "minggu" is a week ("sejak minggu lalu"). */
const isWeekdayName = (name: string | undefined) => name?.toLowerCase() !== 'minggu' || name?.[0] === 'M';
const weekdayNumber = (name: string | undefined) =>
  name ? WEEKDAY_NUMBER[name.toLowerCase().replace(/’/g, "'")] : undefined;

/** The outage story, sentence by sentence: which sentences carry it and which dates it ties. */
class Story {
  /** Each sentence tested once, when first asked about (most sentences never are). */
  private readonly outage: (boolean | undefined)[] = [];
  constructor(private readonly sentences: readonly S[]) {}

  /** The sentence itself tells the outage (an outage word of the list). */
  isOutage(s: S): boolean {
    let v = this.outage[s.index];
    if (v === undefined) {
      const t = s.analysed;
      v =
        OUTAGE_RE.test(t) ||
        INCIDENT_OUTAGE_RE.test(t) ||
        SITE_UNOPENED_RE.test(t) ||
        ((LOST_DATA_RE.test(t) || TAKEOVER_RE.test(t) || ALTERED_BID_RE.test(t)) && !ALLEGED_RE.test(t));
      this.outage[s.index] = v;
    }
    return v;
  }

  /** A neighbour in the same or the next paragraph tells the outage. */
  private near(s: S, delta: -1 | 1): boolean {
    const o = this.sentences[s.index + delta];
    return o !== undefined && Math.abs(o.para - s.para) <= 1 && this.isOutage(o);
  }

  /**
   * The story ties a date of this sentence to the outage: the sentence tells it, continues an outage sentence
   * ("Akibatnya, sejak 2 Juli panitia tidak dapat membuka dokumen penawaran"), is continued by one ("Petir menyambar
   * pada Selasa … Sambaran itu merusak … sehingga LPSE tidak bisa diakses"), or has a "sejak" date right next to one. A
   * weak link ("pada") next to an outage sentence does not tie it: the day may be any event's.
   */
  ties(s: S, strong: boolean): boolean {
    if (this.isOutage(s)) return true;
    // "Server LPSE sedang dalam perbaikan sejak Senin (7/6)": a repair under way since a day ("sudah diperbaiki sejak
    // Senin" is the recovery's; "pada Senin server diperbaiki" the repair's day)
    if (strong && UNDER_REPAIR_RE.test(s.analysed)) return true;
    const next = this.sentences[s.index + 1];
    // (the next paragraph may open with it: "…sejak Kamis (29/2/2024) pagi hingga Jumat (1/3/2024) sore.\n\nGangguan
    // tersebut disebabkan …")
    if (next && next.para - s.para <= 1 && CONTINUATION_RE.test(next.analysed) && this.isOutage(next)) return true;
    // "Portal itu diserang peretas. Sejak 2 Juli panitia tidak dapat membuka dokumen penawaran", "Sejak Sabtu (23/3)
    // ada 26 paket yang dilelang. Namun … tidak bisa mengupload penawaran": a "sejak" date right before or after an
    // outage sentence, unless its own sentence says the system works ("Sejak Senin (5/8) pagi, server kita sudah
    // bagus": the repair's day)
    if (strong && (this.near(s, -1) || this.near(s, 1)) && !WORKING_RE.test(s.analysed)) return true;
    if (!CONTINUATION_RE.test(s.analysed)) return false;
    // "Pemutusan jaringan itu berlangsung sejak 8 Januari" after an outage sentence; "Akibatnya, sejak 2 Juli …"
    return this.near(s, -1) || (strong && UNABLE_RE.test(s.analysed));
  }
}

/** A date closing its sentence after a comma is the outage's: the sentence tells it, done, as its own event. */
function closingOutage(story: Story, s: S, head: string): boolean {
  // (an hour before the date is the outage's too: "terjadi sekitar pukul 10.00 WIB, Senin (7/6/2021)")
  const dateless = head.replace(HOUR_RE, '');
  return story.isOutage(s) && !ONGOING_RE.test(head) && !TOPIC_OF_OTHER_RE.test(head) && !DIGIT_RE.test(dateless);
}

/** An hour of the day: "pukul 10.00 WIB", "jam 9". */
const HOUR_RE = /\b(?:pukul|jam)\s+\d{1,2}(?:[.:]\d{2})?(?:\s*(?:WIB|WITA|WIT))?/gi;

/** Another act before the outage word in the clause after an inserted date: "meninjau", "dikunjungi". */
const OTHER_ACT_RE =
  /\b(?:me(?!ngalami\b)[a-z]{4,}|di(?!retas\b|serang\b|bobol\b|hack\b|akses\b)[a-z]{4,}(?:kan|i)?)\b/i;

/** A date set between commas is the outage's when the clause after it tells the outage before any other act. */
function insertedOutage(story: Story, s: S, head: string, after: string): boolean {
  if (!story.isOutage(s) || TOPIC_OF_OTHER_RE.test(head) || DIGIT_RE.test(head)) return false;
  const m = OUTAGE_RE.exec(after);
  return m !== null && m.index < 80 && !OTHER_ACT_RE.test(after.slice(0, m.index));
}

/**
 * A bare weekday told as past, not as a plan ("akan ditutup pada Sabtu", "Senin depan") nor as a week ("minggu lalu"
 * is last week). Without "sejak" (`strict`): no "lalu", "kemarin" only on the day before the publication, and no
 * statement verb between the outage and the weekday.
 */
function pastWeekday(re: RegExp, text: string, pubDay: number, strict: boolean): RegExpExecArray | null {
  const m = re.exec(text);
  if (!m?.[1] || !isWeekdayName(m[1])) return null;
  const at = m.index + m[0].length;
  if (expectedBefore(text, m.index) || FUTURE_WEEKDAY_RE.test(text.slice(at))) return null;
  if (!strict) return m;
  // "pada Selasa lalu" may be this week's or last week's Tuesday ("sejak Selasa lalu" is the last one)
  if (/\blalu\b/i.test(m[0])) return null;
  const last = weekdayNumber(m[2] ?? m[1]);
  if (/\bkemarin\b/i.test(m[0]) && (last === undefined || weekdayDelta(last, pubDay) !== 1)) return null;
  const head = text.slice(0, m.index);
  const said = SPEECH_RE.exec(head);
  if (said && !OUTAGE_RE.test(head.slice(said.index))) return null;
  return m;
}

/**
 * Starts (and range ends) relative to the publication date in outage sentences: "sejak Senin lalu", "sejak dua hari
 * lalu", "dalam tiga hari terakhir", "sejak Kamis pagi hingga Jumat sore kemarin". An end after the publication day
 * is no end.
 */
function relativeWindow(
  sentences: readonly S[],
  reference: string | null,
  story: Story,
): { starts: Dated[]; ends: Dated[] } {
  const starts: Dated[] = [];
  const ends: Dated[] = [];
  for (const s of sentences) {
    // the publication day, or else the day the sentence's paragraph was said
    const published = reference ?? s.reference;
    if (!published) continue;
    const pubDay = weekdayOf(published);
    const t = s.analysed;
    const since = SINCE_RE.test(t);
    const weekday = ANY_WEEKDAY_RE.test(t);
    const last = LAST_DAYS_RE.exec(t);
    if ((!since && !weekday && !last) || !story.ties(s, since)) continue;
    if (
      last &&
      !ONGOING_RE.test(t.slice(0, last.index)) &&
      !DIGIT_RE.test(t.replace(last[0], '')) &&
      !FREQUENCY_RE.test(t)
    ) {
      const k = last[1] ? dayCount(last[1]) : dayCount(last[2] ?? '');
      if (k >= 1 && k <= 7) {
        // the publication day counts: "dalam tiga hari terakhir" on a Wednesday began on the Monday
        starts.push({ iso: addDays(published, -(k - 1)), s });
        continue;
      }
    }
    const wd = !weekday
      ? null
      : ((since ? pastWeekday(SINCE_WEEKDAY_RE, t, pubDay, false) : null) ??
        pastWeekday(ON_WEEKDAY_RE, t, pubDay, true) ??
        pastWeekday(OPENING_WEEKDAY_RE, t, pubDay, true) ??
        pastWeekday(YESTERDAY_WEEKDAY_RE, t, pubDay, true));
    const n = weekdayNumber(wd?.[1]);
    if (n !== undefined && story.isOutage(s)) {
      // "sejak Senin lalu" written on a Monday: this day or a week back, unknown
      if (weekdayDelta(n, pubDay) === 0 && /\blalu\b/i.test(wd?.[0] ?? '')) continue;
      const iso = addDays(published, -weekdayDelta(n, pubDay));
      starts.push({ iso, s });
      const n2 = weekdayNumber(wd?.[2]);
      const end = n2 === undefined ? null : addDays(iso, weekdayDelta(n, n2));
      if (end && end <= published) ends.push({ iso: end, s });
      continue;
    }
    const ago = since ? SINCE_DAYS_AGO_RE.exec(t) : null;
    if (ago) {
      const k = ago[1] ? dayCount(ago[1]) : 1;
      if (k >= 1 && k <= 7) starts.push({ iso: addDays(published, -k), s });
    }
  }
  return { starts, ends };
}

/**
 * "LPSE down sejak Senin. … Layanan kembali normal Kamis (10/6/2021)": a "sejak" weekday with no date, and a dated
 * recovery: the start is that weekday in the six days before the end (the same weekday as the end is unknown).
 */
function weekdayBeforeEnd(sentences: readonly S[], ends: readonly Dated[], story: Story): Dated | null {
  const dated = [...new Set(ends.map((e) => e.iso))];
  if (dated.length !== 1 || !dated[0]) return null;
  const end = dated[0];
  for (const s of sentences) {
    const t = s.analysed;
    if (!SINCE_RE.test(t) || !story.isOutage(s)) continue;
    const m = SINCE_WEEKDAY_RE.exec(t);
    const n = weekdayNumber(m?.[1]);
    if (!m || n === undefined || !isWeekdayName(m[1]) || m[2] || /\b(?:lalu|kemarin)\b/i.test(m[0])) continue;
    const back = weekdayDelta(n, weekdayOf(end));
    if (back === 0) return null;
    return { iso: addDays(end, -back), s };
  }
  return null;
}

/**
 * With a dated start and no dated end: a recovery followed by a bare weekday ("sudah bisa diakses kembali Kamis")
 * is the first such weekday from the start; a recovery followed by a time is the start day (or the next day with
 * "keesokan harinya"); "tiga hari kemudian" counts from the start.
 */
function recoveryWithoutDate(sentences: readonly S[], startIso: string): Dated | null {
  const startDay = weekdayOf(startIso);
  for (const [i, s] of sentences.entries()) {
    const t = s.analysed;
    const rec = RECOVERY_RE.exec(t);
    if (!rec || RECOVERY_NEGATED_RE.test(t.slice(0, rec.index)) || expectedBefore(t, rec.index)) continue;
    // "Jaringan sudah dipulihkan Senin sore. Namun server masih menunggu suku cadang": a part recovered
    const next = sentences[i + 1];
    if (next && next.para === s.para && STILL_DOWN_NEXT_RE.test(next.analysed)) continue;
    const tail = t.slice(rec.index + rec[0].length);
    const wd = RECOVERY_WEEKDAY_RE.exec(tail);
    if (wd && FUTURE_WEEKDAY_RE.test(tail.slice(wd[0].length))) continue;
    const head = t.slice(Math.max(0, rec.index - 40), rec.index);
    const wdBefore = DIGIT_RE.test(head) ? null : WEEKDAY_BEFORE_RECOVERY_RE.exec(head);
    const later = DAYS_LATER_RE.exec(tail);
    const wdLater = RECOVERY_WEEKDAY_LATER_RE.exec(tail);
    let delta: number | null = null;
    if (later) {
      delta = dayCount(later[1] ?? later[2] ?? '');
    } else if (wd?.[1] || wdBefore?.[1]) {
      const n = weekdayNumber((wd?.[1] ?? wdBefore?.[1] ?? '').replace(/[’']/g, "'"));
      if (n !== undefined) delta = weekdayDelta(startDay, n);
    } else if (RECOVERY_TIME_RE.test(tail)) {
      delta = NEXT_DAY_RE.test(tail.slice(0, 60)) ? 1 : 0;
    } else if (RIGHT_AFTER_RE.test(tail)) {
      // "lumpuh pada 7 Juni 2021 dan kembali normal keesokan harinya": the day word right after the recovery
      delta = NEXT_DAY_RE.test(tail.slice(0, 40)) ? 1 : 0;
    } else if (wdLater?.[1] && !LATER_EVENT_RE.test(tail.slice(0, wdLater[0].length))) {
      const n = weekdayNumber(wdLater[1].replace(/[’']/g, "'"));
      if (n !== undefined) delta = weekdayDelta(startDay, n);
    } else if (!DIGIT_RE.test(t) && DAYS_LATER_ANYWHERE_RE.test(t.slice(0, rec.index))) {
      // "Sehari kemudian situs kembali normal", "Dua hari kemudian, layanan pulih"
      const m = DAYS_LATER_ANYWHERE_RE.exec(t.slice(0, rec.index));
      delta = m?.[3] ? 1 : dayCount(m?.[1] ?? m?.[2] ?? '');
    } else if (!DIGIT_RE.test(t) && NEXT_DAY_RE.test(t)) {
      delta = 1;
    } else if (!DIGIT_RE.test(t) && SAME_DAY_RE.test(t)) {
      delta = 0;
    }
    if (delta === null || Number.isNaN(delta)) continue;
    return { iso: addDays(startIso, delta), s };
  }
  return null;
}

/** The start's sentence gives the outage a length: "…mati dan layanan lumpuh selama tiga hari sejak hari itu". */
function durationEnd(start: Dated): Dated | null {
  const m = DURATION_RE.exec(start.s.analysed);
  if (!m || ONGOING_RE.test(start.s.analysed)) return null;
  const days = dayCount(m[1] ?? m[2] ?? '');
  if (!(days >= 1 && days <= 31)) return null;
  // the first day counts: three days from 3 March end on 5 March
  return { iso: addDays(start.iso, days - 1), s: start.s };
}

/**
 * An outage of one dated day whose hours are given in its own or the next paragraph, with no other day in sight:
 * it ended the day it began.
 */
function sameDayHours(sentences: readonly S[], start: Dated, startDays: number, story: Story): Dated | null {
  if (startDays !== 1) return null;
  const nextPara = sentences.find((s) => s.para > start.s.para)?.para ?? start.s.para;
  for (const s of sentences) {
    if (s.para < start.s.para || s.para > nextPara) continue;
    const t = s.analysed;
    if (!story.isOutage(s) || ONGOING_RE.test(t)) continue;
    // "sempat down beberapa jam pada Senin (7/6/2021)": a span of hours in the start's own sentence
    const hours = HOURS_RANGE_RE.test(t) || (s === start.s && HOURS_SPAN_RE.test(t));
    if (!hours || (s !== start.s && OTHER_DAY_RE.test(t))) continue;
    return { iso: start.iso, s };
  }
  return null;
}

/** A sentence's evidence span, with its offsets into `Article.text`. */
const spanOf = (s: S): Span => ({ text: s.analysed, start: s.start, end: s.end });

/**
 * @example decideOutageWindow(annotate(ctxOf("Situs LPSE tidak bisa diakses sejak Selasa 14 Mei 2019. Kamis pagi
 *   sudah bisa diakses kembali.")))
 *   → { value: { start: "2019-05-14", end: "2019-05-16" }, evidence: [{ text: "Situs LPSE…", start: 0, end: 55 }, …] }
 */
export function decideOutageWindow(a: Annotations): Extracted<OutageWindow> {
  const { sentences, published } = a;
  const story = new Story(sentences);
  const starts: Dated[] = [];
  const ends: Dated[] = [];
  let lastStart = null as { iso: string; s: S; at: number } | null;
  const startSentences = new Set<number>();
  for (const d of a.dates) {
    const s = sentences[d.sentence];
    if (!s || !d.iso) continue;
    if (d.role === 'statement' || d.role === 'deadline' || d.role === 'publication') continue;
    const t = s.analysed;
    const start = d.iso;
    const head = t.slice(0, d.offset);
    const before = t.slice(Math.max(0, d.offset - 40), d.offset);
    const after = t.slice(d.offset + d.written.length);
    if (d.relative) {
      // the publication day, or the day the paragraph was said
      const ref = published ?? s.reference ?? null;
      // a relative day counts as a start right after "sejak" ("ditutup sejak kemarin")
      // only a day chrono counts from the publication ("kemarin", "tadi pagi"), not "minggu lalu" (a week)
      if (
        ref &&
        RELATIVE_DAY_WORD_RE.test(d.written) &&
        story.ties(s, true) &&
        (SINCE_BEFORE_RE.test(before) ||
          (d.endDay && FROM_BEFORE_RE.test(before)) ||
          RELATIVE_THEN_HOURS_RE.test(after))
      ) {
        starts.push({ iso: start, s });
        startSentences.add(s.index);
        if (d.endIso) ends.push({ iso: d.endIso, s });
        else if (SAME_DAY_RANGE_RE.test(after)) ends.push({ iso: start, s });
        continue;
      }
      // "Kemarin, situs LPSE … tidak bisa diakses", "LPSE down hari ini": the day the outage sentence tells as its own,
      // not a day it still went on ("hari ini masih belum pulih") nor one still to come
      if (
        ref &&
        RELATIVE_DAY_WORD_RE.test(d.written) &&
        (d.link === 'opening' || d.link === 'on' || (d.link === 'closing' && closingOutage(story, s, head))) &&
        story.isOutage(s) &&
        !STILL_RE.test(t) &&
        // "Kemarin kata Pak Rahmat, jaringannya sedang diperbaiki": the day of someone's word
        !SPEECH_RE.test(t) &&
        !expectedBefore(t, d.offset)
      ) {
        starts.push({ iso: start, s });
        startSentences.add(s.index);
        continue;
      }
      // "layanan baru kembali normal kemarin sore": a recovery right before a day counted from the publication
      if (ref && RELATIVE_DAY_WORD_RE.test(d.written) && d.link === 'recovery') ends.push({ iso: start, s });
      continue;
    }
    // "sejak Selasa (14/2/2023) pukul 10.00 WIT hingga Kamis (16/2/2023) sore": the second date ends the range
    if (d.link === 'range-end' && startSentences.has(s.index) && !STILL_AFTER_RE.test(after)) {
      ends.push({ iso: d.endIso ?? start, s });
      continue;
    }
    // "sejak Senin hingga Rabu (10/7)": the start is the last such weekday up to the dated end
    const bareStart = d.link === 'range-end' ? BARE_START_BEFORE_RE.exec(before) : null;
    const bareN = weekdayNumber(bareStart?.[1]);
    if (bareN !== undefined && story.ties(s, true) && !STILL_AFTER_RE.test(after) && isWeekdayName(bareStart?.[1])) {
      starts.push({ iso: addDays(start, -weekdayDelta(bareN, weekdayOf(start))), s });
      ends.push({ iso: d.endIso ?? start, s });
      continue;
    }
    // "pada Senin (8/7) dan Selasa (9/7)": the next day joined to a start
    if (
      lastStart?.s === s &&
      start === addDays(lastStart.iso, 1) &&
      AND_NEXT_DAY_RE.test(t.slice(lastStart.at, d.offset))
    ) {
      ends.push({ iso: d.endIso ?? start, s });
      continue;
    }
    if (d.link === 'recovery-after') {
      // "LPSE diretas pada 3 Maret 2023 dan baru pulih sepekan kemudian": the date is the outage's, the recovery a
      // later event joined by a conjunction
      const rec = RECOVERY_RE.exec(after);
      const outageFirst =
        rec !== null &&
        OUTAGE_RE.test(head) &&
        (START_LINK_RE.test(before) || START_LINK_RE.test(before + d.written.replace(/[\d(].*$/s, ''))) &&
        LATER_EVENT_RE.test(after.slice(0, rec.index));
      if (!outageFirst) {
        ends.push({ iso: d.endIso ?? start, s });
        continue;
      }
    } else if (d.role === 'end' && d.link === 'recovery') {
      ends.push({ iso: d.endIso ?? start, s });
      continue;
    } else if (d.role === 'end') continue;
    const strong = d.link === 'since' || SINCE_BEFORE_RE.test(before);
    const linked = d.role === 'start' || d.link === 'recovery-after';
    const tied = story.ties(s, strong);
    // "Senin (8/7/2024), server LPSE down seharian": an opening date, no one speaking
    if (d.link === 'opening' && (!story.isOutage(s) || SPEECH_RE.test(t))) continue;
    // "Situs LPSE … diretas orang tak dikenal, Minggu (6/6/2021).": the closing day is the outage's when the sentence
    // tells the outage as its own event, not still going on, nor the topic of another (a meeting "terkait serangan
    // ransomware yang melumpuhkan PDN, Kamis (27/6/2024)")
    if (d.link === 'closing' && !closingOutage(story, s, head)) continue;
    // "Hari pertama pendaftaran, Senin (7/6/2021), situs LPSE langsung down": the outage is the predicate after the
    // date, no other act before it ("Bupati, Senin (7/6/2021), meninjau server yang rusak" is the visit's day)
    if (d.link === 'inserted' && !insertedOutage(story, s, head, after)) continue;
    // "Situs LPSE … masih belum bisa diakses, Rabu (9/6/2021)": a day the outage still went on, seen without a start
    // link, is the day of looking, not of its start
    if (!strong && d.role === 'start' && STILL_RE.test(t)) continue;
    if (!linked || !tied) continue;
    starts.push({ iso: start, s });
    startSentences.add(s.index);
    lastStart = { iso: start, s, at: d.offset + d.written.length };
    if (!d.endDay && SAME_DAY_RANGE_RE.test(after)) ends.push({ iso: start, s });
    else if (!d.endDay) {
      // "sejak Senin (8/7) pagi hingga Selasa sore": the first such weekday from the start
      const tail = (d.openEnd ?? '') + after;
      const bareEnd = BARE_END_AFTER_RE.exec(tail);
      const n = weekdayNumber(bareEnd?.[1]);
      const rest = bareEnd ? tail.slice(bareEnd[0].length) : '';
      if (bareEnd && n !== undefined && isWeekdayName(bareEnd[1]) && !STILL_AFTER_RE.test(rest)) {
        const end = addDays(start, weekdayDelta(weekdayOf(start), n));
        if (end > start && (!published || end <= published) && !FUTURE_WEEKDAY_RE.test(rest))
          ends.push({ iso: end, s });
      }
    } else if (d.endIso && !STILL_AFTER_RE.test(after) && !stillOngoingNext(sentences, s)) {
      // "sejak Selasa (5/4 – 13/4/2016). Ngadatnya sistem LPSE masih berlangsung hingga berita ini ditulis": the
      // range ends on the day of writing, not the outage
      ends.push({ iso: d.endIso, s });
    }
  }
  if (!starts.length) {
    const relative = relativeWindow(sentences, published, story);
    starts.push(...relative.starts);
    ends.push(...relative.ends);
    if (!starts.length) {
      const before = weekdayBeforeEnd(sentences, ends, story);
      if (before) starts.push(before);
    }
  }
  starts.sort((x, y) => x.iso.localeCompare(y.iso));
  const first = starts[0] ?? null;
  const endCands = ends.filter((e) => !first || e.iso >= first.iso).sort((x, y) => y.iso.localeCompare(x.iso));
  // a recovery day counted from a bare weekday cannot come after the publication day
  const inferred = first ? recoveryWithoutDate(sentences, first.iso) : null;
  const last =
    endCands[0] ??
    (first
      ? ((inferred && (!published || inferred.iso <= published) ? inferred : null) ??
        durationEnd(first) ??
        sameDayHours(sentences, first, new Set(starts.map((x) => x.iso)).size, story))
      : null);
  const evidence: Span[] = [];
  for (const s of [first?.s, last?.s]) if (s && !evidence.some((e) => e.start === s.start)) evidence.push(spanOf(s));
  return {
    value: { start: first?.iso ?? null, end: last?.iso ?? null },
    evidence,
    confidence: first ? 0.7 : 0.2,
  };
}

/** The next sentence says the outage still goes on as the text is written. */
function stillOngoingNext(sentences: readonly S[], s: S): boolean {
  const next = sentences[s.index + 1];
  return next !== undefined && STILL_ONGOING_SENTENCE_RE.test(next.analysed);
}

/**
 * The outage window of an article: the annotation pass, then the decider.
 * @example extractOutageWindow(ctxOf("Server LPSE tidak bisa diakses sejak Jumat sore (26/5/2023)."), null).value
 *   → { start: "2023-05-26", end: null }
 */
export function extractOutageWindow(ctx: ExtractContext, published: string | null): Extracted<OutageWindow> {
  return decideOutageWindow(annotate(ctx, published));
}
