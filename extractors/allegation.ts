/**
 * Allegation: suspicion that the outage was deliberate manipulation of the tender (permainan, pengondisian,
 * persekongkolan, "disengaja", "main kucing-kucingan", sabotase), with who voices it when the sentence says.
 */
import type { Extracted } from '../types/index.ts';
import type { ExtractContext } from './context.ts';
import { alternation, clip } from './text-helpers.ts';

export const ALLEGATION_TERMS = [
  'permainan',
  'main kucing-kucingan',
  'main kucing- kucingan',
  'kucing-kucingan',
  'pengondisian',
  'mengondisikan',
  'dikondisikan',
  'persekongkolan',
  'kongkalikong',
  'disengaja',
  'kesengajaan',
  'sengaja',
  'sabotase',
  'monopoli',
  'kecurangan',
  'dicurangi',
  'pura-pura di hack',
  'pengaturan server',
  'memainkan',
  'sarat dengan kepentingan',
  'sarat kepentingan',
  'di block demi kepentingan',
  'disetting',
  'kecurigaan',
];
const ALLEGATION_RE = new RegExp(`\\b(?:${alternation(ALLEGATION_TERMS)})\\b`, 'i');
/** Who alleges: the complainants Indonesian news names. */
const ALLEGER_RE =
  /\b(?:kontraktor|rekanan|pengusaha|LSM\s+\S+|lsm|KPK|penyedia(?:\s+jasa)?|peserta\s+(?:lelang|tender)|asosiasi\s+\S+|Ketua\s+\S+(?:\s+\S+)?)\b/i;
/** A denial is not an allegation: "LPSE membantah pihaknya melakukan pengaturan server". */
const DENIAL_RE = /\b(?:membantah|tidak\s+mau\s+berprasangka|bukan\s+karena)\b/i;

export interface AllegationValue {
  present: boolean;
  by: string[];
}

/**
 * @example extractAllegation(ctx("…Diduga “Main Kucing- Kucingan” LPSE Luwu Utara Disorot")) → { value: { present: true } }
 */
export function extractAllegation(ctx: ExtractContext): Extracted<AllegationValue> {
  const evidence: { text: string }[] = [];
  const by = new Set<string>();
  for (const s of [{ text: ctx.title }, ...ctx.sentences]) {
    if (!s.text || !ALLEGATION_RE.test(s.text) || DENIAL_RE.test(s.text)) continue;
    evidence.push({ text: clip(s.text) });
    const who = ALLEGER_RE.exec(s.text);
    if (who) by.add(who[0].toLowerCase());
  }
  return {
    value: { present: evidence.length > 0, by: [...by] },
    evidence: evidence.slice(0, 5),
    confidence: evidence.length ? 0.7 : 0.6,
  };
}
