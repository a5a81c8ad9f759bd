/**
 * Hostile markup still gives an Article and a report: pages nested deeper than any call stack, hundreds of unclosed
 * tables, binary bytes, lying charsets, pages of scripts. Each within a time bound (generous: the machine is shared).
 */
import { describe, expect, test } from 'vitest';
import { decodeHtml, toArticle } from '../../extractors/html-article.ts';
import { flattenDeepNesting } from '../../extractors/html/dom.ts';
import { extractRecord } from '../../src/extract-files.ts';

const P =
  'Server LPSE Kabupaten Barito Timur rusak sejak Senin pagi, kata Kepala LPSE Abdul Gafur kepada wartawan di Tamiang Layang.';
const Q =
  'Pokja memperpanjang jadwal pemasukan penawaran dua paket jalan karena penyedia tidak bisa mengunggah dokumen.';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('deep and unclosed markup', () => {
  test('a page nested 20 000 elements deep gives a report with its text', () => {
    const html = `<html><body>${'<div>'.repeat(20000)}<p>${P}</p><p>${Q}</p>${'</div>'.repeat(20000)}</body></html>`;
    const { value: report, ms } = timed(() => extractRecord({ id: 'deep', url: 'https://k.example/a', html }));
    expect(report.id).toBe('deep');
    expect(ms).toBeLessThan(5000);
    const { value: a } = timed(() => toArticle({ url: 'https://k.example/a', html }));
    expect(a.text).toContain(P);
    expect(a.text).toContain(Q);
  });

  test('a page with 500 unclosed nested tables gives a report with the text of its cells', () => {
    const cells = Array.from({ length: 500 }, (_, i) => `<table><tr><td>Baris ${i + 1}: ${Q}`).join('');
    const html = `<html><head><title>Tabel</title></head><body>${cells}<p>${P}</p></body></html>`;
    const { value: report, ms } = timed(() => extractRecord({ id: 'tables', url: 'https://k.example/t', html }));
    expect(report.id).toBe('tables');
    expect(ms).toBeLessThan(5000);
    const a = toArticle({ url: 'https://k.example/t', html });
    expect(a.text).toContain(P);
    expect(a.text).toContain(`Baris 1: ${Q}`);
    expect(a.text).toContain(`Baris 500: ${Q}`);
  });

  test.each([
    ['unclosed <div>s', `${'<div>'.repeat(20000)}<p>${P}</p>`],
    ['nested inline elements', `<p>${'<span><b>'.repeat(10000)}${P}</p>`],
    ['nested blockquotes', `${'<blockquote>'.repeat(20000)}${P}`],
    ['nested headings and lists', `${'<h2><ul><li>'.repeat(5000)}${P}`],
    ['300 000 nested <div>s (flattened at the nesting limit)', `${'<div>'.repeat(300000)}${P}`],
  ])('%s', (_name, body) => {
    const { value: a, ms } = timed(() => toArticle({ url: 'https://k.example/a', html: `<body>${body}</body>` }));
    expect(ms).toBeLessThan(5000);
    expect(a.text).toContain(P);
  });

  test('deep wrappers whose class says boilerplate are dropped without a stack overflow', () => {
    const html = `<body>${'<div class="share">'.repeat(20000)}Bagikan</body>`;
    expect(toArticle({ url: 'https://k.example/a', html }).text).toBe('');
  });

  test('JSON-LD nested thousands deep is read without recursion', () => {
    const ld = `${'['.repeat(5000)}{"@type":"NewsArticle","headline":"LPSE Bartim down","datePublished":"2021-06-09"}${']'.repeat(5000)}`;
    const html = `<head><script type="application/ld+json">${ld}</script></head><body><p>${P}</p></body>`;
    const a = toArticle({ url: 'https://k.example/a', html });
    expect(a.title).toBe('LPSE Bartim down');
    expect(a.published).toBe('2021-06-09');
  });

  test('flattening keeps every character of text and leaves shallow pages untouched', () => {
    const shallow = `<div><p>${P}</p></div>`;
    expect(flattenDeepNesting(shallow)).toBe(shallow);
    const deep = `${'<div>'.repeat(50)}${P}${'</div>'.repeat(50)}`;
    const flat = flattenDeepNesting(deep, 10);
    expect(flat).toBe(`${'<div>'.repeat(10)}${P}${'</div>'.repeat(10)}`);
  });

  test.each([
    // fewer start tags than the limit: no scan at all; as many: scanned, nothing past the limit; one more: cut
    [4, 4],
    [5, 5],
    [6, 5],
    [7, 5],
  ])('%i nested <DIV>s with a limit of 5 keep %i', (n, kept) => {
    const flat = flattenDeepNesting(`${'<DIV>'.repeat(n)}${P}${'</DIV>'.repeat(n)}`, 5);
    expect(flat).toBe(`${'<DIV>'.repeat(kept)}${P}${'</DIV>'.repeat(kept)}`);
  });
});

describe('huge, binary, scripted and mis-declared pages', () => {
  test('a 5 MB page gives an Article in bounded time', () => {
    const para = `<p>${P} ${Q}</p>\n`;
    const html = `<body><article>${para.repeat(Math.ceil((5 * 1024 * 1024) / para.length))}</article></body>`;
    const { value: a, ms } = timed(() => toArticle({ url: 'https://k.example/a', html }));
    expect(ms).toBeLessThan(8000);
    expect(a.text.startsWith(`${P} ${Q}`)).toBe(true);
  });

  test('random bytes give an Article (possibly empty) and a report', () => {
    // a fixed linear congruential sequence: the same bytes every run
    let x = 12345;
    const bytes = new Uint8Array(200_000).map(() => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x & 0xff;
    });
    const html = decodeHtml(bytes);
    const { value: report, ms } = timed(() => extractRecord({ id: 'bin', url: 'https://k.example/bin', html }));
    expect(ms).toBeLessThan(5000);
    expect(report.id).toBe('bin');
    expect(report.is_incident).toBe(false);
  });

  test('a page that is mostly scripts keeps only its prose', () => {
    const script = `<script>var a = "${'x'.repeat(5000)}"; document.write("<p>iklan</p>");</script>`;
    const html = `<head>${script.repeat(200)}</head><body>${script.repeat(200)}<div class="entry-content"><p>${P}</p><p>${Q}</p></div>${'<script>for(;;){}</script>'.repeat(1000)}</body>`;
    const { value: a, ms } = timed(() => toArticle({ url: 'https://k.example/a', html }));
    expect(ms).toBeLessThan(5000);
    expect(a.text).toBe(`${P}\n\n${Q}`);
  });

  test('a windows-1252 page declared UTF-8 is read as windows-1252', () => {
    const head = new TextEncoder().encode('<html><head><meta charset="utf-8"></head><body><p>');
    // "“Server rusak” – kata Kepala LPSE, café" in windows-1252
    const body = Uint8Array.from([
      0x93,
      ...new TextEncoder().encode('Server rusak'),
      0x94,
      0x20,
      0x96,
      ...new TextEncoder().encode(' kata Kepala LPSE, caf'),
      0xe9,
    ]);
    const bytes = new Uint8Array([...head, ...body, ...new TextEncoder().encode('</p></body></html>')]);
    expect(decodeHtml(bytes)).toContain('“Server rusak” – kata Kepala LPSE, café');
    expect(decodeHtml(bytes, 'text/html; charset=utf-8')).toContain('“Server rusak” – kata Kepala LPSE, café');
  });

  test('a UTF-8 page declared windows-1252 is read as UTF-8', () => {
    const bytes = new TextEncoder().encode(
      '<html><head><meta charset="windows-1252"></head><body><p>“Server rusak” – kata Kepala LPSE, café</p></body></html>',
    );
    expect(decodeHtml(bytes)).toContain('“Server rusak” – kata Kepala LPSE, café');
    expect(decodeHtml(bytes, 'text/html; charset=ISO-8859-1')).toContain('“Server rusak” – kata Kepala LPSE, café');
  });

  test('a UTF-8 page with one stray byte stays UTF-8', () => {
    const text = '“Server rusak” – kata Kepala LPSE, café ';
    const good = new TextEncoder().encode(text.repeat(5));
    const bytes = new Uint8Array([...good, 0xff, ...good]);
    expect(decodeHtml(bytes)).toContain(text);
  });
});
