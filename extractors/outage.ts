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
import { isoDay, parseDates, yearsIn } from './dates/index.ts';
import { urlYear } from './published.ts';
import { type Sentence, sentenceAt } from './text.ts';

export interface OutageWindow {
  start: string | null;
  end: string | null;
}

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
  'diretas',
  'dihack',
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
  'sulitnya login',
  'sulit login',
  'tidak bisa login',
  'tidak dapat mengakses',
  'tidak bisa mengakses',
  'tidak berfungsi',
];
const OUTAGE_RE = new RegExp(
  `(?<!\\p{L})(?:${OUTAGE_TERMS.map((t) => t.replace(/ /g, '\\s+')).join('|')})(?!\\p{L})`,
  'iu',
);
const DIGIT_RE = /\d/;
const SEJAK_RE = /\b(?:sejak|semenjak|mulai)\b/i;
/** Link words right before a start date. */
const START_LINK_RE =
  /(?:\b(?:sejak|semenjak|mulai|terjadi(?:\s+pada)?|pada(?:\s+hari)?(?:\s+tanggal)?|tanggal)\b(?:\s+(?:hari|tanggal|dari\s+tanggal|pukul\s+\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)?(?:\s+tanggal)?))*)\s*,?\s*$/i;
/** Recovery after a date: the end of the outage. */
const RECOVERY_RE =
  // "kembali normal" without a closing word boundary: PDF text glues words ("kembali normaldan web LPSE…")
  /\b(?:(?:sudah\s+)?kembali\s+normal|(?:normal\s+kembali|sudah\s+normal|(?:sudah|kembali)\s+(?:bisa|dapat)\s+diakses|diakses\s+kembali|pulih|memulihkan|dipulihkan|berhasil\s+diperbaiki|berfungsi\s+(?:normal|kembali)|lancar\s+kembali|kembali\s+lancar|sudah\s+(?:bisa|dapat)\s+digunakan)\b)/i;
const RECOVERY_BEFORE_RE =
  /\b(?:memulihkan|dipulihkan|pulih|berhasil\s+diperbaiki|kembali\s+normal|normal\s+kembali)\b/i;
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
  const chosen = ctx.sentences.filter(
    (s) => DIGIT_RE.test(s.text) && (OUTAGE_RE.test(s.text) || RECOVERY_RE.test(s.text) || SEJAK_RE.test(s.text)),
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
  const starts: { iso: string; s: Sentence }[] = [];
  const ends: { iso: string; s: Sentence }[] = [];
  for (const d of dates) {
    const s = sentenceAt(ctx.sentences, d.index);
    if (!s) continue;
    const start = isoDay(d.start);
    if (!start || d.relative) continue;
    const before = ctx.text.slice(Math.max(s.start, d.index - 40), d.index);
    const after = ctx.text.slice(d.index + d.text.length, s.end);
    const para = ctx.sentences
      .filter((o) => o.para === s.para)
      .map((o) => o.text)
      .join(' ');
    const aboutOutage = OUTAGE_RE.test(s.text) || (/\bsejak\b/i.test(before) && OUTAGE_RE.test(para));
    const recovery = RECOVERY_RE.exec(after);
    if (recovery && !STATEMENT_VERB_RE.test(after.slice(0, recovery.index))) {
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    // "sudah memulihkan laman tersebut pada Rabu (2/10/2019) pagi": the recovery, then its day
    const head = ctx.text.slice(s.start, d.index);
    const before2 = RECOVERY_BEFORE_RE.exec(head);
    if (
      before2 &&
      /\bpada\s*(?:hari\s+|tanggal\s+)?$/i.test(head) &&
      !STATEMENT_VERB_RE.test(head.slice(before2.index))
    ) {
      ends.push({ iso: isoDay(d.end) ?? start, s });
      continue;
    }
    // chrono may take the link word into the date ("pada tanggal 15 Mei")
    const lead = d.text.replace(/[\d(].*$/s, '');
    if (!aboutOutage || !(START_LINK_RE.test(before) || (lead && START_LINK_RE.test(before + lead)))) continue;
    starts.push({ iso: start, s });
    if (d.end) {
      const end = isoDay(d.end);
      if (end && !STILL_RE.test(after)) ends.push({ iso: end, s });
    }
  }
  starts.sort((a, b) => a.iso.localeCompare(b.iso));
  const start = starts[0] ?? null;
  const endCands = ends.filter((e) => !start || e.iso >= start.iso).sort((a, b) => b.iso.localeCompare(a.iso));
  const end = endCands[0] ?? null;
  const evidence = [...new Set([start?.s.text, end?.s.text].filter((t): t is string => Boolean(t)))].map((text) => ({
    text,
  }));
  return {
    value: { start: start?.iso ?? null, end: end?.iso ?? null },
    evidence,
    confidence: start ? 0.7 : 0.2,
  };
}
