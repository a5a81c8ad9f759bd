/**
 * The search synonyms come from the extractors' lexicon: the checked-in index-config agrees with what
 * src/kb/synonyms.ts builds from it (re-run `node scripts/build-synonyms.mjs` when this fails), and every word of a
 * group is one the extractors read as that concept.
 */
import { describe, expect, test } from 'vitest';
import { CAUSE_RES } from '../../extractors/lexicon/causes.ts';
import { OUTAGE_RE } from '../../extractors/lexicon/outage.ts';
import { NATIONAL_DATA_CENTRE_RE } from '../../extractors/lexicon/system.ts';
import { loadIndexConfig } from '../../src/kb/settings.ts';
import { buildSynonyms, SEARCH_CAUSES, SEARCH_OUTAGE_WORDS, synonymGroups } from '../../src/kb/synonyms.ts';

describe('search synonyms generated from the lexicon', () => {
  test.each(['incidents', 'reports'] as const)('index-config/%s.json holds the generated synonyms', (kind) => {
    expect(loadIndexConfig(kind).synonyms).toEqual(buildSynonyms());
  });

  test('each group is a concept of the lexicon: its words are read as that outage, data centre or cause', () => {
    const [outage, pdn, ...causes] = synonymGroups();
    expect(outage).toEqual(SEARCH_OUTAGE_WORDS);
    for (const w of outage ?? []) expect(OUTAGE_RE.test(w), w).toBe(true);
    const dataCentre = new RegExp(NATIONAL_DATA_CENTRE_RE.source, 'i');
    for (const w of pdn ?? []) expect(dataCentre.test(w), w).toBe(true);
    expect(causes.length).toBeGreaterThan(4);
    for (const [i, group] of causes.entries()) {
      const re = new RegExp(CAUSE_RES.find(([k]) => k === SEARCH_CAUSES[i])![1].source, 'i');
      for (const w of group) expect(re.test(w), `${SEARCH_CAUSES[i]}: ${w}`).toBe(true);
    }
  });

  test.each([
    // a report's word and a searcher's word for the same thing
    ['diretas', 'peretasan'],
    ['dibobol', 'hacker'],
    ['mati lampu', 'pemadaman listrik'],
    ['pdn', 'pusat data nasional'],
    ['tidak bisa diakses', 'down'],
    ['kelebihan beban', 'overload'],
  ])('"%s" finds "%s" and back', (a, b) => {
    const s = buildSynonyms();
    expect(s[a]).toContain(b);
    expect(s[b]).toContain(a);
  });

  test('words of different concepts are no synonyms ("mati lampu" is no outage word, "down" no attack)', () => {
    const s = buildSynonyms();
    expect(s.down).not.toContain('mati lampu');
    expect(s.hacker).not.toContain('down');
    expect(s['kabel putus']).toBeUndefined();
  });
});
