/**
 * Bad input, JSON lines and sources files: each bad one is an error naming it (its line, its file and source), on
 * one line, without a stack trace; each good one still gives its result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSources, validateSources } from '../../crawlers/sources.ts';
import { UserError } from '../../src/errors.ts';
import { runPantau, tempDir } from '../helpers.ts';

const GOOD = (id: string) =>
  JSON.stringify({ id, url: `https://contoh.id/${id}`, text: 'Server LPSE down sejak Senin.' });

/** [what, line, the message expected for its line] */
const BAD_LINES: Array<[string, string, RegExp]> = [
  ['truncated object', '{"id": "x", "text": ', /not JSON/],
  ['a bare string', '"just a string"', /not a JSON object/],
  ['a number', '42', /not a JSON object/],
  ['null', 'null', /not a JSON object/],
  ['true', 'true', /not a JSON object/],
  ['an array', '[{"id":"a","text":"x"}]', /not a JSON object/],
  ['an empty object', '{}', /no "id"/],
  ['no id', '{"text":"LPSE down"}', /no "id"/],
  ['id null', '{"id":null,"text":"LPSE down"}', /no "id"/],
  ['id a number', '{"id":7,"text":"LPSE down"}', /"id" is not a non-empty string/],
  ['id an object', '{"id":{"a":1},"text":"LPSE down"}', /"id" is not a non-empty string/],
  ['id an array', '{"id":["a"],"text":"LPSE down"}', /"id" is not a non-empty string/],
  ['id empty', '{"id":"","text":"LPSE down"}', /"id" is not a non-empty string/],
  ['id blank', '{"id":"   ","text":"LPSE down"}', /"id" is not a non-empty string/],
  ['id boolean', '{"id":true,"text":"LPSE down"}', /"id" is not a non-empty string/],
  ['no text or html', '{"id":"a"}', /no "text" or "html" string/],
  ['text a number', '{"id":"a","text":5}', /no "text" or "html" string/],
  ['text null', '{"id":"a","text":null}', /no "text" or "html" string/],
  ['text an array', '{"id":"a","text":["x"]}', /no "text" or "html" string/],
  ['html an object', '{"id":"a","html":{"p":"x"}}', /no "text" or "html" string/],
  ['url a number', '{"id":"a","text":"x","url":5}', /"url" is not a string/],
  ['url an object', '{"id":"a","text":"x","url":{}}', /"url" is not a string/],
  ['published a number', '{"id":"a","text":"x","published":20240101}', /"published" is not a string/],
  ['published an array', '{"id":"a","text":"x","published":[]}', /"published" is not a string/],
  ['single quotes', "{'id':'a','text':'x'}", /not JSON/],
  ['trailing comma', '{"id":"a","text":"x",}', /not JSON/],
  ['unquoted keys', '{id:"a",text:"x"}', /not JSON/],
  ['comments', '{"id":"a", /* c */ "text":"x"}', /not JSON/],
  ['NaN', '{"id":"a","text":NaN}', /not JSON/],
  ['bad escape', '{"id":"a","text":"\\x41"}', /not JSON/],
  ['two objects on a line', '{"id":"a","text":"x"}{"id":"b","text":"y"}', /not JSON/],
  ['a bare word', 'hello', /not JSON/],
  ['markup', '<html><body>LPSE</body></html>', /not JSON/],
  ['deep arrays', `${'['.repeat(5000)}${']'.repeat(5000)}`, /not a JSON object/],
  ['a BOM inside', '\ufeff{"id":"a","text":"x"}', /not JSON/],
  ['a lone brace', '{', /not JSON/],
  ['a closing brace', '}', /not JSON/],
  ['control characters', '{"id":"a","text":"x\u0001"}', /not JSON/],
  ['unterminated string', '{"id":"a","text":"x}', /not JSON/],
  ['huge number id', '{"id":1e999,"text":"x"}', /"id" is not a non-empty string/],
];

describe(`bad input: ${BAD_LINES.length} bad JSON lines, each named by its line, the good ones still extracted`, () => {
  const lines = [GOOD('first'), ...BAD_LINES.flatMap(([, l]) => [l]), GOOD('last')];
  let result: Awaited<ReturnType<typeof runPantau>>;
  const errorOf = new Map<number, string>();

  test('one run over all of them: good lines give reports, exit 1, a summary line, no stack trace', async () => {
    result = await runPantau(['extract', '--jsonl', '-'], { input: `${lines.join('\n')}\n`, timeoutMs: 120_000 });
    expect(result.code).toBe(1);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(out).toEqual(['first', 'last']);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
    expect(result.stderr).toMatch(new RegExp(`2 reports from ${lines.length} lines, ${BAD_LINES.length} failed`));
    for (const m of result.stderr.matchAll(/^pantau: line (\d+): (.*)$/gm)) errorOf.set(Number(m[1]), m[2]!);
  });

  test.each(BAD_LINES.map((b, i) => [...b, i + 2] as const))('%s', (_what, _line, message, lineNo) => {
    expect(errorOf.get(lineNo), `line ${lineNo}`).toMatch(message);
  });
});

/** [what, sources data, the message expected] */
const BAD_SOURCES: Array<[string, unknown, RegExp]> = [
  ['a number', 5, /expected a JSON array of sources/],
  ['a string', 'sources', /expected a JSON array of sources/],
  ['null', null, /expected a JSON array of sources/],
  ['an object without sources', { feeds: [] }, /expected a JSON array of sources/],
  ['sources not an array', { sources: {} }, /expected a JSON array of sources/],
  ['a source that is a string', ['x'], /source #1: expected an object/],
  ['a source that is null', [null], /source #1: expected an object/],
  ['no id', [{ kind: 'news', feeds: ['https://a.id/feed'] }], /source #1: "id" must be/],
  ['id with spaces', [{ id: 'a b', kind: 'news', feeds: ['https://a.id/feed'] }], /"id" must be/],
  ['id a number', [{ id: 5, kind: 'news', feeds: ['https://a.id/feed'] }], /"id" must be/],
  [
    'duplicate ids',
    [
      { id: 'a', kind: 'news', feeds: ['https://a.id/feed'] },
      { id: 'a', kind: 'news', feeds: ['https://b.id/feed'] },
    ],
    /source "a": duplicate id/,
  ],
  ['unknown kind', [{ id: 'a', kind: 'blog', feeds: ['https://a.id/feed'] }], /source "a": "kind" must be/],
  ['no kind', [{ id: 'a', feeds: ['https://a.id/feed'] }], /source "a": "kind" must be/],
  ['news without start points', [{ id: 'a', kind: 'news' }], /needs at least one of/],
  ['feeds not an array', [{ id: 'a', kind: 'news', feeds: 'https://a.id/feed' }], /"feeds" must be an array/],
  ['a feed that is a number', [{ id: 'a', kind: 'news', feeds: [5] }], /feeds\[0\]: expected an URL string/],
  ['a feed without a scheme', [{ id: 'a', kind: 'news', feeds: ['a.id/feed'] }], /not an http\(s\) URL/],
  ['a file: URL', [{ id: 'a', kind: 'news', listings: ['file:///etc/passwd'] }], /not an http\(s\) URL/],
  ['a javascript: URL', [{ id: 'a', kind: 'news', sitemaps: ['javascript:alert(1)'] }], /not an http\(s\) URL/],
  [
    'a bad regex',
    [{ id: 'a', kind: 'news', feeds: ['https://a.id/f'], article_patterns: ['(['] }],
    /not a valid regex/,
  ],
  ['lpse without lpse', [{ id: 'a', kind: 'lpse' }], /needs "lpse"/],
  [
    'lpse base not a URL',
    [{ id: 'a', kind: 'lpse', lpse: { base: 'x', region_code: '35' } }],
    /lpse.base: not an http/,
  ],
  [
    'lpse region code wrong',
    [{ id: 'a', kind: 'lpse', lpse: { base: 'https://lpse.a.go.id/eproc4', region_code: '3525' } }],
    /region_code must be a Kemendagri code/,
  ],
  [
    'lpse region code a number',
    [{ id: 'a', kind: 'lpse', lpse: { base: 'https://lpse.a.go.id/eproc4', region_code: 35 } }],
    /region_code must be a Kemendagri code/,
  ],
];

describe(`bad input: ${BAD_SOURCES.length} bad sources definitions, each a one-line error naming the source`, () => {
  test.each(BAD_SOURCES)('%s', (_what, data, message) => {
    let err: unknown;
    try {
      validateSources(structuredClone(data), 'my-sources.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const msg = (err as Error).message;
    expect(msg).toMatch(message);
    expect(msg.startsWith('my-sources.json')).toBe(true);
    expect(msg).not.toContain('\n');
  });

  const dir = tempDir();
  mkdirSync(join(dir, 'a-dir'));
  const files: Array<[string, string | null, RegExp]> = [
    ['missing file', null, /cannot read sources file .*missing\.json: ENOENT/],
    ['a directory', 'a-dir', /cannot read sources file .*a-dir: EISDIR/],
    ['empty file', '', /is not valid JSON/],
    ['not JSON', 'sources: [a, b]', /is not valid JSON/],
    ['truncated JSON', '[{"id": "a", ', /is not valid JSON/],
    ['binary', '\u0000\u00ff\u0001PNG', /is not valid JSON/],
  ];
  test.each(files)('file: %s', (what, content, message) => {
    const path = join(dir, content === null ? 'missing.json' : content === 'a-dir' ? 'a-dir' : `${what}.json`);
    if (content !== null && content !== 'a-dir') writeFileSync(path, content);
    expect(() => loadSources(path)).toThrow(message);
  });
});
