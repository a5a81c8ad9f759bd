import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEED_STORIES } from './seed-stories.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'pantau.js');
let dir: string;

function pantau(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, PANTAU_DATA_DIR: join(dir, 'data') },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pantau-extract-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pantau extract FILE', () => {
  test('a text file gives one report as JSON', () => {
    const story = SEED_STORIES.find((s) => s.name.startsWith('Barito'))!;
    const file = join(dir, 'bartim.txt');
    writeFileSync(file, story.text);
    const r = pantau([
      'extract',
      file,
      '--url',
      'https://kalteng.antaranews.com/berita/1',
      '--published',
      '2021-06-09',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      is_incident: true,
      published: '2021-06-09',
      url: 'https://kalteng.antaranews.com/berita/1',
    });
    expect(report.regions[0].regency).toBe('Kabupaten Barito Timur');
  });

  test('a missing file is a one-line error', () => {
    const r = pantau(['extract', join(dir, 'nope.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read .*nope\.txt: no such file/);
  });
});

describe('pantau extract --jsonl', () => {
  const lines = [
    JSON.stringify({ id: 'a1', url: 'https://contoh.id/1', text: SEED_STORIES[0]!.text }),
    '{"id": "broken", "url": ',
    JSON.stringify({ id: 'a3', url: null, text: SEED_STORIES[2]!.text, published: '2015-04-02' }),
    JSON.stringify({ id: 'a4', url: 'https://contoh.id/4' }),
    JSON.stringify({
      id: 'a5',
      url: 'https://contoh.id/5',
      html: '<p>Server LPSE Pemkab Gresik error sejak Jumat (26/5/2023).</p>',
    }),
    JSON.stringify({ url: 'https://contoh.id/6', text: 'Server LPSE down sejak Senin.' }),
    JSON.stringify({ id: 7, url: 'https://contoh.id/7', text: 'Server LPSE down sejak Senin.' }),
    JSON.stringify({ id: '  ', url: 'https://contoh.id/8', text: 'Server LPSE down sejak Senin.' }),
  ].join('\n');

  test('one report per good line with the same id; bad lines named on stderr; exit non-zero', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, `${lines}\n`);
    const r = pantau(['extract', '--jsonl', file]);
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a1', 'a3', 'a5']);
    expect(out[1].outage).toMatchObject({ start: '2015-03-27', end: '2015-03-30' });
    // an "html" line goes through toArticle
    expect(out[2].regions[0].regency).toBe('Kabupaten Gresik');
    expect(out[2].outage.start).toBe('2023-05-26');
    expect(r.stderr).toMatch(/line 2: not JSON/);
    expect(r.stderr).toMatch(/line 4: no "text" or "html" string/);
    // the output is joined on id: a line without a string id is an error naming its line, not a report
    expect(r.stderr).toMatch(/line 6: no "id"/);
    expect(r.stderr).toMatch(/line 7: "id" is not a non-empty string/);
    expect(r.stderr).toMatch(/line 8: "id" is not a non-empty string/);
    expect(r.stderr).toMatch(/3 reports from 8 lines, 5 failed/);
  });

  test('reads standard input with -, exit 0 when every line is good', () => {
    const good = lines
      .split('\n')
      .filter((_, i) => i === 0 || i === 2)
      .join('\n');
    const r = pantau(['--quiet', 'extract', '--jsonl', '-'], good);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });
});
