import { describe, expect, test } from 'vitest';
import { dedupeReports, findDuplicateGroups, shingles, similarity } from '../../src/kb/dedupe.ts';
import type { Report } from '../../types/index.ts';
import { loadFixtures } from './helpers.ts';

const fx = loadFixtures();
const antara = fx['bartim-2021-antara']!;
const copy = fx['bartim-2021-syndicated-copy']!;
const borneo = fx['bartim-2021-borneonews']!;

const BOILERPLATE = `Baca juga: Harga karet di Barito Timur naik. Baca juga: Bupati lantik pejabat eselon II. Ikuti kami di
Instagram, Facebook dan YouTube untuk berita terbaru dari Kalimantan Tengah. Copyright © 2021 Media Daerah. Semua hak
dilindungi. Redaksi | Pedoman Media Siber | Kontak | Karir | Tentang Kami | Kebijakan Privasi.`;

const TEMPLATE = (lpse: string, date: string) =>
  `Diberitahukan kepada seluruh pengguna SPSE ${lpse} bahwa akan dilaksanakan pemeliharaan server pada ${date} pukul 08.00 sampai 17.00 WIB. Selama pemeliharaan aplikasi SPSE tidak dapat diakses. Mohon maaf atas ketidaknyamanannya. Terima kasih atas perhatian dan kerja samanya.`;

function variant(base: Report, over: Partial<Report>): Report {
  return { ...base, ...over };
}

describe('dedupeReports', () => {
  test('a syndicated copy (own header, "Baca Juga" line, footer) becomes one report with both URLs', () => {
    const out = dedupeReports([antara, copy, borneo]);
    expect(out.map((r) => r.id)).toEqual(['r-bartim-antara', 'r-bartim-borneonews']);
    expect(out[0]!.urls).toEqual([antara.url, copy.url]);
    expect(out[0]!.duplicate_ids).toEqual(['r-bartim-kaltengpos']);
  });

  test('the first-published copy speaks for the group, whatever the input order', () => {
    const out = dedupeReports([copy, borneo, antara]);
    expect(out[0]!.id).toBe('r-bartim-antara');
    expect(out[0]!.urls![0]).toBe(antara.url);
  });

  test('the same text inside much longer boilerplate is still the same article (containment)', () => {
    const wrapped = variant(antara, {
      id: 'r-wrapped',
      url: 'https://example-daerah.id/wrapped',
      text: `${BOILERPLATE}\n\n${antara.text}\n\n${BOILERPLATE}\n\n${BOILERPLATE}`,
    });
    const s = similarity(shingles(antara.text), shingles(wrapped.text));
    expect(s.jaccard).toBeLessThan(0.7);
    expect(s.containment).toBeGreaterThan(0.95);
    expect(dedupeReports([antara, wrapped])).toHaveLength(1);
  });

  test.each([
    ['another outlet on the same outage', borneo],
    [
      'the same LKPP template filled in by another kabupaten',
      variant(antara, {
        id: 'r-t2',
        url: 'https://lpse.kapuaskab.go.id/p',
        text: TEMPLATE('LPSE Kabupaten Kapuas', 'Sabtu, 12 Juni 2021'),
        regions: [
          {
            province: 'Kalimantan Tengah',
            province_code: '62',
            regency: 'Kabupaten Kapuas',
            regency_code: '62.03',
            evidence: 'LPSE Kabupaten Kapuas',
          },
        ],
      }),
    ],
    [
      'the same template reused by the same LPSE months later',
      variant(antara, {
        id: 'r-t3',
        url: 'https://lpse.baritotimurkab.go.id/p2',
        published: '2021-09-01',
        text: TEMPLATE('LPSE Kabupaten Barito Timur', 'Sabtu, 4 September 2021'),
      }),
    ],
  ])('not merged: %s', (_, other) => {
    const first =
      other.id === 'r-t2' || other.id === 'r-t3'
        ? variant(antara, { text: TEMPLATE('LPSE Kabupaten Barito Timur', 'Sabtu, 12 Juni 2021') })
        : antara;
    expect(findDuplicateGroups([first, other])).toEqual([[0], [1]]);
  });

  test('short texts are never merged on text alone', () => {
    const a = variant(antara, { text: 'LPSE Bartim down.', title: '' });
    const b = variant(copy, { text: 'LPSE Bartim down.', title: '' });
    expect(dedupeReports([a, b])).toHaveLength(2);
  });
});
