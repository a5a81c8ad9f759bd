/**
 * Vocabulary shared by more than one extractor. Each extractor builds its own list on it and adds the words only it
 * needs: the outage window (outage.ts) and relevance (relevance/) read the same reports with different questions.
 */

/** English words of an Indonesian portal's outage: "LPSE … went offline", "was inaccessible", "power failure". */
export const ENGLISH_OUTAGE_TERMS = [
  'was offline',
  'went offline',
  'went down',
  'was down',
  'outage',
  'power failure',
  'power cut',
  'crashed',
  'inaccessible',
  'could not be accessed',
];
