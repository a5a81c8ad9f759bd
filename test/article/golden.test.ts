/**
 * toArticle against the golden pages (mozilla/readability's layout): main text and metadata of each site shape.
 * Fixing a page means adding its fixture here.
 */
import { describe, expect, test } from 'vitest';
import { decodeHtml, toArticle } from '../../extractors/html-article.ts';
import { loadGoldenPages, scoreText } from './golden.ts';

const pages = loadGoldenPages();

describe('golden pages', () => {
  test('there is one for each site shape', () => {
    const sources = new Set(pages.map((p) => p.name.split('/')[0]));
    for (const s of [
      'warta-nusantara',
      'kantor-berita-nusa',
      'layar-sulteng',
      'lpse-bartim',
      'sulbar-pos',
      // the platform shapes of fixtures/pages/_src/shapes.ts
      'kabar-halmahera',
      'suara-lembah-palu',
      'warta-sepekan',
      'nusantara-terkini',
      'pos-kapuas',
      'lintas-borneo',
      'radar-sumbawa',
      'suara-toraja',
      'portal-kabupaten',
      'gorontalo-hari-ini',
    ])
      expect(sources).toContain(s);
  });

  test.each(pages.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const a = toArticle({ url: p.expected.url, html: decodeHtml(p.bytes) });
    expect({
      title: a.title,
      published: a.published,
      author: a.author,
      publisher: a.publisher,
      canonicalUrl: a.canonicalUrl,
      lang: a.lang,
    }).toEqual({
      title: p.expected.title,
      published: p.expected.published,
      author: p.expected.author,
      publisher: p.expected.publisher,
      canonicalUrl: p.expected.canonicalUrl,
      lang: p.expected.lang,
    });
    for (const b of p.expected.boilerplate.filter(Boolean)) expect(a.text).not.toContain(b);
    const s = scoreText(p.expected.text, a.text);
    expect(s.recovered).toBeGreaterThanOrEqual(0.98);
    expect(s.leaked).toBeLessThanOrEqual(0.02);
    expect(a.text).toBe(p.expected.text);
  });
});
