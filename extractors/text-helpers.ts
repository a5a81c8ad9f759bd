/**
 * Text helpers shared by the field extractors: boilerplate-line removal, sentence splitting with offsets, and
 * regex composition from word lists (longest first, so "Kabupaten Lampung Timur" wins over "Lampung").
 */

/** A sentence of the analysed text with its offsets and its paragraph index. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  para: number;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of the words, longest first, each escaped; spaces match any run of whitespace. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ /g, '\\s+'))
    .join('|');
}

/** Lines that are page furniture, not the article: related links, bylines, photo credits, share buttons. */
const BOILERPLATE_LINE_RE =
  /^\s*(?:baca\s+juga\b|baca\s*:|simak\s+juga\b|lihat\s+juga\b|berita\s+terkait\b|artikel\s+terkait\b|related\s+(?:posts?|articles?)\b|penulis\s*[:;|]|editor\s*[:;|]|reporter\s*[:;|]|pewarta\s*[:;|]|redaktur\s*[:;|]|foto\s*[:;|]|sumber\s*[:;|]|copyright\b|©|advertisement\b|scroll\s+to\b|tinggalkan\s+balasan|leave\s+a\s+reply|post\s+a\s+comment|dapatkan\s+update\b)/i;

/** Photo credits inside a line: "(Foto: Fachruddin Aji/Seputarpapua)", "foto/ist". */
const PHOTO_CREDIT_RE = /\((?:foto|photo|dok|ilustrasi)\s*[:/][^)]*\)/gi;

/**
 * Letters of Latin script, for character classes in the regexes that run over every sentence: `[\p{L}]` needs the
 * `u` flag, which makes a long alternation about 1.6 times slower, and Indonesian news is written in Latin script.
 */
export const LATIN_LETTER = 'A-Za-z\\u00C0-\\u024F';

/**
 * The article text made ready for analysis: "Baca juga" links, bylines and photo credits dropped, escaped quotes
 * undone, whitespace normalised. Line structure is kept (paragraphs matter for attribution).
 */
export function toAnalysisText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\\"/g, '"')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (BOILERPLATE_LINE_RE.test(line)) continue;
    // a single space needs no replacing: only runs and tabs (most lines have neither, nor a parenthesis)
    const credited = line.includes('(') ? line.replace(PHOTO_CREDIT_RE, '') : line;
    kept.push(credited.replace(/[ \t]{2,}|\t/g, ' ').trimEnd());
  }
  return kept.join('\n');
}

const MONTH_START_RE =
  /^(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember)\b/i;

/** Abbreviations that end in a period but do not end a sentence (titles, degrees, "Kab.", "No."). */
const NO_BREAK_ABBREV = [
  'H',
  'Hj',
  'Drs',
  'Dra',
  'Dr',
  'dr',
  'Ir',
  'Prof',
  'St',
  'Kab',
  'Kec',
  'Kel',
  'No',
  'Nomor',
  'Rp',
  'Jl',
  'Jln',
  'Tbk',
  'Pd',
  'Si',
  'Sos',
  'Pj',
  'Plt',
  'Plh',
  'Sdr',
  'Bpk',
  'M',
  'S',
  'A',
  'I',
  'dkk',
  'dll',
  'Yth',
  'Ds',
  'Mr',
  'Mrs',
  'Ms',
  // abbreviated first names: "Moh. Ilyas", "Muh. Ali", "Abd. Rahman", "Mhd. Yusuf"
  'Moh',
  'Moch',
  'Mochd',
  'Muh',
  'Muhd',
  'Mhd',
  'Abd',
  'Dt',
  // "7 s.d. 9 Juni 2021": the range connector "sampai dengan"
  's.d',
];
const NO_BREAK_RE = new RegExp(`(?:^|[\\s(.,])(?:${alternation(NO_BREAK_ABBREV)})$`);

/**
 * Splits text into sentences with offsets. A sentence ends at . ! ? (optionally followed by a closing quote) before
 * whitespace, or at a line break; titles like "H." or "Drs." and initials do not end one.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length, para });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      // a hard-wrapped line (PDF text, berita acara) continues when the next line starts in lower case, or a date
      // is cut between its day and its month ("tanggal 19\nAgustus 2015")
      const prev = text.slice(start, i).trimEnd().slice(-1);
      const nextLine = text.slice(i + 1, i + 40).trimStart();
      const continues = /^\p{Ll}/u.test(nextLine) || (/\d/.test(prev) && MONTH_START_RE.test(nextLine));
      if (continues && text[i + 1] !== '\n' && prev && !/[.!?:"”]/.test(prev)) continue;
      push(i);
      start = i + 1;
      para++;
      continue;
    }
    if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < text.length && /["'”’)\]]/.test(text[j] ?? '')) j++;
      const next = text[j];
      if (next !== undefined && next !== ' ' && next !== '\t') continue;
      // what follows must look like a new sentence
      let k = j;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
      const after = text[k];
      if (after !== undefined && !/[A-Z0-9"“'‘(\u00c0-\u024f]/.test(after)) continue;
      if (c === '.' && NO_BREAK_RE.test(text.slice(Math.max(0, i - 8), i))) continue;
      push(j);
    }
  }
  push(text.length);
  return out;
}

/** Finds the sentence that contains offset `at`. */
export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Shortens an evidence sentence to at most `max` characters around the match. */
export function clip(s: string, max = 400): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
