/**
 * Bad input, command lines: each is refused with one line on stderr naming what is wrong, a non-zero exit, no
 * stack trace, in bounded time (none of them needs to start Meilisearch or crawl anything).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPantau, tempDir } from '../helpers.ts';

const dir = tempDir();
const notJson = join(dir, 'sources.txt');
writeFileSync(notJson, 'not json');

/** [argv, what stderr must say] */
const CASES: Array<[string[], RegExp]> = [
  [['frobnicate'], /unknown command 'frobnicate'/],
  [['--no-such-option'], /unknown option '--no-such-option'/],
  [['search', '--offset', '-1'], /offset/],
  [['search', 'x', '--limit', 'abc'], /limit/],
  [['search', 'x', '--limit', '-5'], /limit/],
  [['search', 'x', '--limit', '99999999999'], /limit/],
  [['search', 'x', '--from', '2024-13-45'], /from/],
  [['search', 'x', '--from', 'yesterday'], /from/],
  [['search', 'x', '--cause', 'aliens'], /cause/],
  [['search', 'x', '--sort', 'random'], /sort/],
  [['search', 'x'.repeat(5000)], /query|long|q/i],
  [['incident'], /missing required argument|id/i],
  [['incident', '../../etc/passwd'], /incident|id/i],
  [['export', '--format', 'xlsx'], /format/],
  [['export', '--format'], /argument missing|format/],
  [['export', '--from', '2024-02-30'], /from/],
  [['export', '--cause', 'weather'], /cause/],
  [['brief', '--format', 'docx', '--regency', 'Gresik', '--out', join(dir, 'b.docx')], /format/],
  [['brief', '--format', 'md', '--out', join(dir, 'b.md')], /regency|province/i],
  [['crawl', '--sources', join(dir, 'missing.json')], /cannot read sources file/],
  [['crawl', '--sources', notJson], /not valid JSON/],
  [['crawl', '--url', 'not a url'], /--url: not an http\(s\) URL/],
  [['crawl', '--url', 'ftp://example.id/'], /--url: not an http\(s\) URL/],
  [['crawl', '--url', 'file:///etc/passwd'], /--url: not an http\(s\) URL/],
  [['crawl', '--max-pages', 'many'], /max-pages/],
  [['extract', join(dir, 'nope.html')], /cannot read .*nope\.html: no such file/],
  [['extract', dir], /cannot read .*: is a directory/],
  [['extract', '--jsonl', join(dir, 'nope.jsonl')], /nope\.jsonl/],
  [['serve', '--port', '70000'], /port/],
  [['serve', '--port', 'http'], /port/],
];

describe(`bad input: ${CASES.length} bad command lines, each one line, non-zero, no stack trace`, () => {
  test.concurrent.each(CASES.map(([argv, m]) => [argv.join(' ').slice(0, 60), argv, m] as const))(
    'pantau %s',
    async (_name, argv, message) => {
      const r = await runPantau(['--data-dir', join(dir, 'data'), ...argv], { timeoutMs: 45_000 });
      expect(r.signal).toBeNull();
      expect(r.code).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^pantau: /);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |unexpected error/);
      // refused before anything starts: no Meilisearch, no crawl
      expect(r.stderr).not.toMatch(/starting Meilisearch|crawl:/);
    },
  );
});
