/**
 * The further pages of a paginated article ("Halaman 2", `?page=2`, `/2/`, `rel=next`, numbered links), told
 * apart from links to other articles, and joined onto the first page's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { articleParts } from '../../crawlers/links.ts';
import { joinParts, toArticle } from '../../extractors/html-article.ts';
import { ROOT } from '../helpers.ts';

const KAPUAS = 'https://poskapuas.example/2022/08/30/kontraktor-tuding-server-lpse-sengaja-dimatikan';

describe('articleParts', () => {
  test('numbered links under the text, "Halaman 1 2 3" (?page=N), "Tampilkan Semua" left out', () => {
    const $ = load(`<article><p>Teks halaman pertama.</p></article>
      <div class="paging paging-article"><span>Halaman</span> <span class="current">1</span>
      <a href="/2022/08/30/kontraktor-tuding-server-lpse-sengaja-dimatikan?page=2">2</a>
      <a href="/2022/08/30/kontraktor-tuding-server-lpse-sengaja-dimatikan?page=3">3</a>
      <a href="/2022/08/30/kontraktor-tuding-server-lpse-sengaja-dimatikan?page=all">Tampilkan Semua</a></div>
      <div class="populer"><a href="/2022/08/29/jembatan-pulau-petak-rusak?page=2">2</a></div>`);
    expect(articleParts($, KAPUAS)).toEqual([
      { url: `${KAPUAS}?page=2`, part: 2 },
      { url: `${KAPUAS}?page=3`, part: 3 },
    ]);
  });

  test('the golden "Halaman 2" page: its only page link is back to page 1, so no further part', () => {
    const html = readFileSync(
      join(ROOT, 'fixtures/pages/pos-kapuas/kontraktor-tuding-server-lpse-sengaja-dimatikan-halaman-2/source.html'),
      'utf8',
    );
    expect(articleParts(load(html), `${KAPUAS}?page=2`, 2)).toEqual([]);
    // the same markup read as page 1 would have page 2 as its part? No: it links to page 1 and "all" only.
    expect(articleParts(load(html), KAPUAS)).toEqual([]);
  });

  test('WordPress <!--nextpage--> (/slug/2/) with "Halaman selanjutnya", the next post (rel=next) is not a part', () => {
    const url = 'https://wartakapuas.example/2026/11/20/server-lpse-sintang-mati-tiga-hari/';
    const $ =
      load(`<head><link rel="next" href="https://wartakapuas.example/2026/11/20/server-lpse-sintang-mati-tiga-hari/2/"></head>
      <div class="entry-content"><p>Teks.</p><div class="page-links">Halaman: <span>1</span>
      <a href="https://wartakapuas.example/2026/11/20/server-lpse-sintang-mati-tiga-hari/2/" class="post-page-numbers">Halaman selanjutnya »</a></div></div>
      <nav class="post-navigation"><a rel="next" href="https://wartakapuas.example/2026/11/21/harga-cabai-naik-jelang-natal/">Harga cabai naik</a></nav>
      <a href="https://lain.example/2026/11/20/server-lpse-sintang-mati-tiga-hari/2/">2</a>`);
    expect(articleParts($, url)).toEqual([
      { url: 'https://wartakapuas.example/2026/11/20/server-lpse-sintang-mati-tiga-hari/2/', part: 2 },
    ]);
  });

  test('an article without pages, and page 2 leading on to page 3 only', () => {
    expect(articleParts(load('<p>Teks.</p><a href="/2026/11/20/lain-berita-hari-ini">Berikutnya</a>'), KAPUAS)).toEqual(
      [],
    );
    const $ = load(
      `<a href="${KAPUAS}">1</a> <span>2</span> <a rel="next" href="${KAPUAS}?page=3">Halaman selanjutnya</a>`,
    );
    expect(articleParts($, `${KAPUAS}?page=2`, 2)).toEqual([{ url: `${KAPUAS}?page=3`, part: 3 }]);
    // read as a first page, an URL numbered 2 has no parts
    expect(articleParts($, `${KAPUAS}?page=2`, 1)).toEqual([]);
  });

  test('an article whose URL ends in a short number: the next article ("Berikutnya" to /berita/6) is not a part', () => {
    const $ = load('<p>Teks.</p><a href="/berita/6">Berikutnya</a> <a href="/berita/4">4</a>');
    expect(articleParts($, 'https://sintangpos.example/berita/5')).toEqual([]);
  });
});

describe('joinParts', () => {
  const page = (body: string) =>
    toArticle({
      url: KAPUAS,
      html: `<html><head><title>Server LPSE Kapuas Mati</title></head><body><h1>Server LPSE Kapuas Mati</h1><article>${body}</article></body></html>`,
    });

  test("the parts' paragraphs follow the first page's, a repeated lead kept once, the metadata the first page's", () => {
    const lead =
      '<p>Sejumlah kontraktor di Kapuas menuding server LPSE sengaja dimatikan menjelang batas unggah penawaran tender jalan.</p>';
    const first = page(
      `${lead}<p>Server layanan pengadaan itu tidak bisa diakses sejak Senin pagi hingga Selasa malam, kata mereka.</p>`,
    );
    const second = page(
      `${lead}<p>Kepala Dinas Kominfo Kapuas membantah tudingan itu dan menyebut pemadaman listrik bergilir sebagai penyebabnya.</p>`,
    );
    const joined = joinParts(first, [second]);
    const paras = joined.text.split('\n\n');
    expect(paras).toHaveLength(3);
    expect(paras[0]).toContain('menuding server LPSE');
    expect(paras[2]).toContain('membantah tudingan');
    expect(joined.title).toBe(first.title);
    expect(joinParts(first, [])).toBe(first);
  });
});
