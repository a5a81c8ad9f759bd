/**
 * `is_incident`: does the article report an outage or malfunction of an Indonesian LPSE/SPSE (down, unreachable,
 * uploads failing, bids or documents lost, accounts taken over, hacked so it cannot be used)? Decided from the line
 * annotations of `relevance/`: a system tied to a stated outage in its own line, in the line beside it, or told
 * after it with a head that refers back ("LPSE Kabupaten X … Servernya mati sejak Senin"), less a few genre
 * penalties (guides, FAQs, regulations, trials, trainings, vacancies, op-eds, tender pages, notices of work to come,
 * denials).
 */
import type { Extracted } from '../../types/index.ts';
import type { ExtractContext } from '../context.ts';
import { FUTURE_STOP_RE, GENERIC_BEFORE_RE, PLANNED_RE } from '../lexicon/hedge.ts';
import {
  DENIED_REASON_RE,
  NEGATED_OUTAGE_RE,
  NEVER_DOWN_AFTER_RE,
  RUMOUR_DENIED_RE,
  RUMOUR_RE,
} from '../lexicon/negation.ts';
import { LOSS_SUPPOSED_BEFORE_RE, LOST_BID_RE, OUTAGE_RE } from '../lexicon/outage.ts';
import { INDONESIAN_SYSTEM_RE, NATIONAL_PROCUREMENT_RE, SYSTEM_RE } from '../lexicon/system.ts';
import {
  ACCOUNT_LOCK_RE,
  CASE_RE,
  EVENT_GENRE_RE,
  HOWTO_RE,
  NOT_A_REPORT_RE,
  NUMBERED_QUESTION_RE,
  OPINION_HEAD_RE,
  OPINION_RE,
  QA_RE,
  TENDER_FIELD_RE,
} from '../relevance/genre.ts';
import { annotateLines, type LineAnnotation, SYSTEM_SAFE_RE, statedOutageAt, windowAhead } from '../relevance/index.ts';
import { clip } from '../text-helpers.ts';

export interface RelevanceValue {
  is_incident: boolean;
  /**
   * How many lines tie a procurement system to a stated outage (the headline counts twice, a tie across lines half),
   * less the genre penalties; the penalties are weighed only when the ties alone would make an incident.
   */
  score: number;
  /** The genre penalties that applied, by name. */
  penalties: string[];
}

/** The most that ties across lines add to the score. */
const ANAPHORA_CAP = 1.5;

/** Another system's outage: the other system stands nearer to the outage word than the procurement system. */
function othersOutage(l: LineAnnotation): boolean {
  if (l.other < 0) return false;
  if (l.system < 0) return true;
  return Math.abs(l.other - l.outage) < Math.abs(l.system - l.outage);
}

/**
 * The national data centre's outage reached procurement: a line states the PDN outage, and a system or LKPP is tied
 * to an outage ("layanan LKPP terganggu", "47 layanan belum bisa diakses. Di antaranya SPSE…").
 */
function nationalOutageReached(lines: readonly LineAnnotation[], tied: boolean): LineAnnotation | null {
  const pdn = lines.find((l) => l.pdn && l.outage >= 0);
  if (!pdn) return null;
  return lines.find((l) => l.outage >= 0 && NATIONAL_PROCUREMENT_RE.test(l.text)) ?? (tied ? pdn : null);
}

/** A bid lost, told as a fact: "Dokumen penawaran yang sudah diunggah hilang dari sistem". */
function bidLost(text: string): boolean {
  const m = LOST_BID_RE.exec(text);
  return m !== null && !LOSS_SUPPOSED_BEFORE_RE.test(text.slice(0, m.index));
}

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** A headline that names the system and only denies its outage: "Ahli: Server LPSE Tak Pernah Down". */
function deniedInHeadline(title: string): boolean {
  if (!title || !SYSTEM_RE.test(title)) return false;
  NEGATED_OUTAGE_RE.lastIndex = 0;
  return NEGATED_OUTAGE_RE.test(title) && statedOutageAt(title) < 0;
}

/** The genres that speak of LPSE errors without reporting one, each by name. */
function genrePenalties(ctx: ExtractContext, systemLines: number): [string, number][] {
  const title = ctx.title;
  const head = `${title}\n${ctx.text.slice(0, 3000)}`;
  const lead = `${title}\n${ctx.text.slice(0, 600)}`;
  const out: [string, number][] = [];
  if (NOT_A_REPORT_RE.test(head)) out.push(['not-a-report', 2]);
  if (CASE_RE.test(lead)) out.push(['case', 2]);
  if (EVENT_GENRE_RE.test(lead)) out.push(['event', 2]);
  if (OPINION_HEAD_RE.test(title) || OPINION_RE.test(ctx.text)) out.push(['opinion', 2]);
  if (countMatches(TENDER_FIELD_RE, head) >= 2) out.push(['tender-page', 2]);
  if (QA_RE.test(head) || countMatches(NUMBERED_QUESTION_RE, head) >= 2) out.push(['q-and-a', 2]);
  // a denial is the story when the headline or the lead tells it; further down it corrects a detail of the outage
  // (rumours called untrue and "not hacked, still normal" take away their own sentence's outage: relevance/)
  if (DENIED_REASON_RE.test(lead) || (lead.includes('pernah') && NEVER_DOWN_AFTER_RE.test(lead)))
    out.push(['denial', 2]);
  if (deniedInHeadline(title)) out.push(['denied-headline', 2]);
  // a guide's headline ("5 Cara Mengatasi Error…") names the genre for the whole text: no tie outweighs it
  if (HOWTO_RE.test(head)) out.push(['how-to', HOWTO_RE.test(title) ? Number.POSITIVE_INFINITY : 2]);
  // work announced in the lead is the story; "akan melakukan pemeliharaan" further down is the remedy after an outage
  if (PLANNED_RE.test(lead) || FUTURE_STOP_RE.test(lead) || windowAhead(ctx)) out.push(['planned', 3]);
  // only a headline names the safe system as the story: in the body it is a neighbour beside a real outage
  if (SYSTEM_SAFE_RE.test(title)) out.push(['safe-headline', 2]);
  // one user's account locked is the story when the headline or the lead tells it
  if (ACCOUNT_LOCK_RE.test(lead)) out.push(['own-account', 2]);
  void systemLines;
  return out;
}

/**
 * @example extractIsIncident(ctx("Server LPSE Kabupaten Gresik Error…tidak bisa diakses sejak Jumat sore"), "ind")
 *   → { value: { is_incident: true, … }, evidence: [{ text: "Server LPSE Kabupaten Gresik Error" }] }
 */
export function extractIsIncident(ctx: ExtractContext, language: string): Extracted<RelevanceValue> {
  // Javanese regional news reports Indonesian LPSEs in Javanese; an English report counts when it names one
  if (
    language !== 'ind' &&
    language !== 'jav' &&
    !(language === 'eng' && INDONESIAN_SYSTEM_RE.test(`${ctx.title}\n${ctx.text}`))
  )
    return {
      value: { is_incident: false, score: 0, penalties: [] },
      evidence: [{ text: `language ${language}` }],
      confidence: 0.8,
    };
  const lines = annotateLines(ctx, language);
  const evidence: { text: string }[] = [];
  const cite = (s: string) => {
    if (evidence.length < 3 && !evidence.some((e) => e.text === clip(s))) evidence.push({ text: clip(s) });
  };
  let score = 0;
  // ties across lines (the outage told after the system, or beside it) add up to ANAPHORA_CAP: a guide or a
  // feature speaks of "server" and "jaringan" in many lines without a second outage
  let across = 0;
  let systemLines = 0;
  // the system the story last named: ours, another one, or none yet
  let last: 'ours' | 'other' | null = null;
  let lastPara = -2;
  // once the text calls a rumour untrue, the lines that tell a rumour report no outage ("narasi bahwa LPSE diserang")
  const rumourDenied = RUMOUR_DENIED_RE.test(ctx.text);
  for (const [i, l] of lines.entries()) {
    if (!l.text) continue;
    if (rumourDenied && l.outage >= 0 && RUMOUR_RE.test(l.text)) l.outage = -1;
    // "berbagai kendala teknis yang terjadi di lapangan": kinds of trouble, no event
    if (l.outage > 0 && GENERIC_BEFORE_RE.test(l.text.slice(Math.max(0, l.outage - 30), l.outage))) l.outage = -1;
    // a bid lost is the procurement system's own failure, named or not
    if (l.system < 0 && l.outage >= 0 && l.other < 0 && bidLost(l.text)) l.system = l.outage;
    const own = l.outage >= 0;
    if (l.system >= 0) systemLines++;
    if (l.system >= 0 && own && !othersOutage(l) && !l.safe) {
      score += i === 0 ? 2 : 1;
      cite(l.text);
    } else if (l.system >= 0 && !own && !l.safe) {
      // the system in one line, the outage in the next: "…hilang dari akun LPSE. … mengalami kesalahan teknis."
      const beside = [lines[i - 1], lines[i + 1]].some(
        (n) => n?.text && n.outage >= 0 && n.system < 0 && !othersOutage(n),
      );
      if (beside) {
        across += 0.5;
        cite(l.text);
      }
    } else if (
      l.system < 0 &&
      own &&
      !othersOutage(l) &&
      last === 'ours' &&
      (l.head >= 0 || (l.para === lastPara && language !== 'eng'))
    ) {
      // the system named before, the outage told after: "Servernya mati sejak Senin", "Situs tersebut tidak bisa dibuka"
      across += 0.5;
      cite(l.text);
    } else if (l.system < 0 && own && l.other < 0 && l.head >= 0 && l.procurement) {
      // the system described by the process it runs: "pembatalan tender itu akibat sistem yang rusak"
      across += 0.5;
      cite(l.text);
      last = 'ours';
      lastPara = l.para;
      systemLines++;
    }
    if (l.system >= 0) {
      last = 'ours';
      lastPara = l.para;
    } else if (l.other >= 0 && OUTAGE_RE.test(l.text)) last = 'other';
  }
  score += Math.min(across, ANAPHORA_CAP);
  const national = nationalOutageReached(lines, score > 0);
  if (national) {
    cite(national.text);
    score += 1;
    systemLines++;
  }
  // penalties only lower the score: without enough evidence of an outage there is nothing for them to decide
  if (score < 1 || !systemLines)
    return {
      value: { is_incident: false, score, penalties: [] },
      evidence,
      confidence: Math.min(0.95, 0.5 + Math.abs(score) * 0.1),
    };
  const penalties = genrePenalties(ctx, systemLines);
  const net = score - penalties.reduce((a, [, w]) => a + w, 0);
  return {
    value: { is_incident: net >= 1, score: net, penalties: penalties.map(([n]) => n) },
    evidence,
    confidence: Math.min(0.95, 0.5 + Math.abs(net) * 0.1),
  };
}
