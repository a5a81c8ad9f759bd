/**
 * `pantau watch --every 1m` on the fixture sites, killed with kill -9 in the middle of its crawl, started again,
 * killed again in the middle of its index step, started again: it ends with the same archive, reports, incidents
 * and index documents as one uninterrupted `pantau watch --once`, and `pantau status` shows its last and next run.
 * The watches are the real CLI in child processes; the reference run goes beside them to keep the test short.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { countArchived, listArchived } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { fixtureSources, type ServedFixtures, serveFixtures } from '../../src/fixture-server.ts';
import { readIncidents } from '../../src/kb/incident-store.ts';
import { DEFAULT_INDEXES } from '../../src/kb/indexer.ts';
import { connectMeili } from '../../src/meili/embedded.ts';
import { readReports } from '../../src/report-store.ts';
import { readWatchState, type WatchState } from '../../src/watch/state.ts';
import { PANTAU, runPantau, tempDir } from '../helpers.ts';

// No browser site: a SIGKILLed watch would leave its Chromium behind.
const SITES = ['warta-nusantara', 'lpse-bartim', 'kantor-berita-nusa', 'sulbar-pos'];
const PAGES = 13;
const noMeili = { MEILI_URL: undefined, MEILI_MASTER_KEY: undefined };

let served: ServedFixtures;
let tmp: string;
let sourcesFile: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  served = await serveFixtures({ sites: SITES });
  tmp = tempDir('pantau-watch-');
  sourcesFile = join(tmp, 'sources.json');
  writeFileSync(sourcesFile, JSON.stringify(fixtureSources(served), null, 2));
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await served?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function watch(dataDir: string, args: string[]) {
  const child = spawn(
    process.execPath,
    [PANTAU, '--data-dir', dataDir, 'watch', '--sources', sourcesFile, '--since', 'all', '--retries', '1', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MEILI_URL: '', MEILI_MASTER_KEY: '' } },
  );
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.resume();
  const exit = new Promise<{ code: number | null; signal: string | null }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal })),
  );
  return { child, exit, out: () => out };
}

async function until(what: string, ok: () => boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const state = (root: string): WatchState | null => readWatchState(resolveDataDir(root));

/** Everything the watch leaves: archived pages, reports, incidents, and the documents of both indexes. */
async function snapshot(root: string) {
  const dir = resolveDataDir(root);
  const archive = Object.fromEntries([...listArchived(dir)].map((a) => [a.key, a.sha256]));
  const reports = Object.fromEntries(readReports(dir).map((r) => [r.id, r]));
  const incidents = readIncidents(dir).sort((a, b) => a.id.localeCompare(b.id));
  const conn = await connectMeili(dir, { env: {} });
  try {
    const docs = async (uid: string) =>
      (await conn.client.index(uid).getDocuments({ limit: 10_000 })).results.sort((a, b) =>
        String(a.id).localeCompare(String(b.id)),
      );
    return {
      archive,
      reports,
      incidents,
      index: { incidents: await docs(DEFAULT_INDEXES.incidents), reports: await docs(DEFAULT_INDEXES.reports) },
    };
  } finally {
    await conn.close();
  }
}

test('kill -9 mid-crawl and mid-index, restarted: the same archive, reports and index as one run', async () => {
  const reference = join(tmp, 'reference');
  const killed = join(tmp, 'killed');
  const ref = runPantau(
    ['--data-dir', reference, 'watch', '--once', '--sources', sourcesFile, '--since', 'all', '--pacing-ms', '0'],
    { env: noMeili },
  );

  // 1. killed in its crawl: paced, so the crawl is still running when a few pages are archived
  const first = watch(killed, ['--every', '1m', '--pacing-ms', '80']);
  await until('3 archived pages', () => countArchived(resolveDataDir(killed)) >= 3);
  first.child.kill('SIGKILL');
  expect((await first.exit).signal).toBe('SIGKILL');
  expect(countArchived(resolveDataDir(killed))).toBeLessThan(PAGES);
  expect(state(killed)?.running?.job).toBe('crawl');
  const killedStatus = await runPantau(['--data-dir', killed, 'status', '--no-start']);
  expect(killedStatus.stdout).toMatch(
    /watch {8}not running: pid \d+ \(every 1m\) ended without stopping, during crawl/,
  );

  // 2. started again (the interrupted run goes at once), killed in its index step
  const second = watch(killed, ['--every', '1m', '--pacing-ms', '0']);
  await until('the index step', () => state(killed)?.running?.job === 'index');
  second.child.kill('SIGKILL');
  await second.exit;
  expect(state(killed)?.jobs.extract?.end).not.toBeNull();

  // 3. started again: only the index step is due at once (crawl and extract finished in the killed run)
  const third = watch(killed, ['--every', '1m', '--pacing-ms', '0']);
  // Its first run: the index step alone. (On a loaded machine the killed runs can take more than a minute, and the
  // crawl and extract of the next slot follow at once: correct, and not what this line is about.)
  await until('the first run line', () => third.out().includes('\n'));
  expect(third.out().split('\n')[0]).toMatch(/^watch: run 1 at \S+: index \d+ incidents from \d+ reports/);
  // then idle, its next run far enough ahead for status to read it unchanged
  await until('an idle watch', () => {
    const st = state(killed);
    return Boolean(st?.runs && !st.running && st.nextRun && Date.parse(st.nextRun) > Date.now() + 20_000);
  });
  const s = state(killed)!;
  expect(s.lastRun?.ok).toBe(true);
  expect(Date.parse(s.nextRun!) - Date.parse(s.jobs.crawl!.runStart!)).toBe(60_000);

  const status = await runPantau(['--data-dir', killed, 'status', '--no-start']);
  const watchLines = status.stdout.split('\n').filter((l) => /^(watch {8}| {13}(last|next) run)/.test(l));
  expect(watchLines).toEqual([
    `watch        running (pid ${third.child.pid}, every 1m)`,
    expect.stringMatching(/^ {13}last run \S+ \S+ UTC, [\d.]+ s, ok: (?:index|crawl) /),
    `             next run ${s.nextRun!.slice(0, 10)} ${s.nextRun!.slice(11, 19)} UTC`,
  ]);
  const json = JSON.parse((await runPantau(['--data-dir', killed, 'status', '--no-start', '--json'])).stdout);
  expect(json.watch).toMatchObject({ alive: true, killed: false, pid: third.child.pid, nextRun: s.nextRun });

  // Ctrl-C while it waits: stops at once, cleanly
  third.child.kill('SIGINT');
  expect((await third.exit).code).toBe(0);
  expect(state(killed)?.stoppedAt).not.toBeNull();

  const done = await ref;
  expect(done.code, done.stderr).toBe(0);
  const [want, got] = await Promise.all([snapshot(reference), snapshot(killed)]);
  expect(Object.keys(want.archive)).toHaveLength(PAGES);
  expect(want.index.reports.length).toBeGreaterThan(PAGES / 2);
  expect(want.index.incidents.length).toBeGreaterThan(0);
  expect(got).toEqual(want);
}, 240_000);
