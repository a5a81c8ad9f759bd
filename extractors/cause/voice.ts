/**
 * Who states a cause: the quoted official whose quotation the sentence carries or who is named in it, or a party
 * (a contractor, an NGO, a company) that says it. A cause only a claimant voices is their suspicion, not a stated
 * cause (../shared/corpus/README.md).
 */
import type { Official } from '../../types/index.ts';
import { SPEECH_VERBS_ACTIVE, SPEECH_VERBS_BARE } from '../lexicon/speech.ts';
import { alternation } from '../text-helpers.ts';
import { CLAIM_VERBS, CLAIMANT_WORDS, COMPANY_HEADS } from './constants.ts';

export interface Voice {
  /** The official's name, when the sentence is theirs. */
  by: string | null;
  /** A claimant says it: a complainant official, or a party named as the speaker. */
  claimant: boolean;
}

const SPEECH = `(?:${alternation([...SPEECH_VERBS_ACTIVE, ...SPEECH_VERBS_BARE, ...CLAIM_VERBS])})`;
/** A party as the speaker: "Kontraktor menduga…", "Juru Bicara PT MJP, Roni, menduga…", "…," ungkap salah seorang kontraktor. */
function speaksRe(party: string, flags: string): RegExp {
  return new RegExp(
    `\\b${party}\\b(?:\\s+[^\\s"“”]+){0,5}\\s+${SPEECH}(?:nya)?\\b|\\b${SPEECH}(?:nya)?\\s+(?:salah\\s+(?:seorang|satu)\\s+|seorang\\s+|para\\s+|beberapa\\s+|sejumlah\\s+|several\\s+|some\\s+|many\\s+)?${party}\\b`,
    flags,
  );
}
// an internet provider ("penyedia jasa internet") is no bidder
const CLAIMANT_SPEAKS_RE = speaksRe(`(?:${alternation(CLAIMANT_WORDS)})(?!\\s+(?:internet|layanan|jaringan))`, 'i');
const COMPANY_SPEAKS_RE = speaksRe(`(?:${alternation(COMPANY_HEADS)})`, '');

const QUOTE_MARKS_RE = /["“”'‘’]/g;
const squash = (s: string) => s.replace(QUOTE_MARKS_RE, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The official whose quotation is this sentence, or the only official named in it. */
function officialOf(sentence: string, officials: readonly Official[]): Official | null {
  const flat = squash(sentence);
  const head = flat.slice(0, 40);
  for (const o of officials)
    for (const q of o.quotes) {
      const fq = squash(q);
      if (fq.length >= 20 && (flat.includes(fq.slice(0, 40)) || (head.length >= 20 && fq.includes(head)))) return o;
    }
  const named = officials.filter((o) => o.name && sentence.includes(o.name));
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * The voice of a mention: the official of the sentence, else a claimant speaking in `clause` (the part of the sentence
 * between the contrasts around the mention: "LSM menuding …, namun kepala dinas menyebut …" has two voices).
 *
 * @example voiceOf('Juru Bicara PT MJP, Ayatullah Roni menduga, ada pihak tertentu yang meretas akses LPSE.', [])
 *   → { by: null, claimant: true }
 */
export function voiceOf(sentence: string, officials: readonly Official[], clause = sentence): Voice {
  const o = officialOf(sentence, officials);
  if (o) return { by: o.name, claimant: o.stance === 'complainant' };
  return { by: null, claimant: CLAIMANT_SPEAKS_RE.test(clause) || COMPANY_SPEAKS_RE.test(clause) };
}
