/**
 * Relevance: does the article report an outage or malfunction of an Indonesian LPSE/SPSE (down, unreachable,
 * uploads failing, hacked so it cannot be used)? Not a tender notice, an LPSE training or award, a corruption case
 * that mentions LPSE, an outage of another government service, a FAQ or how-to about SPSE errors, or another
 * country's portal.
 */
import type { Extracted } from '../../src/types.ts';
import type { ExtractContext } from '../context.ts';
import { alternation, clip } from '../text.ts';
import { ENGLISH_OUTAGE_TERMS } from '../vocab.ts';

/** The procurement systems Pantau watches. */
export const SYSTEM_TERMS = [
  'LPSE',
  'SPSE',
  'e-procurement',
  'eproc',
  'e-proc',
  'SIKaP',
  'Layanan Pengadaan Secara Elektronik',
  'Layanan Pengadaan Sistem Elektronik',
  'Lembaga Pengadaan Secara Elektronik',
  'Sistem Pengadaan Secara Elektronik',
  'situs lelang',
  'sistem lelang elektronik',
  'lelang elektronik',
  'website lelang',
  'sistem layanan pengadaan',
  'server LPSE',
];
/** Words of a malfunction. */
export const MALFUNCTION_TERMS = [
  'gangguan',
  'terganggu',
  'error',
  'eror',
  'down',
  'rusak',
  'kerusakan',
  'macet',
  'macet total',
  'ngadat',
  'lumpuh',
  'lelet',
  'trouble',
  'offline',
  'bermasalah',
  'diretas',
  'dihack',
  'di hack',
  'di-hack',
  'kena hack',
  'dihacker',
  'hacker',
  'disusupi',
  'peretasan',
  'tidak bisa diakses',
  'tidak dapat diakses',
  'tidak bisa di akses',
  'tak bisa diakses',
  'tak dapat diakses',
  'belum bisa diakses',
  'belum dapat diakses',
  'tidak dapat dioperasikan',
  'tidak bisa mengupload',
  'tidak bisa upload',
  'tidak bisa mengunggah',
  'tidak bisa masuk',
  'tidak dapat mengakses',
  'tidak dapat masuk',
  'sulit diakses',
  'susah diakses',
  'kesalahan sistem',
  'kesalahan teknis',
  'gangguan sistem',
  'gangguan teknis',
  'not connection',
  'tidak berfungsinya',
  'terkendala',
  'kendala teknis',
  'server mati',
  'matinya server',
  'kerap eror',
  'masalah teknis',
  'tidak berjalan',
  'putus',
  'terputus',
  'kembali normal',
  'sudah normal',
  'normal kembali',
  'diakses kembali',
  'gagal diakses',
  'lemot',
  'hang',
  'galat',
  'diserang',
  'kena retas',
  'gagal login',
  'gagal upload',
  'gagal mengunggah',
  'mati total',
  'tidak dapat digunakan',
  'tidak bisa digunakan',
  'tak dapat digunakan',
  'tak bisa digunakan',
  'terhenti',
  'tumbang',
  'kolaps',
  // Javanese reports
  'ora bisa diakses',
  'ora iso diakses',
  // English reports of an Indonesian portal
  ...ENGLISH_OUTAGE_TERMS,
  'hacked',
  'defaced',
  'taken offline',
  'knocked offline',
  'unable to access',
];
/** Indonesian systems by name: an English article counts only when it names one (other countries' portals do not). */
export const INDONESIAN_SYSTEM_TERMS = [
  'LPSE',
  'SPSE',
  'SIKaP',
  'Layanan Pengadaan Secara Elektronik',
  'Sistem Pengadaan Secara Elektronik',
];
/** Words that deny what follows: "tidak diretas", "bukan gangguan". */
export const NEGATION_WORDS = ['tidak', 'tak', 'bukan', 'belum pernah', 'tidak pernah', 'not', 'never'];
/** A how-to guide: "5 Cara Mengatasi Error…", "Berikut beberapa langkah…", "Semoga bermanfaat". */
export const HOWTO_TERMS = [
  'cara mengatasi',
  'cara memperbaiki',
  'tips mengatasi',
  'tips menghindari',
  'langkah mengatasi',
  'berikut beberapa langkah',
  'berikut langkah',
  'berikut cara',
  'berikut tips',
  'semoga bermanfaat',
  'how to fix',
  'tips agar',
  'tips supaya',
  'cara agar',
  'cara supaya',
  'begini cara',
  'panduan mengatasi',
];
/** Genres that talk about LPSE errors without reporting one. */
export const NOT_A_REPORT_TERMS = [
  'frequently asked questions',
  'FAQ',
  'soalan lazim',
  'standard operating procedures',
  'peraturan bupati',
  'menimbang',
  'apa solusinya',
  'artikel ini',
  'pendahuluan',
  'ditetapkan sebagai tersangka',
  'operasi tangkap tangan',
  // the same genres in English reports
  'named a suspect',
  'named as a suspect',
  'named suspects',
  'graft case',
  'corruption case',
];

/**
 * Events that are the story when the headline or the lead names them ("…mengikuti pelatihan SPSE…"); further down
 * an outage report, "pelatihan" or "sosialisasi" is a remedy someone asks for.
 */
export const EVENT_GENRE_TERMS = [
  'studi banding',
  'management training',
  'bimbingan teknis',
  'pelatihan',
  'sosialisasi',
  'training session',
  'workshop',
];

/** A notice of maintenance still to come: the portal is not down yet. */
export const PLANNED_TERMS = [
  'akan melaksanakan pemeliharaan',
  'akan melakukan pemeliharaan',
  'akan dilakukan pemeliharaan',
  'akan dilaksanakan pemeliharaan',
  'rencana pemeliharaan sistem',
  'will undergo maintenance',
  'scheduled maintenance will',
];
/** The system said to be safe in a headline about another failure: "Jaringan Pemkot Down, LPSE Aman". */
export const SAFE_TERMS = [
  'aman',
  'tetap berjalan normal',
  'tetap berjalan',
  'tetap normal',
  'tetap lancar',
  'tetap bisa diakses',
  'tetap dapat diakses',
  'tidak terdampak',
  'tak terdampak',
];

const SYSTEM_RE = new RegExp(`\\b(?:${alternation(SYSTEM_TERMS)})\\b`, 'i');
/** A malfunction word, also with -nya ("erornya LPSE", "rusaknya server"). */
const MALFUNCTION_RE = new RegExp(`\\b(?:${alternation(MALFUNCTION_TERMS)})(?:nya)?\\b`, 'i');
/** The national data centre outage of June 2024 took SPSE down with it. */
const PDN_OUTAGE_RE =
  /\b(?:Pusat\s+Data\s+Nasional|PDNS?)\b[^.]{0,120}\b(?:gangguan|down|terganggu|diretas|ransomware|serangan)|\b(?:gangguan|down|terganggu|diretas|peretasan|serangan)\b[^.]{0,120}\b(?:Pusat\s+Data\s+Nasional|PDNS?)\b/i;
const INDONESIAN_SYSTEM_RE = new RegExp(`\\b(?:${alternation(INDONESIAN_SYSTEM_TERMS)})\\b`, 'i');
/** A denied malfunction, cut out before the malfunction test: "LPSE tidak diretas dan tetap berjalan normal". */
const NEGATED_MALFUNCTION_RE = new RegExp(
  `\\b(?:${alternation(NEGATION_WORDS)})\\s+(?:(?:pernah|sedang|ada|mengalami|sampai|been)\\s+)?(?:${alternation(MALFUNCTION_TERMS)})(?:nya)?\\b`,
  'gi',
);
/** A rumour of an attack or outage denied: "kabar LPSE kami dibobol itu tidak benar", "tidak diretas". */
const RUMOUR_DENIED_RE = /\b(?:kabar|isu|informasi|narasi)\b[^.]{0,80}\b(?:tidak\s+benar|hoaks|hoax)\b/i;
/** The system said never to have failed: "tidak diretas dan tetap berjalan normal" (a real outage says "kembali normal"). */
const NEVER_DOWN_RE =
  /\b(?:tidak|tak|bukan)\s+(?:ikut\s+)?(?:(?:di)?(?:retas|bobol|hack)|terganggu|terdampak|bermasalah|mengalami\s+gangguan)\b[\s\S]{0,160}?\b(?:tetap|masih)\s+(?:berjalan\s+)?(?:normal|aman|lancar|bisa\s+diakses)/i;
/** Clause breaks of contrast: a denial clause does not lend its system to the clause beside it. */
const CONTRAST_SPLIT_RE =
  /\s*(?:,\s*)?\b(?:tapi|tetapi|namun|meski(?:pun)?|walau(?:pun)?|melainkan|sedangkan|sementara)\b|;/i;
/** A site that will not open ("situs lelang tak bisa dibuka"); a document that will not open is no outage. */
export const SITE_NOUNS = ['situs', 'laman', 'website', 'portal', 'aplikasi', 'web'];
export const UNOPENED_TERMS = ['tidak bisa dibuka', 'tidak dapat dibuka', 'tak bisa dibuka', 'tak dapat dibuka'];
const SITE_UNOPENED_RE = new RegExp(
  `\\b(?:${alternation(SITE_NOUNS)})\\b[^.,;]{0,40}?\\b(?:${alternation(UNOPENED_TERMS)})\\b`,
  'i',
);
const PLANNED_RE = new RegExp(`\\b(?:${alternation(PLANNED_TERMS)})\\b`, 'i');
/** "LPSE Aman", "LPSE Kota Contoh tetap berjalan normal": the system, its name, then a safe word. */
const SYSTEM_SAFE_RE = new RegExp(
  `\\b(?:LPSE|SPSE|Layanan\\s+Pengadaan\\s+Secara\\s+Elektronik(?:\\s+\\(LPSE\\))?)(?:\\s+(?:Kota|Kabupaten|Provinsi|\\p{Lu}[\\p{L}-]*)){0,4}\\s+(?:${alternation(SAFE_TERMS)})\\b`,
  'iu',
);
const HOWTO_RE = new RegExp(`\\b(?:${alternation(HOWTO_TERMS)})\\b`, 'i');
const NOT_A_REPORT_RE = new RegExp(`\\b(?:${alternation(NOT_A_REPORT_TERMS)})\\b`, 'i');
const EVENT_GENRE_RE = new RegExp(`\\b(?:${alternation(EVENT_GENRE_TERMS)})\\b`, 'i');
/** A Q&A layout: "Q :", "Bagaimana cara…?", "S1." */
const QA_RE = /(?:^|\n)\s*(?:Q\s*:|\d+\.\s*Q\s*:|S\d+\.\s)|\bBagaimana\s+(?:cara|bila)\b/i;
/** The malfunction is denied: "bukan karena aplikasi yang lelet, bukan karena sistem yang salah". */
const DENIAL_RE =
  /\bbukan\s+karena\s+(?:aplikasi|sistem|server)|murni\s+bukan\b|human\s+e?rror|tidak\s+ada\s+masalah\s+dari\s+sisi\s+sist/i;
/** A condition, not an event: "Jika terjadi gangguan, penyedia dapat menghubungi helpdesk LPSE." */
const HYPOTHETICAL_RE =
  /^\W*(?:jika|apabila|bila|kalau|seandainya|andaikan|dalam\s+hal)\b|\b(?:jika|apabila|bila)\s+terjadi\b/i;
/** Another service's outage ("situs web resmi Pemkab", Samsat, Dukcapil) with LPSE only in passing. */
const OTHER_SERVICE_RE =
  /\b(?:samsat|dukcapil|disdukcapil|adminduk|e-?ktp|cpns|(?:situs|laman|website)\s+(?:web\s+)?resmi\s+(?:pemkab|pemkot|pemprov|pemda))\b/i;

/**
 * The sentence without denied malfunctions. When it denies one ("LPSE tidak terganggu meski PDN diserang"), only
 * its clauses that deny nothing and name the system themselves are kept.
 */
function affirmedPart(s: string): string {
  NEGATED_MALFUNCTION_RE.lastIndex = 0;
  if (!NEGATED_MALFUNCTION_RE.test(s)) return s;
  return s
    .split(CONTRAST_SPLIT_RE)
    .filter((c) => {
      NEGATED_MALFUNCTION_RE.lastIndex = 0;
      return !NEGATED_MALFUNCTION_RE.test(c) && SYSTEM_RE.test(c);
    })
    .join(' ');
}

export interface RelevanceValue {
  is_incident: boolean;
  /** How many sentences tie a procurement system to a malfunction. */
  score: number;
}

/**
 * @example extractIsIncident(ctx("Server LPSE Kabupaten Gresik Error…tidak bisa diakses sejak Jumat sore")) → { value: { is_incident: true } }
 */
export function extractIsIncident(ctx: ExtractContext, language: string): Extracted<RelevanceValue> {
  // Javanese regional news reports Indonesian LPSEs in Javanese: its sentences still name LPSE and its Indonesian terms
  if (
    language !== 'ind' &&
    language !== 'jav' &&
    !(language === 'eng' && INDONESIAN_SYSTEM_RE.test(`${ctx.title}\n${ctx.text}`))
  )
    return { value: { is_incident: false, score: 0 }, evidence: [{ text: `language ${language}` }], confidence: 0.8 };
  const evidence: { text: string }[] = [];
  let score = 0;
  const title = ctx.title;
  const lines = [title, ...ctx.sentences.map((s) => s.text)];
  let systemMentions = 0;
  for (const [i, s] of lines.entries()) {
    if (!s) continue;
    const sys = SYSTEM_RE.test(s);
    if (sys) systemMentions++;
    // "Jaringan Pemkot Down, LPSE Aman": the malfunction in a line that calls the system safe is another's
    if (!sys || DENIAL_RE.test(s) || HYPOTHETICAL_RE.test(s) || SYSTEM_SAFE_RE.test(s)) continue;
    const affirmed = affirmedPart(s);
    if (MALFUNCTION_RE.test(affirmed) || SITE_UNOPENED_RE.test(affirmed)) {
      score += i === 0 ? 2 : 1;
      if (evidence.length < 3) evidence.push({ text: clip(s) });
    } else if (i > 0 && (MALFUNCTION_RE.test(lines[i - 1] ?? '') || MALFUNCTION_RE.test(lines[i + 1] ?? ''))) {
      // the system in one sentence, its malfunction in the next: "…hilang dari akun LPSE. … mengalami kesalahan teknis."
      score += 0.5;
      if (evidence.length < 3) evidence.push({ text: clip(s) });
    }
  }
  if (systemMentions && PDN_OUTAGE_RE.test(ctx.text)) score += 1;
  const head = `${title}\n${ctx.text.slice(0, 3000)}`;
  let penalty = 0;
  if (NOT_A_REPORT_RE.test(head) || EVENT_GENRE_RE.test(`${title}\n${ctx.text.slice(0, 600)}`)) penalty += 2;
  if (QA_RE.test(head)) penalty += 2;
  if (DENIAL_RE.test(ctx.text) || RUMOUR_DENIED_RE.test(ctx.text) || NEVER_DOWN_RE.test(ctx.text)) penalty += 2;
  // a guide's headline ("5 Cara Mengatasi Error…") names the genre for the whole text
  if (HOWTO_RE.test(head)) penalty += HOWTO_RE.test(title) ? 4 : 2;
  if (OTHER_SERVICE_RE.test(head) && systemMentions <= 1) penalty += 3;
  if (PLANNED_RE.test(head)) penalty += 3;
  // only a headline names the safe system as the story: in the body it is a neighbour ("LPSE Kabupaten X tidak
  // terdampak") beside a real outage
  if (SYSTEM_SAFE_RE.test(title)) penalty += 2;
  const net = score - penalty;
  return {
    value: { is_incident: net >= 1 && systemMentions >= 1, score: net },
    evidence,
    confidence: Math.min(0.95, 0.5 + Math.abs(net) * 0.1),
  };
}
