/**
 * The README's first command, end to end: `pantau demo` serves the fixture sites on 127.0.0.1, crawls them,
 * extracts, indexes into a real embedded Meilisearch and prints the incidents.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../src/meili/embedded.ts';
import { alive, PANTAU, ROOT, type RunResult, runPantau, tempDir } from '../helpers.ts';

const noMeili = { MEILI_URL: undefined, MEILI_MASTER_KEY: undefined };
const SEED_REGIONS = ['Luwu Utara', 'Gresik', 'Pacitan', 'Mimika', 'Barito Timur'];

/** Two consecutive free ports (the demo serves one fixture site per port). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const p = await freePort();
    if (
      p < 65000 &&
      (await freePort(p + 1).then(
        () => true,
        () => false,
      ))
    )
      return p;
  }
}

describe('pantau demo', () => {
  const dataDir = tempDir();
  let first: RunResult;
  let port = 0;

  beforeAll(async () => {
    port = await freePortPair();
    first = await runPantau(['--data-dir', dataDir, 'demo', '--port', String(port)], {
      env: noMeili,
      timeoutMs: 180_000,
    });
  }, 200_000);

  test('prints the five seed incidents, each with its region and a cause', () => {
    expect(first.code, first.stderr).toBe(0);
    const incidents = first.stdout.split('\n$ ')[0] ?? '';
    expect(incidents).toMatch(/^5 incidents found$/m);
    for (const region of SEED_REGIONS) {
      const block = incidents.split('\n- ').find((b) => b.startsWith(`Kabupaten ${region}:`));
      expect(block, `no incident for ${region}`).toBeDefined();
      expect(block).toMatch(
        /cause: {2}(hardware|upgrade|pdn|power|network|cyberattack|overload|maintenance|unexplained)/,
      );
    }
    expect(incidents).toMatch(/Kabupaten Barito Timur:[\s\S]*?cause: {2}hardware/);
    expect(incidents).toMatch(/Kabupaten Pacitan:[\s\S]*?cause: {2}upgrade/);
    expect(incidents).toMatch(/Kabupaten Mimika:[\s\S]*?cause: {2}pdn/);
    expect(incidents).toMatch(/quoted: Abdul Gafur/);
  });

  test('then probes the local SPSE for a simulated week and prints the deadline figures it implies', () => {
    expect(first.code, first.stderr).toBe(0);
    const section = first.stdout.split('$ pantau deadlines')[1] ?? '';
    // The scenario: Barito Timur and Mimika down 4 h before each of their 3 deadlines (12 h in the 24 h windows, none
    // elsewhere); Aceh Barat and Palangkaraya down as long, but never within 24 h of a deadline of theirs.
    for (const slug of ['baritotimurkab', 'mimikakab'])
      expect(section).toMatch(new RegExp(`\\(${slug}\\) +only near +0\\.1\\d+ +3 +3 +12 h +72 h +0 min`));
    for (const slug of ['acehbaratkab', 'palangkaraya'])
      expect(section).toMatch(new RegExp(`\\(${slug}\\) +0\\.00 +1\\.000 +3 +3 +0 min +72 h +12 h`));
    expect(section).toMatch(/6 tenders, Rp 138 miliar; 2 rescheduled after the outage began/);
    // kept apart from the real data dir's probe database
    expect(existsSync(join(dataDir, 'demo', 'series', 'pantau.duckdb'))).toBe(true);
    expect(existsSync(join(dataDir, 'series'))).toBe(false);
  });

  test('the unrelated fixture articles (sports, politics, training, tenders) become no incident', () => {
    const store = readFileSync(join(dataDir, 'reports', 'reports.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const reports = store.map((l) => JSON.parse(l) as { is_incident: boolean; url: string; title: string });
    // The five seed articles of the WordPress outlet, and the LPSE's own announcements of its outage.
    const seedPaths = ['/2015/04/02/', '/2020/07/05/', '/2021/06/09/', '/2023/05/27/', '/2024/06/27/'];
    const isSeedOrAnnouncement = (url: string) => seedPaths.some((p) => url.includes(p)) || url.includes('/eproc4/');
    for (const r of reports) expect(r.is_incident, r.title).toBe(isSeedOrAnnouncement(r.url));
    // Unrelated pages that mention the LPSE (a training, a tender notice) are fetched and must be told apart.
    expect(reports.filter((r) => !r.is_incident).length).toBeGreaterThanOrEqual(2);
  });

  test('then `pantau search "server rusak"` finds Barito Timur, and status shows the index', async () => {
    const search = await runPantau(['--data-dir', dataDir, 'search', 'server rusak'], { env: noMeili });
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout.split('\n').slice(0, 4).join('\n')).toMatch(/Barito Timur/);
    const status = await runPantau(['--data-dir', dataDir, 'status'], { env: noMeili });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/index {8}incidents: 5 documents/);
  });

  test('running it twice does not duplicate documents', async () => {
    const before = await runPantau(['--data-dir', dataDir, 'status', '--json'], { env: noMeili });
    const second = await runPantau(['--data-dir', dataDir, 'demo', '--port', String(port)], {
      env: noMeili,
      timeoutMs: 180_000,
    });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^5 incidents found$/m);
    const after = await runPantau(['--data-dir', dataDir, 'status', '--json'], { env: noMeili });
    const counts = (r: RunResult) =>
      Object.fromEntries(
        (JSON.parse(r.stdout).indexes as Array<{ uid: string; documents: number }>).map((i) => [i.uid, i.documents]),
      );
    expect(counts(after)).toEqual(counts(before));
    expect(JSON.parse(after.stdout).reports).toEqual(JSON.parse(before.stdout).reports);
  }, 200_000);

  test('Ctrl-C during the demo leaves no Meilisearch process behind', async () => {
    const dir = tempDir();
    const p = await freePortPair();
    const child = spawn(process.execPath, [PANTAU, '--data-dir', dir, 'demo', '--port', String(p)], {
      cwd: ROOT,
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MEILI_'))),
    });
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.stdout.resume();
    await new Promise<void>((resolveStarted, reject) => {
      const timer = setTimeout(() => reject(new Error(`demo never started Meilisearch: ${stderr}`)), 120_000);
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/starting Meilisearch/.test(stderr) && existsSync(join(dir, 'meili', 'server.json'))) {
          clearTimeout(timer);
          resolveStarted();
        }
      });
    });
    const pid = (JSON.parse(readFileSync(join(dir, 'meili', 'server.json'), 'utf8')) as { pid: number }).pid;
    expect(alive(pid)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(dir, 'meili', 'server.json'))).toBe(false);
  }, 200_000);
});
