/**
 * Duplicate reports: the same article published on several sites (syndication, a press release copied by
 * several outlets, the same text wrapped in different boilerplate). Pure code, no I/O.
 *
 * Texts are cut into word shingles; MinHash signatures with LSH banding find candidate pairs in near-linear time,
 * and each candidate pair is then checked exactly on its shingle sets (Jaccard, or containment when one copy
 * carries extra boilerplate such as "Baca juga" lines or a footer). Copies are merged into one report carrying
 * every URL (`Report.urls`).
 */
import { dayNumber } from '../../extractors/days.ts';
import type { Report } from '../../types/index.ts';

/** Words per shingle: 5 keeps two different reports on one LPSE outage apart while surviving small edits. */
const SHINGLE_SIZE = 5;
/** MinHash signature length and LSH banding: 12 bands of 3 rows find pairs from Jaccard ~0.45 upwards. */
const NUM_HASHES = 36;
const ROWS_PER_BAND = 3;
/** Exact thresholds a candidate pair must pass. */
const MIN_JACCARD = 0.7;
const MIN_CONTAINMENT = 0.85;
/** Blocks up to this size compare every pair exactly; bigger ones use MinHash LSH to find candidates. */
const ALL_PAIRS_MAX = 24;
/** Below this many shingles a text is too short to call two documents the same article. */
const MIN_SHINGLES = 12;
/** Syndicated copies appear within days of each other; a template reused months later is another notice. */
const MAX_PUBLISHED_GAP_DAYS = 14;

/** A report after duplicate merging: the ids of the copies folded into it, for provenance. */
export type DedupedReport = Report & { duplicate_ids?: string[] };

export interface DedupeOptions {
  minJaccard?: number;
  minContainment?: number;
}

/** Lowercased word tokens of a text, punctuation and case ignored. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Paragraphs that are page furniture rather than the story ("Baca juga: …", "Ikuti berita … di Google News",
 * "(ant/kpg)"): left out of the shingles so a copy wrapped in another site's boilerplate still matches.
 * Needed by fixtures/reports/bartim-2021-syndicated-copy.json.
 */
const BOILERPLATE_PREFIXES = [
  'baca juga',
  'simak juga',
  'lihat juga',
  'ikuti berita',
  'ikuti kami',
  'copyright',
  'editor:',
  'pewarta:',
];
const BOILERPLATE_RE = new RegExp(
  `^(?:${BOILERPLATE_PREFIXES.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|\\([a-z]{2,5}(?:/[a-z]{2,5})+\\)$)`,
  'i',
);

/** The main text without boilerplate paragraphs. */
export function storyText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((p) => !BOILERPLATE_RE.test(p.trim()))
    .join('\n\n');
}

/** The sorted, unique hashed word shingles of a text (each word hashed once, shingles combined by mixing). */
export function shingles(text: string, size = SHINGLE_SIZE): Uint32Array {
  const words = tokenize(text);
  if (words.length < size) return new Uint32Array(0);
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = fnv1a(words[i]!);
  const out = new Uint32Array(words.length - size + 1);
  for (let i = 0; i + size <= words.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < size; k++) h = mix(h, hashes[i + k]!);
    out[i] = h;
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/** Jaccard similarity and containment (overlap over the smaller set) of two sorted shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return {
    jaccard: union ? inter / union : 0,
    containment: Math.min(a.length, b.length) ? inter / Math.min(a.length, b.length) : 0,
  };
}

const SEEDS = Array.from({ length: NUM_HASHES }, (_, i) => fnv1a(`pantau-minhash-${i}`));

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash family indexed by seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a shingle set. */
export function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let k = 0; k < NUM_HASHES; k++) {
      const h = mix(x, SEEDS[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

// A report's published day is YYYY-MM-DD or null (extractors/report.ts validDay), the form dayNumber reads.
const dayOf = dayNumber;

function regionKeys(r: Report): Set<string> {
  return new Set(r.regions.map((g) => g.regency_code ?? g.province_code));
}

/**
 * Two texts alike are still two notices when they name different LPSEs (an LKPP template filled in by two
 * kabupaten) or were published weeks apart (the same template reused for the next outage).
 */
function compatible(a: Report, b: Report): boolean {
  const ra = regionKeys(a);
  const rb = regionKeys(b);
  if (ra.size && rb.size && ![...ra].some((k) => rb.has(k))) return false;
  const da = dayOf(a.published);
  const db = dayOf(b.published);
  if (da !== null && db !== null && Math.abs(da - db) > MAX_PUBLISHED_GAP_DAYS) return false;
  return true;
}

const KIND_RANK: Record<string, number> = { news: 0, 'lpse-announcement': 1, 'lpse-observation': 2, other: 3 };

/** Which copy speaks for the group: the first published, then a news article, then the smallest id. */
function canonicalOrder(a: Report, b: Report): number {
  const pa = a.published ?? '9999';
  const pb = b.published ?? '9999';
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ka = KIND_RANK[a.source.kind] ?? 9;
  const kb = KIND_RANK[b.source.kind] ?? 9;
  if (ka !== kb) return ka - kb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Groups reports whose texts are the same article: returns groups of indexes into `reports` (singletons included).
 *
 * @example findDuplicateGroups([antaraBartim, kaltengposCopyOfAntaraBartim, borneoNewsBartim]) // [[0, 1], [2]]
 */
export function findDuplicateGroups(reports: readonly Report[], opts: DedupeOptions = {}): number[][] {
  const minJaccard = opts.minJaccard ?? MIN_JACCARD;
  const minContainment = opts.minContainment ?? MIN_CONTAINMENT;
  const sets = reports.map((r) => shingles(`${r.title}\n\n${storyText(r.text)}`));
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    let x = i;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const tryPair = (i: number, j: number) => {
    if (find(i) === find(j) || !compatible(reports[i]!, reports[j]!)) return;
    const s = similarity(sets[i]!, sets[j]!);
    if (s.jaccard >= minJaccard || s.containment >= minContainment) parent[find(i)] = find(j);
  };
  // Blocking: copies name the same LPSE and appear within MAX_PUBLISHED_GAP_DAYS of each other, so reports are
  // first put in blocks by region set and fortnight (each also in the next fortnight, so two reports up to 14
  // days apart share a block). Templates filled in for hundreds of LPSEs never meet; most blocks are small
  // enough to compare every pair exactly, and only big ones go through MinHash LSH.
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < reports.length; i++) {
    if (sets[i]!.length < MIN_SHINGLES) continue;
    const r = reports[i]!;
    const regions = [...regionKeys(r)].sort().join('+') || '-';
    const d = dayOf(r.published);
    const periods =
      d === null ? ['?'] : [Math.floor(d / MAX_PUBLISHED_GAP_DAYS), Math.floor(d / MAX_PUBLISHED_GAP_DAYS) + 1];
    for (const p of periods) {
      const key = `${regions}|${p}`;
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  }
  const signatures = new Map<number, Uint32Array>();
  const signature = (i: number) => {
    let sig = signatures.get(i);
    if (!sig) {
      sig = minhash(sets[i]!);
      signatures.set(i, sig);
    }
    return sig;
  };
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length <= ALL_PAIRS_MAX) {
      for (let x = 0; x < block.length; x++) for (let y = x + 1; y < block.length; y++) tryPair(block[x]!, block[y]!);
      continue;
    }
    const buckets = new Map<string, number[]>();
    for (const i of block) {
      const sig = signature(i);
      for (let b = 0; b < NUM_HASHES / ROWS_PER_BAND; b++) {
        let band = `${b}`;
        for (let k = 0; k < ROWS_PER_BAND; k++) band += `:${sig[b * ROWS_PER_BAND + k]!.toString(36)}`;
        const list = buckets.get(band);
        if (list) list.push(i);
        else buckets.set(band, [i]);
      }
    }
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) tryPair(list[x]!, list[y]!);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < reports.length; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/**
 * Merges syndicated copies into one report with all their URLs: the first-published copy keeps its id and fields,
 * the others' ids are listed in `duplicate_ids`. Order follows the input.
 *
 * @example dedupeReports([antaraBartim, kaltengposCopy])[0].urls // ['https://kalteng.antaranews.com/…', 'https://kaltengpos.jawapos.com/…']
 */
export function dedupeReports(reports: readonly Report[], opts: DedupeOptions = {}): DedupedReport[] {
  const groups = findDuplicateGroups(reports, opts);
  const out: Array<{ at: number; report: DedupedReport }> = [];
  for (const group of groups) {
    const members = group.map((i) => reports[i]!);
    if (members.length === 1) {
      out.push({ at: group[0]!, report: members[0]! });
      continue;
    }
    const sorted = [...members].sort(canonicalOrder);
    const canonical = sorted[0]!;
    const urls: string[] = [];
    for (const m of sorted) for (const u of m.urls?.length ? m.urls : [m.url]) if (!urls.includes(u)) urls.push(u);
    const duplicateIds = sorted.slice(1).map((m) => m.id);
    out.push({
      at: Math.min(...group),
      report: { ...canonical, urls, duplicate_ids: duplicateIds },
    });
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.report);
}
