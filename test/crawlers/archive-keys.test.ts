/**
 * One canonical form for report ids and archive keys, and the re-keying of an archive written with the first key
 * scheme (scheme, "www." and trailing slash kept), with the extract state keyed by it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  archiveKey,
  closeArchive,
  countArchived,
  hasArchived,
  listArchived,
  readArchived,
  saveRawPage,
} from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { reportId } from '../../src/hash.ts';
import { extractArchived } from '../../src/extract-archived.ts';
import type { RawPage } from '../../types/index.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'pantau-keys-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test('keys of one page in different dress agree with its report id', () => {
  const forms = [
    'HTTPS://WWW.Kalteng.Example:443/berita/1?utm_source=wa&b=2&a=1#top',
    'http://kalteng.example/berita/1?b=2&a=1&fbclid=x',
  ];
  expect(new Set(forms.map(archiveKey)).size).toBe(1);
  expect(new Set(forms.map((u) => reportId(u, ''))).size).toBe(1);
  // both hash the same form
  expect(archiveKey(forms[0]!)).toBe(sha256('https://kalteng.example/berita/1?b=2&a=1').slice(0, 24));
  expect(reportId(forms[0]!, '')).toBe(sha256('url:https://kalteng.example/berita/1?b=2&a=1').slice(0, 16));
  expect(archiveKey('https://kalteng.example/berita/1?page=2')).not.toBe(archiveKey(forms[0]!));
});

describe('an archive of the first key scheme', () => {
  const body =
    '<html><head><title>Server LPSE Barito Timur rusak</title><link rel="canonical" href="/berita/a/"></head>' +
    '<body><article><p>TAMIANG LAYANG - Layanan LPSE Kabupaten Barito Timur tidak bisa diakses sejak Senin.</p>' +
    '</article></body></html>';
  const page: RawPage = {
    url: 'https://www.k.example/a?utm_source=wa',
    finalUrl: 'https://www.k.example/a',
    status: 200,
    headers: { 'content-type': 'text/html' },
    fetchedAt: '2024-06-27T08:00:00.000Z',
    body,
    kind: 'news',
  };
  // the first scheme's keys: the URL as it was (scheme, "www.", trailing slash kept), tracking parameters dropped
  const oldKey = sha256('https://www.k.example/berita/a/').slice(0, 24);
  const oldAlias = sha256('https://www.k.example/a').slice(0, 24);
  const seg = '20250101T000000000Z-000000-1-aaaaaa.jsonl';

  /** A data dir as Pantau wrote it before: a segment, an index without its { v: 2 } line, an alias. */
  function writeOld(root: string): void {
    const rec = JSON.stringify({
      key: oldKey,
      canonicalUrl: 'https://www.k.example/berita/a/',
      sha256: sha256(body),
      page,
    });
    mkdirSync(join(root, 'archive', 'segments'), { recursive: true });
    writeFileSync(join(root, 'archive', 'segments', seg), `${rec}\n`);
    const index = [
      { k: oldKey, s: seg, o: 0, n: Buffer.byteLength(rec), h: sha256(body) },
      { a: oldAlias, k: oldKey },
    ];
    writeFileSync(join(root, 'archive', 'index.jsonl'), index.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }

  test('is re-keyed on open: found by every form of its URL, not stored twice, and re-keyed once', () => {
    const root = tmp();
    writeOld(root);
    const dir = resolveDataDir(root);
    const newKey = archiveKey('https://k.example/berita/a');
    expect(newKey).not.toBe(oldKey);
    expect(countArchived(dir)).toBe(1);
    const [rec] = [...listArchived(dir)];
    expect(rec).toMatchObject({ key: newKey, formerKey: oldKey, sha256: sha256(body) });
    for (const u of [
      'http://k.example/berita/a',
      'https://www.k.example/berita/a/',
      'https://www.k.example/a?utm_source=fb',
    ])
      expect(hasArchived(dir, u)).toBe(true);
    expect(readFileSync(join(root, 'archive', 'index.jsonl'), 'utf8').split('\n')[0]).toBe('{"v":2}');
    // the same body fetched again is known (no second record)
    expect(saveRawPage(dir, page).changed).toBe(false);
    closeArchive(dir);
    // opened again (a new process): not re-keyed a second time
    const before = statSync(join(root, 'archive', 'index.jsonl'));
    expect(readArchived(dir, 'https://k.example/a')?.formerKey).toBe(oldKey);
    const after = statSync(join(root, 'archive', 'index.jsonl'));
    expect([after.ino, after.size]).toEqual([before.ino, before.size]);
    expect(readdirSync(join(root, 'archive', 'segments'))).toEqual([seg]);
    // a changed body is a record of today's scheme, read without a former key
    saveRawPage(dir, { ...page, body: `${body} diperbarui` });
    closeArchive(dir);
    expect(readArchived(dir, 'https://k.example/berita/a')).toMatchObject({ key: newKey });
    expect(readArchived(dir, 'https://k.example/berita/a')?.formerKey).toBeUndefined();
    expect(countArchived(dir)).toBe(1);
  });

  test('the extract state keyed by the first scheme moves to the new keys: nothing is extracted again', () => {
    // the same data dir twice: one extracted after the re-keying gives the state's value for the page
    const a = tmp();
    writeOld(a);
    const b = join(tmp(), 'copy');
    cpSync(a, b, { recursive: true });
    const da = resolveDataDir(a);
    expect(extractArchived(da).extracted).toBe(1);
    const stateA = JSON.parse(readFileSync(join(da.reports, 'extracted.json'), 'utf8')) as Record<string, string>;
    const newKey = archiveKey('https://k.example/berita/a');
    expect(Object.keys(stateA)).toEqual([newKey]);
    // b: extracted before the re-keying (its state under the old key)
    const db = resolveDataDir(b);
    mkdirSync(db.reports, { recursive: true });
    writeFileSync(join(db.reports, 'extracted.json'), JSON.stringify({ [oldKey]: stateA[newKey] }));
    const stats = extractArchived(db);
    expect([stats.extracted, stats.unchanged]).toEqual([0, 1]);
    expect(JSON.parse(readFileSync(join(db.reports, 'extracted.json'), 'utf8'))).toEqual(stateA);
    expect(extractArchived(db).unchanged).toBe(1);
  });
});
