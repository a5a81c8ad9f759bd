/**
 * `pantau fixture promote`: an archived page becomes a golden page whose expected files are what Pantau reads
 * from it today, found by URL or by archive key, in a temp data dir and a temp pages dir.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeHtml, toArticle } from '../../extractors/html-article.ts';
import { archiveKey, saveRawPage } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { promoteFixture, slugOf } from '../../src/fixture-promote.ts';
import { reportIdOf } from '../../src/hash.ts';
import type { RawPage } from '../../types/index.ts';
import { runPantau, tempDir } from '../helpers.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = tempDir('pantau-promote-');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const URL_ = 'https://www.sultengterkini.example/2023/11/08/situs-lpse-sigi-tak-bisa-diakses/';
const page: RawPage = {
  url: `${URL_}?utm_source=wa`,
  finalUrl: URL_,
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  fetchedAt: '2023-11-08T05:00:00.000Z',
  body:
    '<html lang="id"><head><meta charset="utf-8"><title>Situs LPSE Sigi Tak Bisa Diakses</title>' +
    '<meta property="article:published_time" content="2023-11-08T10:00:00+08:00"></head><body><nav>Kategori</nav>' +
    '<article><h1>Situs LPSE Kabupaten Sigi Sempat Tak Bisa Diakses</h1><p>SIGI - Situs Layanan Pengadaan Secara ' +
    'Elektronik (LPSE) Kabupaten Sigi tidak bisa diakses sejak Senin siang hingga Selasa sore (6-7/11/2023).</p>' +
    '<p>Pengelola LPSE Sigi, Moh. Fadli, mengatakan gangguan disebabkan putusnya jaringan serat optik menuju ruang ' +
    'server. “Pokja sudah kami minta memperpanjang jadwal,” katanya.</p></article></body></html>',
  sourceId: 'Sulteng Terkini',
  kind: 'news',
};

describe('fixture promote', () => {
  test('by URL: the page, its Article as the golden test reads it, and its Report', () => {
    const dir = resolveDataDir(tmp());
    saveRawPage(dir, page);
    const pagesDir = join(tmp(), 'pages');
    const r = promoteFixture(dir, 'http://sultengterkini.example/2023/11/08/situs-lpse-sigi-tak-bisa-diakses', {
      pagesDir,
    });
    expect(r.dir).toBe(join(pagesDir, 'sulteng-terkini', 'situs-lpse-sigi-tak-bisa-diakses'));
    expect(readdirSync(r.dir).sort()).toEqual(['expected.json', 'report.json', 'source.html']);
    const bytes = readFileSync(join(r.dir, 'source.html'));
    expect(bytes.toString('utf8')).toBe(page.body);
    const expected = JSON.parse(readFileSync(join(r.dir, 'expected.json'), 'utf8'));
    const a = toArticle({ url: expected.url, html: decodeHtml(bytes) });
    expect(expected).toEqual({
      url: URL_,
      title: a.title,
      published: a.published,
      author: a.author,
      publisher: a.publisher,
      canonicalUrl: a.canonicalUrl,
      lang: a.lang,
      text: a.text,
      boilerplate: [],
    });
    expect(a.text).toContain('serat optik');
    const report = JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8'));
    expect(report.id).toBe(reportIdOf(a));
    expect(report.is_incident).toBe(true);
    expect(report.regions.map((g: { regency: string }) => g.regency)).toContain('Kabupaten Sigi');
    expect(r.notes).toEqual([]);
  });

  test('by archive key, named as asked; an existing fixture is kept unless --force', () => {
    const dir = resolveDataDir(tmp());
    const { key } = saveRawPage(dir, page);
    expect(key).toBe(archiveKey(URL_));
    const pagesDir = join(tmp(), 'pages');
    const r = promoteFixture(dir, key, { pagesDir, source: 'sulteng', slug: 'Sigi Down' });
    expect(r.dir).toBe(join(pagesDir, 'sulteng', 'sigi-down'));
    expect(() => promoteFixture(dir, key, { pagesDir, source: 'sulteng', slug: 'Sigi Down' })).toThrow(
      /exists already \(--force replaces it\)/,
    );
    expect(promoteFixture(dir, key, { pagesDir, source: 'sulteng', slug: 'sigi-down', force: true }).dir).toBe(r.dir);
  });

  test('a page not archived, a key unknown, anything else: one line, nothing written', () => {
    const dir = resolveDataDir(tmp());
    saveRawPage(dir, page);
    const pagesDir = join(tmp(), 'pages');
    expect(() => promoteFixture(dir, 'https://sultengterkini.example/lain', { pagesDir })).toThrow(
      /is not in the archive/,
    );
    expect(() => promoteFixture(dir, '0123456789abcdef01234567', { pagesDir })).toThrow(/no archived page has the key/);
    expect(() => promoteFixture(dir, 'sigi', { pagesDir })).toThrow(/not a URL or an archive key/);
    expect(existsSync(pagesDir)).toBe(false);
    expect(slugOf('  LPSE_Sigi Down! ')).toBe('lpse-sigi-down');
  });

  test('the CLI prints the files it wrote', async () => {
    const root = tmp();
    saveRawPage(resolveDataDir(root), page);
    const pagesDir = join(tmp(), 'pages');
    const r = await runPantau(['--data-dir', root, 'fixture', 'promote', URL_, '--pages-dir', pagesDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(
      ['source.html', 'expected.json', 'report.json'].map((f) =>
        join(pagesDir, 'sulteng-terkini', 'situs-lpse-sigi-tak-bisa-diakses', f),
      ),
    );
    expect(r.stderr).toMatch(/review expected\.json/);
  });
});
