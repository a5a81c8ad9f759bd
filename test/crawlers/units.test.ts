/**
 * The crawler's pure parts and its state files: relevance of titles, links and pagination, the frontier
 * journal, the archive, source validation.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterEach, describe, expect, test } from 'vitest';
import { Frontier } from '../../crawlers/frontier.ts';
import {
  ANNOUNCEMENT_TERMS,
  isRelevantAnnouncement,
  isRelevantTitle,
  LINK_PARTY_TERMS,
  LINK_SYSTEM_TERMS,
  spseError,
  titleFromUrl,
} from '../../crawlers/link-priority.ts';
import { articleMatcher, nextPageUrl, pageLinks } from '../../crawlers/links.ts';
import { loadSources, STARTER_SOURCES, validateSources } from '../../crawlers/sources.ts';
import { SCHEDULE_TERMS } from '../../extractors/impact.ts';
import { OUTAGE_STORY_TERMS, OUTAGE_TERMS } from '../../extractors/lexicon/outage.ts';
import { PROCUREMENT_WORDS, SYSTEM_NAMES, SYSTEM_RE } from '../../extractors/lexicon/system.ts';
import {
  type ArchivedPage,
  archiveKey,
  canonicalUrlOf,
  closeArchive,
  countArchived,
  hasArchived,
  listArchived,
  readArchived,
  saveRawPage,
} from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { appendReports, readReports, reportsFile } from '../../src/report-store.ts';
import type { RawPage, Report } from '../../types/index.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pantau-unit-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('relevance of listed titles', () => {
  test.each([
    ['Server LPSE Kabupaten Gresik Error, LSM FPSR Mendesak Kepala ULP Jelaskan ke Publik', true],
    ['Laman LPSE Mimika Gangguan, Proses Tender Proyek Tidak Maksimal', true],
    ['Situs e-Proc Pemprov Tak Bisa Diakses Jelang Tutup Lelang', true],
    ['Tender Jalan Tertunda karena Server Pengadaan Down', true],
    ['LPSE Pacitan Gelar Pelatihan SPSE bagi 60 Penyedia Jasa Konstruksi', true], // fetched; not an incident
    ['DPRD Gresik Sahkan Perubahan APBD 2023 dalam Rapat Paripurna', false],
    ['Layanan Disdukcapil Gresik Sempat Terhenti karena Gangguan Jaringan', false],
    ['Tim Sepak Takraw Luwu Utara Raih Dua Emas di Porprov Sulsel', false],
    ['Pemkab Buka Lelang Jabatan Sekda', false],
    ['Kolapsnya Elpsem', false],
    // the lexicon's names and outage words order links too: a described system, a recovery, the PDN
    ['Sistem Pelelangan Elektronik Pemkot Lumpuh Dua Hari', true],
    ['Server ULP Sempat Ngadat, Rekanan Mengeluh', true],
    ['Tender Jalan Provinsi Kembali Normal Usai Gangguan PDN', true],
    ['Rekanan Keluhkan Situs Pengadaan Tidak Bisa Dibuka', true],
    ['Inaproc Down, Pokja Tunda Pembukaan Penawaran', true],
    ['Server Dukcapil Kembali Normal', false],
  ])('%s → %s', (title, want) => {
    expect(isRelevantTitle(title)).toBe(want);
  });

  test.each([
    ['Perubahan Jadwal Tahapan Tender Akibat Gangguan Server', true],
    ['Berita Acara Gangguan Layanan SPSE Nomor 027/BA-LPSE/VI/2021', true],
    ['Pemeliharaan Aplikasi SPSE Sabtu 15 Mei', true],
    ['Jadwal Pelatihan Penyedia SPSE 4.5 Tahun 2021', false],
    ['Himbauan Pembaruan Data Kualifikasi Penyedia', false],
    ['Pengumuman Penundaan Jadwal Tender Paket Jalan', true],
    ['Layanan SPSE Sudah Dapat Diakses Kembali', true],
    ['Jadwal Maintenance Server Hari Minggu', true],
    ['Undangan Sosialisasi Perpres 46 Tahun 2025', false],
  ])('announcement %s → %s', (title, want) => {
    expect(isRelevantAnnouncement(title)).toBe(want);
  });

  test("the crawler's own words are not the lexicon's: no word is listed in both places", () => {
    const lexicon = [
      ...SYSTEM_NAMES,
      ...PROCUREMENT_WORDS,
      ...OUTAGE_TERMS,
      ...OUTAGE_STORY_TERMS,
      ...SCHEDULE_TERMS,
    ].map((w) => w.toLowerCase());
    for (const w of [...LINK_SYSTEM_TERMS, ...LINK_PARTY_TERMS, ...ANNOUNCEMENT_TERMS]) {
      expect(lexicon, w).not.toContain(w);
      expect(SYSTEM_RE.test(w), w).toBe(false);
    }
  });

  test('an URL slug stands for a title where the listing shows none', () => {
    expect(titleFromUrl('https://k.example/2021/06/09/server-lpse-bartim-rusak/')).toBe('server lpse bartim rusak');
    expect(isRelevantTitle(titleFromUrl('https://k.example/berita/123/harga-cabai-naik.html'))).toBe(false);
  });

  test('the SPSE error page and its code', () => {
    expect(spseError('<h4>Maaf, terjadi error pada aplikasi SPSE</h4><p>Kode Error : 81kep4jo9</p>')).toEqual({
      code: '81kep4jo9',
      message: 'Maaf, terjadi error pada aplikasi SPSE',
    });
    expect(spseError('tampil tulisan "Kode Error : 81kep4jo9, Aplikasi SPSE"')?.code).toBe('81kep4jo9');
    expect(spseError('Server LPSE error sejak Jumat')).toBeNull();
  });
});

describe('links', () => {
  test('next page: rel=next, "Selanjutnya", or the numbered link after the current one', () => {
    expect(nextPageUrl(load('<link rel="next" href="/page/2/">'), 'https://k.example/')).toBe(
      'https://k.example/page/2/',
    );
    expect(
      nextPageUrl(load('<div class="pagination"><a href="?p=3">Selanjutnya »</a></div>'), 'https://k.example/b?p=2'),
    ).toBe('https://k.example/b?p=3');
    const numbered =
      '<ul class="pagination"><li><a href="/b">1</a></li><li class="active"><span>2</span></li><li><a href="/b/halaman/3">3</a></li></ul>';
    expect(nextPageUrl(load(numbered), 'https://k.example/b/halaman/2')).toBe('https://k.example/b/halaman/3');
    expect(nextPageUrl(load('<p>akhir</p>'), 'https://k.example/')).toBeNull();
    // A post's "next post" link is not a listing's next page.
    expect(
      nextPageUrl(
        load('<nav class="post-navigation"><a rel="next" href="/x/">Berita lain</a></nav>'),
        'https://k.example/',
      ),
    ).toBeNull();
  });

  test('links carry their anchor text, or the title/alt when the anchor is an image', () => {
    const $ = load(
      '<a href="/a#top">  Server LPSE <b>rusak</b> </a><a href="/a">x</a><a href="/b" title="LPSE down"><img alt="foto"></a><a href="javascript:void(0)">no</a>',
    );
    expect(pageLinks($, 'https://k.example/')).toEqual([
      { url: 'https://k.example/a', title: 'Server LPSE rusak' },
      { url: 'https://k.example/b', title: 'LPSE down' },
    ]);
  });

  test('article URLs by pattern, else by shape', () => {
    const byShape = articleMatcher({ id: 'x', name: 'x', kind: 'news' });
    expect(byShape('https://k.example/2021/06/09/lpse-rusak/')).toBe(true);
    expect(byShape('https://k.example/berita/512340/lpse-bartim')).toBe(true);
    expect(byShape('https://k.example/server-lpse-bartim-rusak-lagi')).toBe(true);
    expect(byShape('https://k.example/kategori/daerah/')).toBe(false);
    expect(byShape('https://k.example/tag/lpse-gangguan-server-daerah/')).toBe(false);
    const byPattern = articleMatcher({ id: 'x', name: 'x', kind: 'news', article_patterns: ['^/baca/'] });
    expect(byPattern('https://k.example/baca/x')).toBe(true);
    expect(byPattern('https://k.example/2021/06/09/lpse-rusak/')).toBe(false);
  });
});

describe('frontier journal', () => {
  test('re-queues what was added and not done, ignores a torn last line, remembers what it saw', () => {
    const dir = tmp();
    const f = new Frontier(dir);
    f.add({ url: 'https://k.example/a', label: 'ARTICLE', source: 's' });
    f.add({ url: 'https://k.example/b', label: 'ARTICLE', source: 's' });
    f.add({ url: 'https://k.example/c', label: 'LIST', source: 's', depth: 2 });
    f.markSeen('https://k.example/sport', 'irrelevant');
    f.done('https://k.example/a');
    f.fail('https://k.example/b', 'HTTP 500');
    f.close();
    appendFileSync(f.file, '{"op":"done","url":"https://k.exa'); // kill -9 mid-write
    const g = new Frontier(dir);
    expect(g.resumed).toEqual([{ url: 'https://k.example/c', label: 'LIST', source: 's', depth: 2 }]);
    expect(g.failedBefore.map((r) => r.url)).toEqual(['https://k.example/b']);
    for (const u of ['a', 'b', 'c', 'sport']) expect(g.knewBefore(`https://k.example/${u}`)).toBe(true);
    expect(g.knewBefore('https://k.example/new')).toBe(false);
  });

  test('lines of a page not finished are not written (the page is handled again)', () => {
    const dir = tmp();
    const f = new Frontier(dir);
    f.add({ url: 'https://k.example/list', label: 'LIST', source: 's' });
    f.flush();
    f.add({ url: 'https://k.example/x', label: 'ARTICLE', source: 's' }); // buffered, then the process dies
    expect(readFileSync(f.file, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(new Frontier(dir).resumed.map((r) => r.url)).toEqual(['https://k.example/list']);
  });

  test("after a torn last line, the next run's first line is kept whole", () => {
    const dir = tmp();
    const f = new Frontier(dir);
    f.add({ url: 'https://k.example/a', label: 'ARTICLE', source: 's' });
    f.close();
    appendFileSync(f.file, '{"op":"done","url":"https://k.exa'); // kill -9 mid-write
    const g = new Frontier(dir);
    g.add({ url: 'https://k.example/b', label: 'ARTICLE', source: 's' });
    g.close(); // killed again before b is done
    expect(new Frontier(dir).resumed.map((r) => r.url).sort()).toEqual(['https://k.example/a', 'https://k.example/b']);
  });
});

describe('archive', () => {
  const page = (over: Partial<RawPage> = {}): RawPage => ({
    url: 'https://k.example/a?utm_source=wa',
    finalUrl: 'https://k.example/a',
    status: 200,
    headers: { 'content-type': 'text/html' },
    fetchedAt: '2024-06-27T08:00:00.000Z',
    body: '<html><head><link rel="canonical" href="/berita/a"></head><body>LPSE</body></html>',
    sourceId: 's',
    kind: 'news',
    ...over,
  });

  test('keyed by canonical URL, with aliases for the requested and final URLs', () => {
    const dir = resolveDataDir(tmp());
    const { key, changed } = saveRawPage(dir, page());
    expect(changed).toBe(true);
    expect(key).toBe(archiveKey('https://k.example/berita/a'));
    for (const u of ['https://k.example/berita/a', 'https://k.example/a', 'https://k.example/a?utm_source=fb#top'])
      expect(hasArchived(dir, u)).toBe(true);
    expect(hasArchived(dir, 'https://k.example/b')).toBe(false);
    expect(readArchived(dir, 'https://k.example/a')?.page.fetchedAt).toBe('2024-06-27T08:00:00.000Z');
  });

  test('the same body again is unchanged and keeps the first fetch; a new body replaces it', () => {
    const dir = resolveDataDir(tmp());
    saveRawPage(dir, page());
    expect(saveRawPage(dir, page({ fetchedAt: '2024-06-28T00:00:00.000Z' })).changed).toBe(false);
    expect([...listArchived(dir)][0]!.page.fetchedAt).toBe('2024-06-27T08:00:00.000Z');
    expect(saveRawPage(dir, page({ body: `${page().body} diperbarui` })).changed).toBe(true);
    expect(countArchived(dir)).toBe(1);
  });

  const other = (n: number) =>
    page({ url: `https://k.example/b${n}`, finalUrl: `https://k.example/b${n}`, body: `<p>LPSE ${n}</p>` });

  test('a reader sees what another process archives after it first looked', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    saveRawPage(dir, page());
    expect(countArchived(dir)).toBe(1);
    // A second process (a crawl while `pantau serve` reads) appends to its own segment and to the index.
    const changed = page({ body: `${page().body} diperbarui` });
    const script = `const { saveRawPage } = await import('./src/archive.ts');
      const { resolveDataDir } = await import('./src/config.ts');
      saveRawPage(resolveDataDir(${JSON.stringify(root)}), ${JSON.stringify(other(1))});
      saveRawPage(resolveDataDir(${JSON.stringify(root)}), ${JSON.stringify(changed)});`;
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(import.meta.dirname, '../..') });
    expect(hasArchived(dir, 'https://k.example/b1')).toBe(true);
    expect(countArchived(dir)).toBe(2);
    expect(readArchived(dir, 'https://k.example/b1')?.page.body).toBe('<p>LPSE 1</p>');
    // a page this reader knew already is read in the version the other process wrote
    expect(readArchived(dir, 'https://k.example/a')?.page.body).toBe(changed.body);
    expect(readdirSync(join(root, 'archive', 'segments'))).toHaveLength(2);
  });

  test('a report line torn by a kill does not swallow the next report appended', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    const report = (id: string) => ({ id, title: id }) as unknown as Report;
    appendReports(dir, [report('a')]);
    appendFileSync(reportsFile(dir), '{"id":"torn","ti'); // kill -9 mid-write
    appendReports(dir, [report('b'), report('c')]);
    expect(readReports(dir).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  test('segments opened within one second still rebuild to the newest version', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    for (const n of [1, 2, 3]) {
      saveRawPage(dir, page({ body: `${page().body} versi ${n}` }));
      closeArchive(dir); // the next write opens a new segment
    }
    expect(readdirSync(join(root, 'archive', 'segments'))).toHaveLength(3);
    rmSync(join(root, 'archive', 'index.jsonl'));
    expect(readArchived(dir, 'https://k.example/berita/a')?.page.body).toContain('versi 3');
  });

  test('after a kill mid-write: a torn index line and a half record are ignored, and the next run loses nothing', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    saveRawPage(dir, page());
    const [seg] = readdirSync(join(root, 'archive', 'segments'));
    closeArchive(dir);
    // Killed while writing: half a record in the segment, half an index line after the last whole one.
    appendFileSync(join(root, 'archive', 'segments', seg!), '{"key":"0123","canonicalUrl":"https://k.exa');
    appendFileSync(join(root, 'archive', 'index.jsonl'), '{"k":"0123","s":"');
    expect(countArchived(dir)).toBe(1);
    saveRawPage(dir, other(1));
    saveRawPage(dir, other(2));
    closeArchive(dir); // a new process reads everything from disk
    expect([...listArchived(dir)].map((a) => a.page.url).sort()).toEqual([
      'https://k.example/a?utm_source=wa',
      'https://k.example/b1',
      'https://k.example/b2',
    ]);
  });

  test('a changed page is read in its newest version; a lost index is rebuilt from the segments', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    saveRawPage(dir, page());
    saveRawPage(dir, other(1));
    saveRawPage(dir, page({ body: `${page().body} diperbarui`, fetchedAt: '2024-06-28T00:00:00.000Z' }));
    closeArchive(dir);
    rmSync(join(root, 'archive', 'index.jsonl'));
    expect(countArchived(dir)).toBe(2);
    expect(readArchived(dir, 'https://k.example/berita/a')?.page.body).toContain('diperbarui');
    expect(hasArchived(dir, 'https://k.example/b1')).toBe(true);
    // The aliases too: the requested and final URLs of a page are not fetched again.
    expect(readArchived(dir, 'https://k.example/a?utm_source=wa')?.page.body).toContain('diperbarui');
    expect(hasArchived(dir, 'https://k.example/a')).toBe(true);
  });

  test('segments without a whole record and no index (a kill during the first write): empty, then usable', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    mkdirSync(join(root, 'archive', 'segments'), { recursive: true });
    writeFileSync(join(root, 'archive', 'segments', '20260101T000000Z-1-aaaaaa.jsonl'), ''); // killed after open
    writeFileSync(join(root, 'archive', 'segments', '20260101T000000Z-2-bbbbbb.jsonl'), '{"key":"0123","canon');
    expect(countArchived(dir)).toBe(0);
    expect(hasArchived(dir, 'https://k.example/berita/a')).toBe(false);
    saveRawPage(dir, page());
    closeArchive(dir);
    expect(countArchived(dir)).toBe(1);
  });

  test('an archive of the first layout (a file per page and per alias) is moved into segments', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    const rec = (p: RawPage): ArchivedPage => {
      const canonicalUrl = canonicalUrlOf(p);
      const key = archiveKey(canonicalUrl);
      return { key, canonicalUrl, sha256: createHash('sha256').update(p.body).digest('hex'), page: p };
    };
    for (const p of [page(), other(1)]) {
      const r = rec(p);
      mkdirSync(join(root, 'archive', 'pages', r.key.slice(0, 2)), { recursive: true });
      writeFileSync(join(root, 'archive', 'pages', r.key.slice(0, 2), `${r.key}.json`), JSON.stringify(r));
    }
    const alias = archiveKey('https://k.example/a');
    mkdirSync(join(root, 'archive', 'aliases', alias.slice(0, 2)), { recursive: true });
    writeFileSync(join(root, 'archive', 'aliases', alias.slice(0, 2), alias), rec(page()).key);
    expect(countArchived(dir)).toBe(2);
    expect(readArchived(dir, 'https://k.example/a')?.canonicalUrl).toBe('https://k.example/berita/a');
    expect(existsSync(join(root, 'archive', 'pages'))).toBe(false);
    expect(existsSync(join(root, 'archive', 'aliases'))).toBe(false);
    closeArchive(dir);
    expect([...listArchived(dir)].map((a) => a.sha256)).toEqual(
      [rec(page()), rec(other(1))].sort((a, b) => a.key.localeCompare(b.key)).map((r) => r.sha256),
    );
  });

  test('a migration that cannot write the segments keeps the first layout', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    const p = page();
    const canonicalUrl = canonicalUrlOf(p);
    const key = archiveKey(canonicalUrl);
    const sha256 = createHash('sha256').update(p.body).digest('hex');
    const file = join(root, 'archive', 'pages', key.slice(0, 2), `${key}.json`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify({ key, canonicalUrl, sha256, page: p } satisfies ArchivedPage));
    // segments/ cannot be created (as with a full disk or a read-only archive): every page fails to move.
    symlinkSync(join(root, 'nowhere', 'segments'), join(root, 'archive', 'segments'));
    expect(() => countArchived(dir)).toThrow(/^could not move the archive in .* to its segment layout: /);
    // the same process asking again meets the failure again, not an archive that looks empty
    expect(() => countArchived(dir)).toThrow(/could not move the archive/);
    expect(existsSync(file)).toBe(true);
    rmSync(join(root, 'archive', 'segments'));
    expect(readArchived(dir, 'https://k.example/a')?.sha256).toBe(sha256);
    expect(existsSync(join(root, 'archive', 'pages'))).toBe(false);
  });

  test('an alias to a page that was never archived does not count: the URL is fetched again', () => {
    const root = tmp();
    const dir = resolveDataDir(root);
    const key = archiveKey('https://k.example/berita/a');
    // First layout: the page file unreadable (a later crawl fetches it again), its alias intact.
    mkdirSync(join(root, 'archive', 'pages', key.slice(0, 2)), { recursive: true });
    writeFileSync(join(root, 'archive', 'pages', key.slice(0, 2), `${key}.json`), '{"key":"');
    const alias = archiveKey('https://k.example/a');
    mkdirSync(join(root, 'archive', 'aliases', alias.slice(0, 2)), { recursive: true });
    writeFileSync(join(root, 'archive', 'aliases', alias.slice(0, 2), alias), key);
    expect(hasArchived(dir, 'https://k.example/a')).toBe(false);
    expect(readArchived(dir, 'https://k.example/a')).toBeNull();
    saveRawPage(dir, page());
    expect(hasArchived(dir, 'https://k.example/a')).toBe(true);
  });

  test('a canonical on another host is not trusted (syndicated copy keeps its own URL)', () => {
    expect(
      canonicalUrlOf(page({ body: '<link rel="canonical" href="https://kalteng.antaranews.com/berita/1/x">' })),
    ).toBe('https://k.example/a');
  });
});

describe('sources', () => {
  test('the starter list is valid, has both LPSE URL forms, and a region code for every LPSE', () => {
    const all = validateSources(STARTER_SOURCES);
    const lpse = all.filter((s) => s.kind === 'lpse');
    expect(lpse.some((s) => /^https:\/\/lpse\.[a-z]+\.go\.id\/eproc4$/.test(s.lpse!.base))).toBe(true);
    expect(lpse.some((s) => /^https:\/\/spse\.inaproc\.id\/[a-z]+$/.test(s.lpse!.base))).toBe(true);
    for (const s of lpse) expect(s.lpse!.region_code).toMatch(/^\d{2}(\.\d{2})?$/);
    expect(all.filter((s) => s.kind === 'news').length).toBeGreaterThanOrEqual(5);
  });

  test.each([
    [[{ id: 'a', kind: 'news' }], /needs at least one of/],
    [[{ id: 'a', kind: 'blog', feeds: ['https://x.example/feed'] }], /"kind"/],
    [[{ id: 'a', kind: 'lpse', lpse: { base: 'https://lpse.x.go.id/eproc4', region_code: 'Gresik' } }], /region_code/],
    [[{ id: 'a', kind: 'news', feeds: ['ftp://x'] }], /not an http/],
    [[{ id: 'a', kind: 'news', feeds: ['https://x.example/f'], article_patterns: ['(('] }], /regex/],
    [
      [
        { id: 'a', kind: 'news', feeds: ['https://x.example/f'] },
        { id: 'a', kind: 'news', feeds: ['https://x.example/f'] },
      ],
      /duplicate/,
    ],
    [{ nope: 1 }, /JSON array/],
  ])('rejects %j with a one-line error', (data, msg) => {
    expect(() => validateSources(data, 'f.json')).toThrow(UserError);
    expect(() => validateSources(data, 'f.json')).toThrow(msg);
  });

  test('loadSources: unreadable and invalid JSON files are user errors', () => {
    const dir = tmp();
    expect(() => loadSources(join(dir, 'missing.json'))).toThrow(/cannot read sources file/);
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(() => loadSources(join(dir, 'bad.json'))).toThrow(/not valid JSON/);
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify({ sources: [{ id: 'x', name: 'X', kind: 'news', feeds: ['https://x.example/feed/'] }] }),
    );
    expect(loadSources(join(dir, 'ok.json'))).toHaveLength(1);
  });
});
