/**
 * Faults around Meilisearch: the embedded server killed with kill -9 in the middle of `pantau index` (the run
 * ends in one line saying what to do, and the next run gives exactly the index an uninterrupted run gives), and
 * leftovers of a dead run (its build indexes and queued tasks) removed by the next one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { resolveDataDir } from '../../src/config.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import { connectMeili, type MeiliConnection, meiliClient } from '../../src/meili/embedded.ts';
import { processRunning } from '../../src/meili/lease.ts';
import { alive, PANTAU, ROOT, runPantau, tempDir } from '../helpers.ts';
import { fixtureList } from '../kb/helpers.ts';

const ENV = { MEILI_URL: undefined, MEILI_MASTER_KEY: undefined };
const conns: MeiliConnection[] = [];
afterAll(async () => {
  for (const c of conns) await c.close();
});

/** A data dir holding the fixture reports, ready for `pantau index`. */
function seeded(): string {
  const root = tempDir('pantau-faults-');
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(
    join(root, 'reports', 'reports.jsonl'),
    fixtureList()
      .map((r) => `${JSON.stringify(r)}\n`)
      .join(''),
  );
  return root;
}

type Doc = Record<string, unknown> & { id: string };

/** Every document of both live indexes, by id, and the names of all indexes. */
async function snapshot(root: string): Promise<{ indexes: string[]; incidents: Doc[]; reports: Doc[] }> {
  const conn = await connectMeili(resolveDataDir(root), { env: {} });
  conns.push(conn);
  const all = async (uid: string) =>
    ((await conn.client.index(uid).getDocuments({ limit: 10_000 })).results as Doc[]).sort((a, b) =>
      a.id.localeCompare(b.id),
    );
  const { results } = await conn.client.getRawIndexes({ limit: 1000 });
  return {
    indexes: results.map((i) => i.uid).sort(),
    incidents: await all('incidents'),
    reports: await all('reports'),
  };
}

describe('Meilisearch killed with kill -9 in the middle of pantau index', () => {
  test('the run ends in one line naming the backend and what to run; the next run gives the uninterrupted index', async () => {
    const root = seeded();
    const child: ChildProcess = spawn(process.execPath, [PANTAU, '--data-dir', root, 'index', '--rebuild'], {
      cwd: ROOT,
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MEILI_'))),
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    child.stdout?.resume();
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    // Kill the server once the rebuild is under way: a build index exists and is being filled.
    const serverFile = join(root, 'meili', 'server.json');
    let killed = 0;
    const deadline = Date.now() + 60_000;
    while (!killed && Date.now() < deadline) {
      if (existsSync(serverFile)) {
        try {
          const info = JSON.parse(readFileSync(serverFile, 'utf8')) as { pid: number; url: string };
          const key = readFileSync(join(root, 'meili', 'master-key'), 'utf8').trim();
          const { results } = await meiliClient(info.url, key).getRawIndexes();
          if (results.some((i) => i.uid.includes('__build_'))) {
            process.kill(info.pid, 'SIGKILL');
            killed = info.pid;
          }
        } catch {
          // written but not yet answering
        }
      }
      if (!killed) await new Promise((r) => setTimeout(r, 10));
    }
    expect(killed, `never saw a build index: ${stderr}`).toBeGreaterThan(0);
    const code = await exited;
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(
      new RegExp(
        `^pantau: the embedded Meilisearch of .* \\(pid ${killed}, .*\\) stopped answering in the middle of \`pantau index\``,
      ),
    );
    expect(last).toMatch(/run `pantau index` again/);
    expect(stderr).not.toMatch(/unexpected error|please report|\n\s+at /);
    expect(alive(killed)).toBe(false);

    const again = await runPantau(['--data-dir', root, 'index'], { env: ENV });
    expect(again.code, again.stderr).toBe(0);
    const got = await snapshot(root);
    expect(got.indexes).toEqual(['incidents', 'reports']); // no build index of the killed run left
    // What an uninterrupted run indexes: the documents built from the same reports, from scratch (the killed run
    // saved no incidents, so no ids are kept from it).
    const want = buildKnowledgeBase(fixtureList(), [], { gapDays: 7 }).docs;
    const byId = (docs: readonly object[]) =>
      (JSON.parse(JSON.stringify(docs)) as Doc[]).sort((a, b) => a.id.localeCompare(b.id));
    expect(got.incidents.length).toBeGreaterThan(0);
    expect(got.incidents).toEqual(byId(want.incidents));
    expect(got.reports).toEqual(byId(want.reports));
  }, 180_000);
});

describe('every user of the server killed with kill -9', () => {
  test('the watchdog stops the server once no live process holds a lease', async () => {
    const root = tempDir('pantau-orphan-');
    const script = `const { connectMeili } = await import('./src/meili/embedded.ts');
      const { resolveDataDir } = await import('./src/config.ts');
      const c = await connectMeili(resolveDataDir(${JSON.stringify(root)}), { env: {} });
      console.log('ready ' + c.pid);
      setInterval(() => {}, 1e6);`;
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolvePid, reject) => {
      let out = '';
      holder.stdout?.on('data', (d) => {
        out += d;
        const m = /ready (\d+)/.exec(out);
        if (m) resolvePid(Number(m[1]));
      });
      holder.on('exit', (code) => reject(new Error(`holder exited (${code}): ${out}`)));
    });
    expect(processRunning(pid)).toBe(true);
    holder.kill('SIGKILL'); // its lease is never given back
    const deadline = Date.now() + 30_000;
    while (processRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(processRunning(pid)).toBe(false);
    // the watchdog removes the server's record right after it sees the server gone (up to 0.1 s later; longer on a
    // loaded machine): the record must go, within the same deadline
    const info = join(root, 'meili', 'server.json');
    while (existsSync(info) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(info)).toBe(false);
  }, 60_000);
});
