/**
 * Sentences as annotations: the analysis text's sentences (`text.ts`) located in `Article.text`, so their offsets
 * point into the text the web app shows. The analysis text drops boilerplate lines and collapses runs of spaces;
 * a sentence is found by its exact text from where the previous one ended, else with any run of whitespace
 * matching any other.
 */
import { escapeRe, type Sentence } from '../text-helpers.ts';
import type { SentenceAnnotation } from './types.ts';

/** Where `needle` stands in `hay` from `from` on, whitespace runs matching each other: [start, end] or null. */
function looseFind(hay: string, needle: string, from: number): [number, number] | null {
  const source = needle.slice(0, 200).split(/\s+/).filter(Boolean).map(escapeRe).join('\\s+');
  if (!source) return null;
  const re = new RegExp(source, 'g');
  re.lastIndex = from;
  const m = re.exec(hay);
  if (!m) return null;
  // a sentence cut at 200 characters for the search: its end is estimated from its length
  const end = needle.length > 200 ? Math.min(hay.length, m.index + needle.length) : m.index + m[0].length;
  return [m.index, end];
}

/**
 * @example toSentenceAnnotations("LPSE down.\nSejak Senin (7/6).", splitSentences(...))
 *   → [{ kind: "sentence", index: 0, para: 0, start: 0, end: 10, text: "LPSE down." }, …]
 */
export function toSentenceAnnotations(articleText: string, sentences: readonly Sentence[]): SentenceAnnotation[] {
  const out: SentenceAnnotation[] = [];
  let cursor = 0;
  for (const [index, s] of sentences.entries()) {
    let at = articleText.indexOf(s.text, cursor);
    let end = at + s.text.length;
    if (at < 0) {
      const found = looseFind(articleText, s.text, cursor);
      // not found (a photo credit cut out of the line): an empty span where the previous sentence ended
      [at, end] = found ?? [cursor, cursor];
    }
    cursor = end;
    out.push({
      kind: 'sentence',
      index,
      para: s.para,
      start: at,
      end,
      text: articleText.slice(at, end),
      analysed: s.text,
    });
  }
  return out;
}
