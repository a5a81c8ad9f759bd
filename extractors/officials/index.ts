/**
 * Officials and quotes. This folder annotates: `quotations.ts` finds every direct quotation with its offsets,
 * `attributions.ts` every attribution (named speaker, pronoun, unnamed speaker), `who.ts` splits a speaker phrase into
 * name and role. The decider that follows who is speaking and credits each quotation is `../fields/officials.ts`.
 * Vocabulary: `../lexicon/speech.ts`, `../lexicon/titles.ts`, `../lexicon/organisations.ts`, `./constants.ts`.
 */
export { extractOfficials } from '../fields/officials.ts';
export { parseWho } from './who.ts';
