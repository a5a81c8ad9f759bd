/**
 * Region: which LPSE(s) an article is about, linked to Kemendagri codes. Built on the generated gazetteer
 * (idn-area-data) and the alias table; decides Kota vs Kabupaten from the prefix, prefers the LPSE that is named
 * as affected ("LPSE Kabupaten Gresik", lpse.baritotimurkab.go.id) over places merely mentioned (where the
 * reporter sits, where a tender was moved to), and falls back to the dateline.
 */
import type { Extracted, Region } from '../../types/index.ts';
import type { ExtractContext } from '../context.ts';
import { UNAFFECTED_RE } from '../lexicon/negation.ts';
import { OUTAGE_RE } from '../lexicon/outage.ts';
import { SYSTEM_RE } from '../lexicon/system.ts';
import { statedOutageAt } from '../relevance/index.ts';
import { type Sentence, sentenceAt } from '../text-helpers.ts';
import { NEEDS_PREFIX, PROVINCE_ALIASES, REGENCY_ALIASES, SEAT_ALIASES } from './aliases.ts';
import { type GazProvince, type GazRegency, PROVINCES, REGENCIES } from './gazetteer-data.ts';
import { lpseInstanceOf, lpseRegionCodes } from './lpse-instances.ts';

export interface RegionValue {
  regions: Region[];
  lpse: { name: string; host: string | null } | null;
}

type Kind = 'kab' | 'kota' | 'prov' | null;
/** How a place is named: as the LPSE ("LPSE Pemkab X"), as a government ("Pemkab X"), or just by name. */
type Form = 'lpse' | 'gov' | 'name' | 'dateline';

interface NameEntry {
  /** regencies this base name can denote (Kabupaten and/or Kota) */
  regencies: GazRegency[];
  province: GazProvince | null;
  alias: boolean;
}

const PROVINCE_BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]));
const PROVINCE_BY_NAME = new Map(PROVINCES.map((p) => [p.name.toLowerCase(), p]));
const REGENCY_BY_NAME = new Map(REGENCIES.map((r) => [r.name.toLowerCase(), r]));

/** "Kabupaten Barito Timur" → "Barito Timur"; "Kota Administrasi Jakarta Pusat" → "Jakarta Pusat". */
export function baseName(official: string): string {
  return official.replace(/^(?:Kabupaten|Kota)\s+(?:Administrasi\s+)?/i, '');
}

const NAMES = new Map<string, NameEntry>();
function entry(key: string): NameEntry {
  const k = key.toLowerCase();
  let e = NAMES.get(k);
  if (!e) {
    e = { regencies: [], province: null, alias: false };
    NAMES.set(k, e);
  }
  return e;
}
for (const r of REGENCIES) {
  const base = baseName(r.name);
  entry(base).regencies.push(r);
  const squeezed = base.replace(/[\s-]+/g, '');
  if (squeezed !== base) entry(squeezed).regencies.push(r);
  // "Kepulauan Aru" is usually just "Aru"
  const kep = /^Kepulauan\s+(\S.{3,})$/.exec(base);
  if (kep?.[1] && !PROVINCE_BY_NAME.has(kep[1].toLowerCase())) entry(kep[1]).regencies.push(r);
}
for (const p of PROVINCES) entry(p.name).province = p;
for (const [alias, prov] of Object.entries(PROVINCE_ALIASES)) {
  const e = entry(alias);
  e.province = PROVINCE_BY_NAME.get(prov.toLowerCase()) ?? null;
  e.alias = true;
}
for (const [alias, reg] of Object.entries(REGENCY_ALIASES)) {
  const r = REGENCY_BY_NAME.get(reg.toLowerCase());
  if (!r) continue;
  const e = entry(alias);
  if (!e.regencies.includes(r)) e.regencies.push(r);
  e.alias = true;
}
/** Aliases written in capitals (KLU, NTB, DIY) must match in capitals; "klu" is not Lombok Utara. */
const CASE_SENSITIVE = new Set(
  [...Object.keys(PROVINCE_ALIASES), ...Object.keys(REGENCY_ALIASES)].filter((a) => /^[A-Z]{2,4}$/.test(a)),
);

/**
 * Names indexed by their first word, longest first: scanning words and looking them up is much faster than one
 * regex of a thousand alternatives, and gives the same longest-first matches ("Lampung Timur" before "Lampung").
 */
const NAME_INDEX = new Map<string, string[][]>();
for (const key of NAMES.keys()) {
  const toks = key.split(/[\s-]+/).filter(Boolean);
  const first = toks[0];
  if (!first) continue;
  const list = NAME_INDEX.get(first) ?? [];
  list.push(toks);
  NAME_INDEX.set(first, list);
}
for (const list of NAME_INDEX.values()) list.sort((a, b) => b.length - a.length);
/**
 * One-word names written as two words ("Palangka Raya" for Palangkaraya, "Gunung Kidul", "Labuhan Batu Selatan"),
 * indexed by the first part: the first two words joined must give the name's first word. Parts are 3+ letters, and
 * "Kota" never starts one ("Kota Baru" is also a common place name, not only Kotabaru).
 */
const SPLIT_INDEX = new Map<string, string[][]>();
for (const toks of [...NAME_INDEX.values()].flat()) {
  const first = toks[0]!;
  if (!/^[a-z]{6,}$/.test(first)) continue;
  for (let cut = 3; cut <= first.length - 3; cut++) {
    const head = first.slice(0, cut);
    if (head === 'kota') continue;
    const list = SPLIT_INDEX.get(head) ?? [];
    list.push([head, first.slice(cut), ...toks.slice(1)]);
    SPLIT_INDEX.set(head, list);
  }
}
for (const list of SPLIT_INDEX.values()) list.sort((a, b) => b.length - a.length);
/** Both indexes under one key: one lookup per word of the text. */
const FIRST_WORDS = new Map<string, { cands?: string[][]; splits?: string[][] }>();
for (const [w, cands] of NAME_INDEX) FIRST_WORDS.set(w, { cands });
for (const [w, splits] of SPLIT_INDEX) FIRST_WORDS.set(w, { ...FIRST_WORDS.get(w), splits });
/**
 * A filter in front of FIRST_WORDS: one bit per (first, second and last character, length) of its keys, for words
 * whose three characters are ASCII (lower-cased by `| 32`, folded to 5 bits). Seven words in ten of a text fail it
 * and are then neither cut out of the text nor looked up.
 */
const FIRST_WORD_BITS = new Uint32Array(1 << 15);
const wordBit = (first: number, second: number, last: number, length: number) =>
  ((first & 31) << 15) | ((second & 31) << 10) | ((last & 31) << 5) | (length > 31 ? 31 : length);
for (const w of FIRST_WORDS.keys()) {
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(w.length > 1 ? 1 : 0);
  const z = w.charCodeAt(w.length - 1);
  if (a < 128 && b < 128 && z < 128) {
    const bit = wordBit(a, b, z, w.length);
    FIRST_WORD_BITS[bit >>> 5]! |= 1 << (bit & 31);
  }
}
/** Letters of Latin script and digits (no Unicode property classes: this runs over every word of every article). */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
const GAP_RE = /^[\s-]+$/;

interface NameMatch {
  index: number;
  end: number;
  name: string;
}

/** The words of a text: each lower-cased ('' until needed, see findNames), where it starts and ends. */
interface Words {
  text: string;
  lower: string;
  ws: string[];
  starts: number[];
  ends: number[];
}

/**
 * The words from `j` on are `toks`, one space or hyphen apart, not running into an address or a compound. A
 * module-level function, not a closure in findNames: tsx compiles with keepNames, so each closure costs a call.
 */
function wordsAt(wd: Words, j: number, toks: readonly string[]): boolean {
  const { text, ws, starts, ends } = wd;
  for (let k = 0; k < toks.length; k++) {
    let w = ws[j + k];
    if (w === '') w = ws[j + k] = wd.lower.slice(starts[j + k]!, ends[j + k]!);
    if (w !== toks[k]) return false;
    if (k > 0 && !GAP_RE.test(text.slice(ends[j + k - 1]!, starts[j + k]!))) return false;
  }
  const end = ends[j + toks.length - 1]!;
  return !(/[@-]/.test(text[end] ?? '') && /\p{L}/u.test(text[end + 1] ?? ''));
}

/** Every gazetteer or alias name in the text, longest first, not inside a hostname or an e-mail address. */
export function findNames(text: string): NameMatch[] {
  // parallel arrays, not an object per word: this runs over every word of every article
  const ws: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // Latin words and numbers, scanned by character code (no match object per word), lower-cased once when that keeps
  // every offset ("İ" lower-cases to two characters)
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const n = text.length;
  // a word that cannot start a name is left '' and cut out only when a longer name reaches it
  for (let i = 0; i < n; i++) {
    const a = text.charCodeAt(i);
    if (!isWordChar(a)) continue;
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    const b = j - i > 1 ? text.charCodeAt(i + 1) : a;
    const z = text.charCodeAt(j - 1);
    const bit = a < 128 && b < 128 && z < 128 ? wordBit(a | 32, b | 32, z | 32, j - i) : -1;
    ws.push(
      !same
        ? text.slice(i, j).toLowerCase()
        : bit >= 0 && !(FIRST_WORD_BITS[bit >>> 5]! & (1 << (bit & 31)))
          ? ''
          : lower.slice(i, j),
    );
    starts.push(i);
    ends.push(j);
    i = j;
  }
  const out: NameMatch[] = [];
  const wd: Words = { text, lower, ws, starts, ends };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const first = w === '' ? undefined : FIRST_WORDS.get(w);
    if (!first) continue;
    const { cands, splits } = first;
    const start = starts[i]!;
    const prev = text.charCodeAt(start - 1);
    // inside a hostname, an e-mail address or a hyphenated word: "lpse.gresikkab", "x@bogor", "Kabaratta.com-ayanan"
    if ((prev === 46 || prev === 64 || prev === 47 || prev === 45) && !/\s/.test(text[start - 2] ?? ' ')) continue;
    // a name split in two ("Palangka Raya", "Banjar Baru"): both parts capitalised; it wins over a shorter name
    // ("Banjar") that starts at the same word
    let words = 0;
    if (splits && i + 1 < ws.length && isUpper(text.charCodeAt(start)) && isUpper(text.charCodeAt(starts[i + 1]!)))
      words = splits.find((sp) => wordsAt(wd, i, sp))?.length ?? 0;
    const toks = cands?.find((t) => t.length >= words && wordsAt(wd, i, t));
    if (toks) words = toks.length;
    if (!words) continue;
    const end = ends[i + words - 1]!;
    out.push({ index: start, end, name: text.slice(start, end) });
    i += words - 1;
  }
  return out;
}

const isUpper = (c: number) => c >= 65 && c <= 90;

/** Words before a name that say which kind of region it is. */
const KAB_PREFIX_RE =
  /(?:kabupaten|kab\.?|pemkab|pemda|bupati|wakil\s+bupati|setdakab|setkab|kabupaten\s+administrasi)\s*$/i;
const KOTA_PREFIX_RE = /(?:\bkota|pemkot|wali\s*kota|walikota|kota\s+administrasi)\s*$/i;
const PROV_PREFIX_RE = /(?:provinsi|propinsi|prov\.?|pemprov|gubernur|setdaprov|pemerintah\s+provinsi)\s*$/i;
/** A government form: the name follows Pemkab/Pemkot/Pemprov/Pemerintah…/Setda/Bupati. */
const GOV_PREFIX_RE =
  /(?:pemerintah\s+(?:daerah\s+)?(?:kabupaten|kota|provinsi)|pemkab|pemkot|pemprov|pemda(?:\s+kabupaten)?|setda(?:kab|prov)?|setkab|sekretariat\s+daerah(?:\s+kabupaten|\s+provinsi)?|bupati|wali\s*kota|walikota|gubernur|ulp|ukpbj|bpbj|pbj|unit\s+(?:layanan|kerja)\s+pengadaan(?:\s+barang(?:\s+dan\s+|\s*\/\s*)jasa)?|biro\s+pengadaan[^.,;]{0,40}|bagian\s+pengadaan[^.,;]{0,40})\s*(?:\([^)]{0,30}\)\s*)?(?:kabupaten|kab\.?|kota|provinsi)?\s*$/i;
/** The procurement system named right before the place: "LPSE Kabupaten X", "LPSE (…) milik Pemerintah Kabupaten X". */
const LPSE_BEFORE_RE =
  /\b(?:LPSE|SPSE|ULPBJ|e-?proc(?:urement)?|Layanan\s+Pengadaan\s+Secara\s+Elektronik)\b(?:\s*\([^)]{0,80}\))?(?:\s+(?:milik|di|dari|pada|ulp|ulpbj|ukpbj|bpbj|unit|layanan|pengadaan|barang|dan|jasa|pemerintah|daerah|pemkab|pemkot|pemprov|pemda|kabupaten|kab\.?|kota|provinsi|dinas|kominfo|setda|\([^)]{0,60}\)))*\s*$/i;
/** Cheap tests that must pass before the anchored-at-end prefix patterns run. */
const LPSE_CHEAP_RE = /LPSE|SPSE|ULPBJ|proc|Elektronik/i;
const GOV_CHEAP_RE = /pem|set|sekretariat|bupati|kota|gubernur|ulp|ukpbj|pbj|biro|bagian/i;
/** Where a place is the destination or someone else's: "dialihkan ke LPSE Provinsi Lampung", "Polda NTB", "asal Banyuwangi". */
const EXCLUDE_BEFORE_RE =
  /(?:\b(?:ke|kepada|menuju|pindah\s+ke|dialihkan\s+ke|dipindahkan\s+ke|memanfaatkan|menggunakan)\s+(?:server\s+)?(?:milik\s+)?(?:LPSE|SPSE|ULP|pemerintah|pemkab|pemkot|pemprov)?[^.,;]{0,30}|\b(?:polda|polres|polresta|kodam|korem|kodim|kejati|kejari|kejaksaan\s+negeri|pengadilan|lapas|universitas|bandara|asal|tinggal\s+di(?:\s+wilayah)?|berasal\s+dari|kontraktor\s+asal|warga|bbws|satker|balai)\s+(?:kabupaten|kota|provinsi)?\s*)$/i;
/** A company's name, not a place: "PT Bintang Seribu", "CV Karya Lampung" (up to three capitalised words after PT). */
const COMPANY_BEFORE_RE = /\b(?:PT|CV|UD|PD|Tbk)\.?\s+(?:[A-Z][A-Za-z&.-]*\s+){0,3}$/;
/**
 * The LPSE of a ministry, an agency or a university, or a tender run by one ("LPSE Kementerian PUPR", "lelang di
 * Kementerian PUPR", "LPSE Unila"): no region is affected by it (the corpus labelling rules), so no place only
 * mentioned stands in for one.
 */
const NON_REGIONAL_LPSE_RE =
  /\b(?:LPSE|SPSE|ULP|UKPBJ|lelang|tender|pengadaan)\s+(?:(?:di|milik|pada|dari)\s+)?(?:lingkungan\s+)?(?:Kementerian|Kementrian|Kemen(?!tar)[a-z]*[A-Z]\w*|Kemenkeu|Kemenag|Universitas|UIN|IAIN|Politeknik|Institut|Badan\s+[A-Z]|Lembaga\s+[A-Z]|Polri|Mabes|Un(?!it)[a-z]{2,5}\b)/;
/** An LPSE that helped or stood in: "meminta bantuan LPSE Provinsi X", "berkoordinasi dengan LPSE Provinsi X". */
const FALLBACK_CHEAP_RE = /koordinasi|sama\s+dengan|bantuan|dibantu|menumpang|cadangan/i;
const FALLBACK_BEFORE_RE =
  /\b(?:berkoordinasi\s+dengan|bekerja\s+sama\s+dengan|meminta\s+bantuan(?:\s+(?:kepada|ke|dari))?|dibantu(?:\s+oleh)?|menumpang\s+(?:di|ke)|cadangan\s+(?:di|ke)?)\s+(?:pihak\s+)?(?:LPSE|SPSE|ULP|pemerintah|pemkab|pemkot|pemprov)?[^.,;]{0,30}$/i;

/**
 * Later in the sentence, the places named were fine: "LPSE Provinsi X maupun LPSE Kabupaten Y dan Z tidak mengalami
 * gangguan", "LPSE Kota X … berjalan seperti biasa", "tidak terpengaruh" (UNAFFECTED_PHRASES, lexicon/negation.ts).
 * Applies when no outage word or contrast ("sedangkan", "namun") sits between the place and the phrase, or when
 * "padahal" corrects a mistaken belief.
 */
const UNAFFECTED_SENTENCE_RE = UNAFFECTED_RE;
const RECOVERY_HINT_RE = /\b(?:sudah|kembali|kini|telah|mulai|sempat|akhirnya|baru|again|now)\b/i;
const CONTRAST_RE = /\b(?:sedangkan|sementara|namun|tetapi|tapi|whereas|while|but)\b|;/i;
/** Words after a place saying its LPSE was fine. */
const UNAFFECTED_AFTER_RE =
  /^[^.;]{0,25}?\b(?:tidak|tak|belum)\s+(?:terdampak|terganggu|mengalami\s+(?:gangguan|masalah|kendala))|^[^.;]{0,25}?\b(?:tetap|masih)\s+(?:normal|lancar|aman|(?:bisa|dapat)\s+diakses)/i;

/**
 * An LPSE's own hostname ("lpse.baritotimurkab.go.id", "lpse.jatimprov.go.id", "lpse.surabaya.go.id") or its
 * address on the national SPSE ("spse.inaproc.id/gresikkab").
 */
const LPSE_HOST_RE =
  /\b(?:(?:lpse|spse|eproc)\.([a-z]+?)(kab|kota|prov)?\.g[a-z]\.id|spse\.inaproc\.id\/([a-z]+?)(kab|kota|prov)?(?![a-z0-9]))/gi;

/** A dateline at the start: "TIMIKA, Seputarpapua.com", "Tamiang Layang (ANTARA)", "Bontang (ANTARA Kaltim) -". */
const DATELINE_RE = /^\s*([A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,2})\s*(?:,|\(|–|-|\|)/;

const SQUEEZED_SLUG = new Map<string, GazRegency[]>();
for (const r of REGENCIES) {
  const slug = baseName(r.name)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  SQUEEZED_SLUG.set(slug, [...(SQUEEZED_SLUG.get(slug) ?? []), r]);
}
// Hostnames use the local abbreviations too: lpse.taputkab.go.id, lpse.kukarkab.go.id.
for (const [alias, reg] of Object.entries(REGENCY_ALIASES)) {
  const r = REGENCY_BY_NAME.get(reg.toLowerCase());
  const slug = alias.toLowerCase().replace(/[^a-z]/g, '');
  if (!r || SEAT_ALIASES.has(alias) || SQUEEZED_SLUG.has(slug)) continue;
  SQUEEZED_SLUG.set(slug, [r]);
}
const PROVINCE_SLUG = new Map<string, GazProvince>();
for (const p of PROVINCES) PROVINCE_SLUG.set(p.name.toLowerCase().replace(/[^a-z]/g, ''), p);
for (const [alias, prov] of Object.entries(PROVINCE_ALIASES)) {
  const p = PROVINCE_BY_NAME.get(prov.toLowerCase());
  if (p) PROVINCE_SLUG.set(alias.toLowerCase().replace(/[^a-z]/g, ''), p);
}

interface Mention {
  key: string;
  region: Region;
  form: Form;
  kind: Kind;
  at: number;
  sentence: Sentence | undefined;
}

const regionOf = (r: GazRegency, evidence: string): Region => ({
  province: PROVINCE_BY_CODE.get(r.province_code)?.name ?? '',
  province_code: r.province_code,
  regency: r.name,
  regency_code: r.code,
  evidence,
});
const provinceRegion = (p: GazProvince, evidence: string): Region => ({
  province: p.name,
  province_code: p.code,
  regency: null,
  regency_code: null,
  evidence,
});
const keyOf = (r: Region) => r.regency_code ?? `p${r.province_code}`;
const REGENCY_BY_CODE = new Map(REGENCIES.map((r) => [r.code, r]));

/** A Kemendagri code as a region: "62.13" → Kabupaten Barito Timur, "62" → Kalimantan Tengah. */
function regionByCode(code: string, evidence: string): Region | null {
  const r = REGENCY_BY_CODE.get(code);
  if (r) return regionOf(r, evidence);
  const p = PROVINCE_BY_CODE.get(code);
  return p ? provinceRegion(p, evidence) : null;
}

/**
 * The regions of an LPSE host by the LPSE table (lpse-instances.ts): its own region; for an instance with no region
 * of its own (SPSE Nasional), the regions whose institutions it serves; null when the table does not know the host.
 * A regional instance that also serves other regions' institutions (the LPSE of Jawa Barat serves Kabupaten Garut's)
 * is reported as its own region only: a report's regions are the places the article is about, as labelled.
 */
function tableRegions(host: string): Region[] | null {
  const inst = lpseInstanceOf(host);
  if (!inst) return null;
  const codes = inst.region_code ? [inst.region_code] : lpseRegionCodes(inst);
  return codes.map((c) => regionByCode(c, host)).filter((r): r is Region => r !== null);
}

/** Resolves a matched name with the kind its prefix gives to one region. */
function resolve(name: string, kind: Kind, evidence: string): Region | null {
  const e =
    NAMES.get(name.toLowerCase().replace(/[\s-]+/g, ' ')) ?? NAMES.get(name.toLowerCase().replace(/[\s-]+/g, ''));
  if (!e) return null;
  if (kind === 'prov' && e.province) return provinceRegion(e.province, evidence);
  const kota = e.regencies.find((r) => r.name.startsWith('Kota'));
  const kab = e.regencies.find((r) => r.name.startsWith('Kabupaten'));
  if (kind === 'kota' && kota) return regionOf(kota, evidence);
  if (kind === 'kab' && kab) return regionOf(kab, evidence);
  if (e.province && (kind === null || (kind === 'kota' && !kota) || (kind === 'kab' && !kab)))
    return provinceRegion(e.province, evidence);
  const r = kab ?? kota;
  return r ? regionOf(r, evidence) : null;
}

/** Outage words (lexicon/outage.ts) make a sentence about the outage; so does a system name (lexicon/system.ts). */
const OUTAGE_WORDS_RE = OUTAGE_RE;
const LPSE_WORDS_RE = SYSTEM_RE;

function collectMentions(ctx: ExtractContext): Mention[] {
  const out: Mention[] = [];
  const text = ctx.text;
  let lastLpse: { end: number; region: Region } | null = null;
  for (const m of findNames(text)) {
    const name = m.name;
    const at = m.index;
    if (CASE_SENSITIVE.has(name.toUpperCase()) && name !== name.toUpperCase()) continue;
    const near = text.slice(Math.max(0, at - 120), at);
    // a prefix does not reach across a paragraph: a title ending "…LPSE Provinsi" and a "PADANG -" dateline
    const para = near.lastIndexOf('\n\n');
    const before = para < 0 ? near : near.slice(para + 2);
    // the kind prefixes are a word or two right before the name: no need to try them from 120 characters back
    const close = before.length > 40 ? before.slice(-40) : before;
    const kind: Kind = PROV_PREFIX_RE.test(close)
      ? 'prov'
      : KOTA_PREFIX_RE.test(close)
        ? 'kota'
        : KAB_PREFIX_RE.test(close)
          ? 'kab'
          : null;
    const lpse = LPSE_CHEAP_RE.test(before) && LPSE_BEFORE_RE.test(before);
    // "Dua LPSE di Jawa Tengah": "di" + a province is where LPSEs are, not the province's own LPSE
    const inProvince = /\bdi\s*$/i.test(close);
    const gov = GOV_CHEAP_RE.test(before) && GOV_PREFIX_RE.test(before);
    const prefixed = kind !== null || lpse || gov;
    // names must be capitalised unless a prefix introduces them ("kabupaten Luwu utara")
    if (!prefixed && !/^\p{Lu}/u.test(name)) continue;
    const entryName = name.replace(/[\s-]+/g, ' ');
    const titleName = entryName.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    if (!prefixed && (NEEDS_PREFIX.has(titleName) || NEEDS_PREFIX.has(name))) continue;
    if (SEAT_ALIASES.has(titleName)) continue;
    if (EXCLUDE_BEFORE_RE.test(before.slice(-60))) continue;
    if (COMPANY_BEFORE_RE.test(before.slice(-50))) continue;
    if (FALLBACK_CHEAP_RE.test(before) && FALLBACK_BEFORE_RE.test(before.slice(-60))) continue;
    const sentence = sentenceAt(ctx.sentences, at);
    const region = resolve(name, kind, sentence?.text.slice(0, 300) ?? name);
    if (!region) continue;
    // "Sementara LPSE Kabupaten Malang tidak terdampak": named, but not affected
    const after = sentence ? text.slice(m.end, Math.min(sentence.end, m.end + 60)) : '';
    if (UNAFFECTED_AFTER_RE.test(after)) continue;
    if (sentence && unaffectedLater(text.slice(m.end, sentence.end))) continue;
    let form: Form = lpse && !(inProvince && !region.regency) ? 'lpse' : gov || kind === 'prov' ? 'gov' : 'name';
    // "LPSE Kab. Tanah Bumbu dan Kotabaru", "LPSE Kota A, Kabupaten B": the LPSE reaches the places listed with it
    if (form !== 'lpse' && lastLpse && coordinated(text.slice(lastLpse.end, at), lastLpse.region, region))
      form = 'lpse';
    if (form === 'lpse') lastLpse = { end: m.end, region };
    out.push({ key: keyOf(region), region, form, kind, at, sentence });
  }
  LPSE_HOST_RE.lastIndex = 0;
  for (let m = LPSE_HOST_RE.exec(text); m; m = LPSE_HOST_RE.exec(text)) {
    for (const region of tableRegions(m[0]) ?? [regionFromHost(m[0])]) {
      if (!region) continue;
      out.push({
        key: keyOf(region),
        region,
        form: 'lpse',
        kind: null,
        at: m.index,
        sentence: sentenceAt(ctx.sentences, m.index),
      });
    }
  }
  return out;
}

/** Only a conjunction, a comma or a kind prefix between two places: "dan Kab.", ", Kota", "serta". */
const COORDINATION_RE =
  /^\s*(,)?\s*(dan|serta|maupun|&)?\s*(?:LPSE\s+)?((?:pemerintah\s+)?(?:kabupaten|kab\.|kota|provinsi|prov\.|pemkab|pemkot|pemprov))?\s*$/i;

/**
 * A place listed right after an LPSE is another LPSE: joined by a conjunction, or by a comma before a kind prefix
 * (a comma alone is an address: "LPSE Kabupaten Gresik, Jawa Timur"). A province after one of its own regencies is
 * where that regency lies unless the gap says "Provinsi".
 */
function coordinated(gap: string, prev: Region, region: Region): boolean {
  const m = COORDINATION_RE.exec(gap);
  if (!m || !(m[2] || (m[1] && m[3]))) return false;
  if (!region.regency && prev.province_code === region.province_code && !/prov|pemprov/i.test(m[3] ?? '')) return false;
  return true;
}

/** The rest of the sentence after a place says the place was fine (see UNAFFECTED_PHRASES). */
function unaffectedLater(rest: string): boolean {
  const u = UNAFFECTED_SENTENCE_RE.exec(rest);
  if (!u) return false;
  const between = rest.slice(0, u.index);
  if (/\bpadahal\b/i.test(between)) return true;
  // "LPSE Kabupaten X kini sudah berjalan normal (kembali)" is a recovery, not an LPSE that was spared
  if (RECOVERY_HINT_RE.test(between) || /^\s*kembali\b/i.test(rest.slice(u.index + u[0].length))) return false;
  return !OUTAGE_WORDS_RE.test(between) && !CONTRAST_RE.test(between);
}

/** LPSE_HOST_RE for one host at a time (no `g`: no lastIndex to reset), built once. */
const LPSE_HOST_ONE_RE = new RegExp(LPSE_HOST_RE.source, 'i');

/** The region an LPSE hostname belongs to: lpse.baritotimurkab.go.id → Kabupaten Barito Timur. */
export function regionFromHost(host: string): Region | null {
  const m = LPSE_HOST_ONE_RE.exec(host);
  if (!m) return null;
  // the LPSE table first: it knows every instance's host, abbreviations included ("lpse.boltimkab.go.id")
  const inst = lpseInstanceOf(m[0]);
  if (inst) return inst.region_code ? regionByCode(inst.region_code, m[0]) : null;
  const slug = (m[1] ?? m[3] ?? '').toLowerCase();
  const suffix = (m[2] ?? m[4] ?? '').toLowerCase();
  if (suffix === 'prov') {
    const p = PROVINCE_SLUG.get(slug);
    return p ? provinceRegion(p, m[0]) : null;
  }
  const cands = SQUEEZED_SLUG.get(slug) ?? [];
  const r =
    (suffix === 'kota'
      ? cands.find((c) => c.name.startsWith('Kota'))
      : cands.find((c) => c.name.startsWith('Kabupaten'))) ?? cands[0];
  return r ? regionOf(r, m[0]) : null;
}

/** National outages: the PDN disruption, "seluruh LPSE di Indonesia", with no single LPSE named as affected. */
const NATIONAL_RE =
  /\b(?:Pusat\s+Data\s+Nasional|PDNS?\s*2?|seluruh\s+(?:LPSE|layanan)|semua\s+LPSE|se-?Indonesia|secara\s+nasional|berlaku\s+secara\s+nasional)\b/i;

/**
 * @example extractRegions(ctx("…layanan LPSE Bartim yakni http://lpse.baritotimurkab.go.id/eproc4…"))
 *   → { value: { regions: [{ regency: "Kabupaten Barito Timur", … }] }, … }
 */
export function extractRegions(ctx: ExtractContext): Extracted<RegionValue> & { scope: 'local' | 'national' } {
  const mentions = collectMentions(ctx);
  // the title names the LPSE more often than anything else
  const titleMentions = ctx.title
    ? collectMentions({
        ...ctx,
        text: ctx.title,
        sentences: [{ text: ctx.title, start: 0, end: ctx.title.length, para: 0 }],
      })
    : [];
  const all = [...mentions, ...titleMentions];
  const byKey = new Map<string, { region: Region; score: number; forms: Set<Form>; first: number }>();
  for (const m of all) {
    const w = m.form === 'lpse' ? 10 : m.form === 'gov' ? 4 : m.kind ? 2 : 1;
    const relevant =
      m.sentence && (OUTAGE_WORDS_RE.test(m.sentence.text) || LPSE_WORDS_RE.test(m.sentence.text)) ? 1.5 : 1;
    const cur = byKey.get(m.key) ?? { region: m.region, score: 0, forms: new Set<Form>(), first: m.at };
    cur.score += w * relevant;
    cur.forms.add(m.form);
    if (m.form === 'lpse' && cur.region.evidence !== m.region.evidence && !cur.forms.has('gov')) cur.region = m.region;
    byKey.set(m.key, cur);
  }
  let chosen = [...byKey.values()].filter((c) => c.forms.has('lpse'));
  if (!chosen.length) {
    const gov = [...byKey.values()].filter((c) => c.forms.has('gov')).sort((a, b) => b.score - a.score);
    if (gov[0]) chosen = [gov[0]];
  }
  if (chosen.length) {
    // an enumeration of governments in one sentence lists the LPSEs hit ("Pemprov Lampung…, Pemkab Tulang Bawang…,
    // Pemkab Lampung Timur…")
    for (const m of mentions) {
      if (m.form !== 'gov' || !m.sentence) continue;
      const siblings = mentions.filter((o) => o.sentence === m.sentence && o.form === 'gov' && o.key !== m.key);
      if (siblings.length >= 2 && !chosen.some((c) => keyOf(c.region) === m.key)) {
        const c = byKey.get(m.key);
        if (c) chosen.push(c);
      }
    }
  }
  if (!chosen.length) {
    const named = [...byKey.values()].sort((a, b) => b.score - a.score);
    if (named[0] && named[0].score >= 3) chosen = [named[0]];
  }
  if (!chosen.length) {
    const d = datelineRegion(ctx.text);
    if (d) chosen = [{ region: d, score: 1, forms: new Set(['dateline']), first: 0 }];
  }
  // a province is dropped when one of its kabupaten/kota is chosen, unless the province's own LPSE is named with an
  // outage of its own: "dialihkan ke LPSE Provinsi Lampung", "melalui LPSE Provinsi Lampung", "memilih LPSE milik
  // Pemprov Jatim" name the one that stood in
  const regencyProvinces = new Set(chosen.filter((c) => c.region.regency).map((c) => c.region.province_code));
  chosen = chosen.filter(
    (c) =>
      c.region.regency ||
      !regencyProvinces.has(c.region.province_code) ||
      ((c.forms.has('lpse') || c.forms.has('gov')) && ownOutage(mentions, keyOf(c.region))),
  );
  // the LPSE of a ministry or a university, and no regional LPSE named: no region
  if (!chosen.some((c) => c.forms.has('lpse')) && NON_REGIONAL_LPSE_RE.test(`${ctx.title}\n${ctx.text}`)) chosen = [];
  // an LPSE's own announcement page that names no place: the LPSE of its address
  if (!chosen.length && ctx.article.kind === 'lpse-announcement')
    for (const r of tableRegions(ctx.article.url) ?? [])
      chosen.push({ region: r, score: 1, forms: new Set<Form>(['lpse']), first: 0 });
  const regions = chosen.sort((a, b) => a.first - b.first).map((c) => c.region);
  const national = NATIONAL_RE.test(`${ctx.title}\n${ctx.text}`) && regions.length === 0;
  const lpseHost = ctx.text.match(LPSE_HOST_RE)?.[0]?.toLowerCase() ?? null;
  const first = regions[0];
  const lpse = first
    ? { name: `LPSE ${first.regency ?? `Provinsi ${first.province}`}`, host: lpseHost }
    : lpseHost
      ? { name: 'LPSE', host: lpseHost }
      : null;
  return {
    value: { regions, lpse },
    evidence: regions.map((r) => ({ text: r.evidence })),
    confidence: regions.length ? 0.8 : 0.3,
    scope: national ? 'national' : 'local',
  };
}

/** A mention of the place stands in a sentence that states an outage ("LPSE Provinsi Lampung juga diretas"). */
function ownOutage(mentions: readonly Mention[], key: string): boolean {
  return mentions.some((m) => m.key === key && m.sentence && statedOutageAt(m.sentence.text) >= 0);
}

function datelineRegion(text: string): Region | null {
  const m = DATELINE_RE.exec(text.slice(0, 200));
  if (!m?.[1]) return null;
  const name = m[1].replace(/\b(\p{L})(\p{L}*)/gu, (_, a: string, b: string) => a.toUpperCase() + b.toLowerCase());
  const seat = REGENCY_ALIASES[name];
  if (seat) {
    const r = REGENCY_BY_NAME.get(seat.toLowerCase());
    return r ? regionOf(r, m[0]) : null;
  }
  if (NEEDS_PREFIX.has(name)) return null;
  return resolve(name, null, m[0].trim());
}

/** Exposed for tests: every alias the extractor knows, for checking the table resolves. */
export const KNOWN_NAMES: readonly string[] = [...NAMES.keys()];

/** Spans of region names in a short text, so a role's "Setda Sulteng" or "Kabupaten Mimika" is not read as a name. */
export function regionNameSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of findNames(text)) {
    const name = m.name;
    if (CASE_SENSITIVE.has(name.toUpperCase()) && name !== name.toUpperCase()) continue;
    if (!/^\p{Lu}/u.test(name) && !/(?:kabupaten|kota|provinsi)\s*$/i.test(text.slice(0, m.index))) continue;
    out.push([m.index, m.end]);
  }
  return out;
}
