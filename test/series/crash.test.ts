/**
 * kill -9 in the middle of appending: the database opens again, holds every round whose append returned and no
 * part of any other, and its derived episodes equal those derived again from the probes it holds.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openSeries } from '../../src/series/store.ts';
import { ROOT, tempDir } from '../helpers.ts';

const PER_ROUND = 40;

/** Runs the append loop until `rounds` more appends returned plus a random bit of the next, then SIGKILLs it. */
function appendThenKill(dir: string, rounds: number, keepOpen: boolean): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'test/series/fixtures/append-loop.ts'),
        dir,
        String(PER_ROUND),
        keepOpen ? '1' : '0',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const done: number[] = [];
    let err = '';
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const m = /^ok (\d+)$/.exec(buf.slice(0, i));
        buf = buf.slice(i + 1);
        if (m) done.push(Number(m[1]));
        if (done.length === rounds) setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
      }
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(done);
      else reject(new Error(`append loop ended without being killed: ${err}`));
    });
  });
}

test('a store killed with SIGKILL while appending reopens intact, losing at most the round in flight', async () => {
  const dir = tempDir();
  const confirmed: number[] = [];
  // the first run closes the file after every round (a kill can land in a checkpoint), the second keeps it open
  for (const keepOpen of [false, true]) {
    confirmed.push(...(await appendThenKill(dir, 5, keepOpen)));
    const s = await openSeries(dir, { retentionDays: null, keepOpen: true });
    try {
      const rounds = await s.use((db) =>
        db.all<{ r: number; n: number }>(
          "SELECT ((epoch_ms(round) - epoch_ms(TIMESTAMP '2026-08-01')) / 600000)::INTEGER AS r, count(*)::INTEGER AS n FROM probes GROUP BY 1 ORDER BY 1",
        ),
      );
      // every confirmed round is there, whole; at most one more (committed, killed before it said so); no part of one
      const stored = rounds.map((x) => x.r);
      for (const r of confirmed) expect(stored).toContain(r);
      expect(stored.length - confirmed.length).toBeLessThanOrEqual(1);
      for (const x of rounds) expect(x.n).toBe(PER_ROUND);
      expect(stored).toEqual([...stored.keys()]);
      confirmed.splice(0, confirmed.length, ...stored);
      const derived = await s.episodes();
      await s.rebuild();
      expect(await s.episodes()).toEqual(derived);
      expect(derived.length).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  }
  expect(confirmed.length).toBeGreaterThanOrEqual(10);
});
