/**
 * toArticle and decodeHtml on small pages: each rule of extractors/html with a case that needs it.
 */
import { describe, expect, test } from 'vitest';
import { decodeHtml, toArticle } from '../../extractors/html-article.ts';
import { dateFromIso, dateFromText, dateFromUrl } from '../../extractors/html/dates.ts';

const P1 =
  'Tamiang Layang (ANTARA) - Pemerintah Kabupaten Barito Timur, melalui LPSE, menginformasikan bahwa perangkat server sedang rusak.';
const P2 =
  '"Ada komponen perangkat keras yang rusak dan berdampak pada sistem aplikasi," kata Kepala LPSE Bartim Abdul Gafur.';

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="id"><head><title>Server LPSE rusak - Kabar</title>${head}</head><body>${body}</body></html>`;
}

describe('decodeHtml', () => {
  const cp1252 = Uint8Array.from([
    0x93, 0x53, 0x65, 0x72, 0x76, 0x65, 0x72, 0x94, 0x20, 0x96, 0x20, 0x65, 0x72, 0x6f, 0x72, 0x20, 0xe9,
  ]);
  test.each([
    ['charset in the header', 'text/html; charset=windows-1252'],
    ['ISO-8859-1 in the header (decoded as windows-1252, as browsers do)', 'text/html; charset=ISO-8859-1'],
  ])('%s', (_n, ct) => {
    expect(decodeHtml(cp1252, ct)).toBe('“Server” – eror é');
  });
  test('charset in <meta> when the header has none', () => {
    const head = new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">');
    const bytes = new Uint8Array([...head, ...cp1252]);
    expect(decodeHtml(bytes)).toContain('“Server” – eror é');
  });
  test('UTF-8 by default and with a BOM', () => {
    const utf8 = new TextEncoder().encode('“LPSE” – é');
    expect(decodeHtml(utf8)).toBe('“LPSE” – é');
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'text/html; charset=windows-1252')).toBe(
      '“LPSE” – é',
    );
  });
  test('an unknown charset label falls back to UTF-8', () => {
    expect(decodeHtml(new TextEncoder().encode('LPSE é'), 'text/html; charset=x-nonsense')).toBe('LPSE é');
  });
});

describe('toArticle main text', () => {
  test('drops menus, share buttons, "Baca juga", related posts, comments, ads and footers', () => {
    const html = page(`
      <nav class="menu"><a href="/">Beranda</a><a href="/daerah">Daerah</a></nav>
      <div class="ads-top">IKLAN Pasang iklan hubungi kami</div>
      <article><h1>Server LPSE rusak</h1>
        <div class="share-buttons">Bagikan ke Facebook Twitter</div>
        <div class="entry-content">
          <p>${P1}</p>
          <p><strong>Baca juga:</strong> <a href="/x">Satgas COVID-19 Bartim galakkan Operasi Yustisi</a></p>
          <p>${P2}</p>
          <p>Editor: Budi Santoso</p>
        </div>
        <div class="related-posts"><h3>Berita Terkait</h3><p>Banjir merendam dua kecamatan di Barito Timur, ratusan warga mengungsi ke balai desa.</p></div>
      </article>
      <div id="comments"><p>Komentar pembaca yang panjang sekali tentang lelang dan server, menurut saya ada permainan.</p></div>
      <footer>Hak cipta 2024 Kabar Daerah</footer>`);
    expect(toArticle({ url: 'https://kabar.example/a', html }).text).toBe(`${P1}\n\n${P2}`);
  });

  test('keeps one copy of paragraphs the site printed twice', () => {
    const html = page(`<div class="entry-content"><p>${P1}</p><p>${P2}</p><p>${P1}</p><p>${P2}</p></div>`);
    expect(toArticle({ url: 'https://kabar.example/a', html }).text).toBe(`${P1}\n\n${P2}`);
  });

  test('finds the body by its prose when the theme has no known class, and reads <br> lines as paragraphs', () => {
    const html = page(`<div class="kolom-kiri"><a href="/1">Satu</a> <a href="/2">Dua</a></div>
      <div class="xyz">${P1}<br><br>${P2}<br></div>
      <div class="kolom-kanan"><ul><li><a href="/3">Harga cabai naik</a></li></ul></div>`);
    expect(toArticle({ url: 'https://kabar.example/a', html }).text).toBe(`${P1}\n\n${P2}`);
  });

  test('the byline of a credit line becomes the author when the page has no author metadata', () => {
    const html = page(`<div class="entry-content"><p>${P1}</p><p>${P2}</p><p>Pewarta: Kasriadi</p></div>`);
    const a = toArticle({ url: 'https://kabar.example/a', html });
    expect(a.author).toBe('Kasriadi');
    expect(a.text).not.toContain('Kasriadi');
  });
});

describe('toArticle metadata', () => {
  test('JSON-LD wins over meta, and the date is the local date as written', () => {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"LPSE Bartim tidak bisa diakses","datePublished":"2021-06-09T23:30:00+07:00","author":{"@type":"Person","name":"Kasriadi"},"publisher":{"@type":"Organization","name":"ANTARA Kalteng"}}]}</script>
      <meta property="article:published_time" content="2021-06-01T00:00:00+07:00"><link rel="canonical" href="/berita/1/lpse-bartim">`;
    const a = toArticle({
      url: 'https://kalteng.example/berita/1/lpse-bartim?utm_source=wa',
      html: page(`<p>${P1}</p>`, head),
    });
    expect(a).toMatchObject({
      title: 'LPSE Bartim tidak bisa diakses',
      published: '2021-06-09',
      author: 'Kasriadi',
      publisher: 'ANTARA Kalteng',
      canonicalUrl: 'https://kalteng.example/berita/1/lpse-bartim',
      host: 'kalteng.example',
      lang: 'id',
      kind: 'news',
    });
  });

  test('broken JSON-LD is ignored; <title> loses its site suffix', () => {
    const head = `<script type="application/ld+json">{"headline": "x",}</script><meta property="og:site_name" content="Kabar">`;
    const a = toArticle({ url: 'https://kabar.example/a', html: page(`<p>${P1}</p>`, head) });
    expect(a.title).toBe('Server LPSE rusak');
    expect(a.published).toBeNull();
  });

  test('the date falls back to <time>, then the URL, then a dated dateline', () => {
    expect(
      toArticle({
        url: 'https://k.example/a',
        html: page(`<time datetime="2023-05-27T10:00:00+07:00">Sabtu</time><p>${P1}</p>`),
      }).published,
    ).toBe('2023-05-27');
    expect(
      toArticle({ url: 'https://k.example/2020/07/05/lpse-luwu-utara/', html: page(`<p>${P1}</p>`) }).published,
    ).toBe('2020-07-05');
    const dateline = `TIMIKA, 27 Juni 2024 - Laman resmi LPSE Kabupaten Mimika mengalami gangguan sehingga proses tender tidak maksimal.`;
    expect(toArticle({ url: 'https://k.example/a', html: page(`<p>${dateline}</p><p>${P2}</p>`) }).published).toBe(
      '2024-06-27',
    );
  });

  test('a statement dateline in the body is not a publication date', () => {
    const html = page(`<p>${P2} Sabtu (4/7/2020).</p><p>${P1}</p>`);
    expect(toArticle({ url: 'https://k.example/a', html }).published).toBeNull();
  });

  test('kind is passed through', () => {
    expect(
      toArticle({ url: 'https://lpse.example/eproc4/berita/1', html: page(`<p>${P1}</p>`), kind: 'lpse-announcement' })
        .kind,
    ).toBe('lpse-announcement');
  });
});

describe('dates', () => {
  test.each([
    ['Rabu, 9 Juni 2021 14:20 WIB', '2021-06-09'],
    ['09 Jun 2021', '2021-06-09'],
    ['June 9, 2021', '2021-06-09'],
    ['Tanggal: 07/06/2021', '2021-06-07'],
    ['31 Juni 2021', null],
    ['Rabu (1/4)', null],
  ])('dateFromText(%j) = %j', (text, want) => {
    expect(dateFromText(text)).toBe(want);
  });
  test.each([
    ['2021-06-09T21:30:00+07:00', '2021-06-09'],
    ['2021-06-09', '2021-06-09'],
    ['Wed, 09 Jun 2021 14:20:00 +0700', '2021-06-09'],
  ])('dateFromIso(%j) = %j', (v, want) => {
    expect(dateFromIso(v)).toBe(want);
  });
  test.each([
    ['https://k.example/2021/06/09/server-rusak/', '2021-06-09'],
    ['https://k.example/read/20230527/lpse-gresik', '2023-05-27'],
    ['https://k.example/berita/512340/lpse-bartim', null],
    ['https://k.example/2021/06/server-rusak.html', null],
  ])('dateFromUrl(%j) = %j', (u, want) => {
    expect(dateFromUrl(u)).toBe(want);
  });
});
