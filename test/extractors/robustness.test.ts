import { describe, expect, test } from 'vitest';
import { decodeFile, extractRecord } from '../../src/extract-files.ts';

describe('bad input never crashes extraction', () => {
  test.each([
    ['empty text', { url: null, text: '' }],
    ['whitespace', { url: null, text: '   \n\n\t ' }],
    ['HTML without body', { url: 'https://contoh.id/a', html: '<html><head><title>LPSE</title></head></html>' }],
    ['HTML fragment', { url: 'https://contoh.id/b', html: '<p>Server LPSE <b>rusak' }],
    [
      'binary garbage',
      { url: null, text: String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)) },
    ],
    ['another language', { url: null, text: '服务器故障，采购网站无法访问。' }],
    ['a bad URL', { url: 'not a url at all', text: 'Server LPSE Kabupaten Sleman rusak sejak Senin.' }],
    ['a bad published', { url: null, text: 'Server LPSE rusak.', published: 'kemarin' }],
  ])('%s gives a report', (_name, rec) => {
    const r = extractRecord(rec);
    expect(typeof r.id).toBe('string');
    expect(r.id.length).toBeGreaterThan(0);
    expect(Array.isArray(r.regions)).toBe(true);
    expect(r.published === null || /^\d{4}-\d{2}-\d{2}$/.test(r.published)).toBe(true);
  });

  test('a 20 MB page is extracted in reasonable time', () => {
    const para =
      '<p>Server LPSE Kabupaten Sleman tidak bisa diakses sejak Senin (7/6/2021), kata Kepala LPSE Budi Santoso.</p>\n';
    const html = `<html><body><article>${para.repeat(Math.ceil((20 * 1024 * 1024) / para.length))}</article></body></html>`;
    expect(html.length).toBeGreaterThan(20 * 1024 * 1024);
    const t0 = Date.now();
    const r = extractRecord({ url: 'https://contoh.id/besar', html });
    expect(r.is_incident).toBe(true);
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 90_000);

  test('a 20 MB text is extracted', () => {
    const line = 'Server LPSE Kabupaten Sleman tidak bisa diakses sejak Senin (7/6/2021). ';
    const r = extractRecord({ url: null, text: line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)) });
    expect(r.is_incident).toBe(true);
    expect(r.regions[0]?.regency).toBe('Kabupaten Sleman');
  }, 60_000);

  test('windows-1252 bytes are decoded, not mangled', () => {
    // "Pemkab Gresik — server “down”" in windows-1252: em dash 0x97, curly quotes 0x93/0x94
    const bytes = Uint8Array.from([
      ...Buffer.from('Server LPSE Pemkab Gresik '),
      0x97,
      ...Buffer.from(' kata pejabat: '),
      0x93,
      ...Buffer.from('down'),
      0x94,
    ]);
    const text = decodeFile(bytes, false);
    expect(text).toBe('Server LPSE Pemkab Gresik — kata pejabat: “down”');
    expect(extractRecord({ url: null, text }).regions[0]?.regency).toBe('Kabupaten Gresik');
  });

  test('UTF-8 stays UTF-8', () => {
    expect(decodeFile(Buffer.from('Kabupaten Sleman — “rusak”'), false)).toBe('Kabupaten Sleman — “rusak”');
  });
});
