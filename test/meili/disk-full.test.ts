/**
 * A full disk under `pantau crawl`, `extract` and `index`: the data dir is a small tmpfs, filled up to a few kB
 * before each command. Each ends in one line naming the disk, leaves what was stored before intact, and the next
 * run after space is freed completes. Needs root (mount); CI runs as root, so it runs there.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ArchivedPage, closeArchive, listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { fixtureSources, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';
import { readReports } from '../../src/report-store.ts';
import { runPantau, tempDir } from '../helpers.ts';

const root = tempDir('pantau-disk-');
const mounted =
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0755', 'tmpfs', root], { stdio: 'ignore' }).status === 0;
if (!mounted) {
  console.warn(`skipping the full-disk test: cannot mount a tmpfs on ${root} (needs root and mount; CI has both)`);
}

const dir = resolveDataDir(root);
const ENV = { MEILI_URL: undefined, MEILI_MASTER_KEY: undefined };
const filler = join(root, 'filler');
let served: ServedFixtures;
let sourcesA = '';
let sourcesB = '';

beforeAll(async () => {
  if (!mounted) return;
  served = await serveFixtures({ sites: ['warta-nusantara', 'lpse-bartim'] });
  const tmp = tempDir();
  sourcesA = join(tmp, 'a.json');
  sourcesB = join(tmp, 'b.json');
  writeFileSync(sourcesA, JSON.stringify(fixtureSources(served, ['warta-nusantara'])));
  writeFileSync(sourcesB, JSON.stringify(fixtureSources(served, ['lpse-bartim'])));
});

afterAll(async () => {
  await served?.close();
  if (mounted) spawnSync('umount', ['-l', root], { stdio: 'ignore' });
});

const pantau = (...args: string[]) => runPantau(['--data-dir', root, ...args], { env: ENV, timeoutMs: 120_000 });

/** Fills the disk but for a few kB. */
function fill(): void {
  const s = statfsSync(root);
  writeFileSync(filler, Buffer.alloc(Math.max(0, s.bavail * s.bsize - 8192)));
}

function free(): void {
  rmSync(filler, { force: true });
}

function archived(): Map<string, string> {
  closeArchive(dir); // read from disk, not this process's memory
  return new Map([...listArchived(dir)].map((p: ArchivedPage) => [p.key, p.sha256]));
}

function expectDiskError(res: { code: number | null; stderr: string }, command: string): void {
  expect(res.code, res.stderr).toBe(1);
  const lines = res.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(
    new RegExp(
      `^pantau: no space left on the disk of data dir ${root} \\(tmpfs mounted at ${root}, .* free\\): free some space and run \`pantau ${command}\` again`,
    ),
  );
  expect(res.stderr).not.toMatch(/unexpected error|please report|\n\s+at /);
}

const counts = async () =>
  JSON.parse((await pantau('status', '--json')).stdout) as {
    archive: { pages: number };
    reports: { total: number };
    indexes: Array<{ uid: string; documents: number }>;
  };

test.skipIf(!mounted)(
  'crawl, extract and index on a full disk: one line naming the disk, nothing stored damaged, the next run completes',
  async () => {
    for (const step of [
      ['crawl', '--sources', sourcesA, '--pacing-ms', '0', '--since', 'all'],
      ['extract'],
      ['index'],
    ]) {
      const res = await pantau(...step);
      expect(res.code, res.stderr).toBe(0);
    }
    const pagesA = archived();
    const reportsA = readReports(dir);
    expect(pagesA.size).toBeGreaterThan(3);
    expect(reportsA.length).toBe(pagesA.size);

    // crawl
    fill();
    expectDiskError(await pantau('crawl', '--sources', sourcesB, '--pacing-ms', '0', '--since', 'all'), 'crawl');
    free();
    // every page stored before is there, whole (a page or two may have been stored before the disk ran out)
    const afterFull = archived();
    for (const [k, h] of pagesA) expect(afterFull.get(k)).toBe(h);
    expect((await pantau('crawl', '--sources', sourcesB, '--pacing-ms', '0', '--since', 'all')).code).toBe(0);
    const pagesB = archived();
    expect(pagesB.size).toBeGreaterThan(pagesA.size);
    for (const [k, h] of pagesA) expect(pagesB.get(k)).toBe(h);

    // extract
    fill();
    expectDiskError(await pantau('extract'), 'extract');
    free();
    const afterFailed = new Map(readReports(dir).map((r) => [r.id, r]));
    for (const r of reportsA) expect(afterFailed.get(r.id)).toEqual(r);
    const extracted = await pantau('extract');
    expect(extracted.code, extracted.stderr).toBe(0);
    const reportsB = readReports(dir);
    expect(reportsB.length).toBe(pagesB.size);

    // index
    const before = await counts();
    fill();
    expectDiskError(await pantau('index'), 'index');
    free();
    const intact = await counts();
    expect(intact.indexes).toEqual(before.indexes); // the live indexes as they were
    const indexed = await pantau('index');
    expect(indexed.code, indexed.stderr).toBe(0);
    const after = await counts();
    expect(after.indexes.find((i) => i.uid === 'reports')?.documents).toBe(reportsB.length);
    // the embedded server stopped after each command, however it ended (the last user sends the stop as it exits:
    // the server may take a moment to go on a loaded machine)
    const alive = () => spawnSync('pgrep', ['-f', join(root, 'meili', 'data.ms')]).status === 0;
    for (const until = Date.now() + 10_000; alive() && Date.now() < until; )
      await new Promise((r) => setTimeout(r, 200));
    expect(alive()).toBe(false);
  },
  300_000,
);
