/**
 * Prints, for every golden page and overall, the share of expected text toArticle recovers and the share of
 * boilerplate it lets through (word-level), plus metadata matches. Run: npx tsx test/article/measure.ts
 */
import { decodeHtml, toArticle } from '../../extractors/html-article.ts';
import { loadGoldenPages, scoreText } from './golden.ts';

const FIELDS = ['title', 'published', 'author', 'publisher', 'canonicalUrl', 'lang'] as const;
let expectedWords = 0;
let recoveredWords = 0;
let gotWords = 0;
let leakedWords = 0;
const fieldHits: Record<string, number> = {};
const pages = loadGoldenPages();
console.log('page'.padEnd(72), 'recovered  leaked  metadata');
for (const p of pages) {
  const a = toArticle({ url: p.expected.url, html: decodeHtml(p.bytes) });
  const s = scoreText(p.expected.text, a.text);
  expectedWords += s.expectedWords;
  recoveredWords += s.recovered * s.expectedWords;
  gotWords += s.gotWords;
  leakedWords += s.leaked * s.gotWords;
  const misses: string[] = [];
  for (const f of FIELDS) {
    if (a[f] === p.expected[f]) fieldHits[f] = (fieldHits[f] ?? 0) + 1;
    else misses.push(`${f}=${JSON.stringify(a[f])}`);
  }
  console.log(
    p.name.slice(0, 72).padEnd(72),
    `${(100 * s.recovered).toFixed(1)}%`.padStart(9),
    `${(100 * s.leaked).toFixed(1)}%`.padStart(7),
    ` ${misses.length ? misses.join(' ') : 'all match'}`,
  );
}
console.log(
  `\n${pages.length} pages: ${(100 * (recoveredWords / expectedWords)).toFixed(1)}% of the expected text recovered, ${(100 * (leakedWords / gotWords)).toFixed(1)}% of the extracted text is boilerplate (words)`,
);
console.log(`metadata: ${FIELDS.map((f) => `${f} ${fieldHits[f] ?? 0}/${pages.length}`).join(', ')}`);
