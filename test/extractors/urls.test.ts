import { describe, expect, test } from 'vitest';
import { toArticle } from '../../extractors/html-article.ts';
import { buildReport } from '../../extractors/report.ts';
import { textArticle } from '../../extractors/text-article.ts';
import { canonicalUrl, isTrackingParam, TRACKING_PARAMS } from '../../extractors/urls.ts';

describe('canonicalUrl', () => {
  test.each([
    ['http://WWW.Kalteng.AntaraNews.com/berita/1/?utm_source=wa#top', 'https://kalteng.antaranews.com/berita/1'],
    ['https://www.Example.id/a/?fbclid=1', 'https://example.id/a'],
    ['https://example.id/', 'https://example.id/'],
    ['https://example.id:443/a?amp=1&p=77530', 'https://example.id/a?p=77530'],
    // the others keep their order: a report id of such a page stays what it was
    ['https://example.id/a?b=2&gclid=x&a=1', 'https://example.id/a?b=2&a=1'],
    // "Halaman 2" and a listing's offset are other documents
    ['https://example.id/a?page=2', 'https://example.id/a?page=2'],
    ['https://example.id/indeks?from=20', 'https://example.id/indeks?from=20'],
    ['  not a url ', 'not a url'],
  ])('%s → %s', (url, want) => {
    expect(canonicalUrl(url)).toBe(want);
    expect(canonicalUrl(want)).toBe(want); // idempotent
  });

  test('the tracking parameters are one list, prefixes included', () => {
    expect(TRACKING_PARAMS).toContain('pgrelated');
    for (const p of ['utm_source', 'UTM_Campaign', 'fbclid', 'ref', 'source']) expect(isTrackingParam(p)).toBe(true);
    for (const p of ['utm', 'p', 'page', 'from', 'beritaId', 'xref']) expect(isTrackingParam(p)).toBe(false);
  });
});

test('source.host is the site without "www." for HTML and for text alike', () => {
  const url = 'https://WWW.Kompas.com/read/2023/lpse-gresik';
  const text = 'Server LPSE Kabupaten Gresik error sejak Senin, kata Kepala ULP.';
  const html = `<html><head><link rel="canonical" href="${url}"></head><body><article><p>${text}</p></article></body></html>`;
  expect(buildReport(toArticle({ url, html }), { id: 'r' }).source.host).toBe('kompas.com');
  expect(buildReport(textArticle({ url, text }), { id: 'r' }).source.host).toBe('kompas.com');
});
