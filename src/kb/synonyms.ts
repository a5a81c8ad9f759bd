/**
 * The search synonyms of index-config/*.json, generated from the extractors' lexicon so that search and extraction
 * share one vocabulary: a searcher who types "peretasan" finds the incident whose report says "diretas", because
 * the lexicon files both under the same cause. `scripts/build-synonyms.mjs` writes them into the config;
 * test/kb/synonyms.test.ts fails when the checked-in config and the lexicon drift apart.
 *
 * A group is one concept of the lexicon; each of its words is a synonym of every other, written out both ways
 * (Meilisearch's form).
 */
import { CAUSE_PATTERNS, type CauseKey } from '../../extractors/lexicon/causes.ts';
import { OUTAGE_STORY_TERMS, OUTAGE_TERMS } from '../../extractors/lexicon/outage.ts';
import { NATIONAL_DATA_CENTRE_NAMES } from '../../extractors/lexicon/system.ts';

/**
 * The outage words a searcher types for "the LPSE is down". The outage list itself (about 150 words, "putus" and
 * "mati" among them) is too wide for one group: "kabel putus" would find "kabel mati". Each word must be one of the
 * lexicon's outage words (checked when the groups are built).
 */
export const SEARCH_OUTAGE_WORDS = [
  'down',
  'gangguan',
  'error',
  'terganggu',
  'lumpuh',
  'tidak bisa diakses',
  'tidak dapat diakses',
];

/**
 * Causes searched by any of their words: the category's phrases that are plain words ("mati lampu", "hacker"; a
 * pattern such as "server … terbakar" is no search term), with the lexicon's outage words the category's patterns
 * recognise whole ("diretas", "dibobol"). `hardware_weak` has one phrase and `pdn` has its names below.
 */
export const SEARCH_CAUSES: readonly CauseKey[] = [
  'cyberattack',
  'power',
  'network',
  'lightning',
  'hardware',
  'overload',
  'maintenance',
];

/** A pattern that is a plain phrase: letters, spaces and hyphens, words joined by `\s+`. */
const PLAIN_PATTERN_RE = /^[A-Za-z-]+(?:\\s\+[A-Za-z-]+)*$/;

/** The plain phrases of a cause category, and the outage words its patterns match whole. */
function causeWords(key: CauseKey): string[] {
  const patterns = CAUSE_PATTERNS[key];
  const whole = new RegExp(`^(?:${patterns.join('|')})$`, 'i');
  const plain = patterns.filter((p) => PLAIN_PATTERN_RE.test(p)).map((p) => p.replace(/\\s\+/g, ' '));
  return [...plain, ...[...OUTAGE_TERMS, ...OUTAGE_STORY_TERMS].filter((w) => whole.test(w))];
}

/** The synonym groups, each deduplicated and lower-cased, in a stable order. */
export function synonymGroups(): string[][] {
  const outage = new Set([...OUTAGE_TERMS, ...OUTAGE_STORY_TERMS].map((w) => w.toLowerCase()));
  const missing = SEARCH_OUTAGE_WORDS.filter((w) => !outage.has(w));
  if (missing.length) throw new Error(`search outage words not in lexicon/outage.ts: ${missing.join(', ')}`);
  const groups = [SEARCH_OUTAGE_WORDS, NATIONAL_DATA_CENTRE_NAMES, ...SEARCH_CAUSES.map(causeWords)];
  return groups.map((g) => [...new Set(g.map((w) => w.toLowerCase()))]).filter((g) => g.length > 1);
}

/**
 * The `synonyms` setting: every word of a group maps to the others. A word in two groups maps to the words of both.
 *
 * @example buildSynonyms().pdn // ["pusat data nasional sementara", "pusat data nasional", "pdns"]
 */
export function buildSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of synonymGroups()) {
    for (const word of group) {
      const others = group.filter((w) => w !== word);
      out[word] = [...new Set([...(out[word] ?? []), ...others])];
    }
  }
  return out;
}
