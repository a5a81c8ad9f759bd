/**
 * Relevance annotations: for each line of an article (the headline first, then the sentences of the annotation pass,
 * `annotate/`), whether it names a procurement system (LPSE, SPSE, "situs pengadaan", "server ULP"), another system
 * (PPDB, Dukcapil, SIPD…), a generic head that refers back to a system named before ("servernya", "situs
 * tersebut"), and an outage the line states (not denied, not supposed, not someone else's). Each line keeps its
 * sentence's index and offsets into `Article.text`, so a decision can lead back to (and highlight) it.
 * `fields/incident.ts` decides from these.
 */
import { annotateDates } from '../annotate/dates.ts';
import { toSentenceAnnotations } from '../annotate/sentences.ts';
import type { SentenceAnnotation } from '../annotate/types.ts';
import type { ExtractContext } from '../context.ts';
import {
  AVERT_ALT,
  CAUSATIVE_ALT,
  CONDITION_CLAUSE_RE,
  EXCUSE_RE,
  HYPOTHETICAL_RE,
  MISTAKEN_RE,
  POSSIBILITY_ALT,
  THAT_HEAD_BEFORE_RE,
} from '../lexicon/hedge.ts';
import { DENIED_REASON_RE, NEGATED_OUTAGE_RE, NEVER_DOWN_RE, RUMOUR_DENIED_RE, SAFE_ALT } from '../lexicon/negation.ts';
import {
  ALTERED_BID_RE,
  LOST_DATA_RE,
  OUTAGE_ALT,
  OUTAGE_RE,
  REPAIR_RE,
  SITE_UNOPENED_RE,
  TAKEOVER_RE,
} from '../lexicon/outage.ts';
import { RECOVERY_RE } from '../lexicon/recovery.ts';
import {
  ANAPHORIC_HEAD_RE,
  INDONESIAN_SYSTEM_RE,
  NATIONAL_DATA_CENTRE_RE,
  OTHER_ACRONYM_RE,
  OTHER_WORD_RE,
  PROCUREMENT_WORD_RE,
  SYSTEM_RE,
} from '../lexicon/system.ts';
import { alternation, LATIN_LETTER } from '../text-helpers.ts';
import { DEFINITION_RE } from './genre.ts';

/** Anyone who meets a malfunction, offered help: "pendampingan bagi penyedia yang mengalami kendala teknis". */
export const USER_NOUNS = ['penyedia', 'peserta', 'rekanan', 'pengguna', 'vendor', 'pelaku usaha', 'kontraktor'];
export const MEET_VERBS = ['mengalami', 'menemui', 'menghadapi', 'menemukan', 'kesulitan'];
/**
 * Other places, or places in general: "pengalaman sejumlah daerah yang LPSE-nya sempat mati", "seperti yang menimpa
 * situs daerah lain". A sentence about them reports no outage of its own.
 */
export const PLACE_NOUNS = ['daerah', 'pemda', 'pemerintah daerah', 'kabupaten', 'kota', 'provinsi', 'LPSE'];
export const MANY_WORDS = ['sejumlah', 'berbagai', 'beberapa', 'banyak', 'sebagian', 'sebagian besar'];
/**
 * A user's own line or device: "koneksi internet di kantornya terputus", "jaringan milik peserta". Not "milik
 * penyedia": a penyedia layanan is also the ISP whose line took a portal down.
 */
export const USER_LINE_NOUNS = [
  'internet',
  'jaringan',
  'koneksi',
  'sinyal',
  'perangkat',
  'komputer',
  'laptop',
  'modem',
];
export const USER_OWN_TERMS = [
  'kantornya',
  'rumahnya',
  'milik peserta',
  'milik rekanan',
  'penyedia sendiri',
  'peserta sendiri',
  'rekanan sendiri',
  'pengguna sendiri',
  'mereka sendiri',
];
/** Words of a service window: a notice names them with the days it will happen on. */
export const WINDOW_TERMS = [
  'pemeliharaan',
  'maintenance',
  'perawatan',
  'menghentikan layanan',
  'penghentian layanan',
  'dihentikan sementara',
  'offline',
  'nonaktif',
  'tidak dapat diakses',
  'tidak bisa diakses',
];

/**
 * Clause breaks: contrast words, semicolons, commas and colons. A denial clause does not lend its system to the clause
 * beside it, and does not take away the outage of the clause beside it ("LPSE Ikut Tumbang, Diskominfo: Server Kami
 * Tidak Diretas").
 */
const CONTRAST_SPLIT_RE =
  /\s*(?:,\s*)?\b(?:tapi|tetapi|namun|meski(?:pun)?|walau(?:pun)?|melainkan|sedangkan|sementara)\b|[;:,]/i;
/** A possible, feared or future outage: "rawan diretas", "dapat membuat LPSE tidak bisa diakses". */
const POSSIBLE_OUTAGE_RE = new RegExp(
  `\\b(?:${POSSIBILITY_ALT})\\s+(?:(?:${CAUSATIVE_ALT})\\s+(?:[a-z-]+\\s+){0,2}?|(?:[a-z-]+\\s+)??)(?:${OUTAGE_ALT})(?:nya)?\\b`,
  'gi',
);
/** An outage averted: "untuk menghindari gangguan", "mencegah server down". */
const AVERTED_OUTAGE_RE = new RegExp(`\\b(?:${AVERT_ALT})\\s+(?:[a-z-]+\\s+){0,2}?(?:${OUTAGE_ALT})(?:nya)?\\b`, 'gi');
/** Help for whoever meets an outage: "bagi penyedia yang mengalami kendala teknis". */
const ANY_USER_CLAUSE_RE = new RegExp(
  `\\b(?:bagi|untuk|kepada|membantu|melayani)\\s+(?:para\\s+)?(?:${alternation(USER_NOUNS)})\\s+yang\\s+(?:${alternation(MEET_VERBS)})\\b[^,.;:!?"“”]*`,
  'gi',
);
const PLACES_ALT = alternation(PLACE_NOUNS);
const OTHER_PLACES_RE = new RegExp(
  `\\b(?:${alternation(MANY_WORDS)})\\s+(?:${PLACES_ALT})\\b|\\b(?:${PLACES_ALT})\\s+lain(?:nya)?\\b`,
  'i',
);
const USER_LINE_RE = new RegExp(
  `\\b(?:${alternation(USER_LINE_NOUNS)})\\b[^.]{0,30}?(?:\\b(?:${alternation(USER_OWN_TERMS)})|\\Bnya\\s+sendiri)\\b`,
  'i',
);
const COUNT_WORDS = '\\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|nol';
const IN_YEAR = '\\b(?:pada|sepanjang|selama|tahun|di)\\s+(?:tahun\\s+)?(?:19|20)\\d\\d\\b';
/** A tally of outages in given years: "tujuh kejadian pada 2021", "sepanjang 2023 tercatat tiga kali gangguan". */
const TALLY_RE = new RegExp(
  `\\b(?:${COUNT_WORDS})\\s+(?:kali|kejadian|insiden)\\b[^.]{0,80}?${IN_YEAR}|${IN_YEAR}[^.]{0,80}?\\b(?:${COUNT_WORDS})\\s+(?:kali|kejadian|insiden)\\b`,
  'i',
);
/** "LPSE Aman", "LPSE Kota Contoh tetap berjalan normal": the system, its name, then a safe word. */
export const SYSTEM_SAFE_RE = new RegExp(
  `\\b(?:LPSE|SPSE|Layanan\\s+Pengadaan\\s+Secara\\s+Elektronik(?:\\s+\\(LPSE\\))?)(?:\\s+(?!(?:kembali|sudah|mulai|kini|sekarang|belum|sempat|tidak|tak)\\b)(?:Kota|Kabupaten|Provinsi|[${LATIN_LETTER}][${LATIN_LETTER}-]*)){0,4}\\s+(?:${SAFE_ALT})\\b(?!\\s+(?:kembali|lagi)\\b)`,
  'i',
);
const WINDOW_RE = new RegExp(`\\b(?:${alternation(WINDOW_TERMS)})\\b`, 'i');

/**
 * The sentence without denied outages. When it denies one ("LPSE tidak terganggu meski PDN diserang"), only its
 * clauses that deny nothing and name the system themselves are kept.
 */
function affirmedPart(s: string): string {
  NEGATED_OUTAGE_RE.lastIndex = 0;
  if (!NEGATED_OUTAGE_RE.test(s)) return s;
  return s
    .split(CONTRAST_SPLIT_RE)
    .filter((c) => {
      NEGATED_OUTAGE_RE.lastIndex = 0;
      return !NEGATED_OUTAGE_RE.test(c) && SYSTEM_RE.test(c);
    })
    .join(' ');
}

/**
 * The sentence without the outages it only supposes: conditions ("bila server utama bermasalah"), possibilities
 * ("rawan diretas", "akan offline"), averted ones ("untuk menghindari gangguan") and help for anyone who meets one.
 */
function statedPart(s: string): string {
  return s
    .replace(CONDITION_CLAUSE_RE, (m, at: number, all: string) =>
      THAT_HEAD_BEFORE_RE.test(all.slice(Math.max(0, at - 40), at)) ? m : ' ',
    )
    .replace(ANY_USER_CLAUSE_RE, ' ')
    .replace(POSSIBLE_OUTAGE_RE, ' ')
    .replace(AVERTED_OUTAGE_RE, ' ');
}

/** A sentence that supposes or excuses rather than states: its outages are none. */
function supposes(s: string): boolean {
  return (
    HYPOTHETICAL_RE.test(s) ||
    EXCUSE_RE.test(s) ||
    DEFINITION_RE.test(s) ||
    MISTAKEN_RE.test(s) ||
    RUMOUR_DENIED_RE.test(s) ||
    NEVER_DOWN_RE.test(s)
  );
}

/**
 * A sentence about another's trouble: other places' systems or places in general ("LPSE di daerah lain sempat
 * diretas"), one user's own line ("koneksi internet di kantornya terputus"), or past years' tallies.
 */
function elsewhere(s: string): boolean {
  return (OTHER_PLACES_RE.test(s) && !NATIONAL_DATA_CENTRE_RE.test(s)) || USER_LINE_RE.test(s) || TALLY_RE.test(s);
}

const LOST_GATE_RE = /hilang|raib|lenyap|terhapus|terbaca|tersimpan|terkirim|masuk|terunggah|lost|missing|deleted/i;
const ACCOUNT_GATE_RE = /akun|account|password|sandi|user\s+id|pembajakan/i;
// a word every recovery phrase of lexicon/recovery.ts contains, so the gate never hides one of them
const RECOVERY_GATE_RE =
  /normal|pulih|kembali|online|perbaik|lagi|restored|atasi|berfungsi|beroperasi|lancar|berakhir|back|wis|aktif|dibuka|diakses|digunakan|dipakai/i;

/** An outage the text states in this part of a sentence: an outage word, lost or altered bids, a hijacked account. */
function outageIn(s: string): RegExpExecArray | null {
  // the rarer forms only behind a cheap test of the word they cannot do without
  return (
    OUTAGE_RE.exec(s) ??
    (/dibuka/i.test(s) ? SITE_UNOPENED_RE.exec(s) : null) ??
    (LOST_GATE_RE.test(s) ? LOST_DATA_RE.exec(s) : null) ??
    (/penawaran/i.test(s) ? ALTERED_BID_RE.exec(s) : null) ??
    (ACCOUNT_GATE_RE.test(s) ? TAKEOVER_RE.exec(s) : null) ??
    (RECOVERY_GATE_RE.test(s) ? (RECOVERY_RE.exec(s) ?? REPAIR_RE.exec(s)) : null)
  );
}

/** Where the stated outage of a sentence is (its offset in the sentence), or -1 when it states none. */
export function statedOutageAt(s: string): number {
  // most lines state no outage at all: the word test first, the hedges and negations only where one stands
  const first = s ? outageIn(s) : null;
  if (!first || supposes(s) || DENIED_REASON_RE.test(s) || elsewhere(s)) return -1;
  NEGATED_OUTAGE_RE.lastIndex = 0;
  const affirmed = NEGATED_OUTAGE_RE.test(s) ? affirmedPart(s).replace(NEGATED_OUTAGE_RE, ' ') : s;
  const kept = statedPart(affirmed);
  const m = outageIn(kept);
  if (!m) return -1;
  // the offset in the original sentence of the word found in the kept part
  const at = s.indexOf(m[0]);
  return at >= 0 ? at : first.index;
}

/** What a line names: the procurement system, another system, or a head that refers back to one. */
export interface LineAnnotation {
  /** The line as analysed: the headline, or the sentence's `analysed` text. */
  text: string;
  /** -1 for the headline, else the paragraph index of the sentence */
  para: number;
  /** -1 for the headline, else the sentence's index in the annotation pass (`Annotations.sentences`). */
  sentence: number;
  /** Offsets of the sentence in `Article.text` (-1 for the headline, which is not part of it). */
  start: number;
  end: number;
  /** Offset of the first procurement-system mention, or -1. */
  system: number;
  /** Offset of the other system nearest the stated outage, or -1. */
  other: number;
  /** Offset of a generic head ("server", "situs", "sistem"), or -1. */
  head: number;
  /** The line names the procurement process ("lelang", "tender", "pengadaan"). */
  procurement: boolean;
  /** Offset of the stated outage, or -1. */
  outage: number;
  /** The national data centre is named. */
  pdn: boolean;
  /** The line calls the named system safe ("LPSE Aman"). */
  safe: boolean;
}

function firstIndex(re: RegExp, s: string): number {
  const m = re.exec(s);
  return m ? m.index : -1;
}

const OTHER_GLOBAL = [OTHER_ACRONYM_RE, OTHER_WORD_RE].map((re) => new RegExp(re.source, `${re.flags}g`));
const SYSTEM_GLOBAL = new RegExp(SYSTEM_RE.source, 'gi');
const INDONESIAN_SYSTEM_GLOBAL = new RegExp(INDONESIAN_SYSTEM_RE.source, 'gi');

/** The other system named nearest to offset `at` (or first when `at` is -1). */
function otherNear(s: string, at: number): number {
  let best = -1;
  for (const g of OTHER_GLOBAL) {
    g.lastIndex = 0;
    for (let m = g.exec(s); m; m = g.exec(s)) {
      if (best < 0 || Math.abs(m.index - at) < Math.abs(best - at)) best = m.index;
    }
  }
  return best;
}

/** The system mention nearest to offset `at`. */
function systemNear(s: string, at: number, g: RegExp): number {
  g.lastIndex = 0;
  let best = -1;
  for (let m = g.exec(s); m; m = g.exec(s))
    if (best < 0 || Math.abs(m.index - at) < Math.abs(best - at)) best = m.index;
  return best;
}

/** The article's sentences as the annotation pass gives them (`annotate/sentences.ts`), for callers without them. */
export const sentencesOf = (ctx: ExtractContext): SentenceAnnotation[] =>
  toSentenceAnnotations(ctx.article.text, ctx.sentences);

/**
 * The headline, then each sentence of the annotation pass, annotated.
 *
 * @example annotateLines(ctx("Server ULP Tebo down sejak Senin."))[1] → { sentence: 0, system: 0, outage: 16, … }
 */
export function annotateLines(
  ctx: ExtractContext,
  language = 'ind',
  sentences: readonly SentenceAnnotation[] = sentencesOf(ctx),
): LineAnnotation[] {
  const lines = [
    { text: ctx.title, para: -1, sentence: -1, start: -1, end: -1 },
    ...sentences.map((s) => ({ text: s.analysed, para: s.para, sentence: s.index, start: s.start, end: s.end })),
  ];
  // in English "e-procurement system" is any country's: only Indonesia's names (LPSE, SPSE) are the system
  const systemRe = language === 'eng' ? INDONESIAN_SYSTEM_RE : SYSTEM_RE;
  return lines.map(({ text, para, sentence, start, end }) => {
    const outage = text ? statedOutageAt(text) : -1;
    const global = language === 'eng' ? INDONESIAN_SYSTEM_GLOBAL : SYSTEM_GLOBAL;
    const system = text ? (outage >= 0 ? systemNear(text, outage, global) : firstIndex(systemRe, text)) : -1;
    return {
      text,
      para,
      sentence,
      start,
      end,
      system,
      other: text ? otherNear(text, outage) : -1,
      head: text ? firstIndex(ANAPHORIC_HEAD_RE, text) : -1,
      procurement: language !== 'eng' && PROCUREMENT_WORD_RE.test(text),
      outage,
      pdn: NATIONAL_DATA_CENTRE_RE.test(text),
      safe: system >= 0 && SYSTEM_SAFE_RE.test(text),
    };
  });
}

/**
 * A notice of a window to come: the lead's sentences that name a service window give days (the date mentions of
 * the annotation pass, `annotate/dates.ts`), all after the publication date ("LPSE … tidak dapat diakses pada
 * Minggu, 15 Desember 2024" in a page dated 10 December). A report dates its outage on or before its publication;
 * days told relative to the publication ("besok") and days of unknown year decide nothing.
 */
export function windowAhead(ctx: ExtractContext, sentences?: readonly SentenceAnnotation[]): boolean {
  const published = ctx.published;
  if (!published || !WINDOW_RE.test(ctx.text.slice(0, 1200))) return false;
  const lead = (sentences ?? sentencesOf(ctx)).slice(0, 8).filter((s) => WINDOW_RE.test(s.analysed));
  let ahead = 0;
  for (const d of annotateDates(lead, published, [Number(published.slice(0, 4))])) {
    if (d.relative || !d.iso) continue;
    if (d.iso <= published) return false;
    ahead++;
  }
  return ahead > 0;
}
