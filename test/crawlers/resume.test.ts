/**
 * A crawl killed with kill -9 and run again ends with the same archive as an uninterrupted crawl: nothing lost,
 * nothing twice. The killed crawl is the real CLI (`node bin/pantau.js crawl`) in a child process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { crawl } from '../../crawlers/crawl.ts';
import { countArchived, listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { fixtureSources, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';

const BIN = resolve(import.meta.dirname, '../../bin/pantau.js');
// No browser site here: a SIGKILLed parent would leave its Chromium behind.
const SITES = ['warta-nusantara', 'lpse-bartim', 'kantor-berita-nusa', 'sulbar-pos'];

let served: ServedFixtures;
let tmp: string;
let sourcesFile: string;

beforeAll(async () => {
  served = await serveFixtures({ sites: SITES });
  tmp = mkdtempSync(join(tmpdir(), 'pantau-resume-'));
  sourcesFile = join(tmp, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify(fixtureSources(served), null, 2));
});

afterAll(async () => {
  await served?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function runCli(
  dataDir: string,
  pacingMs: number,
): { child: ChildProcess; exit: Promise<{ code: number | null; signal: string | null }> } {
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--data-dir',
      dataDir,
      'crawl',
      '--sources',
      sourcesFile,
      '--pacing-ms',
      String(pacingMs),
      '--timeout-ms',
      '5000',
      '--retries',
      '1',
      // The fixture articles are years old: no window, or the default 30 days would leave them all.
      '--since',
      'all',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.resume();
  child.stderr?.resume();
  const exit = new Promise<{ code: number | null; signal: string | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  return { child, exit };
}

/** key → sha256 of every archived page. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of listArchived(resolveDataDir(dir))) out[a.key] = a.sha256;
  return out;
}

test('kill -9 mid-crawl, twice, then resume: same archive as an uninterrupted crawl', async () => {
  const reference = join(tmp, 'reference');
  await crawl({ dataDir: resolveDataDir(reference), sources: fixtureSources(served), pacingMs: 0 });
  const want = snapshot(reference);
  expect(Object.keys(want).length).toBe(13);

  const killed = join(tmp, 'killed');
  for (const atLeast of [3, 8]) {
    // Paced, so the crawl is still running when the archive reaches the threshold.
    const { child, exit } = runCli(killed, 80);
    const deadline = Date.now() + 90_000;
    while (countArchived(resolveDataDir(killed)) < atLeast && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    const { signal } = await exit;
    expect(signal).toBe('SIGKILL');
    const n = countArchived(resolveDataDir(killed));
    expect(n).toBeGreaterThanOrEqual(atLeast);
    expect(n).toBeLessThan(13);
  }

  const { exit } = runCli(killed, 0);
  expect((await exit).code).toBe(0);
  expect(snapshot(killed)).toEqual(want);
  // No temporary file left behind by the killed writers.
  const leftovers = readdirSync(join(killed, 'archive'), { recursive: true }).filter((f) =>
    String(f).includes('.tmp-'),
  );
  expect(leftovers).toEqual([]);
}, 240_000);
