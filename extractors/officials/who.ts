/**
 * Who a speaker phrase names: "Kepala LPSE Bartim Abdul Gafur" or "Aris Gunawan, Ketua LSM FPSR" split into name
 * and role (both orders, degrees and honorifics kept with the name), the phrase right after a bare verb or right
 * before an active one, and whether two names are the same person ("Yadi" and "A Cahyadi Lamnunyai").
 */
import type { Official } from '../../types/index.ts';
import { ORG_NAME_HEADS, ORG_PREFIX_RE, ORG_UNIT_HEADS, ORG_WORDS } from '../lexicon/organisations.ts';
import { PRONOUNS } from '../lexicon/speech.ts';
import {
  COMPLAINANT_ROLE_RE,
  DEGREE_RE,
  HONORIFIC_RE,
  OFFICIAL_ROLE_RE,
  ROLE_HEADS,
  ROLE_LOWER_WORDS,
  UNIT_PART_WORDS,
} from '../lexicon/titles.ts';
import { regionNameSpans } from '../region/index.ts';
import { NOT_NAMES } from './constants.ts';

const ORG_SET = new Set(ORG_WORDS);
const ORG_NAME_HEAD_SET = new Set(ORG_NAME_HEADS);
const ORG_UNIT_HEAD_SET = new Set(ORG_UNIT_HEADS);
const ROLE_LOWER = new Set(ROLE_LOWER_WORDS);
const UNIT_PART_SET = new Set(UNIT_PART_WORDS);
/** Words after which a capitalised run is a place, not a person: "kontraktor asal Umbulharjo", "warga Desa X". */
export const PLACE_HEADS = new Set([
  'asal',
  'dari',
  'di',
  'ke',
  'desa',
  'kelurahan',
  'kecamatan',
  'kampung',
  'dusun',
  'in',
  'from',
]);
const NOT_NAME_SET = new Set(NOT_NAMES);
const ROLE_HEAD_SET = new Set(ROLE_HEADS);
export const PRONOUN_SET = new Set(PRONOUNS);

export interface Who {
  name: string;
  role: string | null;
}

function isAllCaps(t: string): boolean {
  return /^[\p{Lu}\d&/-]{2,}$/u.test(t) || /\d/.test(t);
}

/** A token that can be part of a person's name. */
function isNameToken(t: string, masked: boolean): boolean {
  if (masked) return false;
  // an initial stands in a name: "Anwar S", "Budi S."
  if (HONORIFIC_RE.test(t) || /^\p{Lu}\.?$/u.test(t)) return true;
  // a name typed with the shift held one letter too long: "Siti MUnawaroh" (never "-nya": "PTnya")
  if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(t) && !(/^\p{Lu}{2}\p{Ll}{3,}$/u.test(t) && !t.endsWith('nya'))) return false;
  const l = t.toLowerCase();
  // "Menurutnya", "Dikatakannya", "Pihaknya", "Phonselnya": a word with the -nya suffix is never a name
  if (ORG_PREFIX_RE.test(l) || (l.length >= 7 && l.endsWith('nya'))) return false;
  return !ORG_SET.has(l) && !NOT_NAME_SET.has(l) && !ROLE_HEAD_SET.has(l);
}

interface Tok {
  t: string;
  start: number;
}
const TOKEN_RE = /\([^)]*\)|[^\s,()]+|,/g;
function tokens(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) {
    const raw = m[0];
    const c = raw.charCodeAt(raw.length - 1);
    // trailing "." ":" ";" go, except after an honorific or a degree ("Dr.", "S.Kom.")
    const t =
      (c === 46 || c === 58 || c === 59) && !(HONORIFIC_RE.test(raw) || DEGREE_RE.test(raw))
        ? raw.replace(/[.:;]+$/, '')
        : raw;
    out.push({ t, start: m.index });
  }
  return out;
}

/**
 * Whether `start` falls in one of the spans. Module-level functions, not closures in the functions that use them:
 * tsx compiles with keepNames, so every closure created costs a call naming it.
 */
function inSpans(spans: readonly [number, number][], start: number): boolean {
  return spans.some(([a, b]) => start >= a && start < b);
}

/** Splits "Kepala LPSE Bartim Abdul Gafur" or "Aris Gunawan, Ketua LSM FPSR" into name and role. */
export function parseWho(phrase: string): Who | null {
  const spans = regionNameSpans(phrase);
  const segments: { text: string; toks: Tok[]; offset: number }[] = [];
  let offset = 0;
  for (const seg of phrase.split(',')) {
    segments.push({ text: seg.trim(), toks: tokens(seg).map((k) => ({ ...k, start: k.start + offset })), offset });
    offset += seg.length + 1;
  }
  // "Direktur Jenderal PAUD, Dikdas dan Dikmen Kemendikbud Ristek, Muhammad Hasbi": a segment that is a name and
  // nothing else is the person; the capitalised word ending an institution before it is not
  const isPure = (seg: { toks: Tok[] }) => {
    const toks = seg.toks.filter((k) => !DEGREE_RE.test(k.t));
    return toks.length > 0 && toks.every((k) => isNameToken(k.t, inSpans(spans, k.start))) && validName(toks);
  };
  // (a name first, "Pratama Persadha, Indonesia's Cybersecurity Research Institute", keeps the first)
  const pure = segments[0] && !isPure(segments[0]) ? segments.findIndex(isPure) : -1;
  for (const [i, seg] of segments.entries()) {
    if (pure > 0 && i < pure) continue;
    const toks = seg.toks.filter((k) => !DEGREE_RE.test(k.t));
    if (!toks.length) continue;
    const flags = toks.map((k) => isNameToken(k.t, inSpans(spans, k.start)));
    // role–name order: a run of name tokens at the end of the segment
    let end = toks.length;
    let start = end;
    while (start > 0 && flags[start - 1]) start--;
    // "Kepala Dinas Pariwisata": the word after an institution head names the institution, not a person;
    // after a company or association head ("Direktur CV Maju Jaya") the whole run is its name
    const headBefore = (toks[start - 1]?.t ?? '').toLowerCase();
    if (start > 0 && start < end && (ORG_NAME_HEAD_SET.has(headBefore) || PLACE_HEADS.has(headBefore))) start = end;
    else if (start > 0 && start < end && ORG_UNIT_HEAD_SET.has(headBefore)) start++;
    // "Ketua Kadin Contoh, Ir. Syamsul Bahri": a role head then an institution, and the person in the next segment
    const next = segments[i + 1]?.toks.filter((k) => !DEGREE_RE.test(k.t)) ?? [];
    if (
      start >= 1 &&
      ROLE_HEAD_SET.has((toks[0]?.t ?? '').toLowerCase()) &&
      next.length &&
      next.every((k) => isNameToken(k.t, inSpans(spans, k.start))) &&
      validName(next)
    )
      continue;
    let run = toks.slice(start, end);
    let rolePart = toks
      .slice(0, start)
      .map((k) => k.t)
      .join(' ');
    if (!validName(run)) {
      // name–role order without a comma: "Zainal Kasubag Pengelolaan…"
      end = 0;
      while (end < toks.length && flags[end]) end++;
      run = toks.slice(0, end);
      rolePart = toks
        .slice(end)
        .map((k) => k.t)
        .join(' ');
      if (!validName(run) || !ROLE_HEAD_SET.has((toks[end]?.t ?? '').toLowerCase())) continue;
    }
    const name = run.map((k) => k.t).join(' ');
    let role = rolePart.trim() || null;
    if (!role) {
      const before = segments
        .slice(0, i)
        .map((s) => s.text)
        .filter((t) => t && !DEGREE_RE.test(t));
      if (before.length) role = before.join(', ');
      else {
        const after = segments
          .slice(i + 1)
          .map((s) => s.text)
          .filter((t) => t && !DEGREE_RE.test(t.split(' ')[0] ?? ''));
        if (
          after[0] &&
          (ROLE_HEAD_SET.has((after[0].split(' ')[0] ?? '').toLowerCase()) ||
            /^(?:yang\s+juga|selaku|salah)/i.test(after[0]))
        )
          role = after[0].replace(/^selaku\s+/i, '');
      }
    }
    return { name, role: role ? cleanRole(role) : null };
  }
  return null;
}

/** A role without the sentence words a backward scan picked up: "Sebelumnya, Kepala Dinas…" → "Kepala Dinas…". */
function cleanRole(role: string): string | null {
  let r = role.trim();
  for (;;) {
    const m = /^([\p{L}]+)\s*,?\s*/u.exec(r);
    if (!m?.[1] || !NOT_NAME_SET.has(m[1].toLowerCase()) || ROLE_HEAD_SET.has(m[1].toLowerCase())) break;
    r = r.slice(m[0].length);
  }
  r = r.replace(/^(?:selaku|sekaligus|sebagai)\s+/i, '').replace(/^[,\s]+|[,\s]+$/g, '');
  // a role cut inside a unit's name ("Jaksa penuntut umum" scanned back to "umum") is no role: drop the stump
  for (let m = /^(\p{Ll}+)[\s,]*/u.exec(r); m?.[1] && UNIT_PART_SET.has(m[1]); m = /^(\p{Ll}+)[\s,]*/u.exec(r))
    r = r.slice(m[0].length);
  return r || null;
}

function validName(run: Tok[]): boolean {
  if (!run.length || run.length > 5) return false;
  const core = run.filter((k) => !HONORIFIC_RE.test(k.t));
  return core.length > 0 && core.some((k) => k.t.length >= 3);
}

/** Tokens allowed in a speaker phrase. */
function allowed(t: string): boolean {
  if (t === ',' || t.startsWith('(')) return true;
  if (/^\p{Lu}/u.test(t) || isAllCaps(t) || DEGREE_RE.test(t) || /^[\p{Lu}][\p{L}.]*\/[\p{L}.]+$/u.test(t)) return true;
  return ROLE_LOWER.has(t.toLowerCase());
}
export const WEEKDAY_TOKEN = /^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)$/i;

/** The speaker phrase right after a bare verb or intro: up to the first word that cannot be in it. */
export function phraseAfter(s: string): string {
  // a speaker phrase is never longer than this: the rest of a long sentence need not be tokenised
  const toks = tokens(s.length > 300 ? s.slice(0, 300) : s);
  const out: string[] = [];
  for (const k of toks) {
    if (WEEKDAY_TOKEN.test(k.t) || !allowed(k.t)) break;
    if (k.t.startsWith('(') && /\d/.test(k.t)) break;
    out.push(k.t);
  }
  return out
    .join(' ')
    .replace(/\s+,/g, ',')
    .replace(/[,\s]+$/, '');
}

/** Trailing words between a speaker and the verb: "saat dikonfirmasi", "kepada wartawan", "pada hari Kamis, 6 Juni,". */
const TRAILING_FILLER_RE =
  /(?:(?:\s*,\s*|\s+)(?:saat|ketika|usai|seusai|sesaat|sembari)\s+\S+(?:\s+\S+){0,3}|(?:\s*,\s*|\s+)kepada\s+\S+(?:\s+\S+){0,2}|(?:\s*,\s*|\s+)di\s+\p{Lu}\S*(?:\s+\p{Lu}\S*)?|(?:\s*,\s*|\s+)(?:juga|pun|sendiri|kemarin|lagi|telah|sudah|pernah|akhirnya|tak|tidak)|(?:\s*,\s*|\s+)pada\s+hari\s+\S+(?:\s*,\s*\d{1,2}\s+\S+(?:\s+\d{4})?)?|(?:\s*,\s*|\s+)(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)(?:\s*\([^)]*\)|\s*,?\s*\d{1,2}\s+\p{L}+(?:\s+\d{4})?)?|\s*,)\s*$/iu;

/**
 * An English appositive between the name and the verb: "Jane Doe, a director of a firm in Town, said", "John Roe,
 * who heads the agency, said". The name is the capitalised run before it.
 */
const EN_APPOSITIVE_RE =
  /(?:^|[^\p{L}])(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,4}),\s+(?:a|an|the|who|one\s+of)\s+[^,"“”]{1,120},\s*$/u;

/**
 * An Indonesian appositive in lower case between the name and the verb: a relative clause ("Nama, yang turut hadir
 * dalam rapat, menyatakan") or a role that is no title ("Nama, penyedia jasa konstruksi asal X, mengaku").
 */
export const ID_APPOSITIVE_RE =
  /,\s*(?:yang|selaku|salah\s+satu|seorang|pemilik|penyedia|kontraktor|rekanan|pengusaha|warga|pelaku|peserta|pengurus|anggota|aktivis|pegiat|pemerhati|tokoh|perwakilan)\s[^,"“”]{1,100},\s*$/i;

/**
 * A relative clause or a role without commas between the name and the verb: "Nama yang dihubungi terpisah mengatakan",
 * "Menteri Nama sebagai pimpinan Kementerian X menyampaikan".
 */
export const ID_RELATIVE_RE = /\s+(?:yang|sebagai|selaku)\s+[^,.;"“”]{1,80}$/;

const EN_APPOSITIVE_GATE_RE = /,\s+(?:a|an|the|who|one\s+of)\s/;
/** Longest filler TRAILING_FILLER_RE removes in one step, with room to spare. */
const FILLER_WINDOW = 160;

/** The speaker phrase right before an active verb, scanning back to the first word that cannot be in it. */
export function phraseBefore(s: string): string {
  // a speaker phrase is never longer than this; the filler regex is anchored at the end but scans from every start
  let head = s.length > 200 ? s.slice(s.length - 200) : s;
  // the English appositive scans back from every start: only where its ", a/an/the/who" is there at all
  const appositive = EN_APPOSITIVE_GATE_RE.test(head) ? EN_APPOSITIVE_RE.exec(head) : null;
  if (appositive?.[1]) return appositive[1];
  // a filler is a few words: the end-anchored regex runs over the last FILLER_WINDOW characters, not all 200
  for (let i = 0; i < 6; i++) {
    const keep = Math.max(0, head.length - FILLER_WINDOW);
    const tail = head.slice(keep);
    const cut = tail.replace(TRAILING_FILLER_RE, '');
    if (cut === tail) break;
    head = head.slice(0, keep) + cut;
  }
  const toks = tokens(head);
  const out: string[] = [];
  let stop = '';
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i]!.t;
    if (!allowed(t) || /[“"”]/.test(t)) {
      stop = t.toLowerCase();
      break;
    }
    out.unshift(t);
  }
  // "yang ditemui di Tenggarong, Andi Syahrir, berharap": the words after "di" up to the comma are a place
  const comma = out.indexOf(',');
  if (PLACE_HEADS.has(stop) && comma > 0) out.splice(0, comma + 1);
  return out
    .join(' ')
    .replace(/\s+,/g, ',')
    .replace(/^[,\s]+|[,\s]+$/g, '');
}

/** Name tokens for comparison: lower case, no honorifics, doubled letters single ("Syarifuddin" = "Syarifudin"). */
export const normName = (n: string) =>
  n
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => !HONORIFIC_RE.test(t.replace(/^./, (c) => c.toUpperCase())) && t.length > 1)
    .map((t) => t.replace(/[^\p{L}]/gu, '').replace(/(\p{L})\1+/gu, '$1'));

/** Same person: one name's tokens within the other's, or a short name that is part of a token ("Yadi", Cahyadi). */
export function samePerson(a: string, b: string): boolean {
  const ta = normName(a);
  const tb = normName(b);
  if (!ta.length || !tb.length) return false;
  const [small, big] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return small.every(
    (t) =>
      big.includes(t) || (t.length >= 4 && big.some((u) => u.length > t.length && (u.endsWith(t) || u.startsWith(t)))),
  );
}

export function stanceOf(role: string | null): Official['stance'] {
  if (!role) return 'other';
  if (COMPLAINANT_ROLE_RE.test(role)) return 'complainant';
  if (OFFICIAL_ROLE_RE.test(role)) return 'official';
  return 'other';
}

/** The organisation in a role: "Kepala LPSE Bartim" → "LPSE Bartim". */
export function organizationOf(role: string | null): string | null {
  if (!role) return null;
  const m =
    /^(?:(?:plt\.?|pj|plh|wakil|salah\s+(?:satu|seorang))\s+)?(?:kepala|kabag|kasubb?ag|kasi|kabid|kadis|ketua|sekretaris|direktur|administrator|anggota|koordinator|staf|asisten)\s+(?:(?:bagian|bidang|seksi|sub\s*bagian|divisi|unit)\s+)?(.+)$/i.exec(
      role.split(',')[0] ?? role,
    );
  return m?.[1]?.trim() || null;
}

/** "kata kata Nama": the verb written twice. One regex per verb, compiled once. */
const DUP_VERB_RES = new Map<string, RegExp>();
export function dupVerbRe(verb: string): RegExp {
  const key = verb.toLowerCase();
  let re = DUP_VERB_RES.get(key);
  if (!re) {
    re = new RegExp(`^\\s+${key}\\b`, 'i');
    DUP_VERB_RES.set(key, re);
  }
  return re;
}

/** Where a person is introduced without a speech verb: the sentence start, or after "datang dari", "adalah", "yakni". */
const INTRO_POINT_RE = /(?:^|\b(?:dari|adalah|yakni|yaitu|ialah)\s+)(?=[A-Z])/g;

/** The last person introduced with an appositive ("Nama, Ketua X" or "Ketua X, Nama") in a sentence, or null. */
export function introducedIn(text: string, who: (phrase: string) => Who | null): Who | null {
  // an appositive needs a comma: most sentences have none where a speaker phrase could be
  if (!text.includes(',')) return null;
  let found: Who | null = null;
  for (const m of text.matchAll(INTRO_POINT_RE)) {
    const from = m.index + m[0].length;
    const comma = text.indexOf(',', from);
    if (comma < 0 || comma - from > 160) continue;
    // a speaker phrase is never longer than this
    const phrase = phraseAfter(text.slice(from, from + 240));
    if (!phrase.includes(',')) continue;
    found = who(phrase) ?? found;
  }
  return found;
}
