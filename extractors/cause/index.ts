/**
 * Cause of the outage, in SCHEMA.md's categories: several when several are stated, each with its evidence
 * sentence and certainty. A mention inside speculation ("belum diketahui apakah…", "kemungkinan") is `suspected`;
 * inside a condition or a denial ("jika server kami rusak", "bukan pada jaringan") it is not a cause at all. When a
 * sentence says outright that a cause is unknown ("belum diketahui apakah di-hack atau tidak"), other mentions of
 * that category are suspected too. `unexplained` only when no category is stated.
 */
import type { Cause, Extracted, Official } from '../../types/index.ts';
import type { ExtractContext } from '../context.ts';
import { ANY_LINK_RE, CAUSE_LINK_BEFORE_RE, RESULT_LINK_AFTER_RE, RESULT_OPENER_RE } from '../lexicon/causal-links.ts';
import { ANY_CAUSE_RE, ANY_LINKED_CAUSE_RE, CAUSE_RES, type CauseKey, LINKED_CAUSE_RES } from '../lexicon/causes.ts';
import { SITE_NOUNS } from '../lexicon/outage.ts';
import { SYSTEM_NAMES } from '../lexicon/system.ts';
import { alternation, clip } from '../text-helpers.ts';
import {
  DENIAL_WORDS,
  HEDGE_WORDS,
  INNER_NEGATION_WORDS,
  NEGATION_WORDS,
  OUTAGE_SUBJECTS,
  RECOVERY_AFTER_WORDS,
  USER_SIDE_WORDS,
} from './constants.ts';
import { attackOnOtherSite, outOfScope } from './scope.ts';
import { type Voice, voiceOf } from './voice.ts';

/** A ransomware attack or a data centre named: what the PDN outage of June 2024 was told as. */
const RANSOMWARE_RE = /\bransomware\b|\bpusat\s+data\b|\bPDNS?\b/i;

/** A line written as a headline: three to sixteen words, most capitalised, no sentence end. */
function headlineLike(text: string): boolean {
  if (/[.!?"”:;]$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length < 3 || words.length > 16) return false;
  return words.filter((w) => /^[A-Z0-9]/.test(w)).length / words.length >= 0.7;
}

/**
 * Where the list of other articles' headlines at the foot of a page begins ("Berita Terkait" and its links, the
 * header itself already dropped): the index of the first of the lines after the last body sentence that are each a
 * paragraph written as a headline, or the number of sentences when there is no such list. Other articles'
 * headlines ("Hacker Bobol Situs LPSE Kotim") state nothing about this outage.
 */
function relatedFoot(sentences: readonly { text: string; para: number }[]): number {
  let from = sentences.length;
  for (let j = sentences.length - 1; j > 0; j--) {
    const s = sentences[j]!;
    const alone = sentences[j - 1]?.para !== s.para && sentences[j + 1]?.para !== s.para;
    if (!alone || !headlineLike(s.text)) break;
    from = j;
  }
  // one line alone may be the text's last words cut off; a list has two or more
  return sentences.length - from >= 2 ? from : sentences.length;
}

/** The sub-keys of `lexicon/causes.ts` and the SCHEMA category each resolves to. */
const WEAK_CATEGORY = { hardware_weak: 'hardware', maintenance_weak: 'maintenance', lightning: 'network' } as const;

/** The headline is the article's own voice. */
const TITLE_VOICE: Voice = { by: null, claimant: false };

const HEDGE_RE = new RegExp(`\\b(?:${alternation(HEDGE_WORDS)})\\b`, 'i');
const NEGATION_RE = new RegExp(`\\b(?:${alternation(NEGATION_WORDS)})\\b`, 'i');
/** A denial a few words before the cause: "membantah dugaan peretasan", "Tidak ada serangan siber" (not "Ini bukan kali
 * pertama situs itu diretas", where "bukan" denies something else). */
const DENIAL_BEFORE_RE = new RegExp(`\\b(?:${alternation(DENIAL_WORDS)})\\s+(?:\\S+\\s+){0,2}$`, 'i');
/** A negation right before the match: "server tidak diretas", "bukan karena peretasan". */
const NEAR_NEGATION_RE = new RegExp(
  `\\b(?:${alternation(INNER_NEGATION_WORDS)})\\s+(?:(?:ada|pernah|sedang|karena|akibat|disebabkan|oleh|terkena|kena|mengalami|due\\s+to|caused\\s+by)\\s+){0,2}$`,
  'i',
);
/** …but not a negation that is the cause itself: "tidak stabil", "kapasitas server tidak memadai / tidak sanggup". */
const INNER_NEGATION_RE = new RegExp(
  `\\b(?:${alternation(INNER_NEGATION_WORDS)})\\s+(?!(?:lagi\\s+)?(?:stabil|memadai|mencukupi|cukup|sanggup|mampu|kuat)\\b)`,
  'i',
);
/** "Tidak dijelaskan adakah…" / "belum diketahui apakah …": the whole category is unknown. */
const UNKNOWN_RE = /\b(?:belum|tidak)\s+(?:diketahui|tahu|jelas|dijelaskan)(?:\s+persis)?\s+(?:apakah|adakah)\b/i;

/** A sentence that is a rule or a condition as a whole: "Dalam hal terjadi keadaan kahar…", "Apabila…". */
const HYPOTHETICAL_SENTENCE_RE = /^\W*(?:\d+\.\s*)?(?:dalam\s+hal|apabila|seandainya|andaikan)\b/i;
/** A parenthesis that lists examples: "(contoh: gangguan daya listrik, gangguan jaringan…)". */
const EXAMPLE_PAREN_RE = /^\(\s*(?:contoh|misal|misalnya|mis\.|seperti|e\.g\.)/i;

/** The text of the parenthesis still open at `at`, or "". */
function openParen(sentence: string, at: number): string {
  const open = sentence.lastIndexOf('(', at);
  if (open < 0 || sentence.lastIndexOf(')', at) > open) return '';
  return sentence.slice(open, at);
}

/** What may stand between two words of one mention: "diretas hacker", "diretas oleh hacker", "dibobol para peretas". */
const CHAINED_RE = /^\s*(?:(?:oleh|para|seorang|sekelompok|sejumlah|dari|by|the|an?)\s+){0,2}$/i;

/** A contrast that starts a new claim: "…, namun kepala dinas menyebut…". */
const CONTRAST_RE = /\b(?:namun|tetapi|tapi|sedangkan|melainkan|however|but)\b/gi;

/** Where the text after the last contrast before `at` begins (0 when there is none). */
function lastContrast(sentence: string, at: number): number {
  let from = 0;
  CONTRAST_RE.lastIndex = 0;
  for (let m = CONTRAST_RE.exec(sentence); m && m.index < at; m = CONTRAST_RE.exec(sentence))
    from = m.index + m[0].length;
  return from;
}

/** Where the next contrast after `at` begins (the sentence's end when there is none). */
function nextContrast(sentence: string, at: number): number {
  CONTRAST_RE.lastIndex = at;
  const m = CONTRAST_RE.exec(sentence);
  return m ? m.index : sentence.length;
}

/** The clause around a match: from the last clause break before it to the match. */
function clauseBefore(sentence: string, at: number): string {
  const head = sentence.slice(0, at);
  const cut = Math.max(
    head.lastIndexOf(','),
    head.lastIndexOf(';'),
    head.lastIndexOf('"'),
    head.lastIndexOf('“'),
    head.lastIndexOf('.'),
  );
  return head.slice(cut + 1);
}

type Pass = readonly (readonly [CauseKey, RegExp, boolean])[];
const DIRECT_PASS: Pass = CAUSE_RES.map(([k, re]) => [k, re, false] as const);
const LINKED_PASS: Pass = LINKED_CAUSE_RES.map(([k, re]) => [k, re, true] as const);
const BOTH_PASSES: Pass = [...DIRECT_PASS, ...LINKED_PASS];

/** The things an outage happens to: the procurement systems by name, and the server, site or network they run on. */
const OUTAGE_SUBJECT_RE = new RegExp(
  `\\b(?:${alternation([...SYSTEM_NAMES, ...SITE_NOUNS, ...OUTAGE_SUBJECTS])})\\b`,
  'i',
);
/** A linked noun that comes back, a few words after it: "setelah jaringan internet pulih". */
const RECOVERY_AFTER_RE = new RegExp(
  `^(?:\\s+\\S+){0,3}?\\s+(?:sudah\\s+|telah\\s+)?(?:${alternation(RECOVERY_AFTER_WORDS)})\\b`,
  'i',
);
/** A link or device that is the user's own, not the LPSE's: "koneksi internet yang digunakan penyedia". */
const USER_SIDE_AFTER_RE = new RegExp(`^(?:\\s+\\S+){0,2}\\s+(?:${alternation(USER_SIDE_WORDS)})\\b`, 'i');

/**
 * A cause noun that needs a link is a cause when the link governs it and the story is the outage's: a causal link
 * at most three words before it ("terganggu akibat banjir"), a result verb a few words after it ("Trafik yang
 * tinggi membuat…"), or a result opener at the start of the next sentence ("…terendam banjir. Akibatnya, …"); and
 * the system, its server or its site named in that sentence or the one before or after.
 */
function governed(sentences: readonly { text: string }[], i: number, at: number, end: number): boolean {
  const text = sentences[i]?.text ?? '';
  const after = text.slice(end, end + 60);
  if (USER_SIDE_AFTER_RE.test(after) || RECOVERY_AFTER_RE.test(after)) return false;
  const linked =
    CAUSE_LINK_BEFORE_RE.test(text.slice(Math.max(0, at - 60), at)) ||
    RESULT_LINK_AFTER_RE.test(text.slice(end, end + 80)) ||
    RESULT_OPENER_RE.test(sentences[i + 1]?.text ?? '');
  if (!linked) return false;
  return (
    OUTAGE_SUBJECT_RE.test(text) ||
    OUTAGE_SUBJECT_RE.test(sentences[i - 1]?.text ?? '') ||
    OUTAGE_SUBJECT_RE.test(sentences[i + 1]?.text ?? '')
  );
}

/** "Penyebab gangguan belum diketahui", "belum diketahui penyebabnya": the text says the cause is unknown. */
const CAUSE_UNKNOWN_RE =
  /\bpenyebab\w*(?:\s+\S+){0,4}?\s+(?:masih\s+)?(?:belum|tidak|tak)\s+(?:diketahui|jelas|dijelaskan|disebutkan|disampaikan)\b|\b(?:belum|tidak|tak)\s+(?:diketahui|dijelaskan|disebutkan|mengetahui|tahu)(?:\s+\S+){0,2}?\s+(?:apa\s+)?penyebab\w*|\bcause\s+(?:\S+\s+){0,3}(?:unknown|unclear|not\s+(?:known|given|clear))\b/i;

/** The sentence saying the cause is unknown, as the evidence of `unexplained` ("" when there is none). */
function unknownCauseSentence(sentences: readonly { text: string }[]): string {
  for (const s of sentences) if (s.text && CAUSE_UNKNOWN_RE.test(s.text)) return clip(s.text);
  return '';
}

/**
 * @example extractCauses(ctx('"Ada komponen perangkat keras yang rusak…," kata Kepala LPSE Bartim'))
 *   → { value: [{ category: "hardware", certainty: "stated", evidence: "\"Ada komponen perangkat keras…" }], … }
 */
export function extractCauses(ctx: ExtractContext, officials: readonly Official[] = []): Extracted<Cause[]> {
  const found = new Map<CauseKey, Cause>();
  /** Categories the headline states, and those a body sentence voices other than as a claimant's complaint. */
  const inTitle = new Set<CauseKey>();
  const inBody = new Set<CauseKey>();
  const bodyNotClaimant = new Set<CauseKey>();
  const unknownCats = new Set<CauseKey>();
  const deniedCats = new Set<CauseKey>();
  const sentences = [{ text: ctx.title }, ...ctx.sentences];
  const attackSentences: number[] = [];
  const footFrom = relatedFoot(ctx.sentences) + 1;
  sentences.forEach((s, i) => {
    const text = s.text;
    if (!text || i >= footFrom) return;
    const direct = ANY_CAUSE_RE.test(text);
    // a linked noun needs a link: most sentences have none, and skip the linked pass
    const linked =
      (ANY_LINK_RE.test(text) || RESULT_OPENER_RE.test(sentences[i + 1]?.text ?? '')) && ANY_LINKED_CAUSE_RE.test(text);
    if (!direct && !linked) return;
    const passes = direct ? (linked ? BOTH_PASSES : DIRECT_PASS) : LINKED_PASS;
    /** Where the last mention set aside in this sentence ended, per category. */
    const setAside = new Map<CauseKey, number>();
    for (const [cat, re, needsLink] of passes) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const end = m.index + m[0].length;
        if (needsLink && !governed(sentences, i, m.index, end)) continue;
        const clause = clauseBefore(text, m.index);
        const near = text.slice(Math.max(0, m.index - 40), m.index);
        // "Tidak ada serangan siber", "membantah dugaan peretasan" (but not "Pemkab lain yang tidak pernah terkena
        // peretasan": a plain negation may be about someone else)
        if (DENIAL_BEFORE_RE.test(clause)) deniedCats.add(cat);
        // one mention told in two words shares their fate: "agar server tidak diretas hacker", "pernah dibobol hacker"
        const prevAside = setAside.get(cat);
        if (prevAside !== undefined && CHAINED_RE.test(text.slice(prevAside, m.index))) {
          setAside.set(cat, end);
          continue;
        }
        if (
          NEGATION_RE.test(clause) ||
          NEGATION_RE.test(m[0]) ||
          INNER_NEGATION_RE.test(m[0].replace(/^\S+\s*/, '')) ||
          NEAR_NEGATION_RE.test(near) ||
          HYPOTHETICAL_SENTENCE_RE.test(text) ||
          EXAMPLE_PAREN_RE.test(openParen(text, m.index)) ||
          outOfScope(text, m.index, end, clause) ||
          (cat === 'cyberattack' && attackOnOtherSite(text, m.index, end, clause))
        ) {
          setAside.set(cat, end);
          continue;
        }
        // overload that follows an attack is the attack's doing ("Hacker menyerang… Jadi trafiknya selalu penuh")
        if (cat === 'overload' && attackSentences.some((a) => i - a <= 2 && i >= a)) continue;
        // a hedge before a contrast ("LSM menuding …, namun kepala dinas menyebut …") does not reach past it
        const scope = text.slice(lastContrast(text, m.index), m.index);
        const hedged = HEDGE_RE.test(scope) || HEDGE_RE.test(clause);
        if (UNKNOWN_RE.test(text)) unknownCats.add(cat);
        if (cat === 'cyberattack') attackSentences.push(i);
        // the headline, or its copy at the top of the text
        const headline = i === 0 || text === ctx.title;
        const voice = headline
          ? TITLE_VOICE
          : voiceOf(
              text,
              officials,
              text.slice(lastContrast(text, m.index), nextContrast(text, m.index + m[0].length)),
            );
        if (headline) inTitle.add(cat);
        else {
          inBody.add(cat);
          if (!voice.claimant) bodyNotClaimant.add(cat);
        }
        // what a contractor, an NGO or a company says is their suspicion, not a stated cause
        const certainty = hedged || voice.claimant ? 'suspected' : 'stated';
        const prev = found.get(cat);
        if (!prev || (prev.certainty === 'suspected' && certainty === 'stated'))
          found.set(cat, {
            category: WEAK_CATEGORY[cat as keyof typeof WEAK_CATEGORY] ?? (cat as Cause['category']),
            evidence: clip(text),
            certainty,
            ...(voice.by ? { by: voice.by } : {}),
          });
      }
    }
  });
  // a headline that states what only claimants say in the body ("LPSE Diretas, Perusahaan Merasa Dirugikan" over a
  // company's "Kita menduga ada yang nge-hack") states their suspicion
  for (const cat of inTitle) if (inBody.has(cat) && !bodyNotClaimant.has(cat)) unknownCats.add(cat);
  for (const cat of [...unknownCats, ...deniedCats]) {
    const c = found.get(cat);
    if (c) c.certainty = 'suspected';
  }
  // the PDN outage was a ransomware attack; it is `pdn`, not also `cyberattack`. A ransomware attack stated in an
  // article that names the PDN as where it came from, even as a guess ("terdampak serangan ransomware, diduga berasal
  // dari PDNS"), is the PDN's
  const pdn = found.get('pdn');
  const attack = found.get('cyberattack');
  if (pdn && pdn.certainty !== 'stated' && attack?.certainty === 'stated' && RANSOMWARE_RE.test(attack.evidence))
    found.set('pdn', { ...pdn, certainty: 'stated', evidence: attack.evidence });
  if (found.get('pdn')?.certainty === 'stated') found.delete('cyberattack');
  // lightning is `network` unless hardware is stated: then it is how the hardware broke
  const lightning = found.get('lightning');
  found.delete('lightning');
  if (lightning && !found.has('network') && found.get('hardware')?.certainty !== 'stated')
    found.set('network', { ...lightning, category: 'network' });
  // a damaged server, a site shut for repairs: a cause only when the text names no other
  for (const [key, category] of Object.entries(WEAK_CATEGORY) as [CauseKey, CauseKey][]) {
    if (key === 'lightning') continue;
    const weak = found.get(key);
    found.delete(key);
    if (weak && !found.has(category) && ![...found.values()].some((c) => c.certainty === 'stated'))
      found.set(category, weak);
  }
  const causes = [...found.values()];
  const stated = causes.filter((c) => c.certainty === 'stated');
  const value: Cause[] = stated.length
    ? causes
    : [
        {
          category: 'unexplained',
          evidence: causes[0]?.evidence ?? unknownCauseSentence(sentences),
          certainty: 'stated',
        },
        ...causes,
      ];
  return {
    value,
    evidence: value.filter((c) => c.evidence).map((c) => ({ text: c.evidence })),
    confidence: stated.length ? 0.7 : 0.4,
  };
}
