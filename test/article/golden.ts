/**
 * The golden pages of fixtures/pages/<source>/<slug>/{source.html, expected.json} and the text measures:
 * how much of the expected text an extraction recovers, and how much of what it returns is not the article.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageMeta } from '../../extractors/html/metadata.ts';

export const PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/pages');

/** What a reader sees of the page: its metadata as extractMetadata returns it, and the article text. */
export interface GoldenExpected extends PageMeta {
  url: string;
  text: string;
  /** Strings of the page's boilerplate that must not reach the text. */
  boilerplate: string[];
}

export interface GoldenPage {
  name: string;
  bytes: Buffer;
  expected: GoldenExpected;
}

export function loadGoldenPages(): GoldenPage[] {
  const out: GoldenPage[] = [];
  for (const source of readdirSync(PAGES_DIR).sort()) {
    if (source.startsWith('_') || !statSync(join(PAGES_DIR, source)).isDirectory()) continue;
    for (const slug of readdirSync(join(PAGES_DIR, source)).sort()) {
      const dir = join(PAGES_DIR, source, slug);
      out.push({
        name: `${source}/${slug}`,
        bytes: readFileSync(join(dir, 'source.html')),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as GoldenExpected,
      });
    }
  }
  return out;
}

const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * recovered: share of the expected text's words found in the extraction (multiset overlap);
 * leaked: share of the extraction's words that are not the expected text's (boilerplate let through).
 */
export function scoreText(
  expected: string,
  got: string,
): { recovered: number; leaked: number; expectedWords: number; gotWords: number } {
  const want = new Map<string, number>();
  const e = tokens(expected);
  const g = tokens(got);
  for (const t of e) want.set(t, (want.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of g) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      hit++;
      want.set(t, n - 1);
    }
  }
  return {
    recovered: e.length ? hit / e.length : 1,
    leaked: g.length ? (g.length - hit) / g.length : 0,
    expectedWords: e.length,
    gotWords: g.length,
  };
}
