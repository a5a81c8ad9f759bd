/**
 * Outage words: the list that makes a sentence tell the outage itself ("gangguan", "tidak bisa diakses", "diretas",
 * Javanese "ora bisa dibukak", English "went offline"). The outage-window decider (`fields/outage-window.ts`) reads
 * it to follow the outage story through the annotated sentences.
 */
import { alternation, LATIN_LETTER } from './text-helpers.ts';
import { OUTAGE_STORY_TERMS } from './lexicon/outage.ts';

/** Words that make a sentence about the outage itself (one list, in the lexicon). */
export const OUTAGE_TERMS = OUTAGE_STORY_TERMS;
/** "lambat" is a slow portal, but "paling lambat tanggal 20 / pada … / 20 Juni" is a deadline. */
const SLOW_PATTERN = 'lambat(?:nya)?(?!\\s+(?:tanggal|pada|hari|pukul|jam|\\d))';
/** The words also take "-nya" as nouns of the event: "terganggunya layanan", "lumpuhnya LPSE", "matinya server". */
export const OUTAGE_RE = new RegExp(
  `(?<![${LATIN_LETTER}])(?:${alternation(OUTAGE_TERMS)}|${SLOW_PATTERN})(?:nya)?(?![${LATIN_LETTER}])`,
  'i',
);
