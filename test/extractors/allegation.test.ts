import { describe, expect, test } from 'vitest';
import { extractAllegation } from '../../extractors/allegation.ts';
import { ctxOf } from './helpers.ts';

describe('extractAllegation', () => {
  test.each([
    ['main kucing-kucingan', 'Diduga “Main Kucing- Kucingan” LPSE Luwu Utara Disorot', null],
    [
      'pengondisian with who',
      'Ketua LSM itu menilai ada pengondisian dan persekongkolan untuk memenangkan rekanan tertentu.',
      'ketua lsm itu',
    ],
    ['disengaja', 'Kontraktor curiga gangguan server disengaja agar peserta tertentu gagal mengunggah.', 'kontraktor'],
    ['sabotase', 'Apakah ada unsur sabotase di ULP? tanya aktivis itu.', null],
  ])('%s', (_name, text, by) => {
    const r = extractAllegation(ctxOf(text));
    expect(r.value.present).toBe(true);
    expect(r.evidence[0]?.text).toBe(text);
    if (by) expect(r.value.by).toContain(by);
  });

  test.each([
    ['a plain outage', 'Server LPSE rusak karena hardisk tidak terbaca.'],
    ['a denial', 'LPSE membantah pihaknya melakukan pengaturan server pada saat upload dokumen.'],
    ['an explicit refusal to suspect', 'Kami tidak mau berprasangka bahwa masalah ini muncul disengaja.'],
  ])('no allegation: %s', (_name, text) => {
    const r = extractAllegation(ctxOf(text));
    expect(r.value.present).toBe(false);
    expect(r.evidence).toEqual([]);
  });
});
