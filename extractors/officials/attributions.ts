/**
 * Attributions: where a text says someone speaks, and who. Indonesian news gives the speaker with a bare verb after a
 * quote or clause (`"…," kata Kepala LPSE Bartim Abdul Gafur`, `…, ujarnya`), an introducing form before it
 * (`Menurut Sapta,`, `Dikatakan Aris,`, `Hal senada disampaikan oleh Ketua X`), or an active verb after the speaker
 * (`Yanto tohir, salah satu rekanan mengungkapkan`, `Ia menambahkan`). A speaker is named (one person or several,
 * "Kepala X melalui Kabag Y"), a pronoun pointing back (`katanya`, `ujar dia`, `Ia menambahkan`), or someone the text
 * does not name (`kata seorang kontraktor`, `kata sumber tersebut`): a quotation of such a speaker is nobody's.
 */
import { ANY_SPEECH_RE, SPEECH_ACTIVE_RE, SPEECH_BARE_RE, SPEECH_INTRO_RE } from '../lexicon/speech.ts';
import type { Sentence } from '../text-helpers.ts';
import type { Quotation } from './quotations.ts';
import {
  dupVerbRe,
  ID_APPOSITIVE_RE,
  ID_RELATIVE_RE,
  PRONOUN_SET,
  phraseAfter,
  phraseBefore,
  WEEKDAY_TOKEN,
  type Who,
} from './who.ts';

export type Speaker = Who[] | 'pronoun' | 'unnamed';

export interface Attribution {
  /** Offset of the speech verb in the analysis text. */
  at: number;
  /** Where the attribution begins: the verb for bare and introducing forms, the speaker phrase for active ones. */
  from: number;
  kind: 'bare' | 'intro' | 'active';
  speaker: Speaker;
  /** The speaker phrase as written (empty for a pronoun). */
  phrase: string;
  /** Index of the sentence. */
  sentence: number;
  para: number;
  /** "diamini oleh Nama": someone agreeing with the speaker, listed but not the one quoted. */
  agrees: boolean;
}

/** Subjects after a bare verb that point back to the speaker: `ujar dia`, `kata beliau`. */
const PRONOUN_AFTER_RE = /^\s*(?:dia|ia|beliau|mereka|he|she|they)\b/i;
/**
 * What may follow a bare verb with the subject left out (`"…," jelas saat ditemui`, `"…," tambah Senin (6/3)`):
 * the speaker is the one the text is following. Any other word is someone unnamed: `"…," kata seorang kontraktor`.
 */
const OMITTED_SUBJECT_RE =
  /^\s*(?:$|[,.;:!?)(“”"—–-]|(?:saat|ketika|usai|seusai|sembari|sambil|kepada|pada|di|dalam|lagi|pula|juga|singkat|menambahkan|melanjutkan|menjelaskan|menutup|mengakhiri|dengan|lewat|melalui|via|kemarin|tadi|kala|beberapa\s+waktu|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b)/i;
/** Pronoun subjects right before an active verb: `Ia menambahkan`, `Dia mengatakan`, `pihaknya meminta`. */
const PRONOUN_BEFORE_RE =
  /(?:^|[^A-Za-z\u00C0-\u024F])(?:dia|ia|beliau|pihaknya|dirinya|mereka|he|she|they)(?:\s+(?:juga|pun|lalu|kemudian|lantas|pula|sendiri|kembali|sempat|telah|sudah))?\s*,?\s*$/i;
/** A quotation opening after an active verb in its sentence: `X mengatakan, "…"`. */
const QUOTE_AFTER_VERB_RE = /^[^"“”]{0,40}[,:]?\s*["“”]/;
/**
 * A negation right before a verb, perhaps through a filler: "tidak menjawab", "belum mau mengonfirmasi", "enggan
 * menjelaskan", "tak kunjung menjawab", "belum juga memberikan keterangan".
 */
const NEGATED_RE =
  /(?:^|\s)(?:tidak|tak|belum|enggan|bukan|menolak)(?:\s+(?:kunjung|juga|pula|mau|bersedia|bisa|dapat|sempat|segera|sudi|untuk|lagi))*\s+$/i;
const DENIAL_RE = /^(?:membantah|menampik|menepis|menyangkal|menyanggah)$/i;
/** Verbs of agreement: the person agrees with a speaker and says nothing quoted. */
const AGREE_RE = /^diamini/i;

/** Where attributions of one sentence are collected. */
interface Where {
  found: Attribution[];
  quotes: readonly Quotation[];
  s: Sentence;
  idx: number;
}

/** Records an attribution at `at` (sentence offsets), unless it stands inside a closed quotation. */
function push(
  w: Where,
  at: number,
  from: number,
  kind: Attribution['kind'],
  speaker: Speaker,
  phrase: string,
  verb = '',
): void {
  if (inClosedQuote(w.quotes, w.s.start + at)) return;
  w.found.push({
    at: w.s.start + at,
    from: w.s.start + from,
    kind,
    speaker,
    phrase,
    sentence: w.idx,
    para: w.s.para,
    agrees: AGREE_RE.test(verb),
  });
}

function inClosedQuote(quotes: readonly Quotation[], at: number): boolean {
  for (const q of quotes) if (q.closed && at >= q.start && at < q.end) return true;
  return false;
}

/**
 * A definite description pointing back to the speaker: `"…," beber pejabat eselon IVA itu`, `kata pria berkacamata
 * tersebut`, `ujar Kepala UPT ini`.
 */
const ANAPHOR_RE = /^\s*(?:[A-Za-z\u00C0-\u024F.-]+\s+){1,5}(?:itu|ini|tersebut)(?=$|[\s,.;:!?)])/;

/**
 * A name typed in lower case after a bare verb (`"…," terang yanto tohir yang juga direktur…`) that the text writes
 * capitalised elsewhere ("Yanto tohir, salah satu rekanan…"): the person of that spelling.
 */
function lowerCaseName(rest: string, whole: string, who: (phrase: string) => Who | null): Who | null {
  const m = /^\s*([a-z]{3,})(?:\s+([a-z]{3,}))?/.exec(rest);
  if (!m?.[1] || !whole) return null;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const first = cap(m[1]);
  if (!new RegExp(`(?:^|[^A-Za-z])${first}(?![A-Za-z])`).test(whole)) return null;
  const w = who(first);
  // the name as the text capitalises it, with the second word when that follows it there too
  const second = m[2] && new RegExp(`${first}\\s+${m[2]}(?![A-Za-z])`).test(whole) ? ` ${m[2]}` : '';
  return w && w.name === first ? { name: `${first}${second}`, role: null } : null;
}

/** A speaker phrase running to the end of a text that stops mid-word, without its last (maybe cut) word. */
function untruncated(phrase: string, rest: string, cutOff: boolean): string {
  if (!cutOff || !phrase) return phrase;
  const last = phrase.split(/[\s,]+/).at(-1) ?? '';
  if (!rest.trimEnd().endsWith(last)) return phrase;
  const space = phrase.lastIndexOf(' ');
  return space > 0 ? phrase.slice(0, space).replace(/[,\s]+$/, '') : '';
}

/** The people the phrase after a bare or introducing verb names: "Zulkifli yang juga Kepala Bappeda" is Zulkifli. */
function whosAfter(who: (phrase: string) => Who | null, phrase: string): Who[] {
  const whos = whosOf(who, phrase);
  if (whos.length) return whos;
  const yang = phrase.search(/\s+yang(?:\s|$)/);
  return yang > 0 ? whosOf(who, phrase.slice(0, yang)) : whos;
}

/** The people a speaker phrase names ("Kepala X melalui Kabag Y" names two). */
export function whosOf(who: (phrase: string) => Who | null, phrase: string): Who[] {
  const parts = phrase.split(/\s+melalui\s+/i);
  const out: Who[] = [];
  for (const [i, part] of parts.entries()) {
    const w = who(part);
    // "Kepala X melalui Kabag Y": the one speaking through someone is named by role; "melalui ponselnya" is no one
    if (w && (i === 0 || w.role)) out.push(w);
  }
  return out;
}

/**
 * Every attribution in the sentences, in text order. Attributions inside a closed quotation are the speaker's own
 * words (`"…dia juga akan mengaku tidak tahu…"`), not attributions.
 */
export function attributions(
  sentences: readonly Sentence[],
  quotes: readonly Quotation[],
  who: (phrase: string) => Who | null,
  whole = '',
): Attribution[] {
  const out: Attribution[] = [];
  for (const [idx, s] of sentences.entries()) {
    const text = s.text;
    if (!ANY_SPEECH_RE.test(text)) continue;
    // a page copied from its start may stop mid-word: "…," kata Ketua Asosiasi Gabungan Pengu
    const cutOff = idx === sentences.length - 1 && !/[.!?"”'’)\]]$/.test(text);
    const found: Attribution[] = [];
    const where: Where = { found, quotes, s, idx };
    SPEECH_BARE_RE.lastIndex = 0;
    for (let m = SPEECH_BARE_RE.exec(text); m; m = SPEECH_BARE_RE.exec(text)) {
      const verb = m.groups?.verb ?? '';
      const at = m.index + m[0].length - verb.length - (m.groups?.nya?.length ?? 0);
      const end = m.index + m[0].length;
      if (m.groups?.nya) {
        push(where, at, at, 'bare', 'pronoun', '');
        continue;
      }
      const rest = text.slice(end).replace(dupVerbRe(verb), '');
      if (PRONOUN_AFTER_RE.test(rest)) {
        push(where, at, at, 'bare', 'pronoun', '');
        continue;
      }
      const phrase = untruncated(phraseAfter(rest.trimStart()), rest, cutOff);
      const first = (phrase.split(/[\s,]+/)[0] ?? '').toLowerCase();
      // "demikian", "jelas", "sampai" also open ordinary clauses: without a named speaker they attribute only right
      // after a quotation
      const afterQuote = /["“”'’]\s*[,.]?\s*$/.test(text.slice(Math.max(0, at - 4), at));
      if (!phrase) {
        const omitted = OMITTED_SUBJECT_RE.test(rest) || ANAPHOR_RE.test(rest);
        const typed = afterQuote && !omitted ? lowerCaseName(rest, whole, who) : null;
        if (typed) push(where, at, at, 'bare', [typed], typed.name);
        else if (afterQuote) push(where, at, at, 'bare', omitted ? 'pronoun' : 'unnamed', '');
        continue;
      }
      if (PRONOUN_SET.has(first)) {
        push(where, at, at, 'bare', 'pronoun', '');
        continue;
      }
      const whos = whosAfter(who, phrase);
      if (whos.length) push(where, at, at, 'bare', whos, phrase);
      else if (afterQuote && ANAPHOR_RE.test(rest)) push(where, at, at, 'bare', 'pronoun', '');
      else if (afterQuote && !WEEKDAY_TOKEN.test(first)) push(where, at, at, 'bare', 'unnamed', phrase);
    }
    SPEECH_INTRO_RE.lastIndex = 0;
    for (let m = SPEECH_INTRO_RE.exec(text); m; m = SPEECH_INTRO_RE.exec(text)) {
      const verb = m.groups?.verb ?? '';
      const at = m.index;
      if (m.groups?.nya) {
        push(where, at, at, 'intro', 'pronoun', '', verb);
        continue;
      }
      // "Hal senada disampaikan oleh Ketua …"
      const rest = text
        .slice(m.index + m[0].length)
        .trimStart()
        .replace(/^oleh\s+/i, '');
      if (PRONOUN_AFTER_RE.test(` ${rest}`)) {
        push(where, at, at, 'intro', 'pronoun', '', verb);
        continue;
      }
      const phrase = untruncated(phraseAfter(rest), rest, cutOff);
      const first = (phrase.split(/[\s,]+/)[0] ?? '').toLowerCase();
      // "Dikatakan, …" with the subject left out; "Menurut data…" is no attribution at all
      if (!phrase) {
        if (/^,/.test(rest) && !/^menurut/i.test(verb)) push(where, at, at, 'intro', 'pronoun', '', verb);
        continue;
      }
      if (PRONOUN_SET.has(first)) {
        push(where, at, at, 'intro', 'pronoun', '', verb);
        continue;
      }
      const whos = whosAfter(who, phrase);
      if (whos.length) push(where, at, at, 'intro', whos, phrase, verb);
    }
    SPEECH_ACTIVE_RE.lastIndex = 0;
    for (let m = SPEECH_ACTIVE_RE.exec(text); m; m = SPEECH_ACTIVE_RE.exec(text)) {
      const before = text.slice(0, m.index);
      // "Nama tidak menjawab panggilan telepon": a speech verb denied is no speech; "Sepekan LPSE X Timbul Tenggelam,
      // Penyedia Mengeluh": a verb in capitals inside a line is a headline's
      // ("tidak menampik", "tak membantah": a denial denied is an admission, and speech)
      if (NEGATED_RE.test(before.slice(-40)) && !DENIAL_RE.test(m[0])) continue;
      if (m.index > 0 && /^\p{Lu}/u.test(m[0])) continue;
      const cut = Math.max(
        before.lastIndexOf('"'),
        before.lastIndexOf('“'),
        before.lastIndexOf('”'),
        before.lastIndexOf(':'),
      );
      const head = before.slice(cut + 1);
      let phrase = phraseBefore(head);
      let whos = whosOf(who, phrase);
      // "Nama, penyedia jasa konstruksi asal X, mengaku", "Sekda X, Nama, yang turut hadir dalam rapat, menyatakan"
      const appositive = whos.length || !/,\s*$/.test(head.slice(-4)) ? null : ID_APPOSITIVE_RE.exec(head);
      if (appositive) {
        phrase = phraseBefore(head.slice(0, appositive.index));
        whos = whosOf(who, phrase);
      }
      // "Sementara itu Reza yang ingin membayar pajak mengatakan", "… Nama yang dikonfirmasi terpisah mengatakan"
      const relative = whos.length || !/ (?:yang|sebagai|selaku) /.test(head) ? null : ID_RELATIVE_RE.exec(head);
      if (relative) {
        phrase = phraseBefore(head.slice(0, relative.index));
        whos = whosOf(who, phrase);
      }
      const from = cut + 1 + Math.max(0, head.indexOf(phrase.split(/[\s,]+/)[0] ?? ''));
      if (whos.length) push(where, m.index, from, 'active', whos, phrase);
      else if (PRONOUN_BEFORE_RE.test(head.slice(-48))) push(where, m.index, m.index, 'active', 'pronoun', '');
      // "Kontraktor lain yang tidak ingin disebut namanya mengatakan, "…"": the quotation is someone unnamed's
      else if (QUOTE_AFTER_VERB_RE.test(text.slice(m.index + m[0].length)))
        push(where, m.index, m.index, 'active', 'unnamed', '');
    }
    found.sort((a, b) => a.from - b.from || a.at - b.at);
    out.push(...found);
  }
  return out;
}
