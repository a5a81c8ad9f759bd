/**
 * Direct quotations of a news text, with their offsets. Indonesian pages mix their quotation marks: straight `"`,
 * curly `“…”`, a closing mark used to open (`” Sejak Senin pagi…”`), doubled single marks (`‘’Saat ini…”`); so
 * every double mark toggles, paragraph by paragraph. A paragraph that opens a quotation without closing it runs to
 * the paragraph's end, and the next paragraph opening with a mark continues the same quotation (the news
 * convention for a quotation over several paragraphs); a text cut off inside a quotation ends it there.
 */
import type { Sentence } from '../text-helpers.ts';

export interface Quotation {
  /** Offsets of the quoted words in the analysis text (without the marks). */
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark; the paragraph's end when the quotation is left open. */
  after: number;
  text: string;
  para: number;
  closed: boolean;
  /** Index of the quotation this one continues in `quotations()`' result, or null. */
  continues: number | null;
  /** False for marks around a few words or a title ("Main Kucing-Kucingan", "Sosialisasi Tender Cepat"). */
  speech: boolean;
}

/** A paragraph of the analysis text: the span of its sentences. */
export interface Paragraph {
  para: number;
  start: number;
  end: number;
}

export function paragraphsOf(sentences: readonly Sentence[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (last && last.para === s.para) last.end = s.end;
    else out.push({ para: s.para, start: s.start, end: s.end });
  }
  return out;
}

/** A double quotation mark: `"`, `“`, `”`, `„`, or two single marks (`''`, `‘‘`, `’’`, `‘’`). */
const MARK_RE = /["“”„]|['‘’]{2}/g;

const MIN_WORDS = 3;
const WORD_RE = /[A-Za-z\u00C0-\u024F\d]+/g;

/** Whether quoted words are speech: three words or more and not a capitalised title. */
function isSpeech(text: string): boolean {
  if (text.length < 8) return false;
  const words = text.match(WORD_RE) ?? [];
  if (words.length < MIN_WORDS) return false;
  // "Sosialisasi Pengadaan Barang Jasa Secara Elektronik": a title is short, capitalised and has no sentence end
  if (words.length <= 8 && !/[.!?,]/.test(text)) {
    const caps = words.filter((w) => /^[A-Z\u00C0-\u00DE]/.test(w)).length;
    if (caps / words.length >= 0.75) return false;
  }
  return true;
}

function clean(text: string): string {
  return text.trim().replace(/[,\s]+$/, '');
}

/** The quotation between `from` and `to` (its marks left out, spacing and a trailing comma trimmed), with offsets. */
function quotation(
  text: string,
  from: number,
  to: number,
  at: Pick<Quotation, 'open' | 'after' | 'para' | 'closed'>,
  continues: number | null,
): Quotation {
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const q = clean(raw);
  return { start: from + lead, end: from + lead + q.length, ...at, text: q, continues, speech: isSpeech(q) };
}

/**
 * @example quotations('Kepala ULP Zulkifli mengatakan, "Semua data yang berada di server tidak bisa dibuka," katanya.')
 *   → [{ text: "Semua data yang berada di server tidak bisa dibuka", closed: true, … }]
 */
export function quotations(text: string, paragraphs: readonly Paragraph[]): Quotation[] {
  const out: Quotation[] = [];
  let prevOpen: number | null = null;
  for (const p of paragraphs) {
    let open = -1;
    let from = -1;
    let first = true;
    const carried = prevOpen;
    prevOpen = null;
    MARK_RE.lastIndex = p.start;
    for (let m = MARK_RE.exec(text); m && m.index < p.end; m = MARK_RE.exec(text)) {
      const i = m.index;
      const len = m[0].length;
      if (open < 0) {
        open = i;
        from = i + len;
      } else {
        out.push(
          quotation(
            text,
            from,
            i,
            { open, after: i + len, para: p.para, closed: true },
            first && open === p.start ? carried : null,
          ),
        );
        first = false;
        open = -1;
      }
    }
    if (open >= 0) {
      out.push(
        quotation(
          text,
          from,
          p.end,
          { open, after: p.end, para: p.para, closed: false },
          first && open === p.start ? carried : null,
        ),
      );
      prevOpen = out.length - 1;
    }
  }
  return out;
}
